#include "session/session.h"

#include "codec/encoder.h"
#include "logging.h"
#include "topic.h"

#include <utility>

namespace mqtt {

namespace {

// Python's repr() of the UTF-8 bytes, as paho prints client ids and filters: b'a/b'.
QString bytesRepr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const char quote = utf8.contains('\'') && !utf8.contains('"') ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == quote)
            out += QStringLiteral("\\") + QLatin1Char(c);
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (byte < 0x20 || byte >= 0x7f)
            out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    return out + QLatin1Char(quote);
}

QString propertiesText(const Properties &properties)
{
    QStringList parts;
    for (int i = 0; i < properties.size(); ++i) {
        const Property &p = properties.at(i);
        QString value;
        switch (propertyType(p.id)) {
        case PropertyType::Utf8String:
            value = QLatin1Char('\'') + p.text + QLatin1Char('\'');
            break;
        case PropertyType::Utf8StringPair:
            value = QStringLiteral("('%1', '%2')").arg(p.text, p.text2);
            break;
        case PropertyType::BinaryData:
            value = QString::fromLatin1(p.binary.toHex());
            break;
        default:
            value = QString::number(p.number);
        }
        parts << QStringLiteral("%1 : %2").arg(QString::fromLatin1(propertyName(p.id)), value);
    }
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace

Session::Session(SessionHandler *handler)
    : m_handler(handler), m_decoder(StreamDecoder::Role::Client)
{
}

QString Session::effectiveClientId() const
{
    return m_assignedClientId.isEmpty() ? m_options.clientId : m_assignedClientId;
}

void Session::log(LogLevel level, const QString &text)
{
    m_handler->sessionLog(level, text);
}

// --- packet ids ----------------------------------------------------------------------------

bool Session::idInUse(quint16 id) const
{
    return m_outgoing.contains(id) || m_pendingRequests.contains(id);
}

// Counts 1..65535 and skips ids still in use ([MQTT-2.3.1-2] / [MQTT-2.2.1-3]); paho and
// libmosquitto do not check. Returns 0 when every id is taken.
quint16 Session::allocateId()
{
    for (int tries = 0; tries < 65535; ++tries) {
        m_lastId = m_lastId == 65535 ? 1 : quint16(m_lastId + 1);
        if (!idInUse(m_lastId))
            return m_lastId;
    }
    return 0;
}

int Session::window() const
{
    int w = m_serverReceiveMax;
    if (m_options.maxInflight > 0 && m_options.maxInflight < w)
        w = m_options.maxInflight;
    return w;
}

// --- output --------------------------------------------------------------------------------

void Session::queueBytes(const QByteArray &bytes)
{
    m_out.append(bytes);
}

template<typename P>
void Session::queuePacket(const P &packet)
{
    QString error;
    const QByteArray bytes = encode(packet, m_options.version, &error);
    if (bytes.isEmpty()) {
        log(LogLevel::Err, QStringLiteral("Cannot encode packet: %1").arg(error));
        return;
    }
    m_out.append(bytes);
}

bool Session::bytesWritten(qsizetype n, qint64 now)
{
    if (n <= 0)
        return false;
    m_outPos += n;
    m_lastOut = now;
    const qint64 streamPos = m_outStreamOffset + m_outPos;
    while (!m_qos0Marks.empty() && m_qos0Marks.front().end <= streamPos) {
        const int mid = m_qos0Marks.front().mid;
        m_qos0Marks.pop_front();
        m_handler->sessionPublished(mid, ReasonCode::Success, Properties());
    }
    if (m_outPos >= m_out.size()) {
        m_outStreamOffset += m_out.size();
        m_out.resize(0); // keeps the allocation for the next burst
        m_outPos = 0;
    }
    return m_disconnectEnd >= 0 && streamPos >= m_disconnectEnd;
}

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

Error Session::violation(const QString &text, ReasonCode reason, Error rc)
{
    m_close.rc = rc;
    m_close.reasonCode = reason;
    m_close.fromServer = false;
    m_close.text = text;
    log(LogLevel::Err, QStringLiteral("Protocol violation by the broker: %1; closing the connection")
                           .arg(text));
    // 5.0 §4.13.1: tell the server why before closing.
    if (is5() && m_state != State::Idle && m_state != State::Disconnecting) {
        DisconnectPacket d;
        d.reasonCode = reason;
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending DISCONNECT reason: %1").arg(reason.value));
        queuePacket(d);
    }
    return rc;
}

Error Session::receive(const char *data, qsizetype size, qint64 now)
{
    if (m_state == State::Idle)
        return Error::NoConn;
    m_decoder.feed(data, size);
    while (true) {
        std::optional<Packet> packet = m_decoder.next();
        if (!packet) {
            if (m_decoder.hasFailed())
                return violation(m_decoder.error().toString(), m_decoder.error().disconnectReason);
            return Error::Success;
        }
        m_lastIn = now;
        const Error rc = handle(*packet);
        // The packet's acknowledgement is queued by now; a DISCONNECT asked for while it was
        // being delivered goes after it.
        if (m_deferredDisconnect && m_state == State::Disconnecting) {
            const DisconnectPacket d = *std::exchange(m_deferredDisconnect, std::nullopt);
            queueDisconnect(d);
        }
        if (rc != Error::Success)
            return rc;
    }
}

void Session::deliver(const Message &message)
{
    ++m_delivering;
    m_handler->sessionMessage(message);
    --m_delivering;
}

Error Session::handle(Packet &packet)
{
    const PacketType type = packetType(packet);
    if (m_state == State::AwaitingConnack && type != PacketType::Connack && type != PacketType::Auth) {
        return violation(QStringLiteral("%1 received before CONNACK [MQTT-3.2.0-1]")
                             .arg(QLatin1String(packetTypeName(type))),
                         ReasonCode::ProtocolError);
    }
    // §3.1.2.11.7: after Request Problem Information 0 the server may send Reason String and
    // User Property only in PUBLISH, CONNACK and DISCONNECT.
    if (is5() && type != PacketType::Publish && type != PacketType::Connack
        && type != PacketType::Disconnect
        && m_options.connectProperties.requestProblemInformation() == quint8(0)) {
        const Properties *props = std::visit([](const auto &p) -> const Properties * {
            if constexpr (std::is_same_v<std::decay_t<decltype(p)>, PingreqPacket>
                          || std::is_same_v<std::decay_t<decltype(p)>, PingrespPacket>)
                return nullptr;
            else
                return &p.properties;
        }, packet);
        if (props && (props->contains(PropertyId::ReasonString)
                      || props->contains(PropertyId::UserProperty)))
            return violation(QStringLiteral("%1 carries a Reason String or User Property after Request Problem Information 0 [§3.1.2.11.7]")
                                 .arg(QLatin1String(packetTypeName(type))),
                             ReasonCode::ProtocolError);
    }
    switch (type) {
    case PacketType::Connack:
        return handleConnack(std::get<ConnackPacket>(packet));
    case PacketType::Publish:
        return handlePublish(std::get<PublishPacket>(packet));
    case PacketType::Puback:
        return handlePuback(std::get<PubackPacket>(packet));
    case PacketType::Pubrec:
        return handlePubrec(std::get<PubrecPacket>(packet));
    case PacketType::Pubrel:
        return handlePubrel(std::get<PubrelPacket>(packet));
    case PacketType::Pubcomp:
        return handlePubcomp(std::get<PubcompPacket>(packet));
    case PacketType::Suback:
        return handleSuback(std::get<SubackPacket>(packet));
    case PacketType::Unsuback:
        return handleUnsuback(std::get<UnsubackPacket>(packet));
    case PacketType::Pingresp:
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Received PINGRESP"));
        m_pingOutstanding = false;
        return Error::Success;
    case PacketType::Disconnect:
        return handleDisconnect(std::get<DisconnectPacket>(packet));
    case PacketType::Auth:
        // Enhanced authentication is not implemented: say so instead of hanging.
        return violation(QStringLiteral("AUTH received but enhanced authentication is not supported"),
                         ReasonCode::ImplementationSpecificError, Error::NotSupported);
    default:
        break;
    }
    return violation(QStringLiteral("unexpected %1 from the broker")
                         .arg(QLatin1String(packetTypeName(type))),
                     ReasonCode::ProtocolError);
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

// --- keepalive -----------------------------------------------------------------------------

Error Session::tick(qint64 now)
{
    if (m_state == State::Idle || m_keepAlive <= 0)
        return Error::Success;
    const qint64 ka = qint64(m_keepAlive) * 1000;
    if (now - m_lastOut < ka && now - m_lastIn < ka)
        return Error::Success;
    if (m_state == State::Connected && !m_pingOutstanding) {
        if (m_packetLogging)
            log(LogLevel::Debug, QStringLiteral("Sending PINGREQ"));
        queuePacket(PingreqPacket());
        m_pingOutstanding = true;
        m_pingSent = now;
        m_lastIn = m_lastOut = now;
        return Error::Success;
    }
    // One path, one close: the caller fires disconnected exactly once (paho #870).
    m_close.rc = m_state == State::Disconnecting ? Error::Success : Error::Keepalive;
    m_close.reasonCode = ReasonCode::KeepAliveTimeout;
    m_close.fromServer = false;
    m_close.text = m_state == State::AwaitingConnack
                       ? QStringLiteral("no CONNACK within the keepalive interval")
                       : QStringLiteral("no PINGRESP within the keepalive interval");
    return m_close.rc == Error::Success ? Error::Keepalive : m_close.rc;
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
    if (!encodeInto(m_out, message.packet, m_options.version, &error))
        log(LogLevel::Err, QStringLiteral("Cannot encode PUBLISH: %1").arg(error));
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
        if (!encodeInto(m_out, packet, m_options.version, &error)) {
            log(LogLevel::Err, QStringLiteral("Cannot encode PUBLISH: %1").arg(error));
            return {Error::Inval, 0};
        }
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
    m_out.append(bytes);
    m_pendingRequests.insert(id, {count, unsubscribe});
    return {Error::Success, id};
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
