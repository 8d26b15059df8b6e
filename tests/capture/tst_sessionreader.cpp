#include "capture/sessionreader.h"

#include <QTemporaryDir>
#include <QTest>

using mqtt::SessionEvent;
using mqtt::SessionReader;

namespace {

const QByteArray kHeader =
        R"({"format":"mqtt-inspector-session","version":1,"broker":"mqtt://h:1883","start":"2024-05-01T12:00:00.000Z"})";
const QByteArray kGood =
        R"({"time":"2024-05-01T12:00:01.000Z","type":"received","topic":"a/b","qos":0,"retain":false,"payload":"x"})";

} // namespace

// Strict reading: every defect is reported with its line and field.
class tst_SessionReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errors_data();
    void errors();
    void headerErrors_data();
    void headerErrors();
    void truncatedLastLine();
    void completeLastLineWithoutNewline();
    void missingFile();
    void readsInOrder();

private:
    QString write(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString tst_SessionReader::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1.jsonl").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return QString();
    return path;
}

void tst_SessionReader::errors_data()
{
    QTest::addColumn<QByteArray>("line");   // written as line 3, after a good line 2
    QTest::addColumn<QString>("field");     // expected errorField(), empty for whole-line errors
    QTest::addColumn<QString>("message");   // expected to appear in errorString()

    const QByteArray t = R"("time":"2024-05-01T12:00:01.000Z",)";
    const QByteArray msg = t + R"("type":"received","topic":"a/b","qos":0,"retain":false,)";
    QTest::newRow("not json") << QByteArray("{oops") << "" << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "" << "expected a JSON object";
    QTest::newRow("empty line") << QByteArray("") << "" << "empty line";
    QTest::newRow("no time") << QByteArray(R"({"type":"log","level":"info","text":"x"})")
                             << "time" << "is missing";
    QTest::newRow("bad time") << QByteArray(R"({"time":"yesterday","type":"log","level":"info","text":"x"})")
                              << "time" << "must be a UTC time";
    QTest::newRow("time without ms") << QByteArray(R"({"time":"2024-05-01T12:00:01Z","type":"log","level":"info","text":"x"})")
                                     << "time" << "must be a UTC time";
    QTest::newRow("impossible date") << QByteArray(R"({"time":"2024-02-30T12:00:01.000Z","type":"log","level":"info","text":"x"})")
                                     << "time" << "must be a UTC time";
    QTest::newRow("no type") << "{" + t.chopped(1) + "}" << "type" << "is missing";
    QTest::newRow("bad type") << "{" + t + R"("type":"weird"})" << "type" << "got \"weird\"";
    QTest::newRow("type number") << "{" + t + R"("type":3})" << "type" << "must be a string";
    QTest::newRow("no topic") << "{" + t + R"("type":"sent","qos":0,"retain":false,"payload":""})"
                              << "topic" << "is missing";
    QTest::newRow("wildcard topic") << "{" + t + R"("type":"sent","topic":"a/+","qos":0,"retain":false,"payload":""})"
                                    << "topic" << "MQTT-4.7.0-1";
    QTest::newRow("empty topic") << "{" + t + R"("type":"sent","topic":"","qos":0,"retain":false,"payload":""})"
                                 << "topic" << "MQTT-4.7.3-1";
    QTest::newRow("qos 3") << "{" + t + R"("type":"received","topic":"a","qos":3,"retain":false,"payload":""})"
                           << "qos" << "from 0 to 2";
    QTest::newRow("qos float") << "{" + t + R"("type":"received","topic":"a","qos":1.5,"retain":false,"payload":""})"
                               << "qos" << "integer";
    QTest::newRow("qos string") << "{" + t + R"("type":"received","topic":"a","qos":"1","retain":false,"payload":""})"
                                << "qos" << "integer";
    QTest::newRow("retain int") << "{" + t + R"("type":"received","topic":"a","qos":1,"retain":1,"payload":""})"
                                << "retain" << "true or false";
    QTest::newRow("no payload") << msg.chopped(1).prepend("{") + "}" << "payload" << "is missing";
    QTest::newRow("both payloads") << "{" + msg + R"("payload":"a","payload_base64":"YQ=="})"
                                   << "payload_base64" << "together";
    QTest::newRow("bad base64") << "{" + msg + R"("payload_base64":"**"})"
                                << "payload_base64" << "not valid base64";
    QTest::newRow("payload number") << "{" + msg + R"("payload":5})" << "payload"
                                    << "must be a string";
    QTest::newRow("mid 0") << "{" + msg + R"("payload":"","mid":0})" << "mid" << "from 1 to 65535";
    QTest::newRow("mid too big") << "{" + msg + R"("payload":"","mid":65536})" << "mid"
                                 << "from 1 to 65535";
    QTest::newRow("unknown field") << "{" + msg + R"("payload":"","colour":"red"})" << "colour"
                                   << "not a known field";
    QTest::newRow("properties not object") << "{" + msg + R"("payload":"","properties":[]})"
                                           << "properties" << "must be an object";
    QTest::newRow("unknown property") << "{" + msg + R"("payload":"","properties":{"colour":1}})"
                                      << "properties.colour" << "not a known field";
    QTest::newRow("pfi 2") << "{" + msg + R"("payload":"","properties":{"payload-format-indicator":2}})"
                           << "properties.payload-format-indicator" << "from 0 to 1";
    QTest::newRow("expiry negative") << "{" + msg + R"("payload":"","properties":{"message-expiry-interval":-1}})"
                                     << "properties.message-expiry-interval" << "from 0 to 4294967295";
    QTest::newRow("alias 0") << "{" + msg + R"("payload":"","properties":{"topic-alias":0}})"
                             << "properties.topic-alias" << "from 1 to 65535";
    QTest::newRow("response topic wildcard") << "{" + msg + R"("payload":"","properties":{"response-topic":"r/#"}})"
                                             << "properties.response-topic" << "MQTT-4.7.0-1";
    QTest::newRow("sub id 0") << "{" + msg + R"("payload":"","properties":{"subscription-identifier":[0]}})"
                              << "properties.subscription-identifier" << "1 to 268435455";
    QTest::newRow("sub id scalar") << "{" + msg + R"("payload":"","properties":{"subscription-identifier":3}})"
                                   << "properties.subscription-identifier" << "array";
    QTest::newRow("user props object") << "{" + msg + R"("payload":"","properties":{"user-properties":{"a":"b"}}})"
                                       << "properties.user-properties" << "[name, value]";
    QTest::newRow("user props triple") << "{" + msg + R"("payload":"","properties":{"user-properties":[["a","b","c"]]}})"
                                       << "properties.user-properties" << "[name, value]";
    QTest::newRow("correlation bad base64") << "{" + msg + R"("payload":"","properties":{"correlation-data_base64":"!"}})"
                                            << "properties.correlation-data_base64" << "base64";
    QTest::newRow("log level") << "{" + t + R"("type":"log","level":"loud","text":"x"})"
                               << "level" << "got \"loud\"";
    QTest::newRow("log no text") << "{" + t + R"("type":"log","level":"info"})"
                                 << "text" << "is missing";
    QTest::newRow("connection event") << "{" + t + R"("type":"connection","event":"exploded"})"
                                      << "event" << "must be one of";
    QTest::newRow("connection code") << "{" + t + R"("type":"connection","event":"refused","code":-5})"
                                     << "code" << "from 0 to 65535";
    QTest::newRow("log with topic") << "{" + t + R"("type":"log","level":"info","text":"x","topic":"a"})"
                                    << "topic" << "not a known field";
}

void tst_SessionReader::errors()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QString path = write(kHeader + '\n' + kGood + '\n' + line + '\n' + kGood + '\n');
    SessionReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    SessionEvent e;
    QVERIFY2(reader.readNext(&e), qPrintable(reader.errorString()));
    QVERIFY(!reader.readNext(&e));
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorLine(), 3);
    QCOMPARE(reader.errorField(), field);
    const QString error = reader.errorString();
    QVERIFY2(error.startsWith(QFileInfo(path).fileName() + ":3: "), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    if (!field.isEmpty())
        QVERIFY2(error.contains("field \"" + field + "\""), qPrintable(error));
    // A reader that failed stays failed.
    QVERIFY(!reader.readNext(&e));
    QVERIFY(!reader.truncatedFinalLine());
}

void tst_SessionReader::headerErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << QByteArray() << "" << "empty";
    QTest::newRow("not json") << QByteArray("hello\n") << "" << "is this a session file";
    QTest::newRow("wrong format") << QByteArray(R"({"format":"pcap","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n")
                                  << "format" << "must be \"mqtt-inspector-session\"";
    QTest::newRow("no version") << QByteArray(R"({"format":"mqtt-inspector-session","broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n")
                                << "version" << "is missing";
    QTest::newRow("future version") << QByteArray(R"({"format":"mqtt-inspector-session","version":2,"broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n")
                                    << "version" << "newer than this reader supports";
    QTest::newRow("no broker") << QByteArray(R"({"format":"mqtt-inspector-session","version":1,"start":"2024-05-01T12:00:00.000Z"})" "\n")
                               << "broker" << "is missing";
    QTest::newRow("bad start") << QByteArray(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"now"})" "\n")
                               << "start" << "UTC time";
    QTest::newRow("bad protocol") << QByteArray(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z","protocol":"http"})" "\n")
                                  << "protocol" << "mqttv5";
    QTest::newRow("unknown key") << QByteArray(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z","x":1})" "\n")
                                 << "x" << "not a known field";
}

void tst_SessionReader::headerErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, field);
    QFETCH(QString, message);
    SessionReader reader;
    QVERIFY(!reader.open(write(content)));
    QCOMPARE(reader.errorLine(), 1);
    QCOMPARE(reader.errorField(), field);
    QVERIFY2(reader.errorString().contains(":1: "), qPrintable(reader.errorString()));
    QVERIFY2(reader.errorString().contains(message), qPrintable(reader.errorString()));
}

void tst_SessionReader::truncatedLastLine()
{
    const QString path = write(kHeader + '\n' + kGood + '\n' + kGood + '\n' + kGood.left(40));
    SessionReader reader;
    QVERIFY(reader.open(path));
    SessionEvent e;
    int n = 0;
    while (reader.readNext(&e))
        ++n;
    QCOMPARE(n, 2);
    QVERIFY(!reader.hasError());
    QVERIFY(reader.truncatedFinalLine());
    QVERIFY2(reader.warningString().contains(":4: the last line is incomplete"),
             qPrintable(reader.warningString()));

    // The same broken line in the middle of the file is an error, not a truncation.
    SessionReader strict;
    QVERIFY(strict.open(write(kHeader + '\n' + kGood.left(40) + '\n' + kGood + '\n')));
    QVERIFY(!strict.readNext(&e));
    QVERIFY(strict.hasError());
    QCOMPARE(strict.errorLine(), 2);
    QVERIFY(!strict.truncatedFinalLine());
}

void tst_SessionReader::completeLastLineWithoutNewline()
{
    QList<SessionEvent> events;
    QString error;
    QString warning;
    QVERIFY(SessionReader::readAll(write(kHeader + '\n' + kGood), nullptr, &events, &error,
                                   &warning));
    QCOMPARE(events.size(), 1);
    QVERIFY(warning.isEmpty());
    // A complete but invalid last line without newline is still an error.
    QVERIFY(!SessionReader::readAll(write(kHeader + '\n' + R"({"time":1})"), nullptr, &events,
                                    &error, &warning));
    QVERIFY2(error.contains(":2: field \"time\""), qPrintable(error));
}

void tst_SessionReader::missingFile()
{
    SessionReader reader;
    QVERIFY(!reader.open(m_dir.filePath("does-not-exist.jsonl")));
    QVERIFY2(reader.errorString().contains("does-not-exist.jsonl"),
             qPrintable(reader.errorString()));
    SessionEvent e;
    QVERIFY(!reader.readNext(&e));
}

void tst_SessionReader::readsInOrder()
{
    const QByteArray content = kHeader + '\n'
            + R"({"time":"2024-05-01T12:00:01.000Z","type":"connection","event":"connected","code":0,"text":"Connection Accepted."})" "\n"
            + R"({"time":"2024-05-01T12:00:01.500Z","type":"received","topic":"$SYS/x","qos":1,"retain":true,"mid":9,"payload_base64":"AP8="})" "\n"
            + R"({"time":"2024-05-01T12:00:02.000Z","type":"log","level":"warning","text":"w"})" "\n";
    SessionReader reader;
    QVERIFY(reader.open(write(content)));
    QCOMPARE(reader.header().broker, QStringLiteral("mqtt://h:1883"));
    SessionEvent e;
    QVERIFY(reader.readNext(&e));
    QCOMPARE(e.type, SessionEvent::Type::Connection);
    QCOMPARE(e.code, 0);
    QCOMPARE(e.text, QStringLiteral("Connection Accepted."));
    QVERIFY(reader.readNext(&e));
    QCOMPARE(e.type, SessionEvent::Type::Received);
    QCOMPARE(e.payload, QByteArray::fromHex("00ff"));
    QCOMPARE(e.qos, 1);
    QVERIFY(e.retain);
    QCOMPARE(e.mid, 9);
    QCOMPARE(e.timestamp, QDateTime::fromString("2024-05-01T12:00:01.500Z", Qt::ISODateWithMs)
                                  .toMSecsSinceEpoch());
    QVERIFY(reader.readNext(&e));
    QCOMPARE(e.level, mqtt::LogLevel::Warning);
    QVERIFY(!reader.readNext(&e));
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.lineNumber(), 4);
}

QTEST_APPLESS_MAIN(tst_SessionReader)
#include "tst_sessionreader.moc"
