// The malformed-broker suite: a fake broker sends each class of invalid input of §6.14 of
// the client semantics reference (plus slow-loris, silence and a mid-packet close) to a real
// mqtt::Client driven by SocketNotifierLoop over TCP. For every case the client must close the
// connection itself, fire disconnected exactly once with the right code, log a line naming the
// violation and, in 5.0, send DISCONNECT with the right reason before closing; in 3.1.1 it must
// send no DISCONNECT (that would discard the will). memoryStaysFlat runs the cases again and
// again and checks the resident set does not grow; the ASan build adds the leak check.
#include "client.h"
#include "fakebroker.h"
#include "socketloop.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace mqtt;

namespace {

enum Action { NoAction = 0, Subscribe1 = 1, Subscribe2 = 2 };

struct Case
{
    ProtocolVersion version = ProtocolVersion::V311;
    QByteArray connack;       // sent after CONNECT; empty = never
    QByteArray bad;           // the hostile bytes
    int subscribe = NoAction; // subscribe N filters after CONNACK; `bad` answers the SUBSCRIBE
    FakeBroker::Mode mode = FakeBroker::Mode::Normal;
    int keepAlive = 30;
    Properties connectProperties;
    int rc = int(Error::Protocol); // expected disconnected() code
    int reason = -1;               // expected DISCONNECT reason (5.0); -1: none may be sent
    QString needle;                // in the log line naming the violation
};

const QByteArray kConnack311 = QByteArray::fromHex("20020000");
const QByteArray kConnack5 = QByteArray::fromHex("2003000000");

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

Case v3(const char *connackHex, const char *badHex, const char *needle,
        int rc = int(Error::Protocol))
{
    Case c;
    c.version = ProtocolVersion::V311;
    c.connack = connackHex ? hex(connackHex) : kConnack311;
    c.bad = hex(badHex);
    c.needle = QString::fromUtf8(needle);
    c.rc = rc;
    return c;
}

Case v5(const char *connackHex, const char *badHex, int reason, const char *needle,
        int rc = int(Error::Protocol))
{
    Case c;
    c.version = ProtocolVersion::V5;
    c.connack = connackHex ? hex(connackHex) : kConnack5;
    c.bad = hex(badHex);
    c.reason = reason;
    c.needle = QString::fromUtf8(needle);
    c.rc = rc;
    return c;
}

QList<QPair<QByteArray, Case>> allCases()
{
    QList<QPair<QByteArray, Case>> list;
    auto add = [&list](const char *name, const Case &c) { list.append({QByteArray(name), c}); };

    // --- 3.1.1: the client MUST close [MQTT-4.8.0-1] and sends no DISCONNECT ---
    add("3: PUBACK flags 0001", v3(nullptr, "41020001", "flags"));
    add("3: PUBREL flags 0000", v3(nullptr, "60020001", "flags"));
    add("3: SUBACK flags 0001", v3(nullptr, "91030001 00", "flags"));
    add("3: remaining length 5 bytes", v3(nullptr, "30ffffffff7f", "emaining length"));
    add("3: PUBACK remaining length 3", v3(nullptr, "4003000100", "PUBACK"));
    add("3: PINGRESP remaining length 1", v3(nullptr, "d00100", "PINGRESP"));
    add("3: CONNACK remaining length 3", v3("2003000000", "", "CONNACK"));
    add("3: CONNACK reserved flag bits", v3("20020200", "", "CONNACK"));
    add("3: CONNACK return code 6", v3("20020006", "", "CONNACK"));
    add("3: CONNACK SP=1 with a refusal", v3("20020105", "", "Session Present"));
    add("3: CONNACK SP=1 after clean session", v3("20020100", "", "Session Present"));
    add("3: second CONNACK", v3(nullptr, "20020000", "second CONNACK"));
    add("3: PUBLISH before CONNACK", v3("", "3004000161 78", "before CONNACK"));
    add("3: packet type 0", v3(nullptr, "0000", "type"));
    add("3: AUTH (type 15)", v3(nullptr, "f000", "type 15"));
    add("3: SUBSCRIBE from the broker", v3(nullptr, "8206000100016100", "SUBSCRIBE"));
    add("3: DISCONNECT from the broker", v3(nullptr, "e000", "DISCONNECT"));
    add("3: PUBLISH QoS 3", v3(nullptr, "3606000161000178", "QoS"));
    add("3: PUBLISH wildcard topic", v3(nullptr, "30060003612f2378", "wildcard"));
    add("3: PUBLISH + in topic", v3(nullptr, "30060003612f2b78", "wildcard"));
    add("3: PUBLISH bad UTF-8 topic", v3(nullptr, "30050002c32878", "UTF-8"));
    add("3: PUBLISH U+0000 in topic", v3(nullptr, "30050002610078", "U+0000"));
    add("3: PUBLISH empty topic", v3(nullptr, "3003000078", "empty"));
    add("3: PUBLISH packet id 0", v3(nullptr, "3206000161000078", "identifier"));
    add("3: PUBLISH topic runs past the end", v3(nullptr, "3004000a6162", "past the end"));
    {
        Case c = v3(nullptr, "9004000100 00", "SUBACK");
        c.subscribe = Subscribe1;
        add("3: SUBACK count mismatch", c);
        c.bad = hex("9003000103");
        add("3: SUBACK code 3", c);
        c.bad = hex("9003000105");
        add("3: SUBACK code 5", c);
    }

    // --- 5.0: SHOULD send DISCONNECT with a reason first (§4.13.1) ---
    add("5: PUBACK flags 0001", v5(nullptr, "41020001", 0x81, "flags"));
    add("5: DISCONNECT flags 0001", v5(nullptr, "e100", 0x81, "flags"));
    add("5: remaining length 5 bytes", v5(nullptr, "30ffffffff7f", 0x81, "emaining length"));
    add("5: PUBLISH QoS 3", v5(nullptr, "360700016100010078", 0x81, "QoS"));
    add("5: PUBLISH wildcard topic", v5(nullptr, "30070003612f230078", 0x90, "wildcard"));
    add("5: PUBLISH bad UTF-8 topic", v5(nullptr, "30060002c3280078", 0x81, "UTF-8"));
    add("5: PUBLISH packet id 0", v5(nullptr, "320700016100000078", 0x82, "identifier"));
    add("5: PUBLISH unknown property 0x7f", v5(nullptr, "3006000161027f00", 0x81, "property"));
    add("5: PUBLISH property of another packet", v5(nullptr, "30070001610321 0001", 0x81, "property"));
    add("5: PUBLISH duplicate property", v5(nullptr, "30080001610401000100", 0x82, "more than once"));
    add("5: PUBLISH string past the end", v5(nullptr, "3004000a6162", 0x81, "past the end"));
    add("5: PUBACK reason code 0x04", v5(nullptr, "4004000104 00", 0x82, "reason code"));
    add("5: AUTH without an auth method", v5(nullptr, "f000", 0x82, "AUTH"));
    add("5: SUBSCRIBE from the broker", v5(nullptr, "820700010000016100", 0x82, "SUBSCRIBE"));
    add("5: second CONNACK", v5(nullptr, "2003000000", 0x82, "second CONNACK"));
    add("5: PUBLISH before CONNACK", v5("", "300400016100", 0x82, "before CONNACK"));
    add("5: CONNACK reserved flag bits", v5("2003020000", "", 0x81, "CONNACK"));
    add("5: CONNACK SP=1 after clean start", v5("2003010000", "", 0x82, "Session Present"));
    add("5: CONNACK Receive Maximum 0", v5("200600000321 0000", "", 0x82, "Receive Maximum"));
    add("5: CONNACK Maximum Packet Size 0", v5("2008000005 2700000000", "", 0x82, "Maximum Packet Size"));
    add("5: PUBLISH empty topic, no alias", v5(nullptr, "30030000 00", 0x82, "neither a topic"));
    {
        Case c = v5(nullptr, "300700016103230000", 0x94, "Topic Alias");
        c.connectProperties.setTopicAliasMaximum(4);
        add("5: topic alias 0", c);
        c.bad = hex("300700016103230005");
        add("5: topic alias above our maximum", c);
        Case none = c;
        none.connectProperties = Properties();
        none.bad = hex("300700016103230001");
        add("5: topic alias when we allow none", none);
        c.bad = hex("300600000323 0001");
        c.reason = 0x82;
        c.needle = QStringLiteral("no mapping");
        add("5: topic alias without a mapping", c);
    }
    {
        // Two QoS 2 PUBLISHes awaiting PUBREL while we allow one [MQTT-3.3.4-9]: 0x93.
        Case c = v5(nullptr, "340700016100010078 340700016100020078", 0x93, "Receive Maximum");
        c.connectProperties.setReceiveMaximum(1);
        add("5: our Receive Maximum exceeded", c);
    }
    {
        // A PUBLISH of 110 bytes while we said 64: 0x95.
        Case c = v5(nullptr, "", 0x95, "aximum");
        c.bad = hex("306800016100") + QByteArray(100, 'x');
        c.connectProperties.setMaximumPacketSize(64);
        add("5: packet larger than our Maximum Packet Size", c);
    }
    {
        Case c = v5(nullptr, "9004000100 00", 0x82, "SUBACK");
        c.subscribe = Subscribe2;
        add("5: SUBACK count mismatch", c);
        c.subscribe = Subscribe1;
        c.bad = hex("9004000100 03");
        add("5: SUBACK code 3", c);
        // We asked for no Reason String outside PUBLISH/CONNACK/DISCONNECT (§3.1.2.11.7).
        c.connectProperties.setRequestProblemInformation(0);
        c.bad = hex("9008000104 1f000178 00");
        c.needle = QStringLiteral("Request Problem Information");
        add("5: Reason String after Request Problem Information 0", c);
    }

    // --- time and the socket ---
    {
        // Slow-loris: a PUBLISH that announces 100 bytes, one byte a second. Bytes arrive, no
        // packet completes, so the keepalive (2 s) must still end it: PINGREQ, no PINGRESP.
        Case c = v3(nullptr, "", "PINGRESP", int(Error::Keepalive));
        c.bad = hex("306400016100") + QByteArray(100, 'x');
        c.mode = FakeBroker::Mode::SlowLoris;
        c.keepAlive = 2;
        add("3: slow-loris after CONNACK", c);
        c.version = ProtocolVersion::V5;
        c.connack = kConnack5;
        add("5: slow-loris after CONNACK", c);
        // The same before CONNACK: a CONNACK trickled in so slowly it never completes in time.
        Case pre = v3("", "", "CONNACK", int(Error::Keepalive));
        pre.bad = hex("200200"); // one byte short of a CONNACK
        pre.mode = FakeBroker::Mode::SlowLoris;
        pre.keepAlive = 2;
        add("3: slow-loris CONNACK", pre);
    }
    {
        Case c = v3("", "", "no CONNACK", int(Error::Keepalive));
        c.keepAlive = 1;
        add("3: broker never answers CONNECT", c);
        c.version = ProtocolVersion::V5;
        add("5: broker never answers CONNECT", c);
    }
    {
        Case c = v3(nullptr, "", "Connection lost", int(Error::ConnLost));
        c.bad = hex("300a0003612f62") + QByteArray(5, 'x');
        c.mode = FakeBroker::Mode::CloseMidPacket;
        add("3: broker closes mid-packet", c);
        c.version = ProtocolVersion::V5;
        c.connack = kConnack5;
        add("5: broker closes mid-packet", c);
    }
    return list;
}

struct Outcome
{
    QList<int> rcs;
    QStringList log;
    bool clientClosed = false;
};

// One connection of `client` against `broker` playing `c`, until the client closed it.
Outcome run(const Case &c, FakeBroker *broker, int timeoutMs)
{
    broker->reset();
    broker->setScript(c.connack, c.bad);
    broker->setMode(c.mode);
    broker->setSendBadAfterSubscribe(c.subscribe != NoAction);

    Outcome out;
    Client client(QStringLiteral("malformed"));
    client.setProtocolVersion(c.version);
    client.setConnectProperties(c.connectProperties);
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    loop.setMiscInterval(100);
    QObject::connect(&client, &Client::disconnected, &client,
                     [&out](int rc) { out.rcs.append(rc); });
    QObject::connect(&client, &Client::logMessage, &client,
                     [&out](LogLevel level, const QString &text) {
                         if (level != LogLevel::Debug)
                             out.log.append(text);
                     });
    QObject::connect(&client, &Client::connected, &client,
                     [&client, &c](ConnectFlags, ReasonCode rc, const Properties &) {
                         if (rc.value != 0 || c.subscribe == NoAction)
                             return;
                         QList<Subscription> subs{{QStringLiteral("a/#"), 1}};
                         if (c.subscribe == Subscribe2)
                             subs.append({QStringLiteral("b/#"), 1});
                         client.subscribe(subs);
                     });
    if (client.connect(QStringLiteral("127.0.0.1"), broker->port(), c.keepAlive) != Error::Success)
        return out;
    QDeadlineTimer deadline(timeoutMs);
    while (out.rcs.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    // Give a second disconnected() (a bug) and the broker's view of the close time to show.
    while (!broker->clientClosed() && !deadline.hasExpired())
        QTest::qWait(10);
    QTest::qWait(50);
    out.clientClosed = broker->clientClosed();
    return out;
}

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4 : -1;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class tst_MalformedBroker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void violation_data();
    void violation();
    void memoryStaysFlat();

private:
    FakeBroker m_broker;
};

void tst_MalformedBroker::initTestCase()
{
    QVERIFY(m_broker.listen());
}

void tst_MalformedBroker::violation_data()
{
    QTest::addColumn<Case>("c");
    for (const auto &entry : allCases())
        QTest::newRow(entry.first.constData()) << entry.second;
}

void tst_MalformedBroker::violation()
{
    QFETCH(Case, c);
    const Outcome out = run(c, &m_broker, 15000);
    const QString log = out.log.join(QLatin1Char('\n'));

    QVERIFY2(!out.rcs.isEmpty(), qPrintable(QStringLiteral("no disconnected(); log:\n") + log));
    QCOMPARE(out.rcs.size(), 1);
    QCOMPARE(out.rcs.first(), c.rc);
    QVERIFY2(out.clientClosed, "the client did not close the connection");
    QVERIFY2(log.contains(c.needle, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("no log line naming \"%1\"; log:\n%2").arg(c.needle, log)));
    if (c.mode == FakeBroker::Mode::SlowLoris)
        QVERIFY2(m_broker.bytesTrickled() >= 1, "the slow-loris broker sent nothing");

    // What the broker received: CONNECT first, and at the end the DISCONNECT (5.0) or none.
    const QList<Packet> packets = m_broker.packets();
    QVERIFY2(m_broker.decodeError().isEmpty(), qPrintable(m_broker.decodeError()));
    QVERIFY(!packets.isEmpty());
    QCOMPARE(packetType(packets.first()), PacketType::Connect);
    int disconnects = 0;
    for (const Packet &p : packets)
        disconnects += packetType(p) == PacketType::Disconnect;
    if (c.reason < 0) {
        QCOMPARE(disconnects, 0);
    } else {
        QCOMPARE(disconnects, 1);
        QCOMPARE(packetType(packets.last()), PacketType::Disconnect);
        QCOMPARE(int(std::get<DisconnectPacket>(packets.last()).reasonCode.value), c.reason);
    }
}

// Every fast case 20 times after a warm-up: a leak of even a few hundred bytes per hostile
// connection would show as growth of the resident set (the ASan build checks leaks exactly).
void tst_MalformedBroker::memoryStaysFlat()
{
    QList<Case> cases;
    for (const auto &entry : allCases()) {
        if (entry.second.mode == FakeBroker::Mode::Normal && !entry.second.bad.isEmpty())
            cases.append(entry.second);
    }
    auto round = [&] {
        for (const Case &c : cases) {
            const Outcome out = run(c, &m_broker, 15000);
            if (out.rcs.size() != 1)
                return false;
        }
        return true;
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY(round());
    const qint64 before = residentKiB();
    const int rounds = 20;
    for (int i = 0; i < rounds; ++i)
        QVERIFY(round());
    const qint64 after = residentKiB();
    qInfo("resident set: %lld KiB before, %lld KiB after %d connections", before, after,
          int(rounds * cases.size()));
    QVERIFY(before > 0);
#if defined(__SANITIZE_ADDRESS__)
    // ASan keeps freed memory in quarantine, so the resident set grows by design; its leak
    // check at exit is the exact test in that build.
    return;
#endif
    QVERIFY2(after - before < 2048,
             qPrintable(QStringLiteral("grew by %1 KiB").arg(after - before)));
}

QTEST_MAIN(tst_MalformedBroker)
#include "tst_malformedbroker.moc"
