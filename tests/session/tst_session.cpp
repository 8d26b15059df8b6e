#include "codec/encoder.h"
#include "codec/streamdecoder.h"
#include "session/session.h"

#include <QTest>

#include <functional>

using namespace mqtt;

namespace {

// Records every event as a line, so tests compare exact sequences.
class Recorder : public SessionHandler
{
public:
    QStringList events;
    QList<Message> messages;
    void sessionConnack(bool sp, ReasonCode rc, const Properties &) override
    {
        events << QStringLiteral("connack sp=%1 rc=%2").arg(sp).arg(rc.value);
        if (onConnack)
            onConnack();
    }
    std::function<void()> onConnack; // what an application does in on_connect
    void sessionMessage(const Message &m) override
    {
        messages << m;
        events << QStringLiteral("message %1 q%2 %3").arg(m.topic()).arg(m.qos()).arg(QString::fromUtf8(m.payload()));
    }
    void sessionPublished(int mid, ReasonCode rc, const Properties &) override
    {
        events << QStringLiteral("published %1 rc=%2").arg(mid).arg(rc.value);
    }
    void sessionSubscribed(int mid, const QList<ReasonCode> &codes, const Properties &) override
    {
        QStringList c;
        for (ReasonCode r : codes)
            c << QString::number(r.value);
        events << QStringLiteral("subscribed %1 [%2]").arg(mid).arg(c.join(QLatin1Char(',')));
    }
    void sessionUnsubscribed(int mid, const QList<ReasonCode> &, const Properties &) override
    {
        events << QStringLiteral("unsubscribed %1").arg(mid);
    }
    void sessionLog(LogLevel level, const QString &text) override
    {
        if (level != LogLevel::Debug)
            logs << text;
    }
    QStringList logs;
};

template<typename P>
QByteArray enc(const P &p, ProtocolVersion v = ProtocolVersion::V311)
{
    return encode(p, v);
}

QByteArray connack(bool sp = false, quint8 rc = 0, const Properties &props = Properties(),
                   ProtocolVersion v = ProtocolVersion::V311)
{
    ConnackPacket p;
    p.sessionPresent = sp;
    p.reasonCode = rc;
    p.properties = props;
    return enc(p, v);
}

QByteArray publish(const QString &topic, const QByteArray &payload, int qos, quint16 id,
                   bool dup = false, const Properties &props = Properties(),
                   ProtocolVersion v = ProtocolVersion::V311)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = quint8(qos);
    p.packetId = id;
    p.dup = dup;
    p.properties = props;
    return enc(p, v);
}

template<typename P>
QByteArray ack(quint16 id, ProtocolVersion v = ProtocolVersion::V311, quint8 reason = 0)
{
    P p;
    p.packetId = id;
    p.reasonCode = reason;
    return enc(p, v);
}

// Takes everything the session wants to send and decodes it as a broker would.
QList<Packet> drain(Session &s, ProtocolVersion v = ProtocolVersion::V311, qint64 now = 0)
{
    QList<Packet> out;
    StreamDecoder d(StreamDecoder::Role::Server);
    d.setProtocolVersion(v);
    QByteArray bytes(s.outgoingData(), s.outgoingSize());
    s.bytesWritten(s.outgoingSize(), now);
    // The server decoder wants CONNECT first to learn the version; feed packets one by one.
    while (!bytes.isEmpty()) {
        DecodeError err;
        // Find the packet length from the fixed header.
        int mult = 1, len = 0, i = 1;
        while (true) {
            const quint8 b = quint8(bytes.at(i));
            len += (b & 0x7f) * mult;
            mult *= 128;
            ++i;
            if (!(b & 0x80))
                break;
        }
        const QByteArray one = bytes.left(i + len);
        bytes.remove(0, i + len);
        auto p = decodePacket(one, v, StreamDecoder::Role::Server, &err);
        if (!p) {
            qWarning() << "cannot decode what the session sent:" << err.toString() << one.toHex();
            return out;
        }
        out << *p;
    }
    return out;
}

QString describe(const Packet &p)
{
    switch (packetType(p)) {
    case PacketType::Connect: return QStringLiteral("CONNECT");
    case PacketType::Publish: {
        const auto &x = std::get<PublishPacket>(p);
        return QStringLiteral("PUBLISH d%1 q%2 m%3 %4").arg(x.dup).arg(x.qos).arg(x.packetId).arg(x.topic);
    }
    case PacketType::Puback: return QStringLiteral("PUBACK %1").arg(std::get<PubackPacket>(p).packetId);
    case PacketType::Pubrec: return QStringLiteral("PUBREC %1").arg(std::get<PubrecPacket>(p).packetId);
    case PacketType::Pubrel: return QStringLiteral("PUBREL %1").arg(std::get<PubrelPacket>(p).packetId);
    case PacketType::Pubcomp: return QStringLiteral("PUBCOMP %1").arg(std::get<PubcompPacket>(p).packetId);
    case PacketType::Subscribe: return QStringLiteral("SUBSCRIBE %1").arg(std::get<SubscribePacket>(p).packetId);
    case PacketType::Unsubscribe: return QStringLiteral("UNSUBSCRIBE %1").arg(std::get<UnsubscribePacket>(p).packetId);
    case PacketType::Pingreq: return QStringLiteral("PINGREQ");
    case PacketType::Disconnect: return QStringLiteral("DISCONNECT 0x%1").arg(std::get<DisconnectPacket>(p).reasonCode.value, 2, 16, QLatin1Char('0'));
    default: return QString::fromLatin1(packetTypeName(packetType(p)));
    }
}

QStringList sent(Session &s, ProtocolVersion v = ProtocolVersion::V311, qint64 now = 0)
{
    QStringList out;
    for (const Packet &p : drain(s, v, now))
        out << describe(p);
    return out;
}

Error feed(Session &s, const QByteArray &bytes, qint64 now = 0)
{
    return s.receive(bytes.constData(), bytes.size(), now);
}

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectBytes();
    void connackCodes_data();
    void connackCodes();
    void packetIdsSkipInUse();
    void publishQos_data();
    void publishQos();
    void incomingQos2DeliveredOnceAtPubrel();
    void incomingQos1BeforePuback();
    void sendWindow();
    void serverReceiveMaximum();
    void resendAfterResume();
    void discardWhenSessionNotPresent();
    void requestInsideConnack_data();
    void repeatedTopicsDecodedOnce();
    void requestInsideConnack();
    void keepalive();
    void keepaliveNoConnack();
    void serverKeepAlive();
    void topicAliases_data();
    void topicAliases();
    void receiveMaximumExceeded();
    void violations_data();
    void violations();
    void subackCountMismatch();
    void brokerDisconnect();
    void pubrecFailureEndsFlow();
    void connackPropertiesHonoured();
    void qos0PublishedWhenWritten();
};

void tst_Session::connectBytes()
{
    Recorder r;
    Session s(&r);
    s.options().clientId = QStringLiteral("c1");
    s.options().keepAlive = 60;
    s.options().username = QStringLiteral("u");
    s.options().password = QByteArray("p");
    s.connectionOpened(0);
    // MQTT 3.1.1 CONNECT, hand-written: flags 0xC2 = user, password, clean session.
    const QByteArray expected = QByteArray::fromHex("101400044d51545404c2003c0002633100017500017" "0");
    QCOMPARE(QByteArray(s.outgoingData(), s.outgoingSize()).toHex(), expected.toHex());
}

void tst_Session::connackCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("expectedRc");
    QTest::newRow("accepted") << 0 << int(Error::Success);
    for (int c = 1; c <= 5; ++c)
        QTest::addRow("refused %d", c) << c << int(Error::ConnRefused);
}

void tst_Session::connackCodes()
{
    QFETCH(int, code);
    QFETCH(int, expectedRc);
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    QCOMPARE(int(feed(s, connack(false, quint8(code)))), expectedRc);
    QCOMPARE(r.events, QStringList{QStringLiteral("connack sp=0 rc=%1").arg(code)});
    QCOMPARE(s.state() == Session::State::Connected, code == 0);
}

void tst_Session::packetIdsSkipInUse()
{
    Recorder r;
    Session s(&r);
    s.options().maxInflight = 0;
    s.connectionOpened(0);
    sent(s);
    QCOMPARE(feed(s, connack()), Error::Success);
    // Fill ids 1..65535 with QoS 1 messages, then free id 3 only.
    for (int i = 1; i <= 65535; ++i)
        QCOMPARE(s.publish(QStringLiteral("t"), "x", 1, false, {}).mid, i);
    QCOMPARE(int(s.publish(QStringLiteral("t"), "x", 1, false, {}).rc), int(Error::QueueSize));
    s.bytesWritten(s.outgoingSize(), 0);
    QCOMPARE(feed(s, ack<PubackPacket>(3)), Error::Success);
    const auto r2 = s.publish(QStringLiteral("t"), "x", 1, false, {});
    QCOMPARE(int(r2.rc), int(Error::Success));
    QCOMPARE(r2.mid, 3);
}

void tst_Session::publishQos_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<QStringList>("wire");
    QTest::addColumn<QStringList>("events");
    QTest::newRow("qos0") << 0 << QStringList{"PUBLISH d0 q0 m0 a/b"} << QStringList{"published 1 rc=0"};
    QTest::newRow("qos1") << 1 << QStringList{"PUBLISH d0 q1 m1 a/b"} << QStringList{"published 1 rc=0"};
    QTest::newRow("qos2") << 2 << QStringList{"PUBLISH d0 q2 m1 a/b", "PUBREL 1"} << QStringList{"published 1 rc=0"};
}

void tst_Session::publishQos()
{
    QFETCH(int, qos);
    QFETCH(QStringList, wire);
    QFETCH(QStringList, events);
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    r.events.clear();
    const auto res = s.publish(QStringLiteral("a/b"), "hello", qos, false, {});
    QCOMPARE(int(res.rc), int(Error::Success));
    QCOMPARE(res.mid, 1);
    QStringList got = sent(s);
    if (qos == 1)
        feed(s, ack<PubackPacket>(1));
    if (qos == 2) {
        QVERIFY(r.events.isEmpty());
        feed(s, ack<PubrecPacket>(1));
        QVERIFY(r.events.isEmpty()); // not published before PUBCOMP
        got += sent(s);
        feed(s, ack<PubcompPacket>(1));
    }
    QCOMPARE(got, wire);
    QCOMPARE(r.events, events);
    QCOMPARE(s.outgoingCount(), 0);
    // A second ack for the same mid is ignored (once per mid).
    feed(s, ack<PubackPacket>(1));
    QCOMPARE(r.events, events);
}

void tst_Session::incomingQos2DeliveredOnceAtPubrel()
{
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    r.events.clear();
    feed(s, publish(QStringLiteral("x/y"), "one", 2, 7));
    QVERIFY(r.events.isEmpty()); // not yet: delivered at PUBREL
    QCOMPARE(sent(s), QStringList{"PUBREC 7"});
    feed(s, publish(QStringLiteral("x/y"), "one", 2, 7, true)); // duplicate
    QCOMPARE(sent(s), QStringList{"PUBREC 7"});
    QVERIFY(r.events.isEmpty());
    feed(s, ack<PubrelPacket>(7));
    QCOMPARE(r.events, QStringList{"message x/y q2 one"});
    QCOMPARE(sent(s), QStringList{"PUBCOMP 7"});
    feed(s, ack<PubrelPacket>(7)); // unknown now: PUBCOMP, no delivery
    QCOMPARE(sent(s), QStringList{"PUBCOMP 7"});
    QCOMPARE(r.events.size(), 1);
    // The id is free again: a new PUBLISH with it is a new message.
    feed(s, publish(QStringLiteral("x/y"), "two", 2, 7));
    feed(s, ack<PubrelPacket>(7));
    QCOMPARE(r.events, (QStringList{"message x/y q2 one", "message x/y q2 two"}));
}

void tst_Session::incomingQos1BeforePuback()
{
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    r.events.clear();
    feed(s, publish(QStringLiteral("q"), "1", 1, 9));
    QCOMPARE(r.events, QStringList{"message q q1 1"});
    QCOMPARE(sent(s), QStringList{"PUBACK 9"});
    feed(s, publish(QStringLiteral("q"), "1", 1, 9, true)); // QoS 1 duplicate: delivered again
    QCOMPARE(r.events.size(), 2);
}

void tst_Session::sendWindow()
{
    Recorder r;
    Session s(&r);
    s.options().maxInflight = 2;
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(int(s.publish(QStringLiteral("w"), "x", 1, false, {}).rc), int(Error::Success));
    QCOMPARE(sent(s), (QStringList{"PUBLISH d0 q1 m1 w", "PUBLISH d0 q1 m2 w"}));
    QCOMPARE(s.inflightCount(), 2);
    feed(s, ack<PubackPacket>(2));
    QCOMPARE(sent(s), QStringList{"PUBLISH d0 q1 m3 w"});
    feed(s, ack<PubackPacket>(1));
    feed(s, ack<PubackPacket>(3));
    QCOMPARE(sent(s), QStringList{"PUBLISH d0 q1 m4 w"});
    QCOMPARE(s.outgoingCount(), 1);
}

void tst_Session::serverReceiveMaximum()
{
    Recorder r;
    Session s(&r);
    s.options().version = ProtocolVersion::V5;
    s.options().maxInflight = 20;
    s.connectionOpened(0);
    sent(s, ProtocolVersion::V5);
    Properties p;
    p.setReceiveMaximum(1);
    feed(s, connack(false, 0, p, ProtocolVersion::V5));
    QCOMPARE(s.serverReceiveMaximum(), quint16(1));
    s.publish(QStringLiteral("w"), "x", 2, false, {});
    s.publish(QStringLiteral("w"), "y", 1, false, {});
    s.publish(QStringLiteral("w"), "z", 0, false, {}); // QoS 0 is not limited [MQTT-4.9.0-3]
    QCOMPARE(sent(s, ProtocolVersion::V5), (QStringList{"PUBLISH d0 q2 m1 w", "PUBLISH d0 q0 m0 w"}));
    feed(s, ack<PubrecPacket>(1, ProtocolVersion::V5));
    QCOMPARE(sent(s, ProtocolVersion::V5), QStringList{"PUBREL 1"});
    feed(s, ack<PubcompPacket>(1, ProtocolVersion::V5));
    QCOMPARE(sent(s, ProtocolVersion::V5), QStringList{"PUBLISH d0 q1 m2 w"});
}

void tst_Session::resendAfterResume()
{
    Recorder r;
    Session s(&r);
    s.options().cleanStart = false;
    s.options().clientId = QStringLiteral("keep");
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    s.publish(QStringLiteral("a"), "1", 1, false, {});
    s.publish(QStringLiteral("b"), "2", 2, false, {});
    s.publish(QStringLiteral("c"), "3", 2, false, {});
    sent(s);
    feed(s, ack<PubrecPacket>(3));
    QCOMPARE(sent(s), QStringList{"PUBREL 3"});
    feed(s, publish(QStringLiteral("in"), "q2", 2, 40)); // incoming QoS 2, PUBREL pending
    sent(s);
    s.connectionClosed();
    // Offline: QoS 1 is stored and reported as NoConn, QoS 0 refused.
    const auto off = s.publish(QStringLiteral("d"), "4", 1, false, {});
    QCOMPARE(int(off.rc), int(Error::NoConn));
    QCOMPARE(off.mid, 4);
    QCOMPARE(int(s.publish(QStringLiteral("e"), "5", 0, false, {}).rc), int(Error::NoConn));

    s.connectionOpened(1000);
    sent(s);
    r.events.clear();
    feed(s, connack(true));
    QCOMPARE(sent(s), (QStringList{"PUBLISH d1 q1 m1 a", "PUBLISH d1 q2 m2 b", "PUBREL 3", "PUBLISH d0 q1 m4 d"}));
    feed(s, ack<PubrelPacket>(40)); // the broker resends PUBREL: delivered exactly once
    QCOMPARE(r.events, (QStringList{"connack sp=1 rc=0", "message in q2 q2"}));
}

void tst_Session::discardWhenSessionNotPresent()
{
    Recorder r;
    Session s(&r);
    s.options().cleanStart = false;
    s.options().clientId = QStringLiteral("keep");
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    s.publish(QStringLiteral("a"), "1", 1, false, {});
    s.publish(QStringLiteral("c"), "3", 2, false, {});
    sent(s);
    feed(s, ack<PubrecPacket>(2));
    sent(s);
    feed(s, publish(QStringLiteral("in"), "q2", 2, 40));
    sent(s);
    s.connectionClosed();
    s.connectionOpened(1000);
    sent(s);
    r.events.clear();
    feed(s, connack(false));
    // Session gone: the PUBREL stage is complete, the unacknowledged PUBLISH starts again as
    // new (DUP=0), the incoming QoS 2 state is dropped.
    QCOMPARE(r.events, (QStringList{"connack sp=0 rc=0", "published 2 rc=0"}));
    QCOMPARE(sent(s), QStringList{"PUBLISH d0 q1 m1 a"});
    QCOMPARE(s.incomingQos2Count(), 0);
    feed(s, ack<PubrelPacket>(40));
    QCOMPARE(r.events.size(), 2);
}

void tst_Session::requestInsideConnack_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<bool>("previous"); // a QoS 1 message "a" in flight from the last connection
    QTest::addColumn<bool>("sessionPresent");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("publish q1, first") << "publish q1" << false << false << QStringList{"PUBLISH d0 q1 m1 r"};
    QTest::newRow("publish q2, first") << "publish q2" << false << false << QStringList{"PUBLISH d0 q2 m1 r"};
    QTest::newRow("subscribe, first") << "subscribe" << false << false << QStringList{"SUBSCRIBE 1"};
    QTest::newRow("unsubscribe, first") << "unsubscribe" << false << false << QStringList{"UNSUBSCRIBE 1"};
    // The re-send keeps its place ahead of the new message [MQTT-4.6.0-1], each goes out once.
    QTest::newRow("publish q1, resumed") << "publish q1" << true << true
                                         << QStringList{"PUBLISH d1 q1 m1 a", "PUBLISH d0 q1 m2 r"};
    QTest::newRow("publish q2, resumed") << "publish q2" << true << true
                                         << QStringList{"PUBLISH d1 q1 m1 a", "PUBLISH d0 q2 m2 r"};
    QTest::newRow("publish q1, not resumed") << "publish q1" << true << false
                                             << QStringList{"PUBLISH d0 q1 m1 a", "PUBLISH d0 q1 m2 r"};
    QTest::newRow("subscribe, not resumed") << "subscribe" << true << false
                                            << QStringList{"PUBLISH d0 q1 m1 a", "SUBSCRIBE 2"};
}

// A request made by the CONNACK handler goes out exactly once (the CLI saw a QoS 1 PUBLISH
// made in on_connect sent twice: the post-CONNACK re-send queued it again).
void tst_Session::requestInsideConnack()
{
    QFETCH(QString, request);
    QFETCH(bool, previous);
    QFETCH(bool, sessionPresent);
    QFETCH(QStringList, expected);
    Recorder r;
    Session s(&r);
    s.options().cleanStart = !previous;
    s.options().clientId = QStringLiteral("keep");
    if (previous) {
        s.connectionOpened(0);
        sent(s);
        feed(s, connack());
        s.publish(QStringLiteral("a"), "1", 1, false, {});
        sent(s);
        s.connectionClosed();
    }
    s.connectionOpened(1000);
    sent(s);
    r.onConnack = [&] {
        Session::Result res;
        if (request.startsWith(QLatin1String("publish")))
            res = s.publish(QStringLiteral("r"), "x", request.endsWith(QLatin1Char('1')) ? 1 : 2, false, {});
        else if (request == QLatin1String("subscribe"))
            res = s.subscribe({Subscription{QStringLiteral("r"), 1}}, {});
        else
            res = s.unsubscribe({QStringLiteral("r")}, {});
        QCOMPARE(int(res.rc), int(Error::Success));
    };
    QCOMPARE(int(feed(s, connack(sessionPresent))), int(Error::Success));
    QCOMPARE(sent(s), expected);
    // Nothing more once the handler has returned and the session is idle again.
    QCOMPARE(int(s.tick(1001)), int(Error::Success));
    QCOMPARE(sent(s), QStringList());
}

// The decoder reuses the QString of a topic it has seen (a bounded cache keyed by the raw
// bytes): every message must still carry its own topic, through eviction, and a bad topic
// must fail every time.
void tst_Session::repeatedTopicsDecodedOnce()
{
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    QByteArray stream;
    const int distinct = StreamDecoder::TopicCache::Slots + 500; // forces evictions
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < distinct; ++i)
            stream += publish(QStringLiteral("t/%1/é").arg(i), QByteArray::number(i), 0, 0);
    }
    QCOMPARE(int(feed(s, stream)), int(Error::Success));
    QCOMPARE(r.messages.size(), 2 * distinct);
    for (int k = 0; k < r.messages.size(); ++k) {
        const int i = k % distinct;
        QCOMPARE(r.messages.at(k).topic(), QStringLiteral("t/%1/é").arg(i));
        QCOMPARE(r.messages.at(k).payload(), QByteArray::number(i));
    }
    // A topic seen again shares the first message's string instead of a new decode.
    QCOMPARE(int(feed(s, publish(QStringLiteral("x/y"), "1", 0, 0) + publish(QStringLiteral("x/y"), "2", 0, 0))),
             int(Error::Success));
    QVERIFY(r.messages.at(2 * distinct).topic().isSharedWith(r.messages.at(2 * distinct + 1).topic()));

    // Same length and prefix as a cached topic, one invalid UTF-8 byte: still rejected.
    QByteArray bad = publish(QStringLiteral("t/1/é"), "x", 0, 0);
    bad[bad.indexOf("\xc3\xa9")] = char(0xff);
    QCOMPARE(int(feed(s, bad)), int(Error::Protocol));
    QVERIFY2(s.closeInfo().text.contains(QStringLiteral("UTF-8")), qPrintable(s.closeInfo().text));
}

void tst_Session::keepalive()
{
    Recorder r;
    Session s(&r);
    s.options().keepAlive = 10;
    s.connectionOpened(0);
    sent(s, ProtocolVersion::V311, 0);
    feed(s, connack(), 100);
    QCOMPARE(s.tick(9999), Error::Success);
    QVERIFY(!s.hasOutgoing());
    QCOMPARE(s.tick(10000), Error::Success);
    QCOMPARE(sent(s, ProtocolVersion::V311, 10000), QStringList{"PINGREQ"});
    QCOMPARE(s.tick(15000), Error::Success);
    feed(s, QByteArray::fromHex("d000"), 15000); // PINGRESP
    QCOMPARE(s.tick(19999), Error::Success);
    QCOMPARE(s.tick(20000), Error::Success);
    QCOMPARE(sent(s, ProtocolVersion::V311, 20000), QStringList{"PINGREQ"});
    // No PINGRESP within one keepalive: Keepalive, once.
    QCOMPARE(s.tick(29999), Error::Success);
    QCOMPARE(s.tick(30000), Error::Keepalive);
    QCOMPARE(s.closeInfo().rc, Error::Keepalive);
}

void tst_Session::keepaliveNoConnack()
{
    Recorder r;
    Session s(&r);
    s.options().keepAlive = 5;
    s.connectionOpened(0);
    sent(s);
    QCOMPARE(s.tick(4999), Error::Success);
    QCOMPARE(s.tick(5000), Error::Keepalive);
}

void tst_Session::serverKeepAlive()
{
    Recorder r;
    Session s(&r);
    s.options().version = ProtocolVersion::V5;
    s.options().keepAlive = 60;
    s.connectionOpened(0);
    sent(s, ProtocolVersion::V5);
    Properties p;
    p.setServerKeepAlive(5);
    feed(s, connack(false, 0, p, ProtocolVersion::V5));
    QCOMPARE(s.effectiveKeepAlive(), 5);
    QCOMPARE(s.tick(5000), Error::Success);
    QCOMPARE(sent(s, ProtocolVersion::V5), QStringList{"PINGREQ"});
}

void tst_Session::topicAliases_data()
{
    QTest::addColumn<int>("ourMax");
    QTest::addColumn<int>("alias");
    QTest::addColumn<bool>("ok");
    QTest::newRow("within") << 5 << 5 << true;
    QTest::newRow("zero") << 5 << 0 << false;
    QTest::newRow("above max") << 5 << 6 << false;
    QTest::newRow("none allowed") << 0 << 1 << false;
}

void tst_Session::topicAliases()
{
    QFETCH(int, ourMax);
    QFETCH(int, alias);
    QFETCH(bool, ok);
    const auto v5 = ProtocolVersion::V5;
    Recorder r;
    Session s(&r);
    s.options().version = v5;
    Properties cp;
    if (ourMax)
        cp.setTopicAliasMaximum(quint16(ourMax));
    s.options().connectProperties = cp;
    s.connectionOpened(0);
    sent(s, v5);
    feed(s, connack(false, 0, {}, v5));
    r.events.clear();
    Properties pp;
    pp.setTopicAlias(quint16(alias));
    const Error rc = feed(s, publish(QStringLiteral("long/topic"), "a", 0, 0, false, pp, v5));
    if (!ok) {
        QCOMPARE(rc, Error::Protocol);
        QCOMPARE(sent(s, v5), QStringList{"DISCONNECT 0x94"});
        QVERIFY(r.events.isEmpty());
        return;
    }
    QCOMPARE(rc, Error::Success);
    // Second message: empty topic, alias only.
    QCOMPARE(feed(s, publish(QString(), "b", 0, 0, false, pp, v5)), Error::Success);
    QCOMPARE(r.events, (QStringList{"message long/topic q0 a", "message long/topic q0 b"}));
    // Mappings last one connection only.
    s.connectionClosed();
    s.connectionOpened(0);
    sent(s, v5);
    feed(s, connack(false, 0, {}, v5));
    QCOMPARE(feed(s, publish(QString(), "c", 0, 0, false, pp, v5)), Error::Protocol);
    QCOMPARE(sent(s, v5), QStringList{"DISCONNECT 0x82"});
}

void tst_Session::receiveMaximumExceeded()
{
    const auto v5 = ProtocolVersion::V5;
    Recorder r;
    Session s(&r);
    s.options().version = v5;
    Properties cp;
    cp.setReceiveMaximum(2);
    s.options().connectProperties = cp;
    s.connectionOpened(0);
    sent(s, v5);
    feed(s, connack(false, 0, {}, v5));
    QCOMPARE(feed(s, publish(QStringLiteral("t"), "1", 2, 1, false, {}, v5)), Error::Success);
    QCOMPARE(feed(s, publish(QStringLiteral("t"), "2", 2, 2, false, {}, v5)), Error::Success);
    QCOMPARE(feed(s, publish(QStringLiteral("t"), "3", 2, 3, false, {}, v5)), Error::Protocol);
    QCOMPARE(sent(s, v5), (QStringList{"PUBREC 1", "PUBREC 2", "DISCONNECT 0x93"}));
}

void tst_Session::violations_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("afterConnack");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("disconnect"); // what a 5.0 session sends first
    QTest::addColumn<QString>("logPart");
    QTest::newRow("publish before connack 3.1.1") << 4 << false << publish(QStringLiteral("a"), "x", 0, 0) << QString() << "before CONNACK";
    QTest::newRow("publish before connack 5.0") << 5 << false << publish(QStringLiteral("a"), "x", 0, 0, false, {}, ProtocolVersion::V5) << "DISCONNECT 0x82" << "before CONNACK";
    QTest::newRow("second connack 3.1.1") << 4 << true << connack() << QString() << "second CONNACK";
    QTest::newRow("second connack 5.0") << 5 << true << connack(false, 0, {}, ProtocolVersion::V5) << "DISCONNECT 0x82" << "second CONNACK";
    QTest::newRow("decode error: remaining length 5 bytes") << 5 << true << QByteArray::fromHex("30ffffffff7f") << "DISCONNECT 0x81" << "";
    QTest::newRow("decode error: pingresp with body") << 4 << true << QByteArray::fromHex("d00100") << QString() << "";
    QTest::newRow("sp=1 after clean start") << 4 << false << connack(true) << QString() << "Session Present";
}

void tst_Session::violations()
{
    QFETCH(int, version);
    QFETCH(bool, afterConnack);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, disconnect);
    QFETCH(QString, logPart);
    const auto v = ProtocolVersion(version);
    Recorder r;
    Session s(&r);
    s.options().version = v;
    s.connectionOpened(0);
    sent(s, v);
    if (afterConnack)
        QCOMPARE(feed(s, connack(false, 0, {}, v)), Error::Success);
    QCOMPARE(feed(s, bytes), Error::Protocol);
    QCOMPARE(sent(s, v), disconnect.isEmpty() ? QStringList() : QStringList{disconnect});
    QCOMPARE(r.logs.size(), 1);
    QVERIFY2(r.logs.first().contains(logPart), qPrintable(r.logs.first()));
    QVERIFY(r.logs.first().startsWith(QStringLiteral("Protocol violation by the broker")));
}

void tst_Session::subackCountMismatch()
{
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    const auto res = s.subscribe({Subscription{QStringLiteral("a"), 1, false, false, 0},
                                  Subscription{QStringLiteral("b"), 2, false, false, 0}}, {});
    QCOMPARE(res.mid, 1);
    SubackPacket ok;
    ok.packetId = 1;
    ok.reasonCodes = {ReasonCode(1), ReasonCode(0x80)};
    QCOMPARE(feed(s, enc(ok)), Error::Success);
    QCOMPARE(r.events.last(), QStringLiteral("subscribed 1 [1,128]"));
    const auto res2 = s.subscribe({Subscription{QStringLiteral("a"), 1, false, false, 0}}, {});
    SubackPacket bad;
    bad.packetId = quint16(res2.mid);
    bad.reasonCodes = {ReasonCode(1), ReasonCode(1)};
    QCOMPARE(feed(s, enc(bad)), Error::Protocol);
    QVERIFY(r.logs.last().contains(QStringLiteral("MQTT-3.9.3-1")));
}

void tst_Session::brokerDisconnect()
{
    const auto v5 = ProtocolVersion::V5;
    Recorder r;
    Session s(&r);
    s.options().version = v5;
    s.connectionOpened(0);
    sent(s, v5);
    feed(s, connack(false, 0, {}, v5));
    // Remaining length 1: reason byte only (paho reports it as normal; we must not).
    QCOMPARE(feed(s, QByteArray::fromHex("e0018e")), Error::ConnLost);
    QCOMPARE(s.closeInfo().reasonCode.value, quint8(0x8E));
    QVERIFY(s.closeInfo().fromServer);
}

void tst_Session::pubrecFailureEndsFlow()
{
    const auto v5 = ProtocolVersion::V5;
    Recorder r;
    Session s(&r);
    s.options().version = v5;
    s.connectionOpened(0);
    sent(s, v5);
    feed(s, connack(false, 0, {}, v5));
    r.events.clear();
    s.publish(QStringLiteral("t"), "x", 2, false, {});
    sent(s, v5);
    feed(s, ack<PubrecPacket>(1, v5, 0x87));
    QCOMPARE(r.events, QStringList{"published 1 rc=135"});
    QCOMPARE(sent(s, v5), QStringList()); // no PUBREL after a failing PUBREC [MQTT-4.3.3-4]
}

void tst_Session::connackPropertiesHonoured()
{
    const auto v5 = ProtocolVersion::V5;
    Recorder r;
    Session s(&r);
    s.options().version = v5;
    s.options().clientId = QString();
    s.connectionOpened(0);
    sent(s, v5);
    Properties p;
    p.setMaximumQoS(1);
    p.setRetainAvailable(0);
    p.setMaximumPacketSize(50);
    p.setAssignedClientIdentifier(QStringLiteral("auto-42"));
    p.setSessionExpiryInterval(300);
    p.setTopicAliasMaximum(3);
    feed(s, connack(false, 0, p, v5));
    QCOMPARE(s.effectiveClientId(), QStringLiteral("auto-42"));
    QCOMPARE(s.sessionExpiryInterval().value_or(0), 300u);
    QCOMPARE(s.serverTopicAliasMaximum(), quint16(3));
    QCOMPARE(int(s.publish(QStringLiteral("t"), "x", 2, false, {}).rc), int(Error::NotSupported));
    QCOMPARE(int(s.publish(QStringLiteral("t"), "x", 1, true, {}).rc), int(Error::NotSupported));
    QCOMPARE(int(s.publish(QStringLiteral("t"), QByteArray(60, 'x'), 1, false, {}).rc), int(Error::PayloadSize));
    Properties alias;
    alias.setTopicAlias(4);
    QCOMPARE(int(s.publish(QStringLiteral("t"), "x", 1, false, alias).rc), int(Error::Inval));
    QCOMPARE(int(s.publish(QStringLiteral("t"), "x", 1, false, {}).rc), int(Error::Success));
    // The assigned id is used for the next CONNECT.
    s.connectionClosed();
    s.connectionOpened(0);
    const QList<Packet> out = drain(s, v5);
    QCOMPARE(std::get<ConnectPacket>(out.first()).clientId, QStringLiteral("auto-42"));
}

void tst_Session::qos0PublishedWhenWritten()
{
    Recorder r;
    Session s(&r);
    s.connectionOpened(0);
    sent(s);
    feed(s, connack());
    r.events.clear();
    s.publish(QStringLiteral("t"), "abc", 0, false, {}); // 2 + 2 + 1 + 3 = 8 bytes
    QCOMPARE(s.outgoingSize(), 8);
    s.bytesWritten(7, 0);
    QVERIFY(r.events.isEmpty()); // not completely written yet
    s.bytesWritten(1, 0);
    QCOMPARE(r.events, QStringList{"published 1 rc=0"});
}

QTEST_APPLESS_MAIN(tst_Session)
#include "tst_session.moc"
