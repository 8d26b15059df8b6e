#include "codec/encoder.h"

#include <type_traits>

namespace mqtt {

namespace {

constexpr qsizetype kMaxString = 65535;

bool setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

inline void putByte(QByteArray &out, quint8 value)
{
    out.append(char(value));
}

inline void putU16(QByteArray &out, quint16 value)
{
    const char bytes[2] = {char(value >> 8), char(value & 0xFF)};
    out.append(bytes, 2);
}

inline void putU32(QByteArray &out, quint32 value)
{
    const char bytes[4] = {char(value >> 24), char((value >> 16) & 0xFF),
                           char((value >> 8) & 0xFF), char(value & 0xFF)};
    out.append(bytes, 4);
}

inline void putVbi(QByteArray &out, quint32 value)
{
    char bytes[4];
    int n = 0;
    do {
        quint8 digit = value & 0x7F;
        value >>= 7;
        if (value)
            digit |= 0x80;
        bytes[n++] = char(digit);
    } while (value && n < 4);
    out.append(bytes, n);
}

bool putBinary(QByteArray &out, const QByteArray &bytes, const char *what, QString *error)
{
    if (bytes.size() > kMaxString)
        return setError(error, QStringLiteral("%1 is longer than 65535 bytes").arg(QLatin1String(what)));
    putU16(out, quint16(bytes.size()));
    out.append(bytes);
    return true;
}

bool putString(QByteArray &out, const QString &text, const char *what, QString *error)
{
    return putBinary(out, text.toUtf8(), what, error);
}

// The properties block: Variable Byte Integer length, then id/value pairs in list order.
bool putProperties(QByteArray &out, const Properties &properties, QString *error)
{
    if (properties.isEmpty()) {
        putByte(out, 0);
        return true;
    }
    QByteArray block;
    for (int i = 0; i < properties.size(); ++i) {
        const Property &p = properties.at(i);
        const auto id = static_cast<quint8>(p.id);
        if (!isKnownProperty(id))
            return setError(error, QStringLiteral("unknown property id 0x%1").arg(id, 2, 16, QLatin1Char('0')));
        putByte(block, id);
        switch (propertyType(p.id)) {
        case PropertyType::Byte:
            putByte(block, quint8(p.number));
            break;
        case PropertyType::TwoByteInteger:
            putU16(block, quint16(p.number));
            break;
        case PropertyType::FourByteInteger:
            putU32(block, p.number);
            break;
        case PropertyType::VariableByteInteger:
            if (p.number > kMaxRemainingLength)
                return setError(error, QStringLiteral("%1 is over 268435455").arg(QLatin1String(propertyName(p.id))));
            putVbi(block, p.number);
            break;
        case PropertyType::Utf8String:
            if (!putString(block, p.text, propertyName(p.id), error))
                return false;
            break;
        case PropertyType::BinaryData:
            if (!putBinary(block, p.binary, propertyName(p.id), error))
                return false;
            break;
        case PropertyType::Utf8StringPair:
            if (!putString(block, p.text, "User Property name", error)
                || !putString(block, p.text2, "User Property value", error))
                return false;
            break;
        }
    }
    if (quint32(block.size()) > kMaxRemainingLength)
        return setError(error, QStringLiteral("properties are too long"));
    putVbi(out, quint32(block.size()));
    out.append(block);
    return true;
}

// Fixed header + body; the body is built first because its length goes in front.
QByteArray finish(quint8 firstByte, const QByteArray &body, QString *error)
{
    if (quint64(body.size()) > kMaxRemainingLength) {
        setError(error, QStringLiteral("packet is larger than the 268435455-byte maximum remaining length"));
        return QByteArray();
    }
    QByteArray out;
    out.reserve(body.size() + 5);
    putByte(out, firstByte);
    putVbi(out, quint32(body.size()));
    out.append(body);
    return out;
}

constexpr quint8 header(PacketType type, quint8 flags = 0)
{
    return quint8(static_cast<quint8>(type) << 4) | flags;
}

bool isV5(ProtocolVersion version)
{
    return version == ProtocolVersion::V5;
}

template<typename Ack>
QByteArray encodeAck(PacketType type, quint8 flags, const Ack &packet, ProtocolVersion version,
                     QString *error)
{
    if (packet.packetId == 0) {
        setError(error, QStringLiteral("%1 needs a non-zero packet identifier").arg(QLatin1String(packetTypeName(type))));
        return QByteArray();
    }
    QByteArray body;
    putU16(body, packet.packetId);
    if (isV5(version)) {
        // Short forms ([S5] §3.4.2.1): omit what is default.
        if (packet.reasonCode.value != 0 || !packet.properties.isEmpty())
            putByte(body, packet.reasonCode.value);
        if (!packet.properties.isEmpty() && !putProperties(body, packet.properties, error))
            return QByteArray();
    }
    return finish(header(type, flags), body, error);
}

QByteArray encodeReasonOnly(PacketType type, ReasonCode reasonCode, const Properties &properties,
                            QString *error)
{
    QByteArray body;
    if (reasonCode.value != 0 || !properties.isEmpty())
        putByte(body, reasonCode.value);
    if (!properties.isEmpty() && !putProperties(body, properties, error))
        return QByteArray();
    return finish(header(type), body, error);
}

} // namespace

int variableByteIntegerSize(quint32 value)
{
    if (value < 128)
        return 1;
    if (value < 16384)
        return 2;
    if (value < 2097152)
        return 3;
    if (value <= kMaxRemainingLength)
        return 4;
    return 0;
}

quint32 encodedPropertiesSize(const Properties &properties)
{
    QByteArray block;
    if (!putProperties(block, properties, nullptr))
        return 0;
    return quint32(block.size());
}

QByteArray encode(const ConnectPacket &packet, ProtocolVersion version, QString *error)
{
    QByteArray body;
    const bool v31 = version == ProtocolVersion::V31;
    putString(body, v31 ? QStringLiteral("MQIsdp") : QStringLiteral("MQTT"), "", nullptr);
    putByte(body, quint8(static_cast<quint8>(version) | (packet.bridge ? 0x80 : 0)));

    quint8 flags = 0;
    if (packet.cleanStart)
        flags |= 0x02;
    if (packet.will) {
        if (packet.will->qos > 2) {
            setError(error, QStringLiteral("Will QoS must be 0, 1 or 2 [MQTT-3.1.2-14]"));
            return QByteArray();
        }
        flags |= 0x04 | quint8(packet.will->qos << 3) | (packet.will->retain ? 0x20 : 0);
    }
    if (packet.password) {
        if (!packet.username && !isV5(version)) {
            setError(error, QStringLiteral("a password needs a user name in MQTT 3.1.1 [MQTT-3.1.2-22]"));
            return QByteArray();
        }
        flags |= 0x40;
    }
    if (packet.username)
        flags |= 0x80;
    putByte(body, flags);
    putU16(body, packet.keepAlive);
    if (isV5(version) && !putProperties(body, packet.properties, error))
        return QByteArray();

    if (!putString(body, packet.clientId, "client id", error))
        return QByteArray();
    if (packet.will) {
        if (isV5(version) && !putProperties(body, packet.will->properties, error))
            return QByteArray();
        if (!putString(body, packet.will->topic, "Will topic", error)
            || !putBinary(body, packet.will->payload, "Will payload", error))
            return QByteArray();
    }
    if (packet.username && !putString(body, *packet.username, "user name", error))
        return QByteArray();
    if (packet.password && !putBinary(body, *packet.password, "password", error))
        return QByteArray();
    return finish(header(PacketType::Connect), body, error);
}

QByteArray encode(const ConnackPacket &packet, ProtocolVersion version, QString *error)
{
    QByteArray body;
    putByte(body, packet.sessionPresent ? 1 : 0);
    putByte(body, packet.reasonCode.value);
    if (isV5(version) && !putProperties(body, packet.properties, error))
        return QByteArray();
    return finish(header(PacketType::Connack), body, error);
}

bool encodeInto(QByteArray &out, const PublishPacket &packet, ProtocolVersion version,
                QString *error)
{
    if (packet.qos > 2)
        return setError(error, QStringLiteral("PUBLISH QoS must be 0, 1 or 2 [MQTT-3.3.1-4]"));
    if (packet.qos > 0 && packet.packetId == 0)
        return setError(error, QStringLiteral("a QoS %1 PUBLISH needs a non-zero packet identifier").arg(packet.qos));
    if (packet.topic.isEmpty()
        && !(isV5(version) && packet.properties.contains(PropertyId::TopicAlias)))
        return setError(error, QStringLiteral("PUBLISH needs a topic (or, in 5.0, a Topic Alias)"));
    const QByteArray topic = packet.topic.toUtf8();
    if (topic.size() > kMaxString)
        return setError(error, QStringLiteral("topic is longer than 65535 bytes"));

    // Properties are rare on the hot path; an empty block is one zero byte, no allocation.
    QByteArray props;
    if (isV5(version) && !packet.properties.isEmpty() && !putProperties(props, packet.properties, error))
        return false;
    const quint64 remaining = 2 + quint64(topic.size()) + (packet.qos ? 2 : 0)
        + (isV5(version) ? (props.isEmpty() ? 1 : quint64(props.size())) : 0)
        + quint64(packet.payload.size());
    if (remaining > kMaxRemainingLength)
        return setError(error, QStringLiteral("PUBLISH is larger than the 268435455-byte maximum remaining length"));

    out.reserve(out.size() + 1 + variableByteIntegerSize(quint32(remaining)) + qsizetype(remaining));
    putByte(out, header(PacketType::Publish,
                        quint8((packet.dup ? 0x08 : 0) | (packet.qos << 1) | (packet.retain ? 1 : 0))));
    putVbi(out, quint32(remaining));
    putU16(out, quint16(topic.size()));
    out.append(topic);
    if (packet.qos)
        putU16(out, packet.packetId);
    if (isV5(version)) {
        if (props.isEmpty())
            putByte(out, 0);
        else
            out.append(props);
    }
    out.append(packet.payload);
    return true;
}

QByteArray encode(const PublishPacket &packet, ProtocolVersion version, QString *error)
{
    QByteArray out;
    if (!encodeInto(out, packet, version, error))
        return QByteArray();
    return out;
}

QByteArray encode(const PubackPacket &packet, ProtocolVersion version, QString *error)
{
    return encodeAck(PacketType::Puback, 0, packet, version, error);
}

QByteArray encode(const PubrecPacket &packet, ProtocolVersion version, QString *error)
{
    return encodeAck(PacketType::Pubrec, 0, packet, version, error);
}

QByteArray encode(const PubrelPacket &packet, ProtocolVersion version, QString *error)
{
    return encodeAck(PacketType::Pubrel, 0x02, packet, version, error);
}

QByteArray encode(const PubcompPacket &packet, ProtocolVersion version, QString *error)
{
    return encodeAck(PacketType::Pubcomp, 0, packet, version, error);
}

QByteArray encode(const SubscribePacket &packet, ProtocolVersion version, QString *error)
{
    if (packet.packetId == 0) {
        setError(error, QStringLiteral("SUBSCRIBE needs a non-zero packet identifier"));
        return QByteArray();
    }
    if (packet.subscriptions.isEmpty()) {
        setError(error, QStringLiteral("SUBSCRIBE needs at least one topic filter [MQTT-3.8.3-3]"));
        return QByteArray();
    }
    QByteArray body;
    putU16(body, packet.packetId);
    if (isV5(version) && !putProperties(body, packet.properties, error))
        return QByteArray();
    for (const Subscription &sub : packet.subscriptions) {
        if (sub.qos > 2 || sub.retainHandling > 2) {
            setError(error, QStringLiteral("subscription QoS and Retain Handling must be 0, 1 or 2"));
            return QByteArray();
        }
        if (!putString(body, sub.filter, "topic filter", error))
            return QByteArray();
        quint8 options = sub.qos;
        if (isV5(version)) {
            options |= (sub.noLocal ? 0x04 : 0) | (sub.retainAsPublished ? 0x08 : 0)
                | quint8(sub.retainHandling << 4);
        }
        putByte(body, options);
    }
    return finish(header(PacketType::Subscribe, 0x02), body, error);
}

QByteArray encode(const SubackPacket &packet, ProtocolVersion version, QString *error)
{
    QByteArray body;
    putU16(body, packet.packetId);
    if (isV5(version) && !putProperties(body, packet.properties, error))
        return QByteArray();
    for (ReasonCode code : packet.reasonCodes)
        putByte(body, code.value);
    return finish(header(PacketType::Suback), body, error);
}

QByteArray encode(const UnsubscribePacket &packet, ProtocolVersion version, QString *error)
{
    if (packet.packetId == 0) {
        setError(error, QStringLiteral("UNSUBSCRIBE needs a non-zero packet identifier"));
        return QByteArray();
    }
    if (packet.filters.isEmpty()) {
        setError(error, QStringLiteral("UNSUBSCRIBE needs at least one topic filter [MQTT-3.10.3-2]"));
        return QByteArray();
    }
    QByteArray body;
    putU16(body, packet.packetId);
    if (isV5(version) && !putProperties(body, packet.properties, error))
        return QByteArray();
    for (const QString &filter : packet.filters) {
        if (!putString(body, filter, "topic filter", error))
            return QByteArray();
    }
    return finish(header(PacketType::Unsubscribe, 0x02), body, error);
}

QByteArray encode(const UnsubackPacket &packet, ProtocolVersion version, QString *error)
{
    QByteArray body;
    putU16(body, packet.packetId);
    if (isV5(version)) {
        if (!putProperties(body, packet.properties, error))
            return QByteArray();
        for (ReasonCode code : packet.reasonCodes)
            putByte(body, code.value);
    }
    return finish(header(PacketType::Unsuback), body, error);
}

QByteArray encode(const PingreqPacket &, ProtocolVersion, QString *)
{
    return QByteArray("\xC0\x00", 2);
}

QByteArray encode(const PingrespPacket &, ProtocolVersion, QString *)
{
    return QByteArray("\xD0\x00", 2);
}

QByteArray encode(const DisconnectPacket &packet, ProtocolVersion version, QString *error)
{
    if (!isV5(version))
        return QByteArray("\xE0\x00", 2);
    return encodeReasonOnly(PacketType::Disconnect, packet.reasonCode, packet.properties, error);
}

QByteArray encode(const AuthPacket &packet, ProtocolVersion version, QString *error)
{
    if (!isV5(version)) {
        setError(error, QStringLiteral("AUTH exists only in MQTT 5.0"));
        return QByteArray();
    }
    return encodeReasonOnly(PacketType::Auth, packet.reasonCode, packet.properties, error);
}

QByteArray encode(const Packet &packet, ProtocolVersion version, QString *error)
{
    return std::visit([&](const auto &p) { return encode(p, version, error); }, packet);
}

} // namespace mqtt
