#include "topicindex.h"

#include <algorithm>
#include <cmath>

namespace {

// Cumulative shares of the shards out of 65536: shard i's share grows as 2^(i/32).
struct ShardTable
{
    std::array<quint32, 32> upper{};
    ShardTable()
    {
        double weights[32];
        double total = 0;
        for (int i = 0; i < 32; ++i)
            total += weights[i] = std::pow(2.0, i / 32.0);
        double sum = 0;
        for (int i = 0; i < 32; ++i) {
            sum += weights[i];
            upper[size_t(i)] = quint32(sum / total * 65536.0);
        }
        upper[31] = 65536;
    }
};

} // namespace

size_t TopicIndex::shardOf(const QString &path)
{
    static const ShardTable table;
    const quint32 point = quint32(qHash(path, size_t(0x5bd1e995)) & 0xffff);
    return size_t(std::upper_bound(table.upper.begin(), table.upper.end(), point)
                  - table.upper.begin());
}

qsizetype TopicIndex::size() const
{
    qsizetype n = 0;
    for (const Shard &shard : m_shards)
        n += shard.size();
    return n;
}

void TopicIndex::clear()
{
    for (Shard &shard : m_shards)
        shard.clear();
}
