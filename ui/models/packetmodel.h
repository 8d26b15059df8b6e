#pragma once

#include "codec/capturedpacket.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

// The packet inspector's table: a bounded ring of captured packets, newest last. append()
// only queues (no model signal); a short timer (or flush()) moves what is pending into the
// rows with one beginInsertRows, after one beginRemoveRows for what the ring drops, so a flood
// costs the view one update per flush. The oldest packets go first, counted in
// droppedPackets(). Display strings are decoded from the bytes when a row is first painted.
class PacketModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, TimeColumn, DirectionColumn, TypeColumn, PacketIdColumn,
                  SummaryColumn, SizeColumn, ColumnCount };
    enum Role {
        PacketRole = Qt::UserRole + 1, // QVariant<mqtt::CapturedPacket>
        TypeRole,                      // int: mqtt::PacketType
        DirectionRole,                 // int: mqtt::CapturedPacket::Direction
    };

    explicit PacketModel(QObject *parent = nullptr);
    ~PacketModel() override;

    // Bounds of the ring: packets and bytes (default 50,000 and 64 MiB); the newest packet
    // always stays, even alone over the byte bound.
    void setCapacity(int packets);
    int capacity() const { return m_capacity; }
    void setByteCapacity(qint64 bytes);
    qint64 byteCapacity() const { return m_byteCapacity; }
    qint64 bytes() const { return m_bytes; }
    // Milliseconds between an append() and the flush it schedules (default 40, as the store).
    void setFlushInterval(int ms);

    void append(const QList<mqtt::CapturedPacket> &packets);
    void flush();
    void clear();

    qint64 totalPackets() const { return m_total; }     // appended since the last clear()
    qint64 droppedPackets() const { return m_dropped; } // pushed out of the ring
    qint64 pendingCount() const { return m_pending.size(); }

    mqtt::CapturedPacket packet(int row) const;
    // The capture number (1 for the first since clear()), kept across ring drops.
    qint64 packetNumber(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // After a flush that changed anything, or a clear: totals and the drop count.
    void countsChanged();

private:
    struct Row
    {
        mqtt::CapturedPacket packet;
        qint64 number = 0;
        // Filled by data() the first time the row is shown.
        mutable bool described = false;
        mutable int packetId = -1;
        mutable QString summary;
    };
    void describe(const Row &row) const;
    void trimPending();
    static qint64 rowBytes(const mqtt::CapturedPacket &packet);

    QList<Row> m_rows;
    QList<Row> m_pending;
    QTimer m_flushTimer;
    int m_capacity = 50000;
    qint64 m_byteCapacity = 64 * 1024 * 1024;
    qint64 m_bytes = 0;        // rows and pending
    qint64 m_pendingBytes = 0;
    qint64 m_total = 0;
    qint64 m_dropped = 0;
};
