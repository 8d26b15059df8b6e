#include "capture/sessionevent.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

namespace mqtt {

bool SessionHeader::operator==(const SessionHeader &other) const
{
    return version == other.version && broker == other.broker && startTime == other.startTime
            && clientId == other.clientId && protocol == other.protocol && tool == other.tool;
}

bool SessionProperties::isEmpty() const
{
    return payloadFormatIndicator < 0 && messageExpiryInterval < 0 && contentType.isNull()
            && responseTopic.isNull() && correlationData.isNull() && topicAlias == 0
            && subscriptionIdentifiers.isEmpty() && userProperties.isEmpty();
}

bool SessionProperties::operator==(const SessionProperties &other) const
{
    return payloadFormatIndicator == other.payloadFormatIndicator
            && messageExpiryInterval == other.messageExpiryInterval
            && contentType == other.contentType && contentType.isNull() == other.contentType.isNull()
            && responseTopic == other.responseTopic
            && responseTopic.isNull() == other.responseTopic.isNull()
            && correlationData == other.correlationData
            && correlationData.isNull() == other.correlationData.isNull()
            && topicAlias == other.topicAlias
            && subscriptionIdentifiers == other.subscriptionIdentifiers
            && userProperties == other.userProperties;
}

SessionEvent SessionEvent::message(Type type, const QString &topic, const QByteArray &payload,
                                   int qos, bool retain, qint64 timestamp)
{
    SessionEvent e;
    e.type = type;
    e.topic = topic;
    e.payload = payload;
    e.qos = qos;
    e.retain = retain;
    e.timestamp = timestamp;
    return e;
}

SessionEvent SessionEvent::log(LogLevel level, const QString &text, qint64 timestamp)
{
    SessionEvent e;
    e.type = Type::Log;
    e.level = level;
    e.text = text;
    e.timestamp = timestamp;
    return e;
}

SessionEvent SessionEvent::connection(const QString &event, int code, const QString &text,
                                      qint64 timestamp)
{
    SessionEvent e;
    e.type = Type::Connection;
    e.connectionEvent = event;
    e.code = code;
    e.text = text;
    e.timestamp = timestamp;
    return e;
}

bool SessionEvent::operator==(const SessionEvent &o) const
{
    if (type != o.type || timestamp != o.timestamp)
        return false;
    switch (type) {
    case Type::Received:
    case Type::Sent:
        return topic == o.topic && payload == o.payload && qos == o.qos && retain == o.retain
                && dup == o.dup && mid == o.mid && properties == o.properties;
    case Type::Log:
        return level == o.level && text == o.text;
    case Type::Connection:
        return connectionEvent == o.connectionEvent && code == o.code && text == o.text;
    }
    return false;
}

QStringList SessionEvent::connectionEventNames()
{
    return {QStringLiteral("connecting"), QStringLiteral("connected"),
            QStringLiteral("refused"), QStringLiteral("disconnected"),
            QStringLiteral("subscribed"), QStringLiteral("unsubscribed")};
}

namespace capture {

bool isExactUtf8(const QByteArray &bytes)
{
    return decodeExactUtf8(bytes, nullptr);
}

bool decodeExactUtf8(const QByteArray &bytes, QString *text)
{
    // Keep a leading BOM ([MQTT-1.5.4-3] spirit: bytes are not rewritten) and require an exact
    // round trip, so the text form can never change the payload.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError() || decoded.toUtf8() != bytes)
        return false;
    if (text)
        *text = std::move(decoded);
    return true;
}

QString formatTimestamp(qint64 msecsSinceEpoch)
{
    // Qt::UTC, not QTimeZone::utc(): only the former prints "Z" in Qt 6.4.
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)
            .toString(Qt::ISODateWithMs);
}

bool parseTimestamp(const QString &text, qint64 *msecsSinceEpoch)
{
    static const QRegularExpression form(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    if (!form.match(text).hasMatch())
        return false;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    *msecsSinceEpoch = dt.toMSecsSinceEpoch();
    return true;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Notice:
        return QStringLiteral("notice");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Err:
        return QStringLiteral("error");
    case LogLevel::Debug:
        return QStringLiteral("debug");
    }
    return QStringLiteral("info");
}

bool logLevelFromName(const QString &name, LogLevel *level)
{
    for (LogLevel l : {LogLevel::Info, LogLevel::Notice, LogLevel::Warning, LogLevel::Err,
                       LogLevel::Debug}) {
        if (logLevelName(l) == name) {
            *level = l;
            return true;
        }
    }
    return false;
}

namespace {

void putBytes(QJsonObject &o, const QString &key, const QByteArray &bytes)
{
    // A leading BOM goes to base64: Qt's JSON parser (like QString::fromUtf8) drops it.
    QString text;
    if (decodeExactUtf8(bytes, &text) && !text.startsWith(QChar(0xFEFF)))
        o.insert(key, text);
    else
        o.insert(key + QStringLiteral("_base64"), QString::fromLatin1(bytes.toBase64()));
}

} // namespace

QJsonObject propertiesToJson(const SessionProperties &p)
{
    QJsonObject o;
    if (p.payloadFormatIndicator >= 0)
        o.insert(QStringLiteral("payload-format-indicator"), p.payloadFormatIndicator);
    if (p.messageExpiryInterval >= 0)
        o.insert(QStringLiteral("message-expiry-interval"), p.messageExpiryInterval);
    if (!p.contentType.isNull())
        o.insert(QStringLiteral("content-type"), p.contentType);
    if (!p.responseTopic.isNull())
        o.insert(QStringLiteral("response-topic"), p.responseTopic);
    if (!p.correlationData.isNull())
        putBytes(o, QStringLiteral("correlation-data"), p.correlationData);
    if (p.topicAlias > 0)
        o.insert(QStringLiteral("topic-alias"), p.topicAlias);
    if (!p.subscriptionIdentifiers.isEmpty()) {
        QJsonArray ids;
        for (quint32 id : p.subscriptionIdentifiers)
            ids.append(qint64(id));
        o.insert(QStringLiteral("subscription-identifier"), ids);
    }
    if (!p.userProperties.isEmpty()) {
        QJsonArray pairs;
        for (const auto &pair : p.userProperties)
            pairs.append(QJsonArray{pair.first, pair.second});
        o.insert(QStringLiteral("user-properties"), pairs);
    }
    return o;
}

QJsonObject eventToJson(const SessionEvent &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), formatTimestamp(e.timestamp));
    switch (e.type) {
    case SessionEvent::Type::Received:
    case SessionEvent::Type::Sent:
        o.insert(QStringLiteral("type"), e.type == SessionEvent::Type::Received
                         ? QStringLiteral("received") : QStringLiteral("sent"));
        o.insert(QStringLiteral("topic"), e.topic);
        o.insert(QStringLiteral("qos"), e.qos);
        o.insert(QStringLiteral("retain"), e.retain);
        if (e.dup)
            o.insert(QStringLiteral("dup"), true);
        if (e.mid > 0)
            o.insert(QStringLiteral("mid"), e.mid);
        putBytes(o, QStringLiteral("payload"), e.payload);
        if (!e.properties.isEmpty())
            o.insert(QStringLiteral("properties"), propertiesToJson(e.properties));
        break;
    case SessionEvent::Type::Log:
        o.insert(QStringLiteral("type"), QStringLiteral("log"));
        o.insert(QStringLiteral("level"), logLevelName(e.level));
        o.insert(QStringLiteral("text"), e.text);
        break;
    case SessionEvent::Type::Connection:
        o.insert(QStringLiteral("type"), QStringLiteral("connection"));
        o.insert(QStringLiteral("event"), e.connectionEvent);
        if (e.code >= 0)
            o.insert(QStringLiteral("code"), e.code);
        if (!e.text.isEmpty())
            o.insert(QStringLiteral("text"), e.text);
        break;
    }
    return o;
}

QJsonObject headerToJson(const SessionHeader &h)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(SessionHeader::formatName));
    o.insert(QStringLiteral("version"), h.version);
    o.insert(QStringLiteral("broker"), h.broker);
    o.insert(QStringLiteral("start"), formatTimestamp(h.startTime.toMSecsSinceEpoch()));
    if (!h.clientId.isEmpty())
        o.insert(QStringLiteral("client_id"), h.clientId);
    if (!h.protocol.isEmpty())
        o.insert(QStringLiteral("protocol"), h.protocol);
    if (!h.tool.isEmpty())
        o.insert(QStringLiteral("tool"), h.tool);
    return o;
}

SessionProperties fromProperties(const Properties &p)
{
    SessionProperties s;
    if (auto v = p.payloadFormatIndicator())
        s.payloadFormatIndicator = *v;
    if (auto v = p.messageExpiryInterval())
        s.messageExpiryInterval = *v;
    if (auto v = p.contentType())
        s.contentType = v->isNull() ? QString(QLatin1String("")) : *v;
    if (auto v = p.responseTopic())
        s.responseTopic = v->isNull() ? QString(QLatin1String("")) : *v;
    if (auto v = p.correlationData())
        s.correlationData = v->isNull() ? QByteArray("") : *v;
    if (auto v = p.topicAlias())
        s.topicAlias = *v;
    s.subscriptionIdentifiers = p.subscriptionIdentifiers();
    s.userProperties = p.userProperties();
    return s;
}

Properties toPublishProperties(const SessionProperties &s)
{
    Properties p;
    if (s.payloadFormatIndicator >= 0)
        p.setPayloadFormatIndicator(quint8(s.payloadFormatIndicator));
    if (s.messageExpiryInterval >= 0)
        p.setMessageExpiryInterval(quint32(s.messageExpiryInterval));
    if (!s.contentType.isNull())
        p.setContentType(s.contentType);
    if (!s.responseTopic.isNull())
        p.setResponseTopic(s.responseTopic);
    if (!s.correlationData.isNull())
        p.setCorrelationData(s.correlationData);
    for (const auto &u : s.userProperties)
        p.addUserProperty(u.first, u.second);
    return p;
}

SessionEvent fromMessage(SessionEvent::Type type, const Message &m)
{
    // Below 2001-09-09 (1e12 ms) a "timestamp" is not wall-clock time: use now instead.
    const qint64 ts = m.timestamp() >= 1000000000000LL ? m.timestamp()
                                                       : QDateTime::currentMSecsSinceEpoch();
    SessionEvent e = SessionEvent::message(type, m.topic(), m.payload(), m.qos(), m.retain(), ts);
    e.dup = m.dup();
    e.mid = m.qos() > 0 ? m.mid() : 0;
    e.properties = fromProperties(m.properties());
    return e;
}

Message toMessage(const SessionEvent &e)
{
    Message m(e.topic, e.payload, e.qos, e.retain);
    m.setDup(e.dup);
    m.setMid(e.mid);
    m.setTimestamp(e.timestamp);
    Properties p = toPublishProperties(e.properties);
    if (e.properties.topicAlias > 0)
        p.setTopicAlias(quint16(e.properties.topicAlias));
    for (quint32 id : e.properties.subscriptionIdentifiers)
        p.addSubscriptionIdentifier(id);
    m.setProperties(p);
    return m;
}

} // namespace capture

} // namespace mqtt
