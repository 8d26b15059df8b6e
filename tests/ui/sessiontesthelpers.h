#pragma once

#include "client.h"
#include "connection.h"
#include "testbroker.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <memory>

// Shared by the session tests that talk to the fixture broker.
namespace sessiontest {

inline QString host()
{
    const QString h = qEnvironmentVariable("MQTT_TEST_BROKER_HOST");
    return h.isEmpty() ? QStringLiteral("127.0.0.1") : h;
}

// A topic root no other test (or earlier run) uses.
inline QString uniqueRoot(const char *what)
{
    static int serial = 0;
    return QStringLiteral("%1-%2-%3").arg(QLatin1String(what))
        .arg(QCoreApplication::applicationPid()).arg(++serial);
}

inline bool mosquittoPub(const QString &topic, const QString &payload, int qos = 0,
                         bool retain = false)
{
    QStringList args{QStringLiteral("-h"), host(), QStringLiteral("-p"),
                     QString::number(fixtureBrokerPort()), QStringLiteral("-q"),
                     QString::number(qos), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                     payload};
    if (retain)
        args << QStringLiteral("-r");
    return QProcess::execute(QStringLiteral("mosquitto_pub"), args) == 0;
}

// A connection to the fixture broker subscribed to `filter`, once its SUBACK is in.
inline std::unique_ptr<Connection> connectTo(const QString &filter, int qos = 1)
{
    ConnectionSettings settings;
    settings.host = host();
    settings.port = fixtureBrokerPort();
    settings.subscriptions = {{filter, quint8(qos)}};
    auto connection = std::make_unique<Connection>(settings);
    bool subscribed = false;
    QObject::connect(connection->client(), &mqtt::Client::subscribed, connection.get(),
                     [&subscribed] { subscribed = true; });
    connection->connectToBroker();
    if (!QTest::qWaitFor([&] { return subscribed; }, 5000))
        return nullptr;
    return connection;
}

} // namespace sessiontest
