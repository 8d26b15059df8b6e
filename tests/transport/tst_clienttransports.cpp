#include "client.h"
#include "socketloop.h"
#include "testbroker.h"
#include "testcertificates.h"
#include "websocketbridge.h"

#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using mqtt::Client;
using mqtt::SocketNotifierLoop;

// mqtt::Client over mqtts, ws and wss, driven by SocketNotifierLoop: the same five loop calls
// must work whatever transport is underneath.
class tst_ClientTransports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void subscribePublishReceive_data();
    void subscribePublishReceive();
    void transportFailureRc_data();
    void transportFailureRc();
    void insecureIsLoggedAsWarning();

private:
    bool startTlsBroker(TestBroker &broker, bool requireClientCert = false);

    TestCertificates m_certs;
};

void tst_ClientTransports::initTestCase()
{
    QVERIFY2(m_certs.generate(), qPrintable(m_certs.error()));
}


bool tst_ClientTransports::startTlsBroker(TestBroker &broker, bool requireClientCert)
{
    broker.setListenerConfig(QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n%4")
                                 .arg(m_certs.caFile(), m_certs.serverCert(), m_certs.serverKey(),
                                      requireClientCert ? QStringLiteral("require_certificate true\n")
                                                        : QString()));
    return broker.start();
}

void tst_ClientTransports::subscribePublishReceive_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("webSocket");
    QTest::addColumn<int>("payloadSize");
    QTest::newRow("mqtts") << true << false << 10;
    QTest::newRow("mqtts 1 MiB") << true << false << 1024 * 1024;
    QTest::newRow("ws") << false << true << 10;
    QTest::newRow("ws 1 MiB") << false << true << 1024 * 1024;
    QTest::newRow("wss") << true << true << 10;
    QTest::newRow("wss 1 MiB") << true << true << 1024 * 1024;
}

void tst_ClientTransports::subscribePublishReceive()
{
    QFETCH(bool, tls);
    QFETCH(bool, webSocket);
    QFETCH(int, payloadSize);

    // mqtts talks to mosquitto's TLS listener; ws/wss go through the bridge to a plain one.
    TestBroker broker;
    std::unique_ptr<WebSocketBridge> bridge;
    quint16 port = 0;
    if (webSocket) {
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        bridge = std::make_unique<WebSocketBridge>(broker.port(),
                                                   tls ? m_certs.serverSslConfiguration() : QSslConfiguration());
        QVERIFY2(bridge->listen(), qPrintable(bridge->errorString()));
        port = bridge->port();
    } else {
        QVERIFY2(startTlsBroker(broker), qPrintable(broker.lastError()));
        port = broker.port();
    }

    Client client(QStringLiteral("tst_clienttransports"));
    mqtt::TransportOptions options;
    options.tls.enabled = tls;
    options.tls.caFile = m_certs.caFile();
    options.webSocket.enabled = webSocket;
    client.setTransportOptions(options);
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    QStringList logs;
    connect(&client, &Client::logMessage, this,
            [&logs](mqtt::LogLevel, const QString &text) { logs << text; });
    QSignalSpy connectedSpy(&client, &Client::connected);
    QSignalSpy subscribedSpy(&client, &Client::subscribed);
    QList<mqtt::Message> messages;
    connect(&client, &Client::messageReceived, this,
            [&messages](const mqtt::Message &message) { messages << message; });

    QCOMPARE(client.connect(QStringLiteral("localhost"), port), mqtt::Error::Success);
    QTRY_VERIFY2_WITH_TIMEOUT(connectedSpy.count() == 1, qPrintable(logs.join(QLatin1Char('\n'))), 15000);
    QVERIFY(client.isConnected());
    QVERIFY(client.subscribe(QStringLiteral("tst/ct/#"), 1).ok());
    QTRY_COMPARE_WITH_TIMEOUT(subscribedSpy.count(), 1, 10000);

    QByteArray payload(payloadSize, Qt::Uninitialized);
    for (int i = 0; i < payloadSize; ++i)
        payload[i] = char((i * 29) & 0xff);
    QVERIFY(client.publish(QStringLiteral("tst/ct/x"), payload, 1).ok());
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 30000);
    QCOMPARE(messages.constFirst().topic(), QStringLiteral("tst/ct/x"));
    QCOMPARE(messages.constFirst().payload().size(), payload.size());
    QVERIFY(messages.constFirst().payload() == payload);

    QSignalSpy disconnectedSpy(&client, &Client::disconnected);
    client.disconnect();
    QTRY_COMPARE_WITH_TIMEOUT(disconnectedSpy.count(), 1, 10000);
    QCOMPARE(disconnectedSpy.constFirst().at(0).toInt(), 0);
}

void tst_ClientTransports::transportFailureRc_data()
{
    // What listens: tls (mosquitto), tls-require-cert, plain, wss (bridge), http403.
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("webSocket");
    QTest::addColumn<QString>("caFile"); // "ca" or "other"
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<int>("rc");
    QTest::addColumn<QStringList>("logged");
    // TLS failures are paho's MQTT_ERR_TLS (8), with OpenSSL's reason and the subject.
    QTest::newRow("mqtts wrong CA") << "tls" << true << false << "other" << QString() << 8
        << QStringList{"TLS failure", "certificate verify failed", "CN=MQTT Inspector Test CA"};
    QTest::newRow("mqtts hostname mismatch") << "tls" << true << false << "ca" << "broker.other.example" << 8
        << QStringList{"TLS failure", "certificate verify failed", "hostname mismatch", "O=Test Broker,CN=localhost"};
    QTest::newRow("mqtts client certificate required, none given") << "tls-require-cert" << true << false
        << "ca" << QString() << 8 << QStringList{"TLS failure", "localhost"};
    QTest::newRow("mqtts handshake with a plain listener") << "plain" << true << false << "ca" << QString() << 8
        << QStringList{"TLS failure", "TLS handshake"};
    // The bridge sends the server certificate alone, so that is the one that fails.
    QTest::newRow("wss wrong CA") << "wss" << true << true << "other" << QString() << 8
        << QStringList{"TLS failure", "certificate verify failed", "O=Test Broker,CN=localhost"};
    // Not TLS: a refused WebSocket upgrade is a lost connection (7) with the status line.
    QTest::newRow("ws refused upgrade") << "http403" << false << true << "ca" << QString() << 7
        << QStringList{"Connection lost", "refused: HTTP/1.1 403 Forbidden"};
}

void tst_ClientTransports::transportFailureRc()
{
    QFETCH(QString, server);
    QFETCH(bool, tls);
    QFETCH(bool, webSocket);
    QFETCH(QString, caFile);
    QFETCH(QString, serverName);
    QFETCH(int, rc);
    QFETCH(QStringList, logged);

    TestBroker broker;
    std::unique_ptr<WebSocketBridge> bridge;
    QTcpServer http;
    quint16 port = 0;
    if (server.startsWith(QLatin1String("tls"))) {
        QVERIFY2(startTlsBroker(broker, server.endsWith(QLatin1String("require-cert"))),
                 qPrintable(broker.lastError()));
        port = broker.port();
    } else if (server == QLatin1String("plain")) {
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        port = broker.port();
    } else if (server == QLatin1String("wss")) {
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        bridge = std::make_unique<WebSocketBridge>(broker.port(), m_certs.serverSslConfiguration());
        QVERIFY2(bridge->listen(), qPrintable(bridge->errorString()));
        port = bridge->port();
    } else {
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        connect(&http, &QTcpServer::newConnection, this, [&http] {
            QTcpSocket *peer = http.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [peer] {
                if (peer->readAll().contains("\r\n\r\n"))
                    peer->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            });
        });
        port = http.serverPort();
    }

    Client client(QStringLiteral("tst_ct_failure"));
    mqtt::TransportOptions options;
    options.tls.enabled = tls;
    options.tls.caFile = caFile == QLatin1String("ca") ? m_certs.caFile() : m_certs.otherCaFile();
    options.tls.serverName = serverName;
    options.webSocket.enabled = webSocket;
    client.setTransportOptions(options);
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    QStringList logs;
    QStringList errors;
    connect(&client, &Client::logMessage, this, [&](mqtt::LogLevel level, const QString &text) {
        logs << text;
        if (level == mqtt::LogLevel::Err)
            errors << text;
    });
    QSignalSpy connectedSpy(&client, &Client::connected);
    QSignalSpy disconnectedSpy(&client, &Client::disconnected);
    QCOMPARE(client.connect(QStringLiteral("localhost"), port), mqtt::Error::Success);
    QTRY_COMPARE_WITH_TIMEOUT(disconnectedSpy.count(), 1, 15000);
    QCOMPARE(connectedSpy.count(), 0);
    const QString all = logs.join(QLatin1Char('\n'));
    QVERIFY2(disconnectedSpy.constFirst().at(0).toInt() == rc, qPrintable(all));
    for (const QString &text : std::as_const(logged))
        QVERIFY2(all.contains(text), qPrintable(QStringLiteral("'%1' not in:\n%2").arg(text, all)));
    if (rc == int(mqtt::Error::Tls))
        QVERIFY2(!errors.isEmpty(), qPrintable(all)); // a TLS failure is logged as an error
    QTest::qWait(50);
    QCOMPARE(disconnectedSpy.count(), 1);
}

void tst_ClientTransports::insecureIsLoggedAsWarning()
{
    TestBroker broker;
    QVERIFY2(startTlsBroker(broker), qPrintable(broker.lastError()));
    Client client(QStringLiteral("tst_ct_insecure"));
    mqtt::TransportOptions options;
    options.tls.enabled = true;
    options.tls.caFile = m_certs.otherCaFile();
    options.tls.insecure = true;
    client.setTransportOptions(options);
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    QStringList warnings;
    connect(&client, &Client::logMessage, this, [&warnings](mqtt::LogLevel level, const QString &text) {
        if (level == mqtt::LogLevel::Warning)
            warnings << text;
    });
    QSignalSpy connectedSpy(&client, &Client::connected);
    QCOMPARE(client.connect(QStringLiteral("localhost"), broker.port()), mqtt::Error::Success);
    QTRY_COMPARE_WITH_TIMEOUT(connectedSpy.count(), 1, 15000);
    QVERIFY2(warnings.join(QLatin1Char('\n')).contains(QStringLiteral("verification is OFF")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    client.disconnect();
}

QTEST_GUILESS_MAIN(tst_ClientTransports)
#include "tst_clienttransports.moc"
