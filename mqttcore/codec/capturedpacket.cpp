#include "codec/capturedpacket.h"

#include "codec/streamdecoder.h"

namespace mqtt {

PacketType CapturedPacket::type() const
{
    if (bytes.isEmpty())
        return PacketType::Reserved;
    return static_cast<PacketType>(quint8(bytes.at(0)) >> 4);
}

quint8 CapturedPacket::flags() const
{
    return bytes.isEmpty() ? 0 : quint8(bytes.at(0)) & 0x0F;
}

std::optional<Packet> CapturedPacket::decode(DecodeError *error) const
{
    const StreamDecoder::Role role = direction == Direction::Sent ? StreamDecoder::Role::Server
                                                                  : StreamDecoder::Role::Client;
    return decodePacket(bytes, version, role, error);
}

} // namespace mqtt
