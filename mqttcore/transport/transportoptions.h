#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mqtt {

struct TlsOptions
{
    bool enabled = false;
    QString caFile;          // PEM bundle; empty with caPath empty = system store
    QString caPath;          // OpenSSL hashed directory
    QString certFile;        // client certificate (PEM)
    QString keyFile;         // client key (PEM)
    QByteArray keyPassphrase;
    bool insecure = false;   // skip verification: explicit, and logged as a warning
    QString serverName;      // SNI / verification name override; empty = the host name
    QStringList alpn;        // e.g. {"mqtt"} when asked
};

struct WebSocketOptions
{
    bool enabled = false;
    QString path = QStringLiteral("/mqtt");
    QList<QPair<QByteArray, QByteArray>> headers;   // extra HTTP headers for the upgrade
};

struct TransportOptions
{
    TlsOptions tls;
    WebSocketOptions webSocket;
};

} // namespace mqtt
