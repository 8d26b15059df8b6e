#include "codec/reasoncode.h"

namespace mqtt {

namespace {

// Bit per packet type, to write paho's reasoncodes.py table compactly.
constexpr quint32 bit(PacketType t) { return 1u << static_cast<quint8>(t); }
constexpr quint32 kConnack = bit(PacketType::Connack);
constexpr quint32 kPuback = bit(PacketType::Puback);
constexpr quint32 kPubrec = bit(PacketType::Pubrec);
constexpr quint32 kPubrel = bit(PacketType::Pubrel);
constexpr quint32 kPubcomp = bit(PacketType::Pubcomp);
constexpr quint32 kSuback = bit(PacketType::Suback);
constexpr quint32 kUnsuback = bit(PacketType::Unsuback);
constexpr quint32 kDisconnect = bit(PacketType::Disconnect);
constexpr quint32 kAuth = bit(PacketType::Auth);

struct NameEntry
{
    quint8 code;
    quint32 packets;
    const char *name;
};

// Names and packet types as paho-mqtt's reasoncodes.py (1.6.1 / 2.1.0), plus CONNACK 0x99.
const NameEntry kNames[] = {
    {0x00, kConnack | kPuback | kPubrec | kPubrel | kPubcomp | kUnsuback | kAuth, "Success"},
    {0x00, kDisconnect, "Normal disconnection"},
    {0x00, kSuback, "Granted QoS 0"},
    {0x01, kSuback, "Granted QoS 1"},
    {0x02, kSuback, "Granted QoS 2"},
    {0x04, kDisconnect, "Disconnect with will message"},
    {0x10, kPuback | kPubrec, "No matching subscribers"},
    {0x11, kUnsuback, "No subscription found"},
    {0x18, kAuth, "Continue authentication"},
    {0x19, kAuth, "Re-authenticate"},
    {0x80, kConnack | kPuback | kPubrec | kSuback | kUnsuback | kDisconnect, "Unspecified error"},
    {0x81, kConnack | kDisconnect, "Malformed packet"},
    {0x82, kConnack | kDisconnect, "Protocol error"},
    {0x83, kConnack | kPuback | kPubrec | kSuback | kUnsuback | kDisconnect,
     "Implementation specific error"},
    {0x84, kConnack, "Unsupported protocol version"},
    {0x85, kConnack, "Client identifier not valid"},
    {0x86, kConnack, "Bad user name or password"},
    {0x87, kConnack | kPuback | kPubrec | kSuback | kUnsuback | kDisconnect, "Not authorized"},
    {0x88, kConnack, "Server unavailable"},
    {0x89, kConnack | kDisconnect, "Server busy"},
    {0x8A, kConnack, "Banned"},
    {0x8B, kDisconnect, "Server shutting down"},
    {0x8C, kConnack | kDisconnect, "Bad authentication method"},
    {0x8D, kDisconnect, "Keep alive timeout"},
    {0x8E, kDisconnect, "Session taken over"},
    {0x8F, kSuback | kUnsuback | kDisconnect, "Topic filter invalid"},
    {0x90, kConnack | kPuback | kPubrec | kDisconnect, "Topic name invalid"},
    {0x91, kPuback | kPubrec | kSuback | kUnsuback, "Packet identifier in use"},
    {0x92, kPubrel | kPubcomp, "Packet identifier not found"},
    {0x93, kDisconnect, "Receive maximum exceeded"},
    {0x94, kDisconnect, "Topic alias invalid"},
    {0x95, kConnack | kDisconnect, "Packet too large"},
    {0x96, kDisconnect, "Message rate too high"},
    {0x97, kConnack | kPuback | kPubrec | kSuback | kDisconnect, "Quota exceeded"},
    {0x98, kDisconnect, "Administrative action"},
    // paho omits CONNACK here; [S5] §3.2.2.2 lists 0x99 for CONNACK (an invalid Will payload).
    {0x99, kConnack | kPuback | kPubrec | kDisconnect, "Payload format invalid"},
    {0x9A, kConnack | kDisconnect, "Retain not supported"},
    {0x9B, kConnack | kDisconnect, "QoS not supported"},
    {0x9C, kConnack | kDisconnect, "Use another server"},
    {0x9D, kConnack | kDisconnect, "Server moved"},
    {0x9E, kSuback | kDisconnect, "Shared subscription not supported"},
    {0x9F, kConnack | kDisconnect, "Connection rate exceeded"},
    {0xA0, kDisconnect, "Maximum connect time"},
    {0xA1, kSuback | kDisconnect, "Subscription identifiers not supported"},
    {0xA2, kSuback | kDisconnect, "Wildcard subscription not supported"},
};

const NameEntry *findEntry(ReasonCode code, PacketType type)
{
    for (const NameEntry &entry : kNames) {
        if (entry.code == code.value && (entry.packets & bit(type)))
            return &entry;
    }
    return nullptr;
}

} // namespace

QString reasonCodeName(ReasonCode code, PacketType type)
{
    const NameEntry *entry = findEntry(code, type);
    return entry ? QString::fromLatin1(entry->name) : QString();
}

bool isReasonCodeAllowed(ReasonCode code, PacketType type)
{
    return findEntry(code, type) != nullptr;
}

bool isReasonCodeAllowedFromServer(ReasonCode code, PacketType type, ProtocolVersion version)
{
    if (version != ProtocolVersion::V5) {
        switch (type) {
        case PacketType::Suback:
            return code.value <= 2 || code.value == 0x80; // [MQTT-3.9.3-2] (3.1.1)
        case PacketType::Connack:
            return code.value <= 5; // 6-255 reserved ([S3] §3.2.2.3)
        default:
            return code.value == 0;
        }
    }
    // 0x04 "Disconnect with Will Message" is for the client to send ([S5] §3.14.2.1).
    if (type == PacketType::Disconnect && code.value == ReasonCode::DisconnectWithWillMessage)
        return false;
    // [S5] §3.14.2.1 lists no 0x8C for DISCONNECT although §2.4 does; paho allows it, so do we.
    return isReasonCodeAllowed(code, type);
}

ReasonCode reasonCodeFromConnackReturnCode(quint8 returnCode)
{
    switch (returnCode) {
    case 0: return ReasonCode::Success;
    case 1: return ReasonCode::UnsupportedProtocolVersion;
    case 2: return ReasonCode::ClientIdentifierNotValid;
    case 3: return ReasonCode::ServerUnavailable;
    case 4: return ReasonCode::BadUserNameOrPassword;
    case 5: return ReasonCode::NotAuthorized;
    default: return ReasonCode::UnspecifiedError;
    }
}

} // namespace mqtt
