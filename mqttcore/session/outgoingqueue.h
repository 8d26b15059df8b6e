#pragma once

#include "codec/packet.h"

#include <QHash>

#include <map>

namespace mqtt {

// Our QoS 1/2 messages from publish() until their flow completes: queued ones wait for room
// in the send window, in-flight ones for PUBACK, PUBREC or PUBCOMP. Kept in publish order
// (re-sends keep their order ahead of new messages [MQTT-4.6.0-1]) and found by packet id.
// Only the bookkeeping: when to send and what to put on the wire is the Session's call.
class OutgoingQueue
{
public:
    enum class Stage { Queued, WaitPuback, WaitPubrec, WaitPubcomp };
    struct Entry
    {
        PublishPacket packet;
        Stage stage = Stage::Queued;
    };
    using Entries = std::map<quint64, Entry>; // by sequence number, i.e. publish order

    int size() const { return int(m_entries.size()); }
    int inflightCount() const { return m_inflight; }
    int queuedCount() const { return size() - m_inflight; }
    bool contains(quint16 id) const { return m_byId.contains(id); }
    // The entry with packet id `id`, or nullptr.
    Entry *find(quint16 id);

    // Queues `packet` (its packet id set) behind everything already here.
    Entry &append(PublishPacket packet);
    // The entry goes on the wire: a queued one enters the window (waiting for PUBACK or
    // PUBREC by its QoS); one already in flight stays as it is (a re-send).
    void markSent(Entry &entry);
    // An in-flight entry leaves the window and will be sent again as new.
    void requeue(Entry &entry);
    // Forgets the entry with packet id `id`; false when there was none.
    bool remove(quint16 id);

    Entries::iterator begin() { return m_entries.begin(); }
    Entries::iterator end() { return m_entries.end(); }

private:
    Entries m_entries;
    QHash<quint16, quint64> m_byId;
    quint64 m_nextSeq = 0;
    int m_inflight = 0;
};

} // namespace mqtt
