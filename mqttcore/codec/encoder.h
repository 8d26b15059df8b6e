#pragma once

#include "codec/packet.h"

#include <QByteArray>
#include <QString>

namespace mqtt {

// Encoders for every packet, both directions (the broker-side ones serve fake brokers in
// tests). Each returns the complete packet, or an empty QByteArray when the packet cannot be
// encoded (a string over 65,535 bytes, QoS 3, packet id 0 where one is required, a packet
// over the 268,435,455-byte remaining length, AUTH under 3.1.1, ...); `error` then says why.
// Fields the version does not have (5.0 properties, reason codes) are left out for 3.1/3.1.1.
// The encoder does not check topic or filter syntax (that is topic.h's job).
QByteArray encode(const ConnectPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const ConnackPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PublishPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PubackPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PubrecPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PubrelPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PubcompPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const SubscribePacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const SubackPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const UnsubscribePacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const UnsubackPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PingreqPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const PingrespPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const DisconnectPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const AuthPacket &packet, ProtocolVersion version, QString *error = nullptr);
QByteArray encode(const Packet &packet, ProtocolVersion version, QString *error = nullptr);

// Hot path: appends the encoded PUBLISH to `out` (reserving exactly what it needs) and
// returns false, leaving `out` unchanged, when it cannot be encoded.
bool encodeInto(QByteArray &out, const PublishPacket &packet, ProtocolVersion version,
                QString *error = nullptr);

// Size in bytes of the encoded properties block including its length prefix (5.0); lets the
// session check a packet against the server's Maximum Packet Size before building it.
quint32 encodedPropertiesSize(const Properties &properties);

// Bytes of a Variable Byte Integer holding `value` (1..4), 0 if value > 268,435,455.
int variableByteIntegerSize(quint32 value);

} // namespace mqtt
