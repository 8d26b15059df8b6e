#pragma once

#include "codec/packet.h"
#include "codec/properties.h"
#include "codec/protocol.h"
#include "transport/transportoptions.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mqtt {
class BrokerUrl;
}

// What one connection tab connects to and subscribes to: what Connection applies to its
// mqtt::Client. A saved ConnectionProfile converts into this (ConnectionProfile::toSettings).
struct ConnectionSettings
{
    QString name;          // tab title; host:port when empty
    QString host = QStringLiteral("localhost");
    quint16 port = 1883;
    QString clientId;      // empty: generated
    mqtt::ProtocolVersion protocolVersion = mqtt::ProtocolVersion::V5;
    int keepAlive = 60;
    bool cleanSession = true; // Clean Session (3.1.1) / Clean Start (5.0)
    QString userName;
    std::optional<QByteArray> password;
    mqtt::TransportOptions transport;
    // Sent in CONNECT when willTopic is not empty; willProperties only over 5.0.
    QString willTopic;
    QByteArray willPayload;
    int willQos = 0;
    bool willRetain = false;
    mqtt::Properties willProperties;
    // 5.0 CONNECT properties (Session Expiry, Receive Maximum, ...); ignored for 3.1.1.
    mqtt::Properties connectProperties;
    // Subscribed on connect (and again when the broker did not resume the session).
    QList<mqtt::Subscription> subscriptions{{QStringLiteral("#"), 0}, {QStringLiteral("$SYS/#"), 0}};
    // 5.0 Subscription Identifier per filter (a SUBSCRIBE carries one, so filters with
    // different identifiers go in separate SUBSCRIBEs). Absent or 0: none.
    QHash<QString, quint32> subscriptionIdentifiers;
    bool autoReconnect = true;

    // Host, port, transport and credentials of a broker URL as the CLI takes it; a topic in
    // an mqtt:// URL becomes the only subscription.
    static ConnectionSettings fromUrl(const mqtt::BrokerUrl &url);

    // "mqtt://host:port" style, for titles and the status bar.
    QString displayUrl() const;
    QString displayName() const { return name.isEmpty() ? displayUrl() : name; }
};
