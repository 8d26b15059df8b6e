#pragma once

#include "codec/decodeerror.h"
#include "codec/packet.h"
#include "codec/topiccache.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mqtt {

// Sans-IO decoder of an MQTT byte stream: feed() bytes in any chunking, then call next()
// until it returns nothing. Each whole packet is validated strictly; the first violation puts
// the decoder in a failed state for good (error() says why).
//
// Role::Client (the default) decodes what a client receives from a broker: CONNACK, PUBLISH,
// PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP and, in 5.0, DISCONNECT and AUTH
// (AUTH only after setAuthMethodSent(true)). Anything else is an error.
// Role::Server decodes what a client sends (CONNECT, PUBLISH, acks, SUBSCRIBE, UNSUBSCRIBE,
// PINGREQ, DISCONNECT, AUTH); it exists for fake brokers and tests. In that role the protocol
// version is taken from the CONNECT packet when it arrives.
//
// Session-level rules (CONNACK first and once, topic alias mapping, receive maximum, SUBACK
// count) are the session's job, not checked here.
//
// Payloads: Qt 6.4's QByteArray cannot share a slice of another buffer, so each payload is
// copied once from the stream buffer into its own QByteArray; nothing else is copied.
// Memory: bytes are buffered only as fed; nothing is reserved from an untrusted remaining
// length, and a packet whose header declares more than the maximum packet size fails as soon
// as its header is complete.
class StreamDecoder
{
public:
    enum class Role { Client, Server };

    explicit StreamDecoder(Role role = Role::Client);

    Role role() const { return m_role; }
    void setProtocolVersion(ProtocolVersion version);
    ProtocolVersion protocolVersion() const { return m_version; }
    // Maximum size of a whole packet (fixed header included) we accept; 0 means no limit
    // beyond the protocol's 268,435,460 bytes. Violations fail with reason 0x95.
    void setMaximumPacketSize(quint32 bytes);
    quint32 maximumPacketSize() const { return m_maxPacketSize; }
    // Whether our CONNECT carried an Authentication Method (AUTH allowed [MQTT-4.12.0-6]).
    void setAuthMethodSent(bool sent);
    bool authMethodSent() const { return m_authMethodSent; }

    void feed(const QByteArray &bytes);
    void feed(const char *data, qsizetype size);

    // The next whole packet, or nothing when more bytes are needed or the decoder failed.
    std::optional<Packet> next();

    bool hasFailed() const { return !m_error.isNull(); }
    const DecodeError &error() const { return m_error; }
    // Size on the wire of the packet last returned by next().
    qsizetype lastPacketSize() const { return m_lastPacketSize; }
    // For a packet inspector: while on, next() also keeps a copy of the whole packet it
    // returns (fixed header included) in lastPacketBytes(). Off by default; off, it costs
    // one branch per packet and no copy.
    void setKeepLastPacketBytes(bool keep);
    bool keepLastPacketBytes() const { return m_keepLastPacketBytes; }
    const QByteArray &lastPacketBytes() const { return m_lastPacketBytes; }
    // Bytes fed but not yet consumed by next().
    qsizetype bufferedBytes() const { return m_buffer.size() - m_readPos; }
    // Stream offset of the first unconsumed byte.
    qint64 streamOffset() const { return m_consumedBefore + m_readPos; }

    // Forget buffered bytes and any error (a new connection); configuration is kept.
    void reset();

    // Kept for callers that name the cache through the decoder.
    using TopicCache = mqtt::TopicCache;
    int topicCacheSize() const { return m_topicCache.size(); }

private:
    void fail(DecodeError error);
    void compact();

    Role m_role;
    ProtocolVersion m_version = ProtocolVersion::V311;
    quint32 m_maxPacketSize = 0;
    bool m_authMethodSent = false;
    bool m_keepLastPacketBytes = false;
    QByteArray m_buffer;
    QByteArray m_lastPacketBytes;
    qsizetype m_readPos = 0;
    qint64 m_consumedBefore = 0; // stream bytes dropped from m_buffer by compact()
    qsizetype m_lastPacketSize = 0;
    DecodeError m_error;
    TopicCache m_topicCache;
};

// Decodes one whole packet held in `bytes` (exactly one, nothing after it) as the given role
// would. For tests and fake brokers: decodeClientPacket(bytes, V5) parses what our client sent.
// On failure returns nothing and fills `error`.
std::optional<Packet> decodePacket(const QByteArray &bytes, ProtocolVersion version,
                                   StreamDecoder::Role role, DecodeError *error = nullptr,
                                   bool authMethodSent = true);
std::optional<Packet> decodeClientPacket(const QByteArray &bytes, ProtocolVersion version,
                                         DecodeError *error = nullptr);

} // namespace mqtt
