#include "messageformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using mqtt::Message;
using mqtt::cli::MessageFormatter;

namespace {

Message sample()
{
    Message m(QStringLiteral("a/b"), QByteArray("hello"), 1, true);
    m.setMid(7);
    m.setTimestamp(1714564800123); // 2024-05-01T12:00:00.123Z
    return m;
}

} // namespace

class tst_MessageFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void defaultOutput();
    void json_data();
    void json();
    void detailedJson();
    void detailedJsonPayloadKinds_data();
    void detailedJsonPayloadKinds();
    void jsonLikeMosquitto_data();
    void jsonLikeMosquitto();
    void checkFormatLikeMosquitto_data();
    void checkFormatLikeMosquitto();
    void appendToMatchesFormat_data();
    void appendToMatchesFormat();
};

void tst_MessageFormatter::format_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected"); // without the final newline

    QTest::newRow("topic payload") << "%t %p" << QByteArray("a/b hello");
    QTest::newRow("qos retain len mid") << "%q %r %l %m" << QByteArray("1 1 5 7");
    QTest::newRow("percent") << "100%%" << QByteArray("100%");
    QTest::newRow("hex") << "%x|%X" << QByteArray("68656c6c6f|68656C6C6F");
    QTest::newRow("width right") << "[%8t]" << QByteArray("[     a/b]");
    QTest::newRow("width left") << "[%-8t]" << QByteArray("[a/b     ]");
    QTest::newRow("precision") << "[%.2t]" << QByteArray("[a/]");
    QTest::newRow("zero pad int") << "[%05l]" << QByteArray("[00005]");
    QTest::newRow("left int") << "[%-4m]" << QByteArray("[7   ]");
    QTest::newRow("payload cut to width") << "[%3p]" << QByteArray("[hel]");
    QTest::newRow("escapes") << "a\\tb\\\\c\\n" << QByteArray("a\tb\\c\n");
    QTest::newRow("unix time") << "%U" << QByteArray("1714564800.123000000");
    QTest::newRow("nanoseconds") << "@N" << QByteArray("123000000");
    QTest::newRow("at sign") << "@@" << QByteArray("@");
    QTest::newRow("absent property blank") << "[%3E]" << QByteArray("[   ]");
    QTest::newRow("unknown code") << "%Z." << QByteArray(".");
    // mosquitto_sub 2.0.11 on "hello": [%3x] -> "[ 68]", [%4X] -> "[6865]" (width/2 bytes).
    QTest::newRow("hex cut to width") << "[%3x][%4X]" << QByteArray("[ 68][6865]");
    // mosquitto prints "[      6865]" (it halves a payload shorter than the width: a bug);
    // we print the whole payload, padded to the width.
    QTest::newRow("hex padded") << "[%12x][%-12X]" << QByteArray("[  68656c6c6f][68656C6C6F  ]");
    // mosquitto_sub on "hello": [%07p] -> "[00hello]", [%05x] -> "[06865]", [%-07p] -> "[hello  ]".
    QTest::newRow("payload zero padded") << "[%07p][%05x][%-07p]"
                                         << QByteArray("[00hello][06865][hello  ]");
}

void tst_MessageFormatter::jsonLikeMosquitto_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("withProperties");
    QTest::addColumn<bool>("detailed");
    QTest::addColumn<QByteArray>("mosquitto"); // mosquitto_sub 2.0.11 -V 5 -F %j / %J
    const QByteArray props = R"("properties":{"content-type":"text/plain","user-properties":{"k":"v","k2":"v2"},"response-topic":"resp/t","correlation-data":"abc","payload-format-indicator":1,"message-expiry-interval":3486},)";
    QTest::newRow("%j qos 0") << 0 << QByteArray("hello") << false << false
        << QByteArray(R"({"tst":"","topic":"t/a","qos":0,"retain":1,"payloadlen":5,"payload":"hello"})");
    QTest::newRow("%j qos 1 has mid") << 1 << QByteArray("q1") << false << false
        << QByteArray(R"({"tst":"","topic":"t/a","qos":1,"retain":1,"payloadlen":2,"mid":7,"payload":"q1"})");
    QTest::newRow("%j properties") << 1 << QByteArray("{\"a\":1}") << true << false
        << R"({"tst":"","topic":"t/a","qos":1,"retain":1,"payloadlen":7,"mid":7,)" + props
                   + R"("payload":"{\"a\":1}"})";
    QTest::newRow("%J properties") << 1 << QByteArray("{\"a\":1}") << true << true
        << R"({"tst":"","topic":"t/a","qos":1,"retain":1,"payloadlen":7,"mid":7,)" + props
                   + R"("payload":{"a":1}})";
}

// %j / %J carry what mosquitto_sub's carry (its output recorded against mosquitto 2.0.11),
// apart from "tst" (time) and our documented "filters".
void tst_MessageFormatter::jsonLikeMosquitto()
{
    QFETCH(int, qos);
    QFETCH(QByteArray, payload);
    QFETCH(bool, withProperties);
    QFETCH(bool, detailed);
    QFETCH(QByteArray, mosquitto);
    Message m(QStringLiteral("t/a"), payload, qos, true);
    m.setMid(7);
    m.setTimestamp(1714564800123);
    if (withProperties) {
        mqtt::Properties p;
        p.setContentType(QStringLiteral("text/plain"));
        p.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
        p.addUserProperty(QStringLiteral("k2"), QStringLiteral("v2"));
        p.setResponseTopic(QStringLiteral("resp/t"));
        p.setCorrelationData("abc");
        p.setPayloadFormatIndicator(1);
        p.setMessageExpiryInterval(3486);
        m.setProperties(p);
    }
    const QByteArray line = MessageFormatter::json(m, {"t/#"}, detailed);
    QJsonParseError error;
    QJsonObject ours = QJsonDocument::fromJson(line, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
    QJsonObject theirs = QJsonDocument::fromJson(mosquitto, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, mosquitto.constData());
    QCOMPARE(ours.take("filters").toArray(), QJsonArray{"t/#"});
    ours.remove("tst");
    theirs.remove("tst");
    QCOMPARE(ours, theirs);
}

void tst_MessageFormatter::checkFormatLikeMosquitto_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("mosquitto"); // mosquitto_sub 2.0.11's stderr; empty = accepted
    QTest::addColumn<QString>("expected");  // our checkFormat(); empty = accepted

    QTest::newRow("every code") << "%% %A %C %D %E %F %I %j %J %l %m %P %p %q %R %r %S %t %U %x %X"
                                << "" << "";
    QTest::newRow("flags width precision") << "%-10.3t %05l %.2p %-05m" << "" << "";
    QTest::newRow("escapes") << "\\\\\\0\\a\\e\\n\\r\\t\\v" << "" << "";
    QTest::newRow("at codes") << "@Y-@m-@d @N @@ @q" << "" << "";
    QTest::newRow("unknown code") << "%z" << "Error: Invalid format specifier 'z'."
                                  << "invalid format specifier '%z' at character 1";
    QTest::newRow("sign flag") << "%+t" << "Error: Invalid format specifier '+'."
                               << "invalid format specifier '%+' at character 1";
    QTest::newRow("lone percent") << "%t %" << "Error: Incomplete format specifier."
                                  << "incomplete format specifier at the end";
    QTest::newRow("width only") << "%5" << "Error: Incomplete format specifier."
                                << "incomplete format specifier at the end";
    QTest::newRow("flag only") << "%-" << "Error: Incomplete format specifier."
                               << "incomplete format specifier at the end";
    QTest::newRow("precision only") << "%.3" << "Error: Incomplete format specifier."
                                    << "incomplete format specifier at the end";
    QTest::newRow("lone at") << "@" << "Error: Incomplete format specifier."
                             << "incomplete format specifier at the end";
    QTest::newRow("lone backslash") << "%t\\" << "Error: Incomplete escape specifier."
                                    << "incomplete escape at the end";
    QTest::newRow("unknown escape") << "a\\q" << "Error: Invalid escape specifier 'q'."
                                    << "invalid escape '\\q' at character 2";
}

// -F formats are accepted or refused exactly where mosquitto_sub accepts or refuses them.
void tst_MessageFormatter::checkFormatLikeMosquitto()
{
    QFETCH(QString, format);
    QFETCH(QString, mosquitto);
    QFETCH(QString, expected);
    const QString problem = MessageFormatter::checkFormat(format);
    QCOMPARE(problem, expected);
    QCOMPARE(problem.isEmpty(), mosquitto.isEmpty());
}

void tst_MessageFormatter::format()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    MessageFormatter f;
    f.setFormat(format);
    QCOMPARE(f.format(sample()), expected + '\n');
    f.setEndOfLine(false); // -N
    QCOMPARE(f.format(sample()), expected);
}

void tst_MessageFormatter::defaultOutput()
{
    MessageFormatter f;
    QCOMPARE(f.format(sample()), QByteArray("hello\n"));
    Message empty(QStringLiteral("e"), QByteArray(), 0, false);
    QCOMPARE(f.format(empty), QByteArray()); // mosquitto_sub prints nothing
    f.setVerbose(true);
    QCOMPARE(f.format(sample()), QByteArray("a/b hello\n"));
    QCOMPARE(f.format(empty), QByteArray("e (null)\n"));
}

void tst_MessageFormatter::json_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("textKey");
    QTest::addColumn<QString>("text");
    QTest::newRow("text") << QByteArray("hello") << "payload" << "hello";
    QTest::newRow("quotes and newline") << QByteArray("a\"b\nc") << "payload" << "a\"b\nc";
    QTest::newRow("unicode") << QByteArray("gr\xc3\xbc\xc3\x9f") << "payload"
                             << QString::fromUtf8("gr\xc3\xbc\xc3\x9f");
    QTest::newRow("binary") << QByteArray::fromHex("00ff10") << "payload_base64" << "AP8Q";
    QTest::newRow("empty") << QByteArray() << "payload" << "";
}

void tst_MessageFormatter::json()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, textKey);
    QFETCH(QString, text);
    Message m = sample();
    m.setPayload(payload);
    const QByteArray line = MessageFormatter::json(m, {"a/#", "+/b"}, false);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
    QCOMPARE(o.value("tst").toString(), QStringLiteral("2024-05-01T12:00:00.123000Z"));
    QCOMPARE(o.value("topic").toString(), QStringLiteral("a/b"));
    QCOMPARE(o.value("qos").toInt(), 1);
    QCOMPARE(o.value("retain").toInt(), 1);
    QCOMPARE(o.value("payloadlen").toInt(), payload.size());
    QCOMPARE(o.value(textKey).toString(), text);
    QCOMPARE(o.value("filters").toArray(), (QJsonArray{"a/#", "+/b"}));
    QCOMPARE(o.value("mid").toInt(), 7); // mosquitto_sub writes mid for %j too
    QVERIFY(line.startsWith("{\"tst\":")); // mosquitto's key order
}

void tst_MessageFormatter::detailedJson()
{
    Message m = sample();
    m.setPayload("{\"temp\":21.5}");
    mqtt::Properties p;
    p.setContentType(QStringLiteral("application/json"));
    p.addUserProperty(QStringLiteral("k"), QStringLiteral("v1"));
    p.addUserProperty(QStringLiteral("k"), QStringLiteral("v2"));
    p.setCorrelationData(QByteArray::fromHex("ff00"));
    m.setProperties(p);
    const QJsonObject o = QJsonDocument::fromJson(MessageFormatter::json(m, {}, true)).object();
    QCOMPARE(o.value("mid").toInt(), 7);
    QCOMPARE(o.value("payload").toObject().value("temp").toDouble(), 21.5); // JSON, not a string
    const QJsonObject props = o.value("properties").toObject();
    QCOMPARE(props.value("content-type").toString(), QStringLiteral("application/json"));
    // mosquitto's object; a repeated name is written again, in order, as mosquitto does.
    QVERIFY(MessageFormatter::json(m, {}, true)
                    .contains("\"user-properties\":{\"k\":\"v1\",\"k\":\"v2\"}"));
    QCOMPARE(props.value("correlation-data_base64").toString(), QStringLiteral("/wA="));
    // Not JSON: falls back to the text form.
    m.setPayload("not json");
    const QJsonObject t = QJsonDocument::fromJson(MessageFormatter::json(m, {}, true)).object();
    QCOMPARE(t.value("payload").toString(), QStringLiteral("not json"));
    // -F codes for properties.
    MessageFormatter f;
    f.setFormat(QStringLiteral("%C|%P|%D"));
    m.setProperties(p);
    QCOMPARE(f.format(m), QByteArray("application/json|k:v1 k:v2|\xff\x00\n", 30));
}

void tst_MessageFormatter::detailedJsonPayloadKinds_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expectedPayload"); // compact JSON of "payload", or empty
    QTest::addColumn<QString>("expectedBase64");
    QTest::addColumn<bool>("notJson");
    QTest::newRow("object") << QByteArray("{\"a\":[1,2]}") << QByteArray("{\"a\":[1,2]}")
                            << QString() << false;
    QTest::newRow("number") << QByteArray("42") << QByteArray("42") << QString() << false;
    QTest::newRow("json string") << QByteArray("\"x\"") << QByteArray("\"x\"") << QString()
                                 << false;
    QTest::newRow("padded") << QByteArray(" true\n") << QByteArray("true") << QString() << false;
    QTest::newRow("text") << QByteArray("x") << QByteArray("\"x\"") << QString() << true;
    QTest::newRow("two values") << QByteArray("1 2") << QByteArray("\"1 2\"") << QString()
                                << true;
    QTest::newRow("truncated") << QByteArray("{\"a\":") << QByteArray("\"{\\\"a\\\":\"")
                               << QString() << true;
    QTest::newRow("binary") << QByteArray::fromHex("ff00") << QByteArray() << QString("/wA=")
                            << true;
    QTest::newRow("blank") << QByteArray("  ") << QByteArray("\"  \"") << QString() << true;
    QTest::newRow("empty") << QByteArray() << QByteArray("\"\"") << QString() << false;
}

// %J with a payload that is not JSON: the message is kept (as %j writes it) and marked,
// where mosquitto_sub would print an error and drop the object.
void tst_MessageFormatter::detailedJsonPayloadKinds()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expectedPayload);
    QFETCH(QString, expectedBase64);
    QFETCH(bool, notJson);
    Message m = sample();
    m.setPayload(payload);
    const QByteArray line = MessageFormatter::json(m, {}, true);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
    QCOMPARE(o.value("payload_not_json").toBool(), notJson);
    QCOMPARE(o.contains("payload_not_json"), notJson);
    QCOMPARE(o.value("payloadlen").toInt(), payload.size());
    if (expectedBase64.isEmpty()) {
        QVERIFY(!o.contains("payload_base64"));
        const QByteArray got = QJsonDocument(QJsonArray{o.value("payload")})
                                       .toJson(QJsonDocument::Compact);
        QCOMPARE(got, "[" + expectedPayload + "]");
    } else {
        QVERIFY(!o.contains("payload"));
        QCOMPARE(o.value("payload_base64").toString(), expectedBase64);
    }
    // %j never marks: it never parses the payload.
    QVERIFY(!MessageFormatter::json(m, {}, false).contains("payload_not_json"));
}

void tst_MessageFormatter::appendToMatchesFormat_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("qos");
    QTest::newRow("text") << QByteArray("hello") << 1;
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("escapes") << QByteArray("q\"b\\s\n\r\t\b\f\x01\x1f\x7f") << 2;
    QTest::newRow("utf-8") << QByteArray("gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbb\xbf") << 0;
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe") << 1;
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << 1;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << 1;
    QTest::newRow("truncated") << QByteArray("ab\xe2\x82") << 1;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 1;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << 0;
}

// The CLI's batched path (appendTo) writes exactly what format() returns, for the default
// output, -v, --json (its own fast JSON writer) and a -F format, with and without -N.
void tst_MessageFormatter::appendToMatchesFormat()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, qos);
    Message m(QStringLiteral("a/\"b\\"), payload, qos, qos == 1);
    m.setMid(qos ? 9 : 0);
    m.setTimestamp(1714564800123);
    const QStringList filters{QStringLiteral("a/#"), QStringLiteral("+/\"b\\")};
    for (int mode = 0; mode < 4; ++mode) {
        for (bool eol : {true, false}) {
            MessageFormatter f;
            f.setEndOfLine(eol);
            if (mode == 1)
                f.setVerbose(true);
            else if (mode == 2)
                f.setFormat(QStringLiteral("%j"));
            else if (mode == 3)
                f.setFormat(QStringLiteral("%t %p %J"));
            QByteArray out("prefix|");
            f.appendTo(out, m, filters);
            f.appendTo(out, m, filters); // cached time stamp and filters stay right
            const QByteArray one = f.format(m, filters);
            QCOMPARE(out, "prefix|" + one + one);
        }
    }
}

QTEST_APPLESS_MAIN(tst_MessageFormatter)
#include "tst_messageformatter.moc"
