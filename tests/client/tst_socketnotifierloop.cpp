#include "client.h"
#include "scriptedbroker.h"
#include "socketloop.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqtt;

class tst_SocketNotifierLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoff_data();
    void backoff();
    void reconnectAndResubscribe();
    void resubscribeKeepsSubscriptionIdentifier();
    void noReconnectAfterUserDisconnect();
};

void tst_SocketNotifierLoop::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expected");
    QTest::newRow("0") << 0 << 1000;
    QTest::newRow("1") << 1 << 2000;
    QTest::newRow("3") << 3 << 8000;
    QTest::newRow("capped") << 10 << 30000;
}

void tst_SocketNotifierLoop::backoff()
{
    QFETCH(int, attempt);
    QFETCH(int, expected);
    Client client;
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelay(1, 30);
    QCOMPARE(loop.backoffDelayMs(attempt), expected);
}

void tst_SocketNotifierLoop::reconnectAndResubscribe()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    const char *connect = "101700044d5154540402003c000b746573742d636c69656e74";
    broker.expectHex(connect).sendHex("20020000")
        .expectHex("820800010003612f6201", "SUBSCRIBE").sendHex("9003000101")
        .closeConnection()
        .expectConnection().expectHex(connect, "CONNECT again").sendHex("20020000")
        .expectHex("820800020003612f6201", "SUBSCRIBE again").sendHex("9003000201");
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelayMs(20, 100);
    QSignalSpy scheduled(&loop, &SocketNotifierLoop::reconnectScheduled);
    QSignalSpy subscribed(&client, &Client::subscribed);
    bool first = true;
    QObject::connect(&client, &Client::connected, &client, [&] {
        if (first)
            client.subscribe(QStringLiteral("a/b"), 1);
        first = false;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(subscribed.count(), 2);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(scheduled.count(), 1);
    const int delay = scheduled.first().at(0).toInt();
    QVERIFY2(delay >= 10 && delay <= 20, qPrintable(QString::number(delay))); // jitter in [min/2, min]
    QCOMPARE(loop.reconnectAttempt(), 0); // reset by the accepted CONNACK
}

// A 5.0 Subscription Identifier survives a session the broker did not resume: the loop's
// SUBSCRIBE carries it again (property 0x0B = 7).
void tst_SocketNotifierLoop::resubscribeKeepsSubscriptionIdentifier()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    const char *connect = "101800044d5154540502003c00000b746573742d636c69656e74";
    broker.expectHex(connect).sendHex("2003000000")
        .expectHex("820b0001020b070003612f6201", "SUBSCRIBE with id 7").sendHex("900400010001")
        .closeConnection()
        .expectConnection().expectHex(connect, "CONNECT again").sendHex("2003000000")
        .expectHex("820b0002020b070003612f6201", "SUBSCRIBE again with id 7")
        .sendHex("900400020001");
    Client client(QStringLiteral("test-client"));
    client.setProtocolVersion(ProtocolVersion::V5);
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelayMs(20, 100);
    QSignalSpy subscribed(&client, &Client::subscribed);
    bool first = true;
    QObject::connect(&client, &Client::connected, &client, [&] {
        if (first) {
            Properties properties;
            properties.setSubscriptionIdentifier(7);
            client.subscribe(QStringLiteral("a/b"), 1, properties);
        }
        first = false;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(subscribed.count(), 2);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(client.subscriptionIdentifier(QStringLiteral("a/b")), 7u);
    client.unsubscribe(QStringLiteral("a/b"));
    QCOMPARE(client.subscriptionIdentifier(QStringLiteral("a/b")), 0u);
}

void tst_SocketNotifierLoop::noReconnectAfterUserDisconnect()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex("101700044d5154540402003c000b746573742d636c69656e74").sendHex("20020000")
        .expectHex("e000").expectClientClose();
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelayMs(10, 20);
    QSignalSpy disconnected(&client, &Client::disconnected);
    QObject::connect(&client, &Client::connected, &client, [&] { client.disconnect(); });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(disconnected.first().at(0).toInt(), 0);
    QTest::qWait(100);
    QCOMPARE(broker.connectionCount(), 1);
    QVERIFY(!loop.isReconnectPending());
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

QTEST_MAIN(tst_SocketNotifierLoop)
#include "tst_socketnotifierloop.moc"
