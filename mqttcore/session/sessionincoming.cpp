// Session: the incoming publish flow (PUBLISH from the broker, PUBREL, acknowledgements owed).
#include "session/session_p.h"

#include "topic.h"

#include <utility>

namespace mqtt {

using sessiontext::bytesRepr;
using sessiontext::propertiesText;

// --- incoming publish --------------------------------------------------------------------

Error Session::handlePublish(PublishPacket &packet)
{
    if (is5()) {
        if (const auto alias = packet.properties.topicAlias()) {
            switch (m_topicAliases.apply(*alias, &packet.topic)) {
            case TopicAliasTable::Result::OutOfRange:
                return violation(QStringLiteral("PUBLISH Topic Alias %1 is 0 or above our Topic Alias Maximum %2 [MQTT-3.3.2-8/10]")
                                     .arg(*alias).arg(m_topicAliases.maximum()),
                                 ReasonCode::TopicAliasInvalid);
            case TopicAliasTable::Result::Unmapped:
                return violation(QStringLiteral("PUBLISH Topic Alias %1 has no mapping on this connection [MQTT-3.3.4]")
                                     .arg(*alias),
                                 ReasonCode::ProtocolError);
            case TopicAliasTable::Result::Ok:
                break;
            }
        } else if (packet.topic.isEmpty()) {
            return violation(QStringLiteral("PUBLISH with an empty topic and no Topic Alias [MQTT-3.3.2-1]"),
                             ReasonCode::ProtocolError);
        }
    }
    if (m_packetLogging) {
        log(LogLevel::Debug, QStringLiteral("Received PUBLISH (d%1, q%2, r%3, m%4), '%5', ...  (%6 bytes)")
                                 .arg(packet.dup ? 1 : 0).arg(packet.qos).arg(packet.retain ? 1 : 0)
                                 .arg(packet.packetId).arg(packet.topic).arg(packet.payload.size()));
    }
    const quint16 id = packet.packetId;
    const quint8 qos = packet.qos;
    Message message(std::move(packet.topic), std::move(packet.payload), qos, packet.retain,
                    packet.dup, id, m_receiveTimestamp);
    if (!packet.properties.isEmpty())
        message.setProperties(packet.properties);

    if (qos == 0) {
        deliver(message);
        return Error::Success;
    }
    if (disconnectQueued()) {
        // No acknowledgement may follow our DISCONNECT [MQTT-3.14.4-1], so the message is not
        // delivered either: the broker still owns it and sends it again in a resumed session.
        log(LogLevel::Info, QStringLiteral("PUBLISH (Mid: %1) after our DISCONNECT was queued: not delivered, not acknowledged")
                                .arg(id));
        return Error::Success;
    }
    if (qos == 1) {
        // paho order: on_message, then PUBACK [P _handle_publish].
        deliver(message);
        if (m_state == State::Idle || m_manualAck)
            return Error::Success;
        PubackPacket ack;
        ack.packetId = id;
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending PUBACK (Mid: %1)").arg(id));
        queuePacket(ack);
        return Error::Success;
    }
    // QoS 2, "method A": store, PUBREC, deliver at PUBREL, so duplicates are delivered once.
    if (!m_incomingQos2.store(id, message))
        return violation(QStringLiteral("more than Receive Maximum (%1) QoS 2 PUBLISH in flight [MQTT-3.3.4-9]")
                             .arg(m_incomingQos2.receiveMaximum()),
                         ReasonCode::ReceiveMaximumExceeded);
    PubrecPacket rec;
    rec.packetId = id;
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Sending PUBREC (Mid: %1)").arg(id));
    queuePacket(rec);
    return Error::Success;
}

Error Session::handlePubrel(const PubrelPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received PUBREL (Mid: %1)").arg(packet.packetId));
    if (disconnectQueued()) {
        // Kept stored: the broker sends the PUBREL again in a resumed session [MQTT-4.4.0-1].
        log(LogLevel::Info, QStringLiteral("PUBREL (Mid: %1) after our DISCONNECT was queued: not delivered, no PUBCOMP")
                                .arg(packet.packetId));
        return Error::Success;
    }
    PubcompPacket comp;
    comp.packetId = packet.packetId;
    if (const std::optional<Message> message = m_incomingQos2.release(packet.packetId)) {
        deliver(*message);
        // With manual ack the application sends the PUBCOMP through ack() (paho); a PUBREL for
        // an unknown id is still answered here, since no application ever saw that message.
        if (m_state == State::Idle || m_manualAck)
            return Error::Success;
    } else if (is5()) {
        comp.reasonCode = ReasonCode::PacketIdentifierNotFound;
    }
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Sending PUBCOMP (Mid: %1)").arg(packet.packetId));
    queuePacket(comp);
    return Error::Success;
}

Error Session::ack(int mid, int qos)
{
    if (!m_manualAck || qos == 0)
        return Error::Success; // paho: ack() only acts with manual ack on
    if (mid < 1 || mid > 65535 || qos < 0 || qos > 2)
        return Error::Inval;
    if (m_state == State::Idle || m_state == State::AwaitingConnack || disconnectQueued())
        return Error::NoConn;
    const quint16 id = quint16(mid);
    if (qos == 1) {
        PubackPacket puback;
        puback.packetId = id;
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending PUBACK (Mid: %1)").arg(id));
        queuePacket(puback);
    } else {
        PubcompPacket comp;
        comp.packetId = id;
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending PUBCOMP (Mid: %1)").arg(id));
        queuePacket(comp);
    }
    return Error::Success;
}

} // namespace mqtt
