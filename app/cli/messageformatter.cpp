#include "messageformatter.h"

#include "capture/sessionevent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <ctime>

namespace mqtt::cli {

namespace {

struct Spec
{
    char align = 0; // '-' for left
    char pad = ' ';
    int width = 0;
    int precision = -1;
};

QByteArray padded(QByteArray value, const Spec &s, bool numeric)
{
    if (!numeric && s.precision >= 0 && value.size() > s.precision)
        value.truncate(s.precision);
    if (value.size() >= s.width)
        return value;
    const QByteArray fill(s.width - value.size(), numeric && s.align != '-' ? s.pad : ' ');
    if (s.align == '-')
        return value + fill;
    if (numeric && s.pad == '0' && value.startsWith('-'))
        return '-' + fill + value.mid(1);
    return fill + value;
}

QByteArray number(qint64 v, const Spec &s)
{
    return padded(QByteArray::number(v), s, true);
}

// Field for an absent property: mosquitto prints the padding only.
QByteArray blank(const Spec &s)
{
    return QByteArray(s.width, s.pad);
}

QByteArray payloadBytes(const QByteArray &payload, int hex, const Spec &s)
{
    QByteArray p = payload;
    // mosquitto_sub cuts the payload to the field width, for %x/%X to width/2 bytes (two
    // digits each). It cuts a shorter hex payload to half its length too, which we do not.
    const qsizetype room = hex ? s.width / 2 : s.width;
    if (s.width > 0 && p.size() > room)
        p.truncate(room);
    if (hex == 1)
        p = p.toHex();
    else if (hex == 2)
        p = p.toHex().toUpper();
    if (p.size() >= s.width)
        return p;
    // Unlike the topic, mosquitto_sub pads a payload with the '0' flag's zeros.
    const QByteArray fill(s.width - p.size(), s.align == '-' ? ' ' : s.pad);
    return s.align == '-' ? p + fill : fill + p;
}

QByteArray jsonValue(const QJsonValue &v)
{
    QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

QByteArray utcStamp(qint64 ms)
{
    // mosquitto_sub's "tst": microseconds and a Z; ours is really UTC.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return (t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000Z"))
            .toLatin1();
}

QByteArray strftimeLocal(qint64 ms, const char *fmt)
{
    const time_t secs = time_t(ms / 1000);
    struct tm tmv;
    localtime_r(&secs, &tmv);
    char buf[128];
    const size_t n = std::strftime(buf, sizeof buf, fmt, &tmv);
    return QByteArray(buf, int(n));
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0. Matches what decodeExactUtf8() accepts.
int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar c = p[0];
    if (c < 0x80)
        return 1;
    const auto cont = [&](int i) { return p + i < end && (p[i] & 0xc0) == 0x80; };
    if (c >= 0xc2 && c <= 0xdf)
        return cont(1) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0))
            return 0;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

bool isExactUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const uchar *end = p + bytes.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int n = utf8SequenceLength(p, end);
        if (n == 0)
            return false;
        p += n;
    }
    return true;
}

// A JSON string of valid UTF-8 `bytes`, escaped exactly as QJsonDocument writes it (", \,
// \b \f \n \r \t, other controls as \u00xx; everything else as is), without its QString.
void appendJsonString(QByteArray &out, const char *data, qsizetype size)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype run = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = uchar(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\f': out += 'f'; break;
        case '\n': out += 'n'; break;
        case '\r': out += 'r'; break;
        case '\t': out += 't'; break;
        default:
            out += "u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(data + run, size - run);
    out += '"';
}

} // namespace

void MessageFormatter::appendTo(QByteArray &out, const Message &m, const QStringList &filters) const
{
    if (!m_hasFormat) {
        if (m_verbose) {
            if (m.payload().isEmpty()) {
                if (m_eol)
                    out += m.topic().toUtf8() + " (null)\n";
                return;
            }
            out += m.topic().toUtf8();
            out += ' ';
        } else if (m.payload().isEmpty()) {
            return;
        }
        out += m.payload();
        if (m_eol)
            out += '\n';
        return;
    }
    if (m_format == QLatin1String("%j")) { // --json
        appendJson(out, m, filters);
        if (m_eol)
            out += '\n';
        return;
    }
    out += format(m, filters);
}

// json(m, filters, false) written into `out`, byte for byte the same.
void MessageFormatter::appendJson(QByteArray &out, const Message &m, const QStringList &filters) const
{
    const qint64 ms = m.timestamp() > 0 ? m.timestamp() : QDateTime::currentMSecsSinceEpoch();
    if (ms != m_stampMs) {
        m_stampMs = ms;
        m_stamp = utcStamp(ms);
    }
    if (filters != m_lastFilters) {
        m_lastFilters = filters;
        m_filtersJson = jsonValue(QJsonArray::fromStringList(filters));
    }
    out += "{\"tst\":\"";
    out += m_stamp;
    out += "\",\"topic\":";
    const QByteArray topic = m.topic().toUtf8();
    appendJsonString(out, topic.constData(), topic.size());
    out += ",\"qos\":";
    out += char('0' + m.qos());
    out += m.retain() ? ",\"retain\":1" : ",\"retain\":0";
    out += ",\"payloadlen\":";
    out += QByteArray::number(m.payload().size());
    if (m.qos() > 0) {
        out += ",\"mid\":";
        out += QByteArray::number(m.mid());
    }
    if (!m.properties().isEmpty()) {
        out += ",\"properties\":";
        out += propertiesJson(m.properties());
    }
    if (isExactUtf8(m.payload())) {
        out += ",\"payload\":";
        appendJsonString(out, m.payload().constData(), m.payload().size());
    } else {
        out += ",\"payload_base64\":\"";
        out += m.payload().toBase64();
        out += '"';
    }
    out += ",\"filters\":";
    out += m_filtersJson;
    out += '}';
}

QByteArray MessageFormatter::propertiesJson(const Properties &properties)
{
    // mosquitto_sub's names and shapes, so jq filters written for it work on ours.
    QJsonObject o;
    if (auto v = properties.payloadFormatIndicator())
        o.insert(QStringLiteral("payload-format-indicator"), int(*v));
    if (auto v = properties.messageExpiryInterval())
        o.insert(QStringLiteral("message-expiry-interval"), qint64(*v));
    if (auto v = properties.contentType())
        o.insert(QStringLiteral("content-type"), *v);
    if (auto v = properties.responseTopic())
        o.insert(QStringLiteral("response-topic"), *v);
    if (auto v = properties.correlationData()) {
        QString text;
        if (capture::decodeExactUtf8(*v, &text))
            o.insert(QStringLiteral("correlation-data"), text);
        else
            o.insert(QStringLiteral("correlation-data_base64"), QString::fromLatin1(v->toBase64()));
    }
    const QList<quint32> ids = properties.subscriptionIdentifiers();
    if (!ids.isEmpty()) {
        QJsonArray a;
        for (quint32 id : ids)
            a.append(qint64(id));
        o.insert(QStringLiteral("subscription-identifier"), a);
    }
    if (auto v = properties.topicAlias())
        o.insert(QStringLiteral("topic-alias"), int(*v));
    QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const QList<UserProperty> user = properties.userProperties();
    if (!user.isEmpty()) {
        // An object as mosquitto_sub writes it, written by hand because a repeated name is
        // written again (as mosquitto does), which QJsonObject cannot hold.
        QByteArray u;
        for (const UserProperty &p : user)
            u += (u.isEmpty() ? "" : ",") + jsonValue(p.first) + ':' + jsonValue(p.second);
        out.chop(1);
        out += (o.isEmpty() ? "" : ",") + QByteArray("\"user-properties\":{") + u + "}}";
    }
    return out;
}

QByteArray MessageFormatter::json(const Message &m, const QStringList &filters, bool detailed)
{
    const qint64 ms = m.timestamp() > 0 ? m.timestamp() : QDateTime::currentMSecsSinceEpoch();
    QByteArray out = "{\"tst\":\"" + utcStamp(ms) + "\"";
    out += ",\"topic\":" + jsonValue(m.topic());
    out += ",\"qos\":" + QByteArray::number(m.qos());
    out += ",\"retain\":" + QByteArray(m.retain() ? "1" : "0");
    out += ",\"payloadlen\":" + QByteArray::number(m.payload().size());
    // mosquitto_sub writes mid and properties for %j too; %J differs only in the payload.
    if (m.qos() > 0)
        out += ",\"mid\":" + QByteArray::number(m.mid());
    if (!m.properties().isEmpty())
        out += ",\"properties\":" + propertiesJson(m.properties());
    bool done = false;
    if (detailed) {
        QJsonParseError error;
        // A payload that is JSON goes in as JSON (mosquitto's %J); wrap it to accept scalars.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + m.payload() + "]", &error);
        if (!m.payload().trimmed().isEmpty() && error.error == QJsonParseError::NoError
            && doc.array().size() == 1) {
            out += ",\"payload\":" + jsonValue(doc.array().first());
            done = true;
        }
    }
    if (!done) {
        // Not JSON: mosquitto_sub prints an error instead; we keep the message, marked.
        if (detailed && !m.payload().isEmpty())
            out += ",\"payload_not_json\":true";
        QString text;
        if (capture::decodeExactUtf8(m.payload(), &text))
            out += ",\"payload\":" + jsonValue(text);
        else
            out += ",\"payload_base64\":\"" + m.payload().toBase64() + "\"";
    }
    out += ",\"filters\":" + jsonValue(QJsonArray::fromStringList(filters));
    out += "}";
    return out;
}

QString MessageFormatter::checkFormat(const QString &format)
{
    static const QByteArray codes("%ACDEFIjJlmPpqRrStUxX");
    static const QByteArray escapes("\\0aenrtv");
    const QByteArray f = format.toUtf8();
    const qsizetype len = f.size();
    const QString incomplete = QStringLiteral("incomplete format specifier at the end");
    for (qsizetype i = 0; i < len; ++i) {
        if (f[i] == '%') {
            // one flag, width digits, optional .precision, then the code
            qsizetype j = i + 1;
            if (j < len && (f[j] == '-' || f[j] == '0'))
                ++j;
            while (j < len && f[j] >= '0' && f[j] <= '9')
                ++j;
            if (j < len && f[j] == '.') {
                ++j;
                while (j < len && f[j] >= '0' && f[j] <= '9')
                    ++j;
            }
            if (j >= len)
                return incomplete;
            if (!codes.contains(f[j]))
                return QStringLiteral("invalid format specifier '%%1' at character %2")
                        .arg(QString::fromUtf8(f.mid(j, 1))).arg(i + 1);
            i = j;
        } else if (f[i] == '@') {
            if (i + 1 >= len)
                return incomplete;
            ++i;
        } else if (f[i] == '\\') {
            if (i + 1 >= len)
                return QStringLiteral("incomplete escape at the end");
            if (!escapes.contains(f[i + 1]))
                return QStringLiteral("invalid escape '\\%1' at character %2")
                        .arg(QString::fromUtf8(f.mid(i + 1, 1))).arg(i + 1);
            ++i;
        }
    }
    return {};
}

QByteArray MessageFormatter::format(const Message &m, const QStringList &filters) const
{
    const QByteArray eol = m_eol ? QByteArray("\n") : QByteArray();
    if (!m_hasFormat) {
        if (m_verbose) {
            if (m.payload().isEmpty())
                return m_eol ? m.topic().toUtf8() + " (null)\n" : QByteArray();
            return m.topic().toUtf8() + ' ' + m.payload() + eol;
        }
        if (m.payload().isEmpty())
            return QByteArray();
        return m.payload() + eol;
    }

    const qint64 ms = m.timestamp() > 0 ? m.timestamp() : QDateTime::currentMSecsSinceEpoch();
    const QByteArray f = m_format.toUtf8();
    const Properties props = m.properties();
    QByteArray out;
    const qsizetype len = f.size();
    for (qsizetype i = 0; i < len; ++i) {
        const char c = f[i];
        if (c == '%' && i + 1 < len) {
            ++i;
            Spec s;
            if (f[i] == '-') {
                s.align = '-';
                if (i + 1 < len)
                    ++i;
            }
            if (f[i] == '0') {
                s.pad = '0';
                if (i + 1 < len)
                    ++i;
            }
            while (i + 1 < len && f[i] >= '0' && f[i] <= '9') {
                s.width = s.width * 10 + (f[i] - '0');
                ++i;
            }
            if (f[i] == '.' && i + 1 < len) {
                ++i;
                s.precision = 0;
                while (i + 1 < len && f[i] >= '0' && f[i] <= '9') {
                    s.precision = s.precision * 10 + (f[i] - '0');
                    ++i;
                }
            }
            switch (f[i]) {
            case '%': out += '%'; break;
            case 't': out += padded(m.topic().toUtf8(), s, false); break;
            case 'p': out += payloadBytes(m.payload(), 0, s); break;
            case 'x': out += payloadBytes(m.payload(), 1, s); break;
            case 'X': out += payloadBytes(m.payload(), 2, s); break;
            case 'q': out += char('0' + m.qos()); break;
            case 'r': out += m.retain() ? '1' : '0'; break;
            case 'l': out += number(m.payload().size(), s); break;
            case 'm': out += number(m.mid(), s); break;
            case 'j': out += json(m, filters, false); break;
            case 'J': out += json(m, filters, true); break;
            case 'I': {
                QByteArray iso = strftimeLocal(ms, "%Y-%m-%dT%H:%M:%S%z");
                out += padded(iso, s, false);
                break;
            }
            case 'U':
                out += QByteArray::number(ms / 1000) + '.'
                        + QByteArray::number((ms % 1000) * 1000000).rightJustified(9, '0');
                break;
            case 'A':
                out += props.topicAlias() ? number(*props.topicAlias(), s) : blank(s);
                break;
            case 'C':
                out += props.contentType() ? padded(props.contentType()->toUtf8(), s, false)
                                           : QByteArray(s.width, ' ');
                break;
            case 'D':
                if (props.correlationData())
                    out += *props.correlationData();
                break;
            case 'E':
                out += props.messageExpiryInterval() ? number(*props.messageExpiryInterval(), s)
                                                     : blank(s);
                break;
            case 'F':
                out += props.payloadFormatIndicator() ? number(*props.payloadFormatIndicator(), s)
                                                      : blank(s);
                break;
            case 'P': {
                QList<QByteArray> parts;
                for (const UserProperty &u : props.userProperties())
                    parts << u.first.toUtf8() + ':' + u.second.toUtf8();
                out += parts.join(' ');
                break;
            }
            case 'R':
                if (props.responseTopic())
                    out += padded(props.responseTopic()->toUtf8(), s, false);
                break;
            case 'S':
                out += props.subscriptionIdentifier() ? number(*props.subscriptionIdentifier(), s)
                                                      : blank(s);
                break;
            default:
                break; // unknown code: mosquitto prints nothing
            }
        } else if (c == '@' && i + 1 < len) {
            ++i;
            if (f[i] == '@') {
                out += '@';
            } else if (f[i] == 'N') {
                out += QByteArray::number((ms % 1000) * 1000000).rightJustified(9, '0');
            } else {
                const char fmt[3] = {'%', f[i], 0};
                out += strftimeLocal(ms, fmt);
            }
        } else if (c == '\\' && i + 1 < len) {
            ++i;
            switch (f[i]) {
            case '\\': out += '\\'; break;
            case '0': out += '\0'; break;
            case 'a': out += '\a'; break;
            case 'e': out += '\033'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            default: break;
            }
        } else {
            out += c;
        }
    }
    return out + eol;
}

} // namespace mqtt::cli
