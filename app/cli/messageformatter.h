#pragma once

#include "message.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mqtt::cli {

// Turns a received message into the bytes mqtt-inspector-cli prints, the way mosquitto_sub
// does: the -F format with mosquitto's %-codes (width, '-' alignment, '0' padding,
// .precision), @-codes for the receive time, backslash escapes; the default output (payload,
// or "topic payload" with -v); and the JSON objects of %j / %J / --json.
//
// Times: mosquitto_sub prints local time with a literal "Z" in JSON; we print real UTC.
class MessageFormatter
{
public:
    MessageFormatter() = default;

    void setFormat(const QString &format) { m_format = format; m_hasFormat = true; }
    void setVerbose(bool verbose) { m_verbose = verbose; }
    void setEndOfLine(bool eol) { m_eol = eol; }

    // The bytes to print for one message (empty when mosquitto prints nothing, i.e. an
    // empty payload without -v). `filters` are our -t filters that match the topic.
    QByteArray format(const Message &message, const QStringList &filters = {}) const;
    // Appends what format() returns to `out`. The default output, -v and --json are written
    // straight into `out` with no temporaries: this is the CLI's per-message hot path, and
    // one buffer per read batch is what makes `sub` faster than mosquitto_sub.
    void appendTo(QByteArray &out, const Message &message, const QStringList &filters) const;
    // Whether the output shows the matching -t filters (%j, %J): callers skip matching otherwise.
    bool usesFilters() const
    {
        return m_hasFormat && (m_format.contains(QLatin1String("%j"))
                               || m_format.contains(QLatin1String("%J")));
    }

    // %j (detailed = false) and %J (detailed = true): keys in mosquitto's order
    // tst, topic, qos, retain, payloadlen, [mid], [properties], payload|payload_base64,
    // plus "filters"; mid for QoS > 0 and properties when there are any, in both. %J puts a payload that is itself JSON in as JSON, as mosquitto does;
    // any other non-empty payload is written as %j does, with "payload_not_json":true
    // (mosquitto_sub prints an error and drops the object instead).
    static QByteArray json(const Message &message, const QStringList &filters, bool detailed);
    // The "properties" object: mosquitto's keys; user properties as an object
    // {"name":"value",...}, a repeated name written again as mosquitto_sub does.
    static QByteArray propertiesJson(const Properties &properties);

    // Empty when `format` is a valid -F format, else what is wrong, in mosquitto_sub's words
    // (it refuses the same formats at startup: a lone '%', '@' or '\\', an unknown code or
    // escape), so a typo is a usage error instead of silently missing output.
    static QString checkFormat(const QString &format);

private:
    void appendJson(QByteArray &out, const Message &message, const QStringList &filters) const;

    QString m_format;
    // The last "tst" value and the last "filters" array: one read batch shares its receive
    // time, and a subscription usually matches every message with the same filters.
    mutable qint64 m_stampMs = -1;
    mutable QByteArray m_stamp;
    mutable QStringList m_lastFilters;
    mutable QByteArray m_filtersJson = "[]";
    bool m_hasFormat = false;
    bool m_verbose = false;
    bool m_eol = true;
};

} // namespace mqtt::cli
