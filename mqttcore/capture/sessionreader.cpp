#include "capture/sessionreader.h"

#include "topic.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <cmath>

namespace mqtt {

namespace {

// Reads fields of one JSON object, remembering the first problem as (field, message).
class Fields
{
public:
    Fields(const QJsonObject &object, const QString &prefix = QString())
        : m_object(object), m_prefix(prefix)
    {
    }

    bool failed() const { return !m_message.isEmpty(); }
    QString field() const { return m_field; }
    QString message() const { return m_message; }

    bool has(const QString &key) const { return m_object.contains(key); }

    QString string(const QString &key, bool required = true)
    {
        m_seen.insert(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is missing"));
            return QString();
        }
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string"));
            return QString();
        }
        return v.toString();
    }

    qint64 integer(const QString &key, qint64 min, qint64 max, bool required, qint64 absent)
    {
        m_seen.insert(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is missing"));
            return absent;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
            return absent;
        }
        return qint64(d);
    }

    bool boolean(const QString &key, bool required)
    {
        m_seen.insert(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is missing"));
            return false;
        }
        if (!v.isBool()) {
            fail(key, QStringLiteral("must be true or false"));
            return false;
        }
        return v.toBool();
    }

    QJsonValue value(const QString &key)
    {
        m_seen.insert(key);
        return m_object.value(key);
    }

    // Text under `key`, or base64 under `key_base64`: exactly one of the two.
    QByteArray bytes(const QString &key, bool required)
    {
        const QString b64Key = key + QStringLiteral("_base64");
        m_seen.insert(key);
        m_seen.insert(b64Key);
        const bool text = m_object.contains(key);
        const bool b64 = m_object.contains(b64Key);
        if (text && b64) {
            fail(b64Key, QStringLiteral("must not appear together with \"%1\"").arg(key));
            return {};
        }
        if (!text && !b64) {
            if (required)
                fail(key, QStringLiteral("is missing (or \"%1\")").arg(b64Key));
            return {};
        }
        const QJsonValue v = m_object.value(text ? key : b64Key);
        if (!v.isString()) {
            fail(text ? key : b64Key, QStringLiteral("must be a string"));
            return {};
        }
        if (text) {
            QByteArray utf8 = v.toString().toUtf8();
            if (utf8.isNull())
                utf8 = QByteArray(""); // present but empty, not absent
            return utf8;
        }
        const auto decoded = QByteArray::fromBase64Encoding(
                v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fail(b64Key, QStringLiteral("is not valid base64"));
            return {};
        }
        return decoded.decoded.isNull() ? QByteArray("") : decoded.decoded;
    }

    // Any key not read so far is unknown: the format is strict so typos do not pass silently.
    void rejectUnknown()
    {
        if (failed())
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_seen.contains(it.key())) {
                fail(it.key(), QStringLiteral("is not a known field"));
                return;
            }
        }
    }

    void fail(const QString &key, const QString &message)
    {
        if (failed())
            return;
        m_field = m_prefix + key;
        m_message = message;
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QSet<QString> m_seen;
    QString m_field;
    QString m_message;
};

void readProperties(const QJsonObject &object, SessionProperties *p, Fields *outer)
{
    Fields f(object, QStringLiteral("properties."));
    if (f.has(QStringLiteral("payload-format-indicator")))
        p->payloadFormatIndicator =
                int(f.integer(QStringLiteral("payload-format-indicator"), 0, 1, true, -1));
    if (f.has(QStringLiteral("message-expiry-interval")))
        p->messageExpiryInterval = f.integer(QStringLiteral("message-expiry-interval"), 0,
                                             0xFFFFFFFFLL, true, -1);
    if (f.has(QStringLiteral("content-type")))
        p->contentType = f.string(QStringLiteral("content-type"));
    if (f.has(QStringLiteral("response-topic"))) {
        p->responseTopic = f.string(QStringLiteral("response-topic"));
        const QString problem = validateTopicName(p->responseTopic);
        if (!f.failed() && !problem.isEmpty())
            f.fail(QStringLiteral("response-topic"), problem);
    }
    p->correlationData = f.bytes(QStringLiteral("correlation-data"), false);
    if (f.has(QStringLiteral("topic-alias")))
        p->topicAlias = int(f.integer(QStringLiteral("topic-alias"), 1, 65535, true, 0));
    const QJsonValue ids = f.value(QStringLiteral("subscription-identifier"));
    if (!ids.isUndefined()) {
        if (!ids.isArray()) {
            f.fail(QStringLiteral("subscription-identifier"),
                   QStringLiteral("must be an array of integers"));
        } else {
            for (const QJsonValue &id : ids.toArray()) {
                const double d = id.toDouble();
                if (!id.isDouble() || std::floor(d) != d || d < 1 || d > 268435455) {
                    f.fail(QStringLiteral("subscription-identifier"),
                           QStringLiteral("must hold integers from 1 to 268435455"));
                    break;
                }
                p->subscriptionIdentifiers.append(quint32(d));
            }
        }
    }
    const QJsonValue user = f.value(QStringLiteral("user-properties"));
    if (!user.isUndefined()) {
        const QString shape = QStringLiteral("must be an array of [name, value] string pairs");
        if (!user.isArray()) {
            f.fail(QStringLiteral("user-properties"), shape);
        } else {
            for (const QJsonValue &pair : user.toArray()) {
                const QJsonArray a = pair.toArray();
                if (!pair.isArray() || a.size() != 2 || !a[0].isString() || !a[1].isString()) {
                    f.fail(QStringLiteral("user-properties"), shape);
                    break;
                }
                p->userProperties.append({a[0].toString(), a[1].toString()});
            }
        }
    }
    f.rejectUnknown();
    if (f.failed())
        outer->fail(f.field(), f.message());
}

} // namespace

SessionReader::SessionReader() = default;

bool SessionReader::setError(const QString &field, const QString &message)
{
    m_errorLine = m_line;
    m_errorField = field;
    if (field.isEmpty())
        m_error = QStringLiteral("%1:%2: %3").arg(m_displayName).arg(m_line).arg(message);
    else
        m_error = QStringLiteral("%1:%2: field \"%3\" %4")
                          .arg(m_displayName).arg(m_line).arg(field, message);
    return false;
}

bool SessionReader::skipBadLine()
{
    if (!hasError() || m_readError || m_errorLine <= 1 || !m_file.isOpen())
        return false;
    m_error.clear();
    m_errorField.clear();
    m_errorLine = 0;
    return true;
}

void SessionReader::close()
{
    m_file.close();
}

SessionReader::LineResult SessionReader::nextLine(QByteArray *line)
{
    if (m_file.atEnd())
        return LineResult::End;
    *line = m_file.readLine();
    ++m_line;
    if (line->isEmpty() && !m_file.atEnd()) {
        m_readError = true;
        setError(QString(), QStringLiteral("read error: %1").arg(m_file.errorString()));
        return LineResult::Error;
    }
    return LineResult::Ok;
}

bool SessionReader::open(const QString &path)
{
    close();
    m_header = SessionHeader();
    m_error.clear();
    m_errorField.clear();
    m_warning.clear();
    m_errorLine = 0;
    m_line = 0;
    m_truncated = false;
    m_readError = false;
    m_displayName = QFileInfo(path).fileName();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("Cannot open session file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    QByteArray line;
    const LineResult r = nextLine(&line);
    if (r == LineResult::Error)
        return false;
    if (r == LineResult::End) {
        m_line = 1;
        return setError(QString(), QStringLiteral("the file is empty; expected the header line"));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        return setError(QString(),
                        QStringLiteral("the header line is not a JSON object (%1 at column %2); "
                                       "is this a session file?")
                                .arg(parseError.errorString()).arg(parseError.offset + 1));
    }
    Fields f(doc.object());
    const QString format = f.string(QStringLiteral("format"));
    if (!f.failed() && format != QLatin1String(SessionHeader::formatName))
        f.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\" (got \"%2\")")
                       .arg(QLatin1String(SessionHeader::formatName), format));
    m_header.version = int(f.integer(QStringLiteral("version"), 1, 1000000, true, 0));
    if (!f.failed() && m_header.version > SessionHeader::currentVersion)
        f.fail(QStringLiteral("version"),
               QStringLiteral("is %1, newer than this reader supports (%2)")
                       .arg(m_header.version).arg(SessionHeader::currentVersion));
    m_header.broker = f.string(QStringLiteral("broker"));
    const QString start = f.string(QStringLiteral("start"));
    qint64 startMs = 0;
    if (!f.failed() && !capture::parseTimestamp(start, &startMs))
        f.fail(QStringLiteral("start"),
               QStringLiteral("must be a UTC time like 2024-05-01T12:00:00.000Z (got \"%1\")")
                       .arg(start));
    m_header.startTime = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    m_header.clientId = f.string(QStringLiteral("client_id"), false);
    m_header.protocol = f.string(QStringLiteral("protocol"), false);
    if (!f.failed() && !m_header.protocol.isNull() && m_header.protocol != u"mqttv311"
        && m_header.protocol != u"mqttv5" && m_header.protocol != u"mqttv31")
        f.fail(QStringLiteral("protocol"),
               QStringLiteral("must be \"mqttv31\", \"mqttv311\" or \"mqttv5\""));
    m_header.tool = f.string(QStringLiteral("tool"), false);
    f.rejectUnknown();
    if (f.failed())
        return setError(f.field(), f.message());
    return true;
}

bool SessionReader::readNext(SessionEvent *event)
{
    if (!m_file.isOpen() || hasError() || m_truncated)
        return false;
    QByteArray line;
    const LineResult r = nextLine(&line);
    if (r != LineResult::Ok)
        return false;
    const bool complete = line.endsWith('\n');
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        if (!complete && m_file.atEnd()) {
            m_truncated = true;
            m_warning = QStringLiteral("%1:%2: the last line is incomplete (the recording was "
                                       "probably interrupted); it was skipped")
                                .arg(m_displayName).arg(m_line);
            return false;
        }
        if (line.trimmed().isEmpty())
            return setError(QString(), QStringLiteral("empty line; expected an event"));
        if (parseError.error == QJsonParseError::NoError)
            return setError(QString(), QStringLiteral("expected a JSON object"));
        return setError(QString(), QStringLiteral("not valid JSON: %1 at column %2")
                                           .arg(parseError.errorString())
                                           .arg(parseError.offset + 1));
    }

    SessionEvent e;
    Fields f(doc.object());
    const QString time = f.string(QStringLiteral("time"));
    if (!f.failed() && !capture::parseTimestamp(time, &e.timestamp))
        f.fail(QStringLiteral("time"),
               QStringLiteral("must be a UTC time like 2024-05-01T12:00:00.000Z (got \"%1\")")
                       .arg(time));
    const QString type = f.string(QStringLiteral("type"));
    if (f.failed())
        return setError(f.field(), f.message());

    if (type == u"received" || type == u"sent") {
        e.type = type == u"received" ? SessionEvent::Type::Received : SessionEvent::Type::Sent;
        e.topic = f.string(QStringLiteral("topic"));
        if (!f.failed()) {
            const QString problem = validateTopicName(e.topic);
            if (!problem.isEmpty())
                f.fail(QStringLiteral("topic"), problem);
        }
        e.qos = int(f.integer(QStringLiteral("qos"), 0, 2, true, 0));
        e.retain = f.boolean(QStringLiteral("retain"), true);
        e.dup = f.boolean(QStringLiteral("dup"), false);
        e.mid = int(f.integer(QStringLiteral("mid"), 1, 65535, false, 0));
        e.payload = f.bytes(QStringLiteral("payload"), true);
        const QJsonValue props = f.value(QStringLiteral("properties"));
        if (!props.isUndefined()) {
            if (!props.isObject())
                f.fail(QStringLiteral("properties"), QStringLiteral("must be an object"));
            else
                readProperties(props.toObject(), &e.properties, &f);
        }
    } else if (type == u"log") {
        e.type = SessionEvent::Type::Log;
        const QString level = f.string(QStringLiteral("level"));
        if (!f.failed() && !capture::logLevelFromName(level, &e.level))
            f.fail(QStringLiteral("level"),
                   QStringLiteral("must be info, notice, warning, error or debug (got \"%1\")")
                           .arg(level));
        e.text = f.string(QStringLiteral("text"));
    } else if (type == u"connection") {
        e.type = SessionEvent::Type::Connection;
        e.connectionEvent = f.string(QStringLiteral("event"));
        const QStringList names = SessionEvent::connectionEventNames();
        if (!f.failed() && !names.contains(e.connectionEvent))
            f.fail(QStringLiteral("event"), QStringLiteral("must be one of %1 (got \"%2\")")
                           .arg(names.join(QStringLiteral(", ")), e.connectionEvent));
        e.code = int(f.integer(QStringLiteral("code"), 0, 65535, false, -1));
        e.text = f.string(QStringLiteral("text"), false);
        if (e.text.isNull())
            e.text = QString();
    } else {
        f.fail(QStringLiteral("type"),
               QStringLiteral("must be received, sent, log or connection (got \"%1\")").arg(type));
    }
    f.rejectUnknown();
    if (f.failed())
        return setError(f.field(), f.message());
    *event = e;
    return true;
}

bool SessionReader::readAll(const QString &path, SessionHeader *header,
                            QList<SessionEvent> *events, QString *error, QString *warning)
{
    SessionReader reader;
    if (!reader.open(path)) {
        if (error)
            *error = reader.errorString();
        return false;
    }
    if (header)
        *header = reader.header();
    SessionEvent e;
    while (reader.readNext(&e)) {
        if (events)
            events->append(e);
    }
    if (warning)
        *warning = reader.warningString();
    if (reader.hasError()) {
        if (error)
            *error = reader.errorString();
        return false;
    }
    return true;
}

} // namespace mqtt
