#include "capture/sessionreader.h"
#include "csvwriter.h"
#include "exportsource.h"
#include "messagestore.h"
#include "panemodel.h"
#include "rfc4180reader.h"
#include "sessionexporter.h"
#include "sessionjournal.h"
#include "sessionloader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using mqtt::Message;
using mqtt::SessionEvent;

namespace {

constexpr qint64 t0 = 1714564800000; // 2024-05-01T12:00:00.000Z

Message message(const QString &topic, const QByteArray &payload, qint64 time, int qos = 0,
                bool retain = false)
{
    Message m(topic, payload, qos, retain);
    m.setTimestamp(time);
    if (qos > 0)
        m.setMid(int(time % 60000) + 1);
    return m;
}

SessionExporter::Result exportNow(const ExportSource &source, const QString &path,
                                  SessionExporter::Format format)
{
    SessionExporter exporter;
    QSignalSpy finished(&exporter, &SessionExporter::finished);
    mqtt::SessionHeader header;
    header.broker = QStringLiteral("mqtt://localhost:1883");
    header.startTime = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC);
    if (!exporter.start(source, path, format, header))
        return {};
    finished.wait(20000);
    return exporter.result();
}

// What SessionLoader (the window's Open) reads back from `path`.
QList<SessionEvent> load(const QString &path, SessionLoader::Result *result)
{
    SessionLoader loader;
    QList<SessionEvent> events;
    QObject::connect(&loader, &SessionLoader::batchLoaded, &loader,
                     [&events](const QList<Message> &received, const QList<SessionEvent> &other) {
                         for (const Message &m : received)
                             events << mqtt::capture::fromMessage(SessionEvent::Type::Received, m);
                         events << other;
                     });
    QSignalSpy finished(&loader, &SessionLoader::finished);
    loader.start(path);
    finished.wait(20000);
    *result = loader.result();
    return events;
}

} // namespace

// Exports of a connection's store and journal, read back: the session file with the strict
// SessionReader and the window's SessionLoader, the CSV with a strict RFC 4180 reader. The
// file lands through a temporary file, so failures and cancels leave nothing behind.
class tst_SessionExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sessionRoundTrip();
    void arrivalOrderAcrossTopics();
    void scope_data();
    void scope();
    void paneScope();
    void csvReadBack();
    void fullDisk();
    void noPermission();
    void cancelLeavesNoFile();
    void progressReported();

private:
    void fill(MessageStore *store, SessionJournal *journal);
    QTemporaryDir m_dir;
};

void tst_SessionExporter::init()
{
    QVERIFY(m_dir.isValid());
}

void tst_SessionExporter::fill(MessageStore *store, SessionJournal *journal)
{
    Message withProps = message(QStringLiteral("home/kitchen/temp"), "{\"t\": 21.5}", t0 + 10, 1);
    mqtt::Properties p;
    p.setContentType(QStringLiteral("application/json"));
    p.addUserProperty(QStringLiteral("unit"), QStringLiteral("C"));
    p.addUserProperty(QStringLiteral("unit"), QStringLiteral("again"));
    withProps.setProperties(p);
    store->add(message(QStringLiteral("home/kitchen/light"), "on", t0, 0, true));
    store->add(withProps);
    store->add(message(QStringLiteral("bin/x"), QByteArray("\x00\xff\x10", 3), t0 + 20, 2));
    store->add(message(QStringLiteral("home/hall/door"), "open,\n\"closed\"", t0 + 30));
    store->add(message(QStringLiteral("home/kitchen/light"), "off", t0 + 40, 0, true));
    if (journal) {
        journal->append(SessionEvent::connection(QStringLiteral("connected"), 0,
                                                 QStringLiteral("Connection Accepted."), t0 - 5));
        SessionEvent sent = SessionEvent::message(SessionEvent::Type::Sent,
                                                  QStringLiteral("home/kitchen/light"), "on",
                                                  1, false, t0 + 15);
        sent.mid = 3;
        journal->append(sent);
        journal->append(SessionEvent::log(mqtt::LogLevel::Info, QStringLiteral("a log line"),
                                          t0 + 35));
    }
    store->flush();
}

void tst_SessionExporter::sessionRoundTrip()
{
    MessageStore store;
    SessionJournal journal;
    fill(&store, &journal);
    const ExportSource source = ExportSource::fromStore(store, &journal, QString(),
                                                        ExportSource::Everything);
    const QList<SessionEvent> expected = source.events();
    QCOMPARE(expected.size(), 8);
    const QString path = m_dir.filePath(QStringLiteral("all.jsonl"));
    const SessionExporter::Result r = exportNow(source, path, SessionExporter::Format::Session);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.events, 8);

    // Strictly valid, equal event for event.
    mqtt::SessionHeader header;
    QList<SessionEvent> read;
    QString error;
    QVERIFY2(mqtt::SessionReader::readAll(path, &header, &read, &error), qPrintable(error));
    QCOMPARE(header.broker, QStringLiteral("mqtt://localhost:1883"));
    QCOMPARE(read.size(), expected.size());
    for (int i = 0; i < read.size(); ++i)
        QVERIFY2(read.at(i) == expected.at(i), qPrintable(QString::number(i)));

    // And through the window's loader: the same events (received first in each batch).
    SessionLoader::Result loaded;
    const QList<SessionEvent> viaLoader = load(path, &loaded);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.received, 5);
    QCOMPARE(loaded.events, 8);
    QCOMPARE(loaded.badLineCount, 0);
    QCOMPARE(viaLoader.size(), 8);
    int receivedSeen = 0;
    for (const SessionEvent &e : viaLoader) {
        if (e.type != SessionEvent::Type::Received)
            continue;
        const SessionEvent &want = read.at(read.indexOf(e));
        QCOMPARE(e, want);
        ++receivedSeen;
    }
    QCOMPARE(receivedSeen, 5);
    // Times merge: connected (t0-5) first, the log line (t0+35) before the last message.
    QCOMPARE(read.first().type, SessionEvent::Type::Connection);
    QCOMPARE(read.at(3).type, SessionEvent::Type::Sent);
    QCOMPARE(read.at(6).type, SessionEvent::Type::Log);
    QCOMPARE(read.at(7).payload, QByteArray("off"));
    QCOMPARE(read.at(2).properties.userProperties.size(), 2);
    QCOMPARE(read.at(4).payload, QByteArray("\x00\xff\x10", 3));
}

void tst_SessionExporter::arrivalOrderAcrossTopics()
{
    // Equal times on different topics: the order is the store's arrival order, not a sort.
    MessageStore store;
    QList<QString> topics;
    for (int i = 0; i < 300; ++i) {
        const QString topic = QStringLiteral("t/%1").arg((i * 7) % 13);
        topics << topic;
        store.add(message(topic, QByteArray::number(i), t0));
    }
    const QList<SessionEvent> events =
            ExportSource::fromStore(store, nullptr, QString(), ExportSource::Received).events();
    QCOMPARE(events.size(), 300);
    for (int i = 0; i < 300; ++i) {
        QCOMPARE(events.at(i).topic, topics.at(i));
        QCOMPARE(events.at(i).payload, QByteArray::number(i));
    }
    // Over the budget the oldest go; what is left is still in order.
    store.setByteBudget(100 * (MessageStore::entryBytes(message(QStringLiteral("t/10"), "100", t0))));
    store.add(message(QStringLiteral("t/0"), "last", t0 + 1));
    const ExportSource trimmed = ExportSource::fromStore(store, nullptr, QString(),
                                                         ExportSource::Received);
    const QList<SessionEvent> rest = trimmed.events();
    QVERIFY(trimmed.droppedBefore() > 0);
    QCOMPARE(rest.size(), 301 - int(trimmed.droppedBefore()));
    QCOMPARE(rest.last().payload, QByteArray("last"));
    for (int i = 0; i + 2 < rest.size(); ++i)
        QCOMPARE(rest.at(i).payload.toInt() + 1, rest.at(i + 1).payload.toInt());
}

void tst_SessionExporter::scope_data()
{
    QTest::addColumn<QString>("subtree");
    QTest::addColumn<int>("content");
    QTest::addColumn<QStringList>("topics");
    QTest::newRow("home, received") << QStringLiteral("home") << int(ExportSource::Received)
        << QStringList{"home/kitchen/light", "home/kitchen/temp", "home/hall/door",
                       "home/kitchen/light"};
    QTest::newRow("home/kitchen, received + sent") << QStringLiteral("home/kitchen")
        << int(ExportSource::Received | ExportSource::Sent)
        << QStringList{"home/kitchen/light", "home/kitchen/temp", "home/kitchen/light",
                       "home/kitchen/light"};
    QTest::newRow("one topic") << QStringLiteral("bin/x") << int(ExportSource::Received)
        << QStringList{"bin/x"};
    QTest::newRow("sent only") << QString() << int(ExportSource::Sent)
        << QStringList{"home/kitchen/light"};
    QTest::newRow("log only") << QString() << int(ExportSource::Log) << QStringList{"", ""};
}

void tst_SessionExporter::scope()
{
    QFETCH(QString, subtree);
    QFETCH(int, content);
    QFETCH(QStringList, topics);
    MessageStore store;
    SessionJournal journal;
    fill(&store, &journal);
    const QList<SessionEvent> events =
            ExportSource::fromStore(store, &journal, subtree, content).events();
    QStringList got;
    for (const SessionEvent &e : events)
        got << e.topic;
    QCOMPARE(got, topics);
}

void tst_SessionExporter::paneScope()
{
    MessageStore store;
    auto *pane = new PaneModel(QStringLiteral("home/+/light"), &store);
    store.addPane(pane);
    SessionJournal journal;
    fill(&store, &journal);
    pane->flush();
    const QList<SessionEvent> events =
            ExportSource::fromPane(*pane, &journal, ExportSource::Received | ExportSource::Sent)
                    .events();
    QStringList payloads;
    for (const SessionEvent &e : events)
        payloads << QString::fromUtf8(e.payload);
    QCOMPARE(payloads, (QStringList{"on", "on", "off"}));
    QCOMPARE(events.at(1).type, SessionEvent::Type::Sent);
    store.removePane(pane);
}

void tst_SessionExporter::csvReadBack()
{
    MessageStore store;
    SessionJournal journal;
    fill(&store, &journal);
    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    const SessionExporter::Result r = exportNow(
            ExportSource::fromStore(store, &journal, QString(), ExportSource::Everything), path,
            SessionExporter::Format::Csv);
    QVERIFY2(r.ok, qPrintable(r.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<rfc4180::Record> records;
    QString error;
    QVERIFY2(rfc4180::parse(file.readAll(), &records, &error), qPrintable(error));
    QCOMPARE(records.size(), 9);
    QCOMPARE(records.at(0), CsvWriter::columns());
    QCOMPARE(records.at(1).at(1), QByteArray("connection"));
    QCOMPARE(records.at(2).at(6), QByteArray("on"));
    QCOMPARE(records.at(3).at(6), QByteArray("{\"t\": 21.5}"));
    QVERIFY(records.at(3).at(8).contains("\"user-properties\":[[\"unit\",\"C\"],[\"unit\",\"again\"]]"));
    QCOMPARE(records.at(4).at(1), QByteArray("sent"));
    QCOMPARE(records.at(5).at(6), QByteArray());
    QCOMPARE(QByteArray::fromBase64(records.at(5).at(7)), QByteArray("\x00\xff\x10", 3));
    QCOMPARE(records.at(6).at(6), QByteArray("open,\n\"closed\""));
    QCOMPARE(records.at(7).at(12), QByteArray("a log line"));
}

void tst_SessionExporter::fullDisk()
{
    // A real 16 KiB tmpfs: the export of ~200 KiB cannot fit.
    const QString mountPoint = m_dir.filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=16k") != 0)
        QSKIP("cannot mount a tmpfs here (needs CAP_SYS_ADMIN)");
    MessageStore store;
    for (int i = 0; i < 2000; ++i)
        store.add(message(QStringLiteral("big/%1").arg(i % 50), QByteArray(100, 'x'), t0 + i));
    const QString path = mountPoint + QStringLiteral("/full.jsonl");
    const SessionExporter::Result r = exportNow(
            ExportSource::fromStore(store, nullptr, QString(), ExportSource::Everything), path,
            SessionExporter::Format::Session);
    const QStringList left = QDir(mountPoint).entryList(QDir::Files | QDir::Hidden);
    ::umount(QFile::encodeName(mountPoint).constData());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(path) && r.error.contains(QStringLiteral("No space left")),
             qPrintable(r.error));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

void tst_SessionExporter::noPermission()
{
    if (::geteuid() == 0) {
        // root writes anywhere: a path under a regular file cannot be created by anyone.
        QFile blocker(m_dir.filePath(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        MessageStore store;
        fill(&store, nullptr);
        const QString path = blocker.fileName() + QStringLiteral("/x.jsonl");
        const SessionExporter::Result r = exportNow(
                ExportSource::fromStore(store, nullptr, QString(), ExportSource::Everything),
                path, SessionExporter::Format::Session);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("Cannot export to ") + path), qPrintable(r.error));
        return;
    }
    const QString dir = m_dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    MessageStore store;
    fill(&store, nullptr);
    const SessionExporter::Result r = exportNow(
            ExportSource::fromStore(store, nullptr, QString(), ExportSource::Everything),
            dir + QStringLiteral("/x.jsonl"), SessionExporter::Format::Session);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("ermission")), qPrintable(r.error));
}

void tst_SessionExporter::cancelLeavesNoFile()
{
    MessageStore store;
    store.setByteBudget(qint64(1) << 30);
    for (int i = 0; i < 200000; ++i)
        store.add(message(QStringLiteral("c/%1").arg(i % 1000), QByteArray(64, 'p'), t0 + i));
    const QString dir = m_dir.filePath(QStringLiteral("cancel"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/cancelled.jsonl");
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me\n");
    existing.close();

    std::atomic<bool> cancel{true}; // cancelled before the first chunk is written
    mqtt::SessionHeader header;
    header.broker = QStringLiteral("mqtt://x");
    header.startTime = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC);
    const SessionExporter::Result r = SessionExporter::write(
            ExportSource::fromStore(store, nullptr, QString(), ExportSource::Everything), path,
            SessionExporter::Format::Session, header, &cancel, nullptr);
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me\n"));
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("cancelled.jsonl")});
}

void tst_SessionExporter::progressReported()
{
    MessageStore store;
    store.setByteBudget(qint64(1) << 30);
    for (int i = 0; i < 100000; ++i)
        store.add(message(QStringLiteral("p/%1").arg(i % 100), QByteArray(64, 'p'), t0 + i));
    SessionExporter exporter;
    QSignalSpy progress(&exporter, &SessionExporter::progress);
    QSignalSpy finished(&exporter, &SessionExporter::finished);
    mqtt::SessionHeader header;
    header.broker = QStringLiteral("mqtt://x");
    header.startTime = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC);
    QVERIFY(exporter.start(ExportSource::fromStore(store, nullptr, QString(), ExportSource::Everything),
                           m_dir.filePath(QStringLiteral("p.jsonl")),
                           SessionExporter::Format::Session, header));
    QVERIFY(!exporter.start(ExportSource(), m_dir.filePath(QStringLiteral("q.jsonl")),
                            SessionExporter::Format::Session, header)); // one at a time
    QVERIFY(finished.wait(20000));
    QVERIFY(exporter.result().ok);
    QCOMPARE(exporter.result().events, 100000);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), 100000);
    QCOMPARE(progress.last().at(1).toLongLong(), 100000);
}

QTEST_GUILESS_MAIN(tst_SessionExporter)
#include "tst_sessionexporter.moc"
