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

class tst_Client : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connackCodes_data();
    void connackCodes();
    void subscribeQos_data();
    void subscribeQos();
    void publishQos_data();
    void publishQos();
    void publishLogLines();
    void requestInsideConnected_data();
    void requestInsideConnected();
    void incomingQos2DuplicateOnce();
    void perFilterRouting();
    void batchedMessagesReceived();
    void packetLoggingSwitch();
    void protocolViolationCloses();
    void brokerDisconnect5();
    void hostNameLookup();
    void publishOffline_data();
    void publishOffline();
    void pahoPacketLogLines();
    void destroyedContextRouteDropped();
    void userData();
    void qos1MessageBeforePuback_data();
    void qos1MessageBeforePuback();
    void ackBeforeDisconnectFromCallback_data();
    void ackBeforeDisconnectFromCallback();
    void failingPubrecForUnknownIdIgnored();
    void manualAck_data();
    void manualAck();
};

void tst_Client::connackCodes_data()
{
    QTest::addColumn<int>("code");
    for (int c = 0; c <= 5; ++c)
        QTest::addRow("rc %d", c) << c;
}

void tst_Client::connackCodes()
{
    QFETCH(int, code);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect, "CONNECT").send(QByteArray::fromHex("2002") + QByteArray(1, 0) + QByteArray(1, char(code)));
    if (code == 0)
        broker.expectHex("e000", "DISCONNECT");
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), broker.port(), 60), Error::Success);
    QTRY_COMPARE(ev.count("connected"), 1);
    if (code == 0) {
        QCOMPARE(client.state(), Client::State::Connected);
        QCOMPARE(client.disconnect(), Error::Success);
        QTRY_COMPARE(ev.count("disconnected"), 1);
        // User disconnect: on_disconnect first, then the socket callbacks (paho's order).
        QCOMPARE(ev.only({"connected", "disconnected", "socket close"}),
                 (QStringList{"connected sp=0 rc=0", "disconnected 0 reason=0x00", "socket close"}));
    } else {
        QTRY_COMPARE(ev.count("disconnected"), 1);
        const QString reason = QStringLiteral("%1").arg(reasonCodeFromConnackReturnCode(quint8(code)).value, 2, 16, QLatin1Char('0'));
        QCOMPARE(ev.only({"connected", "disconnected", "socket close"}),
                 (QStringList{QStringLiteral("connected sp=0 rc=%1").arg(code), "socket close",
                              QStringLiteral("disconnected 5 reason=0x%1").arg(reason)}));
        QCOMPARE(connackString(code).left(18), QStringLiteral("Connection Refused"));
    }
    QTest::qWait(50);
    QCOMPARE(ev.count("disconnected"), 1);
    QCOMPARE(client.state(), Client::State::Disconnected);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

void tst_Client::subscribeQos_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos0") << 0;
    QTest::newRow("qos1") << 1;
    QTest::newRow("qos2") << 2;
}

void tst_Client::subscribeQos()
{
    QFETCH(int, qos);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    QByteArray subscribe = QByteArray::fromHex("820800010003612f62");
    subscribe.append(char(qos));
    QByteArray suback = QByteArray::fromHex("90030001");
    suback.append(char(qos));
    broker.expectHex(kConnect).sendHex(kConnackOk).expect(subscribe, "SUBSCRIBE").send(suback);
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    QObject::connect(&client, &Client::connected, &client, [&] {
        const RequestResult r = client.subscribe(QStringLiteral("a/b"), qos);
        QCOMPARE(r.rc, Error::Success);
        QCOMPARE(r.mid, 1);
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(ev.count("subscribed"), 1);
    QCOMPARE(ev.only({"subscribed"}), QStringList{QStringLiteral("subscribed 1 [%1]").arg(qos)});
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

void tst_Client::publishQos_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos0") << 0;
    QTest::newRow("qos1") << 1;
    QTest::newRow("qos2") << 2;
}

void tst_Client::publishQos()
{
    QFETCH(int, qos);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    if (qos == 0) {
        broker.expectHex("300a0003612f6268656c6c6f", "PUBLISH q0");
    } else if (qos == 1) {
        broker.expectHex("320c0003612f62000168656c6c6f", "PUBLISH q1").sendHex("40020001");
    } else {
        broker.expectHex("340c0003612f62000168656c6c6f", "PUBLISH q2").sendHex("50020001")
            .expectHex("62020001", "PUBREL").sendHex("70020001");
    }
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    QObject::connect(&client, &Client::connected, &client, [&] {
        const RequestResult r = client.publish(QStringLiteral("a/b"), "hello", qos);
        QCOMPARE(r.rc, Error::Success);
        QCOMPARE(r.mid, 1);
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE_WITH_TIMEOUT(ev.count("published"), 1, 2000);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(ev.only({"connected", "published", "disconnected"}),
             (QStringList{"connected sp=0 rc=0", "published 1 rc=0"}));
    QTest::qWait(20);
    QCOMPARE(ev.count("published"), 1);
}

void tst_Client::publishLogLines()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .expectHex("320c0003612f62000168656c6c6f").sendHex("40020001");
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    QStringList logs;
    QObject::connect(&client, &Client::logMessage, &client, [&](LogLevel level, const QString &text) {
        if (level == LogLevel::Debug)
            logs << text;
    });
    QSignalSpy published(&client, &Client::published);
    QObject::connect(&client, &Client::connected, &client, [&] { client.publish(QStringLiteral("a/b"), "hello", 1); });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(published.count(), 1);
    QCOMPARE(logs, (QStringList{
                 "Sending CONNECT (u0, p0, wr0, wq0, wf0, c1, k60) client_id=b'test-client'",
                 "Received CONNACK (0, 0)",
                 "Sending PUBLISH (d0, q1, r0, m1), 'a/b', ... (5 bytes)",
                 "Received PUBACK (Mid: 1)"}));
}

void tst_Client::requestInsideConnected_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("mode");
    for (const char *request : {"publish q1", "publish q2", "subscribe", "unsubscribe"}) {
        // first: one connection. resumed: clean session 0, the broker drops us and resumes the
        // session (sp=1). clean: clean session 1, the loop reconnects (sp=0) and resubscribes.
        for (const char *mode : {"first", "resumed", "clean"})
            QTest::addRow("%s, %s", request, mode) << QString::fromLatin1(request) << QString::fromLatin1(mode);
    }
}

// The CLI's bug report: a request made in a slot on connected() went out twice. Each
// connection must carry exactly one copy: the broker's script has one, and no extra bytes
// may arrive after it.
void tst_Client::requestInsideConnected()
{
    QFETCH(QString, request);
    QFETCH(QString, mode);
    const auto mid = [](int id) { return QByteArray::fromHex("00") + char(id); };
    const QByteArray topic = QByteArray::fromHex("0003722f31"); // "r/1"
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    const bool clean = mode != QLatin1String("resumed");
    const QByteArray connect = QByteArray::fromHex(clean ? "101700044d5154540402003c000b746573742d636c69656e74"
                                                         : "101700044d5154540400003c000b746573742d636c69656e74");
    const int connections = mode == QLatin1String("first") ? 1 : 2;
    QString sendingLine;
    for (int c = 1; c <= connections; ++c) {
        if (c > 1)
            broker.closeConnection().expectConnection();
        broker.expect(connect, "CONNECT").sendHex(c > 1 && !clean ? "20020100" : "20020000");
        if (request == QLatin1String("publish q1")) {
            broker.expect(QByteArray::fromHex("3209") + topic + mid(c) + "hi", "PUBLISH q1")
                .send(QByteArray::fromHex("4002") + mid(c));
            sendingLine = QStringLiteral("Sending PUBLISH");
        } else if (request == QLatin1String("publish q2")) {
            broker.expect(QByteArray::fromHex("3409") + topic + mid(c) + "hi", "PUBLISH q2")
                .send(QByteArray::fromHex("5002") + mid(c))
                .expect(QByteArray::fromHex("6202") + mid(c), "PUBREL")
                .send(QByteArray::fromHex("7002") + mid(c));
            sendingLine = QStringLiteral("Sending PUBLISH");
        } else if (request == QLatin1String("subscribe")) {
            broker.expect(QByteArray::fromHex("8208") + mid(c) + topic + char(1), "SUBSCRIBE")
                .send(QByteArray::fromHex("9003") + mid(c) + char(1));
            sendingLine = QStringLiteral("Sending SUBSCRIBE");
        } else {
            broker.expect(QByteArray::fromHex("a207") + mid(c) + topic, "UNSUBSCRIBE")
                .send(QByteArray::fromHex("b002") + mid(c));
            sendingLine = QStringLiteral("Sending UNSUBSCRIBE");
        }
    }
    Client client(QStringLiteral("test-client"));
    client.setCleanSession(clean);
    SocketNotifierLoop loop(&client);
    loop.setReconnectDelayMs(10, 50);
    int sent = 0;
    QObject::connect(&client, &Client::logMessage, &client, [&](LogLevel, const QString &text) {
        sent += text.startsWith(sendingLine);
    });
    int answers = 0;
    const auto answered = [&answers] { ++answers; };
    QObject::connect(&client, &Client::published, &client, answered);
    QObject::connect(&client, &Client::subscribed, &client, answered);
    QObject::connect(&client, &Client::unsubscribed, &client, answered);
    // The paho pattern: the application (re)issues its requests in on_connect, every time.
    QObject::connect(&client, &Client::connected, &client, [&] {
        RequestResult r;
        if (request.startsWith(QLatin1String("publish")))
            r = client.publish(QStringLiteral("r/1"), "hi", request.endsWith(QLatin1Char('1')) ? 1 : 2);
        else if (request == QLatin1String("subscribe"))
            r = client.subscribe(QStringLiteral("r/1"), 1);
        else
            r = client.unsubscribe(QStringLiteral("r/1"));
        QCOMPARE(r.rc, Error::Success);
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2_WITH_TIMEOUT(broker.finished(), qPrintable(broker.state()), 3000);
    QTRY_COMPARE(answers, connections);
    QTest::qWait(100); // a second copy would arrive here
    QVERIFY2(broker.pending().isEmpty(), qPrintable(broker.state()));
    QCOMPARE(sent, connections);
    QCOMPARE(answers, connections);
    QCOMPARE(broker.connectionCount(), connections);
}

void tst_Client::incomingQos2DuplicateOnce()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    const char *publish = "340a00017400076170706c65"; // q2 topic "t" mid 7 payload "apple"
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .sendHex(publish).expectHex("50020007", "PUBREC")
        .sendHex("3c0a00017400076170706c65").expectHex("50020007", "PUBREC again") // DUP=1
        .sendHex("62020007").expectHex("70020007", "PUBCOMP");
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QTest::qWait(20);
    QCOMPARE(ev.only({"message"}), QStringList{"message t q2 apple"});
}

void tst_Client::perFilterRouting()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .sendHex("30060003612f6231")        // a/b "1"
        .sendHex("30060003782f7932")        // x/y "2"
        .sendHex("30090006245359532f7833"); // $SYS/x "3"
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    QStringList calls;
    QObject holder;
    const QStringList filters{"#", "+/b", "a/#", "a/+", "a/b", "+/+", "a/b/#", "$share/g/x/y"};
    for (const QString &f : filters) {
        QVERIFY(client.addMessageCallback(f, &holder, [&calls, f](const Message &m) {
            calls << f + QLatin1Char(':') + m.topic();
        }));
    }
    QVERIFY(!client.addMessageCallback(QStringLiteral("a/#/b"), &holder, [](const Message &) { }));
    // Same filter string again replaces the callable.
    QVERIFY(client.addMessageCallback(QStringLiteral("+/+"), &holder, [&calls](const Message &m) {
        calls << QStringLiteral("+/+ (replaced):") + m.topic();
    }));
    client.removeMessageCallback(QStringLiteral("#"));
    client.removeMessageCallback(QStringLiteral("not/there"));
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(ev.count("message"), 1);
    QTRY_COMPARE(calls.size(), 8);
    QCOMPARE(calls, (QStringList{"a/b:a/b", "a/b/#:a/b", "a/+:a/b", "a/#:a/b", "+/b:a/b", "+/+ (replaced):a/b",
                                 "$share/g/x/y:x/y", "+/+ (replaced):x/y"}));
    // Only the $SYS topic matched nothing and reached the default signal.
    QCOMPARE(ev.only({"message"}), QStringList{"message $SYS/x q0 3"});
}

// messagesReceived carries every message of a read, routed or not, in arrival order, once per
// read: 100 PUBLISH written at once arrive as one signal, beside the per-message routing.
void tst_Client::batchedMessagesReceived()
{
    QByteArray burst;
    for (int i = 0; i < 100; ++i)
        burst += QByteArray::fromHex("30060003612f62") + char('0' + i % 10); // a/b "<digit>"
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .sendHex("30060003782f7932")        // x/y "2": routed to a callback
        .sendHex(burst.toHex());            // 100 x a/b: no callback, messageReceived
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    QObject holder;
    int routed = 0;
    int unrouted = 0;
    QVERIFY(client.addMessageCallback(QStringLiteral("x/#"), &holder, [&routed](const Message &) { ++routed; }));
    QObject::connect(&client, &Client::messageReceived, &holder, [&unrouted](const Message &) { ++unrouted; });
    QList<QList<Message>> batches;
    QObject::connect(&client, &Client::messagesReceived, &holder,
                     [&](const QList<Message> &messages) {
                         // The per-message callbacks of this read ran before it.
                         QCOMPARE(routed + unrouted, [&] {
                             int n = 0;
                             for (const auto &b : std::as_const(batches))
                                 n += b.size();
                             return n + int(messages.size());
                         }());
                         batches << messages;
                     });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(routed + unrouted, 101);
    QCOMPARE(routed, 1);
    QStringList seen;
    for (const auto &batch : std::as_const(batches)) {
        for (const Message &m : batch)
            seen << m.topic() + QLatin1Char(' ') + QString::fromLatin1(m.payload());
    }
    QCOMPARE(seen.size(), 101);
    QCOMPARE(seen.first(), QStringLiteral("x/y 2"));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(seen.at(1 + i), QStringLiteral("a/b %1").arg(i % 10));
    // The broker wrote the 100 in one write: one read, one signal (plus the earlier x/y read,
    // which may share it).
    QVERIFY2(batches.size() <= 2, qPrintable(QString::number(batches.size())));
    QCOMPARE(batches.last().size() >= 100, true);
}

// setPacketLogging(false) drops paho's per-packet lines while logMessage stays connected;
// connection-level lines still come.
void tst_Client::packetLoggingSwitch()
{
    for (const bool packetLines : {true, false}) {
        ScriptedBroker broker;
        QVERIFY(broker.listen());
        broker.expectHex(kConnect).sendHex(kConnackOk).sendHex("30060003612f6231");
        Client client(QStringLiteral("test-client"));
        SocketNotifierLoop loop(&client);
        QCOMPARE(client.packetLogging(), true);
        client.setPacketLogging(packetLines);
        QStringList lines;
        QObject::connect(&client, &Client::logMessage, &client,
                         [&lines](LogLevel, const QString &text) { lines << text; });
        int messages = 0;
        QObject::connect(&client, &Client::messageReceived, &client, [&messages](const Message &) { ++messages; });
        client.connect(QStringLiteral("127.0.0.1"), broker.port());
        QTRY_COMPARE(messages, 1);
        const bool sawPublishLine = !lines.filter(QStringLiteral("Received PUBLISH")).isEmpty();
        const bool sawConnectLine = !lines.filter(QStringLiteral("Sending CONNECT")).isEmpty();
        QCOMPARE(sawPublishLine, packetLines);
        QCOMPARE(sawConnectLine, packetLines);
    }
}

void tst_Client::protocolViolationCloses()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk).sendHex(kConnackOk); // second CONNACK
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    Events ev(&client);
    QStringList errors;
    QObject::connect(&client, &Client::logMessage, &client, [&](LogLevel level, const QString &text) {
        if (level == LogLevel::Err)
            errors << text;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(ev.count("disconnected"), 1);
    QCOMPARE(ev.only({"disconnected"}), QStringList{"disconnected 2 reason=0x82"});
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(QStringLiteral("second CONNACK")), qPrintable(errors.first()));
}

void tst_Client::brokerDisconnect5()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    // 5.0 CONNECT: "MQTT" level 5, clean start, keepalive 60, no properties, id "c5".
    broker.expectHex("100f00044d5154540502003c00000263" "35").sendHex("2003000000")
        .sendHex("e0018e"); // DISCONNECT Session taken over, reason byte only
    Client client(QStringLiteral("c5"));
    client.setProtocolVersion(ProtocolVersion::V5);
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    Events ev(&client);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2(ev.count("disconnected") == 1, qPrintable(broker.state()));
    QCOMPARE(ev.only({"disconnected"}), QStringList{"disconnected 7 reason=0x8e server"});
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
}

void tst_Client::hostNameLookup()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop loop(&client);
    QSignalSpy connected(&client, &Client::connected);
    QCOMPARE(client.connect(QStringLiteral("localhost"), broker.port()), Error::Success);
    QCOMPARE(client.state(), Client::State::HostLookup); // returned without blocking
    QTRY_COMPARE(connected.count(), 1);

    Client bad(QStringLiteral("x"));
    QSignalSpy failed(&bad, &Client::connectFailed);
    QCOMPARE(bad.connect(QStringLiteral("no-such-host.invalid"), 1883), Error::Success);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(bad.state(), Client::State::Disconnected);
}

void tst_Client::publishOffline_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos0") << 0;
    QTest::newRow("qos1") << 1;
    QTest::newRow("qos2") << 2;
}

// §1.2: offline, QoS 0 is dropped with NoConn and never fires published; QoS>0 is stored,
// returns NoConn with its mid, and goes out (DUP=0, never sent before) after the next CONNACK.
void tst_Client::publishOffline()
{
    QFETCH(int, qos);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    if (qos == 1)
        broker.expectHex("320c0003612f62000168656c6c6f", "PUBLISH q1").sendHex("40020001");
    else if (qos == 2)
        broker.expectHex("340c0003612f62000168656c6c6f", "PUBLISH q2").sendHex("50020001")
            .expectHex("62020001", "PUBREL").sendHex("70020001");
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop driver(&client);
    Events ev(&client);
    const RequestResult r = client.publish(QStringLiteral("a/b"), "hello", qos);
    QCOMPARE(r.rc, Error::NoConn);
    if (qos > 0)
        QCOMPARE(r.mid, 1);
    QVERIFY(ev.lines.isEmpty()); // no socket: no register write, nothing published
    QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), broker.port()), Error::Success);
    QTRY_COMPARE(ev.count("connected"), 1);
    if (qos > 0)
        QTRY_COMPARE(ev.count("published"), 1);
    QTest::qWait(50); // a QoS 0 copy or a second PUBLISH would arrive here
    QVERIFY2(broker.finished(), qPrintable(broker.state()));
    QVERIFY2(broker.pending().isEmpty(), qPrintable(broker.state()));
    const QStringList expected = qos > 0 ? QStringList{"connected sp=0 rc=0", "published 1 rc=0"}
                                         : QStringList{"connected sp=0 rc=0"};
    QCOMPARE(ev.only({"connected", "published"}), expected);
}

// Every packet line a 3.1.1 session logs, against paho-mqtt 1.6.1's on_log for the same
// exchange (recorded with /usr/bin/python3 against mosquitto). One deliberate difference:
// paho 1.6.1 prints a sent PUBLISH topic as 'b't/0'' (a bytes repr inside quotes); ours is
// 't/0' as ARCHITECTURE.md's API table specifies.
void tst_Client::pahoPacketLogLines()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    // CONNECT u1 p1 wr1 wq1 wf1 c1 k60, id "pc1", will "w/t" "bye", user "u", password "p".
    broker.expectHex("101f00044d51545404ee003c0003706331" "0003772f74" "0003627965" "000175" "000170", "CONNECT")
        .sendHex(kConnackOk)
        .expectHex("820800010003742f2302", "SUBSCRIBE").sendHex("9003000102")
        .expectHex("300a0003742f3068656c6c6f", "PUBLISH q0").sendHex("300a0003742f3068656c6c6f")
        .expectHex("320c0003742f31000368656c6c6f", "PUBLISH q1").sendHex("320c0003742f31000168656c6c6f")
        .expectHex("40020001", "PUBACK").sendHex("40020003")
        .expectHex("340c0003742f32000468656c6c6f", "PUBLISH q2").sendHex("50020004")
        .expectHex("62020004", "PUBREL").sendHex("340c0003742f32000268656c6c6f")
        .expectHex("50020002", "PUBREC").sendHex("70020004").sendHex("62020002")
        .expectHex("70020002", "PUBCOMP")
        .expectHex("a2070005000374" "2f23", "UNSUBSCRIBE").sendHex("b0020005")
        .expectHex("c000", "PINGREQ").sendHex("d000")
        .expectHex("e000", "DISCONNECT");
    qint64 fakeNow = 1000;
    Client client(QStringLiteral("pc1"));
    client.setClock([&fakeNow] { return fakeNow; });
    client.setCredentials(QStringLiteral("u"), QByteArray("p"));
    QCOMPARE(client.setWill(QStringLiteral("w/t"), "bye", 1, true), Error::Success);
    Events ev(&client);
    HandLoop loop(&client, &ev);
    QStringList logs;
    QObject::connect(&client, &Client::logMessage, &client, [&](LogLevel level, const QString &text) {
        if (level == LogLevel::Debug)
            logs << text;
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2((loop.pump(), client.isConnected()), qPrintable(broker.state()));
    QCOMPARE(client.subscribe(QStringLiteral("t/#"), 2).mid, 1);
    QTRY_VERIFY2((loop.pump(), ev.count("subscribed") == 1), qPrintable(broker.state()));
    QCOMPARE(client.publish(QStringLiteral("t/0"), "hello", 0).mid, 2);
    QTRY_VERIFY2((loop.pump(), ev.count("message") == 1), qPrintable(broker.state()));
    QCOMPARE(client.publish(QStringLiteral("t/1"), "hello", 1).mid, 3);
    QTRY_VERIFY2((loop.pump(), ev.count("published") == 2), qPrintable(broker.state()));
    QCOMPARE(client.publish(QStringLiteral("t/2"), "hello", 2).mid, 4);
    QTRY_VERIFY2((loop.pump(), ev.count("message") == 3 && ev.count("published") == 3 && !client.wantWrite()),
                 qPrintable(broker.state()));
    QCOMPARE(client.unsubscribe(QStringLiteral("t/#")).mid, 5);
    QTRY_VERIFY2((loop.pump(), ev.count("unsubscribed") == 1), qPrintable(broker.state()));
    fakeNow += 60000;
    QCOMPARE(client.loopMisc(), Error::Success);
    QTRY_VERIFY2((loop.pump(), logs.last() == QLatin1String("Received PINGRESP")), qPrintable(broker.state()));
    QCOMPARE(client.disconnect(), Error::Success);
    QTRY_VERIFY2((loop.pump(), client.socket() < 0), qPrintable(broker.state()));
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));

    const QStringList paho{
        "Sending CONNECT (u1, p1, wr1, wq1, wf1, c1, k60) client_id=b'pc1'",
        "Received CONNACK (0, 0)",
        "Sending SUBSCRIBE (d0, m1) [(b't/#', 2)]",
        "Received SUBACK",
        "Sending PUBLISH (d0, q0, r0, m2), 't/0', ... (5 bytes)",
        "Received PUBLISH (d0, q0, r0, m0), 't/0', ...  (5 bytes)",
        "Sending PUBLISH (d0, q1, r0, m3), 't/1', ... (5 bytes)",
        "Received PUBLISH (d0, q1, r0, m1), 't/1', ...  (5 bytes)",
        "Sending PUBACK (Mid: 1)",
        "Received PUBACK (Mid: 3)",
        "Sending PUBLISH (d0, q2, r0, m4), 't/2', ... (5 bytes)",
        "Received PUBREC (Mid: 4)",
        "Sending PUBREL (Mid: 4)",
        "Received PUBLISH (d0, q2, r0, m2), 't/2', ...  (5 bytes)",
        "Sending PUBREC (Mid: 2)",
        "Received PUBCOMP (Mid: 4)",
        "Received PUBREL (Mid: 2)",
        "Sending PUBCOMP (Mid: 2)",
        "Sending UNSUBSCRIBE (d0, m5) [b't/#']",
        "Received UNSUBACK (Mid: 5)",
        "Sending PINGREQ",
        "Received PINGRESP",
        "Sending DISCONNECT",
    };
    QCOMPARE(logs.size(), paho.size());
    for (int i = 0; i < paho.size(); ++i) {
        QCOMPARE(logs.at(i), paho.at(i));
    }
}

// A callable whose context object is gone is dropped: it is not called and does not count
// as a match, so messageReceived (on_message) gets the message.
void tst_Client::destroyedContextRouteDropped()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk)
        .sendHex("30060003612f6231")  // a/b "1"
        .sendHex("30060003612f6332"); // a/c "2"
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop driver(&client);
    Events ev(&client);
    QStringList calls;
    QObject kept;
    auto gone = std::make_unique<QObject>();
    QVERIFY(client.addMessageCallback(QStringLiteral("a/b"), gone.get(), [&calls](const Message &m) {
        calls << QStringLiteral("gone:") + m.topic();
    }));
    QVERIFY(client.addMessageCallback(QStringLiteral("a/+"), gone.get(), [&calls](const Message &m) {
        calls << QStringLiteral("gone+:") + m.topic();
    }));
    QVERIFY(client.addMessageCallback(QStringLiteral("a/c"), &kept, [&calls](const Message &m) {
        calls << QStringLiteral("kept:") + m.topic();
    }));
    gone.reset();
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(calls.size(), 1);
    QTRY_COMPARE(ev.count("message"), 1);
    QTest::qWait(20);
    QCOMPARE(calls, QStringList{"kept:a/c"});
    QCOMPARE(ev.only({"message"}), QStringList{"message a/b q0 1"});
}

void tst_Client::userData()
{
    Client client(QStringLiteral("x"));
    QVERIFY(!client.userData().isValid());
    client.setUserData(QVariantMap{{QStringLiteral("k"), 42}});
    QCOMPARE(client.userData().toMap().value(QStringLiteral("k")).toInt(), 42);
    client.setUserData(QVariant());
    QVERIFY(!client.userData().isValid());
}

void tst_Client::qos1MessageBeforePuback_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos1: before PUBACK") << 1;
    QTest::newRow("qos2: on PUBREL, before PUBCOMP") << 2;
}

// §2 [P _handle_publish / _handle_pubrel]: QoS 1 on_message runs before the PUBACK is queued,
// QoS 2 on PUBREL before the PUBCOMP; so a PUBLISH made inside the callback is on the wire
// before the acknowledgement.
void tst_Client::qos1MessageBeforePuback()
{
    QFETCH(int, qos);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    if (qos == 1) {
        broker.sendHex("320a00017400076170706c65")   // q1 "t" mid 7 "apple"
            .expectHex("30070001726f6b6179", "PUBLISH q0 from the callback")
            .expectHex("40020007", "PUBACK");
    } else {
        broker.sendHex("340a00017400076170706c65").expectHex("50020007", "PUBREC")
            .sendHex("62020007")
            .expectHex("30070001726f6b6179", "PUBLISH q0 from the callback")
            .expectHex("70020007", "PUBCOMP");
    }
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop driver(&client);
    QObject::connect(&client, &Client::messageReceived, &client, [&client](const Message &) {
        client.publish(QStringLiteral("r"), "okay", 0);
    });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
}

void tst_Client::ackBeforeDisconnectFromCallback_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<bool>("perFilter");
    QTest::newRow("qos1, messageReceived") << 1 << false;
    QTest::newRow("qos1, per-filter callback") << 1 << true;
    QTest::newRow("qos2, messageReceived") << 2 << false;
    QTest::newRow("qos2, per-filter callback") << 2 << true;
}

// Issue 14 item 1: disconnect() inside the callback that delivers a message must not put the
// DISCONNECT ahead of the PUBACK/PUBCOMP the delivery owes: nothing may follow DISCONNECT
// [MQTT-3.14.4-1], and a lost acknowledgement makes a persistent session deliver it again.
// mosquitto_sub -C 1 sends PUBACK, then DISCONNECT.
void tst_Client::ackBeforeDisconnectFromCallback()
{
    QFETCH(int, qos);
    QFETCH(bool, perFilter);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    if (qos == 1) {
        broker.sendHex("320a00017400076170706c65")    // q1 "t" mid 7 "apple"
            .expectHex("40020007", "PUBACK");
    } else {
        broker.sendHex("340a00017400076170706c65").expectHex("50020007", "PUBREC")
            .sendHex("62020007").expectHex("70020007", "PUBCOMP");
    }
    broker.expectHex("e000", "DISCONNECT").expectClientClose();
    Client client(QStringLiteral("test-client"));
    SocketNotifierLoop driver(&client);
    driver.setAutoReconnect(false);
    Events ev(&client);
    QObject holder;
    const auto stop = [&client](const Message &) { client.disconnect(); };
    if (perFilter)
        QVERIFY(client.addMessageCallback(QStringLiteral("t"), &holder, stop));
    else
        QObject::connect(&client, &Client::messageReceived, &holder, stop);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QTRY_COMPARE(ev.count("disconnected"), 1);
    QCOMPARE(ev.only({"disconnected"}), QStringList{"disconnected 0 reason=0x00"});
    QVERIFY2(broker.pending().isEmpty(), qPrintable(broker.state()));
}

// Issue 14 item 2: a 5.0 PUBREC >= 0x80 ends the flow whether or not we know the id: nothing is
// owed, so nothing is sent [MQTT-4.3.3-4]. The successful unsolicited PUBREC after it still
// gets PUBREL 0x92 (docs/conformance.md, d), which proves nothing went out in between.
void tst_Client::failingPubrecForUnknownIdIgnored()
{
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex("100f00044d5154540502003c00000263" "35").sendHex("2003000000")
        .sendHex("5003000980")                   // PUBREC mid 9, Unspecified error
        .sendHex("5002000a")                     // PUBREC mid 10, success, unknown
        .expectHex("6203000a92", "PUBREL mid 10, Packet Identifier not found");
    Client client(QStringLiteral("c5"));
    client.setProtocolVersion(ProtocolVersion::V5);
    SocketNotifierLoop driver(&client);
    Events ev(&client);
    QStringList logs;
    QObject::connect(&client, &Client::logMessage, &client,
                     [&logs](LogLevel, const QString &text) { logs << text; });
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QTest::qWait(20);
    QVERIFY2(broker.pending().isEmpty(), qPrintable(broker.state()));
    QVERIFY(logs.filter(QStringLiteral("PUBREC (Mid: 9) with reason 0x80 for an unknown packet id ignored")).size() == 1);
    QCOMPARE(ev.count("disconnected"), 0);
}

void tst_Client::manualAck_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("qos1: PUBACK only on ack()") << 1;
    QTest::newRow("qos2: PUBREC on receipt, PUBCOMP only on ack()") << 2;
}

// paho's manual_ack_set()/ack() [P _handle_publish, _handle_pubrel, ack]: the acknowledgement
// of a delivered message waits for ack(mid, qos); QoS 2's PUBREC is not delayed.
void tst_Client::manualAck()
{
    QFETCH(int, qos);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect).sendHex(kConnackOk);
    if (qos == 1)
        broker.sendHex("320a00017400076170706c65");
    else
        broker.sendHex("340a00017400076170706c65").expectHex("50020007", "PUBREC").sendHex("62020007");
    broker.expectHex(qos == 1 ? "40020007" : "70020007", "ack");
    Client client(QStringLiteral("test-client"));
    QCOMPARE(client.ack(7, qos), Error::Success); // manual ack off: nothing to do
    client.setManualAck(true);
    QVERIFY(client.manualAck());
    QCOMPARE(client.ack(7, qos), Error::NoConn);
    SocketNotifierLoop driver(&client);
    Events ev(&client);
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(ev.count("message"), 1);
    QTest::qWait(50);
    QVERIFY2(!broker.finished(), qPrintable(broker.state()));
    QVERIFY2(broker.pending().isEmpty(), qPrintable(broker.state())); // no acknowledgement yet
    QCOMPARE(client.ack(7, 0), Error::Success);                       // QoS 0 owes nothing
    QCOMPARE(client.ack(0, qos), Error::Inval);
    QCOMPARE(client.ack(7, qos), Error::Success);
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    client.disconnect();
    QCOMPARE(client.ack(7, qos), Error::NoConn); // nothing may follow DISCONNECT
}

QTEST_MAIN(tst_Client)
#include "tst_client.moc"
