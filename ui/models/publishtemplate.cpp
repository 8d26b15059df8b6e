#include "publishtemplate.h"

#include "composertext.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <limits>

namespace {

// Integers come as JSON doubles; anything fractional or out of range is refused rather than
// rounded, so a typo does not become a different QoS or expiry.
std::optional<qint64> integerValue(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (std::floor(d) != d || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}

// One byte field written as "<key>" (text) or "<key>Base64" (anything else).
void writeBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (ComposerText::isText(bytes))
        object.insert(key, QString::fromUtf8(bytes));
    else
        object.insert(key + QLatin1String("Base64"), QString::fromLatin1(bytes.toBase64()));
}

// Reads what writeBytes() wrote. `present` tells a missing field from an empty one.
bool readBytes(const QJsonObject &object, const QString &key, const QString &path,
               QByteArray *out, bool *present, QString *error)
{
    const QString base64Key = key + QLatin1String("Base64");
    const QJsonValue text = object.value(key);
    const QJsonValue base64 = object.value(base64Key);
    *present = !text.isUndefined() || !base64.isUndefined();
    if (!text.isUndefined() && !base64.isUndefined()) {
        *error = PublishTemplate::tr("\"%1%2\" and \"%1%3\" are both set; keep one")
                     .arg(path, key, base64Key);
        return false;
    }
    if (!text.isUndefined()) {
        if (!text.isString()) {
            *error = PublishTemplate::tr("\"%1%2\" must be a string").arg(path, key);
            return false;
        }
        *out = text.toString().toUtf8();
    } else if (!base64.isUndefined()) {
        const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!base64.isString() || !decoded) {
            *error = PublishTemplate::tr("\"%1%2\" is not valid base64").arg(path, base64Key);
            return false;
        }
        *out = decoded.decoded;
    }
    return true;
}

bool readString(const QJsonObject &object, const QString &key, const QString &path,
                std::optional<QString> *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isString()) {
        *error = PublishTemplate::tr("\"%1%2\" must be a string").arg(path, key);
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

mqtt::Properties PublishTemplate::properties() const
{
    mqtt::Properties props;
    if (payloadFormatIndicator)
        props.setPayloadFormatIndicator(*payloadFormatIndicator);
    if (messageExpiryInterval)
        props.setMessageExpiryInterval(*messageExpiryInterval);
    if (contentType)
        props.setContentType(*contentType);
    if (responseTopic)
        props.setResponseTopic(*responseTopic);
    if (correlationData)
        props.setCorrelationData(*correlationData);
    for (const mqtt::UserProperty &pair : userProperties)
        props.addUserProperty(pair.first, pair.second);
    return props;
}

void PublishTemplate::setProperties(const mqtt::Properties &props)
{
    contentType = props.contentType();
    payloadFormatIndicator = props.payloadFormatIndicator();
    messageExpiryInterval = props.messageExpiryInterval();
    responseTopic = props.responseTopic();
    correlationData = props.correlationData();
    userProperties = props.userProperties();
}

PublishTemplate::EditorMode PublishTemplate::effectiveMode() const
{
    if (mode != EditorMode::Hex && !ComposerText::isText(payload))
        return EditorMode::Hex;
    return mode;
}

QString PublishTemplate::modeName(EditorMode mode)
{
    switch (mode) {
    case EditorMode::Auto:
        return QStringLiteral("auto");
    case EditorMode::Text:
        return QStringLiteral("text");
    case EditorMode::Json:
        return QStringLiteral("json");
    case EditorMode::Xml:
        return QStringLiteral("xml");
    case EditorMode::Hex:
        return QStringLiteral("hex");
    }
    return QStringLiteral("auto");
}

std::optional<PublishTemplate::EditorMode> PublishTemplate::modeFromName(const QString &name)
{
    for (const EditorMode mode : {EditorMode::Auto, EditorMode::Text, EditorMode::Json, EditorMode::Xml, EditorMode::Hex}) {
        if (modeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QJsonObject PublishTemplate::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("group"), group);
    object.insert(QStringLiteral("topic"), topic);
    writeBytes(object, QStringLiteral("payload"), payload);
    object.insert(QStringLiteral("qos"), qos);
    object.insert(QStringLiteral("retain"), retain);
    object.insert(QStringLiteral("mode"), modeName(mode));

    QJsonObject props;
    if (contentType)
        props.insert(QStringLiteral("contentType"), *contentType);
    if (payloadFormatIndicator)
        props.insert(QStringLiteral("payloadFormatIndicator"), int(*payloadFormatIndicator));
    if (messageExpiryInterval)
        props.insert(QStringLiteral("messageExpiryInterval"), qint64(*messageExpiryInterval));
    if (responseTopic)
        props.insert(QStringLiteral("responseTopic"), *responseTopic);
    if (correlationData)
        writeBytes(props, QStringLiteral("correlationData"), *correlationData);
    if (correlationHex)
        props.insert(QStringLiteral("correlationHex"), true);
    if (!userProperties.isEmpty()) {
        QJsonArray pairs;
        for (const mqtt::UserProperty &pair : userProperties)
            pairs.append(QJsonObject{{QStringLiteral("name"), pair.first}, {QStringLiteral("value"), pair.second}});
        props.insert(QStringLiteral("userProperties"), pairs);
    }
    if (!props.isEmpty())
        object.insert(QStringLiteral("properties"), props);
    return object;
}

std::optional<PublishTemplate> PublishTemplate::fromJson(const QJsonObject &object, QString *error)
{
    PublishTemplate t;
    const QJsonValue name = object.value(QLatin1String("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty()) {
        *error = tr("\"name\" is missing or empty");
        return std::nullopt;
    }
    t.name = name.toString();
    const QJsonValue group = object.value(QLatin1String("group"));
    if (!group.isUndefined() && !group.isString()) {
        *error = tr("\"group\" must be a string");
        return std::nullopt;
    }
    t.group = group.toString();
    const QJsonValue topic = object.value(QLatin1String("topic"));
    if (!topic.isString()) {
        *error = tr("\"topic\" is missing or not a string");
        return std::nullopt;
    }
    t.topic = topic.toString();
    bool present = false;
    if (!readBytes(object, QStringLiteral("payload"), QString(), &t.payload, &present, error))
        return std::nullopt;
    if (const QJsonValue qos = object.value(QLatin1String("qos")); !qos.isUndefined()) {
        const auto value = integerValue(qos, 0, 2);
        if (!value) {
            *error = tr("\"qos\" must be 0, 1 or 2");
            return std::nullopt;
        }
        t.qos = int(*value);
    }
    if (const QJsonValue retain = object.value(QLatin1String("retain")); !retain.isUndefined()) {
        if (!retain.isBool()) {
            *error = tr("\"retain\" must be true or false");
            return std::nullopt;
        }
        t.retain = retain.toBool();
    }
    if (const QJsonValue mode = object.value(QLatin1String("mode")); !mode.isUndefined()) {
        const auto value = modeFromName(mode.toString());
        if (!mode.isString() || !value) {
            *error = tr("\"mode\" must be one of auto, text, json, xml, hex");
            return std::nullopt;
        }
        t.mode = *value;
    }

    const QJsonValue propsValue = object.value(QLatin1String("properties"));
    if (propsValue.isUndefined())
        return t;
    if (!propsValue.isObject()) {
        *error = tr("\"properties\" must be an object");
        return std::nullopt;
    }
    const QJsonObject props = propsValue.toObject();
    const QString path = QStringLiteral("properties.");
    if (!readString(props, QStringLiteral("contentType"), path, &t.contentType, error)
        || !readString(props, QStringLiteral("responseTopic"), path, &t.responseTopic, error))
        return std::nullopt;
    if (const QJsonValue v = props.value(QLatin1String("payloadFormatIndicator")); !v.isUndefined()) {
        const auto value = integerValue(v, 0, 1);
        if (!value) {
            *error = tr("\"properties.payloadFormatIndicator\" must be 0 or 1");
            return std::nullopt;
        }
        t.payloadFormatIndicator = quint8(*value);
    }
    if (const QJsonValue v = props.value(QLatin1String("messageExpiryInterval")); !v.isUndefined()) {
        const auto value = integerValue(v, 0, std::numeric_limits<quint32>::max());
        if (!value) {
            *error = tr("\"properties.messageExpiryInterval\" must be a whole number of seconds "
                        "from 0 to 4294967295");
            return std::nullopt;
        }
        t.messageExpiryInterval = quint32(*value);
    }
    QByteArray correlation;
    if (!readBytes(props, QStringLiteral("correlationData"), path, &correlation, &present, error))
        return std::nullopt;
    if (present)
        t.correlationData = correlation;
    if (const QJsonValue v = props.value(QLatin1String("correlationHex")); !v.isUndefined()) {
        if (!v.isBool()) {
            *error = tr("\"properties.correlationHex\" must be true or false");
            return std::nullopt;
        }
        t.correlationHex = v.toBool();
    }
    if (const QJsonValue v = props.value(QLatin1String("userProperties")); !v.isUndefined()) {
        if (!v.isArray()) {
            *error = tr("\"properties.userProperties\" must be an array");
            return std::nullopt;
        }
        const QJsonArray pairs = v.toArray();
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const QJsonObject pair = pairs.at(i).toObject();
            const QJsonValue n = pair.value(QLatin1String("name"));
            const QJsonValue value = pair.value(QLatin1String("value"));
            if (!pairs.at(i).isObject() || !n.isString() || !value.isString()) {
                *error = tr("\"properties.userProperties[%1]\" must be an object with a string "
                            "\"name\" and \"value\"").arg(i);
                return std::nullopt;
            }
            t.userProperties.append({n.toString(), value.toString()});
        }
    }
    return t;
}

bool PublishTemplate::operator==(const PublishTemplate &other) const
{
    return name == other.name && group == other.group && topic == other.topic
           && payload == other.payload && qos == other.qos && retain == other.retain
           && mode == other.mode && contentType == other.contentType
           && payloadFormatIndicator == other.payloadFormatIndicator
           && messageExpiryInterval == other.messageExpiryInterval
           && responseTopic == other.responseTopic && correlationData == other.correlationData
           && correlationHex == other.correlationHex && userProperties == other.userProperties;
}
