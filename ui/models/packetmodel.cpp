#include "packetmodel.h"

#include "packetformatter.h"
#include "previewtext.h"

#include <QDateTime>

PacketModel::PacketModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(40);
    connect(&m_flushTimer, &QTimer::timeout, this, &PacketModel::flush);
}

PacketModel::~PacketModel() = default;

void PacketModel::setCapacity(int packets)
{
    m_capacity = qMax(1, packets);
}

void PacketModel::setByteCapacity(qint64 bytes)
{
    m_byteCapacity = qMax<qint64>(1, bytes);
}

void PacketModel::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(qMax(0, ms));
}

// The bytes plus what a row costs besides them, so that a flood of tiny packets is bounded too.
qint64 PacketModel::rowBytes(const mqtt::CapturedPacket &packet)
{
    return packet.bytes.size() + qint64(sizeof(Row)) + 64;
}

void PacketModel::append(const QList<mqtt::CapturedPacket> &packets)
{
    if (packets.isEmpty())
        return;
    for (const mqtt::CapturedPacket &p : packets) {
        Row row;
        row.packet = p;
        row.number = ++m_total;
        const qint64 size = rowBytes(p);
        m_pendingBytes += size;
        m_bytes += size;
        m_pending.append(std::move(row));
    }
    // Between flushes arrivals obey the same bounds as the ring.
    if (m_pending.size() > m_capacity || m_pendingBytes > m_byteCapacity)
        trimPending();
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PacketModel::trimPending()
{
    qsizetype drop = 0;
    while (m_pending.size() - drop > 1
           && (m_pending.size() - drop > m_capacity || m_pendingBytes > m_byteCapacity)) {
        const qint64 size = rowBytes(m_pending.at(drop).packet);
        m_pendingBytes -= size;
        m_bytes -= size;
        ++drop;
    }
    if (drop > 0) {
        m_pending.remove(0, drop);
        m_dropped += drop;
    }
}

void PacketModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    trimPending();

    // Oldest rows out first, so that rows + pending fit: one removal range.
    const qsizetype rows = m_rows.size();
    qint64 bytes = m_bytes;
    qsizetype remove = 0;
    while (remove < rows
           && (rows - remove + m_pending.size() > m_capacity || bytes > m_byteCapacity)) {
        bytes -= rowBytes(m_rows.at(remove).packet);
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
    m_pending = QList<Row>();
    m_pendingBytes = 0;
    endInsertRows();
    Q_EMIT countsChanged();
}

void PacketModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_bytes = 0;
    m_pendingBytes = 0;
    m_total = 0;
    m_dropped = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

mqtt::CapturedPacket PacketModel::packet(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).packet : mqtt::CapturedPacket();
}

qint64 PacketModel::packetNumber(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).number : 0;
}

void PacketModel::describe(const Row &row) const
{
    if (row.described)
        return;
    row.described = true;
    mqtt::DecodeError error;
    const std::optional<mqtt::Packet> decoded = row.packet.decode(&error);
    if (!decoded) {
        row.summary = tr("Decode error: %1").arg(error.toString());
        return;
    }
    row.packetId = PacketFormatter::packetId(*decoded);
    row.summary = PacketFormatter::summary(*decoded, row.packet.version);
}

int PacketModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PacketModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PacketModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const bool sent = row.packet.direction == mqtt::CapturedPacket::Direction::Sent;
    switch (role) {
    case PacketRole:
        return QVariant::fromValue(row.packet);
    case TypeRole:
        return int(row.packet.type());
    case DirectionRole:
        return int(row.packet.direction);
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == PacketIdColumn
            || index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn) {
            describe(row);
            return row.summary;
        }
        return QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case NumberColumn:
        return row.number;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.packet.timestamp).toString(QStringLiteral("hh:mm:ss.zzz"));
    case DirectionColumn:
        return sent ? tr("→ Sent") : tr("← Received");
    case TypeColumn:
        return PacketFormatter::typeName(row.packet.type());
    case PacketIdColumn:
        describe(row);
        return row.packetId >= 0 ? QVariant(row.packetId) : QVariant(QString());
    case SummaryColumn:
        describe(row);
        return row.summary;
    case SizeColumn:
        return PreviewText::bytes(row.packet.bytes.size());
    default:
        return QVariant();
    }
}

QVariant PacketModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("No.");
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Direction");
    case TypeColumn: return tr("Type");
    case PacketIdColumn: return tr("Packet Id");
    case SummaryColumn: return tr("Summary");
    case SizeColumn: return tr("Size");
    default: return QVariant();
    }
}
