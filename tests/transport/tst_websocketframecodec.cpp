#include "transport/websocketframecodec.h"

#include <QtTest>

using mqtt::WebSocketFrameCodec;
using Opcode = WebSocketFrameCodec::Opcode;
using Result = WebSocketFrameCodec::Result;

class tst_WebSocketFrameCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeRfcExample();
    void encodeLengths_data();
    void encodeLengths();
    void decodeVectors_data();
    void decodeVectors();
    void decodeByteByByte();
    void decodeErrors_data();
    void decodeErrors();
    void maskOffsets();
    void closePayload_data();
    void closePayload();
};

// A server frame (never masked), for feeding the decoder.
static QByteArray serverFrame(quint8 firstByte, const QByteArray &payload)
{
    QByteArray out(1, char(firstByte));
    const qsizetype n = payload.size();
    if (n < 126) {
        out.append(char(n));
    } else if (n <= 0xffff) {
        out.append(char(126)).append(char(n >> 8)).append(char(n & 0xff));
    } else {
        out.append(char(127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    return out + payload;
}

void tst_WebSocketFrameCodec::encodeRfcExample()
{
    // RFC 6455 5.7: a masked "Hello" with mask 37 fa 21 3d.
    QCOMPARE(WebSocketFrameCodec::encode(Opcode::Text, QByteArray("Hello"), 0x37fa213d).toHex(' '),
             QByteArray("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
}

void tst_WebSocketFrameCodec::encodeLengths_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("headerSize");
    QTest::newRow("empty") << 0 << 6;
    QTest::newRow("1") << 1 << 6;
    QTest::newRow("125 (7-bit max)") << 125 << 6;
    QTest::newRow("126 (16-bit min)") << 126 << 8;
    QTest::newRow("65535 (16-bit max)") << 65535 << 8;
    QTest::newRow("65536 (64-bit min)") << 65536 << 14;
    QTest::newRow("1 MiB + 3") << (1024 * 1024 + 3) << 14;
}

void tst_WebSocketFrameCodec::encodeLengths()
{
    QFETCH(int, size);
    QFETCH(int, headerSize);
    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char(i * 7 + 1);
    const quint32 key = 0xa1b2c3d4;
    const QByteArray frame = WebSocketFrameCodec::encode(Opcode::Binary, payload, key, false);
    QCOMPARE(frame.size(), headerSize + size);
    QCOMPARE(quint8(frame.at(0)), quint8(0x02));   // FIN clear, binary
    QVERIFY(quint8(frame.at(1)) & 0x80);           // client frames are masked
    QCOMPARE(frame.mid(headerSize - 4, 4).toHex(), QByteArray("a1b2c3d4"));
    // Unmask as a server would and compare.
    QByteArray body = frame.mid(headerSize);
    WebSocketFrameCodec::applyMask(body.data(), body.size(), key);
    QVERIFY(body == payload);

    // The server's unmasked version decodes back to the same payload.
    WebSocketFrameCodec codec;
    codec.feed(serverFrame(0x82, payload));
    WebSocketFrameCodec::Frame decoded;
    QCOMPARE(codec.nextFrame(&decoded), Result::Frame);
    QCOMPARE(decoded.opcode, Opcode::Binary);
    QVERIFY(decoded.fin);
    QVERIFY(decoded.payload == payload);
    QCOMPARE(codec.nextFrame(&decoded), Result::NeedMore);
    QCOMPARE(codec.bufferedBytes(), qsizetype(0));
}

void tst_WebSocketFrameCodec::decodeVectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<int>>("opcodes");
    QTest::addColumn<QList<bool>>("fins");
    QTest::addColumn<QByteArrayList>("payloads");

    // RFC 6455 5.7 examples.
    QTest::newRow("unmasked text Hello") << QByteArray::fromHex("810548656c6c6f")
        << QList<int>{1} << QList<bool>{true} << QByteArrayList{"Hello"};
    QTest::newRow("fragmented Hel + lo") << QByteArray::fromHex("010348656c80026c6f")
        << QList<int>{1, 0} << QList<bool>{false, true} << QByteArrayList{"Hel", "lo"};
    QTest::newRow("ping Hello") << QByteArray::fromHex("890548656c6c6f")
        << QList<int>{9} << QList<bool>{true} << QByteArrayList{"Hello"};
    QTest::newRow("256 bytes, 16-bit length") << QByteArray::fromHex("827e0100") + QByteArray(256, 'x')
        << QList<int>{2} << QList<bool>{true} << QByteArrayList{QByteArray(256, 'x')};
    QTest::newRow("64 KiB, 64-bit length")
        << QByteArray::fromHex("827f0000000000010000") + QByteArray(65536, 'y')
        << QList<int>{2} << QList<bool>{true} << QByteArrayList{QByteArray(65536, 'y')};
    QTest::newRow("ping inside fragmented binary")
        << QByteArray::fromHex("0202aabb" "8900" "8001cc")
        << QList<int>{2, 9, 0} << QList<bool>{false, true, true}
        << QByteArrayList{QByteArray::fromHex("aabb"), QByteArray(), QByteArray::fromHex("cc")};
    QTest::newRow("close 1000 bye") << QByteArray::fromHex("880503e8627965")
        << QList<int>{8} << QList<bool>{true} << QByteArrayList{QByteArray::fromHex("03e8627965")};
    QTest::newRow("empty binary, pong") << QByteArray::fromHex("8200" "8a00")
        << QList<int>{2, 10} << QList<bool>{true, true} << QByteArrayList{QByteArray(), QByteArray()};
}

void tst_WebSocketFrameCodec::decodeVectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<int>, opcodes);
    QFETCH(QList<bool>, fins);
    QFETCH(QByteArrayList, payloads);
    WebSocketFrameCodec codec;
    codec.feed(bytes);
    for (int i = 0; i < opcodes.size(); ++i) {
        WebSocketFrameCodec::Frame frame;
        QCOMPARE(codec.nextFrame(&frame), Result::Frame);
        QCOMPARE(int(frame.opcode), opcodes.at(i));
        QCOMPARE(frame.fin, fins.at(i));
        QCOMPARE(frame.payload, payloads.at(i));
    }
    WebSocketFrameCodec::Frame frame;
    QCOMPARE(codec.nextFrame(&frame), Result::NeedMore);
}

void tst_WebSocketFrameCodec::decodeByteByByte()
{
    const QByteArray payload(70000, 'z');
    const QByteArray stream = serverFrame(0x02, "ab") + serverFrame(0x89, "p")
                              + serverFrame(0x80, payload);
    WebSocketFrameCodec codec;
    QByteArrayList payloads;
    QList<int> opcodes;
    for (const char byte : stream) {
        codec.feed(&byte, 1);
        WebSocketFrameCodec::Frame frame;
        Result result;
        while ((result = codec.nextFrame(&frame)) == Result::Frame) {
            payloads << frame.payload;
            opcodes << int(frame.opcode);
        }
        QCOMPARE(result, Result::NeedMore);
    }
    QCOMPARE(opcodes, (QList<int>{2, 9, 0}));
    QCOMPARE(payloads.at(0), QByteArray("ab"));
    QCOMPARE(payloads.at(1), QByteArray("p"));
    QVERIFY(payloads.at(2) == payload);
}

void tst_WebSocketFrameCodec::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint64>("maxPayload");
    QTest::addColumn<int>("closeCode");
    QTest::addColumn<QString>("message");

    const quint64 noLimit = 0;
    QTest::newRow("RSV1 set") << QByteArray::fromHex("c200") << noLimit << 1002 << "reserved bits 0x40";
    QTest::newRow("RSV3 set") << QByteArray::fromHex("9200") << noLimit << 1002 << "reserved bits 0x10";
    QTest::newRow("opcode 3") << QByteArray::fromHex("8300") << noLimit << 1002 << "unknown opcode 0x3";
    QTest::newRow("opcode 0xB") << QByteArray::fromHex("8b00") << noLimit << 1002 << "unknown opcode 0xb";
    QTest::newRow("masked by server") << QByteArray::fromHex("828100000000ff") << noLimit << 1002
        << "masked WebSocket frame from the server";
    QTest::newRow("fragmented ping") << QByteArray::fromHex("0900") << noLimit << 1002 << "is fragmented";
    QTest::newRow("long close") << QByteArray::fromHex("887e007e") + QByteArray(126, 'x') << noLimit
        << 1002 << "longer than 125 bytes";
    QTest::newRow("16-bit length below 126") << QByteArray::fromHex("827e0005") << noLimit << 1002
        << "length 5 not minimally encoded";
    QTest::newRow("64-bit length below 65536") << QByteArray::fromHex("827f000000000000ffff") << noLimit
        << 1002 << "length 65535 not minimally encoded";
    QTest::newRow("64-bit length top bit") << QByteArray::fromHex("827f8000000000000000") << noLimit
        << 1002 << "top bit set";
    QTest::newRow("over the limit") << QByteArray::fromHex("827e0400") << quint64(1000) << 1009
        << "frame of 1024 bytes exceeds the limit of 1000";
}

void tst_WebSocketFrameCodec::decodeErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint64, maxPayload);
    QFETCH(int, closeCode);
    QFETCH(QString, message);
    WebSocketFrameCodec codec;
    if (maxPayload)
        codec.setMaxFramePayload(maxPayload);
    codec.feed(bytes);
    WebSocketFrameCodec::Frame frame;
    QCOMPARE(codec.nextFrame(&frame), Result::Error);
    QCOMPARE(int(codec.errorCloseCode()), closeCode);
    QVERIFY2(codec.errorString().contains(message), qPrintable(codec.errorString()));
    // A broken stream stays broken even if more bytes come.
    codec.feed(QByteArray::fromHex("8200"));
    QCOMPARE(codec.nextFrame(&frame), Result::Error);
}

void tst_WebSocketFrameCodec::maskOffsets()
{
    QByteArray data(37, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i);
    for (int offset = 0; offset < 4; ++offset) {
        QByteArray masked = data;
        WebSocketFrameCodec::applyMask(masked.data(), masked.size(), 0x01020304, offset);
        const quint8 key[4] = {1, 2, 3, 4};
        for (int i = 0; i < data.size(); ++i)
            QCOMPARE(quint8(masked.at(i)), quint8(quint8(data.at(i)) ^ key[(i + offset) % 4]));
    }
}

void tst_WebSocketFrameCodec::closePayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << true << 1005 << "";
    QTest::newRow("one byte") << QByteArray("\x03", 1) << false << 0 << "";
    QTest::newRow("code only") << QByteArray::fromHex("03e9") << true << 1001 << "";
    QTest::newRow("code and reason") << QByteArray::fromHex("03f0") + "too big" << true << 1008 << "too big";
    QTest::newRow("bad utf-8 reason") << QByteArray::fromHex("03e8c328") << false << 0 << "";
}

void tst_WebSocketFrameCodec::closePayload()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, ok);
    QFETCH(int, code);
    QFETCH(QString, reason);
    quint16 gotCode = 0;
    QString gotReason, error;
    QCOMPARE(WebSocketFrameCodec::parseClosePayload(payload, &gotCode, &gotReason, &error), ok);
    if (ok) {
        QCOMPARE(int(gotCode), code);
        QCOMPARE(gotReason, reason);
        // And our own encoder produces what we parse.
        if (code != 1005) {
            const QByteArray again = WebSocketFrameCodec::closePayload(gotCode, gotReason.toUtf8());
            QCOMPARE(again, payload);
        }
    } else {
        QVERIFY(!error.isEmpty());
    }
}

QTEST_APPLESS_MAIN(tst_WebSocketFrameCodec)
#include "tst_websocketframecodec.moc"
