#include "topicfilter.h"

#include "topic.h"

TopicFilter::TopicFilter(Mode mode, const QString &pattern, bool matchPayloads)
    : m_mode(mode), m_pattern(pattern), m_matchPayloads(matchPayloads)
{
    if (pattern.isEmpty())
        return;
    switch (mode) {
    case Mode::Substring:
        break;
    case Mode::Wildcard:
        m_error = mqtt::validateTopicFilter(pattern);
        break;
    case Mode::RegularExpression:
        m_regex = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption
                                                      | QRegularExpression::DontCaptureOption);
        if (!m_regex.isValid()) {
            m_error = QStringLiteral("%1 at offset %2")
                              .arg(m_regex.errorString())
                              .arg(m_regex.patternErrorOffset());
        } else {
            m_regex.optimize();
        }
        break;
    }
}

bool TopicFilter::matches(const QString &topic, const QByteArray &payload) const
{
    if (m_pattern.isEmpty())
        return true;
    if (!m_error.isEmpty())
        return false;
    switch (m_mode) {
    case Mode::Substring:
        if (topic.contains(m_pattern, Qt::CaseInsensitive))
            return true;
        return m_matchPayloads && !payload.isEmpty()
                && QString::fromUtf8(payload).contains(m_pattern, Qt::CaseInsensitive);
    case Mode::Wildcard:
        // A wildcard filter is about topics only; payloads do not take part.
        return mqtt::topicMatchesSub(m_pattern, topic);
    case Mode::RegularExpression:
        if (m_regex.match(topic).hasMatch())
            return true;
        return m_matchPayloads && !payload.isEmpty()
                && m_regex.match(QString::fromUtf8(payload)).hasMatch();
    }
    return false;
}
