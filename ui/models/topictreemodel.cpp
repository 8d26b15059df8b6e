#include "topictreemodel.h"

#include "messagestore.h"
#include "previewtext.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

TopicTreeModel::TopicTreeModel(MessageStore *store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store)
{
    connect(store, &MessageStore::aboutToReset, this, [this] { beginResetModel(); });
    connect(store, &MessageStore::reset, this, [this] { endResetModel(); });
    connect(store, &MessageStore::topicsAboutToBeInserted, this,
            [this](TopicNode *parent, int first, int last) {
                beginInsertRows(indexOf(parent), first, last);
            });
    connect(store, &MessageStore::topicsInserted, this,
            [this](TopicNode *parent, int first, int last) {
        endInsertRows();
        if (m_sortColumn < 0)
            return;
        if (m_unsorted.isEmpty() || m_unsorted.last() != parent)
            m_unsorted.append(parent);
        // A new node's whole subtree came with it: its levels need their order too.
        QList<TopicNode *> pending(parent->children.begin() + first,
                                   parent->children.begin() + last + 1);
        while (!pending.isEmpty()) {
            TopicNode *node = pending.takeLast();
            if (node->publishedChildren > 1)
                m_unsorted.append(node);
            for (int row = 0; row < node->publishedChildren; ++row)
                pending.append(node->children.at(row));
        }
    });
    connect(store, &MessageStore::flushed, this, [this] {
        if (m_unsorted.isEmpty())
            return;
        sortChildren(m_unsorted);
        m_unsorted.clear();
    });
    connect(store, &MessageStore::aboutToReset, this, [this] { m_unsorted.clear(); });
    connect(store, &MessageStore::nodesChanged, this, &TopicTreeModel::onNodesChanged);
    connect(store, &MessageStore::ratesUpdated, this, &TopicTreeModel::onRatesUpdated);
}

TopicTreeModel::~TopicTreeModel() = default;

TopicNode *TopicTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<TopicNode *>(index.internalPointer())
                           : m_store->root();
}

QModelIndex TopicTreeModel::indexOf(const TopicNode *node, int column) const
{
    if (!node || !node->parent)
        return QModelIndex();
    return createIndex(node->row, column, const_cast<TopicNode *>(node));
}

QModelIndex TopicTreeModel::indexOfTopic(const QString &topic) const
{
    const TopicNode *node = m_store->node(topic);
    // A node the model has not announced yet has no index.
    for (const TopicNode *n = node; n && n->parent; n = n->parent) {
        if (n->row >= n->parent->publishedChildren)
            return QModelIndex();
    }
    return indexOf(node);
}

void TopicTreeModel::setHighlightMs(int ms)
{
    m_highlightMs = ms;
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const TopicNode *parentNode = nodeAt(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= parentNode->publishedChildren)
        return QModelIndex();
    return createIndex(row, column, parentNode->children.at(row));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexOf(nodeAt(child)->parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeAt(parent)->publishedChildren;
}

int TopicTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags TopicTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeAt(index)->publishedChildren == 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

static QString formatTime(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch)
            .toString(QStringLiteral("hh:mm:ss.zzz"));
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    const TopicNode *node = nodeAt(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return node->name;
        case TopicsColumn:
            return QLocale().toString(node->subtreeTopics);
        case MessagesColumn:
            return QLocale().toString(node->subtreeMessages);
        case PayloadColumn:
            return node->isTopic() ? PreviewText::payload(node->last.payload()) : QString();
        case RetainedColumn:
            return node->isTopic() && node->last.retain() ? QStringLiteral("*") : QString();
        case QosColumn:
            return node->isTopic() ? QVariant(node->last.qos()) : QVariant();
        case RateColumn:
            return node->messagesPerSecond > 0
                    ? PreviewText::shortNumber(node->messagesPerSecond) + QStringLiteral("/s")
                    : QString();
        case BytesRateColumn:
            return node->bytesPerSecond > 0
                    ? PreviewText::bytes(qint64(node->bytesPerSecond)) + QStringLiteral("/s")
                    : QString();
        case UpdatedColumn:
            return formatTime(node->lastTimestamp);
        }
        return QVariant();
    case Qt::ToolTipRole:
        return node->topic();
    case Qt::TextAlignmentRole:
        if (column == TopicsColumn || column == MessagesColumn || column == RateColumn
            || column == BytesRateColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole: {
        // Only topics flash: a level with any traffic below would always be lit, which says
        // nothing (its rate column does).
        if (m_highlightMs <= 0 || node->lastChangeMs <= 0 || !node->isTopic())
            return QVariant();
        const qint64 age = m_store->clockMs() - node->lastChangeMs;
        if (age < 0 || age >= m_highlightMs)
            return QVariant();
        // A translucent amber reads on light and dark palettes alike; it fades with age.
        const double strength = 1.0 - double(age) / double(m_highlightMs);
        return QColor(255, 170, 0, int(72 * strength));
    }
    case TopicRole:
        return node->topic();
    case NodeRole:
        return QVariant::fromValue(quintptr(node));
    case SortRole:
        switch (column) {
        case NameColumn: return node->name;
        case TopicsColumn: return node->subtreeTopics;
        case MessagesColumn: return node->subtreeMessages;
        case PayloadColumn:
            return node->isTopic() ? PreviewText::payload(node->last.payload()) : QString();
        case RetainedColumn: return node->isTopic() && node->last.retain() ? 1 : 0;
        case QosColumn: return node->isTopic() ? node->last.qos() : -1;
        case RateColumn: return double(node->messagesPerSecond);
        case BytesRateColumn: return double(node->bytesPerSecond);
        case UpdatedColumn: return node->lastTimestamp;
        }
        return QVariant();
    case LastMessageRole:
        return node->isTopic() ? QVariant::fromValue(node->last) : QVariant();
    }
    return QVariant();
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Topic");
    case TopicsColumn: return tr("Topics");
    case MessagesColumn: return tr("Messages");
    case PayloadColumn: return tr("Last payload");
    case RetainedColumn: return tr("Retained");
    case QosColumn: return tr("QoS");
    case RateColumn: return tr("Msgs/s");
    case BytesRateColumn: return tr("Bytes/s");
    case UpdatedColumn: return tr("Updated");
    }
    return QVariant();
}

void TopicTreeModel::onNodesChanged(const QList<QList<TopicNode *>> &groups)
{
    // Groups come sorted by row: one ranged dataChanged each, whatever the group's size.
    for (const QList<TopicNode *> &group : groups) {
        if (group.isEmpty())
            continue;
        const TopicNode *parent = group.first()->parent;
        const QModelIndex parentIndex = indexOf(parent);
        Q_EMIT dataChanged(index(group.first()->row, 0, parentIndex),
                           index(group.last()->row, ColumnCount - 1, parentIndex));
    }
}

void TopicTreeModel::onRatesUpdated(const QList<QList<TopicNode *>> &groups)
{
    if (m_sortColumn > NameColumn) {
        // Counters and rates moved: the parents of what changed get their order back.
        QList<TopicNode *> parents;
        for (const QList<TopicNode *> &group : groups) {
            if (!group.isEmpty())
                parents.append(group.first()->parent);
        }
        sortChildren(parents);
    }
    for (const QList<TopicNode *> &group : groups) {
        if (group.isEmpty())
            continue;
        const QModelIndex parentIndex = indexOf(group.first()->parent);
        Q_EMIT dataChanged(index(group.first()->row, RateColumn, parentIndex),
                           index(group.last()->row, BytesRateColumn, parentIndex),
                           {Qt::DisplayRole, SortRole});
    }
}

int TopicTreeModel::naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            // Compare the digit runs as numbers: skip leading zeros, longer run is larger.
            qsizetype si = i, sj = j;
            while (si < a.size() && a.at(si) == QLatin1Char('0'))
                ++si;
            while (sj < b.size() && b.at(sj) == QLatin1Char('0'))
                ++sj;
            qsizetype ei = si, ej = sj;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            for (qsizetype k = 0; k < ei - si; ++k) {
                if (a.at(si + k) != b.at(sj + k))
                    return a.at(si + k) < b.at(sj + k) ? -1 : 1;
            }
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a.at(i).toCaseFolded();
        const QChar cb = b.at(j).toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return QString::compare(a, b); // equal but for case or zeros: a stable tie-break
}

bool TopicTreeModel::lessThan(const TopicNode *a, const TopicNode *b) const
{
    switch (m_sortColumn) {
    case TopicsColumn:
        if (a->subtreeTopics != b->subtreeTopics)
            return a->subtreeTopics < b->subtreeTopics;
        break;
    case MessagesColumn:
        if (a->subtreeMessages != b->subtreeMessages)
            return a->subtreeMessages < b->subtreeMessages;
        break;
    case RateColumn:
        if (a->messagesPerSecond != b->messagesPerSecond)
            return a->messagesPerSecond < b->messagesPerSecond;
        break;
    case BytesRateColumn:
        if (a->bytesPerSecond != b->bytesPerSecond)
            return a->bytesPerSecond < b->bytesPerSecond;
        break;
    case UpdatedColumn:
        if (a->lastTimestamp != b->lastTimestamp)
            return a->lastTimestamp < b->lastTimestamp;
        break;
    default:
        break;
    }
    return naturalCompare(a->name, b->name) < 0;
}

void TopicTreeModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    if (m_sortColumn < 0)
        return;
    QList<TopicNode *> parents;
    QList<TopicNode *> pending{m_store->root()};
    while (!pending.isEmpty()) {
        TopicNode *node = pending.takeLast();
        if (node->publishedChildren > 1)
            parents.append(node);
        for (int row = 0; row < node->publishedChildren; ++row) {
            if (node->children.at(row)->publishedChildren > 0)
                pending.append(node->children.at(row));
        }
    }
    sortChildren(parents);
}

void TopicTreeModel::sortChildren(const QList<TopicNode *> &parents)
{
    if (m_sortColumn < 0 || parents.isEmpty())
        return;
    const auto less = [this](const TopicNode *a, const TopicNode *b) {
        return m_sortOrder == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
    };
    // Only what is out of order changes layout: most flushes add children in place.
    QList<TopicNode *> unsorted;
    for (TopicNode *parent : parents) {
        const auto begin = parent->children.begin();
        if (!std::is_sorted(begin, begin + parent->publishedChildren, less))
            unsorted.append(parent);
    }
    if (unsorted.isEmpty())
        return;
    QList<QPersistentModelIndex> layoutParents;
    for (TopicNode *parent : std::as_const(unsorted)) {
        if (parent == m_store->root()) {
            layoutParents.clear(); // the root's children: say the whole model
            break;
        }
        layoutParents.append(QPersistentModelIndex(indexOf(parent)));
    }
    Q_EMIT layoutAboutToBeChanged(layoutParents, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<TopicNode *> nodes;
    nodes.reserve(before.size());
    for (const QModelIndex &index : before)
        nodes.append(nodeAt(index));
    for (TopicNode *parent : std::as_const(unsorted)) {
        // Only the published rows move; children the next flush will announce stay behind.
        const auto begin = parent->children.begin();
        std::stable_sort(begin, begin + parent->publishedChildren, less);
        for (int row = 0; row < parent->publishedChildren; ++row)
            parent->children.at(row)->row = row;
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(createIndex(nodes.at(i)->row, before.at(i).column(), nodes.at(i)));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged(layoutParents, QAbstractItemModel::VerticalSortHint);
}
