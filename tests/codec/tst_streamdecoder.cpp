// StreamDecoder: every malformed input a broker can send (semantics reference §6.14 and the
// codec issue), each with its rule, statement ID, offset and DISCONNECT reason; every
// chunking; the failed state; the maximum packet size; the server role used by fake brokers.
#include "codectestutil.h"

#include "codec/encoder.h"
#include "codec/streamdecoder.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace mqtt;

namespace {

struct Decoded
{
    QList<Packet> packets;
    DecodeError error;
};

// Feeds `stream` in pieces whose sizes come from `nextChunk`, draining after each feed.
template<typename ChunkFn>
Decoded decodeChunked(const QByteArray &stream, ProtocolVersion version, ChunkFn nextChunk,
                      bool authMethodSent = true)
{
    StreamDecoder decoder;
    decoder.setProtocolVersion(version);
    decoder.setAuthMethodSent(authMethodSent);
    Decoded out;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        const qsizetype n = qMin<qsizetype>(nextChunk(), stream.size() - pos);
        decoder.feed(stream.constData() + pos, n);
        pos += n;
        while (std::optional<Packet> p = decoder.next())
            out.packets.append(*p);
    }
    out.error = decoder.error();
    return out;
}

// A stream with at least one of every packet a client receives, for `version`.
QByteArray serverStream(ProtocolVersion version, QList<Packet> *expected)
{
    const bool v5 = version == ProtocolVersion::V5;
    QList<Packet> packets;
    ConnackPacket ca;
    if (v5) {
        ca.properties.setTopicAliasMaximum(10);
        ca.properties.addUserProperty(QStringLiteral("a"), QStringLiteral("b"));
    }
    packets.append(ca);
    for (int i = 0; i < 40; ++i) {
        PublishPacket p;
        p.topic = QStringLiteral("sensors/%1/temp").arg(i);
        p.payload = QByteArray(i * 37, char('a' + i % 26));
        p.qos = quint8(i % 3);
        p.packetId = p.qos ? quint16(i + 1) : 0;
        p.retain = i % 4 == 0;
        if (v5 && i % 5 == 0)
            p.properties.addSubscriptionIdentifier(quint32(i + 1));
        packets.append(p);
    }
    PublishPacket large;
    large.topic = QStringLiteral("big");
    large.payload = QByteArray(70000, 'z');
    packets.append(large);
    packets.append(PubackPacket{1, v5 ? quint8(0x10) : quint8(0), {}});
    packets.append(PubrecPacket{2, 0, {}});
    packets.append(PubrelPacket{3, 0, {}});
    packets.append(PubcompPacket{4, 0, {}});
    packets.append(SubackPacket{5, {0, 1, 2, 0x80}, {}});
    packets.append(UnsubackPacket{6, v5 ? QList<ReasonCode>{0x11} : QList<ReasonCode>{}, {}});
    packets.append(PingrespPacket{});
    if (v5) {
        packets.append(AuthPacket{0x18, {}});
        packets.append(DisconnectPacket{0x8B, {}});
    }
    QByteArray stream;
    for (const Packet &p : packets)
        stream += encode(p, version);
    *expected = packets;
    return stream;
}

} // namespace

class tst_StreamDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformed_data();
    void malformed();
    void malformedSameInAnyChunking_data();
    void malformedSameInAnyChunking();
    void chunking_data();
    void chunking();
    void staysFailed();
    void resetClearsError();
    void maximumPacketSize_data();
    void maximumPacketSize();
    void hugeDeclaredLengthWaits();
    void authNeedsMethod();
    void errorOffsetAcrossPackets();
    void feedSharesWholeBuffer();
    void serverRoleMalformed_data();
    void serverRoleMalformed();
    void serverRoleTakesVersionFromConnect();
    void decodePacketRejectsTrailingBytes();
    void errorToString();
};

void tst_StreamDecoder::malformed_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("statementId");
    QTest::addColumn<int>("reason");
    QTest::addColumn<int>("offset"); // -1: not checked
    QTest::addColumn<QString>("ruleContains");
    const auto V311 = ProtocolVersion::V311;
    const auto V5 = ProtocolVersion::V5;
    const int M = ReasonCode::MalformedPacket;
    const int P = ReasonCode::ProtocolError;

    // Packet types.
    QTest::newRow("type 0") << V311 << hex("00 00") << "" << M << 0 << "reserved packet type";
    QTest::newRow("type 15 in 3.1.1") << V311 << hex("F0 00") << "" << M << 0 << "reserved packet type";
    QTest::newRow("CONNECT from server") << V311 << hex("10 00") << "" << P << 0 << "CONNECT";
    QTest::newRow("SUBSCRIBE from server") << V5 << hex("82 00") << "" << P << 0 << "SUBSCRIBE";
    QTest::newRow("UNSUBSCRIBE from server") << V5 << hex("A2 00") << "" << P << 0 << "UNSUBSCRIBE";
    QTest::newRow("PINGREQ from server") << V311 << hex("C0 00") << "" << P << 0 << "PINGREQ";
    QTest::newRow("DISCONNECT in 3.1.1") << V311 << hex("E0 00") << "" << P << 0 << "DISCONNECT";
    QTest::newRow("AUTH without method") << V5 << hex("F0 00") << "MQTT-4.12.0-6" << P << 0 << "AUTH";

    // Reserved fixed-header flags.
    QTest::newRow("PUBACK flags 3.1.1") << V311 << hex("41 02 00 01") << "MQTT-2.2.2-2" << M << 0 << "reserved flags";
    QTest::newRow("PUBACK flags 5.0") << V5 << hex("48 02 00 01") << "MQTT-2.1.3-1" << M << 0 << "reserved flags";
    QTest::newRow("PUBREL flags 0") << V311 << hex("60 02 00 01") << "MQTT-3.6.1-1" << M << 0 << "reserved flags";
    QTest::newRow("CONNACK flags") << V311 << hex("21 02 00 00") << "MQTT-2.2.2-2" << M << 0 << "reserved flags";
    QTest::newRow("SUBACK flags") << V311 << hex("92 03 00 01 00") << "MQTT-2.2.2-2" << M << 0 << "reserved flags";
    QTest::newRow("PINGRESP flags") << V5 << hex("D1 00") << "MQTT-2.1.3-1" << M << 0 << "reserved flags";
    QTest::newRow("DISCONNECT flags 5.0") << V5 << hex("E2 00") << "MQTT-3.14.1-1" << M << 0 << "reserved flags";

    // Remaining length.
    QTest::newRow("5-byte remaining length") << V311 << hex("30 FF FF FF FF 01") << "" << M << 1 << "longer than 4 bytes";
    QTest::newRow("non-minimal remaining length") << V311 << hex("D0 80 00") << "MQTT-1.5.5-1" << M << 1 << "shortest";
    QTest::newRow("CONNACK length 3 in 3.1.1") << V311 << hex("20 03 00 00 00") << "" << M << 2 << "not 2";
    QTest::newRow("CONNACK length 1") << V311 << hex("20 01 00") << "" << M << 2 << "not 2";
    QTest::newRow("PUBACK length 3 in 3.1.1") << V311 << hex("40 03 00 01 00") << "" << M << 2 << "not 2";
    QTest::newRow("PUBREC length 1") << V311 << hex("50 01 00") << "" << M << 2 << "not 2";
    QTest::newRow("PUBCOMP length 1 in 5.0") << V5 << hex("70 01 00") << "" << M << 2 << "runs past";
    QTest::newRow("UNSUBACK length 3 in 3.1.1") << V311 << hex("B0 03 00 01 00") << "" << M << 2 << "not 2";
    QTest::newRow("PINGRESP length 1") << V311 << hex("D0 01 00") << "" << M << 2 << "not 0";
    QTest::newRow("DISCONNECT trailing bytes") << V5 << hex("E0 03 00 00 FF") << "" << M << 4 << "unexpected bytes";
    QTest::newRow("PUBACK trailing bytes 5.0") << V5 << hex("40 05 00 01 00 00 AA") << "" << M << 6 << "unexpected bytes";
    QTest::newRow("CONNACK 5.0 without property length") << V5 << hex("20 02 00 00") << "" << M << 4 << "runs past";

    // Strings and lengths that overrun.
    QTest::newRow("topic length overruns") << V311 << hex("30 03 00 05 61") << "" << M << 2 << "runs past";
    QTest::newRow("topic length byte missing") << V311 << hex("30 01 00") << "" << M << 2 << "runs past";
    QTest::newRow("packet id missing") << V311 << hex("32 05 00 03 61 2F 62") << "" << M << 7 << "runs past";
    QTest::newRow("property length overruns") << V5 << hex("40 05 00 01 00 09 1F") << "" << M << 5 << "property length";
    QTest::newRow("property value overruns") << V5 << hex("20 05 00 00 02 21 00") << "" << M << 6 << "runs past";
    QTest::newRow("property string overruns") << V5 << hex("40 08 00 01 00 04 1F 00 05 78") << "" << M << 7 << "runs past";

    // UTF-8.
    QTest::newRow("topic invalid byte") << V311 << hex("30 05 00 03 61 FF 62") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic invalid byte 5.0") << V5 << hex("30 06 00 03 61 FF 62 00") << "MQTT-1.5.4-1" << M << 4 << "UTF-8";
    QTest::newRow("topic overlong") << V311 << hex("30 04 00 02 C0 AF") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic overlong 3 bytes") << V311 << hex("30 05 00 03 E0 80 AF") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic surrogate") << V311 << hex("30 05 00 03 ED A0 80") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic above U+10FFFF") << V311 << hex("30 06 00 04 F4 90 80 80") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic truncated sequence") << V311 << hex("30 04 00 02 61 C3") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic lone continuation") << V311 << hex("30 03 00 01 80") << "MQTT-1.5.3-1" << M << 4 << "UTF-8";
    QTest::newRow("topic NUL") << V311 << hex("30 05 00 03 61 00 62") << "MQTT-1.5.3-2" << M << 4 << "U+0000";
    QTest::newRow("topic NUL in long ASCII") << V311 << hex("30 0E 00 0C 61 61 61 61 61 61 61 61 61 00 61 61") << "MQTT-1.5.3-2" << M << 4 << "U+0000";
    QTest::newRow("topic NUL 5.0") << V5 << hex("30 06 00 03 61 00 62 00") << "MQTT-1.5.4-2" << M << 4 << "U+0000";
    QTest::newRow("reason string bad UTF-8") << V5 << hex("40 08 00 01 80 04 1F 00 01 FE") << "MQTT-1.5.4-1" << M << 9 << "Reason String";
    QTest::newRow("user property NUL") << V5 << hex("40 0B 00 01 80 07 26 00 01 00 00 01 61") << "MQTT-1.5.4-2" << M << 9 << "User Property name";

    // PUBLISH.
    QTest::newRow("PUBLISH wildcard +") << V311 << hex("30 05 00 03 61 2F 2B") << "MQTT-3.3.2-2" << int(ReasonCode::TopicNameInvalid) << 4 << "wildcard";
    QTest::newRow("PUBLISH wildcard #") << V5 << hex("30 04 00 01 23 00") << "MQTT-3.3.2-2" << int(ReasonCode::TopicNameInvalid) << 4 << "wildcard";
    QTest::newRow("PUBLISH empty topic 3.1.1") << V311 << hex("30 02 00 00") << "MQTT-4.7.3-1" << P << 2 << "empty";
    QTest::newRow("PUBLISH no topic no alias 5.0") << V5 << hex("30 03 00 00 00") << "" << P << 4 << "Topic Alias";
    QTest::newRow("PUBLISH QoS 3") << V311 << hex("36 07 00 03 61 2F 62 00 01") << "MQTT-3.3.1-4" << M << 2 << "QoS 3";
    QTest::newRow("PUBLISH QoS 0 with DUP") << V311 << hex("38 05 00 03 61 2F 62") << "MQTT-3.3.1-2" << M << 2 << "DUP";
    QTest::newRow("PUBLISH packet id 0") << V311 << hex("32 07 00 03 61 2F 62 00 00") << "MQTT-2.3.1-1" << P << 7 << "identifier 0";
    QTest::newRow("PUBLISH packet id 0 5.0") << V5 << hex("34 08 00 03 61 2F 62 00 00 00") << "MQTT-2.2.1-3" << P << 7 << "identifier 0";
    QTest::newRow("PUBLISH topic alias 0") << V5 << hex("30 09 00 03 61 2F 62 03 23 00 00") << "MQTT-3.3.2-8" << int(ReasonCode::TopicAliasInvalid) << 8 << "Topic Alias 0";
    QTest::newRow("PUBLISH subscription id 0") << V5 << hex("30 08 00 03 61 2F 62 02 0B 00") << "" << P << 8 << "Subscription Identifier";
    QTest::newRow("PUBLISH payload format 2") << V5 << hex("30 08 00 03 61 2F 62 02 01 02") << "" << P << 8 << "Payload Format";
    QTest::newRow("PUBLISH duplicate topic alias") << V5 << hex("30 0C 00 03 61 2F 62 06 23 00 01 23 00 02") << "" << P << 11 << "more than once";

    // Packet identifiers of acks.
    QTest::newRow("PUBACK id 0") << V311 << hex("40 02 00 00") << "MQTT-2.3.1-1" << P << 2 << "identifier 0";
    QTest::newRow("PUBREL id 0 5.0") << V5 << hex("62 02 00 00") << "MQTT-2.2.1-3" << P << 2 << "identifier 0";
    QTest::newRow("SUBACK id 0") << V311 << hex("90 03 00 00 00") << "MQTT-2.3.1-1" << P << 2 << "identifier 0";
    QTest::newRow("UNSUBACK id 0") << V311 << hex("B0 02 00 00") << "MQTT-2.3.1-1" << P << 2 << "identifier 0";

    // Properties.
    QTest::newRow("unknown property") << V5 << hex("40 06 00 01 00 02 05 00") << "" << M << 6 << "unknown property";
    QTest::newRow("property id as 2-byte VBI") << V5 << hex("40 07 00 01 00 03 80 01 00") << "" << M << 6 << "unknown property";
    QTest::newRow("property not allowed in PUBACK") << V5 << hex("40 07 00 01 00 03 23 00 01") << "" << M << 6 << "not allowed in PUBACK";
    QTest::newRow("Will Delay in CONNACK") << V5 << hex("20 08 00 00 05 18 00 00 00 01") << "" << M << 5 << "not allowed in CONNACK";
    QTest::newRow("duplicate Reason String") << V5 << hex("40 0C 00 01 00 08 1F 00 01 78 1F 00 01 79") << "" << P << 10 << "more than once";
    QTest::newRow("duplicate Receive Maximum") << V5 << hex("20 09 00 00 06 21 00 01 21 00 01") << "" << P << 8 << "more than once";
    QTest::newRow("Receive Maximum 0") << V5 << hex("20 06 00 00 03 21 00 00") << "" << P << 5 << "Receive Maximum";
    QTest::newRow("Maximum Packet Size 0") << V5 << hex("20 08 00 00 05 27 00 00 00 00") << "" << P << 5 << "Maximum Packet Size";
    QTest::newRow("Maximum QoS 2") << V5 << hex("20 05 00 00 02 24 02") << "" << P << 5 << "Maximum QoS";
    QTest::newRow("Retain Available 2") << V5 << hex("20 05 00 00 02 25 02") << "" << P << 5 << "Retain Available";
    QTest::newRow("Wildcard Subscription Available 5") << V5 << hex("20 05 00 00 02 28 05") << "" << P << 5 << "Wildcard";
    QTest::newRow("Subscription Identifier in SUBACK") << V5 << hex("90 06 00 01 02 0B 01 00") << "" << M << 5 << "not allowed in SUBACK";
    QTest::newRow("property VBI 5 bytes") << V5 << hex("30 0A 00 01 61 06 0B FF FF FF FF 01") << "" << M << 7 << "longer than 4 bytes";

    // CONNACK.
    QTest::newRow("CONNACK flag bits") << V311 << hex("20 02 02 00") << "MQTT-3.2.2-1" << M << 2 << "bits 7-1";
    QTest::newRow("CONNACK flag bits 5.0") << V5 << hex("20 03 80 00 00") << "MQTT-3.2.2-1" << M << 2 << "bits 7-1";
    QTest::newRow("CONNACK SP with refusal 3.1.1") << V311 << hex("20 02 01 05") << "MQTT-3.2.2-4" << P << 2 << "Session Present";
    QTest::newRow("CONNACK SP with refusal 5.0") << V5 << hex("20 03 01 80 00") << "MQTT-3.2.2-6" << P << 2 << "Session Present";
    QTest::newRow("CONNACK reserved return code") << V311 << hex("20 02 00 06") << "" << P << 3 << "reserved";
    QTest::newRow("CONNACK 5.0 reason 0x01") << V5 << hex("20 03 00 01 00") << "" << P << 3 << "not allowed in CONNACK";
    QTest::newRow("CONNACK 5.0 reason 0x8B") << V5 << hex("20 03 00 8B 00") << "" << P << 3 << "not allowed in CONNACK";

    // Reason codes not allowed for the packet.
    QTest::newRow("PUBACK 0x92") << V5 << hex("40 03 00 01 92") << "" << P << 4 << "not allowed in PUBACK";
    QTest::newRow("PUBREC 0x11") << V5 << hex("50 03 00 01 11") << "" << P << 4 << "not allowed in PUBREC";
    QTest::newRow("PUBREL 0x10") << V5 << hex("62 03 00 01 10") << "" << P << 4 << "not allowed in PUBREL";
    QTest::newRow("PUBCOMP 0x80") << V5 << hex("70 03 00 01 80") << "" << P << 4 << "not allowed in PUBCOMP";
    QTest::newRow("SUBACK 3.1.1 code 3") << V311 << hex("90 03 00 01 03") << "" << P << 4 << "not allowed in SUBACK";
    QTest::newRow("SUBACK 3.1.1 code 0x87") << V311 << hex("90 03 00 01 87") << "" << P << 4 << "not allowed in SUBACK";
    QTest::newRow("SUBACK 5.0 code 0x11") << V5 << hex("90 04 00 01 00 11") << "" << P << 5 << "not allowed in SUBACK";
    QTest::newRow("SUBACK empty") << V311 << hex("90 02 00 01") << "" << P << 4 << "no return codes";
    QTest::newRow("UNSUBACK 5.0 code 0x92") << V5 << hex("B0 04 00 01 00 92") << "" << P << 5 << "not allowed in UNSUBACK";
    QTest::newRow("UNSUBACK 5.0 empty") << V5 << hex("B0 03 00 01 00") << "" << P << 5 << "no reason codes";
    QTest::newRow("DISCONNECT 0x04 from server") << V5 << hex("E0 01 04") << "" << P << 2 << "not allowed in DISCONNECT";
    QTest::newRow("DISCONNECT 0x01") << V5 << hex("E0 01 01") << "" << P << 2 << "not allowed in DISCONNECT";
    QTest::newRow("AUTH 0x01") << V5 << hex("F0 02 01 00") << "" << P << 2 << "not allowed in AUTH";
}

void tst_StreamDecoder::malformed()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, statementId);
    QFETCH(int, reason);
    QFETCH(int, offset);
    QFETCH(QString, ruleContains);

    StreamDecoder decoder;
    decoder.setProtocolVersion(version);
    // AUTH is only rejected in the row that is about it.
    decoder.setAuthMethodSent(!QByteArray(QTest::currentDataTag()).contains("without method"));
    decoder.feed(bytes);
    QVERIFY(!decoder.next());
    QVERIFY2(decoder.hasFailed(), "malformed input was accepted");
    const DecodeError &e = decoder.error();
    QVERIFY2(e.rule.contains(ruleContains), qPrintable(e.rule));
    QCOMPARE(e.statementId, statementId);
    QCOMPARE(int(e.disconnectReason.value), reason);
    if (offset >= 0)
        QCOMPARE(e.offset, qint64(offset));
}

void tst_StreamDecoder::malformedSameInAnyChunking_data()
{
    malformed_data();
}

void tst_StreamDecoder::malformedSameInAnyChunking()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    const bool auth = !QByteArray(QTest::currentDataTag()).contains("without method");
    // A valid packet first, so the error is not at stream offset 0.
    const QByteArray stream = hex("D0 00") + bytes;
    const Decoded whole = decodeChunked(stream, version, [&] { return stream.size(); }, auth);
    const Decoded bytewise = decodeChunked(stream, version, [] { return 1; }, auth);
    QVERIFY(!whole.error.isNull());
    QCOMPARE(whole.packets.size(), 1);
    QCOMPARE(bytewise.packets.size(), 1);
    QCOMPARE(bytewise.error.rule, whole.error.rule);
    QCOMPARE(bytewise.error.offset, whole.error.offset);
    QCOMPARE(bytewise.error.statementId, whole.error.statementId);
}

void tst_StreamDecoder::chunking_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QString>("mode");
    for (ProtocolVersion v : {ProtocolVersion::V311, ProtocolVersion::V5}) {
        const char *vn = v == ProtocolVersion::V5 ? "5.0" : "3.1.1";
        for (const char *mode : {"all at once", "1 byte", "2 bytes", "random", "random large"})
            QTest::addRow("%s %s", vn, mode) << v << QString::fromLatin1(mode);
    }
}

void tst_StreamDecoder::chunking()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QString, mode);
    QList<Packet> expected;
    const QByteArray stream = serverStream(version, &expected);

    QRandomGenerator rng(42);
    std::function<qsizetype()> chunk;
    if (mode == QLatin1String("all at once"))
        chunk = [&] { return stream.size(); };
    else if (mode == QLatin1String("1 byte"))
        chunk = [] { return 1; };
    else if (mode == QLatin1String("2 bytes"))
        chunk = [] { return 2; };
    else if (mode == QLatin1String("random"))
        chunk = [&] { return qsizetype(rng.bounded(1, 64)); };
    else
        chunk = [&] { return qsizetype(rng.bounded(1, 100000)); };

    const Decoded decoded = decodeChunked(stream, version, chunk);
    QVERIFY2(decoded.error.isNull(), qPrintable(decoded.error.toString()));
    QCOMPARE(decoded.packets.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QVERIFY2(decoded.packets.at(i) == expected.at(i), qPrintable(QString::number(i)));
}

void tst_StreamDecoder::staysFailed()
{
    StreamDecoder decoder;
    decoder.feed(hex("D0 00 00 00 D0 00"));
    QVERIFY(decoder.next());
    QVERIFY(!decoder.next());
    QVERIFY(decoder.hasFailed());
    const DecodeError first = decoder.error();
    decoder.feed(hex("D0 00"));
    QVERIFY(!decoder.next());
    QVERIFY(!decoder.next());
    QCOMPARE(decoder.error().rule, first.rule);
    QCOMPARE(decoder.error().offset, qint64(2));
}

void tst_StreamDecoder::resetClearsError()
{
    StreamDecoder decoder;
    decoder.feed(hex("00 00"));
    QVERIFY(!decoder.next());
    QVERIFY(decoder.hasFailed());
    decoder.reset();
    QVERIFY(!decoder.hasFailed());
    decoder.feed(hex("D0 00"));
    QVERIFY(decoder.next());
    QCOMPARE(decoder.streamOffset(), qint64(2));
}

void tst_StreamDecoder::maximumPacketSize_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("accepted");
    // Whole packet counts: fixed header + remaining length ([S5] §3.1.2.11.4).
    QTest::newRow("exactly the limit") << 10 << hex("30 08 00 01 61 00 01 02 03 04") << true;
    QTest::newRow("one over, header only") << 10 << hex("30 09") << false;
    QTest::newRow("one over, whole packet") << 10 << hex("30 09 00 01 61 00 01 02 03 04 05") << false;
    QTest::newRow("huge declared length") << 1000 << hex("30 FF FF FF 7F") << false;
    QTest::newRow("no limit") << 0 << hex("30 09 00 01 61 00 01 02 03 04 05") << true;
}

void tst_StreamDecoder::maximumPacketSize()
{
    QFETCH(int, limit);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, accepted);
    StreamDecoder decoder;
    decoder.setProtocolVersion(ProtocolVersion::V5);
    decoder.setMaximumPacketSize(quint32(limit));
    decoder.feed(bytes);
    const std::optional<Packet> packet = decoder.next();
    QCOMPARE(bool(packet), accepted);
    QCOMPARE(decoder.hasFailed(), !accepted);
    if (!accepted) {
        QCOMPARE(decoder.error().disconnectReason, ReasonCode(ReasonCode::PacketTooLarge));
        QCOMPARE(decoder.error().offset, qint64(0));
    }
}

void tst_StreamDecoder::hugeDeclaredLengthWaits()
{
    // 256 MB declared, 5 bytes present: nothing reserved, no error, just waiting.
    StreamDecoder decoder;
    decoder.feed(hex("30 FF FF FF 7F 00"));
    QVERIFY(!decoder.next());
    QVERIFY(!decoder.hasFailed());
    QCOMPARE(decoder.bufferedBytes(), 6);
}

void tst_StreamDecoder::authNeedsMethod()
{
    const QByteArray auth = hex("F0 00");
    StreamDecoder withMethod;
    withMethod.setProtocolVersion(ProtocolVersion::V5);
    withMethod.setAuthMethodSent(true);
    withMethod.feed(auth);
    const std::optional<Packet> p = withMethod.next();
    QVERIFY(p);
    QCOMPARE(packetType(*p), PacketType::Auth);

    StreamDecoder without;
    without.setProtocolVersion(ProtocolVersion::V5);
    without.feed(auth);
    QVERIFY(!without.next());
    QCOMPARE(without.error().statementId, QStringLiteral("MQTT-4.12.0-6"));
}

void tst_StreamDecoder::errorOffsetAcrossPackets()
{
    // 70,000-byte packet, compacted away, then a bad one: the offset still counts from 0.
    PublishPacket big;
    big.topic = QStringLiteral("t");
    big.payload = QByteArray(70000, 'x');
    const QByteArray first = encode(big, ProtocolVersion::V311);
    StreamDecoder decoder;
    decoder.feed(first + hex("40 02 00 00"));
    QVERIFY(decoder.next());
    QVERIFY(!decoder.next());
    QCOMPARE(decoder.error().offset, qint64(first.size() + 2));
}

void tst_StreamDecoder::feedSharesWholeBuffer()
{
    // Feeding the same QByteArray twice must not alias: the decoder's copy is independent.
    QByteArray bytes = hex("30 05 00 01 61 68 69");
    StreamDecoder decoder;
    decoder.feed(bytes);
    bytes[5] = 'X';
    const std::optional<Packet> p = decoder.next();
    QVERIFY(p);
    QCOMPARE(std::get<PublishPacket>(*p).payload, QByteArray("hi"));
}

void tst_StreamDecoder::serverRoleMalformed_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("statementId");
    QTest::addColumn<QString>("ruleContains");
    const auto V311 = ProtocolVersion::V311;
    const auto V5 = ProtocolVersion::V5;
    QTest::newRow("CONNECT reserved flag") << V311 << hex("10 0D 00 04 4D 51 54 54 04 03 00 3C 00 01 61") << "MQTT-3.1.2-3" << "reserved flag";
    QTest::newRow("CONNECT bad protocol name") << V311 << hex("10 0D 00 04 4D 51 54 58 04 02 00 3C 00 01 61") << "MQTT-3.1.2-2" << "unsupported protocol";
    QTest::newRow("CONNECT level 6") << V311 << hex("10 0D 00 04 4D 51 54 54 06 02 00 3C 00 01 61") << "MQTT-3.1.2-2" << "unsupported protocol";
    QTest::newRow("CONNECT will QoS without will") << V311 << hex("10 0D 00 04 4D 51 54 54 04 0A 00 3C 00 01 61") << "MQTT-3.1.2-13" << "Will QoS";
    QTest::newRow("CONNECT will QoS 3") << V311 << hex("10 0D 00 04 4D 51 54 54 04 1E 00 3C 00 01 61") << "MQTT-3.1.2-14" << "Will QoS is 3";
    QTest::newRow("CONNECT password without user 3.1.1") << V311 << hex("10 0D 00 04 4D 51 54 54 04 42 00 3C 00 01 61") << "MQTT-3.1.2-22" << "password";
    QTest::newRow("CONNECT missing client id") << V311 << hex("10 0A 00 04 4D 51 54 54 04 02 00 3C") << "" << "runs past";
    QTest::newRow("CONNACK from client") << V311 << hex("20 02 00 00") << "" << "not a packet a client may send";
    QTest::newRow("SUBSCRIBE no filter") << V311 << hex("82 02 00 01") << "MQTT-3.8.3-3" << "no topic filter";
    QTest::newRow("SUBSCRIBE options reserved 3.1.1") << V311 << hex("82 06 00 01 00 01 61 04") << "MQTT-3.8.3-4" << "reserved bits";
    QTest::newRow("SUBSCRIBE options reserved 5.0") << V5 << hex("82 07 00 01 00 00 01 61 40") << "MQTT-3.8.3-5" << "reserved bits";
    QTest::newRow("SUBSCRIBE retain handling 3") << V5 << hex("82 07 00 01 00 00 01 61 30") << "" << "Retain Handling";
    QTest::newRow("SUBSCRIBE flags 0") << V311 << hex("80 06 00 01 00 01 61 00") << "MQTT-2.2.2-2" << "reserved flags";
    QTest::newRow("UNSUBSCRIBE no filter") << V311 << hex("A2 02 00 01") << "MQTT-3.10.3-2" << "no topic filter";
    QTest::newRow("PUBLISH with subscription id") << V5 << hex("30 07 00 01 61 02 0B 01 78") << "MQTT-3.3.4-6" << "Subscription Identifier";
}

void tst_StreamDecoder::serverRoleMalformed()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, statementId);
    QFETCH(QString, ruleContains);
    DecodeError error;
    QVERIFY(!decodeClientPacket(bytes, version, &error));
    QVERIFY2(error.rule.contains(ruleContains), qPrintable(error.rule));
    QCOMPARE(error.statementId, statementId);
}

void tst_StreamDecoder::serverRoleTakesVersionFromConnect()
{
    ConnectPacket c;
    c.clientId = QStringLiteral("x");
    PublishPacket p;
    p.topic = QStringLiteral("a");
    p.properties.setContentType(QStringLiteral("text/plain"));
    StreamDecoder broker(StreamDecoder::Role::Server); // starts at 3.1.1
    broker.feed(encode(c, ProtocolVersion::V5) + encode(p, ProtocolVersion::V5)
                + encode(DisconnectPacket{0x04, {}}, ProtocolVersion::V5));
    QVERIFY(broker.next());
    QCOMPARE(broker.protocolVersion(), ProtocolVersion::V5);
    const std::optional<Packet> publish = broker.next();
    QVERIFY2(publish, qPrintable(broker.error().toString()));
    QVERIFY(*publish == Packet(p));
    const std::optional<Packet> disconnect = broker.next();
    QVERIFY2(disconnect, qPrintable(broker.error().toString()));
    QCOMPARE(std::get<DisconnectPacket>(*disconnect).reasonCode, ReasonCode(0x04));
}

void tst_StreamDecoder::decodePacketRejectsTrailingBytes()
{
    DecodeError error;
    QVERIFY(!decodePacket(hex("D0 00 D0"), ProtocolVersion::V311, StreamDecoder::Role::Client, &error));
    QVERIFY(error.rule.contains(QLatin1String("after the packet")));
    QVERIFY(!decodePacket(hex("30 05 00 01"), ProtocolVersion::V311, StreamDecoder::Role::Client, &error));
    QVERIFY(error.rule.contains(QLatin1String("incomplete")));
}

void tst_StreamDecoder::errorToString()
{
    StreamDecoder decoder;
    decoder.feed(hex("30 05 00 03 61 2F 2B"));
    QVERIFY(!decoder.next());
    QCOMPARE(decoder.error().toString(),
             QStringLiteral("PUBLISH topic name contains a wildcard [MQTT-3.3.2-2] at offset 4"));
}

QTEST_APPLESS_MAIN(tst_StreamDecoder)
#include "tst_streamdecoder.moc"
