#pragma once

#include "connectionsettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// One subscription a profile makes on connect, with its 5.0 options.
struct ProfileSubscription
{
    QString filter;
    int qos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    int retainHandling = 0;          // 0 send retained at subscribe, 1 only if new, 2 never
    quint32 subscriptionId = 0;      // 5.0 Subscription Identifier; 0 = none
    bool operator==(const ProfileSubscription &o) const;
    bool operator!=(const ProfileSubscription &o) const { return !(*this == o); }
};

// A saved connection: everything the connection dialog edits. A value type; ProfileStore
// keeps a list of them in QSettings and exchanges them as JSON. The two secrets (password and
// key passphrase) are carried in memory only: toJson() never writes them, the system keychain
// (SecretStore) holds them when savePassword / saveKeyPassphrase say so.
class ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
public:
    enum class Transport { Mqtt, Mqtts, Ws, Wss };

    QString name;
    // Stable key of this profile's keychain entries (a rename keeps them); ProfileStore gives
    // every profile its own.
    QString id;
    QString host = QStringLiteral("localhost");
    int port = 1883;
    Transport transport = Transport::Mqtt;
    QString webSocketPath = QStringLiteral("/mqtt");
    QString clientId; // empty: generated at connect
    mqtt::ProtocolVersion protocolVersion = mqtt::ProtocolVersion::V5;
    int keepAlive = 60;
    bool cleanSession = true; // Clean Session (3.1.1) / Clean Start (5.0)
    quint32 sessionExpiry = 0; // 5.0, seconds

    QString userName;
    QByteArray password;            // secret: never in QSettings or JSON
    bool savePassword = false;      // kept in the system keychain

    // TLS (mqtts, wss). Empty caFile: the system's trust store.
    QString caFile;
    QString certFile;
    QString keyFile;
    QByteArray keyPassphrase;       // secret
    bool saveKeyPassphrase = false;
    bool insecure = false;          // verification off: explicit, shown in red

    bool willEnabled = false;
    QString willTopic;
    QByteArray willPayload;
    int willQos = 0;
    bool willRetain = false;
    // 5.0 will properties; 0 / empty = not sent.
    quint32 willDelay = 0;
    quint32 willMessageExpiry = 0;
    QString willContentType;
    QString willResponseTopic;
    bool willPayloadIsUtf8 = false;  // Payload Format Indicator 1

    // 5.0 CONNECT properties; 0 = not sent (the broker's default).
    int receiveMaximum = 0;
    quint32 maximumPacketSize = 0;
    int topicAliasMaximum = 0;
    QList<QPair<QString, QString>> userProperties;

    QList<ProfileSubscription> subscriptions{{QStringLiteral("#"), 0}, {QStringLiteral("$SYS/#"), 0}};
    bool autoReconnect = true;
    bool connectAtLaunch = false;

    bool isTls() const { return transport == Transport::Mqtts || transport == Transport::Wss; }
    bool isWebSocket() const { return transport == Transport::Ws || transport == Transport::Wss; }
    static int defaultPort(Transport transport);
    static QString transportName(Transport transport); // "mqtt", "mqtts", "ws", "wss"
    static bool transportFromName(const QString &name, Transport *transport);

    // "mqtt-inspector-" and ten random hex digits.
    static QString generateClientId();
    static QString generateId();

    // What Connection applies to mqtt::Client: every field, the 5.0 ones only when 5.0.
    ConnectionSettings toSettings() const;
    // The form a pasted URL fills: host, port, transport, credentials, the URL's topic.
    static ConnectionProfile fromSettings(const ConnectionSettings &settings);

    // Problems that keep this profile from connecting, one plain sentence each, prefixed by
    // the field ("Port: must be 1-65535"). Empty: valid.
    QStringList validate() const;

    // The JSON object of export files and QSettings entries: every field but the secrets.
    QJsonObject toJson() const;
    // Reads what toJson() wrote; nullopt with *error naming the field and what is wrong with
    // it. Unknown keys are ignored (a newer version's fields), missing ones take the defaults.
    static std::optional<ConnectionProfile> fromJson(const QJsonObject &object, QString *error);

    // Equal in every field, secrets included.
    bool operator==(const ConnectionProfile &o) const;
    bool operator!=(const ConnectionProfile &o) const { return !(*this == o); }
    // A copy with the password and key passphrase cleared: what is persisted.
    ConnectionProfile withoutSecrets() const;
};
