#include "panemodel.h"

#include "messagestore.h"
#include "previewtext.h"

#include <QDateTime>
#include <QTimer>

PaneModel::PaneModel(const QString &filter, QObject *parent)
    : QAbstractTableModel(parent), m_filter(filter), m_color(QColor(0x3d, 0x8e, 0xd6))
{
    m_rateClock.start();
}

PaneModel::~PaneModel() = default;

void PaneModel::setColor(const QColor &color)
{
    m_color = color;
}

void PaneModel::setCapacity(int messages)
{
    m_capacity = qMax(1, messages);
}

void PaneModel::setByteCapacity(qint64 bytes)
{
    m_byteCapacity = qMax<qint64>(1, bytes);
}

void PaneModel::append(const mqtt::Message &message)
{
    append(message, MessageStore::entryBytes(message));
}

void PaneModel::append(const mqtt::Message &message, qint64 size)
{
    ++m_total;
    m_pending.append(message);
    m_pendingBytes += size;
    m_bytes += size;
    // Between flushes (or while paused) arrivals obey the same bounds as the ring.
    if (m_pending.size() > m_capacity || m_pendingBytes > m_byteCapacity)
        trimPending();
}

void PaneModel::trimPending()
{
    // The newest message always stays, even when it alone is over the byte bound.
    while (m_pending.size() > 1
           && (m_pending.size() > m_capacity || m_pendingBytes > m_byteCapacity)) {
        const qint64 size = MessageStore::entryBytes(m_pending.first());
        m_pending.removeFirst();
        m_pendingBytes -= size;
        m_bytes -= size;
        ++m_dropped;
    }
}

void PaneModel::flush()
{
    updateRate();
    if (m_paused || m_pending.isEmpty())
        return;
    trimPending();

    // Oldest rows out first, so that rows + pending fit: one removal range.
    const qsizetype rows = m_rows.size();
    qint64 bytes = m_bytes;
    qsizetype remove = 0;
    while (remove < rows
           && (rows - remove + m_pending.size() > m_capacity || bytes > m_byteCapacity)) {
        bytes -= MessageStore::entryBytes(m_rows.at(remove));
        ++remove;
    }
    if (remove > 0) {
        beginRemoveRows(QModelIndex(), 0, int(remove - 1));
        m_rows.remove(0, remove); // Qt 6: erasing at the front only moves the begin
        m_bytes = bytes;
        m_dropped += remove;
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(m_pending.size()) - 1);
    m_rows.append(std::move(m_pending));
    m_pending = QList<mqtt::Message>();
    m_pendingBytes = 0;
    endInsertRows();
    Q_EMIT countsChanged();
}

void PaneModel::updateRate()
{
    const qint64 elapsed = m_rateClock.elapsed();
    if (elapsed < 1000)
        return;
    m_rate = double(m_total - m_totalAtRate) * 1000.0 / double(elapsed);
    m_totalAtRate = m_total;
    m_rateClock.restart();
}

void PaneModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_bytes = 0;
    m_pendingBytes = 0;
    m_dropped = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

void PaneModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    // What arrived while paused goes in soon even when no new message wakes the store.
    if (!paused && !m_pending.isEmpty())
        QTimer::singleShot(0, this, &PaneModel::flush);
    Q_EMIT countsChanged();
}

mqtt::Message PaneModel::message(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : mqtt::Message();
}

int PaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PaneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaneModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const mqtt::Message &message = m_rows.at(index.row());
    if (role == MessageRole)
        return QVariant::fromValue(message);
    if (role == Qt::ToolTipRole && index.column() == TopicColumn)
        return message.topic();
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case TimeColumn:
        return message.timestamp()
                ? QDateTime::fromMSecsSinceEpoch(message.timestamp())
                          .toString(QStringLiteral("hh:mm:ss.zzz"))
                : QString();
    case TopicColumn:
        return message.topic();
    case QosColumn:
        return message.qos();
    case RetainColumn:
        return message.retain() ? QStringLiteral("R") : QString();
    case SizeColumn:
        return PreviewText::bytes(message.payload().size());
    case PayloadColumn:
        return PreviewText::payload(message.payload());
    default:
        return QVariant();
    }
}

QVariant PaneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case TopicColumn: return tr("Topic");
    case QosColumn: return tr("QoS");
    case RetainColumn: return tr("Retain");
    case SizeColumn: return tr("Size");
    case PayloadColumn: return tr("Payload");
    default: return QVariant();
    }
}
