#include "models/payloadformat.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

Q_DECLARE_METATYPE(PayloadFormat::Format)

class tst_PayloadFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void render_data();
    void render();
    void autoRendersAsDetected();
    void hexDumpOfManyLines();
    void base64OfLargePayloadIsWhole();
    void numericJsonPaths();
    void numberAt_data();
    void numberAt();
    void sizeText_data();
    void sizeText();
    void renderAsyncDoesNotStall();
};

void tst_PayloadFormat::detect_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<PayloadFormat::Format>("expected");

    QTest::newRow("object") << QByteArray(R"({"value": 21.5})") << PayloadFormat::Json;
    QTest::newRow("array with space") << QByteArray("  [1, 2]\n") << PayloadFormat::Json;
    QTest::newRow("number") << QByteArray("21.5") << PayloadFormat::Json;
    QTest::newRow("negative exponent") << QByteArray("-3e-2") << PayloadFormat::Json;
    QTest::newRow("leading zero is text") << QByteArray("007") << PayloadFormat::Text;
    QTest::newRow("json string is text") << QByteArray("\"on\"") << PayloadFormat::Text;
    QTest::newRow("broken object is text") << QByteArray("{\"a\": }") << PayloadFormat::Text;
    QTest::newRow("xml") << QByteArray("<a><b x=\"1\">t</b></a>") << PayloadFormat::Xml;
    QTest::newRow("broken xml is text") << QByteArray("<a><b></a>") << PayloadFormat::Text;
    QTest::newRow("text") << QByteArray("on") << PayloadFormat::Text;
    QTest::newRow("utf-8 text") << QByteArray("température 21 °C\r\n\tok")
                                << PayloadFormat::Text;
    QTest::newRow("empty") << QByteArray() << PayloadFormat::Text;
    QTest::newRow("control char") << QByteArray("a\x01" "b") << PayloadFormat::Hex;
    QTest::newRow("nul") << QByteArray("ab\0c", 4) << PayloadFormat::Hex;
    QTest::newRow("invalid utf-8") << QByteArray("caf\xe9") << PayloadFormat::Hex;
    QTest::newRow("binary") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")
                            << PayloadFormat::Hex;
}

void tst_PayloadFormat::detect()
{
    QFETCH(QByteArray, payload);
    QFETCH(PayloadFormat::Format, expected);
    QCOMPARE(PayloadFormat::detect(payload), expected);
}

void tst_PayloadFormat::render_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<PayloadFormat::Format>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text") << QByteArray("hello\nworld") << PayloadFormat::Text
                          << QStringLiteral("hello\nworld");
    QTest::newRow("text invalid utf-8") << QByteArray("caf\xe9!") << PayloadFormat::Text
                                        << QStringLiteral("caf\uFFFD!");
    QTest::newRow("text empty") << QByteArray() << PayloadFormat::Text << QString();
    QTest::newRow("json object")
        << QByteArray(R"({"value":21.5,"env":{"temp":3}})") << PayloadFormat::Json
        << QStringLiteral("{\n    \"env\": {\n        \"temp\": 3\n    },\n"
                          "    \"value\": 21.5\n}");
    QTest::newRow("json array") << QByteArray("[1,true]") << PayloadFormat::Json
                                << QStringLiteral("[\n    1,\n    true\n]");
    QTest::newRow("json number") << QByteArray(" 42 ") << PayloadFormat::Json
                                 << QStringLiteral("42");
    QTest::newRow("json invalid")
        << QByteArray(R"({"a": 1 "b": 2})") << PayloadFormat::Json
        << QStringLiteral("Invalid JSON at offset 9: unterminated object\n\n"
                          "{\"a\": 1 \"b\": 2}");
    QTest::newRow("xml") << QByteArray("<a><b x=\"1\">t</b><c/></a>") << PayloadFormat::Xml
                         << QStringLiteral("<a>\n  <b x=\"1\">t</b>\n  <c/>\n</a>");
    QTest::newRow("xml with declaration")
        << QByteArray("<?xml version=\"1.0\"?>\n<a>\n     <b/></a>") << PayloadFormat::Xml
        << QStringLiteral("<?xml version=\"1.0\"?>\n<a>\n  <b/>\n</a>");
    QTest::newRow("xml invalid")
        << QByteArray("<a><b></a>") << PayloadFormat::Xml
        << QStringLiteral("Invalid XML at line 1, column 10: Opening and ending tag mismatch."
                          "\n\n<a><b></a>");
    QTest::newRow("hex short") << QByteArray("{\"value\": 21.5}\n") << PayloadFormat::Hex
                               << QStringLiteral("00000000: 7b22 7661 6c75 6522 3a20 3231 2e35 "
                                                 "7d0a  {\"value\": 21.5}.");
    QTest::newRow("hex two lines")
        << QByteArray("abcdefghijklmnopqrstuvwxyz") << PayloadFormat::Hex
        << QStringLiteral("00000000: 6162 6364 6566 6768 696a 6b6c 6d6e 6f70  abcdefghijklmnop\n"
                          "00000010: 7172 7374 7576 7778 797a                 qrstuvwxyz");
    QTest::newRow("hex binary")
        << QByteArray::fromHex("00ff7f80") << PayloadFormat::Hex
        << QStringLiteral("00000000: 00ff 7f80                                ....");
    QTest::newRow("hex empty") << QByteArray() << PayloadFormat::Hex << QString();
    QTest::newRow("base64 short") << QByteArray("hello") << PayloadFormat::Base64
                                  << QStringLiteral("aGVsbG8=");
    // 60 bytes -> 80 base64 characters: one full line of 76 and a remainder of 4.
    QTest::newRow("base64 wrapped")
        << QByteArray(60, 'x') << PayloadFormat::Base64
        << QString(QString::fromLatin1(QByteArray(60, 'x').toBase64()).insert(76, '\n'));
    QTest::newRow("base64 empty") << QByteArray() << PayloadFormat::Base64 << QString();
}

void tst_PayloadFormat::render()
{
    QFETCH(QByteArray, payload);
    QFETCH(PayloadFormat::Format, format);
    QFETCH(QString, expected);
    QCOMPARE(PayloadFormat::render(payload, format), expected);
}

void tst_PayloadFormat::autoRendersAsDetected()
{
    const QByteArray json(R"({"a":1})");
    const auto rendering = PayloadFormat::renderResolved(json, PayloadFormat::Auto);
    QCOMPARE(rendering.format, PayloadFormat::Json);
    QCOMPARE(rendering.text, PayloadFormat::renderJson(json));
    QCOMPARE(PayloadFormat::render(json, PayloadFormat::Auto), PayloadFormat::renderJson(json));

    const QByteArray binary = QByteArray::fromHex("0001");
    QCOMPARE(PayloadFormat::renderResolved(binary, PayloadFormat::Auto).format,
             PayloadFormat::Hex);
    QCOMPARE(PayloadFormat::renderResolved(binary, PayloadFormat::Text).format,
             PayloadFormat::Text);
}

void tst_PayloadFormat::hexDumpOfManyLines()
{
    QByteArray payload;
    for (int i = 0; i < 4096; ++i)
        payload.append(char(i & 0xff));
    const QStringList lines = PayloadFormat::renderHex(payload).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 256);
    QCOMPARE(lines.at(0), QStringLiteral("00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  "
                                         "................"));
    QCOMPARE(lines.at(2), QStringLiteral("00000020: 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f  "
                                         " !\"#$%&'()*+,-./"));
    QCOMPARE(lines.last(), QStringLiteral("00000ff0: f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff  "
                                          "................"));
}

void tst_PayloadFormat::base64OfLargePayloadIsWhole()
{
    const QByteArray payload(1000000, 'q');
    const QString text = PayloadFormat::renderBase64(payload);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QCOMPARE(lines.at(i).size(), 76);
    QCOMPARE(QByteArray::fromBase64(text.toLatin1()), payload);
}

void tst_PayloadFormat::numericJsonPaths()
{
    const QByteArray payload(
        R"({"value": 21.5, "unit": "C", "env": {"temp": 3, "ok": true}, "list": [1, "x", 2]})");
    QCOMPARE(PayloadFormat::numericJsonPaths(payload),
             (QStringList{"env.temp", "list[0]", "list[2]", "value"}));
    QCOMPARE(PayloadFormat::numericJsonPaths("21.5"), QStringList());
    QCOMPARE(PayloadFormat::numericJsonPaths("not json"), QStringList());
    QCOMPARE(PayloadFormat::numericJsonPaths(payload, 2).size(), 2);
}

void tst_PayloadFormat::numberAt_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("found");
    QTest::addColumn<double>("value");

    const QByteArray doc(R"({"value": 21.5, "env": {"temp": -3}, "list": [1, [7, 8]]})");
    QTest::newRow("top") << doc << "value" << true << 21.5;
    QTest::newRow("nested") << doc << "env.temp" << true << -3.0;
    QTest::newRow("array") << doc << "list[1][1]" << true << 8.0;
    QTest::newRow("missing") << doc << "env.rh" << false << 0.0;
    QTest::newRow("not a number") << doc << "env" << false << 0.0;
    QTest::newRow("out of range") << doc << "list[5]" << false << 0.0;
    QTest::newRow("bare number") << QByteArray(" 4.5\n") << QString() << true << 4.5;
    QTest::newRow("bare text") << QByteArray("on") << QString() << false << 0.0;
}

void tst_PayloadFormat::numberAt()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, path);
    QFETCH(bool, found);
    QFETCH(double, value);
    const auto number = PayloadFormat::numberAt(payload, path);
    QCOMPARE(number.has_value(), found);
    if (found)
        QCOMPARE(*number, value);
}

void tst_PayloadFormat::sizeText_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << "0 B";
    QTest::newRow("57") << qint64(57) << "57 B";
    QTest::newRow("1.5k") << qint64(1536) << "1.5 KiB";
    QTest::newRow("16M") << qint64(16 * 1024 * 1024) << "16.0 MiB";
}

void tst_PayloadFormat::sizeText()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(PayloadFormat::sizeText(bytes), expected);
}

void tst_PayloadFormat::renderAsyncDoesNotStall()
{
    // 16 MiB of JSON-ish text that is not valid JSON: detection, parse attempt and the full
    // rendering all run on the worker.
    QByteArray payload;
    payload.reserve(16 * 1024 * 1024);
    while (payload.size() < 16 * 1024 * 1024)
        payload.append("0123456789abcdef");
    QCOMPARE(payload.size(), 16 * 1024 * 1024);

    QElapsedTimer sinceLastTick;
    qint64 maxStall = 0;
    int ticks = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] {
        maxStall = std::max(maxStall, sinceLastTick.restart());
        ++ticks;
    });

    QElapsedTimer call;
    call.start();
    sinceLastTick.start();
    probe.start();
    QFuture<QString> future = PayloadFormat::renderAsync(payload, PayloadFormat::Hex);
    QVERIFY2(call.elapsed() < 50, qPrintable(QString::number(call.elapsed())));
    QFutureWatcher<QString> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<QString>::finished);
    watcher.setFuture(future);
    QVERIFY(finished.wait(60000));
    probe.stop();

    // 1 Mi lines of 67 characters and a newline each, less the final newline.
    QCOMPARE(future.result().size(), qsizetype(1024 * 1024) * 68 - 1);
    QVERIFY2(maxStall < 100, qPrintable(QStringLiteral("stalled %1 ms").arg(maxStall)));
    QVERIFY2(ticks >= 1, qPrintable(QStringLiteral("only %1 ticks").arg(ticks)));

    // Small payloads come back ready.
    QVERIFY(PayloadFormat::renderAsync("21.5", PayloadFormat::Auto).isFinished());
}

QTEST_GUILESS_MAIN(tst_PayloadFormat)
#include "tst_payloadformat.moc"
