#include "exportsource.h"

#include "messagestore.h"
#include "panemodel.h"
#include "sessionjournal.h"
#include "topic.h"
#include "topicnode.h"

#include <unordered_map>

namespace {

void collectTopics(TopicNode *node, std::vector<std::pair<TopicNode *, QList<mqtt::Message>>> *out)
{
    if (node->isTopic())
        out->emplace_back(node, node->history);
    for (TopicNode *child : std::as_const(node->children))
        collectTopics(child, out);
}

} // namespace

ExportSource ExportSource::fromStore(const MessageStore &store, const SessionJournal *journal,
                                     const QString &subtree, int content)
{
    ExportSource source;
    source.m_subtree = subtree;
    source.m_content = content;
    source.m_dropped = store.droppedMessages();
    if (journal)
        source.m_journal = journal->events();
    if (!(content & Received))
        return source;
    const std::deque<TopicNode *> &order = store.historyOrder();
    source.m_order.assign(order.begin(), order.end());
    if (subtree.isEmpty()) {
        const QList<TopicNode *> &topics = store.topics();
        source.m_histories.reserve(size_t(topics.size()));
        for (TopicNode *node : topics)
            source.m_histories.emplace_back(node, node->history);
    } else if (TopicNode *node = store.node(subtree)) {
        collectTopics(node, &source.m_histories);
    }
    return source;
}

ExportSource ExportSource::fromPane(const PaneModel &pane, const SessionJournal *journal,
                                    int content)
{
    ExportSource source;
    source.m_fromPane = true;
    source.m_paneFilter = pane.filter();
    source.m_content = content;
    if (journal)
        source.m_journal = journal->events();
    if (content & Received) {
        const int rows = pane.rowCount();
        source.m_paneMessages.reserve(rows);
        for (int row = 0; row < rows; ++row)
            source.m_paneMessages.append(pane.message(row));
        source.m_dropped = pane.droppedMessages();
    }
    return source;
}

bool ExportSource::inScope(const QString &topic) const
{
    if (m_fromPane)
        return !m_paneFilter.isEmpty() && mqtt::topicMatchesSub(m_paneFilter, topic);
    if (m_subtree.isEmpty())
        return true;
    return topic == m_subtree
        || (topic.startsWith(m_subtree) && topic.size() > m_subtree.size()
            && topic.at(m_subtree.size()) == u'/');
}

QList<mqtt::Message> ExportSource::receivedInOrder() const
{
    if (m_fromPane)
        return m_paneMessages;
    QList<mqtt::Message> result;
    if (!(m_content & Received))
        return result;
    // Cursor per topic into its history; topics out of scope are not in the map.
    struct Cursor
    {
        const QList<mqtt::Message> *history;
        qsizetype next;
    };
    std::unordered_map<const TopicNode *, Cursor> cursors;
    cursors.reserve(m_histories.size());
    qsizetype total = 0;
    for (const auto &[node, history] : m_histories) {
        cursors.emplace(node, Cursor{&history, 0});
        total += history.size();
    }
    result.reserve(total);
    for (const TopicNode *node : m_order) {
        const auto it = cursors.find(node);
        if (it == cursors.end())
            continue;
        Cursor &c = it->second;
        if (c.next < c.history->size())
            result.append(c.history->at(c.next++));
    }
    return result;
}

QList<mqtt::SessionEvent> ExportSource::journalInScope() const
{
    QList<mqtt::SessionEvent> journal;
    for (const mqtt::SessionEvent &e : m_journal) {
        const bool wanted = e.isMessage() ? (m_content & Sent) && inScope(e.topic)
                                          : (m_content & Log) != 0;
        if (wanted)
            journal.append(e);
    }
    return journal;
}

qint64 ExportSource::eventCount() const
{
    qint64 received = 0;
    if (m_fromPane)
        received = m_paneMessages.size();
    else if (m_content & Received)
        for (const auto &entry : m_histories)
            received += entry.second.size();
    return received + m_journal.size();
}

qint64 ExportSource::forEachEvent(
        const std::function<bool(const mqtt::SessionEvent &)> &visit) const
{
    using mqtt::SessionEvent;
    const QList<mqtt::Message> received = receivedInOrder();
    const QList<SessionEvent> journal = journalInScope();
    // Both lists are in time order: merge them, received first on equal times (a message is
    // logged after it arrived).
    qint64 visited = 0;
    qsizetype j = 0;
    for (const mqtt::Message &message : received) {
        const SessionEvent e = mqtt::capture::fromMessage(SessionEvent::Type::Received, message);
        for (; j < journal.size() && journal.at(j).timestamp < e.timestamp; ++j, ++visited) {
            if (!visit(journal.at(j)))
                return visited;
        }
        ++visited;
        if (!visit(e))
            return visited;
    }
    for (; j < journal.size(); ++j, ++visited) {
        if (!visit(journal.at(j)))
            return visited;
    }
    return visited;
}

QList<mqtt::SessionEvent> ExportSource::events() const
{
    QList<mqtt::SessionEvent> result;
    forEachEvent([&result](const mqtt::SessionEvent &e) {
        result.append(e);
        return true;
    });
    return result;
}
