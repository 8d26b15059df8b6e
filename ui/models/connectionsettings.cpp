#include "connectionsettings.h"

#include "brokerurl.h"

QString ConnectionSettings::displayUrl() const
{
    QString scheme;
    if (transport.webSocket.enabled)
        scheme = transport.tls.enabled ? QStringLiteral("wss") : QStringLiteral("ws");
    else
        scheme = transport.tls.enabled ? QStringLiteral("mqtts") : QStringLiteral("mqtt");
    const QString shownHost = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']')
                                                              : host;
    return QStringLiteral("%1://%2:%3").arg(scheme, shownHost).arg(port);
}

ConnectionSettings ConnectionSettings::fromUrl(const mqtt::BrokerUrl &url)
{
    ConnectionSettings settings;
    settings.host = url.host();
    settings.port = url.port();
    settings.transport = url.transportOptions();
    if (url.hasUserName()) {
        settings.userName = url.userName();
        if (url.hasPassword())
            settings.password = url.password().toUtf8();
    }
    if (!url.topic().isEmpty())
        settings.subscriptions = {{url.topic(), 0}};
    return settings;
}
