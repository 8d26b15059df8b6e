#pragma once

#include "topicnode.h"

#include <memory>
#include <vector>

// Where MessageStore's nodes live. Nodes are never freed one by one (a topic stays until the
// store is cleared), so they are carved out of blocks of 1024: no allocator header per node,
// neighbours close in memory, and clearing a million topics frees a thousand blocks.
class TopicNodeArena
{
public:
    TopicNode *create();
    // Destroys every node created so far.
    void clear();
    qsizetype size() const { return m_size; }

private:
    static constexpr qsizetype BlockSize = 1024;
    std::vector<std::unique_ptr<TopicNode[]>> m_blocks;
    qsizetype m_size = 0;
};
