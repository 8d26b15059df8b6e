#include "sessionjournal.h"

SessionJournal::SessionJournal(QObject *parent) : QObject(parent) {}

void SessionJournal::setCapacity(int events)
{
    m_capacity = qMax(1, events);
    if (m_events.size() > m_capacity) {
        const qsizetype excess = m_events.size() - m_capacity;
        m_events.remove(0, excess);
        m_dropped += excess;
    }
}

void SessionJournal::append(const mqtt::SessionEvent &event)
{
    if (m_events.size() >= m_capacity) {
        m_events.removeFirst();
        ++m_dropped;
    }
    m_events.append(event);
    Q_EMIT appended(event);
}

void SessionJournal::clear()
{
    m_events.clear();
    m_dropped = 0;
}
