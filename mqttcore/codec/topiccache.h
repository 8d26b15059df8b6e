#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>
#include <memory>

namespace mqtt {

// Brokers repeat a limited set of topics: a topic seen before is not validated and converted
// to a QString again, the earlier (implicitly shared) QString is reused. Keyed by the raw
// bytes, so only byte-identical topics hit; validity depends on the bytes alone. Bounded: a
// fixed table where a new topic evicts an old one.
class TopicCache
{
public:
    static constexpr int Slots = 16384;    // a busy broker's 10k topics fit (about 1 MB)
    static constexpr int Probe = 4;          // slots tried per topic
    static constexpr int MaxLength = 128;    // longer topics are decoded every time
    const QString *find(const char *data, qsizetype size, quint64 hash) const;
    void insert(const char *data, qsizetype size, quint64 hash, const QString &topic);
    static quint64 hash(const char *data, qsizetype size);
    int size() const { return m_used; }

private:
    struct Slot
    {
        QByteArray key;
        QString topic;
        quint64 hash = 0;
    };
    std::unique_ptr<Slot[]> m_slots; // allocated at the first insert
    int m_used = 0;
};

// hash() and find() are defined here so that they inline: both run for every received
// PUBLISH.
//
// Word-at-a-time multiply-xor hash: a few instructions per 8 bytes. A broker that makes
// topics collide on purpose only causes cache misses (the probe is bounded).
inline quint64 TopicCache::hash(const char *data, qsizetype size)
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

inline const QString *TopicCache::find(const char *data, qsizetype size, quint64 hash) const
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

} // namespace mqtt
