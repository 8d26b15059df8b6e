#include "toptalkersmodel.h"

#include "messagestore.h"
#include "previewtext.h"

#include <QLocale>

#include <algorithm>

TopTalkersModel::TopTalkersModel(MessageStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(store, &MessageStore::ratesUpdated, this, [this] {
        if (m_active)
            refresh();
    });
    // Rows point at nodes: they must go before the store deletes them.
    connect(store, &MessageStore::aboutToReset, this, [this] {
        beginResetModel();
        m_rows.clear();
        m_totalRate = 0;
        endResetModel();
    });
}

void TopTalkersModel::setSortBy(SortBy sortBy)
{
    if (m_sortBy == sortBy)
        return;
    m_sortBy = sortBy;
    refresh();
}

void TopTalkersModel::setLimit(int rows)
{
    if (m_limit == rows)
        return;
    m_limit = qMax(1, rows);
    refresh();
}

void TopTalkersModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (active)
        refresh();
}

QString TopTalkersModel::topicAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).topic : QString();
}

void TopTalkersModel::refresh()
{
    // Only nodes with a non-zero rate are rate-active: no walk over every topic.
    QList<Row> rows;
    double total = 0;
    const TopicNode *root = m_store->root();
    for (TopicNode *node : m_store->rateActiveNodes()) {
        // First levels' subtree rates add up to the connection's total.
        if (node->parent == root)
            total += node->messagesPerSecond;
        if (!node->isTopic() || (node->messagesPerSecond <= 0 && node->bytesPerSecond <= 0))
            continue;
        rows.append({node, QString(), node->messagesPerSecond, node->bytesPerSecond,
                     node->messageCount});
    }
    const bool byBytes = m_sortBy == SortBy::Bytes;
    auto greater = [byBytes](const Row &a, const Row &b) {
        const float ka = byBytes ? a.bytesRate : a.rate;
        const float kb = byBytes ? b.bytesRate : b.rate;
        if (ka != kb)
            return ka > kb;
        return a.messages > b.messages;
    };
    const qsizetype keep = qMin<qsizetype>(rows.size(), m_limit);
    std::partial_sort(rows.begin(), rows.begin() + keep, rows.end(), greater);
    rows.resize(keep);
    for (Row &row : rows)
        row.topic = row.node->topic();

    beginResetModel();
    m_rows = std::move(rows);
    m_totalRate = total;
    endResetModel();
}

int TopTalkersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopTalkersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopTalkersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (role == TopicRole)
        return row.topic;
    if (role == Qt::TextAlignmentRole && index.column() != TopicColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case TopicColumn:
        return row.topic;
    case RateColumn:
        return PreviewText::shortNumber(row.rate) + QStringLiteral("/s");
    case BytesRateColumn:
        return PreviewText::bytes(qint64(row.bytesRate)) + QStringLiteral("/s");
    case MessagesColumn:
        return QLocale().toString(row.messages);
    case ShareColumn:
        return m_totalRate > 0
                ? QStringLiteral("%1 %").arg(double(row.rate) * 100.0 / m_totalRate, 0, 'f', 1)
                : QString();
    }
    return QVariant();
}

QVariant TopTalkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn: return tr("Topic");
    case RateColumn: return tr("Msgs/s");
    case BytesRateColumn: return tr("Bytes/s");
    case MessagesColumn: return tr("Messages");
    case ShareColumn: return tr("Share");
    }
    return QVariant();
}
