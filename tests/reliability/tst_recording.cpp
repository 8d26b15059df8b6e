// Recording when things go wrong, end to end with mqtt-inspector-cli against the fixture broker:
// a disk that fills up (a real 32 KiB tmpfs when we may mount one, a file size limit
// RLIMIT_FSIZE, /dev/full) must give a clear error and leave a file SessionReader reads, and a
// recorder killed with SIGKILL may lose at most about the last second of messages.
// tst_sessionwriter covers SessionWriter alone; this is the whole path through the CLI.
#include "capture/sessionreader.h"
#include "client.h"
#include "socketloop.h"
#include "testbroker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace mqtt;

namespace {

// Publishes "seq <n> <padding>" at QoS 0 every `intervalMs` and remembers when each was sent.
class Publisher : public QObject
{
public:
    Publisher(quint16 port, const QString &topic, int intervalMs, int padding)
        : m_client(QStringLiteral("rel-recording-pub")), m_loop(&m_client), m_topic(topic),
          m_padding(padding)
    {
        m_loop.setAutoReconnect(false);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const QByteArray payload = QByteArray("seq ") + QByteArray::number(m_next) + ' '
                                       + QByteArray(m_padding, 'p');
            if (m_client.publish(m_topic, payload, 0).ok()) {
                m_sentAt.insert(m_next, m_clock.elapsed());
                ++m_next;
            }
        });
        m_clock.start();
        m_client.connect(QStringLiteral("127.0.0.1"), port, 30);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return m_client.isConnected(); }, 10000);
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    qint64 now() const { return m_clock.elapsed(); }
    int sent() const { return m_next; }
    qint64 sentAt(int seq) const { return m_sentAt.value(seq, -1); }

private:
    Client m_client;
    SocketNotifierLoop m_loop;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QString m_topic;
    int m_padding;
    int m_next = 0;
    QHash<int, qint64> m_sentAt;
};

// Sequence numbers of the received messages in a session file, in file order.
bool readSequence(const QString &path, QList<int> *seqs, QString *error, bool *truncated)
{
    SessionReader reader;
    if (!reader.open(path)) {
        *error = reader.errorString();
        return false;
    }
    SessionEvent event;
    while (reader.readNext(&event)) {
        if (event.type != SessionEvent::Type::Received)
            continue;
        const QList<QByteArray> parts = event.payload.split(' ');
        bool ok = false;
        const int seq = parts.size() >= 2 ? parts.at(1).toInt(&ok) : -1;
        if (!ok) {
            *error = QStringLiteral("unexpected payload at line %1").arg(reader.lineNumber());
            return false;
        }
        seqs->append(seq);
    }
    *truncated = reader.truncatedFinalLine();
    if (reader.hasError()) {
        *error = reader.errorString();
        return false;
    }
    return true;
}

// Starts `mqtt-inspector-cli record` with -d and waits for its SUBACK.
bool startRecorder(QProcess *p, const QStringList &args)
{
    p->start(QStringLiteral(MQTTI_CLI_PATH), args + QStringList{QStringLiteral("-d")});
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        p->waitForReadyRead(100);
        err += p->readAllStandardError();
        if (err.contains("Received SUBACK"))
            return true;
        if (p->state() == QProcess::NotRunning)
            break;
    }
    qWarning("recorder did not get a SUBACK: %s", err.constData());
    return false;
}

enum class Disk { Tmpfs, FileSizeLimit, DevFull };

} // namespace

Q_DECLARE_METATYPE(Disk)

class tst_Recording : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fullDisk_data();
    void fullDisk();
    void killedRecorderLosesAtMostOneSecond();

private:
    QStringList brokerArgs() const
    {
        return {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port)};
    }
    quint16 m_port = 0;
    QTemporaryDir m_dir;
};

void tst_Recording::initTestCase()
{
    m_port = fixtureBrokerPort();
    if (m_port == 0)
        QSKIP("needs the fixture broker (run through ctest)");
    QVERIFY(m_dir.isValid());
}

void tst_Recording::fullDisk_data()
{
    QTest::addColumn<Disk>("disk");
    QTest::newRow("tmpfs of 32 KiB (ENOSPC)") << Disk::Tmpfs;
    QTest::newRow("RLIMIT_FSIZE 16 KiB (EFBIG)") << Disk::FileSizeLimit;
    QTest::newRow("/dev/full") << Disk::DevFull;
}

void tst_Recording::fullDisk()
{
    QFETCH(Disk, disk);
    const QString topic = QStringLiteral("rel/full/%1").arg(int(disk));
    QString file = m_dir.filePath(QStringLiteral("full-%1.jsonl").arg(int(disk)));
    QString mountPoint;
    QProcess recorder;
    if (disk == Disk::Tmpfs) {
        mountPoint = m_dir.filePath(QStringLiteral("tmpfs"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0,
                    "size=32k") != 0)
            QSKIP("cannot mount a tmpfs here (needs CAP_SYS_ADMIN); the other rows cover it");
        file = mountPoint + QStringLiteral("/rec.jsonl");
    } else if (disk == Disk::FileSizeLimit) {
        recorder.setChildProcessModifier([] {
            ::signal(SIGXFSZ, SIG_IGN); // write() then fails with EFBIG instead of killing us
            struct rlimit limit = {16 * 1024, 16 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    } else {
        file = QStringLiteral("/dev/full");
    }
    auto cleanup = qScopeGuard([&] {
        if (recorder.state() != QProcess::NotRunning) {
            recorder.kill();
            recorder.waitForFinished();
        }
        if (!mountPoint.isEmpty())
            ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH);
    });

    const QStringList args = brokerArgs()
                             + QStringList{QStringLiteral("record"), file, QStringLiteral("-t"),
                                           topic, QStringLiteral("-q"), QStringLiteral("1")};
    if (disk == Disk::DevFull) {
        recorder.start(QStringLiteral(MQTTI_CLI_PATH), args);
        QVERIFY(recorder.waitForFinished(10000));
        const QByteArray err = recorder.readAllStandardError();
        QVERIFY2(recorder.exitCode() != 0, err.constData());
        QVERIFY2(err.contains("/dev/full") && err.contains("No space left"), err.constData());
        return;
    }

    QVERIFY(startRecorder(&recorder, args));
    Publisher pub(m_port, topic, 5, 400);
    QVERIFY(pub.waitConnected());
    pub.start();
    // ~400-byte lines at 200/s fill 16-32 KiB within a second or two.
    // qWaitFor, not waitForFinished: the publisher needs this thread's event loop.
    QVERIFY2(QTest::qWaitFor([&] { return recorder.state() == QProcess::NotRunning; }, 20000),
             "the recorder kept running on a full disk");
    pub.stop();
    const QByteArray err = recorder.readAllStandardError();
    QCOMPARE(recorder.exitStatus(), QProcess::NormalExit);
    QCOMPARE(recorder.exitCode(), 1);
    QVERIFY2(err.contains("Cannot write session file") && err.contains(QFile::encodeName(file)),
             err.constData());
    const QByteArray reason = disk == Disk::Tmpfs ? "No space left on device" : "File too large";
    QVERIFY2(err.contains(reason), err.constData());

    // What was written reads back: every complete line valid, only the last one may be cut,
    // and the messages in it are consecutive (nothing dropped in the middle).
    QList<int> seqs;
    QString error;
    bool truncated = false;
    QVERIFY2(readSequence(file, &seqs, &error, &truncated), qPrintable(error));
    QVERIFY2(seqs.size() >= 10, qPrintable(QStringLiteral("only %1 messages").arg(seqs.size())));
    for (int i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
    qInfo("%lld messages readable, last line %s", qlonglong(seqs.size()),
          truncated ? "incomplete (reported)" : "complete");
}

void tst_Recording::killedRecorderLosesAtMostOneSecond()
{
    const QString topic = QStringLiteral("rel/kill");
    const QString file = m_dir.filePath(QStringLiteral("killed.jsonl"));
    QProcess recorder;
    QVERIFY(startRecorder(&recorder, brokerArgs()
                                         + QStringList{QStringLiteral("record"), file,
                                                       QStringLiteral("-t"), topic}));
    Publisher pub(m_port, topic, 20, 20);
    QVERIFY(pub.waitConnected());
    pub.start();
    QTest::qWait(3500);
    const qint64 killedAt = pub.now();
    ::kill(pid_t(recorder.processId()), SIGKILL);
    QVERIFY(recorder.waitForFinished(5000));
    QCOMPARE(recorder.exitStatus(), QProcess::CrashExit);
    pub.stop();

    QList<int> seqs;
    QString error;
    bool truncated = false;
    QVERIFY2(readSequence(file, &seqs, &error, &truncated), qPrintable(error));
    QVERIFY(!seqs.isEmpty());
    QCOMPARE(seqs.first(), 0);
    for (int i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
    // Everything published more than a second (plus 300 ms for delivery and a late timer on a
    // loaded machine) before the kill must be in the file.
    const int last = seqs.last();
    const qint64 lostFrom = pub.sentAt(last + 1);
    qInfo("%d of %d messages on file; the first missing one was sent %lld ms before the kill",
          int(seqs.size()), pub.sent(), lostFrom < 0 ? 0 : killedAt - lostFrom);
    if (lostFrom >= 0)
        QVERIFY2(killedAt - lostFrom <= 1300,
                 qPrintable(QStringLiteral("lost messages sent %1 ms before the kill")
                                .arg(killedAt - lostFrom)));
}

QTEST_MAIN(tst_Recording)
#include "tst_recording.moc"
