#pragma once

#include <QHash>
#include <QString>

#include <array>

struct TopicNode;

// MessageStore's index: full topic or level path -> node, in shards. A QHash doubles when it
// fills, rehashing every entry in one go: at a million topics that is one insert that blocks
// the GUI thread for 100-200 ms. Split in 32, a doubling moves about 1/32 of the entries; and
// because equal shards would all fill (and double) in the same instant, shard sizes are
// spread over one octave (shard i gets a share proportional to 2^(i/32)), so their doublings
// fall at different moments.
class TopicIndex
{
public:
    TopicNode *value(const QString &path) const { return shard(path).value(path); }
    void insert(const QString &path, TopicNode *node) { shard(path).insert(path, node); }
    qsizetype size() const;
    void clear();

private:
    static constexpr size_t Shards = 32;
    using Shard = QHash<QString, TopicNode *>;
    // A fixed seed: the shard of a path must not change while the index lives.
    static size_t shardOf(const QString &path);
    Shard &shard(const QString &path) { return m_shards[shardOf(path)]; }
    const Shard &shard(const QString &path) const { return m_shards[shardOf(path)]; }

    std::array<Shard, Shards> m_shards;
};
