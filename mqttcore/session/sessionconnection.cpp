// Session: opening and closing the connection (CONNECT, CONNACK, DISCONNECT either way).
#include "session/session_p.h"

#include "topic.h"

#include <utility>

namespace mqtt {

using sessiontext::bytesRepr;
using sessiontext::propertiesText;

// --- connection ----------------------------------------------------------------------------

void Session::connectionOpened(qint64 now)
{
    m_decoder.reset();
    m_decoder.setProtocolVersion(m_options.version);
    const Properties &props = m_options.connectProperties;
    m_decoder.setMaximumPacketSize(is5() ? props.maximumPacketSize().value_or(0) : 0);
    m_decoder.setAuthMethodSent(is5() && props.authenticationMethod().has_value());
    m_topicAliases.setMaximum(is5() ? props.topicAliasMaximum().value_or(0) : 0);
    m_incomingQos2.setReceiveMaximum(is5() ? props.receiveMaximum().value_or(65535) : 65535);

    m_out.resize(0);
    m_outPos = 0;
    m_qos0Marks.clear();
    m_disconnectEnd = -1;
    m_deferredDisconnect.reset();
    m_pendingRequests.clear();
    m_topicAliases.clear();
    m_serverReceiveMax = 65535;
    m_serverMaxQos = 2;
    m_serverRetainAvailable = true;
    m_serverMaxPacketSize = 0;
    m_serverTopicAliasMax = 0;
    m_keepAlive = m_options.keepAlive;
    m_lastIn = m_lastOut = now;
    m_pingOutstanding = false;
    m_pingSent = 0;
    m_close = CloseInfo();
    m_connackReceived = false;
    m_state = State::AwaitingConnack;

    ConnectPacket connect;
    connect.clientId = effectiveClientId();
    connect.cleanStart = m_options.cleanStart;
    connect.keepAlive = m_options.keepAlive;
    connect.will = m_options.will;
    connect.username = m_options.username;
    connect.password = m_options.password;
    if (is5())
        connect.properties = m_options.connectProperties;
    if (m_packetLogging) {
        QString line = QStringLiteral("Sending CONNECT (u%1, p%2, wr%3, wq%4, wf%5, c%6, k%7) client_id=%8")
                           .arg(connect.username ? 1 : 0)
                           .arg(connect.password ? 1 : 0)
                           .arg(connect.will && connect.will->retain ? 1 : 0)
                           .arg(connect.will ? connect.will->qos : 0)
                           .arg(connect.will ? 1 : 0)
                           .arg(connect.cleanStart ? 1 : 0)
                           .arg(connect.keepAlive)
                           .arg(bytesRepr(connect.clientId));
        if (is5())
            line += QStringLiteral(" properties=") + propertiesText(connect.properties);
        log(LogLevel::Debug, line);
    }
    queuePacket(connect);
}

void Session::connectionClosed()
{
    // QoS 0 messages not yet written are lost with the socket; paho treats them as published
    // without a callback, and so do we.
    m_qos0Marks.clear();
    m_out.resize(0);
    m_outPos = 0;
    m_disconnectEnd = -1;
    m_deferredDisconnect.reset();
    m_pendingRequests.clear();
    m_topicAliases.clear();
    m_decoder.reset();
    m_pingOutstanding = false;
    m_state = State::Idle;
}

Error Session::handleConnack(ConnackPacket &packet)
{
    if (m_connackReceived || m_state == State::Idle)
        return violation(QStringLiteral("second CONNACK on one connection [MQTT-3.2.0-2]"),
                         ReasonCode::ProtocolError);
    m_connackReceived = true;
    const quint8 code = packet.reasonCode.value;
    if (m_packetLogging) {
        QString line = QStringLiteral("Received CONNACK (%1, %2)").arg(packet.sessionPresent ? 1 : 0).arg(code);
        if (is5())
            line += QStringLiteral(" properties=") + propertiesText(packet.properties);
        log(LogLevel::Debug, line);
    }
    if (m_state == State::Disconnecting) {
        // disconnect() came before the CONNACK: report it (paho does), but our DISCONNECT is
        // queued, so nothing may be sent after it [MQTT-3.14.4-1] and the state stays.
        m_handler->sessionConnack(packet.sessionPresent, packet.reasonCode, packet.properties);
        return Error::Success;
    }
    if (packet.sessionPresent && code != 0)
        return violation(QStringLiteral("CONNACK refuses the connection but sets Session Present [%1]")
                             .arg(is5() ? QStringLiteral("MQTT-3.2.2-6") : QStringLiteral("MQTT-3.2.2-4")),
                         ReasonCode::ProtocolError);
    if (packet.sessionPresent && m_options.cleanStart)
        return violation(QStringLiteral("CONNACK sets Session Present after a clean start [%1]")
                             .arg(is5() ? QStringLiteral("MQTT-3.2.2-2") : QStringLiteral("MQTT-3.2.2-1")),
                         ReasonCode::ProtocolError);

    if (code != 0) {
        m_handler->sessionConnack(false, packet.reasonCode, packet.properties);
        m_close.rc = (!is5() && code > 5) ? Error::Protocol : Error::ConnRefused;
        m_close.reasonCode = is5() ? packet.reasonCode : reasonCodeFromConnackReturnCode(code);
        m_close.text = QStringLiteral("connection refused");
        return m_close.rc;
    }

    if (is5()) {
        const Properties &p = packet.properties;
        m_serverReceiveMax = p.receiveMaximum().value_or(65535);
        if (m_serverReceiveMax == 0)
            return violation(QStringLiteral("CONNACK Receive Maximum is 0 [MQTT-3.2.2-9]"),
                             ReasonCode::ProtocolError);
        m_serverMaxQos = p.maximumQoS().value_or(2);
        m_serverRetainAvailable = p.retainAvailable().value_or(1) != 0;
        m_serverMaxPacketSize = p.maximumPacketSize().value_or(0);
        m_serverTopicAliasMax = p.topicAliasMaximum().value_or(0);
        if (const auto ka = p.serverKeepAlive())
            m_keepAlive = *ka; // [MQTT-3.2.2-21]
        if (const auto id = p.assignedClientIdentifier())
            m_assignedClientId = *id;
        m_sessionExpiry = p.sessionExpiryInterval();
        if (!m_sessionExpiry)
            m_sessionExpiry = m_options.connectProperties.sessionExpiryInterval();
    }
    m_state = State::Connected;
    // Resend or discard what the previous connection left, before the handler can publish
    // anything new: re-sends keep their original order ahead of new messages [MQTT-4.6.0-1].
    QList<quint16> released;
    const bool resumed = packet.sessionPresent && !m_options.cleanStart;
    if (resumed) {
        // Re-send unacknowledged PUBLISHes with DUP=1 and PUBRELs, in order [MQTT-4.4.0-1].
        for (auto &entry : m_outgoing) {
            OutgoingQueue::Entry &m = entry.second;
            if (m.stage == OutStage::WaitPuback || m.stage == OutStage::WaitPubrec) {
                sendPublish(m, true);
            } else if (m.stage == OutStage::WaitPubcomp) {
                PubrelPacket rel;
                rel.packetId = m.packet.packetId;
                if (m_packetLogging)
                    log(LogLevel::Debug, QStringLiteral("Sending PUBREL (Mid: %1)").arg(rel.packetId));
                queuePacket(rel);
            }
        }
    } else {
        // The broker has no session: our in-flight state is void [MQTT-3.2.2-5]. Messages whose
        // PUBLISH the broker may not have got start again as new; a PUBREL has nothing left
        // to release, so that message is complete.
        if (!m_incomingQos2.isEmpty())
            log(LogLevel::Warning, QStringLiteral("Session not resumed: discarding %1 incoming QoS 2 message(s) awaiting PUBREL")
                                       .arg(m_incomingQos2.size()));
        m_incomingQos2.clear();
        for (auto &entry : m_outgoing) {
            OutgoingQueue::Entry &m = entry.second;
            if (m.stage == OutStage::WaitPubcomp)
                released << m.packet.packetId;
            else
                m_outgoing.requeue(m);
        }
    }
    releaseQueued();
    m_handler->sessionConnack(packet.sessionPresent, packet.reasonCode, packet.properties);
    for (quint16 id : released)
        completeOutgoing(id, ReasonCode::Success, Properties());
    releaseQueued();
    return Error::Success;
}

Error Session::handleDisconnect(const DisconnectPacket &packet)
{
    const QString reasonName = reasonCodeName(packet.reasonCode, PacketType::Disconnect);
    log(LogLevel::Info, QStringLiteral("Received DISCONNECT %1 (0x%2)%3")
                            .arg(reasonName)
                            .arg(packet.reasonCode.value, 2, 16, QLatin1Char('0'))
                            .arg(packet.properties.reasonString()
                                     ? QStringLiteral(": ") + *packet.properties.reasonString()
                                     : QString()));
    m_close.rc = Error::ConnLost;
    m_close.reasonCode = packet.reasonCode;
    m_close.properties = packet.properties;
    m_close.fromServer = true;
    m_close.text = QStringLiteral("broker sent DISCONNECT");
    return Error::ConnLost;
}

Error Session::disconnect(ReasonCode reason, const Properties &properties)
{
    if (m_state == State::Idle)
        return Error::NoConn;
    if (m_state == State::Disconnecting)
        return Error::Success;
    DisconnectPacket packet;
    if (is5()) {
        packet.reasonCode = reason;
        packet.properties = properties;
    }
    m_state = State::Disconnecting;
    if (m_delivering > 0) {
        // Inside a message callback: the acknowledgement this delivery owes is not queued yet.
        // receive() queues the DISCONNECT right after it [MQTT-3.14.4-1] (mosquitto_sub's order).
        m_deferredDisconnect = packet;
        return Error::Success;
    }
    queueDisconnect(packet);
    return Error::Success;
}

void Session::queueDisconnect(const DisconnectPacket &packet)
{
    if (m_packetLogging)
        log(LogLevel::Debug, is5() ? QStringLiteral("Sending DISCONNECT reason: %1").arg(packet.reasonCode.value)
                                   : QStringLiteral("Sending DISCONNECT"));
    queuePacket(packet);
    m_disconnectEnd = m_outStreamOffset + m_out.size();
}

} // namespace mqtt
