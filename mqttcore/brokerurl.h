#pragma once

#include "transport/transportoptions.h"

#include <QString>

namespace mqtt {

// A broker address as users type it in profiles and on the CLI:
//   mqtt://[user[:password]@]host[:port][/topic]      (also tcp://)
//   mqtts://...                                       (also ssl://, tls://)
//   ws://[user[:password]@]host[:port][/path[?query]]
//   wss://...
// host may be a name, an IPv4 address or a bracketed IPv6 literal ("[::1]"). User and password
// are percent-decoded. For mqtt/mqtts the path is a topic (the CLI's -L uses it), decoded and
// without the leading '/'; for ws/wss it is the HTTP request path, default "/mqtt", kept as
// typed because it goes on the wire as is.
class BrokerUrl
{
public:
    enum class Scheme { Mqtt, Mqtts, Ws, Wss };

    BrokerUrl() = default;
    // Never throws: check isValid(), errorString() says what is wrong and where.
    static BrokerUrl parse(const QString &text);
    static quint16 defaultPort(Scheme scheme);

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    Scheme scheme() const { return m_scheme; }
    QString schemeName() const;   // canonical: "mqtt", "mqtts", "ws", "wss"
    bool isTls() const { return m_scheme == Scheme::Mqtts || m_scheme == Scheme::Wss; }
    bool isWebSocket() const { return m_scheme == Scheme::Ws || m_scheme == Scheme::Wss; }

    QString host() const { return m_host; }   // IPv6 without brackets
    quint16 port() const { return m_port; }
    bool hasExplicitPort() const { return m_explicitPort; }
    QString userName() const { return m_userName; }
    bool hasUserName() const { return m_hasUserName; }
    QString password() const { return m_password; }
    bool hasPassword() const { return m_hasPassword; }
    QString path() const { return m_path; }      // ws/wss: HTTP path; mqtt/mqtts: empty or "/topic" as typed
    QString topic() const { return m_topic; }    // mqtt/mqtts only: decoded path without the '/'

    // TLS and WebSocket switches and the WebSocket path; CA files etc. come from elsewhere.
    TransportOptions transportOptions() const;
    // The URL for display and logs; the password is left out unless asked for.
    QString toString(bool withPassword = false) const;

private:
    bool fail(const QString &text, const QString &why);

    bool m_valid = false;
    QString m_error = QStringLiteral("empty URL");
    Scheme m_scheme = Scheme::Mqtt;
    QString m_host;
    quint16 m_port = 0;
    bool m_explicitPort = false;
    QString m_userName;
    QString m_password;
    bool m_hasUserName = false;
    bool m_hasPassword = false;
    QString m_path;
    QString m_topic;
};

} // namespace mqtt
