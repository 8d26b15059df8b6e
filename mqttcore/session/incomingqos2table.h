#pragma once

#include "message.h"

#include <QHash>

#include <optional>

namespace mqtt {

// Incoming QoS 2 messages between our PUBREC and the broker's PUBREL ("method A": stored,
// delivered once at PUBREL, so a redelivered PUBLISH is not delivered twice). Bounded by the
// Receive Maximum we announced [MQTT-3.3.4-9]. Survives a reconnect with a resumed session.
class IncomingQos2Table
{
public:
    // 0 is not a valid Receive Maximum; it means the default 65535.
    void setReceiveMaximum(quint16 maximum) { m_receiveMaximum = maximum ? maximum : 65535; }
    quint16 receiveMaximum() const { return m_receiveMaximum; }

    // Stores `message` under `id`, replacing a duplicate. False (nothing stored) when a new id
    // would exceed the Receive Maximum.
    bool store(quint16 id, const Message &message);
    // The message stored under `id`, removed; nothing when the id is unknown.
    std::optional<Message> release(quint16 id);

    int size() const { return int(m_messages.size()); }
    bool isEmpty() const { return m_messages.isEmpty(); }
    void clear() { m_messages.clear(); }

private:
    QHash<quint16, Message> m_messages;
    quint16 m_receiveMaximum = 65535;
};

} // namespace mqtt
