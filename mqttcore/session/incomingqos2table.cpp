#include "session/incomingqos2table.h"

namespace mqtt {

bool IncomingQos2Table::store(quint16 id, const Message &message)
{
    auto it = m_messages.find(id);
    if (it != m_messages.end()) {
        *it = message;
        return true;
    }
    if (m_messages.size() >= m_receiveMaximum)
        return false;
    m_messages.insert(id, message);
    return true;
}

std::optional<Message> IncomingQos2Table::release(quint16 id)
{
    auto it = m_messages.find(id);
    if (it == m_messages.end())
        return std::nullopt;
    std::optional<Message> message(std::move(*it));
    m_messages.erase(it);
    return message;
}

} // namespace mqtt
