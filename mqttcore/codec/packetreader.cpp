#include "codec/packetreader.h"

#include <cstring>

namespace mqtt {

namespace {

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

} // namespace

bool PacketReader::fail(const QString &rule, const char *statementId, quint8 reason,
                        const uchar *at)
{
    m_error.rule = rule;
    m_error.statementId = statementId ? QString::fromLatin1(statementId) : QString();
    m_error.offset = offsetOf(at ? at : m_pos);
    m_error.disconnectReason = reason;
    return false;
}

bool PacketReader::toString(const uchar *data, qsizetype len, QString *out, const char *what,
                            bool topic)
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

bool PacketReader::failPacketIdZero(const char *packetName, const uchar *at)
{
    return fail(QStringLiteral("%1 has packet identifier 0").arg(QLatin1String(packetName)),
                pick("MQTT-2.3.1-1", "MQTT-2.2.1-3"), ReasonCode::ProtocolError, at);
}

bool PacketReader::reasonCode(ReasonCode *code, PacketType type)
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

bool PacketReader::readVbi(quint32 *v, const char *what)
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

bool PacketReader::readProperties(Properties *out, PacketType type, bool inWill)
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

} // namespace mqtt
