#include "topicnodearena.h"

TopicNode *TopicNodeArena::create()
{
    const qsizetype slot = m_size % BlockSize;
    if (slot == 0)
        m_blocks.push_back(std::make_unique<TopicNode[]>(size_t(BlockSize)));
    ++m_size;
    return &m_blocks.back()[size_t(slot)];
}

void TopicNodeArena::clear()
{
    m_blocks.clear();
    m_size = 0;
}
