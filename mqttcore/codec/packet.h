#pragma once

#include "codec/properties.h"
#include "codec/protocol.h"
#include "codec/reasoncode.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace mqtt {

// Plain value types, one per control packet. Fields that exist only in 5.0 (properties,
// reason codes) are ignored when encoding 3.1/3.1.1 and left default when decoding them.

struct Will
{
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    Properties properties; // 5.0 Will Properties
    bool operator==(const Will &o) const;
};

struct ConnectPacket
{
    // 3.1 uses protocol name "MQIsdp"; the version is the encoder's argument, not a field.
    QString clientId;
    bool cleanStart = true; // Clean Session in 3.1.1
    quint16 keepAlive = 60;
    std::optional<Will> will;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    bool bridge = false; // paho's bridge mode: bit 7 of the protocol level
    Properties properties;
    bool operator==(const ConnectPacket &o) const;
};

struct ConnackPacket
{
    bool sessionPresent = false;
    // 5.0 reason code, or the raw 3.1.1 return code (0..5); see reasonCodeFromConnackReturnCode.
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const ConnackPacket &o) const;
};

struct PublishPacket
{
    QString topic; // empty in 5.0 when only a Topic Alias is given
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    quint16 packetId = 0; // only for qos > 0
    Properties properties;
    bool operator==(const PublishPacket &o) const;
};

// PUBACK, PUBREC, PUBREL and PUBCOMP share one layout but stay distinct types so a Packet
// says which one it is.
struct PubackPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const PubackPacket &o) const;
};

struct PubrecPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const PubrecPacket &o) const;
};

struct PubrelPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const PubrelPacket &o) const;
};

struct PubcompPacket
{
    quint16 packetId = 0;
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const PubcompPacket &o) const;
};

struct Subscription
{
    QString filter;
    quint8 qos = 0;
    // 5.0 subscription options ([S5] §3.8.3.1).
    bool noLocal = false;
    bool retainAsPublished = false;
    quint8 retainHandling = 0; // 0 send at subscribe, 1 only if new, 2 never
    bool operator==(const Subscription &o) const;
};

struct SubscribePacket
{
    quint16 packetId = 0;
    QList<Subscription> subscriptions;
    Properties properties; // Subscription Identifier, User Property
    bool operator==(const SubscribePacket &o) const;
};

struct SubackPacket
{
    quint16 packetId = 0;
    QList<ReasonCode> reasonCodes; // one per filter, in SUBSCRIBE order
    Properties properties;
    bool operator==(const SubackPacket &o) const;
};

struct UnsubscribePacket
{
    quint16 packetId = 0;
    QStringList filters;
    Properties properties;
    bool operator==(const UnsubscribePacket &o) const;
};

struct UnsubackPacket
{
    quint16 packetId = 0;
    QList<ReasonCode> reasonCodes; // always empty in 3.1.1
    Properties properties;
    bool operator==(const UnsubackPacket &o) const;
};

struct PingreqPacket
{
    bool operator==(const PingreqPacket &) const { return true; }
};

struct PingrespPacket
{
    bool operator==(const PingrespPacket &) const { return true; }
};

struct DisconnectPacket
{
    ReasonCode reasonCode; // 5.0 only
    Properties properties;
    bool operator==(const DisconnectPacket &o) const;
};

struct AuthPacket
{
    ReasonCode reasonCode;
    Properties properties;
    bool operator==(const AuthPacket &o) const;
};

// Any packet; the alternative index + 1 is the packet type number.
using Packet = std::variant<ConnectPacket, ConnackPacket, PublishPacket, PubackPacket,
                            PubrecPacket, PubrelPacket, PubcompPacket, SubscribePacket,
                            SubackPacket, UnsubscribePacket, UnsubackPacket, PingreqPacket,
                            PingrespPacket, DisconnectPacket, AuthPacket>;

inline PacketType packetType(const Packet &packet)
{
    return static_cast<PacketType>(packet.index() + 1);
}

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::Packet)
