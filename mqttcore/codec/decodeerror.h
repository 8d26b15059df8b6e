#pragma once

#include "codec/reasoncode.h"

#include <QMetaType>
#include <QString>

namespace mqtt {

// Why a byte stream from the peer was rejected. After one the connection must be closed; in
// 5.0 the client should first send DISCONNECT with `disconnectReason`.
struct DecodeError
{
    QString rule;        // what was wrong, in words ("PUBLISH topic contains a wildcard")
    QString statementId; // normative statement, "MQTT-3.3.2-2", or empty when the spec has none
    qint64 offset = 0;   // byte offset in the stream where the offending field starts
    ReasonCode disconnectReason = ReasonCode::MalformedPacket; // 0x81, 0x82, 0x94, 0x95, ...

    bool isNull() const { return rule.isEmpty(); }
    // "PUBLISH topic contains a wildcard [MQTT-3.3.2-2] at offset 7"
    QString toString() const;
};

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::DecodeError)
