#include "mqttbytes.h"
#include "testbroker.h"
#include "transport/tcptransport.h"
#include "transportdriver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <cerrno>
#include <cstring>

using mqtt::TcpTransport;
using mqtt::Transport;

class tst_TcpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connackFromBroker_data();
    void connackFromBroker();
    void echoOverIpv4AndIpv6_data();
    void echoOverIpv4AndIpv6();
    void connectionRefused();
    void notAnAddress();
    void peerCloseIsClosed();
    void brokerDropIsReported();
    void megabytePublishRoundTrip();
    void writeBeforeConnectedTakesNothing();
};

static QByteArray clientId(const char *tag)
{
    return QByteArray("tst_tcp_") + tag + '_' + QByteArray::number(QCoreApplication::applicationPid());
}

void tst_TcpTransport::connackFromBroker_data()
{
    QTest::addColumn<qint64>("writeChunk");
    QTest::newRow("whole packet") << qint64(0);
    QTest::newRow("byte by byte") << qint64(1);
}

void tst_TcpTransport::connackFromBroker()
{
    QFETCH(qint64, writeChunk);
    const quint16 port = fixtureBrokerPort();
    if (port == 0)
        QSKIP("needs the fixture broker (run through ctest)");

    TcpTransport transport;
    QVERIFY2(transport.open(QStringLiteral("localhost"), QHostAddress::LocalHost, port),
             qPrintable(transport.errorString()));
    QVERIFY(transport.fd() >= 0);
    QCOMPARE(transport.name(), QStringLiteral("tcp"));

    TransportDriver driver(transport);
    driver.setWriteChunk(writeChunk);
    // The hand-written encoder must produce the well-known CONNECT for client id "test".
    QCOMPARE(mqttbytes::connect("test").toHex(), QByteArray("101000044d5154540402003c000474657374"));
    driver.send(mqttbytes::connect(clientId(writeChunk == 1 ? "bytes" : "whole")));
    QVERIFY2(driver.runUntilPackets(1), qPrintable(driver.error()));
    QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
    QVERIFY(transport.isReady());
}

void tst_TcpTransport::echoOverIpv4AndIpv6_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("IPv4") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("IPv6") << QHostAddress(QHostAddress::LocalHostIPv6);
}

void tst_TcpTransport::echoOverIpv4AndIpv6()
{
    QFETCH(QHostAddress, address);
    QTcpServer server;
    if (!server.listen(address, 0))
        QSKIP(qPrintable(QStringLiteral("cannot listen on %1: %2")
                             .arg(address.toString(), server.errorString())));
    QList<QTcpSocket *> peers;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *peer = server.nextPendingConnection()) {
            peers.append(peer);
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
        }
    });

    TcpTransport transport;
    QVERIFY2(transport.open(QString(), address, server.serverPort()),
             qPrintable(transport.errorString()));
    TransportDriver driver(transport);
    QByteArray data(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 7 + i / 251) & 0xff);
    driver.send(data);
    QVERIFY2(driver.runUntil([&] { return driver.received().size() >= data.size(); }),
             qPrintable(driver.error()));
    QCOMPARE(driver.received().size(), data.size());
    QVERIFY(driver.received() == data);
    qDeleteAll(peers);
}

void tst_TcpTransport::connectionRefused()
{
    const quint16 port = TestBroker::freePort();
    QVERIFY(port != 0);
    TcpTransport transport;
    // Loopback may refuse synchronously or report it through SO_ERROR; both must end in Error.
    if (transport.open(QString(), QHostAddress::LocalHost, port)) {
        TransportDriver driver(transport);
        QVERIFY(!driver.runUntil([] { return false; }, 5000));
        QCOMPARE(driver.status(), Transport::Status::Error);
    }
    QVERIFY2(transport.errorString().contains(QString::fromLocal8Bit(std::strerror(ECONNREFUSED))),
             qPrintable(transport.errorString()));
    QVERIFY2(transport.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(transport.errorString()));
    QCOMPARE(transport.fd(), qintptr(-1));
    QVERIFY(!transport.needsWrite());
}

void tst_TcpTransport::notAnAddress()
{
    TcpTransport transport;
    QVERIFY(!transport.open(QStringLiteral("nowhere"), QHostAddress(), 1883));
    QVERIFY2(transport.errorString().contains(QStringLiteral("not an IPv4 or IPv6 address")),
             qPrintable(transport.errorString()));
    QCOMPARE(transport.fd(), qintptr(-1));
}

void tst_TcpTransport::peerCloseIsClosed()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        peer->write("bye");
        peer->disconnectFromHost();
    });
    TcpTransport transport;
    QVERIFY(transport.open(QString(), QHostAddress::LocalHost, server.serverPort()));
    TransportDriver driver(transport);
    QVERIFY(!driver.runUntil([] { return false; }, 10000));
    QVERIFY2(driver.status() == Transport::Status::Closed, qPrintable(driver.error()));
    QCOMPARE(driver.received(), QByteArray("bye"));   // bytes before the FIN are not lost
    QVERIFY2(driver.error().contains(QStringLiteral("closed by 127.0.0.1:")), qPrintable(driver.error()));
}

void tst_TcpTransport::brokerDropIsReported()
{
    const quint16 port = fixtureBrokerPort();
    if (port == 0)
        QSKIP("needs the fixture broker (run through ctest)");
    TcpTransport transport;
    QVERIFY(transport.open(QString(), QHostAddress::LocalHost, port));
    TransportDriver driver(transport);
    // A reserved packet type as the first packet: mosquitto drops the connection (FIN or RST).
    driver.send(QByteArray::fromHex("f000"));
    QVERIFY(!driver.runUntil([] { return false; }, 10000));
    QVERIFY(driver.status() != Transport::Status::Ok);
    QVERIFY2(!driver.error().isEmpty() && !driver.error().contains(QStringLiteral("timed out")),
             qPrintable(driver.error()));
}

void tst_TcpTransport::megabytePublishRoundTrip()
{
    const quint16 port = fixtureBrokerPort();
    if (port == 0)
        QSKIP("needs the fixture broker (run through ctest)");
    TcpTransport transport;
    QVERIFY(transport.open(QString(), QHostAddress::LocalHost, port));
    TransportDriver driver(transport);
    const QByteArray topic = "tst/tcp/" + clientId("mb");
    driver.send(mqttbytes::connect(clientId("mb")));
    driver.send(mqttbytes::subscribe(1, topic));
    QVERIFY2(driver.runUntilPackets(2), qPrintable(driver.error()));
    QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
    QCOMPARE(driver.takePacket().toHex(), QByteArray("9003000100"));

    QByteArray payload(1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 31 + (i >> 10)) & 0xff);
    driver.send(mqttbytes::publish(topic, payload));
    QVERIFY2(driver.runUntilPackets(1, 30000), qPrintable(driver.error()));
    const QByteArray received = mqttbytes::publishPayload(driver.takePacket());
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
    QVERIFY(driver.received().isEmpty());
}

void tst_TcpTransport::writeBeforeConnectedTakesNothing()
{
    TcpTransport transport;
    QCOMPARE(transport.write("x", 1), qint64(-1));   // never opened
    QVERIFY(!transport.errorString().isEmpty());
    QByteArray out;
    QCOMPARE(transport.read(out), Transport::Status::Error);
}

QTEST_GUILESS_MAIN(tst_TcpTransport)
#include "tst_tcptransport.moc"
