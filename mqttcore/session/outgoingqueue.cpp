#include "session/outgoingqueue.h"

namespace mqtt {

OutgoingQueue::Entry *OutgoingQueue::find(quint16 id)
{
    const auto idIt = m_byId.constFind(id);
    if (idIt == m_byId.constEnd())
        return nullptr;
    const auto it = m_entries.find(*idIt);
    return it == m_entries.end() ? nullptr : &it->second;
}

OutgoingQueue::Entry &OutgoingQueue::append(PublishPacket packet)
{
    const quint64 seq = m_nextSeq++;
    const quint16 id = packet.packetId;
    Entry &entry = m_entries[seq];
    entry.packet = std::move(packet);
    m_byId.insert(id, seq);
    return entry;
}

void OutgoingQueue::markSent(Entry &entry)
{
    if (entry.stage != Stage::Queued)
        return;
    entry.stage = entry.packet.qos == 1 ? Stage::WaitPuback : Stage::WaitPubrec;
    ++m_inflight;
}

void OutgoingQueue::requeue(Entry &entry)
{
    if (entry.stage == Stage::Queued)
        return;
    entry.stage = Stage::Queued;
    entry.packet.dup = false;
    --m_inflight;
}

bool OutgoingQueue::remove(quint16 id)
{
    const auto idIt = m_byId.find(id);
    if (idIt == m_byId.end())
        return false;
    const auto it = m_entries.find(*idIt);
    if (it != m_entries.end()) {
        if (it->second.stage != Stage::Queued)
            --m_inflight;
        m_entries.erase(it);
    }
    m_byId.erase(idIt);
    return true;
}

} // namespace mqtt
