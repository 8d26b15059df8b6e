#include "capture/sessionlineencoder.h"

namespace mqtt {

namespace {

constexpr char kHex[] = "0123456789abcdef"; // Qt's JSON writer uses lower case

void appendLatin1(QByteArray &out, const char *text, qsizetype size)
{
    out.append(text, size);
}

template<qsizetype N>
void appendLiteral(QByteArray &out, const char (&text)[N])
{
    appendLatin1(out, text, N - 1);
}

void appendInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
    // Through the unsigned type so that the most negative value does not overflow.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    out.append(p, end - p);
}

// An ASCII character the way Qt's JSON writer escapes it.
inline void appendAscii(QByteArray &out, uchar c)
{
    if (c >= 0x20 && c != '"' && c != '\\') {
        out.append(char(c));
        return;
    }
    char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
    switch (c) {
    case '"':
        esc[1] = '"';
        break;
    case '\\':
        esc[1] = '\\';
        break;
    case '\b':
        esc[1] = 'b';
        break;
    case '\f':
        esc[1] = 'f';
        break;
    case '\n':
        esc[1] = 'n';
        break;
    case '\r':
        esc[1] = 'r';
        break;
    case '\t':
        esc[1] = 't';
        break;
    default:
        out.append(esc, 6);
        return;
    }
    out.append(esc, 2);
}

// Bytes already known to be valid UTF-8: only ASCII needs escaping, every other byte is copied
// as it is (Qt would decode and re-encode it to the same bytes).
void appendUtf8String(QByteArray &out, const QByteArray &utf8)
{
    out.append('"');
    const uchar *p = reinterpret_cast<const uchar *>(utf8.constData());
    const uchar *const end = p + utf8.size();
    while (p != end) {
        // Copy runs that need no escaping in one go.
        const uchar *run = p;
        while (p != end && (*p >= 0x80 || (*p >= 0x20 && *p != '"' && *p != '\\')))
            ++p;
        if (p != run)
            out.append(reinterpret_cast<const char *>(run), p - run);
        if (p != end)
            appendAscii(out, *p++);
    }
    out.append('"');
}

// A QString as Qt's JSON writer writes it: UTF-8, with a lone surrogate (which has no UTF-8
// form) as a \uXXXX escape.
void appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    const char16_t *p = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *const end = p + text.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            appendAscii(out, uchar(u));
        } else if (u < 0x800) {
            const char bytes[2] = {char(0xc0 | (u >> 6)), char(0x80 | (u & 0x3f))};
            out.append(bytes, 2);
        } else if (!QChar::isSurrogate(u)) {
            const char bytes[3] = {char(0xe0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3f)),
                                   char(0x80 | (u & 0x3f))};
            out.append(bytes, 3);
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t ucs4 = QChar::surrogateToUcs4(u, *p++);
            const char bytes[4] = {char(0xf0 | (ucs4 >> 18)), char(0x80 | ((ucs4 >> 12) & 0x3f)),
                                   char(0x80 | ((ucs4 >> 6) & 0x3f)),
                                   char(0x80 | (ucs4 & 0x3f))};
            out.append(bytes, 4);
        } else {
            const char esc[6] = {'\\', 'u', kHex[u >> 12], kHex[(u >> 8) & 0xf],
                                 kHex[(u >> 4) & 0xf], kHex[u & 0xf]};
            out.append(esc, 6);
        }
    }
    out.append('"');
}

void appendBase64String(QByteArray &out, const QByteArray &bytes)
{
    static constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const qsizetype start = out.size();
    const qsizetype encoded = (bytes.size() + 2) / 3 * 4;
    out.resize(start + encoded + 2);
    char *dst = out.data() + start;
    *dst++ = '"';
    const uchar *src = reinterpret_cast<const uchar *>(bytes.constData());
    qsizetype left = bytes.size();
    for (; left >= 3; left -= 3, src += 3) {
        const quint32 v = (quint32(src[0]) << 16) | (quint32(src[1]) << 8) | src[2];
        *dst++ = alphabet[v >> 18];
        *dst++ = alphabet[(v >> 12) & 0x3f];
        *dst++ = alphabet[(v >> 6) & 0x3f];
        *dst++ = alphabet[v & 0x3f];
    }
    if (left > 0) {
        const quint32 v = (quint32(src[0]) << 16) | (left == 2 ? quint32(src[1]) << 8 : 0);
        *dst++ = alphabet[v >> 18];
        *dst++ = alphabet[(v >> 12) & 0x3f];
        *dst++ = left == 2 ? alphabet[(v >> 6) & 0x3f] : '=';
        *dst++ = '=';
    }
    *dst = '"';
}

// Keys are written in the order QJsonObject sorts them, each preceded by a comma except
// the first of its object.
class ObjectWriter
{
public:
    explicit ObjectWriter(QByteArray &out) : m_out(out) { m_out.append('{'); }
    ~ObjectWriter() { m_out.append('}'); }

    template<qsizetype N>
    QByteArray &key(const char (&name)[N])
    {
        if (!m_first)
            m_out.append(',');
        m_first = false;
        m_out.append('"');
        appendLatin1(m_out, name, N - 1);
        appendLiteral(m_out, "\":");
        return m_out;
    }

    // `name` as text when the bytes are exact UTF-8 without a leading BOM, else
    // `name`_base64, as capture::eventToJson decides (a BOM would be dropped by JSON parsers).
    template<qsizetype N>
    void bytes(const char (&name)[N], const QByteArray &value)
    {
        if (value.isValidUtf8() && !value.startsWith("\xef\xbb\xbf")) {
            appendUtf8String(key(name), value);
            return;
        }
        if (!m_first)
            m_out.append(',');
        m_first = false;
        m_out.append('"');
        appendLatin1(m_out, name, N - 1);
        appendLiteral(m_out, "_base64\":");
        appendBase64String(m_out, value);
    }

private:
    QByteArray &m_out;
    bool m_first = true;
};

void appendBool(QByteArray &out, bool value)
{
    if (value)
        appendLiteral(out, "true");
    else
        appendLiteral(out, "false");
}

// Same keys and conditions as capture::propertiesToJson.
void appendProperties(QByteArray &out, const SessionProperties &p)
{
    ObjectWriter o(out);
    if (!p.contentType.isNull())
        appendString(o.key("content-type"), p.contentType);
    if (!p.correlationData.isNull())
        o.bytes("correlation-data", p.correlationData);
    if (p.messageExpiryInterval >= 0)
        appendInteger(o.key("message-expiry-interval"), p.messageExpiryInterval);
    if (p.payloadFormatIndicator >= 0)
        appendInteger(o.key("payload-format-indicator"), p.payloadFormatIndicator);
    if (!p.responseTopic.isNull())
        appendString(o.key("response-topic"), p.responseTopic);
    if (!p.subscriptionIdentifiers.isEmpty()) {
        QByteArray &a = o.key("subscription-identifier");
        a.append('[');
        for (qsizetype i = 0; i < p.subscriptionIdentifiers.size(); ++i) {
            if (i)
                a.append(',');
            appendInteger(a, p.subscriptionIdentifiers.at(i));
        }
        a.append(']');
    }
    if (p.topicAlias > 0)
        appendInteger(o.key("topic-alias"), p.topicAlias);
    if (!p.userProperties.isEmpty()) {
        QByteArray &a = o.key("user-properties");
        a.append('[');
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i)
                a.append(',');
            a.append('[');
            appendString(a, p.userProperties.at(i).first);
            a.append(',');
            appendString(a, p.userProperties.at(i).second);
            a.append(']');
        }
        a.append(']');
    }
}

} // namespace

void SessionLineEncoder::appendTime(QByteArray &out, qint64 msecs)
{
    // The cache covers the ordinary range only; anything else (before 1970, after year 9999)
    // takes capture::formatTimestamp itself each time.
    constexpr qint64 kEndOfYear9999 = 253402300800000LL;
    if (msecs >= 0 && msecs < kEndOfYear9999) {
        const qint64 second = msecs / 1000;
        if (second != m_cachedSecond) {
            const QByteArray whole = capture::formatTimestamp(second * 1000).toLatin1();
            if (whole.size() == 24 && whole.endsWith(".000Z")) {
                m_cachedPrefix = whole.left(20);
                m_cachedSecond = second;
            }
        }
        if (second == m_cachedSecond) {
            const int ms = int(msecs % 1000);
            const char tail[6] = {char('0' + ms / 100), char('0' + ms / 10 % 10),
                                  char('0' + ms % 10), 'Z', '"'};
            out.append('"');
            out.append(m_cachedPrefix);
            out.append(tail, 5);
            return;
        }
    }
    appendString(out, capture::formatTimestamp(msecs));
}

void SessionLineEncoder::append(QByteArray &out, const SessionEvent &e)
{
    {
        ObjectWriter o(out);
        switch (e.type) {
        case SessionEvent::Type::Received:
        case SessionEvent::Type::Sent:
            if (e.dup)
                appendBool(o.key("dup"), true);
            if (e.mid > 0)
                appendInteger(o.key("mid"), e.mid);
            o.bytes("payload", e.payload);
            if (!e.properties.isEmpty())
                appendProperties(o.key("properties"), e.properties);
            appendInteger(o.key("qos"), e.qos);
            appendBool(o.key("retain"), e.retain);
            appendTime(o.key("time"), e.timestamp);
            appendString(o.key("topic"), e.topic);
            if (e.type == SessionEvent::Type::Received)
                appendLiteral(o.key("type"), "\"received\"");
            else
                appendLiteral(o.key("type"), "\"sent\"");
            break;
        case SessionEvent::Type::Log:
            appendString(o.key("level"), capture::logLevelName(e.level));
            appendString(o.key("text"), e.text);
            appendTime(o.key("time"), e.timestamp);
            appendLiteral(o.key("type"), "\"log\"");
            break;
        case SessionEvent::Type::Connection:
            if (e.code >= 0)
                appendInteger(o.key("code"), e.code);
            appendString(o.key("event"), e.connectionEvent);
            if (!e.text.isEmpty())
                appendString(o.key("text"), e.text);
            appendTime(o.key("time"), e.timestamp);
            appendLiteral(o.key("type"), "\"connection\"");
            break;
        }
    }
    out.append('\n');
}

} // namespace mqtt
