#pragma once

#include "codec/properties.h"
#include "error.h"
#include "message.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace mqtt {

// Header line of a session file (docs/session-format.md).
struct SessionHeader
{
    static constexpr const char *formatName = "mqtt-inspector-session";
    static constexpr int currentVersion = 1;

    int version = currentVersion;
    QString broker;        // URL of the broker, e.g. "mqtt://localhost:1883"
    QDateTime startTime;   // UTC
    QString clientId;      // optional
    QString protocol;      // optional: "mqttv311" or "mqttv5"
    QString tool;          // optional: writer name and version

    bool operator==(const SessionHeader &other) const;
};

// MQTT 5 PUBLISH properties as stored in a session file. Kept here, not taken from the
// codec, so the file format does not change when the codec's types do.
struct SessionProperties
{
    int payloadFormatIndicator = -1;   // -1 absent, else 0 or 1
    qint64 messageExpiryInterval = -1; // -1 absent, else 0..2^32-1
    QString contentType;               // null = absent
    QString responseTopic;             // null = absent
    QByteArray correlationData;        // null = absent
    int topicAlias = 0;                // 0 = absent
    QList<quint32> subscriptionIdentifiers;
    QList<QPair<QString, QString>> userProperties; // ordered, names may repeat

    bool isEmpty() const;
    bool operator==(const SessionProperties &other) const;
};

// One line of a session file after the header.
struct SessionEvent
{
    enum class Type { Received, Sent, Log, Connection };

    Type type = Type::Received;
    qint64 timestamp = 0; // ms since the epoch, UTC

    // Received / Sent
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    bool dup = false;
    int mid = 0; // packet id, 0 when unknown or QoS 0
    SessionProperties properties;

    // Log: level and text. Connection: `connectionEvent` (see connectionEventNames()),
    // optional `code` (-1 = none) and `text` (e.g. connackString or the reason).
    LogLevel level = LogLevel::Info;
    QString connectionEvent;
    int code = -1;
    QString text;

    static SessionEvent message(Type type, const QString &topic, const QByteArray &payload,
                                int qos, bool retain, qint64 timestamp);
    static SessionEvent log(LogLevel level, const QString &text, qint64 timestamp);
    static SessionEvent connection(const QString &event, int code, const QString &text,
                                   qint64 timestamp);

    bool isMessage() const { return type == Type::Received || type == Type::Sent; }
    bool operator==(const SessionEvent &other) const;
    bool operator!=(const SessionEvent &other) const { return !(*this == other); }

    static QStringList connectionEventNames();
};

// Encoding helpers shared by writer, reader and the CLI's JSON output.
namespace capture {
// True when `bytes` is well-formed UTF-8 that round-trips exactly (a BOM is kept).
bool isExactUtf8(const QByteArray &bytes);
// Same check, also returning the text (a leading BOM stays, unlike QString::fromUtf8).
bool decodeExactUtf8(const QByteArray &bytes, QString *text);
// "2024-05-01T12:00:00.123Z" for ms since the epoch.
QString formatTimestamp(qint64 msecsSinceEpoch);
// Inverse of formatTimestamp; returns false for anything not in exactly that form.
bool parseTimestamp(const QString &text, qint64 *msecsSinceEpoch);
QString logLevelName(LogLevel level);
bool logLevelFromName(const QString &name, LogLevel *level);
QJsonObject propertiesToJson(const SessionProperties &properties);
QJsonObject eventToJson(const SessionEvent &event);
QJsonObject headerToJson(const SessionHeader &header);

// Conversions from and to the core's types. toProperties() leaves out Topic Alias and
// Subscription Identifier, which a client must not send in PUBLISH [MQTT-3.3.4-6].
SessionProperties fromProperties(const Properties &properties);
Properties toPublishProperties(const SessionProperties &properties);
// A received or sent message as an event; a timestamp of 0 becomes "now".
SessionEvent fromMessage(SessionEvent::Type type, const Message &message);
Message toMessage(const SessionEvent &event);
} // namespace capture

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::SessionEvent)
