#include "brokerurl.h"

#include <QHostAddress>
#include <QUrl>

namespace mqtt {

namespace {

int hexValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

// Strict percent-decoding: "%" must be followed by two hex digits. The decoded bytes are UTF-8.
bool percentDecode(const QString &in, QString *out)
{
    QByteArray bytes;
    const QByteArray utf8 = in.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) != '%') {
            bytes.append(utf8.at(i));
            continue;
        }
        if (i + 2 >= utf8.size())
            return false;
        const int high = hexValue(QLatin1Char(utf8.at(i + 1)));
        const int low = hexValue(QLatin1Char(utf8.at(i + 2)));
        if (high < 0 || low < 0)
            return false;
        bytes.append(char(high * 16 + low));
        i += 2;
    }
    *out = QString::fromUtf8(bytes);
    return true;
}

bool isHostNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.')
           || c == QLatin1Char('_');
}

} // namespace

quint16 BrokerUrl::defaultPort(Scheme scheme)
{
    switch (scheme) {
    case Scheme::Mqtt:
        return 1883;
    case Scheme::Mqtts:
        return 8883;
    case Scheme::Ws:
        return 80;
    case Scheme::Wss:
        return 443;
    }
    return 0;
}

QString BrokerUrl::schemeName() const
{
    switch (m_scheme) {
    case Scheme::Mqtt:
        return QStringLiteral("mqtt");
    case Scheme::Mqtts:
        return QStringLiteral("mqtts");
    case Scheme::Ws:
        return QStringLiteral("ws");
    case Scheme::Wss:
        return QStringLiteral("wss");
    }
    return {};
}

bool BrokerUrl::fail(const QString &text, const QString &why)
{
    m_valid = false;
    m_error = text.isEmpty() ? why : QStringLiteral("invalid broker URL \"%1\": %2").arg(text, why);
    return false;
}

BrokerUrl BrokerUrl::parse(const QString &input)
{
    BrokerUrl url;
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        url.fail(QString(), QStringLiteral("empty broker URL"));
        return url;
    }
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            url.fail(text, QStringLiteral("contains white space or a control character; "
                                          "percent-encode it"));
            return url;
        }
    }

    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0) {
        url.fail(text, QStringLiteral("no scheme; expected mqtt://, mqtts://, ws:// or wss://"));
        return url;
    }
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme == QLatin1String("mqtt") || scheme == QLatin1String("tcp")) {
        url.m_scheme = Scheme::Mqtt;
    } else if (scheme == QLatin1String("mqtts") || scheme == QLatin1String("ssl")
               || scheme == QLatin1String("tls")) {
        url.m_scheme = Scheme::Mqtts;
    } else if (scheme == QLatin1String("ws")) {
        url.m_scheme = Scheme::Ws;
    } else if (scheme == QLatin1String("wss")) {
        url.m_scheme = Scheme::Wss;
    } else {
        url.fail(text, QStringLiteral("unknown scheme \"%1\"; expected mqtt, mqtts, ws or wss")
                           .arg(text.left(schemeEnd)));
        return url;
    }

    const QString rest = text.mid(schemeEnd + 3);
    qsizetype authorityEnd = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        // mqtt topics may contain '#' and '?', so only '/' ends the authority there.
        if (c == QLatin1Char('/') || (url.isWebSocket() && (c == QLatin1Char('?') || c == QLatin1Char('#')))) {
            authorityEnd = i;
            break;
        }
    }
    QString authority = rest.left(authorityEnd);
    const QString path = rest.mid(authorityEnd);

    // The last '@' ends the user info: an unencoded '@' in a password still parses.
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        const QString user = colon < 0 ? userInfo : userInfo.left(colon);
        if (!percentDecode(user, &url.m_userName)) {
            url.fail(text, QStringLiteral("bad percent-encoding in the user name"));
            return url;
        }
        url.m_hasUserName = true;
        if (colon >= 0) {
            if (!percentDecode(userInfo.mid(colon + 1), &url.m_password)) {
                url.fail(text, QStringLiteral("bad percent-encoding in the password"));
                return url;
            }
            url.m_hasPassword = true;
        }
    }

    QString portText;
    bool hasPort = false;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0) {
            url.fail(text, QStringLiteral("IPv6 address without a closing ']'"));
            return url;
        }
        url.m_host = authority.mid(1, close - 1);
        const QHostAddress address(url.m_host);
        if (address.protocol() != QAbstractSocket::IPv6Protocol) {
            url.fail(text, QStringLiteral("\"%1\" is not an IPv6 address").arg(url.m_host));
            return url;
        }
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                url.fail(text, QStringLiteral("unexpected \"%1\" after the IPv6 address").arg(after));
                return url;
            }
            hasPort = true;
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        if (colon >= 0 && authority.indexOf(QLatin1Char(':'), colon + 1) >= 0) {
            url.fail(text, QStringLiteral("an IPv6 address must be in brackets, e.g. [::1]:1883"));
            return url;
        }
        url.m_host = colon < 0 ? authority : authority.left(colon);
        if (colon >= 0) {
            hasPort = true;
            portText = authority.mid(colon + 1);
        }
        for (const QChar c : std::as_const(url.m_host)) {
            if (!isHostNameChar(c)) {
                url.fail(text, QStringLiteral("invalid character '%1' in host \"%2\"")
                                   .arg(c).arg(url.m_host));
                return url;
            }
        }
    }
    if (url.m_host.isEmpty()) {
        url.fail(text, QStringLiteral("no host"));
        return url;
    }

    url.m_port = defaultPort(url.m_scheme);
    if (hasPort) {
        if (portText.isEmpty()) {
            url.fail(text, QStringLiteral("empty port after ':'"));
            return url;
        }
        bool numeric = true;
        for (const QChar c : std::as_const(portText))
            numeric = numeric && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!numeric) {
            url.fail(text, QStringLiteral("port \"%1\" is not a number").arg(portText));
            return url;
        }
        const qlonglong port = portText.size() > 6 ? 100000 : portText.toLongLong();
        if (port < 1 || port > 65535) {
            url.fail(text, QStringLiteral("port %1 is out of range 1-65535").arg(portText));
            return url;
        }
        url.m_port = quint16(port);
        url.m_explicitPort = true;
    }

    if (url.isWebSocket()) {
        url.m_path = path.isEmpty() ? QStringLiteral("/mqtt") : path;
        if (!url.m_path.startsWith(QLatin1Char('/')))
            url.m_path.prepend(QLatin1Char('/'));
        const qsizetype fragment = url.m_path.indexOf(QLatin1Char('#'));
        if (fragment >= 0)
            url.m_path.truncate(fragment);   // never sent in an HTTP request
        for (const QChar c : std::as_const(url.m_path)) {
            if (c.unicode() > 0x7e) {
                url.fail(text, QStringLiteral("non-ASCII character '%1' in the path; "
                                              "percent-encode it").arg(c));
                return url;
            }
        }
    } else {
        url.m_path = path;
        if (!path.isEmpty() && !percentDecode(path.mid(1), &url.m_topic)) {
            url.fail(text, QStringLiteral("bad percent-encoding in the topic"));
            return url;
        }
    }

    url.m_valid = true;
    url.m_error.clear();
    return url;
}

TransportOptions BrokerUrl::transportOptions() const
{
    TransportOptions options;
    options.tls.enabled = isTls();
    options.webSocket.enabled = isWebSocket();
    if (isWebSocket())
        options.webSocket.path = m_path;
    return options;
}

QString BrokerUrl::toString(bool withPassword) const
{
    if (!m_valid)
        return {};
    QString out = schemeName() + QLatin1String("://");
    if (m_hasUserName) {
        out += QString::fromLatin1(QUrl::toPercentEncoding(m_userName));
        if (m_hasPassword && withPassword)
            out += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(m_password));
        out += QLatin1Char('@');
    }
    out += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    out += QLatin1Char(':') + QString::number(m_port);
    out += m_path;
    return out;
}

} // namespace mqtt
