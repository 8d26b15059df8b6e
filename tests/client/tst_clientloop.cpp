#include "client.h"
#include "clienttestsupport.h"
#include "scriptedbroker.h"
#include "socketloop.h"
#include "mqttstrings.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mqtt;
using namespace clienttest;

class tst_ClientLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resendWithDupAfterReconnect();
    void keepalivePingAndTimeout();
    void writeRegistration();
    void noConnErrors();
    void closeOrder_data();
    void closeOrder();
    void qos0PublishedOnceWritten();
    void writeRegistrationAcrossSockets();
    void reconnectWhileConnected();
    void connackAfterDisconnectQueued();
};

void tst_ClientLoop::resendWithDupAfterReconnect()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    // CONNECT with clean session 0 (flags 0x00).
    const QByteArray connect0 = QByteArray::fromHex("101700044d5154540400003c000b746573742d636c69656e74");
    broker.expect(connect0, "CONNECT").sendHex(kConnackOk)
        .expectHex("320c0003612f62000168656c6c6f", "PUBLISH").closeConnection()
        .expectConnection().expect(connect0, "CONNECT again").sendHex("20020100") // session present
        .expectHex("3a0c0003612f62000168656c6c6f", "PUBLISH with DUP=1").sendHex("40020001");
    Client client(QStringLiteral("test-client"));
    client.setCleanSession(false);
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelayMs(10, 50);
    Events ev(&client);
    bool first = true;
    QObject::connect(&client, &Client::connected, &client, [&] {
        if (first)
            client.publish(QStringLiteral("a/b"), "hello", 1);
        first = false;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE_WITH_TIMEOUT(ev.count("published"), 1, 2000);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(ev.only({"connected", "disconnected", "published"}),
             (QStringList{"connected sp=0 rc=0", "disconnected 7 reason=0x80", "connected sp=1 rc=0", "published 1 rc=0"}));
}

void tst_ClientLoop::keepalivePingAndTimeout()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    // keepalive 10 s: CONNECT with k=0x000a.
    broker.expectHex("101700044d5154540402000a000b746573742d636c69656e74").sendHex(kConnackOk)
        .expectHex("c000", "PINGREQ").sendHex("d000")
        .expectHex("c000", "second PINGREQ").expectClientClose();
    qint64 fakeNow = 1000;
    Client client(QStringLiteral("test-client"));
    client.setClock([&fakeNow] { return fakeNow; });
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    client.connect(QStringLiteral("127.0.0.1"), broker.port(), 10);
    QTRY_COMPARE(client.state(), Client::State::Connected);
    QCOMPARE(client.loopMisc(), Error::Success);
    fakeNow += 9999;
    QCOMPARE(client.loopMisc(), Error::Success);
    QTest::qWait(20);
    QCOMPARE(broker.pending(), QByteArray());
    fakeNow += 1;
    QCOMPARE(client.loopMisc(), Error::Success);
    QTRY_COMPARE(broker.pending(), QByteArray()); // PINGREQ consumed by the script
    QTRY_VERIFY(!client.wantWrite());
    fakeNow += 10000;
    QCOMPARE(client.loopMisc(), Error::Success); // PINGRESP arrived: next PINGREQ
    fakeNow += 9999;
    QCOMPARE(client.loopMisc(), Error::Success);
    fakeNow += 1;
    // [P] loop_misc: on_disconnect(KEEPALIVE=16), but the call returns CONN_LOST (7).
    QCOMPARE(client.loopMisc(), Error::ConnLost);
    QCOMPARE(client.loopMisc(), Error::NoConn);
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(ev.count("disconnected"), 1); // exactly once (paho #870 fires twice)
    // The error path: socket callbacks first, then disconnected.
    QCOMPARE(ev.only({"socket close", "disconnected"}), (QStringList{"socket close", "disconnected 16 reason=0x8d"}));
}

void tst_ClientLoop::writeRegistration()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk).expectHex("300a0003612f6268656c6c6f");
    Client client(QStringLiteral("test-client"));
    Events ev(&client);
    // Driven by hand, as an external loop would.
    QCOMPARE(client.loopRead(), Error::NoConn);
    QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), broker.port()), Error::Success);
    QCOMPARE(ev.lines, (QStringList{"socket open", "register write"}));
    QVERIFY(client.wantWrite());
    QTRY_VERIFY((client.loopWrite(), !client.wantWrite()));
    QCOMPARE(ev.lines, (QStringList{"socket open", "register write", "unregister write"}));
    QTRY_VERIFY((client.loopRead(), client.isConnected()));
    client.publish(QStringLiteral("a/b"), "hello");
    client.publish(QStringLiteral("a/b"), "hello"); // still registered: no second edge
    QCOMPARE(ev.count("register write"), 2);
    QCOMPARE(client.loopWrite(), Error::Success);
    QCOMPARE(ev.count("unregister write"), 2);
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
}

void tst_ClientLoop::noConnErrors()
{
    Client client(QStringLiteral("x"));
    QCOMPARE(client.loopRead(), Error::NoConn);
    QCOMPARE(client.loopWrite(), Error::NoConn);
    QCOMPARE(client.loopMisc(), Error::NoConn);
    QCOMPARE(client.socket(), qintptr(-1));
    QCOMPARE(client.publish(QStringLiteral("t"), "x", 0).rc, Error::NoConn);
    QCOMPARE(client.publish(QStringLiteral("t/#"), "x", 0).rc, Error::Inval);
    QCOMPARE(client.publish(QStringLiteral("t"), "x", 3).rc, Error::Inval);
    QCOMPARE(client.subscribe(QStringLiteral("a"), 1).rc, Error::NoConn);
    QCOMPARE(client.subscribe(QStringLiteral("a/#/b"), 1).rc, Error::Inval);
    QCOMPARE(client.disconnect(), Error::NoConn);
    QCOMPARE(client.setWill(QStringLiteral("w/+"), "x"), Error::Inval);
    QCOMPARE(client.connect(QString(), 1883), Error::Inval);
}

void tst_ClientLoop::closeOrder_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("closedBy");
    QTest::addColumn<int>("closeRc");
    QTest::addColumn<QStringList>("events"); // every signal after connected, in order
    // [P] _packet_write: a written DISCONNECT fires on_disconnect(0), then _sock_close
    // (unregister_write, on_socket_close).
    QTest::newRow("user disconnect") << "user" << "loopWrite" << int(Error::Success)
        << QStringList{"register write", "disconnected 0 reason=0x00", "unregister write", "socket close"};
    // [P] _loop_rc_handle: _sock_close first, then on_disconnect.
    QTest::newRow("broker closes") << "brokerClose" << "loopRead" << int(Error::ConnLost)
        << QStringList{"socket close", "disconnected 7 reason=0x80"};
    // [P] _loop_rc_handle while DISCONNECTING: rc becomes 0 and loop_read returns 0, but the
    // order is still the error path's (observed with paho 1.6.1: unregister_write,
    // socket_close, on_disconnect(0)).
    QTest::newRow("broker closes while disconnecting") << "closeWhileDisconnecting" << "loopRead" << int(Error::Success)
        << QStringList{"register write", "published 1 rc=0", "unregister write", "register write",
                       "unregister write", "socket close", "disconnected 0 reason=0x00"};
    QTest::newRow("protocol violation") << "violation" << "loopRead" << int(Error::Protocol)
        << QStringList{"socket close", "disconnected 2 reason=0x82"};
    QTest::newRow("5.0 broker DISCONNECT") << "disconnect5" << "loopRead" << int(Error::ConnLost)
        << QStringList{"socket close", "disconnected 7 reason=0x8e server"};
}

void tst_ClientLoop::closeOrder()
{
    QFETCH(QString, scenario);
    QFETCH(QString, closedBy);
    QFETCH(int, closeRc);
    QFETCH(QStringList, events);
    const bool v5 = scenario == QLatin1String("disconnect5");
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    if (v5)
        broker.expectHex("100f00044d5154540502003c00000263" "35").sendHex("2003000000");
    else
        broker.expectHex(kConnect).sendHex(kConnackOk);
    Client client(v5 ? QStringLiteral("c5") : QStringLiteral("test-client"));
    if (v5)
        client.setProtocolVersion(ProtocolVersion::V5);
    Events ev(&client);
    HandLoop loop(&client, &ev);
    QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), broker.port()), Error::Success);
    QTRY_VERIFY2((loop.pump(), client.isConnected()), qPrintable(broker.state()));
    ev.lines.clear();

    if (scenario == QLatin1String("user")) {
        broker.expectHex("e000", "DISCONNECT");
        QCOMPARE(client.disconnect(), Error::Success);
    } else if (scenario == QLatin1String("brokerClose")) {
        broker.closeConnection();
    } else if (scenario == QLatin1String("closeWhileDisconnecting")) {
        // The broker drops us after our PUBLISH, while our DISCONNECT is still unwritten.
        broker.expectHex("300a0003612f6268656c6c6f", "PUBLISH q0").closeConnection();
        QCOMPARE(client.publish(QStringLiteral("a/b"), "hello").rc, Error::Success);
        QCOMPARE(client.loopWrite(), Error::Success);
        QCOMPARE(client.disconnect(), Error::Success);
        QTRY_VERIFY2((client.loopRead(), client.socket() < 0), qPrintable(broker.state()));
        loop.closedBy = QStringLiteral("loopRead"); // the only call made
    } else if (scenario == QLatin1String("violation")) {
        broker.sendHex(kConnackOk); // a second CONNACK
    } else {
        broker.sendHex("e0018e"); // DISCONNECT Session taken over, reason byte only
    }
    if (scenario != QLatin1String("closeWhileDisconnecting"))
        QTRY_VERIFY2((loop.pump(), client.socket() < 0), qPrintable(broker.state()));
    QTRY_COMPARE(ev.count("disconnected"), 1);
    QCOMPARE(ev.lines, events);
    QCOMPARE(loop.closedBy, closedBy);
    if (scenario == QLatin1String("closeWhileDisconnecting")) {
        // Read again on the closed client: NoConn, and no second disconnected.
        QCOMPARE(client.loopRead(), Error::NoConn);
    } else {
        QCOMPARE(loop.closeRc, closeRc);
    }
    QCOMPARE(client.loopRead(), Error::NoConn);
    QCOMPARE(client.loopWrite(), Error::NoConn);
    QCOMPARE(client.loopMisc(), Error::NoConn);
    QCOMPARE(client.state(), Client::State::Disconnected);
    QTest::qWait(20);
    QCOMPARE(ev.count("disconnected"), 1);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

// [P] _packet_write: QoS 0 on_publish fires when the bytes are completely written, before
// loop_write's final unregister_write; queueing alone fires nothing.
void tst_ClientLoop::qos0PublishedOnceWritten()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk).expectHex("300a0003612f6268656c6c6f", "PUBLISH q0");
    Client client(QStringLiteral("test-client"));
    Events ev(&client);
    HandLoop loop(&client, &ev);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY((loop.pump(), client.isConnected()));
    ev.lines.clear();
    const RequestResult r = client.publish(QStringLiteral("a/b"), "hello", 0);
    QCOMPARE(r.rc, Error::Success);
    QCOMPARE(r.mid, 1);
    QCOMPARE(ev.lines, QStringList{"register write"});
    QVERIFY(client.wantWrite());
    QCOMPARE(client.loopWrite(), Error::Success);
    QCOMPARE(ev.lines, (QStringList{"register write", "published 1 rc=0", "unregister write"}));
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
}

// §3: register/unregister are edges of wantWrite(); a socket closed while registered gets its
// unregister just before socketClosed, and the flag starts cleared on the next socket, so the
// first queued packet there registers again.
void tst_ClientLoop::writeRegistrationAcrossSockets()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .expectHex("300a0003612f6268656c6c6f", "PUBLISH q0").closeConnection()
        .expectConnection().expectHex(kConnect, "CONNECT again").sendHex(kConnackOk);
    Client client(QStringLiteral("test-client"));
    Events ev(&client);
    HandLoop loop(&client, &ev);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2((loop.pump(), client.isConnected()), qPrintable(broker.state()));
    QCOMPARE(client.publish(QStringLiteral("a/b"), "hello", 0).rc, Error::Success);
    QCOMPARE(client.loopWrite(), Error::Success); // the broker closes once it has this
    // Queued and never written: still registered when the broker's close is read.
    QCOMPARE(client.publish(QStringLiteral("a/b"), "hello", 1).rc, Error::Success);
    QTRY_VERIFY2((client.loopRead(), client.socket() < 0), qPrintable(broker.state()));
    QCOMPARE(ev.lines, (QStringList{"socket open", "register write", "unregister write", "connected sp=0 rc=0",
                                    "register write", "published 1 rc=0", "unregister write",
                                    "register write", "unregister write", "socket close",
                                    "disconnected 7 reason=0x80"}));
    ev.lines.clear();
    QCOMPARE(client.reconnect(), Error::Success);
    QCOMPARE(ev.lines, (QStringList{"socket open", "register write"}));
    QTRY_VERIFY((loop.pump(), client.isConnected()));
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

// Deliberately not paho: paho's reconnect() closes a live socket without on_disconnect. Ours
// fires disconnected exactly once for every connection that had a socket (ARCHITECTURE.md),
// in the error-path order, so the replaced connection is not left without an end.
void tst_ClientLoop::reconnectWhileConnected()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .expectConnection().expectHex(kConnect, "CONNECT again").sendHex(kConnackOk);
    Client client(QStringLiteral("test-client"));
    Events ev(&client);
    HandLoop loop(&client, &ev);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2((loop.pump(), client.isConnected()), qPrintable(broker.state()));
    ev.lines.clear();
    QCOMPARE(client.reconnect(), Error::Success);
    QCOMPARE(ev.lines, (QStringList{"socket close", "disconnected 7 reason=0x80", "socket open", "register write"}));
    QTRY_VERIFY2((loop.pump(), client.isConnected()), qPrintable(broker.state()));
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(ev.count("disconnected"), 1);
}

// disconnect() after CONNECT went out but before CONNACK came back. paho 1.6.1 handles the
// CONNACK normally (on_connect), then writes DISCONNECT and fires on_disconnect(0). The Client
// side holds: the connection ends with exactly one disconnected(0) and loopRead returns
// Success. The session (owned elsewhere) treats that CONNACK as a "second CONNACK" violation
// instead (it only accepts CONNACK in AwaitingConnack, not in Disconnecting): reported.
void tst_ClientLoop::connackAfterDisconnectQueued()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    Client client(QStringLiteral("test-client"));
    Events ev(&client);
    QStringList errors;
    QObject::connect(&client, &Client::logMessage, &client, [&](LogLevel level, const QString &text) {
        if (level == LogLevel::Err)
            errors << text;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY((client.loopWrite(), !client.wantWrite()));
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state())); // CONNACK is on its way
    QCOMPARE(client.disconnect(), Error::Success);
    QTRY_VERIFY((client.loopRead(), ev.count("connected") == 1 || client.socket() < 0));
    if (client.socket() >= 0)
        QCOMPARE(client.loopWrite(), Error::Success);
    QCOMPARE(client.socket(), qintptr(-1));
    QCOMPARE(ev.count("disconnected"), 1);
    QCOMPARE(ev.only({"disconnected"}), QStringList{"disconnected 0 reason=0x00"});
    QCOMPARE(ev.only({"connected"}), QStringList{"connected sp=0 rc=0"});
    QCOMPARE(errors, QStringList());
}

QTEST_MAIN(tst_ClientLoop)
#include "tst_clientloop.moc"
