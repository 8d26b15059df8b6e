#include "session/topicaliastable.h"

namespace mqtt {

TopicAliasTable::Result TopicAliasTable::apply(quint16 alias, QString *topic)
{
    if (alias == 0 || alias > m_maximum)
        return Result::OutOfRange;
    if (topic->isEmpty()) {
        const auto it = m_aliases.constFind(alias);
        if (it == m_aliases.constEnd())
            return Result::Unmapped;
        *topic = *it;
    } else {
        m_aliases.insert(alias, *topic);
    }
    return Result::Ok;
}

} // namespace mqtt
