#include "sessionloader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using mqtt::Message;
using mqtt::SessionEvent;

namespace {

const QByteArray header =
        "{\"broker\":\"mqtt://localhost:1883\",\"format\":\"mqtt-inspector-session\","
        "\"start\":\"2024-05-01T12:00:00.000Z\",\"version\":1}\n";

QByteArray received(int i)
{
    return QByteArray("{\"payload\":\"") + QByteArray::number(i)
        + "\",\"qos\":0,\"retain\":false,\"time\":\"2024-05-01T12:00:01.000Z\","
          "\"topic\":\"t/" + QByteArray::number(i % 10) + "\",\"type\":\"received\"}\n";
}

} // namespace

// SessionLoader: a session file read on a worker, delivered in batches; a bad line is
// reported with its number and the rest still loads; what cannot be read at all says why.
class tst_SessionLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badLine_data();
    void badLine();
    void severalBadLines();
    void truncatedLastLine();
    void fatal_data();
    void fatal();
    void batchesInOrder();
    void cancel();

private:
    QString write(const QByteArray &content);
    SessionLoader::Result run(const QString &path, QList<Message> *messages = nullptr,
                              QList<SessionEvent> *other = nullptr, int *batches = nullptr);
    QTemporaryDir m_dir;
    int m_serial = 0;
};

QString tst_SessionLoader::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1.jsonl").arg(++m_serial));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

SessionLoader::Result tst_SessionLoader::run(const QString &path, QList<Message> *messages,
                                             QList<SessionEvent> *other, int *batches)
{
    SessionLoader loader;
    QObject::connect(&loader, &SessionLoader::batchLoaded, &loader,
                     [&](const QList<Message> &r, const QList<SessionEvent> &o) {
                         if (messages)
                             *messages += r;
                         if (other)
                             *other += o;
                         if (batches)
                             ++*batches;
                     });
    QSignalSpy finished(&loader, &SessionLoader::finished);
    loader.start(path);
    finished.wait(30000);
    return loader.result();
}

void tst_SessionLoader::badLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"type\": received}\n")
        << QStringLiteral("f%1.jsonl:3: not valid JSON");
    QTest::newRow("qos 3") << QByteArray("{\"payload\":\"x\",\"qos\":3,\"retain\":false,"
                                         "\"time\":\"2024-05-01T12:00:01.000Z\",\"topic\":\"a\","
                                         "\"type\":\"received\"}\n")
        << QStringLiteral("f%1.jsonl:3: field \"qos\" must be an integer from 0 to 2");
    QTest::newRow("wildcard topic") << QByteArray("{\"payload\":\"x\",\"qos\":0,\"retain\":false,"
                                                  "\"time\":\"2024-05-01T12:00:01.000Z\","
                                                  "\"topic\":\"a/#\",\"type\":\"received\"}\n")
        << QStringLiteral("f%1.jsonl:3: field \"topic\"");
    QTest::newRow("unknown type") << QByteArray("{\"time\":\"2024-05-01T12:00:01.000Z\","
                                                "\"type\":\"teleport\"}\n")
        << QStringLiteral("f%1.jsonl:3: field \"type\" must be received, sent, log or connection");
    QTest::newRow("empty line") << QByteArray("\n")
        << QStringLiteral("f%1.jsonl:3: empty line");
    QTest::newRow("bad time") << QByteArray("{\"level\":\"info\",\"text\":\"x\","
                                            "\"time\":\"yesterday\",\"type\":\"log\"}\n")
        << QStringLiteral("f%1.jsonl:3: field \"time\" must be a UTC time");
}

void tst_SessionLoader::badLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    const QString path = write(header + received(1) + line + received(2) + received(3));
    QList<Message> messages;
    const SessionLoader::Result r = run(path, &messages);
    QVERIFY(r.ok);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.badLineCount, 1);
    QCOMPARE(r.badLines.size(), 1);
    QCOMPARE(r.badLines.first().line, 3);
    const QString expected = message.arg(m_serial);
    QVERIFY2(r.badLines.first().message.startsWith(expected),
             qPrintable(r.badLines.first().message + QStringLiteral(" / ") + expected));
    // Everything else is there, in order.
    QCOMPARE(r.received, 3);
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).payload(), QByteArray("1"));
    QCOMPARE(messages.at(2).payload(), QByteArray("3"));
}

void tst_SessionLoader::severalBadLines()
{
    QByteArray content = header;
    for (int i = 0; i < 3000; ++i)
        content += (i % 2) ? QByteArray("garbage\n") : received(i);
    QList<Message> messages;
    const SessionLoader::Result r = run(write(content), &messages);
    QCOMPARE(r.received, 1500);
    QCOMPARE(messages.size(), 1500);
    QCOMPARE(r.badLineCount, 1500);
    QCOMPARE(r.badLines.size(), SessionLoader::maxBadLines); // the rest only counted
    QCOMPARE(r.badLines.at(1).line, 5);
}

void tst_SessionLoader::truncatedLastLine()
{
    QByteArray last = received(9);
    last.chop(10); // a writer killed mid-line
    QList<Message> messages;
    const SessionLoader::Result r = run(write(header + received(1) + last), &messages);
    QVERIFY(r.ok);
    QCOMPARE(r.badLineCount, 0);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(r.warning.contains(QStringLiteral(":3: the last line is incomplete")),
             qPrintable(r.warning));
}

void tst_SessionLoader::fatal_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file") << QByteArray()
        << QStringLiteral(":1: the file is empty; expected the header line");
    QTest::newRow("not a session file") << QByteArray("hello\n")
        << QStringLiteral(":1: the header line is not a JSON object");
    QTest::newRow("newer version")
        << QByteArray("{\"broker\":\"x\",\"format\":\"mqtt-inspector-session\","
                      "\"start\":\"2024-05-01T12:00:00.000Z\",\"version\":2}\n")
        << QStringLiteral(":1: field \"version\" is 2, newer than this reader supports (1)");
}

void tst_SessionLoader::fatal()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const SessionLoader::Result r = run(write(content));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    const SessionLoader::Result missing = run(m_dir.filePath(QStringLiteral("nope.jsonl")));
    QVERIFY(!missing.ok);
    QVERIFY2(missing.error.startsWith(QStringLiteral("Cannot open session file")),
             qPrintable(missing.error));
}

void tst_SessionLoader::batchesInOrder()
{
    QByteArray content = header;
    const int count = 3 * SessionLoader::batchSize + 17;
    for (int i = 0; i < count; ++i) {
        content += received(i);
        if (i % 1000 == 0)
            content += "{\"level\":\"info\",\"text\":\"line " + QByteArray::number(i)
                + "\",\"time\":\"2024-05-01T12:00:02.000Z\",\"type\":\"log\"}\n";
    }
    QList<Message> messages;
    QList<SessionEvent> other;
    int batches = 0;
    const SessionLoader::Result r = run(write(content), &messages, &other, &batches);
    QCOMPARE(r.received, count);
    QCOMPARE(r.events, count + other.size());
    QCOMPARE(messages.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(messages.at(i).payload(), QByteArray::number(i));
    QCOMPARE(other.size(), (count + 999) / 1000);
    QCOMPARE(other.first().text, QStringLiteral("line 0"));
    QCOMPARE(batches, 4);
}

void tst_SessionLoader::cancel()
{
    QByteArray content = header;
    for (int i = 0; i < 200000; ++i)
        content += received(i);
    const QString path = write(content);
    SessionLoader loader;
    int delivered = 0;
    connect(&loader, &SessionLoader::batchLoaded, this,
            [&](const QList<Message> &r) { delivered += int(r.size()); });
    QSignalSpy finished(&loader, &SessionLoader::finished);
    QVERIFY(loader.start(path));
    QVERIFY(QTest::qWaitFor([&] { return delivered > 0; }, 10000));
    loader.cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(loader.result().cancelled);
    QVERIFY(delivered < 200000);
    // A new load after a cancel reads everything.
    delivered = 0;
    QVERIFY(loader.start(path));
    QVERIFY(finished.wait(30000));
    QCOMPARE(delivered, 200000);
}

QTEST_GUILESS_MAIN(tst_SessionLoader)
#include "tst_sessionloader.moc"
