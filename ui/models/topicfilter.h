#pragma once

#include <QRegularExpression>
#include <QString>

namespace mqtt {
class Message;
}

// What the topic tree's filter box means: a substring (case-insensitive), an MQTT filter with
// wildcards ("sensors/+/temp", validated as a subscription filter), or a regular expression;
// over the topic only, or over the topic and the last payload. Value type; matches() is
// thread-safe and cheap (no allocation for topic-only substring and wildcard filters).
class TopicFilter
{
public:
    enum class Mode { Substring, Wildcard, RegularExpression };

    TopicFilter() = default;
    TopicFilter(Mode mode, const QString &pattern, bool matchPayloads = false);

    Mode mode() const { return m_mode; }
    QString pattern() const { return m_pattern; }
    bool matchPayloads() const { return m_matchPayloads; }
    bool isEmpty() const { return m_pattern.isEmpty(); }
    // False with errorString() for a bad regular expression or wildcard filter.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    bool matches(const QString &topic, const QByteArray &payload) const;

private:
    Mode m_mode = Mode::Substring;
    QString m_pattern;
    bool m_matchPayloads = false;
    QRegularExpression m_regex;
    QString m_error;
};
