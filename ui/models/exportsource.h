#pragma once

#include "capture/sessionevent.h"
#include "message.h"

#include <QList>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

class MessageStore;
class PaneModel;
class SessionJournal;
struct TopicNode;

// What an export writes, taken on the GUI thread in one step that copies pointers only
// (messages and lists are implicitly shared), then put in order on the export thread:
// the received messages in the order they arrived (the store's history order, or a pane's
// rows), merged by time with the journal's sent messages, log lines and connection events.
//
// The store keeps one history-order entry per history message, oldest first, so the k-th
// time a topic appears in that order is its k-th history message: walking the order with a
// cursor per topic gives the exact arrival order across topics.
class ExportSource
{
public:
    enum Content { Received = 1, Sent = 2, Log = 4, Everything = Received | Sent | Log };

    // Every topic, or the topic `subtree` and everything under it.
    static ExportSource fromStore(const MessageStore &store, const SessionJournal *journal,
                                  const QString &subtree, int content);
    // The messages of one pane, in its order (the journal's sent messages only when they
    // match the pane's filter).
    static ExportSource fromPane(const PaneModel &pane, const SessionJournal *journal,
                                 int content);

    // Calls `visit` with each event in order, one at a time (a million events are never all
    // built at once); stops when visit returns false. Returns the number of events visited.
    qint64 forEachEvent(const std::function<bool(const mqtt::SessionEvent &)> &visit) const;
    // Convenience for tests: all events.
    QList<mqtt::SessionEvent> events() const;
    // Events forEachEvent() will visit at most (for progress).
    qint64 eventCount() const;
    // History dropped under the store's budget before the export: not in the file.
    qint64 droppedBefore() const { return m_dropped; }

private:
    QList<mqtt::Message> receivedInOrder() const;
    QList<mqtt::SessionEvent> journalInScope() const;
    bool inScope(const QString &topic) const;

    std::vector<TopicNode *> m_order;
    std::vector<std::pair<TopicNode *, QList<mqtt::Message>>> m_histories;
    QList<mqtt::Message> m_paneMessages;
    bool m_fromPane = false;
    QList<mqtt::SessionEvent> m_journal;
    QString m_subtree;     // store scope; empty = everything
    QString m_paneFilter;  // pane scope; empty = the default pane (what matched no filter)
    int m_content = Everything;
    qint64 m_dropped = 0;
};
