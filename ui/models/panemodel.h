#pragma once

#include "message.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QElapsedTimer>
#include <QList>

// One per-filter pane (paho's message_callback_add in GUI form): a bounded ring of the
// messages its filter routes, newest last. MessageStore routes into append() per message
// (pending only, no signal) and calls flush() on its timer: one beginInsertRows for the
// pending messages and, when the ring is over its bounds, one beginRemoveRows for the oldest.
// The default pane (empty filter) receives what matched no other pane, as on_message.
class PaneModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TopicColumn, QosColumn, RetainColumn, SizeColumn, PayloadColumn,
                  ColumnCount };
    enum Role { MessageRole = Qt::UserRole + 1 }; // QVariant<mqtt::Message>

    explicit PaneModel(const QString &filter = QString(), QObject *parent = nullptr);
    ~PaneModel() override;

    QString filter() const { return m_filter; }
    bool isDefault() const { return m_filter.isEmpty(); }
    QColor color() const { return m_color; }
    void setColor(const QColor &color);

    // Bounds of the ring (oldest dropped first, counted in droppedMessages()).
    void setCapacity(int messages);
    int capacity() const { return m_capacity; }
    void setByteCapacity(qint64 bytes);
    qint64 byteCapacity() const { return m_byteCapacity; }
    qint64 bytes() const { return m_bytes; }

    void append(const mqtt::Message &message);
    // Same, with MessageStore::entryBytes(message) already known (the store's routing path).
    void append(const mqtt::Message &message, qint64 entryBytes);
    void flush();
    void clear();

    // Paused: rows stay as they are; arrivals are kept (within the bounds) and counted, and go
    // in with the first flush after resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qint64 pendingCount() const { return m_pending.size(); }

    qint64 totalMessages() const { return m_total; }     // routed here since creation
    qint64 droppedMessages() const { return m_dropped; } // pushed out of the ring
    double messagesPerSecond() const { return m_rate; }  // over the last second or so

    mqtt::Message message(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // After a flush that changed anything, a clear, or a pause change.
    void countsChanged();

private:
    void trimPending();
    void updateRate();

    QString m_filter;
    QColor m_color;
    QList<mqtt::Message> m_rows;
    QList<mqtt::Message> m_pending;
    int m_capacity = 100000;
    qint64 m_byteCapacity = 64 * 1024 * 1024;
    qint64 m_bytes = 0;        // rows and pending
    qint64 m_pendingBytes = 0;
    qint64 m_total = 0;
    qint64 m_dropped = 0;
    bool m_paused = false;
    double m_rate = 0;
    qint64 m_totalAtRate = 0;
    QElapsedTimer m_rateClock;
};
