#include "mqttbytes.h"
#include "testbroker.h"
#include "testcertificates.h"
#include "transport/tcptransport.h"
#include "transport/tlstransport.h"
#include "transport/websockettransport.h"
#include "transportdriver.h"
#include "websocketbridge.h"

#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

using mqtt::Transport;
using mqtt::WebSocketTransport;

class tst_WebSocketTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connackAndPublish_data();
    void connackAndPublish();
    void megabyte_data();
    void megabyte();
    void refusedUpgradeReportsStatusLine();
    void wrongAcceptIsRefused();
    void pingIsAnswered();
    void closeFrameCodeAndReason();

private:
    std::unique_ptr<WebSocketTransport> makeTransport(bool secure, const QString &path = QStringLiteral("/mqtt"));

    TestCertificates m_certs;
};

void tst_WebSocketTransport::initTestCase()
{
    if (fixtureBrokerPort() == 0)
        QSKIP("needs the fixture broker (run through ctest)");
    QVERIFY2(m_certs.generate(), qPrintable(m_certs.error()));
}


std::unique_ptr<WebSocketTransport> tst_WebSocketTransport::makeTransport(bool secure, const QString &path)
{
    mqtt::WebSocketOptions options;
    options.enabled = true;
    options.path = path;
    options.headers = {{"X-Test", "yes"}};
    std::unique_ptr<Transport> inner;
    if (secure) {
        mqtt::TlsOptions tls;
        tls.enabled = true;
        tls.caFile = m_certs.caFile();
        inner = std::make_unique<mqtt::TlsTransport>(tls);
    } else {
        inner = std::make_unique<mqtt::TcpTransport>();
    }
    return std::make_unique<WebSocketTransport>(std::move(inner), options);
}

void tst_WebSocketTransport::connackAndPublish_data()
{
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("oneMessagePerByte");
    QTest::addColumn<int>("frameSize");
    QTest::addColumn<qint64>("writeChunk");

    for (const bool secure : {false, true}) {
        const char *s = secure ? "wss" : "ws";
        QTest::addRow("%s plain", s) << secure << false << 0 << qint64(0);
        QTest::addRow("%s packets split into 1-byte messages", s) << secure << true << 0 << qint64(0);
        QTest::addRow("%s fragmented 3-byte frames", s) << secure << false << 3 << qint64(0);
        QTest::addRow("%s client writes byte by byte", s) << secure << false << 0 << qint64(1);
    }
}

void tst_WebSocketTransport::connackAndPublish()
{
    QFETCH(bool, secure);
    QFETCH(bool, oneMessagePerByte);
    QFETCH(int, frameSize);
    QFETCH(qint64, writeChunk);

    WebSocketBridge bridge(fixtureBrokerPort(), secure ? m_certs.serverSslConfiguration() : QSslConfiguration());
    bridge.setOneMessagePerByte(oneMessagePerByte);
    bridge.setOutgoingFrameSize(quint64(frameSize));
    QVERIFY2(bridge.listen(), qPrintable(bridge.errorString()));

    auto transport = makeTransport(secure, QStringLiteral("/mqtt/x"));
    QCOMPARE(transport->name(), secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    QVERIFY2(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, bridge.port()),
             qPrintable(transport->errorString()));
    TransportDriver driver(*transport);
    driver.setWriteChunk(writeChunk);
    const QByteArray id = QByteArray("tst_ws_") + QTest::currentDataTag();
    const QByteArray topic = "tst/ws/" + QByteArray::number(QCoreApplication::applicationPid())
                             + '/' + QByteArray::number(qHash(id));
    driver.send(mqttbytes::connect(id.left(23)));
    driver.send(mqttbytes::subscribe(3, topic));
    QVERIFY2(driver.runUntilPackets(2), qPrintable(driver.error()));
    QVERIFY(transport->isReady());
    QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
    QCOMPARE(driver.takePacket().toHex(), QByteArray("9003000300"));

    QCOMPARE(bridge.lastRequestPath(), QStringLiteral("/mqtt/x"));
    QCOMPARE(bridge.lastRequestHeader("X-Test"), QStringLiteral("yes"));
    QCOMPARE(bridge.lastRequestHeader("Sec-WebSocket-Protocol"), QStringLiteral("mqtt"));
    QCOMPARE(bridge.lastRequestHeader("Host"), QStringLiteral("localhost:%1").arg(bridge.port()));

    driver.send(mqttbytes::publish(topic, "hello over websocket"));
    QVERIFY2(driver.runUntilPackets(1), qPrintable(driver.error()));
    QCOMPARE(mqttbytes::publishPayload(driver.takePacket()), QByteArray("hello over websocket"));
}

void tst_WebSocketTransport::megabyte_data()
{
    QTest::addColumn<bool>("secure");
    QTest::addColumn<int>("frameSize");
    QTest::newRow("ws") << false << 0;
    QTest::newRow("ws 1000-byte frames") << false << 1000;
    QTest::newRow("wss") << true << 0;
    QTest::newRow("wss 1000-byte frames") << true << 1000;
}

void tst_WebSocketTransport::megabyte()
{
    QFETCH(bool, secure);
    QFETCH(int, frameSize);
    WebSocketBridge bridge(fixtureBrokerPort(), secure ? m_certs.serverSslConfiguration() : QSslConfiguration());
    bridge.setOutgoingFrameSize(quint64(frameSize));
    QVERIFY2(bridge.listen(), qPrintable(bridge.errorString()));
    auto transport = makeTransport(secure);
    QVERIFY(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, bridge.port()));
    TransportDriver driver(*transport);
    const QByteArray topic = "tst/ws/mb/" + QByteArray::number(QCoreApplication::applicationPid())
                             + '/' + QTest::currentDataTag();
    driver.send(mqttbytes::connect(QByteArray("tst_ws_mb_") + QByteArray::number(frameSize) + (secure ? "s" : "")));
    driver.send(mqttbytes::subscribe(1, topic));
    QVERIFY2(driver.runUntilPackets(2), qPrintable(driver.error()));
    QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
    driver.takePacket();

    QByteArray payload(1024 * 1024 + 11, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 17 + (i >> 11)) & 0xff);
    driver.send(mqttbytes::publish(topic, payload));
    QVERIFY2(driver.runUntilPackets(1, 60000), qPrintable(driver.error()));
    const QByteArray received = mqttbytes::publishPayload(driver.takePacket());
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
}

// A plain TCP server answering the upgrade request with a fixed response.
static void answerWith(QTcpServer &server, QObject *context, const QByteArray &response)
{
    QObject::connect(&server, &QTcpServer::newConnection, context, [&server, response] {
        QTcpSocket *peer = server.nextPendingConnection();
        QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer, response] {
            if (peer->readAll().contains("\r\n\r\n"))
                peer->write(response);
        });
    });
}

void tst_WebSocketTransport::refusedUpgradeReportsStatusLine()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerWith(server, this, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    auto transport = makeTransport(false, QStringLiteral("/nope"));
    QVERIFY(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, server.serverPort()));
    TransportDriver driver(*transport);
    driver.send(mqttbytes::connect("refused"));
    QVERIFY(!driver.runUntil([] { return false; }, 10000));
    QCOMPARE(driver.status(), Transport::Status::Error);
    QVERIFY2(driver.error().contains(QStringLiteral("/nope refused: HTTP/1.1 403 Forbidden")),
             qPrintable(driver.error()));
    QCOMPARE(transport->errorKind(), Transport::ErrorKind::WebSocket); // rc 7, not TLS's 8
}

void tst_WebSocketTransport::wrongAcceptIsRefused()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    answerWith(server, this, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSByaWdodCBvbmU=\r\n\r\n");
    auto transport = makeTransport(false);
    QVERIFY(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, server.serverPort()));
    TransportDriver driver(*transport);
    QVERIFY(!driver.runUntil([] { return false; }, 10000));
    QCOMPARE(driver.status(), Transport::Status::Error);
    QVERIFY2(driver.error().contains(QStringLiteral("wrong Sec-WebSocket-Accept")), qPrintable(driver.error()));
    QVERIFY(!transport->isReady());
}

void tst_WebSocketTransport::pingIsAnswered()
{
    WebSocketBridge bridge(fixtureBrokerPort());
    QVERIFY(bridge.listen());
    auto transport = makeTransport(false);
    QVERIFY(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, bridge.port()));
    TransportDriver driver(*transport);
    QVERIFY2(driver.runUntil([&] { return transport->isReady() && !bridge.clients().isEmpty(); }),
             qPrintable(driver.error()));
    bridge.clients().constFirst()->ping("are you there");
    QVERIFY2(driver.runUntil([&] { return bridge.pongsReceived() == 1; }), qPrintable(driver.error()));
    QVERIFY(driver.received().isEmpty());   // control frames never reach the MQTT stream
}

void tst_WebSocketTransport::closeFrameCodeAndReason()
{
    WebSocketBridge bridge(fixtureBrokerPort());
    QVERIFY(bridge.listen());
    auto transport = makeTransport(false);
    QVERIFY(transport->open(QStringLiteral("localhost"), QHostAddress::LocalHost, bridge.port()));
    TransportDriver driver(*transport);
    QVERIFY2(driver.runUntil([&] { return transport->isReady() && !bridge.clients().isEmpty(); }),
             qPrintable(driver.error()));
    bridge.clients().constFirst()->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("go away"));
    QVERIFY(!driver.runUntil([] { return false; }, 10000));
    QCOMPARE(driver.status(), Transport::Status::Closed);
    QCOMPARE(transport->peerCloseCode(), quint16(1008));
    QCOMPARE(transport->peerCloseReason(), QStringLiteral("go away"));
    QVERIFY2(driver.error().contains(QStringLiteral("1008 (policy violation) \"go away\"")),
             qPrintable(driver.error()));
}

QTEST_GUILESS_MAIN(tst_WebSocketTransport)
#include "tst_websockettransport.moc"
