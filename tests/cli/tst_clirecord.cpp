#include "capture/sessionreader.h"
#include "cliprocess.h"
#include "clitestcase.h"
#include "peerclient.h"
#include "testbroker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// mqtt-inspector-cli end to end against the fixture mosquitto, cross-checked with
// mosquitto_pub / mosquitto_sub: `record`, `sub --record` and `replay`: session files written,
// read back and republished.
class tst_CliRecord : public CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordThenReplay();
    void replayBadFileNamesLine();
    void replayTiming_data();
    void replayTiming();
    void replayProgressOnStderr();
    void recordSurvivesKill();
    void recordWriteErrorStops_data();
    void recordWriteErrorStops();
};

void tst_CliRecord::initTestCase()
{
    if (!initFixture())
        QSKIP("needs the fixture broker (run through ctest)");
}

// record, then replay into a second subscriber: the same messages, byte for byte.
void tst_CliRecord::recordThenReplay()
{
    const QString file = m_dir.filePath("rec.jsonl");
    QProcess rec;
    QVERIFY(startSubscribed(rec, brokerArgs() + QStringList{"record", file, "-t",
                                                           "tst_cli/rec/#", "-C", "4", "-W",
                                                           "20", "-q", "1"}));
    const QString port = QString::number(m_port);
    const QString bin = m_dir.filePath("bin2");
    QFile f(bin);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromHex("deadbeef000a0d"));
    f.close();
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/rec/a", "-m", "1"}), 0);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/rec/b", "-f", bin,
                                                 "-q", "1"}), 0);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/rec/c/d", "-m",
                                                 "\xc3\xa9t\xc3\xa9", "-q", "2"}), 0);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/rec/e", "-n"}), 0);
    QVERIFY(rec.waitForFinished(20000));
    QCOMPARE(rec.exitCode(), 0);

    mqtt::SessionHeader header;
    QList<mqtt::SessionEvent> events;
    QString error;
    QVERIFY2(mqtt::SessionReader::readAll(file, &header, &events, &error), qPrintable(error));
    QCOMPARE(header.broker, QStringLiteral("mqtt://127.0.0.1:%1").arg(m_port));
    QList<mqtt::SessionEvent> received;
    for (const auto &e : events) {
        if (e.type == mqtt::SessionEvent::Type::Received)
            received << e;
    }
    QCOMPARE(received.size(), 4);
    QCOMPARE(received[1].payload, QByteArray::fromHex("deadbeef000a0d"));
    QVERIFY(std::any_of(events.begin(), events.end(), [](const mqtt::SessionEvent &e) {
        return e.type == mqtt::SessionEvent::Type::Log;
    }));

    QProcess sub;
    sub.start("mosquitto_sub", {"-p", port, "-t", "copy/#", "-q", "2", "-F", "%t %q %x",
                                "-C", "4", "-W", "10"});
    QVERIFY(sub.waitForStarted());
    QTest::qWait(400);
    QByteArray err;
    QCOMPARE(run(brokerArgs() + QStringList{"replay", file, "--topic-prefix", "copy/",
                                            "--speed", "10", "-q", "0"},
                 nullptr, &err), 0);
    QVERIFY2(err.contains("replay: 4/4 messages"), err.constData());
    QVERIFY(sub.waitForFinished(10000));
    QByteArray expected;
    for (const auto &e : received)
        expected += "copy/" + e.topic.toUtf8() + ' ' + QByteArray::number(e.qos) + ' '
                + e.payload.toHex() + '\n';
    QCOMPARE(sub.readAllStandardOutput(), expected);
}

void tst_CliRecord::replayBadFileNamesLine()
{
    const QString file = m_dir.filePath("bad.jsonl");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n"
            R"({"time":"2024-05-01T12:00:01.000Z","type":"received","topic":"a","qos":7,"retain":false,"payload":""})" "\n");
    f.close();
    QByteArray err;
    QCOMPARE(run(brokerArgs() + QStringList{"replay", file}, nullptr, &err), 2);
    QVERIFY2(err.contains("bad.jsonl:2: field \"qos\""), err.constData());
    QCOMPARE(run(brokerArgs() + QStringList{"replay", m_dir.filePath("missing.jsonl")}, nullptr,
                 &err), 2);
    QVERIFY2(err.contains("missing.jsonl"), err.constData());
}

void tst_CliRecord::replayTiming_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<qint64>>("offsets");
    QTest::addColumn<qint64>("minSpanMs");
    QTest::addColumn<qint64>("maxSpanMs"); // -1: no upper bound
    QTest::newRow("original spacing") << QStringList{} << QList<qint64>{0, 300, 600}
                                      << qint64(500) << qint64(-1);
    QTest::newRow("--speed 2") << QStringList{"--speed", "2"} << QList<qint64>{0, 300, 600}
                               << qint64(250) << qint64(-1);
    // 20 s of recorded spacing replayed at once: far below it, whatever the machine load.
    QTest::newRow("--as-fast-as-possible") << QStringList{"--as-fast-as-possible"}
                                           << QList<qint64>{0, 10000, 20000} << qint64(0)
                                           << qint64(10000);
}

// Replay keeps order and (scaled) spacing, under --topic-prefix.
void tst_CliRecord::replayTiming()
{
    QFETCH(QStringList, args);
    QFETCH(QList<qint64>, offsets);
    QFETCH(qint64, minSpanMs);
    QFETCH(qint64, maxSpanMs);
    const QString file = writeSession("timing.jsonl", offsets);
    QVERIFY(!file.isEmpty());
    const QString prefix = topic(QStringLiteral("replay/%1/").arg(QTest::currentDataTag()))
                                   .remove(' ');
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.subscribe(prefix + "#"));
    QElapsedTimer clock;
    clock.start();
    QByteArray err;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"replay", file, "--topic-prefix", prefix}
                                     + args, nullptr, &err), 0);
    QVERIFY(peer.waitForMessages(3));
    QStringList topics;
    for (const mqtt::Message &m : peer.messages())
        topics << m.topic();
    QCOMPARE(topics, (QStringList{prefix + "r/0", prefix + "r/1", prefix + "r/2"}));
    QCOMPARE(peer.payloads(), (QStringList{"m0", "m1", "m2"}));
    const qint64 span = peer.arrivalMs().last() - peer.arrivalMs().first();
    QVERIFY2(span >= minSpanMs, qPrintable(QString::number(span)));
    if (maxSpanMs >= 0)
        QVERIFY2(clock.elapsed() < maxSpanMs, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(err.contains("replay: 3/3 messages"), err.constData());
}

// A replay that lasts more than a second reports progress before the end.
void tst_CliRecord::replayProgressOnStderr()
{
    const QString file = writeSession("progress.jsonl", {0, 2500});
    CliProcess replay;
    replay.start(brokerArgs() + QStringList{"replay", file, "--topic-prefix", topic("prog/")});
    QVERIFY2(replay.waitForStderr("replay: 1/2 messages"), replay.err().constData());
    QVERIFY(replay.isRunning()); // the second message is not due yet
    QVERIFY(replay.waitForFinished());
    QCOMPARE(replay.exitCode(), 0);
    QVERIFY2(replay.err().contains("replay: 2/2 messages"), replay.err().constData());
}

// kill -9 during a record loses at most the last second: the file stays readable and holds
// every message received more than a second (plus delivery slack) before the kill.
void tst_CliRecord::recordSurvivesKill()
{
    const QString file = m_dir.filePath("killed.jsonl");
    const QString t = topic("killrec");
    CliProcess rec;
    QVERIFY(startCliSubscribed(rec, {"record", file, "-t", t, "-q", "1"}));
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QElapsedTimer clock;
    clock.start();
    QList<qint64> sentAt;
    int n = 0;
    while (clock.elapsed() < 3000) {
        QVERIFY(peer.publish(t, QByteArray::number(n++), 1));
        sentAt << clock.elapsed();
        QTest::qWait(20);
    }
    const qint64 killedAt = clock.elapsed();
    rec.kill9();

    mqtt::SessionHeader header;
    QList<mqtt::SessionEvent> events;
    QString error;
    QString warning;
    QVERIFY2(mqtt::SessionReader::readAll(file, &header, &events, &error, &warning),
             qPrintable(error));
    QStringList payloads;
    for (const mqtt::SessionEvent &e : std::as_const(events)) {
        if (e.type == mqtt::SessionEvent::Type::Received)
            payloads << QString::fromUtf8(e.payload);
    }
    int mustHave = 0;
    while (mustHave < sentAt.size() && sentAt[mustHave] < killedAt - 1300)
        ++mustHave;
    QVERIFY2(payloads.size() >= mustHave,
             qPrintable(QStringLiteral("%1 of %2 sent; %3 before the last 1.3 s")
                                .arg(payloads.size()).arg(n).arg(mustHave)));
    QVERIFY(mustHave > 10);
    for (int i = 0; i < payloads.size(); ++i)
        QCOMPARE(payloads[i], QString::number(i)); // in order, nothing skipped
}

void tst_CliRecord::recordWriteErrorStops_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("shellPrefix");
    QTest::addColumn<QString>("file");
    // /dev/full fails on the header; a file size limit (SIGXFSZ ignored, so write() returns
    // EFBIG) fails in the middle of the recording.
    QTest::newRow("sub --record /dev/full") << "sub" << QString() << "/dev/full";
    QTest::newRow("record /dev/full") << "record" << QString() << "/dev/full";
    QTest::newRow("sub --record, limit reached") << "sub" << "trap '' XFSZ; ulimit -f 8"
                                                 << "@TMP@";
    QTest::newRow("record, limit reached") << "record" << "trap '' XFSZ; ulimit -f 8"
                                           << "@TMP@";
}

// A recording that cannot be written ends the command with an error and exit 1.
void tst_CliRecord::recordWriteErrorStops()
{
    QFETCH(QString, command);
    QFETCH(QString, shellPrefix);
    QFETCH(QString, file);
    if (file == u"@TMP@")
        file = m_dir.filePath(QStringLiteral("limited-%1.jsonl").arg(command));
    const QString t = topic("full/" + command);
    QStringList args{command, "-t", t, "-q", "1", "-W", "30"};
    args << (command == u"sub" ? QStringLiteral("--record") : QString()) << file;
    args.removeAll(QString());
    CliProcess cli;
    cli.start(brokerArgs() + args + QStringList{"-d"}, shellPrefix);
    if (file == u"/dev/full") {
        QVERIFY(cli.waitForFinished());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.err().contains("Error: --record: ") && cli.err().contains("/dev/full"),
                 cli.err().constData());
        return;
    }
    QVERIFY2(cli.waitForStderr("Received SUBACK"), cli.err().constData());
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    // 8 blocks of 512 bytes (dash) or 1 KiB (bash): 10 KiB is past either limit.
    for (int i = 0; i < 10 && cli.isRunning(); ++i)
        QVERIFY(peer.publish(t, QByteArray(1024, 'x'), 1));
    QVERIFY(cli.waitForFinished());
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(cli.err().contains("Error: --record: Cannot write session file"),
             cli.err().constData());
    // What did reach the file is still a readable session.
    QList<mqtt::SessionEvent> events;
    QString error;
    mqtt::SessionHeader header;
    QVERIFY2(mqtt::SessionReader::readAll(file, &header, &events, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_CliRecord)
#include "tst_clirecord.moc"
