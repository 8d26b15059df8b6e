#pragma once

#include <QMetaType>

namespace mqtt {

// Return codes of the client API, numbered exactly as paho-mqtt's MQTT_ERR_* (enums.py), so
// errorString() and logs read the same as paho's. 0..14 also match libmosquitto's MOSQ_ERR_*.
enum class Error : int {
    Again = -1,
    Success = 0,
    NoMem = 1,
    Protocol = 2,
    Inval = 3,
    NoConn = 4,
    ConnRefused = 5,
    NotFound = 6,
    ConnLost = 7,
    Tls = 8,
    PayloadSize = 9,
    NotSupported = 10,
    Auth = 11,
    AclDenied = 12,
    Unknown = 13,
    Errno = 14,
    QueueSize = 15,
    Keepalive = 16,
};

// Log levels of on_log, with paho's values.
enum class LogLevel : int {
    Info = 0x01,
    Notice = 0x02,
    Warning = 0x04,
    Err = 0x08,
    Debug = 0x10,
};

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::Error)
Q_DECLARE_METATYPE(mqtt::LogLevel)
