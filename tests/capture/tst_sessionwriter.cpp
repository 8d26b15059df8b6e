#include "capture/sessionreader.h"
#include "capture/sessionwriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <csignal>
#include <sys/resource.h>

using mqtt::SessionEvent;
using mqtt::SessionHeader;
using mqtt::SessionReader;
using mqtt::SessionWriter;

namespace {

SessionHeader sampleHeader()
{
    SessionHeader h;
    h.broker = QStringLiteral("mqtt://localhost:1883");
    h.startTime = QDateTime::fromMSecsSinceEpoch(1714564800123, Qt::UTC);
    h.clientId = QStringLiteral("inspector-1");
    h.protocol = QStringLiteral("mqttv5");
    h.tool = QStringLiteral("tst_sessionwriter");
    return h;
}

QList<QByteArray> fileLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class tst_SessionWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void headerRoundTrip();
    void flushesOnTimer();
    void flushesOnWriteAfterInterval();
    void flushesWhenBufferIsLarge();
    void fullDiskFailsClearly();
    void fileSizeLimitLeavesOnlyLastLineIncomplete();
    void cannotOpen();
};

void tst_SessionWriter::roundTrip_data()
{
    QTest::addColumn<SessionEvent>("event");
    const qint64 t = 1714564800123;
    using T = SessionEvent::Type;

    QTest::newRow("text") << SessionEvent::message(T::Received, "a/b", "hello", 0, false, t);
    QTest::newRow("empty payload") << SessionEvent::message(T::Received, "a", "", 1, true, t);
    QTest::newRow("unicode") << SessionEvent::message(T::Sent, QStringLiteral("caf\u00e9/\u20ac"),
                                                      "gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80",
                                                      2, false, t + 1);
    QTest::newRow("json text") << SessionEvent::message(T::Received, "j", "{\"a\":[1,\"\\n\"]}",
                                                        0, false, t);
    QTest::newRow("control chars") << SessionEvent::message(T::Received, "c",
                                                            QByteArray("a\nb\r\t\"\\", 8), 0,
                                                            false, t);
    QTest::newRow("NUL byte") << SessionEvent::message(T::Received, "n", QByteArray("a\0b", 3),
                                                       0, false, t);
    QTest::newRow("binary") << SessionEvent::message(T::Received, "bin",
                                                     QByteArray::fromHex("00ff80c0fe"), 1,
                                                     false, t);
    QTest::newRow("invalid utf8 overlong") << SessionEvent::message(T::Received, "o",
                                                                    "\xc0\xaf", 0, false, t);
    QTest::newRow("lone surrogate cesu") << SessionEvent::message(T::Received, "s",
                                                                  "\xed\xa0\x80", 0, false, t);
    QTest::newRow("BOM kept") << SessionEvent::message(T::Received, "bom", "\xef\xbb\xbfx", 0,
                                                       false, t);
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("all bytes") << SessionEvent::message(T::Received, "all", all, 0, false, t);
    QTest::newRow("large") << SessionEvent::message(T::Received, "big",
                                                    QByteArray(300000, 'x'), 0, false, t);

    SessionEvent withProps = SessionEvent::message(T::Received, "p", "x", 1, false, t);
    withProps.mid = 42;
    withProps.dup = true;
    withProps.properties.payloadFormatIndicator = 1;
    withProps.properties.messageExpiryInterval = 4294967295LL;
    withProps.properties.contentType = QStringLiteral("application/json");
    withProps.properties.responseTopic = QStringLiteral("reply/here");
    withProps.properties.correlationData = QByteArray::fromHex("0001ff");
    withProps.properties.topicAlias = 7;
    withProps.properties.subscriptionIdentifiers = {1, 268435455};
    withProps.properties.userProperties = {{"k", "v1"}, {"k", "v2"}, {"a", ""}};
    QTest::newRow("properties") << withProps;
    SessionEvent textCorrelation = SessionEvent::message(T::Sent, "p", "x", 0, false, t);
    textCorrelation.properties.correlationData = "req-1";
    textCorrelation.properties.contentType = QStringLiteral("");
    QTest::newRow("text correlation, empty content type") << textCorrelation;

    QTest::newRow("log") << SessionEvent::log(mqtt::LogLevel::Debug,
                                              "Sending PUBLISH (d0, q1, r0, m3), 'a/b', ... "
                                              "(5 bytes)", t);
    QTest::newRow("log error") << SessionEvent::log(mqtt::LogLevel::Err, "x\ny", t);
    QTest::newRow("connected") << SessionEvent::connection("connected", 0,
                                                           "Connection Accepted.", t);
    QTest::newRow("refused") << SessionEvent::connection("refused", 5,
                                                         "Connection Refused: not authorised.",
                                                         t);
    QTest::newRow("connecting, no code") << SessionEvent::connection("connecting", -1, "", t);
    QTest::newRow("old timestamp") << SessionEvent::log(mqtt::LogLevel::Info, "x", 0);
}

void tst_SessionWriter::roundTrip()
{
    QFETCH(SessionEvent, event);
    QTemporaryDir dir;
    const QString path = dir.filePath("s.jsonl");
    SessionWriter writer;
    QVERIFY2(writer.open(path, sampleHeader()), qPrintable(writer.errorString()));
    QVERIFY(writer.write(event));
    QVERIFY(writer.write(event));
    QVERIFY(writer.close());
    QCOMPARE(writer.eventsWritten(), 2);

    const QList<QByteArray> lines = fileLines(path);
    QCOMPARE(lines.size(), 3); // header + 2: one event is exactly one line

    SessionReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    SessionEvent back;
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(reader.readNext(&back), qPrintable(reader.errorString()));
        QCOMPARE(back, event);
    }
    QVERIFY(!reader.readNext(&back));
    QVERIFY(!reader.hasError());
    QVERIFY(!reader.truncatedFinalLine());

    // Payloads that are not exact UTF-8 must be stored as base64, the rest as text.
    if (event.isMessage()) {
        const bool text = mqtt::capture::isExactUtf8(event.payload)
                && !event.payload.startsWith("\xef\xbb\xbf");
        QCOMPARE(lines[1].contains("\"payload_base64\":"), !text);
        QCOMPARE(lines[1].contains("\"payload\":"), text);
    }
}

void tst_SessionWriter::headerRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("h.jsonl");
    SessionWriter writer;
    QVERIFY(writer.open(path, sampleHeader()));
    QVERIFY(writer.close());
    SessionReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    QCOMPARE(reader.header(), sampleHeader());
    const QByteArray first = fileLines(path).value(0);
    QVERIFY(first.contains("\"format\":\"mqtt-inspector-session\""));
    QVERIFY(first.contains("\"start\":\"2024-05-01T12:00:00.123Z\""));
}

void tst_SessionWriter::flushesOnTimer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("t.jsonl");
    SessionWriter writer;
    writer.setFlushInterval(200);
    QVERIFY(writer.open(path, sampleHeader()));
    QVERIFY(writer.write(SessionEvent::log(mqtt::LogLevel::Info, "one", 1)));
    QCOMPARE(fileLines(path).size(), 1); // still buffered
    // No flush() call: the timer must write the line (a kill loses at most one interval).
    QTRY_COMPARE_WITH_TIMEOUT(fileLines(path).size(), 2, 5000);
    QCOMPARE(writer.eventsWritten(), 1);
}

void tst_SessionWriter::flushesOnWriteAfterInterval()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("w.jsonl");
    SessionWriter writer;
    writer.setFlushInterval(50);
    QVERIFY(writer.open(path, sampleHeader()));
    QVERIFY(writer.write(SessionEvent::log(mqtt::LogLevel::Info, "one", 1)));
    QThread::msleep(80); // no event loop runs here
    QVERIFY(writer.write(SessionEvent::log(mqtt::LogLevel::Info, "two", 2)));
    QCOMPARE(fileLines(path).size(), 3);
}

void tst_SessionWriter::flushesWhenBufferIsLarge()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("l.jsonl");
    SessionWriter writer;
    writer.setFlushInterval(1000000);
    QVERIFY(writer.open(path, sampleHeader()));
    for (int i = 0; i < 100; ++i)
        QVERIFY(writer.write(SessionEvent::message(SessionEvent::Type::Received, "t",
                                                   QByteArray(1000, 'a'), 0, false, i)));
    QVERIFY(fileLines(path).size() > 1);
    QVERIFY(writer.close());
    QCOMPARE(fileLines(path).size(), 101);
}

void tst_SessionWriter::fullDiskFailsClearly()
{
    if (!QFile::exists("/dev/full"))
        QSKIP("/dev/full is not available");
    SessionWriter writer;
    QSignalSpy errors(&writer, &SessionWriter::errorOccurred);
    QVERIFY(!writer.open("/dev/full", sampleHeader()));
    QVERIFY(writer.hasError());
    QVERIFY2(writer.errorString().contains("No space left on device"),
             qPrintable(writer.errorString()));
    QVERIFY2(writer.errorString().contains("/dev/full"), qPrintable(writer.errorString()));
    QCOMPARE(errors.size(), 1);
    QVERIFY(!writer.write(SessionEvent::log(mqtt::LogLevel::Info, "x", 1)));
    QVERIFY(!writer.close());
}

// A file that hits a size limit mid-line: everything before stays readable, the reader
// reports only the incomplete last line, and the writer stops appending.
void tst_SessionWriter::fileSizeLimitLeavesOnlyLastLineIncomplete()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("limit.jsonl");
    SessionWriter writer;
    QSignalSpy errors(&writer, &SessionWriter::errorOccurred);
    writer.setFlushInterval(1000000);
    QVERIFY(writer.open(path, sampleHeader()));

    struct rlimit old;
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = old;
    limited.rlim_cur = 10000;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    bool failed = false;
    int written = 0;
    for (int i = 0; i < 200 && !failed; ++i) {
        failed = !(writer.write(SessionEvent::message(SessionEvent::Type::Received, "t",
                                                      QByteArray(333, 'a' + i % 26), 0,
                                                      false, i))
                   && writer.flush());
        if (!failed)
            ++written;
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(failed);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(writer.errorString().contains("File too large"), qPrintable(writer.errorString()));
    QVERIFY(!writer.write(SessionEvent::log(mqtt::LogLevel::Info, "after", 1)));
    QVERIFY(!writer.close());
    QCOMPARE(QFileInfo(path).size(), 10000);

    mqtt::SessionHeader header;
    QList<SessionEvent> events;
    QString error;
    QString warning;
    QVERIFY2(SessionReader::readAll(path, &header, &events, &error, &warning),
             qPrintable(error));
    QCOMPARE(events.size(), written);
    QVERIFY2(warning.contains("incomplete"), qPrintable(warning));
}

void tst_SessionWriter::cannotOpen()
{
    SessionWriter writer;
    QVERIFY(!writer.open("/nonexistent-dir/x.jsonl", sampleHeader()));
    QVERIFY2(writer.errorString().contains("/nonexistent-dir/x.jsonl"),
             qPrintable(writer.errorString()));
    QVERIFY(!writer.write(SessionEvent::log(mqtt::LogLevel::Info, "x", 1)));
}

QTEST_GUILESS_MAIN(tst_SessionWriter)
#include "tst_sessionwriter.moc"
