#pragma once

#include "codec/decodeerror.h"
#include "codec/packet.h"
#include "codec/protocol.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>

#include <optional>

namespace mqtt {

// One packet as it crossed the wire, for a packet inspector: the exact bytes (fixed header
// included), which way it went, when, and the protocol version needed to decode it again.
// The decoded form is not kept: decode() rebuilds it lazily from the bytes, so that capturing
// costs one copy of the bytes and an inspector decodes only the packets it shows.
struct CapturedPacket
{
    enum class Direction : quint8 { Received, Sent };

    Direction direction = Direction::Received;
    qint64 timestamp = 0; // ms since the epoch
    ProtocolVersion version = ProtocolVersion::V311;
    QByteArray bytes;

    // The type from the first byte; Reserved for an empty capture.
    PacketType type() const;
    // The low four bits of the first byte (PUBLISH: DUP, QoS, RETAIN).
    quint8 flags() const;
    // Decodes the bytes as the receiving side would (the broker's role for what we sent).
    // Received PUBLISH packets that used a Topic Alias decode with the topic the wire had
    // (empty in 5.0 when only the alias was given).
    std::optional<Packet> decode(DecodeError *error = nullptr) const;
};

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::CapturedPacket)
