#pragma once

#include "codec/decodeerror.h"
#include "codec/packet.h"
#include "codec/packetreader.h"
#include "codec/streamdecoder.h"
#include "codec/topiccache.h"

#include <optional>

namespace mqtt {

// Decodes the body of one packet (everything after the fixed header) by packet type, with
// the checks the spec places on each packet's variable header and payload. The framing
// (first byte, remaining length, maximum packet size) is StreamDecoder's job.
class PacketDecoder
{
public:
    using Role = StreamDecoder::Role;

    PacketDecoder(const uchar *body, qsizetype size, qint64 bodyOffset, ProtocolVersion version,
                  Role role, TopicCache *topicCache = nullptr);

    // Fills `out` and returns true, or returns false with error() set. `flags` are the low
    // four bits of the first byte.
    bool decode(PacketType type, quint8 flags, std::optional<Packet> *out);
    const DecodeError &error() const { return m_in.error(); }
    // The version in force after the packet: a CONNECT sets it.
    ProtocolVersion version() const { return m_in.version(); }

private:
    bool decodeConnect(std::optional<Packet> *out);
    bool decodeConnack(std::optional<Packet> *out);
    bool decodePublish(quint8 flags, std::optional<Packet> *out);
    template<typename Ack>
    bool decodeAck(PacketType type, std::optional<Packet> *out);
    bool decodeSubscribe(std::optional<Packet> *out);
    bool decodeSuback(std::optional<Packet> *out);
    bool decodeUnsubscribe(std::optional<Packet> *out);
    bool decodeUnsuback(std::optional<Packet> *out);
    template<typename P>
    bool decodeReasonOnly(PacketType type, std::optional<Packet> *out);

    PacketReader m_in;
};

} // namespace mqtt
