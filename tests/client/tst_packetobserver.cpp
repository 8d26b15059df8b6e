// The packet observer of mqtt::Client (and the capture of mqtt::Session under it): every
// packet both ways, in order, with the exact bytes on the wire; nothing while it is off.
#include "client.h"
#include "clienttestsupport.h"
#include "codec/capturedpacket.h"
#include "scriptedbroker.h"
#include "session/session.h"
#include "socketloop.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace mqtt;
using namespace clienttest;

namespace {

using Direction = CapturedPacket::Direction;

// 3.1.1, hand-written: SUBSCRIBE mid 1 "a/b" QoS 1, its SUBACK granting QoS 1, the broker's
// QoS 1 PUBLISH mid 7 "a/b" "hi", our PUBACK, our DISCONNECT.
const char *kSubscribe = "820800010003612f6201";
const char *kSuback = "9003000101";
const char *kPublish = "32090003612f6200076869";
const char *kPuback = "40020007";
const char *kDisconnect = "e000";

class NullHandler : public SessionHandler
{
public:
    void sessionConnack(bool, ReasonCode, const Properties &) override { }
    void sessionMessage(const Message &) override { }
    void sessionPublished(int, ReasonCode, const Properties &) override { }
    void sessionSubscribed(int, const QList<ReasonCode> &, const Properties &) override { }
    void sessionUnsubscribed(int, const QList<ReasonCode> &, const Properties &) override { }
    void sessionLog(LogLevel, const QString &) override { }
};

QStringList describe(const QList<CapturedPacket> &packets)
{
    QStringList out;
    for (const CapturedPacket &p : packets) {
        out << QStringLiteral("%1 %2").arg(p.direction == Direction::Sent ? QStringLiteral("out")
                                                                            : QStringLiteral("in"),
                                           QString::fromLatin1(p.bytes.toHex()));
    }
    return out;
}

} // namespace

class tst_PacketObserver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exchange_data();
    void exchange();
    void sessionKeepsWholePackets_data();
    void sessionKeepsWholePackets();
    void sessionCaptureOff();
};

void tst_PacketObserver::exchange_data()
{
    QTest::addColumn<bool>("observe");
    QTest::newRow("observer on") << true;
    QTest::newRow("observer off") << false;
}

// Against a scripted broker: CONNECT, CONNACK, SUBSCRIBE, SUBACK, PUBLISH, PUBACK, DISCONNECT.
void tst_PacketObserver::exchange()
{
    QFETCH(bool, observe);
    ScriptedBroker broker;
    QVERIFY(broker.listen());
    broker.expectHex(kConnect, "CONNECT").sendHex(kConnackOk)
        .expectHex(kSubscribe, "SUBSCRIBE").sendHex(kSuback).sendHex(kPublish)
        .expectHex(kPuback, "PUBACK").expectHex(kDisconnect, "DISCONNECT");
    Client client(QStringLiteral("test-client"));
    QCOMPARE(client.packetObserver(), false); // off by default
    client.setPacketObserver(observe);
    SocketNotifierLoop loop(&client);
    QList<CapturedPacket> packets;
    int batches = 0;
    QObject::connect(&client, &Client::packetsObserved, &client,
                     [&](const QList<CapturedPacket> &batch) {
                         ++batches;
                         QVERIFY(!batch.isEmpty()); // no empty batches
                         packets += batch;
                     });
    QObject::connect(&client, &Client::connected, &client, [&] { client.subscribe(QStringLiteral("a/b"), 1); });
    QSignalSpy received(&client, &Client::messageReceived);
    QSignalSpy disconnected(&client, &Client::disconnected);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(broker.pending().isEmpty() && !client.wantWrite(), 2000);
    client.disconnect();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 2000);
    QVERIFY2(broker.finished(), qPrintable(broker.state()));

    if (!observe) {
        QCOMPARE(batches, 0);
        QVERIFY(packets.isEmpty());
        return;
    }
    const QStringList expected{
        QStringLiteral("out %1").arg(QLatin1String(kConnect)),
        QStringLiteral("in %1").arg(QLatin1String(kConnackOk)),
        QStringLiteral("out %1").arg(QLatin1String(kSubscribe)),
        QStringLiteral("in %1").arg(QLatin1String(kSuback)),
        QStringLiteral("in %1").arg(QLatin1String(kPublish)),
        QStringLiteral("out %1").arg(QLatin1String(kPuback)),
        QStringLiteral("out %1").arg(QLatin1String(kDisconnect)),
    };
    QCOMPARE(describe(packets), expected);
    QVERIFY(batches <= packets.size()); // batched: never more batches than packets
    const QList<PacketType> types{PacketType::Connect, PacketType::Connack, PacketType::Subscribe,
                                  PacketType::Suback, PacketType::Publish, PacketType::Puback,
                                  PacketType::Disconnect};
    qint64 last = before;
    for (int i = 0; i < packets.size(); ++i) {
        const CapturedPacket &p = packets.at(i);
        QCOMPARE(p.type(), types.at(i));
        QCOMPARE(p.version, ProtocolVersion::V311);
        QVERIFY(p.timestamp >= last);
        last = p.timestamp;
        DecodeError error;
        const std::optional<Packet> decoded = p.decode(&error);
        QVERIFY2(decoded, qPrintable(error.toString()));
        QCOMPARE(packetType(*decoded), types.at(i));
    }
    QVERIFY(last <= QDateTime::currentMSecsSinceEpoch());
    const auto publish = std::get<PublishPacket>(*packets.at(4).decode());
    QCOMPARE(publish.topic, QStringLiteral("a/b"));
    QCOMPARE(publish.payload, QByteArray("hi"));
    QCOMPARE(publish.packetId, quint16(7));
    QCOMPARE(std::get<ConnectPacket>(*packets.at(0).decode()).clientId, QStringLiteral("test-client"));
}

void tst_PacketObserver::sessionKeepsWholePackets_data()
{
    QTest::addColumn<int>("chunk"); // bytes per receive() call
    QTest::newRow("one byte at a time") << 1;
    QTest::newRow("three bytes") << 3;
    QTest::newRow("all at once") << 1000;
}

// Packets split across reads, or several in one read, are each captured whole, and the
// PUBACK queued while handling the PUBLISH comes right after it.
void tst_PacketObserver::sessionKeepsWholePackets()
{
    QFETCH(int, chunk);
    NullHandler handler;
    Session session(&handler);
    qint64 clock = 5000;
    session.setPacketCapture(true, [&] { return clock++; });
    session.options().clientId = QStringLiteral("test-client");
    session.connectionOpened(0);
    const QByteArray in = QByteArray::fromHex(kConnackOk) + QByteArray::fromHex(kPublish);
    for (qsizetype i = 0; i < in.size(); i += chunk)
        QCOMPARE(session.receive(in.constData() + i, qMin<qsizetype>(chunk, in.size() - i), 1), Error::Success);
    const QList<CapturedPacket> packets = session.takeCapturedPackets();
    QCOMPARE(describe(packets),
             (QStringList{QStringLiteral("out %1").arg(QLatin1String(kConnect)),
                          QStringLiteral("in %1").arg(QLatin1String(kConnackOk)),
                          QStringLiteral("in %1").arg(QLatin1String(kPublish)),
                          QStringLiteral("out %1").arg(QLatin1String(kPuback))}));
    QCOMPARE(packets.at(0).timestamp, 5000);
    QCOMPARE(packets.at(3).timestamp, 5003);
    QVERIFY(!session.hasCapturedPackets());
    QVERIFY(session.takeCapturedPackets().isEmpty());
}

void tst_PacketObserver::sessionCaptureOff()
{
    NullHandler handler;
    Session session(&handler);
    session.setPacketCapture(true);
    session.setPacketCapture(false); // off again drops what was kept
    session.options().clientId = QStringLiteral("test-client");
    session.connectionOpened(0);
    const QByteArray in = QByteArray::fromHex(kConnackOk) + QByteArray::fromHex(kPublish);
    QCOMPARE(session.receive(in.constData(), in.size(), 1), Error::Success);
    QVERIFY(!session.hasCapturedPackets());
    QVERIFY(session.takeCapturedPackets().isEmpty());
}

QTEST_GUILESS_MAIN(tst_PacketObserver)
#include "tst_packetobserver.moc"
