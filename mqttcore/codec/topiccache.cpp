#include "codec/topiccache.h"

#include <cstring>

namespace mqtt {

// Word-at-a-time multiply-xor hash: a few instructions per 8 bytes. A broker that makes
// topics collide on purpose only causes cache misses (the probe is bounded).
quint64 TopicCache::hash(const char *data, qsizetype size)
{
    constexpr quint64 mul = 0xff51afd7ed558ccdULL;
    quint64 h = 0x9e3779b97f4a7c15ULL ^ quint64(size);
    while (size >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        h = (h ^ word) * mul;
        h ^= h >> 32;
        data += 8;
        size -= 8;
    }
    quint64 tail = 0;
    for (qsizetype i = 0; i < size; ++i) // at most 7 bytes; no call to memcpy
        tail = (tail << 8) | quint8(data[i]);
    h = (h ^ tail) * mul;
    return h ^ (h >> 29);
}

const QString *TopicCache::find(const char *data, qsizetype size, quint64 hash) const
{
    if (!m_slots)
        return nullptr;
    for (int i = 0; i < Probe; ++i) {
        const Slot &slot = m_slots[(hash + quint64(i)) & (Slots - 1)];
        if (slot.hash == hash && slot.key.size() == size
            && std::memcmp(slot.key.constData(), data, size_t(size)) == 0)
            return &slot.topic;
    }
    return nullptr;
}

void TopicCache::insert(const char *data, qsizetype size, quint64 hash,
                        const QString &topic)
{
    if (!m_slots)
        m_slots = std::make_unique<Slot[]>(Slots);
    Slot *target = &m_slots[hash & (Slots - 1)]; // evicted when the probe finds no free slot
    for (int i = 0; i < Probe; ++i) {
        Slot &slot = m_slots[(hash + quint64(i)) & (Slots - 1)];
        if (slot.key.isEmpty()) {
            target = &slot;
            ++m_used;
            break;
        }
    }
    target->key = QByteArray(data, size);
    target->topic = topic;
    target->hash = hash;
}

} // namespace mqtt
