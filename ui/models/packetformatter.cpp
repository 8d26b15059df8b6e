#include "packetformatter.h"

#include "codec/reasoncode.h"
#include "mqttstrings.h"
#include "previewtext.h"

#include <QStringList>

#include <type_traits>

using namespace mqtt;

namespace {

using Field = PacketFormatter::Field;

QString yesNo(bool value)
{
    return value ? PacketFormatter::tr("yes") : PacketFormatter::tr("no");
}

QString byteCount(qsizetype n)
{
    return PacketFormatter::tr("%1 bytes").arg(n);
}

QString versionText(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V31: return QStringLiteral("MQTT 3.1 (3)");
    case ProtocolVersion::V311: return QStringLiteral("MQTT 3.1.1 (4)");
    case ProtocolVersion::V5: return QStringLiteral("MQTT 5.0 (5)");
    }
    return QString::number(int(version));
}

// Binary shown as hex, elided after 64 bytes with the full size.
QString binaryText(const QByteArray &data)
{
    const QString hex = QString::fromLatin1(data.left(64).toHex(' '));
    if (data.size() <= 64)
        return QStringLiteral("%1 (%2)").arg(hex, byteCount(data.size()));
    return QStringLiteral("%1 … (%2)").arg(hex, byteCount(data.size()));
}

QString retainHandlingText(quint8 value)
{
    switch (value) {
    case 0: return PacketFormatter::tr("0: send retained at subscribe");
    case 1: return PacketFormatter::tr("1: send retained only for a new subscription");
    case 2: return PacketFormatter::tr("2: do not send retained");
    default: return QString::number(value);
    }
}

void addReasonCodes(QList<Field> &out, const QList<ReasonCode> &codes, PacketType type,
                    ProtocolVersion version, const QStringList &labels = QStringList())
{
    Field list{PacketFormatter::tr("Reason codes"), QString::number(codes.size()), {}};
    for (int i = 0; i < codes.size(); ++i) {
        const QString name = i < labels.size() ? labels.at(i) : PacketFormatter::tr("#%1").arg(i + 1);
        list.children.append({name, PacketFormatter::reasonText(codes.at(i), type, version), {}});
    }
    out.append(list);
}

void addProperties(QList<Field> &out, const Properties &properties, ProtocolVersion version,
                   const QString &name = PacketFormatter::tr("Properties"))
{
    if (version != ProtocolVersion::V5)
        return;
    out.append({name, properties.isEmpty() ? PacketFormatter::tr("none")
                                           : QString::number(properties.size()),
                PacketFormatter::propertyFields(properties)});
}

void addPacketId(QList<Field> &out, quint16 id)
{
    out.append({PacketFormatter::tr("Packet identifier"), QString::number(id), {}});
}

QList<Field> bodyFields(const Packet &packet, ProtocolVersion version)
{
    QList<Field> out;
    std::visit([&](const auto &p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, ConnectPacket>) {
            out.append({PacketFormatter::tr("Protocol"), versionText(version), {}});
            out.append({PacketFormatter::tr("Clean start"), yesNo(p.cleanStart), {}});
            out.append({PacketFormatter::tr("Keep alive"), PacketFormatter::tr("%1 s").arg(p.keepAlive), {}});
            out.append({PacketFormatter::tr("Client identifier"), p.clientId, {}});
            if (p.bridge)
                out.append({PacketFormatter::tr("Bridge"), yesNo(true), {}});
            out.append({PacketFormatter::tr("User name"), p.username ? *p.username : PacketFormatter::tr("(none)"), {}});
            // Never the password itself: a screenshot of the inspector must not leak it.
            out.append({PacketFormatter::tr("Password"),
                        p.password ? PacketFormatter::tr("•••••• (%1)").arg(byteCount(p.password->size()))
                                   : PacketFormatter::tr("(none)"),
                        {}});
            if (p.will) {
                Field will{PacketFormatter::tr("Will"), p.will->topic, {}};
                will.children.append({PacketFormatter::tr("Topic"), p.will->topic, {}});
                will.children.append({PacketFormatter::tr("QoS"), QString::number(p.will->qos), {}});
                will.children.append({PacketFormatter::tr("Retain"), yesNo(p.will->retain), {}});
                will.children.append({PacketFormatter::tr("Payload size"), byteCount(p.will->payload.size()), {}});
                addProperties(will.children, p.will->properties, version, PacketFormatter::tr("Will properties"));
                out.append(will);
            } else {
                out.append({PacketFormatter::tr("Will"), PacketFormatter::tr("(none)"), {}});
            }
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, ConnackPacket>) {
            out.append({PacketFormatter::tr("Session present"), yesNo(p.sessionPresent), {}});
            out.append({version == ProtocolVersion::V5 ? PacketFormatter::tr("Reason code")
                                                       : PacketFormatter::tr("Return code"),
                        PacketFormatter::reasonText(p.reasonCode, PacketType::Connack, version), {}});
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, PublishPacket>) {
            out.append({PacketFormatter::tr("Topic"), p.topic.isEmpty() ? PacketFormatter::tr("(empty: Topic Alias)") : p.topic, {}});
            if (p.qos > 0)
                addPacketId(out, p.packetId);
            out.append({PacketFormatter::tr("Payload size"), byteCount(p.payload.size()), {}});
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, PubackPacket> || std::is_same_v<T, PubrecPacket>
                             || std::is_same_v<T, PubrelPacket> || std::is_same_v<T, PubcompPacket>) {
            addPacketId(out, p.packetId);
            if (version == ProtocolVersion::V5) {
                out.append({PacketFormatter::tr("Reason code"),
                            PacketFormatter::reasonText(p.reasonCode, packetType(packet), version), {}});
                addProperties(out, p.properties, version);
            }
        } else if constexpr (std::is_same_v<T, SubscribePacket>) {
            addPacketId(out, p.packetId);
            Field subs{PacketFormatter::tr("Subscriptions"), QString::number(p.subscriptions.size()), {}};
            for (const Subscription &s : p.subscriptions) {
                Field sub{PacketFormatter::tr("Topic filter"), s.filter, {}};
                sub.children.append({PacketFormatter::tr("Maximum QoS"), QString::number(s.qos), {}});
                if (version == ProtocolVersion::V5) {
                    sub.children.append({PacketFormatter::tr("No Local"), yesNo(s.noLocal), {}});
                    sub.children.append({PacketFormatter::tr("Retain As Published"), yesNo(s.retainAsPublished), {}});
                    sub.children.append({PacketFormatter::tr("Retain Handling"), retainHandlingText(s.retainHandling), {}});
                }
                subs.children.append(sub);
            }
            out.append(subs);
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, SubackPacket>) {
            addPacketId(out, p.packetId);
            addReasonCodes(out, p.reasonCodes, PacketType::Suback, version);
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, UnsubscribePacket>) {
            addPacketId(out, p.packetId);
            Field filters{PacketFormatter::tr("Topic filters"), QString::number(p.filters.size()), {}};
            for (int i = 0; i < p.filters.size(); ++i)
                filters.children.append({PacketFormatter::tr("#%1").arg(i + 1), p.filters.at(i), {}});
            out.append(filters);
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, UnsubackPacket>) {
            addPacketId(out, p.packetId);
            if (version == ProtocolVersion::V5)
                addReasonCodes(out, p.reasonCodes, PacketType::Unsuback, version);
            addProperties(out, p.properties, version);
        } else if constexpr (std::is_same_v<T, DisconnectPacket> || std::is_same_v<T, AuthPacket>) {
            if (version == ProtocolVersion::V5) {
                out.append({PacketFormatter::tr("Reason code"),
                            PacketFormatter::reasonText(p.reasonCode, packetType(packet), version), {}});
                addProperties(out, p.properties, version);
            }
        }
    }, packet);
    return out;
}

// Remaining length as the fixed header encodes it.
quint32 remainingLength(const QByteArray &bytes)
{
    quint32 value = 0;
    int n = 0;
    while (n < 4 && 1 + n < bytes.size()) {
        const quint8 b = quint8(bytes.at(1 + n));
        value |= quint32(b & 0x7F) << (7 * n);
        ++n;
        if (!(b & 0x80))
            break;
    }
    return value;
}

} // namespace

QString PacketFormatter::typeName(PacketType type)
{
    return QString::fromLatin1(packetTypeName(type));
}

QString PacketFormatter::reasonText(ReasonCode code, PacketType type, ProtocolVersion version)
{
    const QString hex = QStringLiteral("0x%1").arg(code.value, 2, 16, QLatin1Char('0'));
    QString name;
    if (type == PacketType::Connack && version != ProtocolVersion::V5)
        name = connackString(code.value);
    else if (type == PacketType::Suback && version != ProtocolVersion::V5 && code.value == 0x80)
        name = tr("Failure");
    else
        name = reasonCodeName(code, type);
    if (name.isEmpty())
        name = tr("(undefined for %1)").arg(typeName(type));
    return QStringLiteral("%1 %2").arg(hex, name);
}

QList<Field> PacketFormatter::propertyFields(const Properties &properties)
{
    QList<Field> out;
    for (int i = 0; i < properties.size(); ++i) {
        const Property &p = properties.at(i);
        const QString name = QString::fromLatin1(propertyName(p.id));
        QString value;
        if (!isKnownProperty(quint8(p.id))) {
            value = QString::number(p.number);
        } else {
            switch (propertyType(p.id)) {
            case PropertyType::Byte:
            case PropertyType::TwoByteInteger:
            case PropertyType::FourByteInteger:
            case PropertyType::VariableByteInteger:
                value = QString::number(p.number);
                break;
            case PropertyType::Utf8String:
                value = p.text;
                break;
            case PropertyType::BinaryData:
                value = binaryText(p.binary);
                break;
            case PropertyType::Utf8StringPair:
                value = QStringLiteral("%1 = %2").arg(p.text, p.text2);
                break;
            }
        }
        out.append({name, value, {}});
    }
    return out;
}

std::pair<qsizetype, qsizetype> PacketFormatter::passwordRange(const CapturedPacket &packet)
{
    const QByteArray &b = packet.bytes;
    if (packet.type() != PacketType::Connect || b.size() < 2)
        return {0, 0};
    const auto u8 = [&](qsizetype at) { return at < b.size() ? quint8(b.at(at)) : quint8(0); };
    const auto u16 = [&](qsizetype at) { return qsizetype(u8(at)) << 8 | u8(at + 1); };
    // A Variable Byte Integer at `at`: its value, and `at` moved past it.
    const auto vbi = [&](qsizetype &at) {
        qsizetype value = 0;
        for (int n = 0; n < 4 && at < b.size(); ++n) {
            const quint8 byte = u8(at++);
            value |= qsizetype(byte & 0x7F) << (7 * n);
            if (!(byte & 0x80))
                break;
        }
        return value;
    };
    qsizetype at = 1;
    vbi(at);                       // remaining length
    at += 2 + u16(at);             // protocol name
    const quint8 level = u8(at++); // protocol level (the low bits; bit 7 is bridge mode)
    const quint8 flags = u8(at++);
    at += 2;                       // keep alive
    const bool v5 = (level & 0x7F) == 5;
    if (v5) {
        const qsizetype length = vbi(at);
        at += length;
    }
    at += 2 + u16(at); // client id
    if (flags & 0x04) { // will
        if (v5) {
            const qsizetype length = vbi(at);
            at += length;
        }
        at += 2 + u16(at); // will topic
        at += 2 + u16(at); // will payload
    }
    if (flags & 0x80)
        at += 2 + u16(at); // user name
    if (!(flags & 0x40) || at + 2 > b.size())
        return {0, 0};
    const qsizetype length = u16(at);
    return {at + 2, qMin(length, b.size() - at - 2)};
}

QList<Field> PacketFormatter::fields(const CapturedPacket &packet)
{
    QList<Field> out;
    const PacketType type = packet.type();
    const quint8 flags = packet.flags();
    Field header{tr("Fixed header"), QStringLiteral("0x%1").arg(packet.bytes.isEmpty() ? 0 : quint8(packet.bytes.at(0)), 2, 16, QLatin1Char('0')), {}};
    header.children.append({tr("Packet type"), QStringLiteral("%1 (%2)").arg(typeName(type)).arg(int(type)), {}});
    if (type == PacketType::Publish) {
        header.children.append({tr("DUP"), yesNo(flags & 0x08), {}});
        header.children.append({tr("QoS"), QString::number((flags >> 1) & 0x03), {}});
        header.children.append({tr("RETAIN"), yesNo(flags & 0x01), {}});
    } else {
        header.children.append({tr("Flags"), QStringLiteral("0x%1").arg(flags, 1, 16), {}});
    }
    header.children.append({tr("Remaining length"), QString::number(remainingLength(packet.bytes)), {}});
    out.append(header);

    DecodeError error;
    const std::optional<Packet> decoded = packet.decode(&error);
    if (!decoded) {
        out.append({tr("Decode error"), error.toString(), {}});
        return out;
    }
    out.append(bodyFields(*decoded, packet.version));
    return out;
}

int PacketFormatter::packetId(const Packet &packet)
{
    return std::visit([](const auto &p) -> int {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, PublishPacket>)
            return p.qos > 0 ? p.packetId : -1;
        else if constexpr (std::is_same_v<T, PubackPacket> || std::is_same_v<T, PubrecPacket>
                           || std::is_same_v<T, PubrelPacket> || std::is_same_v<T, PubcompPacket>
                           || std::is_same_v<T, SubscribePacket> || std::is_same_v<T, SubackPacket>
                           || std::is_same_v<T, UnsubscribePacket> || std::is_same_v<T, UnsubackPacket>)
            return p.packetId;
        else
            return -1;
    }, packet);
}

QString PacketFormatter::summary(const CapturedPacket &packet)
{
    DecodeError error;
    const std::optional<Packet> decoded = packet.decode(&error);
    if (!decoded)
        return tr("Decode error: %1").arg(error.toString());
    return summary(*decoded, packet.version);
}

QString PacketFormatter::summary(const Packet &packet, ProtocolVersion version)
{
    return std::visit([&](const auto &p) -> QString {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, ConnectPacket>) {
            QString s = tr("client id '%1', keep alive %2 s").arg(p.clientId).arg(p.keepAlive);
            if (p.cleanStart)
                s += tr(", clean start");
            if (p.username)
                s += tr(", user '%1'").arg(*p.username);
            if (p.will)
                s += tr(", will '%1'").arg(p.will->topic);
            return s;
        } else if constexpr (std::is_same_v<T, ConnackPacket>) {
            QString s = reasonText(p.reasonCode, PacketType::Connack, version);
            if (p.sessionPresent)
                s += tr(", session present");
            return s;
        } else if constexpr (std::is_same_v<T, PublishPacket>) {
            return tr("q%1%2 %3 (%4)")
                .arg(p.qos)
                .arg(p.retain ? tr(" retained") : QString())
                .arg(p.topic.isEmpty() ? tr("(alias %1)").arg(p.properties.topicAlias().value_or(0)) : p.topic)
                .arg(PreviewText::bytes(p.payload.size()));
        } else if constexpr (std::is_same_v<T, SubscribePacket>) {
            QStringList parts;
            for (const Subscription &s : p.subscriptions)
                parts << tr("%1 (QoS %2)").arg(s.filter).arg(s.qos);
            return parts.join(QStringLiteral(", "));
        } else if constexpr (std::is_same_v<T, SubackPacket> || std::is_same_v<T, UnsubackPacket>) {
            QStringList parts;
            for (ReasonCode c : p.reasonCodes)
                parts << reasonText(c, packetType(packet), version);
            return parts.join(QStringLiteral(", "));
        } else if constexpr (std::is_same_v<T, UnsubscribePacket>) {
            return p.filters.join(QStringLiteral(", "));
        } else if constexpr (std::is_same_v<T, PubackPacket> || std::is_same_v<T, PubrecPacket>
                             || std::is_same_v<T, PubrelPacket> || std::is_same_v<T, PubcompPacket>) {
            if (version != ProtocolVersion::V5)
                return QString();
            return reasonText(p.reasonCode, packetType(packet), version);
        } else if constexpr (std::is_same_v<T, DisconnectPacket> || std::is_same_v<T, AuthPacket>) {
            if (version != ProtocolVersion::V5)
                return QString();
            return reasonText(p.reasonCode, packetType(packet), version);
        } else {
            return QString();
        }
    }, packet);
}

QString PacketFormatter::hexDump(const QByteArray &bytes, qsizetype maxBytes,
                                 qsizetype maskFrom, qsizetype maskLength)
{
    const qsizetype maskEnd = maskFrom + qMax<qsizetype>(0, maskLength);
    const qsizetype shown = qMin(bytes.size(), qMax<qsizetype>(0, maxBytes));
    QString out;
    out.reserve((shown / 16 + 2) * 79);
    static const char digits[] = "0123456789abcdef";
    for (qsizetype offset = 0; offset < shown; offset += 16) {
        out += QStringLiteral("%1 ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (i == 8)
                out += QLatin1Char(' ');
            if (offset + i >= maskFrom && offset + i < maskEnd && offset + i < shown) {
                out += QStringLiteral(" ••");
                ascii += QStringLiteral("•");
            } else if (offset + i < shown) {
                const uchar b = uchar(bytes.at(offset + i));
                out += QLatin1Char(' ');
                out += QLatin1Char(digits[b >> 4]);
                out += QLatin1Char(digits[b & 0x0F]);
                ascii += (b >= 0x20 && b < 0x7F) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QStringLiteral("  |%1|\n").arg(ascii);
    }
    if (shown < bytes.size())
        out += tr("… %1 more bytes not shown\n").arg(bytes.size() - shown);
    return out;
}
