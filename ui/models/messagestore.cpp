#include "messagestore.h"

#include "panemodel.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>
#include <vector>

MessageStore::MessageStore(QObject *parent)
    : QObject(parent), m_root(std::make_unique<TopicNode>())
{
    m_clock.start();
    m_flushTimer.setInterval(40);
    m_rateTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, &MessageStore::flush);
    connect(&m_rateTimer, &QTimer::timeout, this, &MessageStore::onRateTimer);
}

MessageStore::~MessageStore()
{
    deleteNodes();
}

void MessageStore::deleteNodes()
{
    // Every node but the root is indexed exactly once, under its full path.
    m_index.clear();
    m_nodes.clear();
}

TopicNode *MessageStore::node(const QString &topicOrLevel) const
{
    return m_index.value(topicOrLevel);
}

qint64 MessageStore::entryBytes(const mqtt::Message &message)
{
    return message.payload().size() + message.topic().size() * 2 + 96;
}

qint64 MessageStore::totalMessages() const
{
    return m_root->subtreeMessages;
}

qint64 MessageStore::totalBytes() const
{
    return m_root->subtreeBytes;
}

TopicNode *MessageStore::createTopic(const QString &topic)
{
    QVarLengthArray<qsizetype, 16> cuts; // positions of '/'
    for (qsizetype i = 0; i < topic.size(); ++i) {
        if (topic.at(i) == QLatin1Char('/'))
            cuts.append(i);
    }
    // Level paths and names are views into the topic's own characters, not copies: the leaf's
    // index key holds that string for as long as the index lives, and nodes only ever go all
    // together (deleteNodes). A million topics save two allocations per level this way.
    const auto view = [&topic](qsizetype from, qsizetype length) {
        return QString::fromRawData(topic.constData() + from, length);
    };
    // The deepest existing level, usually the direct parent: one lookup.
    TopicNode *parent = m_root.get();
    qsizetype k = cuts.size() - 1;
    for (; k >= 0; --k) {
        if (TopicNode *n = m_index.value(view(0, cuts[k]))) {
            parent = n;
            break;
        }
    }
    qsizetype start = k >= 0 ? cuts[k] + 1 : 0;
    for (qsizetype j = k + 1; j <= cuts.size(); ++j) {
        const bool leaf = j == cuts.size();
        const qsizetype end = leaf ? topic.size() : cuts[j];
        TopicNode *node = m_nodes.create();
        node->parent = parent;
        node->name = view(start, end - start);
        node->row = int(parent->children.size());
        // New rows go out with the parent's insert: never in a dataChanged of their own.
        node->dirty = true;
        if (parent->children.isEmpty())
            parent->children.reserve(1); // most levels have one child: no room for two
        parent->children.append(node);
        m_newNodes.append(node);
        // The leaf's key shares the message's topic string (and keeps it alive for the views).
        m_index.insert(leaf ? topic : view(0, end), node);
        parent = node;
        start = end + 1;
    }
    return parent;
}

void MessageStore::add(const mqtt::Message &message)
{
    const QString topic = message.topic();
    TopicNode *node = m_index.value(topic);
    if (!node) {
        if (topic.isEmpty())
            return; // not a topic name: nothing could route or show it
        node = createTopic(topic);
    }
    TopicNode *root = m_root.get();
    const qint64 size = message.payload().size();
    if (node->messageCount == 0) {
        m_topics.append(node);
        for (TopicNode *n = node; n; n = n->parent)
            ++n->subtreeTopics;
    }
    ++node->messageCount;
    node->last = message;
    if (node->history.capacity() == 0)
        node->history.reserve(1); // most topics hold one message: no room for two
    node->history.append(message);
    m_historyOrder.push_back(node);
    const qint64 entry = size + topic.size() * 2 + 96; // entryBytes() without re-reading
    m_historyBytes += entry;

    // The walk up is needed for the subtree counters anyway, so dirty and rate marks ride
    // along (no early stop: a partial flush may leave a child dirty under a clean parent).
    const qint64 timestamp = message.timestamp();
    for (TopicNode *n = node; n != root; n = n->parent) {
        ++n->subtreeMessages;
        n->subtreeBytes += size;
        if (timestamp > n->lastTimestamp)
            n->lastTimestamp = timestamp;
        if (!n->dirty) {
            n->dirty = true;
            m_dirty.append(n);
        }
        if (!n->rateActive) {
            n->rateActive = true;
            m_rateActive.append(n);
        }
    }
    ++root->subtreeMessages;
    root->subtreeBytes += size;
    if (timestamp > root->lastTimestamp)
        root->lastTimestamp = timestamp;

    if (m_historyBytes > m_byteBudget)
        trimHistory();
    if (!m_panes.isEmpty())
        routeToPanes(message, node, topic, entry);

    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (!m_rateTimer.isActive()) {
        m_rateClock.start();
        m_rateTimer.start();
    }
}

void MessageStore::addBatch(const QList<mqtt::Message> &messages)
{
    for (const mqtt::Message &message : messages)
        add(message);
}

void MessageStore::routeToPanes(const mqtt::Message &message, TopicNode *node,
                                const QString &topic, qint64 entry)
{
    if (node->routeSerial != m_routeSerial) {
        QList<PaneModel *> targets;
        if (!m_paneRoutes.isEmpty()) {
            m_paneRoutes.match(topic, m_matchScratch);
            for (quint64 key : std::as_const(m_matchScratch))
                targets += m_routeTargets.at(qsizetype(key - 1));
        }
        if (targets.isEmpty() && m_defaultPane)
            targets.append(m_defaultPane);
        qsizetype set = m_routeSets.indexOf(targets); // a handful of distinct sets
        if (set < 0) {
            set = m_routeSets.size();
            m_routeSets.append(targets);
        }
        node->routeSet = quint32(set);
        node->routeSerial = m_routeSerial;
    }
    for (PaneModel *pane : std::as_const(m_routeSets.at(node->routeSet)))
        pane->append(message, entry);
}

void MessageStore::trimHistory()
{
    while (m_historyBytes > m_byteBudget && !m_historyOrder.empty()) {
        TopicNode *node = m_historyOrder.front();
        m_historyOrder.pop_front();
        m_historyBytes -= entryBytes(node->history.first());
        node->history.removeFirst();
        ++m_droppedMessages;
    }
}

void MessageStore::publishSubtree(TopicNode *node)
{
    // Every descendant of a new node is new: the parent's insert shows them all.
    node->publishedChildren = int(node->children.size());
    for (TopicNode *child : std::as_const(node->children))
        publishSubtree(child);
}

void MessageStore::flush()
{
    const qint64 now = clockMs();

    // New children: one range per parent. Creation order puts a new parent before its
    // children, and a new parent's insert already covers its whole new subtree.
    for (TopicNode *node : std::as_const(m_newNodes)) {
        TopicNode *parent = node->parent;
        if (node->row < parent->publishedChildren)
            continue;
        const int first = parent->publishedChildren;
        const int last = int(parent->children.size()) - 1;
        Q_EMIT topicsAboutToBeInserted(parent, first, last);
        for (int row = first; row <= last; ++row)
            publishSubtree(parent->children.at(row));
        parent->publishedChildren = last + 1;
        Q_EMIT topicsInserted(parent, first, last);
    }
    for (TopicNode *node : std::as_const(m_newNodes)) {
        node->dirty = false;
        node->lastChangeMs = now;
    }
    m_newNodes.clear();

    // Changed rows, bounded per flush; the rest stay dirty (and coalesce) for the next one.
    const qsizetype take = qMin<qsizetype>(m_dirty.size(), m_maxChangesPerFlush);
    if (take > 0) {
        QList<TopicNode *> changed(m_dirty.cbegin(), m_dirty.cbegin() + take);
        m_dirty.remove(0, take);
        for (TopicNode *node : std::as_const(changed)) {
            node->dirty = false;
            node->lastChangeMs = now;
        }
        Q_EMIT nodesChanged(groupByParent(std::move(changed)));
    }

    for (PaneModel *pane : std::as_const(m_panes))
        pane->flush();

    if (m_droppedMessages != m_droppedAtLastSignal) {
        m_droppedAtLastSignal = m_droppedMessages;
        Q_EMIT historyDropped(m_droppedMessages);
    }
    if (m_dirty.isEmpty())
        m_flushTimer.stop();
    Q_EMIT flushed();
}

QList<QList<TopicNode *>> MessageStore::groupByParent(QList<TopicNode *> nodes)
{
    // Sort on copied keys: comparing through the node pointers missed the cache on every step.
    struct Key
    {
        quintptr parent;
        int row;
        TopicNode *node;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(nodes.size()));
    for (TopicNode *node : std::as_const(nodes))
        keys.push_back({quintptr(node->parent), node->row, node});
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return a.parent != b.parent ? a.parent < b.parent : a.row < b.row;
    });
    QList<QList<TopicNode *>> groups;
    quintptr current = 0;
    for (const Key &key : keys) {
        if (groups.isEmpty() || key.parent != current) {
            groups.append(QList<TopicNode *>());
            current = key.parent;
        }
        groups.last().append(key.node);
    }
    return groups;
}

void MessageStore::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(ms);
}

int MessageStore::flushInterval() const
{
    return m_flushTimer.interval();
}

void MessageStore::setMaxChangesPerFlush(int count)
{
    m_maxChangesPerFlush = qMax(1, count);
}

void MessageStore::setRateInterval(int ms)
{
    m_rateTimer.setInterval(ms);
}

int MessageStore::rateInterval() const
{
    return m_rateTimer.interval();
}

void MessageStore::onRateTimer()
{
    if (m_rateInProgress)
        return; // the previous tick's slices are still running: skip this one
    m_rateElapsed = qMax<qint64>(1, m_rateClock.restart());
    m_rateCursor = 0;
    m_rateKept = 0;
    m_rateInProgress = true;
    // About 30k nodes take a few ms; the rest follow on the next event-loop turns.
    constexpr qsizetype kRateSlice = 30000;
    if (!rateSlice(kRateSlice)) {
        auto *timer = new QTimer(this);
        timer->setInterval(0);
        connect(timer, &QTimer::timeout, this, [this, timer] {
            if (rateSlice(kRateSlice))
                timer->deleteLater();
        });
        timer->start();
    }
    // Panes compute their own rate when they flush: let them see the quiet seconds too.
    for (PaneModel *pane : std::as_const(m_panes))
        pane->flush();
}

void MessageStore::updateRates(qint64 elapsedMs)
{
    if (elapsedMs <= 0)
        return;
    m_rateElapsed = elapsedMs;
    m_rateCursor = 0;
    m_rateKept = 0;
    m_rateInProgress = true;
    rateSlice(std::numeric_limits<qsizetype>::max());
}

bool MessageStore::rateSlice(qsizetype maxNodes)
{
    if (!m_rateInProgress)
        return true;
    const double elapsed = double(m_rateElapsed);
    const qsizetype end = qMin(m_rateActive.size(),
                               m_rateCursor + qMin(maxNodes, m_rateActive.size()));
    for (; m_rateCursor < end; ++m_rateCursor) {
        TopicNode *node = m_rateActive.at(m_rateCursor);
        const quint32 messages = quint32(node->subtreeMessages) - node->messagesAtTick;
        const quint32 bytes = quint32(node->subtreeBytes) - node->bytesAtTick;
        const float mps = float(double(messages) * 1000.0 / elapsed);
        const float bps = float(double(bytes) * 1000.0 / elapsed);
        node->messagesAtTick = quint32(node->subtreeMessages);
        node->bytesAtTick = quint32(node->subtreeBytes);
        const bool published = node->row < node->parent->publishedChildren;
        if ((mps != node->messagesPerSecond || bps != node->bytesPerSecond) && published)
            m_rateChanged.append(node);
        node->messagesPerSecond = mps;
        node->bytesPerSecond = bps;
        // A node stays active while its rate is non-zero, so it falls to 0 on a quiet tick.
        if (mps != 0 || bps != 0)
            m_rateActive[m_rateKept++] = node;
        else
            node->rateActive = false;
    }
    if (m_rateCursor < m_rateActive.size())
        return false; // add() may have appended meanwhile: those are walked in this tick too
    m_rateActive.resize(m_rateKept);
    m_rateInProgress = false;
    // Deferred from the last tick first, so that no displayed rate stays stale.
    QList<TopicNode *> changed = std::move(m_rateDeferred);
    m_rateDeferred.clear();
    changed += std::move(m_rateChanged);
    m_rateChanged.clear();
    // Every group is one dataChanged through every proxy: bound them like a flush's changes.
    if (changed.size() > m_maxChangesPerFlush) {
        m_rateDeferred = changed.mid(m_maxChangesPerFlush);
        changed.resize(m_maxChangesPerFlush);
    }
    Q_EMIT ratesUpdated(groupByParent(std::move(changed)));
    if (m_rateActive.isEmpty() && m_rateDeferred.isEmpty())
        m_rateTimer.stop();
    return true;
}

void MessageStore::setByteBudget(qint64 bytes)
{
    m_byteBudget = qMax<qint64>(0, bytes);
    trimHistory();
}

void MessageStore::clear()
{
    Q_EMIT aboutToReset();
    m_flushTimer.stop();
    m_rateTimer.stop();
    m_rateInProgress = false; // a tick's remaining slices find nothing to do
    m_rateChanged.clear();
    deleteNodes();
    m_root = std::make_unique<TopicNode>();
    m_topics.clear();
    m_newNodes.clear();
    m_dirty.clear();
    m_rateActive.clear();
    m_rateDeferred.clear();
    m_historyOrder.clear();
    m_historyBytes = 0;
    m_droppedMessages = 0;
    m_droppedAtLastSignal = 0;
    for (PaneModel *pane : std::as_const(m_panes))
        pane->clear();
    Q_EMIT reset();
}

void MessageStore::addPane(PaneModel *pane)
{
    if (!pane || m_panes.contains(pane))
        return;
    m_panes.append(pane);
    pane->setByteCapacity(m_byteBudget / 4);
    // A pane deleted by its window must not stay routed.
    connect(pane, &QObject::destroyed, this, [this, pane] { removePane(pane); });
    rebuildPaneRoutes();
}

void MessageStore::removePane(PaneModel *pane)
{
    if (m_panes.removeAll(pane) == 0)
        return;
    disconnect(pane, &QObject::destroyed, this, nullptr);
    rebuildPaneRoutes();
}

void MessageStore::rebuildPaneRoutes()
{
    m_paneRoutes.clear();
    m_routeTargets.clear();
    m_routeSets.clear();
    ++m_routeSerial; // every topic's cached route is stale
    m_defaultPane = nullptr;
    for (PaneModel *pane : std::as_const(m_panes)) {
        if (pane->isDefault()) {
            if (!m_defaultPane)
                m_defaultPane = pane;
            continue;
        }
        // The trie keeps one key per literal filter; two panes on one filter share it.
        const quint64 key = m_paneRoutes.value(pane->filter(), 0);
        if (key) {
            m_routeTargets[qsizetype(key - 1)].append(pane);
        } else if (m_paneRoutes.insert(pane->filter(), quint64(m_routeTargets.size() + 1))) {
            m_routeTargets.append({pane});
        }
    }
}
