#include "topicsearchmodel.h"

#include "messagestore.h"
#include "previewtext.h"
#include "topicnode.h"

#include <QCollator>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>

TopicSearchModel::TopicSearchModel(MessageStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, &TopicSearchModel::scanSlice);
    m_payloadRescan.setInterval(3000);
    connect(&m_payloadRescan, &QTimer::timeout, this, &TopicSearchModel::restartScan);
    connect(store, &MessageStore::flushed, this, &TopicSearchModel::checkNewTopics);
    connect(store, &MessageStore::aboutToReset, this, [this] {
        beginResetModel();
        m_rows.clear();
        m_scanPos = 0;
        m_scanTimer.stop();
    });
    connect(store, &MessageStore::reset, this, [this] {
        endResetModel();
        Q_EMIT matchCountChanged(0);
    });
}

void TopicSearchModel::setTopicFilter(const TopicFilter &filter)
{
    if (!filter.isValid()) {
        Q_EMIT filterError(filter.errorString());
        return;
    }
    m_filter = filter;
    if (m_filter.matchPayloads() && !m_filter.isEmpty())
        m_payloadRescan.start();
    else
        m_payloadRescan.stop();
    restartScan();
}

QString TopicSearchModel::topicAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row)->topic() : QString();
}

void TopicSearchModel::restartScan()
{
    beginResetModel();
    m_rows.clear();
    m_scanPos = 0;
    endResetModel();
    Q_EMIT matchCountChanged(0);
    if (m_filter.isEmpty()) {
        m_scanTimer.stop();
        return;
    }
    m_scanTimer.start();
    scanSlice(); // small stores finish at once
}

// A slice of the full scan: evaluates topics for m_sliceMs, then yields to the event loop.
void TopicSearchModel::scanSlice()
{
    const QList<TopicNode *> &topics = m_store->topics();
    QElapsedTimer clock;
    clock.start();
    QList<TopicNode *> found;
    while (m_scanPos < topics.size()) {
        TopicNode *node = topics.at(m_scanPos++);
        if (m_filter.matches(node->topic(), node->last.payload()))
            found.append(node);
        if ((m_scanPos & 255) == 0 && clock.elapsed() >= m_sliceMs)
            break;
    }
    appendMatches(found);
    if (m_scanPos >= topics.size()) {
        m_scanTimer.stop();
        Q_EMIT scanFinished();
    }
}

// Topics that arrived since the scan passed them: checked once each, at flush time.
void TopicSearchModel::checkNewTopics()
{
    if (m_filter.isEmpty() || m_scanTimer.isActive())
        return;
    const QList<TopicNode *> &topics = m_store->topics();
    QList<TopicNode *> found;
    for (; m_scanPos < topics.size(); ++m_scanPos) {
        TopicNode *node = topics.at(m_scanPos);
        if (m_filter.matches(node->topic(), node->last.payload()))
            found.append(node);
    }
    appendMatches(found);
}

void TopicSearchModel::appendMatches(const QList<TopicNode *> &nodes)
{
    if (nodes.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(nodes.size()) - 1);
    m_rows.append(nodes);
    endInsertRows();
    Q_EMIT matchCountChanged(int(m_rows.size()));
}

int TopicSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const TopicNode *node = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TopicColumn: return node->topic();
        case MessagesColumn: return QLocale().toString(node->messageCount);
        case PayloadColumn: return PreviewText::payload(node->last.payload());
        case QosColumn: return node->last.qos();
        case RateColumn:
            return node->messagesPerSecond > 0
                ? PreviewText::shortNumber(node->messagesPerSecond) + QStringLiteral("/s")
                : QString();
        case UpdatedColumn:
            return node->last.timestamp() > 0
                ? QDateTime::fromMSecsSinceEpoch(node->last.timestamp()).toString(QStringLiteral("HH:mm:ss.zzz"))
                : QString();
        }
        return QVariant();
    case Qt::ToolTipRole:
    case TopicRole:
        return node->topic();
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == RateColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    }
    return QVariant();
}

QVariant TopicSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn: return tr("Matching topic");
    case MessagesColumn: return tr("Messages");
    case PayloadColumn: return tr("Last payload");
    case QosColumn: return tr("QoS");
    case RateColumn: return tr("Msgs/s");
    case UpdatedColumn: return tr("Updated");
    }
    return QVariant();
}

// Sorts what has matched so far; later matches are appended below.
void TopicSearchModel::sort(int column, Qt::SortOrder order)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const auto less = [&](const TopicNode *a, const TopicNode *b) {
        switch (column) {
        case MessagesColumn: return a->messageCount < b->messageCount;
        case RateColumn: return a->messagesPerSecond < b->messagesPerSecond;
        case UpdatedColumn: return a->last.timestamp() < b->last.timestamp();
        case QosColumn: return a->last.qos() < b->last.qos();
        default: return collator.compare(a->topic(), b->topic()) < 0;
        }
    };
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<TopicNode *> nodes;
    for (const QModelIndex &index : before)
        nodes << m_rows.at(index.row());
    if (order == Qt::AscendingOrder)
        std::stable_sort(m_rows.begin(), m_rows.end(), less);
    else
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](auto *a, auto *b) { return less(b, a); });
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(int(m_rows.indexOf(nodes.at(i))), before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
