// mqtt::Client against a real mosquitto (TestBroker) and against paho-mqtt 1.6.1.
#include "client.h"
#include "mqttstrings.h"
#include "socketloop.h"
#include "testbroker.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <sys/socket.h>

using namespace mqtt;

namespace {

// A Client with its own loop, connected to 127.0.0.1:port.
struct Peer
{
    explicit Peer(const QString &id, bool clean = true) : client(id), loop(&client)
    {
        client.setCleanSession(clean);
        loop.setReconnectDelayMs(50, 500);
    }
    Client client;
    SocketNotifierLoop loop;
};

} // namespace

class tst_ClientIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passwordRefused_data();
    void passwordRefused();
    void willOnAbnormalClose();
    void pahoPublishesQos2();
    void pahoReceivesQos2();
    void brokerRestartWithPersistence();
};

void tst_ClientIntegration::passwordRefused_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("expected");
    // Measured: mosquitto 2.0.11 answers a wrong password from a password_file with code 5
    // ("not authorised") under 3.1.1 and 0x87 Not authorized under 5.0, never with code 4 /
    // 0x86 "bad user name or password". We check what the broker really sends.
    QTest::newRow("3.1.1") << 4 << connackString(5);
    QTest::newRow("5.0") << 5 << connackString(5);
}

void tst_ClientIntegration::passwordRefused()
{
    QFETCH(int, version);
    QFETCH(QString, expected);
    TestBroker broker;
    const QString passwd = broker.dataDir() + QStringLiteral("/passwd");
    QProcess mk;
    mk.start(QStringLiteral("mosquitto_passwd"), {"-c", "-b", passwd, "alice", "secret"});
    QVERIFY(mk.waitForFinished(10000));
    QCOMPARE(mk.exitCode(), 0);
    broker.setListenerConfig(QStringLiteral("password_file %1\nallow_anonymous false").arg(passwd));
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));

    Peer bad(QStringLiteral("bad"));
    bad.loop.setAutoReconnect(false);
    bad.client.setProtocolVersion(ProtocolVersion(version));
    bad.client.setCredentials(QStringLiteral("alice"), QByteArray("wrong"));
    QSignalSpy connected(&bad.client, &Client::connected);
    QSignalSpy disconnected(&bad.client, &Client::disconnected);
    QCOMPARE(bad.client.connect(QStringLiteral("127.0.0.1"), broker.port()), Error::Success);
    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(connected.count(), 1);
    const ReasonCode rc = connected.first().at(1).value<ReasonCode>();
    if (version == 5) {
        QCOMPARE(rc.value, reasonCodeFromConnackReturnCode(5).value);
        QCOMPARE(reasonCodeName(rc, PacketType::Connack), QStringLiteral("Not authorized"));
    } else {
        QCOMPARE(connackString(rc.value), expected);
    }
    QCOMPARE(disconnected.first().at(0).toInt(), int(Error::ConnRefused));

    Peer good(QStringLiteral("good"));
    good.client.setProtocolVersion(ProtocolVersion(version));
    good.client.setCredentials(QStringLiteral("alice"), QByteArray("secret"));
    QSignalSpy ok(&good.client, &Client::connected);
    good.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(ok.count(), 1);
    QCOMPARE(ok.first().at(1).value<ReasonCode>().value, quint8(0));
}

void tst_ClientIntegration::willOnAbnormalClose()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    Peer watcher(QStringLiteral("watcher"));
    QSignalSpy subscribed(&watcher.client, &Client::subscribed);
    QSignalSpy messages(&watcher.client, &Client::messageReceived);
    QObject::connect(&watcher.client, &Client::connected, &watcher.client,
                     [&] { watcher.client.subscribe(QStringLiteral("wills/#"), 1); });
    watcher.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(subscribed.count(), 1);

    Peer dying(QStringLiteral("dying"));
    dying.loop.setAutoReconnect(false);
    QCOMPARE(dying.client.setWill(QStringLiteral("wills/dying"), "gone", 1), Error::Success);
    QSignalSpy up(&dying.client, &Client::connected);
    QSignalSpy down(&dying.client, &Client::disconnected);
    dying.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(up.count(), 1);
    QTest::qWait(100);
    QCOMPARE(messages.count(), 0);
    // Abnormal close: the TCP connection ends without DISCONNECT.
    ::shutdown(int(dying.client.socket()), SHUT_RDWR);
    QTRY_COMPARE(down.count(), 1);
    QCOMPARE(down.first().at(0).toInt(), int(Error::ConnLost));
    QTRY_COMPARE(messages.count(), 1);
    const Message will = messages.first().at(0).value<Message>();
    QCOMPARE(will.topic(), QStringLiteral("wills/dying"));
    QCOMPARE(will.payload(), QByteArray("gone"));

    // A normal disconnect discards the will.
    Peer polite(QStringLiteral("polite"));
    polite.client.setWill(QStringLiteral("wills/polite"), "never", 1);
    QSignalSpy politeUp(&polite.client, &Client::connected);
    QSignalSpy politeDown(&polite.client, &Client::disconnected);
    polite.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(politeUp.count(), 1);
    polite.client.disconnect();
    QTRY_COMPARE(politeDown.count(), 1);
    QCOMPARE(politeDown.first().at(0).toInt(), 0);
    QTest::qWait(300);
    QCOMPARE(messages.count(), 1);
}

void tst_ClientIntegration::pahoPublishesQos2()
{
    const QString python = pahoPython();
    if (python.isEmpty())
        QSKIP("/usr/bin/python3 with paho-mqtt is not installed");
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    Peer us(QStringLiteral("us-sub"));
    QSignalSpy subscribed(&us.client, &Client::subscribed);
    QStringList payloads;
    QObject::connect(&us.client, &Client::messageReceived, &us.client, [&](const Message &m) {
        QCOMPARE(m.qos(), 2);
        payloads << QString::fromUtf8(m.payload());
    });
    QObject::connect(&us.client, &Client::connected, &us.client,
                     [&] { us.client.subscribe(QStringLiteral("paho/q2"), 2); });
    us.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(subscribed.count(), 1);

    const QString script = QStringLiteral(R"(
import sys, paho.mqtt.client as mqtt
c = mqtt.Client(client_id="paho-pub")
c.connect("127.0.0.1", int(sys.argv[1]))
c.loop_start()
infos = [c.publish("paho/q2", "m%d" % i, qos=2) for i in range(50)]
for i in infos:
    i.wait_for_publish(10)
c.disconnect()
c.loop_stop()
)");
    QProcess py;
    py.start(python, {QStringLiteral("-c"), script, QString::number(broker.port())});
    QVERIFY(py.waitForFinished(30000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    QTRY_COMPARE(payloads.size(), 50);
    QTest::qWait(200);
    QCOMPARE(payloads.size(), 50); // exactly once
    QStringList expected;
    for (int i = 0; i < 50; ++i)
        expected << QStringLiteral("m%1").arg(i);
    QCOMPARE(payloads, expected);
}

void tst_ClientIntegration::pahoReceivesQos2()
{
    const QString python = pahoPython();
    if (python.isEmpty())
        QSKIP("/usr/bin/python3 with paho-mqtt is not installed");
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    const QString script = QStringLiteral(R"(
import sys, time, paho.mqtt.client as mqtt
got = []
def on_connect(c, u, f, rc):
    c.subscribe("ours/q2", 2)
def on_subscribe(c, u, mid, q):
    print("ready", flush=True)
def on_message(c, u, m):
    got.append((m.payload.decode(), m.qos))
c = mqtt.Client(client_id="paho-sub")
c.on_connect = on_connect
c.on_subscribe = on_subscribe
c.on_message = on_message
c.connect("127.0.0.1", int(sys.argv[1]))
end = time.time() + 20
while time.time() < end and len(got) < 50:
    c.loop(0.1)
t = time.time() + 0.5
while time.time() < t:
    c.loop(0.1)
for p, q in got:
    print(p, q)
)");
    QProcess py;
    py.start(python, {QStringLiteral("-c"), script, QString::number(broker.port())});
    QVERIFY(py.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(py.canReadLine() || py.state() != QProcess::Running, 10000);
    QCOMPARE(py.readLine().trimmed(), QByteArray("ready"));

    Peer us(QStringLiteral("us-pub"));
    QSignalSpy published(&us.client, &Client::published);
    QObject::connect(&us.client, &Client::connected, &us.client, [&] {
        for (int i = 0; i < 50; ++i)
            QCOMPARE(us.client.publish(QStringLiteral("ours/q2"), QByteArray("n") + QByteArray::number(i), 2).rc, Error::Success);
    });
    us.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(published.count(), 50);
    QVERIFY(py.waitForFinished(30000));
    const QList<QByteArray> lines = py.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(lines.at(i), QByteArray("n") + QByteArray::number(i) + " 2");
}

void tst_ClientIntegration::brokerRestartWithPersistence()
{
    TestBroker broker;
    broker.setGlobalConfig(QStringLiteral("persistence true"));
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));

    Peer sub(QStringLiteral("persist-sub"), false);
    QSignalSpy subscribed(&sub.client, &Client::subscribed);
    QMultiHash<QByteArray, int> received;
    QObject::connect(&sub.client, &Client::messageReceived, &sub.client,
                     [&](const Message &m) { received.insert(m.payload(), m.qos()); });
    bool firstSub = true;
    QObject::connect(&sub.client, &Client::connected, &sub.client, [&] {
        if (firstSub)
            sub.client.subscribe(QStringLiteral("persist/#"), 2);
        firstSub = false;
    });
    sub.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(subscribed.count(), 1);

    Peer pub(QStringLiteral("persist-pub"), false);
    QSignalSpy pubUp(&pub.client, &Client::connected);
    QSignalSpy published(&pub.client, &Client::published);
    pub.client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE(pubUp.count(), 1);

    broker.stop();
    QTRY_COMPARE(pub.client.state(), Client::State::Disconnected);
    QTRY_VERIFY(sub.client.state() != Client::State::Connected);
    // Published while the broker is down: stored, NoConn, sent after the next CONNACK.
    QSet<QByteArray> expected;
    for (int i = 0; i < 20; ++i) {
        const int qos = 1 + i % 2;
        const QByteArray payload = "offline-" + QByteArray::number(i);
        expected.insert(payload);
        const RequestResult r = pub.client.publish(QStringLiteral("persist/x"), payload, qos);
        QCOMPARE(r.rc, Error::NoConn);
        QVERIFY(r.mid > 0);
    }
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(published.count(), 20, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 20, 20000);
    QTest::qWait(500);
    QCOMPARE(received.size(), 20); // exactly once each
    QCOMPARE(QSet<QByteArray>(received.keyBegin(), received.keyEnd()), expected);
}

QTEST_MAIN(tst_ClientIntegration)
#include "tst_clientintegration.moc"
