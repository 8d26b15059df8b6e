#include "codec/streamdecoder.h"

#include "logging.h"

#include <cstring>

namespace mqtt {

namespace {

using Role = StreamDecoder::Role;

// Outcome of scanning UTF-8 text ([MQTT-1.5.3-1/2] in 3.1.1, [MQTT-1.5.4-1/2] in 5.0).
// `Wildcard` only when scanning a topic name.
enum class Utf8 { Ascii, Valid, Invalid, ContainsNul, Wildcard };

inline quint64 hasByte(quint64 chunk, quint8 byte)
{
    const quint64 x = chunk ^ (0x0101010101010101ULL * byte);
    return (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
}

// Well-formed UTF-8 per RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
Utf8 checkUtf8(const uchar *s, qsizetype n, bool topic = false)
{
    qsizetype i = 0;
    // ASCII fast path, 8 bytes at a time; topics are nearly always ASCII. Anything special in
    // a chunk (non-ASCII, NUL, a wildcard) is left to the exact loop below.
    while (i + 8 <= n) {
        quint64 chunk;
        std::memcpy(&chunk, s + i, 8);
        if ((chunk & 0x8080808080808080ULL) || hasByte(chunk, 0)
            || (topic && (hasByte(chunk, '+') || hasByte(chunk, '#'))))
            break;
        i += 8;
    }
    bool ascii = true;
    while (i < n) {
        const uchar c = s[i];
        if (c < 0x80) {
            if (c == 0)
                return Utf8::ContainsNul;
            if (topic && (c == '+' || c == '#'))
                return Utf8::Wildcard;
            ++i;
            continue;
        }
        ascii = false;
        int extra;
        quint32 cp;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return Utf8::Invalid;
        }
        if (n - i <= extra)
            return Utf8::Invalid;
        for (int k = 1; k <= extra; ++k) {
            const uchar cc = s[i + k];
            if ((cc & 0xC0) != 0x80)
                return Utf8::Invalid;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return Utf8::Invalid;
        i += extra + 1;
    }
    return ascii ? Utf8::Ascii : Utf8::Valid;
}

// Parses one packet body. Every read is bounds-checked against `m_end`; offsets in errors
// are stream offsets.
class PacketParser
{
public:
    PacketParser(const uchar *body, qsizetype size, qint64 bodyOffset, ProtocolVersion version,
                 Role role, StreamDecoder::TopicCache *topicCache = nullptr)
        : m_begin(body), m_pos(body), m_end(body + size), m_bodyOffset(bodyOffset),
          m_version(version), m_role(role), m_topicCache(topicCache)
    {
    }

    bool parse(PacketType type, quint8 flags, std::optional<Packet> *out);
    const DecodeError &error() const { return m_error; }
    ProtocolVersion version() const { return m_version; }

private:
    bool v5() const { return m_version == ProtocolVersion::V5; }
    qsizetype remaining() const { return m_end - m_pos; }
    qint64 offsetOf(const uchar *p) const { return m_bodyOffset + (p - m_begin); }

    bool fail(const QString &rule, const char *statementId = nullptr,
              quint8 reason = ReasonCode::MalformedPacket, const uchar *at = nullptr)
    {
        m_error.rule = rule;
        m_error.statementId = statementId ? QString::fromLatin1(statementId) : QString();
        m_error.offset = offsetOf(at ? at : m_pos);
        m_error.disconnectReason = reason;
        return false;
    }
    // Statement ids that differ between 3.1.1 and 5.0.
    const char *pick(const char *v311, const char *v50) const { return v5() ? v50 : v311; }

    bool need(qsizetype n, const char *what)
    {
        if (remaining() >= n)
            return true;
        return fail(QStringLiteral("%1 runs past the end of the packet").arg(QLatin1String(what)));
    }
    bool readByte(quint8 *v, const char *what)
    {
        if (!need(1, what))
            return false;
        *v = *m_pos++;
        return true;
    }
    bool readU16(quint16 *v, const char *what)
    {
        if (!need(2, what))
            return false;
        *v = quint16((m_pos[0] << 8) | m_pos[1]);
        m_pos += 2;
        return true;
    }
    bool readU32(quint32 *v, const char *what)
    {
        if (!need(4, what))
            return false;
        *v = (quint32(m_pos[0]) << 24) | (quint32(m_pos[1]) << 16) | (quint32(m_pos[2]) << 8)
            | quint32(m_pos[3]);
        m_pos += 4;
        return true;
    }
    bool readVbi(quint32 *v, const char *what);
    bool readBinaryView(const uchar **data, quint16 *len, const char *what)
    {
        if (!readU16(len, what))
            return false;
        if (remaining() < *len) {
            return fail(QStringLiteral("%1 length %2 runs past the end of the packet")
                            .arg(QLatin1String(what))
                            .arg(*len),
                        nullptr, ReasonCode::MalformedPacket, m_pos - 2);
        }
        *data = m_pos;
        m_pos += *len;
        return true;
    }
    bool readBinary(QByteArray *out, const char *what)
    {
        const uchar *data;
        quint16 len;
        if (!readBinaryView(&data, &len, what))
            return false;
        *out = QByteArray(reinterpret_cast<const char *>(data), len);
        return true;
    }
    bool readString(QString *out, const char *what)
    {
        const uchar *data;
        quint16 len;
        if (!readBinaryView(&data, &len, what))
            return false;
        return toString(data, len, out, what);
    }
    bool toString(const uchar *data, qsizetype len, QString *out, const char *what,
                  bool topic = false)
    {
        switch (checkUtf8(data, len, topic)) {
        case Utf8::Wildcard:
            return fail(QStringLiteral("PUBLISH topic name contains a wildcard"), "MQTT-3.3.2-2",
                        ReasonCode::TopicNameInvalid, data);
        case Utf8::Ascii:
            *out = QString::fromLatin1(reinterpret_cast<const char *>(data), len);
            return true;
        case Utf8::Valid:
            *out = QString::fromUtf8(reinterpret_cast<const char *>(data), len);
            return true;
        case Utf8::Invalid:
            return fail(QStringLiteral("%1 is not well-formed UTF-8").arg(QLatin1String(what)),
                        pick("MQTT-1.5.3-1", "MQTT-1.5.4-1"), ReasonCode::MalformedPacket, data);
        case Utf8::ContainsNul:
            return fail(QStringLiteral("%1 contains U+0000").arg(QLatin1String(what)),
                        pick("MQTT-1.5.3-2", "MQTT-1.5.4-2"), ReasonCode::MalformedPacket, data);
        }
        return false;
    }
    bool expectEnd(const char *packetName)
    {
        if (m_pos == m_end)
            return true;
        return fail(QStringLiteral("%1 has %2 unexpected bytes at the end")
                        .arg(QLatin1String(packetName))
                        .arg(remaining()));
    }
    bool packetId(quint16 *id, const char *packetName)
    {
        const uchar *at = m_pos;
        if (!readU16(id, "packet identifier"))
            return false;
        if (*id == 0) {
            return fail(QStringLiteral("%1 has packet identifier 0").arg(QLatin1String(packetName)),
                        pick("MQTT-2.3.1-1", "MQTT-2.2.1-3"), ReasonCode::ProtocolError, at);
        }
        return true;
    }
    bool reasonCode(ReasonCode *code, PacketType type)
    {
        const uchar *at = m_pos;
        quint8 v;
        if (!readByte(&v, "reason code"))
            return false;
        *code = v;
        const bool allowed = m_role == Role::Client
            ? isReasonCodeAllowedFromServer(v, type, m_version)
            : isReasonCodeAllowed(v, type);
        if (!allowed) {
            return fail(QStringLiteral("reason code 0x%1 is not allowed in %2")
                            .arg(v, 2, 16, QLatin1Char('0'))
                            .arg(QLatin1String(packetTypeName(type))),
                        nullptr, ReasonCode::ProtocolError, at);
        }
        return true;
    }
    bool properties(Properties *out, PacketType type, bool inWill = false);
    bool topicName(QString *topic, bool allowEmpty);

    bool parseConnect(std::optional<Packet> *out);
    bool parseConnack(std::optional<Packet> *out);
    bool parsePublish(quint8 flags, std::optional<Packet> *out);
    template<typename Ack>
    bool parseAck(PacketType type, std::optional<Packet> *out);
    bool parseSubscribe(std::optional<Packet> *out);
    bool parseSuback(std::optional<Packet> *out);
    bool parseUnsubscribe(std::optional<Packet> *out);
    bool parseUnsuback(std::optional<Packet> *out);
    template<typename P>
    bool parseReasonOnly(PacketType type, std::optional<Packet> *out);

    const uchar *m_begin;
    const uchar *m_pos;
    const uchar *m_end;
    qint64 m_bodyOffset;
    ProtocolVersion m_version;
    Role m_role;
    StreamDecoder::TopicCache *m_topicCache;
    DecodeError m_error;
};

bool PacketParser::readVbi(quint32 *v, const char *what)
{
    const uchar *at = m_pos;
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        quint8 b;
        if (!readByte(&b, what))
            return false;
        value |= quint32(b & 0x7F) << (7 * i);
        if (!(b & 0x80)) {
            if (i > 0 && b == 0) {
                return fail(QStringLiteral("%1 is not in its shortest encoding").arg(QLatin1String(what)),
                            "MQTT-1.5.5-1", ReasonCode::MalformedPacket, at);
            }
            *v = value;
            return true;
        }
    }
    return fail(QStringLiteral("%1 is longer than 4 bytes").arg(QLatin1String(what)), nullptr,
                ReasonCode::MalformedPacket, at);
}

bool PacketParser::properties(Properties *out, PacketType type, bool inWill)
{
    const uchar *lengthAt = m_pos;
    quint32 length;
    if (!readVbi(&length, "property length"))
        return false;
    if (length == 0)
        return true;
    if (remaining() < qsizetype(length)) {
        return fail(QStringLiteral("property length %1 runs past the end of the packet").arg(length),
                    nullptr, ReasonCode::MalformedPacket, lengthAt);
    }
    const uchar *const end = m_pos + length;
    const uchar *const savedEnd = m_end;
    m_end = end; // properties may not read beyond their declared length
    const char *packetName = inWill ? "Will Properties" : packetTypeName(type);
    quint64 seen = 0; // bit per property id, for duplicates
    while (m_pos < end) {
        const uchar *at = m_pos;
        quint32 rawId;
        if (!readVbi(&rawId, "property identifier"))
            return false;
        if (rawId > 0xFF || !isKnownProperty(quint8(rawId))) {
            return fail(QStringLiteral("unknown property identifier 0x%1").arg(rawId, 2, 16, QLatin1Char('0')),
                        nullptr, ReasonCode::MalformedPacket, at);
        }
        const auto id = static_cast<PropertyId>(rawId);
        if (!isPropertyAllowed(id, type, inWill)) {
            return fail(QStringLiteral("property %1 is not allowed in %2")
                            .arg(QLatin1String(propertyName(id)), QLatin1String(packetName)),
                        nullptr, ReasonCode::MalformedPacket, at);
        }
        const bool mayRepeat = id == PropertyId::UserProperty
            || (id == PropertyId::SubscriptionIdentifier && type == PacketType::Publish
                && m_role == Role::Client);
        if (!mayRepeat && (seen & (1ULL << rawId))) {
            return fail(QStringLiteral("property %1 appears more than once in %2")
                            .arg(QLatin1String(propertyName(id)), QLatin1String(packetName)),
                        nullptr, ReasonCode::ProtocolError, at);
        }
        seen |= 1ULL << rawId;
        Property p;
        p.id = id;
        const char *name = propertyName(id);
        switch (propertyType(id)) {
        case PropertyType::Byte: {
            quint8 b;
            if (!readByte(&b, name))
                return false;
            p.number = b;
            break;
        }
        case PropertyType::TwoByteInteger: {
            quint16 w;
            if (!readU16(&w, name))
                return false;
            p.number = w;
            break;
        }
        case PropertyType::FourByteInteger:
            if (!readU32(&p.number, name))
                return false;
            break;
        case PropertyType::VariableByteInteger:
            if (!readVbi(&p.number, name))
                return false;
            break;
        case PropertyType::Utf8String:
            if (!readString(&p.text, name))
                return false;
            break;
        case PropertyType::BinaryData:
            if (!readBinary(&p.binary, name))
                return false;
            break;
        case PropertyType::Utf8StringPair:
            if (!readString(&p.text, "User Property name") || !readString(&p.text2, "User Property value"))
                return false;
            break;
        }
        // Values the spec calls a Protocol Error.
        const QString valueRule = QStringLiteral("%1 has the invalid value %2").arg(QLatin1String(name)).arg(p.number);
        switch (id) {
        case PropertyId::PayloadFormatIndicator:
        case PropertyId::RequestProblemInformation:
        case PropertyId::RequestResponseInformation:
        case PropertyId::MaximumQoS:
        case PropertyId::RetainAvailable:
        case PropertyId::WildcardSubscriptionAvailable:
        case PropertyId::SubscriptionIdentifierAvailable:
        case PropertyId::SharedSubscriptionAvailable:
            if (p.number > 1)
                return fail(valueRule, nullptr, ReasonCode::ProtocolError, at);
            break;
        case PropertyId::ReceiveMaximum:
        case PropertyId::MaximumPacketSize:
            if (p.number == 0)
                return fail(valueRule, nullptr, ReasonCode::ProtocolError, at);
            break;
        case PropertyId::SubscriptionIdentifier:
            if (p.number == 0)
                return fail(valueRule, nullptr, ReasonCode::ProtocolError, at);
            if (type == PacketType::Publish && m_role == Role::Server) {
                return fail(QStringLiteral("a client PUBLISH must not carry a Subscription Identifier"),
                            "MQTT-3.3.4-6", ReasonCode::ProtocolError, at);
            }
            break;
        case PropertyId::TopicAlias:
            if (p.number == 0) {
                return fail(QStringLiteral("Topic Alias 0 is not allowed"), "MQTT-3.3.2-8",
                            ReasonCode::TopicAliasInvalid, at);
            }
            break;
        default:
            break;
        }
        out->append(p);
    }
    m_end = savedEnd;
    return true;
}

bool PacketParser::topicName(QString *topic, bool allowEmpty)
{
    const uchar *data;
    quint16 len;
    if (!readBinaryView(&data, &len, "topic name"))
        return false;
    if (len == 0 && !allowEmpty) {
        return fail(QStringLiteral("PUBLISH topic name is empty"), "MQTT-4.7.3-1",
                    ReasonCode::ProtocolError, data - 2);
    }
    if (!m_topicCache || len == 0 || len > StreamDecoder::TopicCache::MaxLength)
        return toString(data, len, topic, "topic name", true);
    const auto *chars = reinterpret_cast<const char *>(data);
    const quint64 hash = StreamDecoder::TopicCache::hash(chars, len);
    if (const QString *cached = m_topicCache->find(chars, len, hash)) {
        *topic = *cached; // shared, no conversion
        return true;
    }
    if (!toString(data, len, topic, "topic name", true))
        return false; // invalid topics are never cached
    m_topicCache->insert(chars, len, hash, *topic);
    return true;
}

bool PacketParser::parseConnect(std::optional<Packet> *out)
{
    ConnectPacket c;
    QString protocolName;
    const uchar *at = m_pos;
    if (!readString(&protocolName, "protocol name"))
        return false;
    quint8 level;
    if (!readByte(&level, "protocol level"))
        return false;
    c.bridge = level & 0x80;
    level &= 0x7F;
    const bool nameOk = (protocolName == QLatin1String("MQTT") && (level == 4 || level == 5))
        || (protocolName == QLatin1String("MQIsdp") && level == 3);
    if (!nameOk) {
        return fail(QStringLiteral("unsupported protocol \"%1\" level %2").arg(protocolName).arg(level),
                    "MQTT-3.1.2-2", ReasonCode::UnsupportedProtocolVersion, at);
    }
    m_version = static_cast<ProtocolVersion>(level);
    at = m_pos;
    quint8 flags;
    if (!readByte(&flags, "connect flags"))
        return false;
    if (flags & 0x01)
        return fail(QStringLiteral("CONNECT reserved flag is set"), "MQTT-3.1.2-3", ReasonCode::MalformedPacket, at);
    c.cleanStart = flags & 0x02;
    const bool willFlag = flags & 0x04;
    const quint8 willQos = (flags >> 3) & 0x03;
    const bool willRetain = flags & 0x20;
    if (!willFlag && (willQos || willRetain)) {
        return fail(QStringLiteral("Will QoS or Will Retain set without the Will flag"),
                    v5() ? "MQTT-3.1.2-11" : "MQTT-3.1.2-13", ReasonCode::MalformedPacket, at);
    }
    if (willQos == 3)
        return fail(QStringLiteral("Will QoS is 3"), "MQTT-3.1.2-14", ReasonCode::MalformedPacket, at);
    const bool hasPassword = flags & 0x40;
    const bool hasUsername = flags & 0x80;
    if (hasPassword && !hasUsername && !v5())
        return fail(QStringLiteral("password flag set without user name flag"), "MQTT-3.1.2-22", ReasonCode::MalformedPacket, at);
    if (!readU16(&c.keepAlive, "keep alive"))
        return false;
    if (v5() && !properties(&c.properties, PacketType::Connect))
        return false;
    if (!readString(&c.clientId, "client identifier"))
        return false;
    if (willFlag) {
        Will w;
        w.qos = willQos;
        w.retain = willRetain;
        if (v5() && !properties(&w.properties, PacketType::Connect, true))
            return false;
        if (!readString(&w.topic, "Will topic") || !readBinary(&w.payload, "Will payload"))
            return false;
        c.will = w;
    }
    if (hasUsername) {
        QString user;
        if (!readString(&user, "user name"))
            return false;
        c.username = user;
    }
    if (hasPassword) {
        QByteArray password;
        if (!readBinary(&password, "password"))
            return false;
        c.password = password;
    }
    if (!expectEnd("CONNECT"))
        return false;
    *out = std::move(c);
    return true;
}

bool PacketParser::parseConnack(std::optional<Packet> *out)
{
    ConnackPacket c;
    if (!v5() && remaining() != 2)
        return fail(QStringLiteral("CONNACK remaining length is %1, not 2").arg(remaining()));
    const uchar *at = m_pos;
    quint8 flags;
    if (!readByte(&flags, "acknowledge flags"))
        return false;
    if (flags & 0xFE) {
        return fail(QStringLiteral("CONNACK acknowledge flags bits 7-1 are not 0"), "MQTT-3.2.2-1",
                    ReasonCode::MalformedPacket, at);
    }
    c.sessionPresent = flags & 0x01;
    at = m_pos;
    if (!v5()) {
        quint8 rc;
        if (!readByte(&rc, "return code"))
            return false;
        if (rc > 5) {
            return fail(QStringLiteral("CONNACK return code %1 is reserved").arg(rc), nullptr,
                        ReasonCode::ProtocolError, at);
        }
        c.reasonCode = rc;
        if (rc != 0 && c.sessionPresent) {
            return fail(QStringLiteral("CONNACK refuses the connection but sets Session Present"),
                        "MQTT-3.2.2-4", ReasonCode::ProtocolError, at - 1);
        }
    } else {
        if (!reasonCode(&c.reasonCode, PacketType::Connack))
            return false;
        if (c.reasonCode.value != 0 && c.sessionPresent) {
            return fail(QStringLiteral("CONNACK refuses the connection but sets Session Present"),
                        "MQTT-3.2.2-6", ReasonCode::ProtocolError, at - 1);
        }
        if (!properties(&c.properties, PacketType::Connack))
            return false;
    }
    if (!expectEnd("CONNACK"))
        return false;
    *out = std::move(c);
    return true;
}

bool PacketParser::parsePublish(quint8 flags, std::optional<Packet> *out)
{
    // Built in place: this is the hot path, so no temporaries to move and destroy.
    PublishPacket &p = std::get<PublishPacket>(out->emplace(std::in_place_type<PublishPacket>));
    p.retain = flags & 0x01;
    p.qos = (flags >> 1) & 0x03;
    p.dup = flags & 0x08;
    // The first byte is just before the remaining length; blame the body start.
    if (p.qos == 3)
        return fail(QStringLiteral("PUBLISH has QoS 3"), "MQTT-3.3.1-4");
    if (p.qos == 0 && p.dup)
        return fail(QStringLiteral("QoS 0 PUBLISH has the DUP flag set"), "MQTT-3.3.1-2");
    if (!topicName(&p.topic, v5()))
        return false;
    if (p.qos > 0 && !packetId(&p.packetId, "PUBLISH"))
        return false;
    if (v5()) {
        const uchar *at = m_pos;
        if (!properties(&p.properties, PacketType::Publish))
            return false;
        if (p.topic.isEmpty() && !p.properties.contains(PropertyId::TopicAlias)) {
            return fail(QStringLiteral("PUBLISH has neither a topic name nor a Topic Alias"),
                        nullptr, ReasonCode::ProtocolError, at);
        }
    }
    // One copy: Qt 6.4 cannot share a slice of the stream buffer.
    p.payload = QByteArray(reinterpret_cast<const char *>(m_pos), remaining());
    m_pos = m_end;
    return true;
}

template<typename Ack>
bool PacketParser::parseAck(PacketType type, std::optional<Packet> *out)
{
    Ack a;
    const char *name = packetTypeName(type);
    if (!v5() && remaining() != 2)
        return fail(QStringLiteral("%1 remaining length is %2, not 2").arg(QLatin1String(name)).arg(remaining()));
    if (!packetId(&a.packetId, name))
        return false;
    if (v5()) {
        // Remaining length 2: Success, no properties; 3: reason code only ([S5] §3.4.2.1).
        if (remaining() >= 1 && !reasonCode(&a.reasonCode, type))
            return false;
        if (remaining() >= 1 && !properties(&a.properties, type))
            return false;
    }
    if (!expectEnd(name))
        return false;
    *out = std::move(a);
    return true;
}

bool PacketParser::parseSubscribe(std::optional<Packet> *out)
{
    SubscribePacket s;
    if (!packetId(&s.packetId, "SUBSCRIBE"))
        return false;
    if (v5() && !properties(&s.properties, PacketType::Subscribe))
        return false;
    if (remaining() == 0) {
        return fail(QStringLiteral("SUBSCRIBE has no topic filter"), "MQTT-3.8.3-3",
                    ReasonCode::ProtocolError);
    }
    while (remaining() > 0) {
        Subscription sub;
        if (!readString(&sub.filter, "topic filter"))
            return false;
        const uchar *at = m_pos;
        quint8 options;
        if (!readByte(&options, "subscription options"))
            return false;
        sub.qos = options & 0x03;
        if (sub.qos == 3)
            return fail(QStringLiteral("subscription QoS is 3"), pick("MQTT-3.8.3-4", "MQTT-3-8.3-4"), ReasonCode::MalformedPacket, at);
        if (v5()) {
            sub.noLocal = options & 0x04;
            sub.retainAsPublished = options & 0x08;
            sub.retainHandling = (options >> 4) & 0x03;
            if (sub.retainHandling == 3)
                return fail(QStringLiteral("Retain Handling is 3"), nullptr, ReasonCode::ProtocolError, at);
            if (options & 0xC0)
                return fail(QStringLiteral("subscription options reserved bits are set"), "MQTT-3.8.3-5", ReasonCode::MalformedPacket, at);
        } else if (options & 0xFC) {
            return fail(QStringLiteral("subscription options reserved bits are set"), "MQTT-3-8.3-4", ReasonCode::MalformedPacket, at);
        }
        s.subscriptions.append(sub);
    }
    *out = std::move(s);
    return true;
}

bool PacketParser::parseSuback(std::optional<Packet> *out)
{
    SubackPacket s;
    // The server's SUBACK id answers ours; 0 is never a valid id.
    if (!packetId(&s.packetId, "SUBACK"))
        return false;
    if (v5() && !properties(&s.properties, PacketType::Suback))
        return false;
    if (remaining() == 0)
        return fail(QStringLiteral("SUBACK has no return codes"), nullptr, ReasonCode::ProtocolError);
    s.reasonCodes.reserve(remaining()); // bounded by bytes that are already here
    while (remaining() > 0) {
        ReasonCode code;
        if (!reasonCode(&code, PacketType::Suback))
            return false;
        s.reasonCodes.append(code);
    }
    *out = std::move(s);
    return true;
}

bool PacketParser::parseUnsubscribe(std::optional<Packet> *out)
{
    UnsubscribePacket u;
    if (!packetId(&u.packetId, "UNSUBSCRIBE"))
        return false;
    if (v5() && !properties(&u.properties, PacketType::Unsubscribe))
        return false;
    if (remaining() == 0) {
        return fail(QStringLiteral("UNSUBSCRIBE has no topic filter"), "MQTT-3.10.3-2",
                    ReasonCode::ProtocolError);
    }
    while (remaining() > 0) {
        QString filter;
        if (!readString(&filter, "topic filter"))
            return false;
        u.filters.append(filter);
    }
    *out = std::move(u);
    return true;
}

bool PacketParser::parseUnsuback(std::optional<Packet> *out)
{
    UnsubackPacket u;
    if (!v5() && remaining() != 2)
        return fail(QStringLiteral("UNSUBACK remaining length is %1, not 2").arg(remaining()));
    if (!packetId(&u.packetId, "UNSUBACK"))
        return false;
    if (v5()) {
        if (!properties(&u.properties, PacketType::Unsuback))
            return false;
        if (remaining() == 0)
            return fail(QStringLiteral("UNSUBACK has no reason codes"), nullptr, ReasonCode::ProtocolError);
        while (remaining() > 0) {
            ReasonCode code;
            if (!reasonCode(&code, PacketType::Unsuback))
                return false;
            u.reasonCodes.append(code);
        }
    }
    *out = std::move(u);
    return true;
}

template<typename P>
bool PacketParser::parseReasonOnly(PacketType type, std::optional<Packet> *out)
{
    P p;
    // Remaining length 0 means reason 0x00 and no properties ([S5] §3.14.2.1, §3.15.2.1).
    if (remaining() >= 1 && !reasonCode(&p.reasonCode, type))
        return false;
    if (remaining() >= 1 && !properties(&p.properties, type))
        return false;
    if (!expectEnd(packetTypeName(type)))
        return false;
    *out = std::move(p);
    return true;
}

bool PacketParser::parse(PacketType type, quint8 flags, std::optional<Packet> *out)
{
    switch (type) {
    case PacketType::Connect:
        return parseConnect(out);
    case PacketType::Connack:
        return parseConnack(out);
    case PacketType::Publish:
        return parsePublish(flags, out);
    case PacketType::Puback:
        return parseAck<PubackPacket>(type, out);
    case PacketType::Pubrec:
        return parseAck<PubrecPacket>(type, out);
    case PacketType::Pubrel:
        return parseAck<PubrelPacket>(type, out);
    case PacketType::Pubcomp:
        return parseAck<PubcompPacket>(type, out);
    case PacketType::Subscribe:
        return parseSubscribe(out);
    case PacketType::Suback:
        return parseSuback(out);
    case PacketType::Unsubscribe:
        return parseUnsubscribe(out);
    case PacketType::Unsuback:
        return parseUnsuback(out);
    case PacketType::Pingreq:
    case PacketType::Pingresp:
        if (remaining() != 0) {
            return fail(QStringLiteral("%1 remaining length is %2, not 0")
                            .arg(QLatin1String(packetTypeName(type)))
                            .arg(remaining()));
        }
        if (type == PacketType::Pingreq)
            *out = PingreqPacket();
        else
            *out = PingrespPacket();
        return true;
    case PacketType::Disconnect:
        if (!v5()) {
            if (remaining() != 0)
                return fail(QStringLiteral("DISCONNECT remaining length is %1, not 0").arg(remaining()));
            *out = DisconnectPacket();
            return true;
        }
        return parseReasonOnly<DisconnectPacket>(type, out);
    case PacketType::Auth:
        return parseReasonOnly<AuthPacket>(type, out);
    case PacketType::Reserved:
        break;
    }
    return fail(QStringLiteral("reserved packet type"));
}

// Checks the first byte alone: type allowed for this role and version, reserved flags.
DecodeError checkFirstByte(quint8 first, ProtocolVersion version, Role role, bool authMethodSent,
                           qint64 offset)
{
    const auto type = static_cast<PacketType>(first >> 4);
    const quint8 flags = first & 0x0F;
    const bool v5 = version == ProtocolVersion::V5;
    auto error = [offset](const QString &rule, const char *id, quint8 reason) {
        DecodeError e;
        e.rule = rule;
        e.statementId = id ? QString::fromLatin1(id) : QString();
        e.offset = offset;
        e.disconnectReason = reason;
        return e;
    };
    if (type == PacketType::Reserved || (type == PacketType::Auth && !v5))
        return error(QStringLiteral("reserved packet type %1").arg(int(type)), nullptr, ReasonCode::MalformedPacket);

    bool allowed = true;
    const char *id = nullptr;
    switch (type) {
    case PacketType::Connect:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
    case PacketType::Pingreq:
        allowed = role == Role::Server;
        break;
    case PacketType::Connack:
    case PacketType::Suback:
    case PacketType::Unsuback:
    case PacketType::Pingresp:
        allowed = role == Role::Client;
        break;
    case PacketType::Disconnect:
        // 3.1.1 has no server-to-client DISCONNECT.
        allowed = role == Role::Server || v5;
        break;
    case PacketType::Auth:
        allowed = role == Role::Server || authMethodSent;
        id = "MQTT-4.12.0-6";
        break;
    default:
        break;
    }
    if (!allowed) {
        const QLatin1String name(packetTypeName(type));
        return error(role == Role::Client
                         ? QStringLiteral("%1 is not a packet a server may send to a client").arg(name)
                         : QStringLiteral("%1 is not a packet a client may send").arg(name),
                     allowed ? nullptr : id, ReasonCode::ProtocolError);
    }

    quint8 expected = 0;
    if (type == PacketType::Publish)
        return DecodeError(); // DUP/QoS/RETAIN are checked with the body
    if (type == PacketType::Pubrel || type == PacketType::Subscribe || type == PacketType::Unsubscribe)
        expected = 0x02;
    if (flags != expected) {
        const QLatin1String name(packetTypeName(type));
        const char *flagId = v5 ? "MQTT-2.1.3-1" : "MQTT-2.2.2-2";
        if (type == PacketType::Pubrel)
            flagId = "MQTT-3.6.1-1";
        else if (v5 && type == PacketType::Disconnect)
            flagId = "MQTT-3.14.1-1";
        else if (type == PacketType::Auth)
            flagId = "MQTT-3.15.1-1";
        return error(QStringLiteral("%1 has reserved flags 0x%2, expected 0x%3")
                         .arg(name)
                         .arg(flags, 1, 16)
                         .arg(expected, 1, 16),
                     flagId, ReasonCode::MalformedPacket);
    }
    return DecodeError();
}

} // namespace

StreamDecoder::StreamDecoder(Role role)
    : m_role(role)
{
}

void StreamDecoder::setProtocolVersion(ProtocolVersion version)
{
    m_version = version;
}

void StreamDecoder::setMaximumPacketSize(quint32 bytes)
{
    m_maxPacketSize = bytes;
}

void StreamDecoder::setAuthMethodSent(bool sent)
{
    m_authMethodSent = sent;
}

// Word-at-a-time multiply-xor hash: a few instructions per 8 bytes. A broker that makes
// topics collide on purpose only causes cache misses (the probe is bounded).
quint64 StreamDecoder::TopicCache::hash(const char *data, qsizetype size)
{
    constexpr quint64 mul = 0xff51afd7ed558ccdULL;
    quint64 h = 0x9e3779b97f4a7c15ULL ^ quint64(size);
    while (size >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        h = (h ^ word) * mul;
        h ^= h >> 32;
        data += 8;
        size -= 8;
    }
    quint64 tail = 0;
    for (qsizetype i = 0; i < size; ++i) // at most 7 bytes; no call to memcpy
        tail = (tail << 8) | quint8(data[i]);
    h = (h ^ tail) * mul;
    return h ^ (h >> 29);
}

const QString *StreamDecoder::TopicCache::find(const char *data, qsizetype size, quint64 hash) const
{
    if (!m_slots)
        return nullptr;
    for (int i = 0; i < Probe; ++i) {
        const Slot &slot = m_slots[(hash + quint64(i)) & (Slots - 1)];
        if (slot.hash == hash && slot.key.size() == size
            && std::memcmp(slot.key.constData(), data, size_t(size)) == 0)
            return &slot.topic;
    }
    return nullptr;
}

void StreamDecoder::TopicCache::insert(const char *data, qsizetype size, quint64 hash,
                                       const QString &topic)
{
    if (!m_slots)
        m_slots = std::make_unique<Slot[]>(Slots);
    Slot *target = &m_slots[hash & (Slots - 1)]; // evicted when the probe finds no free slot
    for (int i = 0; i < Probe; ++i) {
        Slot &slot = m_slots[(hash + quint64(i)) & (Slots - 1)];
        if (slot.key.isEmpty()) {
            target = &slot;
            ++m_used;
            break;
        }
    }
    target->key = QByteArray(data, size);
    target->topic = topic;
    target->hash = hash;
}

void StreamDecoder::feed(const QByteArray &bytes)
{
    if (hasFailed())
        return;
    if (m_buffer.isEmpty()) {
        m_buffer = bytes; // implicitly shared: no copy until compact() writes
        m_readPos = 0;
        return;
    }
    m_buffer.append(bytes);
}

void StreamDecoder::feed(const char *data, qsizetype size)
{
    if (hasFailed() || size <= 0)
        return;
    m_buffer.append(data, size);
}

void StreamDecoder::reset()
{
    m_buffer.clear();
    m_readPos = 0;
    m_consumedBefore = 0;
    m_lastPacketSize = 0;
    m_error = DecodeError();
}

void StreamDecoder::fail(DecodeError error)
{
    qCDebug(lcMqttCodec) << "decode error:" << error.toString();
    m_error = std::move(error);
    m_buffer.clear();
    m_consumedBefore += m_readPos;
    m_readPos = 0;
}

void StreamDecoder::compact()
{
    if (m_readPos == m_buffer.size()) {
        m_consumedBefore += m_readPos;
        m_readPos = 0;
        // Keep a modest capacity for the next feed; give back what one huge packet took.
        if (m_buffer.isDetached() && m_buffer.capacity() <= 1024 * 1024)
            m_buffer.truncate(0);
        else
            m_buffer = QByteArray();
    } else if (m_readPos >= 65536 && m_readPos * 2 >= m_buffer.size()) {
        m_consumedBefore += m_readPos;
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
}

std::optional<Packet> StreamDecoder::next()
{
    std::optional<Packet> packet; // one object, returned by name, filled in place
    if (hasFailed())
        return packet;
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < 1)
        return packet;
    const auto *start = reinterpret_cast<const uchar *>(m_buffer.constData()) + m_readPos;
    const qint64 startOffset = m_consumedBefore + m_readPos;

    DecodeError headerError = checkFirstByte(start[0], m_version, m_role, m_authMethodSent, startOffset);
    if (!headerError.isNull()) {
        fail(std::move(headerError));
        return packet;
    }

    // Remaining length: up to 4 bytes; a fifth is malformed even before it arrives.
    quint32 remainingLength = 0;
    int lengthBytes = 0;
    for (;;) {
        if (lengthBytes == 4) {
            DecodeError e;
            e.rule = QStringLiteral("remaining length is longer than 4 bytes");
            e.offset = startOffset + 1;
            fail(std::move(e));
            return packet;
        }
        if (1 + lengthBytes >= available)
            return packet;
        const uchar b = start[1 + lengthBytes];
        remainingLength |= quint32(b & 0x7F) << (7 * lengthBytes);
        ++lengthBytes;
        if (!(b & 0x80)) {
            if (lengthBytes > 1 && b == 0) {
                DecodeError e;
                e.rule = QStringLiteral("remaining length is not in its shortest encoding");
                e.statementId = QStringLiteral("MQTT-1.5.5-1");
                e.offset = startOffset + 1;
                fail(std::move(e));
                return packet;
            }
            break;
        }
    }
    const quint64 total = 1 + quint64(lengthBytes) + remainingLength;
    if (m_maxPacketSize && total > m_maxPacketSize) {
        DecodeError e;
        e.rule = QStringLiteral("%1 of %2 bytes exceeds the maximum packet size %3 (§3.1.2.11.4)")
                     .arg(QLatin1String(packetTypeName(static_cast<PacketType>(start[0] >> 4))))
                     .arg(total)
                     .arg(m_maxPacketSize);
        e.offset = startOffset;
        e.disconnectReason = ReasonCode::PacketTooLarge;
        fail(std::move(e));
        return packet;
    }
    if (quint64(available) < total)
        return packet;

    PacketParser parser(start + 1 + lengthBytes, qsizetype(remainingLength),
                        startOffset + 1 + lengthBytes, m_version, m_role, &m_topicCache);
    if (!parser.parse(static_cast<PacketType>(start[0] >> 4), start[0] & 0x0F, &packet)) {
        packet.reset();
        fail(parser.error());
        return packet;
    }
    if (m_role == Role::Server && packet->index() == 0)
        m_version = parser.version(); // CONNECT tells a fake broker the version
    m_lastPacketSize = qsizetype(total);
    m_readPos += qsizetype(total);
    compact();
    return packet;
}

std::optional<Packet> decodePacket(const QByteArray &bytes, ProtocolVersion version,
                                   StreamDecoder::Role role, DecodeError *error,
                                   bool authMethodSent)
{
    StreamDecoder decoder(role);
    decoder.setProtocolVersion(version);
    decoder.setAuthMethodSent(authMethodSent);
    decoder.feed(bytes);
    std::optional<Packet> packet = decoder.next();
    DecodeError e;
    if (decoder.hasFailed()) {
        e = decoder.error();
    } else if (!packet) {
        e.rule = QStringLiteral("incomplete packet");
        e.offset = bytes.size();
    } else if (decoder.bufferedBytes() != 0) {
        e.rule = QStringLiteral("%1 bytes after the packet").arg(decoder.bufferedBytes());
        e.offset = decoder.streamOffset();
        packet.reset();
    }
    if (error)
        *error = e;
    return packet;
}

std::optional<Packet> decodeClientPacket(const QByteArray &bytes, ProtocolVersion version,
                                         DecodeError *error)
{
    return decodePacket(bytes, version, StreamDecoder::Role::Server, error, true);
}

} // namespace mqtt
