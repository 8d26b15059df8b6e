#include "connectionsettings.h"

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
