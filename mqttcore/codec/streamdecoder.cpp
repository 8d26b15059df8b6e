#include "codec/streamdecoder.h"

#include "codec/packetdecoder.h"
#include "logging.h"

namespace mqtt {

namespace {

using Role = StreamDecoder::Role;

// Checks the first byte alone: type allowed for this role and version, reserved flags.
DecodeError checkFirstByte(quint8 first, ProtocolVersion version, Role role, bool authMethodSent,
                           qint64 offset)
{
    const auto type = static_cast<PacketType>(first >> 4);
    const quint8 flags = first & 0x0F;
    const bool v5 = version == ProtocolVersion::V5;
    auto error = [offset](const QString &rule, const char *id, quint8 reason) {
        DecodeError e;
        e.rule = rule;
        e.statementId = id ? QString::fromLatin1(id) : QString();
        e.offset = offset;
        e.disconnectReason = reason;
        return e;
    };
    if (type == PacketType::Reserved || (type == PacketType::Auth && !v5))
        return error(QStringLiteral("reserved packet type %1").arg(int(type)), nullptr, ReasonCode::MalformedPacket);

    bool allowed = true;
    const char *id = nullptr;
    switch (type) {
    case PacketType::Connect:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
    case PacketType::Pingreq:
        allowed = role == Role::Server;
        break;
    case PacketType::Connack:
    case PacketType::Suback:
    case PacketType::Unsuback:
    case PacketType::Pingresp:
        allowed = role == Role::Client;
        break;
    case PacketType::Disconnect:
        // 3.1.1 has no server-to-client DISCONNECT.
        allowed = role == Role::Server || v5;
        break;
    case PacketType::Auth:
        allowed = role == Role::Server || authMethodSent;
        id = "MQTT-4.12.0-6";
        break;
    default:
        break;
    }
    if (!allowed) {
        const QLatin1String name(packetTypeName(type));
        return error(role == Role::Client
                         ? QStringLiteral("%1 is not a packet a server may send to a client").arg(name)
                         : QStringLiteral("%1 is not a packet a client may send").arg(name),
                     id, ReasonCode::ProtocolError);
    }

    quint8 expected = 0;
    if (type == PacketType::Publish)
        return DecodeError(); // DUP/QoS/RETAIN are checked with the body
    if (type == PacketType::Pubrel || type == PacketType::Subscribe || type == PacketType::Unsubscribe)
        expected = 0x02;
    if (flags != expected) {
        const QLatin1String name(packetTypeName(type));
        const char *flagId = v5 ? "MQTT-2.1.3-1" : "MQTT-2.2.2-2";
        if (type == PacketType::Pubrel)
            flagId = "MQTT-3.6.1-1";
        else if (v5 && type == PacketType::Disconnect)
            flagId = "MQTT-3.14.1-1";
        else if (type == PacketType::Auth)
            flagId = "MQTT-3.15.1-1";
        return error(QStringLiteral("%1 has reserved flags 0x%2, expected 0x%3")
                         .arg(name)
                         .arg(flags, 1, 16)
                         .arg(expected, 1, 16),
                     flagId, ReasonCode::MalformedPacket);
    }
    return DecodeError();
}

} // namespace

StreamDecoder::StreamDecoder(Role role)
    : m_role(role)
{
}

void StreamDecoder::setProtocolVersion(ProtocolVersion version)
{
    m_version = version;
}

void StreamDecoder::setMaximumPacketSize(quint32 bytes)
{
    m_maxPacketSize = bytes;
}

void StreamDecoder::setAuthMethodSent(bool sent)
{
    m_authMethodSent = sent;
}

void StreamDecoder::setKeepLastPacketBytes(bool keep)
{
    m_keepLastPacketBytes = keep;
    if (!keep)
        m_lastPacketBytes = QByteArray();
}

void StreamDecoder::feed(const QByteArray &bytes)
{
    if (hasFailed())
        return;
    if (m_buffer.isEmpty()) {
        m_buffer = bytes; // implicitly shared: no copy until compact() writes
        m_readPos = 0;
        return;
    }
    m_buffer.append(bytes);
}

void StreamDecoder::feed(const char *data, qsizetype size)
{
    if (hasFailed() || size <= 0)
        return;
    m_buffer.append(data, size);
}

void StreamDecoder::reset()
{
    m_buffer.clear();
    m_readPos = 0;
    m_consumedBefore = 0;
    m_lastPacketSize = 0;
    m_error = DecodeError();
}

void StreamDecoder::fail(DecodeError error)
{
    qCDebug(lcMqttCodec) << "decode error:" << error.toString();
    m_error = std::move(error);
    m_buffer.clear();
    m_consumedBefore += m_readPos;
    m_readPos = 0;
}

void StreamDecoder::compact()
{
    if (m_readPos == m_buffer.size()) {
        m_consumedBefore += m_readPos;
        m_readPos = 0;
        // Keep a modest capacity for the next feed; give back what one huge packet took.
        if (m_buffer.isDetached() && m_buffer.capacity() <= 1024 * 1024)
            m_buffer.truncate(0);
        else
            m_buffer = QByteArray();
    } else if (m_readPos >= 65536 && m_readPos * 2 >= m_buffer.size()) {
        m_consumedBefore += m_readPos;
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
}

std::optional<Packet> StreamDecoder::next()
{
    std::optional<Packet> packet; // one object, returned by name, filled in place
    if (hasFailed())
        return packet;
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < 1)
        return packet;
    const auto *start = reinterpret_cast<const uchar *>(m_buffer.constData()) + m_readPos;
    const qint64 startOffset = m_consumedBefore + m_readPos;

    DecodeError headerError = checkFirstByte(start[0], m_version, m_role, m_authMethodSent, startOffset);
    if (!headerError.isNull()) {
        fail(std::move(headerError));
        return packet;
    }

    // Remaining length: up to 4 bytes; a fifth is malformed even before it arrives.
    quint32 remainingLength = 0;
    int lengthBytes = 0;
    for (;;) {
        if (lengthBytes == 4) {
            DecodeError e;
            e.rule = QStringLiteral("remaining length is longer than 4 bytes");
            e.offset = startOffset + 1;
            fail(std::move(e));
            return packet;
        }
        if (1 + lengthBytes >= available)
            return packet;
        const uchar b = start[1 + lengthBytes];
        remainingLength |= quint32(b & 0x7F) << (7 * lengthBytes);
        ++lengthBytes;
        if (!(b & 0x80)) {
            if (lengthBytes > 1 && b == 0) {
                DecodeError e;
                e.rule = QStringLiteral("remaining length is not in its shortest encoding");
                e.statementId = QStringLiteral("MQTT-1.5.5-1");
                e.offset = startOffset + 1;
                fail(std::move(e));
                return packet;
            }
            break;
        }
    }
    const quint64 total = 1 + quint64(lengthBytes) + remainingLength;
    if (m_maxPacketSize && total > m_maxPacketSize) {
        DecodeError e;
        e.rule = QStringLiteral("%1 of %2 bytes exceeds the maximum packet size %3 (§3.1.2.11.4)")
                     .arg(QLatin1String(packetTypeName(static_cast<PacketType>(start[0] >> 4))))
                     .arg(total)
                     .arg(m_maxPacketSize);
        e.offset = startOffset;
        e.disconnectReason = ReasonCode::PacketTooLarge;
        fail(std::move(e));
        return packet;
    }
    if (quint64(available) < total)
        return packet;

    PacketDecoder body(start + 1 + lengthBytes, qsizetype(remainingLength),
                         startOffset + 1 + lengthBytes, m_version, m_role, &m_topicCache);
    if (!body.decode(static_cast<PacketType>(start[0] >> 4), start[0] & 0x0F, &packet)) {
        packet.reset();
        fail(body.error());
        return packet;
    }
    if (m_role == Role::Server && packet->index() == 0)
        m_version = body.version(); // CONNECT tells a fake broker the version
    m_lastPacketSize = qsizetype(total);
    if (m_keepLastPacketBytes) // before compact(), which may drop the buffer
        m_lastPacketBytes = QByteArray(reinterpret_cast<const char *>(start), qsizetype(total));
    m_readPos += qsizetype(total);
    compact();
    return packet;
}

std::optional<Packet> decodePacket(const QByteArray &bytes, ProtocolVersion version,
                                   StreamDecoder::Role role, DecodeError *error,
                                   bool authMethodSent)
{
    StreamDecoder decoder(role);
    decoder.setProtocolVersion(version);
    decoder.setAuthMethodSent(authMethodSent);
    decoder.feed(bytes);
    std::optional<Packet> packet = decoder.next();
    DecodeError e;
    if (decoder.hasFailed()) {
        e = decoder.error();
    } else if (!packet) {
        e.rule = QStringLiteral("incomplete packet");
        e.offset = bytes.size();
    } else if (decoder.bufferedBytes() != 0) {
        e.rule = QStringLiteral("%1 bytes after the packet").arg(decoder.bufferedBytes());
        e.offset = decoder.streamOffset();
        packet.reset();
    }
    if (error)
        *error = e;
    return packet;
}

std::optional<Packet> decodeClientPacket(const QByteArray &bytes, ProtocolVersion version,
                                         DecodeError *error)
{
    return decodePacket(bytes, version, StreamDecoder::Role::Server, error, true);
}

} // namespace mqtt
