#pragma once

#include "capture/sessionevent.h"

#include <QList>
#include <QObject>

// What one connection did besides receiving: the messages it sent, its log lines and its
// connection events, with their times, oldest first. Received messages live in MessageStore;
// recording and export merge the two. Bounded by a count (oldest dropped first, counted), so
// a long replay or a chatty log cannot grow it without end.
class SessionJournal : public QObject
{
    Q_OBJECT
public:
    explicit SessionJournal(QObject *parent = nullptr);

    void setCapacity(int events);
    int capacity() const { return m_capacity; }

    void append(const mqtt::SessionEvent &event);
    // Oldest first. Implicitly shared: a copy for an export thread costs one pointer.
    const QList<mqtt::SessionEvent> &events() const { return m_events; }
    qint64 droppedEvents() const { return m_dropped; }
    void clear();

Q_SIGNALS:
    void appended(const mqtt::SessionEvent &event);

private:
    QList<mqtt::SessionEvent> m_events;
    int m_capacity = 200000;
    qint64 m_dropped = 0;
};
