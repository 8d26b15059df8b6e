#include "codec/topiccache.h"

#include <cstring>

namespace mqtt {

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
