#pragma once

#include "codec/protocol.h"

#include <QMetaType>
#include <QString>

namespace mqtt {

// An MQTT 5.0 reason code (also used for 3.1.1 SUBACK return codes and, raw, for the 3.1.1
// CONNACK return code). The name depends on the packet type: 0x00 is "Success" in PUBACK,
// "Normal disconnection" in DISCONNECT and "Granted QoS 0" in SUBACK, as in paho's
// reasoncodes.py.
struct ReasonCode
{
    enum Value : quint8 {
        Success = 0x00,
        NormalDisconnection = 0x00,
        GrantedQoS0 = 0x00,
        GrantedQoS1 = 0x01,
        GrantedQoS2 = 0x02,
        DisconnectWithWillMessage = 0x04,
        NoMatchingSubscribers = 0x10,
        NoSubscriptionFound = 0x11,
        ContinueAuthentication = 0x18,
        ReAuthenticate = 0x19,
        UnspecifiedError = 0x80,
        MalformedPacket = 0x81,
        ProtocolError = 0x82,
        ImplementationSpecificError = 0x83,
        UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
        ServerUnavailable = 0x88,
        ServerBusy = 0x89,
        Banned = 0x8A,
        ServerShuttingDown = 0x8B,
        BadAuthenticationMethod = 0x8C,
        KeepAliveTimeout = 0x8D,
        SessionTakenOver = 0x8E,
        TopicFilterInvalid = 0x8F,
        TopicNameInvalid = 0x90,
        PacketIdentifierInUse = 0x91,
        PacketIdentifierNotFound = 0x92,
        ReceiveMaximumExceeded = 0x93,
        TopicAliasInvalid = 0x94,
        PacketTooLarge = 0x95,
        MessageRateTooHigh = 0x96,
        QuotaExceeded = 0x97,
        AdministrativeAction = 0x98,
        PayloadFormatInvalid = 0x99,
        RetainNotSupported = 0x9A,
        QoSNotSupported = 0x9B,
        UseAnotherServer = 0x9C,
        ServerMoved = 0x9D,
        SharedSubscriptionsNotSupported = 0x9E,
        ConnectionRateExceeded = 0x9F,
        MaximumConnectTime = 0xA0,
        SubscriptionIdentifiersNotSupported = 0xA1,
        WildcardSubscriptionsNotSupported = 0xA2,
    };

    constexpr ReasonCode() = default;
    constexpr ReasonCode(quint8 v) : value(v) { } // NOLINT: implicit on purpose, codes are bytes
    constexpr bool isFailure() const { return value >= 0x80; }
    constexpr bool operator==(ReasonCode other) const { return value == other.value; }
    constexpr bool operator!=(ReasonCode other) const { return value != other.value; }

    quint8 value = 0;
};

// paho's name of `code` in a packet of `type` ("Granted QoS 1", "Not authorized"), or an
// empty string when the code is not defined for that packet type.
QString reasonCodeName(ReasonCode code, PacketType type);

// Whether the 5.0 spec (paho's table) defines `code` for `type`. For DISCONNECT this is the
// union of both directions; use isReasonCodeAllowedFromServer for what a broker may send.
bool isReasonCodeAllowed(ReasonCode code, PacketType type);

// Whether a broker may send `code` in a packet of `type` under `version`: 3.1.1 SUBACK only
// 0x00-0x02 and 0x80; 5.0 per the tables of §3.x.2.1 (DISCONNECT 0x04 is client-only).
bool isReasonCodeAllowedFromServer(ReasonCode code, PacketType type, ProtocolVersion version);

// The 5.0 reason code paho (v2 API) reports for a 3.1.1 CONNACK return code: 0 -> 0x00,
// 1 -> 0x84, 2 -> 0x85, 3 -> 0x88, 4 -> 0x86, 5 -> 0x87, anything else -> 0x80.
ReasonCode reasonCodeFromConnackReturnCode(quint8 returnCode);

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::ReasonCode)
