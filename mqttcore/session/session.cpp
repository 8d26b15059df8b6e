#include "session/session_p.h"

#include "topic.h"

#include <utility>

namespace mqtt {

namespace sessiontext {

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

} // namespace sessiontext

using sessiontext::bytesRepr;
using sessiontext::propertiesText;

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
    const qsizetype from = m_out.size();
    m_out.append(bytes);
    if (m_capture)
        captureSent(from);
}

// --- packet capture ------------------------------------------------------------------------

void Session::setPacketCapture(bool on, std::function<qint64()> wallClock)
{
    m_capture = on;
    m_captureClock = std::move(wallClock);
    m_decoder.setKeepLastPacketBytes(on);
    if (!on)
        m_captured = QList<CapturedPacket>();
}

QList<CapturedPacket> Session::takeCapturedPackets()
{
    return std::exchange(m_captured, QList<CapturedPacket>());
}

// The packet just appended to m_out, from `from` to the end (one packet per append).
void Session::captureSent(qsizetype from)
{
    if (from >= m_out.size())
        return; // nothing was appended (the encoder refused the packet)
    CapturedPacket packet;
    packet.direction = CapturedPacket::Direction::Sent;
    packet.timestamp = m_captureClock ? m_captureClock() : m_receiveTimestamp;
    packet.version = m_options.version;
    packet.bytes = m_out.mid(from);
    m_captured.append(std::move(packet));
}

void Session::captureReceived()
{
    CapturedPacket packet;
    packet.direction = CapturedPacket::Direction::Received;
    packet.timestamp = m_captureClock ? m_captureClock() : m_receiveTimestamp;
    packet.version = m_options.version;
    packet.bytes = m_decoder.lastPacketBytes();
    m_captured.append(std::move(packet));
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
        if (m_capture) // before handle(): its replies are queued (and captured) after it
            captureReceived();
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




} // namespace mqtt
