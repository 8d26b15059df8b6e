#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace mqtt {

// Protocol level byte of CONNECT: 3 = MQTT 3.1 ("MQIsdp"), 4 = 3.1.1, 5 = 5.0.
enum class ProtocolVersion : quint8 {
    V31 = 3,
    V311 = 4,
    V5 = 5,
};

// Control packet types, numbered as in the fixed header ([S5] §2.1.2). 0 is reserved; 15 is
// reserved in 3.1.1.
enum class PacketType : quint8 {
    Reserved = 0,
    Connect = 1,
    Connack = 2,
    Publish = 3,
    Puback = 4,
    Pubrec = 5,
    Pubrel = 6,
    Pubcomp = 7,
    Subscribe = 8,
    Suback = 9,
    Unsubscribe = 10,
    Unsuback = 11,
    Pingreq = 12,
    Pingresp = 13,
    Disconnect = 14,
    Auth = 15,
};

// Upper-case name as used in paho's log lines ("PUBLISH", "CONNACK", ...).
const char *packetTypeName(PacketType type);

// Largest value a Variable Byte Integer can hold (FF FF FF 7F).
constexpr quint32 kMaxRemainingLength = 268435455;
// Largest possible packet: 1 type byte + 4 length bytes + maximum remaining length.
constexpr quint32 kMaxPacketSize = kMaxRemainingLength + 5;

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::ProtocolVersion)
Q_DECLARE_METATYPE(mqtt::PacketType)
