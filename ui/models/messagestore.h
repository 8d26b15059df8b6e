#pragma once

#include "message.h"
#include "topicfiltertrie.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

#include "topicindex.h"
#include "topicnodearena.h"
#include "topicnode.h"
class PaneModel;

// Everything one connection received, indexed by topic: the single owner of TopicNodes.
//
// add()/addBatch() are the per-message path: one hash lookup on the full topic, counters,
// history append, pane routing, a dirty mark; no model signal. A timer (flushInterval(),
// default 40 ms) then calls flush(), which tells the models in bulk:
//   - topicsAboutToBeInserted/topicsInserted per parent that got new children (one range each),
//   - nodesChanged with the changed nodes grouped per parent (the model turns each group into
//     one ranged dataChanged),
//   - PaneModel::flush() on every registered pane (one beginInsertRows each).
// A flush handles at most maxChangesPerFlush() changed nodes; the rest stay dirty and go with
// the next flush (coalesced), so a flush's cost is bounded whatever the message rate.
//
// History: every topic keeps its messages, oldest first, under one byte budget for the
// connection (default 256 MiB). Over budget, the connection's oldest history entry goes first
// (whatever its topic) and droppedMessages() counts it. The last message of each topic is
// always kept whole. Payloads are never truncated.
class MessageStore : public QObject
{
    Q_OBJECT
public:
    explicit MessageStore(QObject *parent = nullptr);
    ~MessageStore() override;

    // The invisible root (its children are the first topic levels).
    TopicNode *root() const { return m_root.get(); }
    // The node of a topic or of an intermediate level ("a/b"), or nullptr.
    TopicNode *node(const QString &topicOrLevel) const;
    // Every node that has own messages, in the order the topics first arrived.
    const QList<TopicNode *> &topics() const { return m_topics; }

    // The per-message path (also for messages we published ourselves, or loaded from a file).
    void add(const mqtt::Message &message);
    void addBatch(const QList<mqtt::Message> &messages);

    // Announces pending inserts and changes now (also called by the timer).
    void flush();
    void setFlushInterval(int ms);
    int flushInterval() const;
    void setMaxChangesPerFlush(int count);
    int maxChangesPerFlush() const { return m_maxChangesPerFlush; }
    // Recomputes msgs/s and bytes/s of the nodes that changed since the last tick (and of
    // those whose rate must fall back to 0), then emits ratesUpdated with at most
    // maxChangesPerFlush() nodes (the rest go with the next tick, first). Timer-driven; public
    // for tests, with the elapsed time given.
    void updateRates(qint64 elapsedMs);
    void setRateInterval(int ms);
    int rateInterval() const;

    // Byte budget of the history (payload + topic + a fixed per-entry overhead).
    void setByteBudget(qint64 bytes);
    qint64 byteBudget() const { return m_byteBudget; }
    qint64 historyBytes() const { return m_historyBytes; }
    qint64 historyMessages() const { return qint64(m_historyOrder.size()); }
    // One entry per history message, oldest first (the k-th entry of a node is its k-th
    // history message): the arrival order across topics, for exports.
    const std::deque<TopicNode *> &historyOrder() const { return m_historyOrder; }
    qint64 droppedMessages() const { return m_droppedMessages; }
    static qint64 entryBytes(const mqtt::Message &message);

    qint64 totalMessages() const;
    qint64 totalBytes() const;
    int topicCount() const { return int(m_topics.size()); }
    // Nodes whose rate is being tracked (non-zero rate or messages since the last tick).
    const QList<TopicNode *> &rateActiveNodes() const { return m_rateActive; }
    // Monotonic ms since the store was created (TopicNode::lastChangeMs uses this clock).
    qint64 clockMs() const { return m_clock.elapsed() + 1; }

    // Forgets everything (the models reset).
    void clear();

    // Panes: each gets the messages its filter routes, paho's message_callback_add order and
    // semantics (every matching pane; "$share/<g>/" routes on the rest). The default pane
    // (filter empty) gets what matched no other pane. The store does not own panes.
    void addPane(PaneModel *pane);
    void removePane(PaneModel *pane);
    QList<PaneModel *> panes() const { return m_panes; }

Q_SIGNALS:
    void aboutToReset();
    void reset();
    // New children parent->children[first..last] become visible (publishedChildren moves).
    void topicsAboutToBeInserted(TopicNode *parent, int first, int last);
    void topicsInserted(TopicNode *parent, int first, int last);
    // Nodes whose counters, last message or rates changed; grouped per parent, each group
    // sorted by row: groups[i] all share one parent.
    void nodesChanged(const QList<QList<TopicNode *>> &groups);
    void ratesUpdated(const QList<QList<TopicNode *>> &groups);
    // After each flush (also when nothing changed): status bars, details panes.
    void flushed();
    void historyDropped(qint64 totalDropped);

private:
    TopicNode *createTopic(const QString &topic);
    void markDirty(TopicNode *node);
    void trimHistory();
    void rebuildPaneRoutes();
    void routeToPanes(const mqtt::Message &message, TopicNode *node, const QString &topic,
                      qint64 entry);
    void publishSubtree(TopicNode *node);
    void deleteNodes();
    void onRateTimer();
    // One slice of a rate tick: at most maxNodes of m_rateActive from m_rateCursor. Returns
    // true when the tick is complete (then ratesUpdated has been emitted).
    bool rateSlice(qsizetype maxNodes);
    static QList<QList<TopicNode *>> groupByParent(QList<TopicNode *> nodes);

    std::unique_ptr<TopicNode> m_root;
    TopicNodeArena m_nodes; // every node but the root
    TopicIndex m_index;     // full topic or level path -> node
    QList<TopicNode *> m_topics;
    QList<TopicNode *> m_newNodes;       // created since the last flush
    QList<TopicNode *> m_dirty;
    QList<TopicNode *> m_rateActive;
    QList<TopicNode *> m_rateDeferred;   // rate changes over the per-tick bound, told next tick
    // A tick in progress: with a million active topics one pass would stall the GUI thread,
    // so the timer's tick walks them in slices, one per event-loop turn.
    QList<TopicNode *> m_rateChanged;
    qsizetype m_rateCursor = 0;
    qsizetype m_rateKept = 0;
    qint64 m_rateElapsed = 0;
    bool m_rateInProgress = false;
    std::deque<TopicNode *> m_historyOrder; // one entry per history message, oldest first
    qint64 m_historyBytes = 0;
    qint64 m_byteBudget = 256 * 1024 * 1024;
    qint64 m_droppedMessages = 0;
    qint64 m_droppedAtLastSignal = 0;
    int m_maxChangesPerFlush = 20000;

    QList<PaneModel *> m_panes;
    mqtt::TopicFilterTrie m_paneRoutes;  // key = index into m_routeTargets + 1
    QList<QList<PaneModel *>> m_routeTargets; // panes per distinct filter (same filter twice)
    PaneModel *m_defaultPane = nullptr;
    // The panes a topic routes to depend on the topic alone: computed once per topic and
    // routing generation, so the per-message path does no trie walk.
    QList<QList<PaneModel *>> m_routeSets;
    quint32 m_routeSerial = 1;
    QList<quint64> m_matchScratch;

    QTimer m_flushTimer;
    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    QElapsedTimer m_clock;
};
