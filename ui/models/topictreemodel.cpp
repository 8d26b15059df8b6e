#include "topictreemodel.h"

#include "messagestore.h"
#include "previewtext.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

TopicTreeModel::TopicTreeModel(MessageStore *store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store)
{
    connect(store, &MessageStore::aboutToReset, this, [this] { beginResetModel(); });
    connect(store, &MessageStore::reset, this, [this] { endResetModel(); });
    connect(store, &MessageStore::topicsAboutToBeInserted, this,
            [this](TopicNode *parent, int first, int last) {
                beginInsertRows(indexOf(parent), first, last);
            });
    connect(store, &MessageStore::topicsInserted, this, [this] { endInsertRows(); });
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
    for (const QList<TopicNode *> &group : groups) {
        if (group.isEmpty())
            continue;
        const QModelIndex parentIndex = indexOf(group.first()->parent);
        Q_EMIT dataChanged(index(group.first()->row, RateColumn, parentIndex),
                           index(group.last()->row, BytesRateColumn, parentIndex),
                           {Qt::DisplayRole, SortRole});
    }
}
