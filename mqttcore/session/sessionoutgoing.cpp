// Session: the outgoing flow (PUBLISH, SUBSCRIBE, UNSUBSCRIBE and their acknowledgements).
#include "session/session_p.h"

#include "topic.h"

#include <utility>

namespace mqtt {

using sessiontext::bytesRepr;
using sessiontext::propertiesText;

void Session::completeOutgoing(quint16 id, ReasonCode reason, const Properties &properties)
{
    if (!m_outgoing.remove(id))
        return;
    m_handler->sessionPublished(id, reason, properties);
    // After the callback, the next queued message enters the window (paho's order).
    if (m_state == State::Connected)
        releaseQueued();
}

Error Session::handlePuback(const PubackPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received PUBACK (Mid: %1)").arg(packet.packetId));
    const OutgoingQueue::Entry *m = m_outgoing.find(packet.packetId);
    if (!m || m->stage != OutStage::WaitPuback)
        return Error::Success; // unknown or not a QoS 1 in flight: ignored, as paho does
    completeOutgoing(packet.packetId, packet.reasonCode, packet.properties);
    return Error::Success;
}

Error Session::handlePubrec(const PubrecPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received PUBREC (Mid: %1)").arg(packet.packetId));
    if (disconnectQueued())
        return Error::Success; // the PUBREL goes out in a resumed session [MQTT-4.4.0-1]
    OutgoingQueue::Entry *m = m_outgoing.find(packet.packetId);
    PubrelPacket rel;
    rel.packetId = packet.packetId;
    if (!m) {
        if (is5() && packet.reasonCode.isFailure()) {
            // A failing PUBREC ends the flow: nothing is owed for it [MQTT-4.3.3-4], known id
            // or not, so it is only reported.
            log(LogLevel::Info, QStringLiteral("PUBREC (Mid: %1) with reason 0x%2 for an unknown packet id ignored")
                                    .arg(packet.packetId)
                                    .arg(packet.reasonCode.value, 2, 16, QLatin1Char('0')));
            return Error::Success;
        }
        if (is5())
            rel.reasonCode = ReasonCode::PacketIdentifierNotFound;
    } else {
        if (m->stage == OutStage::WaitPubrec) {
            if (is5() && packet.reasonCode.isFailure()) {
                // The flow ends here; no PUBREL [MQTT-4.3.3-4] (paho gets this wrong).
                completeOutgoing(packet.packetId, packet.reasonCode, packet.properties);
                return Error::Success;
            }
            m->stage = OutStage::WaitPubcomp;
        } else if (m->stage != OutStage::WaitPubcomp) {
            return Error::Success;
        }
    }
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Sending PUBREL (Mid: %1)").arg(packet.packetId));
    queuePacket(rel);
    return Error::Success;
}

Error Session::handlePubcomp(const PubcompPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received PUBCOMP (Mid: %1)").arg(packet.packetId));
    const OutgoingQueue::Entry *m = m_outgoing.find(packet.packetId);
    if (!m || m->stage != OutStage::WaitPubcomp)
        return Error::Success;
    completeOutgoing(packet.packetId, packet.reasonCode, packet.properties);
    return Error::Success;
}

Error Session::handleSuback(const SubackPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received SUBACK"));
    const auto it = m_pendingRequests.constFind(packet.packetId);
    if (it == m_pendingRequests.constEnd() || it->unsubscribe) {
        log(LogLevel::Warning, QStringLiteral("SUBACK for unknown mid %1 ignored").arg(packet.packetId));
        return Error::Success;
    }
    if (packet.reasonCodes.size() != it->count)
        return violation(QStringLiteral("SUBACK carries %1 return code(s) for %2 topic filter(s) [MQTT-3.9.3-1]")
                             .arg(packet.reasonCodes.size()).arg(it->count),
                         ReasonCode::ProtocolError);
    m_pendingRequests.remove(packet.packetId);
    m_handler->sessionSubscribed(packet.packetId, packet.reasonCodes, packet.properties);
    return Error::Success;
}

Error Session::handleUnsuback(const UnsubackPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Received UNSUBACK (Mid: %1)").arg(packet.packetId));
    const auto it = m_pendingRequests.constFind(packet.packetId);
    if (it == m_pendingRequests.constEnd() || !it->unsubscribe) {
        log(LogLevel::Warning, QStringLiteral("UNSUBACK for unknown mid %1 ignored").arg(packet.packetId));
        return Error::Success;
    }
    if (is5() && packet.reasonCodes.size() != it->count)
        return violation(QStringLiteral("UNSUBACK carries %1 reason code(s) for %2 topic filter(s) [MQTT-3.11.3-1]")
                             .arg(packet.reasonCodes.size()).arg(it->count),
                         ReasonCode::ProtocolError);
    m_pendingRequests.remove(packet.packetId);
    m_handler->sessionUnsubscribed(packet.packetId, packet.reasonCodes, packet.properties);
    return Error::Success;
}

// --- requests ------------------------------------------------------------------------------

void Session::sendPublish(OutgoingQueue::Entry &message, bool dup)
{
    m_outgoing.markSent(message);
    message.packet.dup = dup;
    if (m_packetLogging)
        log(LogLevel::Debug, QStringLiteral("Sending PUBLISH (d%1, q%2, r%3, m%4), '%5', ... (%6 bytes)")
                                 .arg(dup ? 1 : 0).arg(message.packet.qos).arg(message.packet.retain ? 1 : 0)
                                 .arg(message.packet.packetId).arg(message.packet.topic)
                                 .arg(message.packet.payload.size()));
    QString error;
    const qsizetype from = m_out.size();
    if (!encodeInto(m_out, message.packet, m_options.version, &error))
        log(LogLevel::Err, QStringLiteral("Cannot encode PUBLISH: %1").arg(error));
    else if (m_capture)
        captureSent(from);
}

void Session::releaseQueued()
{
    if (m_state != State::Connected)
        return;
    const int w = window();
    for (auto &entry : m_outgoing) {
        if (m_outgoing.inflightCount() >= w)
            break;
        if (entry.second.stage == OutStage::Queued)
            sendPublish(entry.second, false);
    }
}

Session::Result Session::publish(const QString &topic, const QByteArray &payload, int qos,
                                 bool retain, const Properties &properties)
{
    if (qos < 0 || qos > 2 || !isValidTopicName(topic))
        return {Error::Inval, 0};
    if (quint64(payload.size()) > kMaxRemainingLength)
        return {Error::PayloadSize, 0};
    if (is5() && properties.subscriptionIdentifier())
        return {Error::Inval, 0}; // [MQTT-3.3.4-6]
    if (m_state == State::Connected && is5()) {
        if (qos > m_serverMaxQos || (retain && !m_serverRetainAvailable))
            return {Error::NotSupported, 0}; // [MQTT-3.2.2-11], [MQTT-3.2.2-14]
        if (const auto alias = properties.topicAlias(); alias && (*alias == 0 || *alias > m_serverTopicAliasMax))
            return {Error::Inval, 0}; // [MQTT-3.3.2-9]
    }
    if (qos == 0 && m_state != State::Connected)
        return {Error::NoConn, 0};

    PublishPacket packet;
    packet.topic = topic;
    packet.payload = payload;
    packet.qos = quint8(qos);
    packet.retain = retain;
    if (is5())
        packet.properties = properties;

    if (is5() && m_serverMaxPacketSize > 0) {
        const quint64 body = 2 + quint64(topic.toUtf8().size()) + (qos ? 2 : 0)
                             + encodedPropertiesSize(packet.properties) + quint64(payload.size());
        const quint64 total = 1 + variableByteIntegerSize(quint32(qMin<quint64>(body, kMaxRemainingLength))) + body;
        if (total > m_serverMaxPacketSize) {
            log(LogLevel::Warning, QStringLiteral("PUBLISH of %1 bytes exceeds the broker's Maximum Packet Size %2 [MQTT-3.2.2-15]")
                                       .arg(total).arg(m_serverMaxPacketSize));
            return {Error::PayloadSize, 0};
        }
    }

    if (qos == 0) {
        const int mid = allocateId(); // paho numbers QoS 0 messages too; no id on the wire
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending PUBLISH (d0, q0, r%1, m%2), '%3', ... (%4 bytes)")
                                     .arg(retain ? 1 : 0).arg(mid).arg(topic).arg(payload.size()));
        QString error;
        const qsizetype from = m_out.size();
        if (!encodeInto(m_out, packet, m_options.version, &error)) {
            log(LogLevel::Err, QStringLiteral("Cannot encode PUBLISH: %1").arg(error));
            return {Error::Inval, 0};
        }
        if (m_capture)
            captureSent(from);
        m_qos0Marks.push_back({m_outStreamOffset + m_out.size(), mid});
        return {Error::Success, mid};
    }

    if (m_options.maxQueued > 0 && m_outgoing.queuedCount() >= m_options.maxQueued)
        return {Error::QueueSize, 0};
    const quint16 id = allocateId();
    if (id == 0)
        return {Error::QueueSize, 0};
    packet.packetId = id;
    OutgoingQueue::Entry &m = m_outgoing.append(std::move(packet));
    if (m_state != State::Connected)
        return {Error::NoConn, id}; // stored; goes out after the next CONNACK (paho)
    if (m_outgoing.inflightCount() < window())
        sendPublish(m, false);
    return {Error::Success, id};
}

Session::Result Session::subscribe(const QList<Subscription> &subscriptions,
                                   const Properties &properties)
{
    if (subscriptions.isEmpty())
        return {Error::Inval, 0};
    for (const Subscription &s : subscriptions) {
        if (s.qos > 2 || s.retainHandling > 2 || !isValidTopicFilter(s.filter))
            return {Error::Inval, 0};
    }
    SubscribePacket packet;
    packet.subscriptions = subscriptions;
    return sendRequest(packet, int(subscriptions.size()), properties, [&subscriptions] {
        QStringList parts;
        for (const Subscription &s : subscriptions)
            parts << QStringLiteral("(%1, %2)").arg(bytesRepr(s.filter)).arg(s.qos);
        return parts;
    });
}

Session::Result Session::unsubscribe(const QStringList &filters, const Properties &properties)
{
    if (filters.isEmpty())
        return {Error::Inval, 0};
    for (const QString &f : filters) {
        if (!isValidTopicFilter(f))
            return {Error::Inval, 0};
    }
    UnsubscribePacket packet;
    packet.filters = filters;
    return sendRequest(packet, int(filters.size()), properties, [&filters] {
        QStringList quoted;
        for (const QString &f : filters)
            quoted << bytesRepr(f);
        return quoted;
    });
}

// SUBSCRIBE and UNSUBSCRIBE after validation: id, log line, encoding and the pending entry
// that the SUBACK/UNSUBACK must match. `describe` lists the filters for the log line; it runs
// only when packet logging is on.
template<typename P, typename Describe>
Session::Result Session::sendRequest(P &packet, int count, const Properties &properties,
                                     Describe describe)
{
    constexpr bool unsubscribe = std::is_same_v<P, UnsubscribePacket>;
    const char *name = unsubscribe ? "UNSUBSCRIBE" : "SUBSCRIBE";
    if (m_state != State::Connected && m_state != State::AwaitingConnack)
        return {Error::NoConn, 0};
    const quint16 id = allocateId();
    if (id == 0)
        return {Error::QueueSize, 0};
    packet.packetId = id;
    if (is5())
        packet.properties = properties;
    if (m_packetLogging) {
        log(LogLevel::Debug, QStringLiteral("Sending %1 (d0, m%2) [%3]")
                                 .arg(QLatin1String(name))
                                 .arg(id)
                                 .arg(describe().join(QStringLiteral(", "))));
    }
    QString error;
    const QByteArray bytes = encode(packet, m_options.version, &error);
    if (bytes.isEmpty()) {
        log(LogLevel::Err, QStringLiteral("Cannot encode %1: %2").arg(QLatin1String(name), error));
        return {Error::Inval, 0};
    }
    const qsizetype from = m_out.size();
    m_out.append(bytes);
    if (m_capture)
        captureSent(from);
    m_pendingRequests.insert(id, {count, unsubscribe});
    return {Error::Success, id};
}

} // namespace mqtt
