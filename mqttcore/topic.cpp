#include "topic.h"

namespace mqtt {

namespace {

constexpr qsizetype kMaxUtf8Bytes = 65535;
constexpr QStringView kSharePrefix = u"$share/";

enum class Problem {
    None,
    Empty,
    NullChar,
    BadUtf16,
    TooLong,
    WildcardInName,
    PlusNotWholeLevel,
    HashNotLast,
    ShareNameEmpty,
    ShareNameChars,
    ShareNoFilter,
};

struct Check
{
    Problem problem = Problem::None;
    qsizetype position = -1; // index of the offending character, when there is one
};

// Encoding-level rules shared by names and filters: U+0000, lone surrogates, byte length.
Check checkCharacters(QStringView s)
{
    if (s.isEmpty())
        return {Problem::Empty, -1};
    qsizetype bytes = 0;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            if (c == 0)
                return {Problem::NullChar, i};
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(s[i + 1].unicode()))
                return {Problem::BadUtf16, i};
            bytes += 4;
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return {Problem::BadUtf16, i};
        } else {
            bytes += 3;
        }
    }
    if (bytes > kMaxUtf8Bytes)
        return {Problem::TooLong, -1};
    return {};
}

Check checkWildcards(QStringView filter, qsizetype offset)
{
    const qsizetype n = filter.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = filter[i];
        if (c == u'+') {
            const bool startsLevel = i == 0 || filter[i - 1] == u'/';
            const bool endsLevel = i + 1 == n || filter[i + 1] == u'/';
            if (!startsLevel || !endsLevel)
                return {Problem::PlusNotWholeLevel, offset + i};
        } else if (c == u'#') {
            const bool startsLevel = i == 0 || filter[i - 1] == u'/';
            if (!startsLevel || i + 1 != n)
                return {Problem::HashNotLast, offset + i};
        }
    }
    return {};
}

Check checkName(QStringView topic)
{
    Check c = checkCharacters(topic);
    if (c.problem != Problem::None)
        return c;
    for (qsizetype i = 0; i < topic.size(); ++i) {
        if (topic[i] == u'+' || topic[i] == u'#')
            return {Problem::WildcardInName, i};
    }
    return {};
}

// For a filter starting with "$share/": the share name and the filter after it.
Check splitShare(QStringView filter, QStringView *shareName, QStringView *inner)
{
    const qsizetype nameStart = kSharePrefix.size();
    const qsizetype slash = filter.indexOf(u'/', nameStart);
    const qsizetype nameEnd = slash < 0 ? filter.size() : slash;
    const QStringView name = filter.mid(nameStart, nameEnd - nameStart);
    if (name.isEmpty())
        return {Problem::ShareNameEmpty, nameStart};
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] == u'+' || name[i] == u'#')
            return {Problem::ShareNameChars, nameStart + i};
    }
    if (slash < 0 || slash + 1 >= filter.size())
        return {Problem::ShareNoFilter, filter.size()};
    if (shareName)
        *shareName = name;
    if (inner)
        *inner = filter.mid(slash + 1);
    return {};
}

Check checkFilter(QStringView filter)
{
    Check c = checkCharacters(filter);
    if (c.problem != Problem::None)
        return c;
    if (filter.startsWith(kSharePrefix)) {
        QStringView inner;
        c = splitShare(filter, nullptr, &inner);
        if (c.problem != Problem::None)
            return c;
        return checkWildcards(inner, filter.size() - inner.size());
    }
    return checkWildcards(filter, 0);
}

QString describe(const char *what, QStringView input, const Check &c)
{
    QString text;
    switch (c.problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return QStringLiteral("%1 must be at least one character long [MQTT-4.7.3-1]")
                .arg(QLatin1String(what));
    case Problem::NullChar:
        text = QStringLiteral("must not contain U+0000 [MQTT-4.7.3-2]");
        break;
    case Problem::BadUtf16:
        text = QStringLiteral("contains an unpaired surrogate, so it is not well-formed UTF-8 "
                              "[MQTT-1.5.3-1 (3.1.1) / MQTT-1.5.4-1 (5.0)]");
        break;
    case Problem::TooLong:
        text = QStringLiteral("is longer than 65535 bytes of UTF-8 [MQTT-4.7.3-3]");
        break;
    case Problem::WildcardInName:
        text = QStringLiteral("must not contain the wildcards '+' or '#' "
                              "[MQTT-4.7.1-1 (3.1.1) / MQTT-4.7.0-1 (5.0)]");
        break;
    case Problem::PlusNotWholeLevel:
        text = QStringLiteral("'+' must occupy an entire level "
                              "[MQTT-4.7.1-3 (3.1.1) / MQTT-4.7.1-2 (5.0)]");
        break;
    case Problem::HashNotLast:
        text = QStringLiteral("'#' must occupy an entire level and be the last one "
                              "[MQTT-4.7.1-2 (3.1.1) / MQTT-4.7.1-1 (5.0)]");
        break;
    case Problem::ShareNameEmpty:
        text = QStringLiteral("the share name after \"$share/\" must be at least one character "
                              "long [MQTT-4.8.2-1]");
        break;
    case Problem::ShareNameChars:
        text = QStringLiteral("the share name must not contain '/', '+' or '#' [MQTT-4.8.2-2]");
        break;
    case Problem::ShareNoFilter:
        text = QStringLiteral("the share name must be followed by '/' and a topic filter "
                              "[MQTT-4.8.2-2]");
        break;
    }
    // Quote at most 80 characters of the input: a 64 KiB filter would drown the message.
    QString quoted = input.left(80).toString();
    quoted.replace(QChar(0), QStringLiteral("\\0"));
    if (input.size() > 80)
        quoted += QStringLiteral("...");
    QString where;
    if (c.position >= 0)
        where = QStringLiteral(" (at character %1)").arg(c.position + 1);
    return QStringLiteral("%1 \"%2\"%3: %4").arg(QLatin1String(what), quoted, where, text);
}

// Level-by-level comparison of a valid filter with a valid topic, without allocating.
bool matchValid(QStringView filter, QStringView topic)
{
    if (topic.startsWith(u'$') && (filter.startsWith(u'+') || filter.startsWith(u'#')))
        return false; // [MQTT-4.7.2-1]
    qsizetype fi = 0;
    qsizetype ti = 0;
    const qsizetype fn = filter.size();
    const qsizetype tn = topic.size();
    for (;;) {
        qsizetype fe = filter.indexOf(u'/', fi);
        if (fe < 0)
            fe = fn;
        const QStringView flevel = filter.mid(fi, fe - fi);
        if (flevel == u"#")
            return true; // matches the parent level and everything below
        if (ti > tn)
            return false; // the topic has no level left for this filter level
        qsizetype te = topic.indexOf(u'/', ti);
        if (te < 0)
            te = tn;
        if (flevel != u"+" && flevel != topic.mid(ti, te - ti))
            return false;
        const bool filterDone = fe == fn;
        const bool topicDone = te == tn;
        if (filterDone)
            return topicDone;
        fi = fe + 1;
        ti = te + 1; // tn + 1 when the topic is exhausted
    }
}

} // namespace

QString validateTopicName(QStringView topic)
{
    return describe("Topic name", topic, checkName(topic));
}

QString validateTopicFilter(QStringView filter)
{
    return describe("Topic filter", filter, checkFilter(filter));
}

bool isValidTopicName(QStringView topic)
{
    return checkName(topic).problem == Problem::None;
}

bool isValidTopicFilter(QStringView filter)
{
    return checkFilter(filter).problem == Problem::None;
}

bool topicMatchesSub(QStringView filter, QStringView topic)
{
    if (!isValidTopicFilter(filter) || !isValidTopicName(topic))
        return false;
    return matchValid(filter, topic);
}

bool isSharedSubscription(QStringView filter)
{
    return filter.startsWith(kSharePrefix);
}

QString parseSharedSubscription(QStringView filter, QStringView *shareName,
                                QStringView *innerFilter)
{
    if (!isSharedSubscription(filter))
        return QStringLiteral("\"%1\" is not a shared subscription (no \"$share/\" prefix)")
                .arg(filter.left(80));
    Check c = checkCharacters(filter);
    QStringView name;
    QStringView inner;
    if (c.problem == Problem::None)
        c = splitShare(filter, &name, &inner);
    if (c.problem == Problem::None)
        c = checkWildcards(inner, filter.size() - inner.size());
    if (c.problem != Problem::None)
        return describe("Shared subscription", filter, c);
    if (shareName)
        *shareName = name;
    if (innerFilter)
        *innerFilter = inner;
    return {};
}

QStringView routingFilter(QStringView filter)
{
    if (!isSharedSubscription(filter))
        return filter;
    QStringView inner;
    if (checkFilter(filter).problem != Problem::None
        || splitShare(filter, nullptr, &inner).problem != Problem::None)
        return filter;
    return inner;
}

} // namespace mqtt
