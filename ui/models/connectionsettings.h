#pragma once

#include "codec/packet.h"
#include "codec/protocol.h"
#include "transport/transportoptions.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqtt {
class BrokerUrl;
}

// What one connection tab connects to and subscribes to. The connections issue grows this into
// saved profiles; the window only needs the fields below.
struct ConnectionSettings
{
    QString name;          // tab title; host:port when empty
    QString host = QStringLiteral("localhost");
    quint16 port = 1883;
    QString clientId;      // empty: generated
    mqtt::ProtocolVersion protocolVersion = mqtt::ProtocolVersion::V5;
    int keepAlive = 60;
    QString userName;
    std::optional<QByteArray> password;
    mqtt::TransportOptions transport;
    // Subscribed on connect (and again when the broker did not resume the session).
    QList<mqtt::Subscription> subscriptions{{QStringLiteral("#"), 0}, {QStringLiteral("$SYS/#"), 0}};

    // Host, port, transport and credentials of a broker URL as the CLI takes it; a topic in
    // an mqtt:// URL becomes the only subscription.
    static ConnectionSettings fromUrl(const mqtt::BrokerUrl &url);

    // "mqtt://host:port" style, for titles and the status bar.
    QString displayUrl() const;
    QString displayName() const { return name.isEmpty() ? displayUrl() : name; }
};
