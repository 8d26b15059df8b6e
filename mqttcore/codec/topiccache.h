#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace mqtt {

// Brokers repeat a limited set of topics: a topic seen before is not validated and converted
// to a QString again, the earlier (implicitly shared) QString is reused. Keyed by the raw
// bytes, so only byte-identical topics hit; validity depends on the bytes alone. Bounded: a
// fixed table where a new topic evicts an old one.
class TopicCache
{
public:
    static constexpr int Slots = 4096;
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

} // namespace mqtt
