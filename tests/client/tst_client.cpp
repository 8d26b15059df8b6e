#include "client.h"
#include "scriptedbroker.h"
#include "socketloop.h"
#include "mqttstrings.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqtt;

namespace {

// 3.1.1 packets, hand-written as in mosquitto's client tests.
// CONNECT: client id "test-client", keepalive 60, clean session.
const char *kConnect = "101700044d5154540402003c000b746573742d636c69656e74";
const char *kConnackOk = "20020000";

// Records the client's signals, in order, as text.
class Events : public QObject
{
public:
    explicit Events(Client *c)
    {
        connect(c, &Client::connected, this, [this](ConnectFlags f, ReasonCode rc, const Properties &) {
            lines << QStringLiteral("connected sp=%1 rc=%2").arg(f.sessionPresent).arg(rc.value);
        });
        connect(c, &Client::disconnected, this, [this](int rc, DisconnectFlags f, ReasonCode reason, const Properties &) {
            lines << QStringLiteral("disconnected %1 reason=0x%2%3").arg(rc).arg(reason.value, 2, 16, QLatin1Char('0'))
                         .arg(f.fromServer ? QStringLiteral(" server") : QString());
        });
        connect(c, &Client::published, this, [this](int mid, ReasonCode rc, const Properties &) {
            lines << QStringLiteral("published %1 rc=%2").arg(mid).arg(rc.value);
        });
        connect(c, &Client::subscribed, this, [this](int mid, const QList<ReasonCode> &g, const Properties &) {
            QStringList q;
            for (ReasonCode r : g)
                q << QString::number(r.value);
            lines << QStringLiteral("subscribed %1 [%2]").arg(mid).arg(q.join(QLatin1Char(',')));
        });
        connect(c, &Client::unsubscribed, this, [this](int mid, const QList<ReasonCode> &, const Properties &) {
            lines << QStringLiteral("unsubscribed %1").arg(mid);
        });
        connect(c, &Client::messageReceived, this, [this](const Message &m) {
            lines << QStringLiteral("message %1 q%2 %3").arg(m.topic()).arg(m.qos()).arg(QString::fromUtf8(m.payload()));
        });
        connect(c, &Client::socketOpened, this, [this](qintptr) { lines << QStringLiteral("socket open"); });
        connect(c, &Client::socketClosed, this, [this](qintptr) { lines << QStringLiteral("socket close"); });
        connect(c, &Client::socketRegisterWrite, this, [this](qintptr) { lines << QStringLiteral("register write"); });
        connect(c, &Client::socketUnregisterWrite, this, [this](qintptr) { lines << QStringLiteral("unregister write"); });
    }
    QStringList lines;
    int count(const QString &prefix) const
    {
        int n = 0;
        for (const QString &l : lines)
            n += l.startsWith(prefix);
        return n;
    }
    QStringList only(const QStringList &prefixes) const
    {
        QStringList out;
        for (const QString &l : lines) {
            for (const QString &p : prefixes) {
                if (l.startsWith(p)) {
                    out << l;
                    break;
                }
            }
        }
        return out;
    }
};

} // namespace

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
    void resendWithDupAfterReconnect();
    void keepalivePingAndTimeout();
    void perFilterRouting();
    void writeRegistration();
    void protocolViolationCloses();
    void brokerDisconnect5();
    void hostNameLookup();
    void noConnErrors();
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
                 "Sending CONNECT (u0, p0, wr0, wq0, wf0, c1, k60) client_id=test-client",
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

void tst_Client::resendWithDupAfterReconnect()
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

void tst_Client::keepalivePingAndTimeout()
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
    QCOMPARE(client.loopMisc(), Error::Keepalive);
    QCOMPARE(client.loopMisc(), Error::NoConn);
    QTRY_VERIFY2(broker.finished(), qPrintable(broker.state()));
    QCOMPARE(ev.count("disconnected"), 1); // exactly once (paho #870 fires twice)
    QCOMPARE(ev.only({"disconnected"}), QStringList{"disconnected 16 reason=0x8d"});
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

void tst_Client::writeRegistration()
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

void tst_Client::noConnErrors()
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

QTEST_MAIN(tst_Client)
#include "tst_client.moc"
