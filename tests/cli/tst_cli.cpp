#include "capture/sessionreader.h"
#include "cliprocess.h"
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
// mosquitto_pub / mosquitto_sub.
class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageExitCode();
    void connectionRefusedExitCode();
    void timeoutExitCode();
    void exitAfterSubscribe();
    void subJsonParsesBack();
    void pubEachQosArrivesOnce_data();
    void pubEachQosArrivesOnce();
    void pubLinesAndRepeat();
    void recordThenReplay();
    void replayBadFileNamesLine();

    // one test per flag family, against real messages
    void filterOutCountVerbose();
    void noEol();
    void retainedFilters_data();
    void retainedFilters();
    void formatCodes_data();
    void formatCodes();
    void pubPayloadSources_data();
    void pubPayloadSources();
    void pubNullClearsRetained();
    void pubLinesAreStreamed();
    void pubRepeatDelay();
    void persistentSession_data();
    void persistentSession();
    void willOnKill_data();
    void willOnKill();
    void publishPropertiesReachSubscriber();
    void connectAndSubscribePropertiesReachBroker();
    void debugPrintsCoreLog();
    void replayTiming_data();
    void replayTiming();
    void replayProgressOnStderr();
    void recordSurvivesKill();
    void recordWriteErrorStops_data();
    void recordWriteErrorStops();

private:
    // A fresh topic root per run: the fixture broker keeps retained messages between runs.
    QString topic(const QString &leaf) const { return m_root + leaf; }
    bool connectPeer(PeerClient &peer, mqtt::ProtocolVersion v = mqtt::ProtocolVersion::V311);
    // Starts the CLI with -d and waits for its SUBACK.
    bool startCliSubscribed(CliProcess &p, const QStringList &args);
    QString writeSession(const QString &name, const QList<qint64> &offsetsMs);
    QString m_root;
    QStringList brokerArgs() const { return {"-h", "127.0.0.1", "-p", QString::number(m_port)}; }
    // Starts `sub`-like CLI with -d and waits until its SUBACK arrived.
    bool startSubscribed(QProcess &p, const QStringList &args);
    static int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
                   int timeoutMs = 20000);
    quint16 m_port = 0;
    QTemporaryDir m_dir;
};

int tst_Cli::run(const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(MQTTI_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -100;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -200;
}

bool tst_Cli::startSubscribed(QProcess &p, const QStringList &args)
{
    p.start(QStringLiteral(MQTTI_CLI_PATH), args + QStringList{"-d"});
    QByteArray err;
    for (int i = 0; i < 100; ++i) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
        if (err.contains("Received SUBACK"))
            return true;
        if (p.state() == QProcess::NotRunning)
            break;
    }
    qWarning("subscriber did not get a SUBACK: %s", err.constData());
    return false;
}

void tst_Cli::initTestCase()
{
    m_port = fixtureBrokerPort();
    if (m_port == 0)
        QSKIP("needs the fixture broker (run through ctest)");
    m_root = QStringLiteral("tst_cli/%1-%2/").arg(QCoreApplication::applicationPid())
                     .arg(QDateTime::currentMSecsSinceEpoch());
}

void tst_Cli::usageExitCode()
{
    QByteArray err;
    QCOMPARE(run({"sub", "-t", "a/#/b"}, nullptr, &err), 2);
    QVERIFY2(err.contains("-t:"), err.constData());
    QCOMPARE(run({"pub", "-t", "a", "-m", "x", "-D", "publish", "nope", "1", "-V", "5"},
                 nullptr, &err), 2);
    QVERIFY2(err.contains("nope"), err.constData());
    QCOMPARE(run({"--version"}), 0);
}

void tst_Cli::connectionRefusedExitCode()
{
    QByteArray err;
    const quint16 closed = TestBroker::freePort();
    QCOMPARE(run({"sub", "-h", "127.0.0.1", "-p", QString::number(closed), "-t", "a"}, nullptr,
                 &err), 1);
    QVERIFY2(err.contains("could not connect"), err.constData());
}

void tst_Cli::timeoutExitCode()
{
    QByteArray err;
    QCOMPARE(run(brokerArgs() + QStringList{"sub", "-t", "tst_cli/never/#", "-W", "1"}, nullptr,
                 &err), 3);
    QVERIFY2(err.contains("Timed out"), err.constData());
}

void tst_Cli::exitAfterSubscribe()
{
    QCOMPARE(run(brokerArgs() + QStringList{"sub", "-t", "tst_cli/e", "-E", "-W", "10"}), 0);
}

void tst_Cli::subJsonParsesBack()
{
    QProcess sub;
    QVERIFY(startSubscribed(sub, brokerArgs() + QStringList{"sub", "-t", "tst_cli/json/#",
                                                           "-t", "tst_cli/json/+/b", "-C", "3",
                                                           "-W", "20", "--json"}));
    const QString bin = m_dir.filePath("bin");
    QFile f(bin);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromHex("00ff80"));
    f.close();
    const QString port = QString::number(m_port);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/json/a", "-m",
                                                 "hello \"world\""}), 0);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/json/x/b", "-f", bin,
                                                 "-q", "1"}), 0);
    QCOMPARE(QProcess::execute("mosquitto_pub", {"-p", port, "-t", "tst_cli/json/q2", "-m", "",
                                                 "-q", "2"}), 0);
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0);
    const QList<QByteArray> lines = sub.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QList<QJsonObject> objects;
    for (const QByteArray &l : lines) {
        QJsonParseError e;
        objects << QJsonDocument::fromJson(l, &e).object();
        QVERIFY2(e.error == QJsonParseError::NoError, l.constData());
    }
    QCOMPARE(objects[0].value("topic").toString(), QStringLiteral("tst_cli/json/a"));
    QCOMPARE(objects[0].value("payload").toString(), QStringLiteral("hello \"world\""));
    QCOMPARE(objects[0].value("filters").toVariant().toStringList(),
             QStringList{"tst_cli/json/#"});
    QCOMPARE(objects[1].value("payload_base64").toString(), QStringLiteral("AP+A"));
    QCOMPARE(objects[1].value("payloadlen").toInt(), 3);
    QCOMPARE(objects[1].value("qos").toInt(), 0); // subscribed at QoS 0
    QCOMPARE(objects[1].value("filters").toVariant().toStringList(),
             (QStringList{"tst_cli/json/+/b", "tst_cli/json/#"})); // paho trie order
    QCOMPARE(objects[2].value("payload").toString(), QString());
    QCOMPARE(objects[2].value("payloadlen").toInt(), 0);
}

void tst_Cli::pubEachQosArrivesOnce_data()
{
    QTest::addColumn<QString>("qos");
    QTest::addColumn<QString>("version");
    for (const char *v : {"311", "5"}) {
        for (const char *q : {"0", "1", "2"})
            QTest::addRow("qos %s v%s", q, v) << QString::fromLatin1(q) << QString::fromLatin1(v);
    }
}

// Cross-check with mosquitto_sub: every message exactly once, including QoS 1 and 2.
void tst_Cli::pubEachQosArrivesOnce()
{
    QFETCH(QString, qos);
    QFETCH(QString, version);
    const QString topic = QStringLiteral("tst_cli/pub/%1/%2").arg(qos, version);
    QProcess sub;
    sub.start("mosquitto_sub", {"-p", QString::number(m_port), "-t", topic, "-q", "2", "-v",
                                "-W", "3"});
    QVERIFY(sub.waitForStarted());
    QTest::qWait(400); // mosquitto_sub has no readiness signal
    QByteArray err;
    QCOMPARE(run(brokerArgs() + QStringList{"pub", "-t", topic, "-m", "once", "-q", qos, "-V",
                                            version, "--repeat", "2"},
                 nullptr, &err), 0);
    sub.waitForFinished(10000);
    const QByteArray out = sub.readAllStandardOutput();
    QCOMPARE(out, (topic + " once\n" + topic + " once\n").toUtf8());
}

void tst_Cli::pubLinesAndRepeat()
{
    const QString topic = QStringLiteral("tst_cli/lines");
    QProcess sub;
    sub.start("mosquitto_sub", {"-p", QString::number(m_port), "-t", topic, "-W", "3"});
    QVERIFY(sub.waitForStarted());
    QTest::qWait(400);
    QProcess pub;
    pub.start(QStringLiteral(MQTTI_CLI_PATH), brokerArgs() + QStringList{"pub", "-t", topic,
                                                                        "-l", "-q", "1"});
    QVERIFY(pub.waitForStarted());
    pub.write("one\ntwo\r\nthree\n");
    pub.closeWriteChannel();
    QVERIFY(pub.waitForFinished(10000));
    QCOMPARE(pub.exitCode(), 0);
    sub.waitForFinished(10000);
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("one\ntwo\nthree\n"));
}

// record, then replay into a second subscriber: the same messages, byte for byte.
void tst_Cli::recordThenReplay()
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

void tst_Cli::replayBadFileNamesLine()
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

bool tst_Cli::connectPeer(PeerClient &peer, mqtt::ProtocolVersion v)
{
    return peer.connectTo(m_port, v);
}

bool tst_Cli::startCliSubscribed(CliProcess &p, const QStringList &args)
{
    p.start(brokerArgs() + args + QStringList{"-d"});
    if (p.waitForStderr("Received SUBACK"))
        return true;
    qWarning("CLI did not get a SUBACK: %s", p.err().constData());
    return false;
}

// -T drops matching topics, -C stops after the count, -v prefixes the topic.
void tst_Cli::filterOutCountVerbose()
{
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    CliProcess sub;
    QVERIFY(startCliSubscribed(sub, {"sub", "-t", topic("fo/#"), "-T", topic("fo/skip/#"),
                                     "-C", "2", "-v", "-q", "1", "-W", "20"}));
    QVERIFY(peer.publish(topic("fo/a"), "1"));
    QVERIFY(peer.publish(topic("fo/skip/x"), "2"));
    QVERIFY(peer.publish(topic("fo/b"), "3"));
    QVERIFY(peer.publish(topic("fo/c"), "4")); // after -C 2: never printed
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.out(), (topic("fo/a") + " 1\n" + topic("fo/b") + " 3\n").toUtf8());
}

void tst_Cli::noEol()
{
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    CliProcess sub;
    QVERIFY(startCliSubscribed(sub, {"sub", "-t", topic("noeol"), "-C", "2", "-N", "-q", "1",
                                     "-W", "20"}));
    QVERIFY(peer.publish(topic("noeol"), "ab"));
    QVERIFY(peer.publish(topic("noeol"), "cd"));
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.out(), QByteArray("abcd"));
}

void tst_Cli::retainedFilters_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("expected"); // sorted output lines
    QTest::newRow("-R skips retained") << "-R" << QStringList{"live"};
    QTest::newRow("--retained-only stops at live") << "--retained-only"
                                                   << QStringList{"old a", "old b"};
}

void tst_Cli::retainedFilters()
{
    QFETCH(QString, flag);
    QFETCH(QStringList, expected);
    const QString root = topic(QStringLiteral("ret/%1/").arg(QTest::currentDataTag()[1]));
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.publish(root + "a", "old a", 1, true));
    QVERIFY(peer.publish(root + "b", "old b", 1, true));
    CliProcess sub;
    QStringList args{"sub", "-t", root + "#", "-q", "1", "-W", "20", flag};
    if (flag == u"-R")
        args << "-C" << "1";
    QVERIFY(startCliSubscribed(sub, args));
    // The retained messages come with the SUBACK; the live one strictly after it.
    QVERIFY(peer.publish(root + "c", "live"));
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QStringList lines = QString::fromUtf8(sub.out()).split('\n', Qt::SkipEmptyParts);
    lines.sort();
    QCOMPARE(lines, expected);
}

void tst_Cli::formatCodes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("pattern"); // the whole output, as a regular expression
    const QString t = QRegularExpression::escape(topic("fmt"));
    QTest::newRow("%t") << "%t" << t + "\n";
    QTest::newRow("%p") << "%p" << "hello\n";
    QTest::newRow("%q %r %l") << "%q %r %l" << "1 1 5\n";
    QTest::newRow("%x") << "%x" << "68656c6c6f\n";
    QTest::newRow("%X") << "%X" << "68656C6C6F\n";
    QTest::newRow("%m") << "%m" << "[1-9][0-9]*\n";
    QTest::newRow("%U") << "%U" << "[0-9]{10}\\.[0-9]{9}\n";
    QTest::newRow("%I") << "%I" << "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{4}\n";
    QTest::newRow("width and escapes") << "[%-7p]\\t%%" << "\\[hello  \\]\t%\n";
    QTest::newRow("%j") << "%j" << "\\{\"tst\":.*\"topic\":\"" + t + "\".*\"payload\":\"hello\".*\\}\n";
}

// Each -F code on a real retained QoS 1 message from the fixture broker.
void tst_Cli::formatCodes()
{
    QFETCH(QString, format);
    QFETCH(QString, pattern);
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.publish(topic("fmt"), "hello", 1, true));
    QByteArray out;
    QByteArray err;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"sub", "-t", topic("fmt"), "-q", "1",
                                                        "-C", "1", "-W", "20", "-F", format},
                             &out, &err), 0);
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    QVERIFY2(re.match(QString::fromUtf8(out)).hasMatch(), out.constData());
    if (format == u"%U") {
        const double t = out.trimmed().toDouble();
        QVERIFY(qAbs(t - QDateTime::currentMSecsSinceEpoch() / 1000.0) < 600);
    }
}

void tst_Cli::pubPayloadSources_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("-m") << QStringList{"-m", "text"} << QByteArray()
                        << QList<QByteArray>{"text"};
    QTest::newRow("-f") << QStringList{"-f", "@FILE@"} << QByteArray()
                        << QList<QByteArray>{QByteArray("bin\0ary\n", 8)};
    QTest::newRow("-s whole stdin") << QStringList{"-s"} << QByteArray("l1\nl2\n\nl3")
                                    << QList<QByteArray>{"l1\nl2\n\nl3"};
    QTest::newRow("-l lines") << QStringList{"-l"} << QByteArray("l1\nl2\r\n\nl3")
                              << QList<QByteArray>{"l1", "l2", "", "l3"};
    QTest::newRow("-n") << QStringList{"-n"} << QByteArray() << QList<QByteArray>{""};
    QTest::newRow("-r retained") << QStringList{"-m", "kept", "-r"} << QByteArray()
                                 << QList<QByteArray>{"kept"};
}

void tst_Cli::pubPayloadSources()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(QList<QByteArray>, expected);
    const QString file = m_dir.filePath("payload.bin");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("bin\0ary\n", 8));
    f.close();
    args.replaceInStrings("@FILE@", file);
    const QString t = topic(QStringLiteral("src/%1").arg(QTest::currentDataTag()).remove(' '));
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.subscribe(t));
    QByteArray err;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"pub", "-t", t, "-q", "1"} + args,
                             nullptr, &err, 30000,
                             stdinData.isNull() ? QByteArray("") : stdinData), 0);
    QVERIFY(peer.waitForMessages(expected.size()));
    QList<QByteArray> got;
    for (const mqtt::Message &m : peer.messages())
        got << m.payload();
    QCOMPARE(got, expected);
    if (args.contains("-r")) {
        // Retained: a late subscriber still gets it, flagged.
        PeerClient late;
        QVERIFY(connectPeer(late));
        QVERIFY(late.subscribe(t));
        QVERIFY(late.waitForMessages(1));
        QVERIFY(late.messages().constFirst().retain());
        QCOMPARE(late.messages().constFirst().payload(), QByteArray("kept"));
    }
}

// -r -n clears the retained message (a zero-length retained publish).
void tst_Cli::pubNullClearsRetained()
{
    const QString t = topic("clear");
    const QStringList pub = brokerArgs() + QStringList{"pub", "-t", t, "-q", "1", "-r"};
    QCOMPARE(CliProcess::run(pub + QStringList{"-m", "x"}), 0);
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"sub", "-t", t, "-C", "1", "-W", "10"}),
             0);
    QCOMPARE(CliProcess::run(pub + QStringList{"-n"}), 0);
    QByteArray out;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"sub", "-t", t, "-E"}, &out), 0);
    CliProcess sub;
    QVERIFY(startCliSubscribed(sub, {"sub", "-t", t, "-C", "1", "-W", "20", "-v"}));
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.publish(t, "after"));
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.out(), (t + " after\n").toUtf8()); // no retained "x" first
}

// pub -l: each line goes out when it is read, not at end of input (mosquitto_pub -l).
void tst_Cli::pubLinesAreStreamed()
{
    const QString t = topic("stream");
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.subscribe(t));
    CliProcess pub;
    pub.start(brokerArgs() + QStringList{"pub", "-t", t, "-l", "-q", "1"});
    pub.write("first\n");
    QVERIFY2(peer.waitForMessages(1), pub.err().constData());
    QCOMPARE(peer.payloads(), QStringList{"first"});
    QVERIFY(pub.isRunning()); // still waiting for more input
    pub.write("second\nthird"); // the last line has no newline
    QVERIFY(peer.waitForMessages(2));
    QCOMPARE(peer.payloads(), (QStringList{"first", "second"}));
    pub.closeWriteChannel();
    QVERIFY(pub.waitForFinished());
    QCOMPARE(pub.exitCode(), 0);
    QVERIFY(peer.waitForMessages(3));
    QCOMPARE(peer.payloads(), (QStringList{"first", "second", "third"}));
}

void tst_Cli::pubRepeatDelay()
{
    const QString t = topic("repeat");
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.subscribe(t));
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"pub", "-t", t, "-m", "r", "-q", "1",
                                                        "--repeat", "3", "--repeat-delay",
                                                        "0.2"}), 0);
    QVERIFY(peer.waitForMessages(3));
    QCOMPARE(peer.payloads(), (QStringList{"r", "r", "r"}));
    // Two delays of 200 ms between the three: a lower bound only, never an upper one.
    const QList<qint64> at = peer.arrivalMs();
    QVERIFY2(at[2] - at[0] >= 300, qPrintable(QString::number(at[2] - at[0])));
}

void tst_Cli::persistentSession_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("resumed");
    QTest::newRow("3.1.1 -c") << QStringList{"-c"} << true;
    QTest::newRow("3.1.1 clean") << QStringList{} << false;
    QTest::newRow("5 -c -x 60") << QStringList{"-V", "5", "-c", "-x", "60"} << true;
    QTest::newRow("5 -c, no -x (expiry 0)") << QStringList{"-V", "5", "-c"} << false;
}

// -c with -i: a QoS 1 message published while the CLI was away arrives when it comes back.
void tst_Cli::persistentSession()
{
    QFETCH(QStringList, args);
    QFETCH(bool, resumed);
    const QString id = QStringLiteral("tst-cli-%1-%2").arg(QCoreApplication::applicationPid())
                               .arg(QTest::currentDataTag()).remove(' ').remove(',');
    const QString t = topic("persist/" + id);
    const QStringList common = brokerArgs() + QStringList{"sub", "-t", t, "-i", id, "-q", "1"}
            + args;
    QCOMPARE(CliProcess::run(common + QStringList{"-E"}), 0);
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.publish(t, "while away", 1));
    QByteArray out;
    QByteArray err;
    const int rc = CliProcess::run(common + QStringList{"-C", "1", "-W", resumed ? "20" : "2"},
                                   &out, &err);
    if (resumed) {
        QCOMPARE(rc, 0);
        QCOMPARE(out, QByteArray("while away\n"));
    } else {
        QCOMPARE(rc, 3);
        QCOMPARE(out, QByteArray());
    }
    // Leave no session behind.
    CliProcess::run(brokerArgs() + QStringList{"sub", "-t", t, "-i", id, "-E"});
}

void tst_Cli::willOnKill_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("3.1.1") << "311";
    QTest::newRow("5 with will properties") << "5";
}

// kill -9 the CLI: the broker publishes its will, retained.
void tst_Cli::willOnKill()
{
    QFETCH(QString, version);
    const bool v5 = version == u"5";
    const QString will = topic("will/" + version);
    PeerClient peer;
    QVERIFY(connectPeer(peer, v5 ? mqtt::ProtocolVersion::V5 : mqtt::ProtocolVersion::V311));
    QVERIFY(peer.subscribe(will));
    QStringList args{"sub", "-t", topic("will/idle"), "-V", version, "--will-topic", will,
                     "--will-payload", "gone", "--will-qos", "1", "--will-retain"};
    if (v5)
        args << "-D" << "will" << "content-type" << "text/x-will" << "-D" << "will"
             << "user-property" << "k" << "v";
    CliProcess cli;
    QVERIFY(startCliSubscribed(cli, args));
    QVERIFY(peer.messages().isEmpty());
    cli.kill9();
    QVERIFY(peer.waitForMessages(1));
    const mqtt::Message m = peer.messages().constFirst();
    QCOMPARE(m.topic(), will);
    QCOMPARE(m.payload(), QByteArray("gone"));
    QCOMPARE(m.qos(), 1);
    if (v5) {
        QCOMPARE(m.properties().contentType(), std::optional<QString>("text/x-will"));
        QCOMPARE(m.properties().userProperties().size(), 1);
    }
    // Retained, as mosquitto_sub sees it afterwards.
    QProcess ms;
    ms.start("mosquitto_sub", {"-p", QString::number(m_port), "-t", will, "-C", "1", "-W", "10",
                               "-F", "%r %t %p"});
    QVERIFY(ms.waitForFinished(15000));
    QCOMPARE(ms.readAllStandardOutput(), ("1 " + will + " gone\n").toUtf8());
}

// -D publish properties under -V 5 reach another client, checked with mosquitto_sub -F.
void tst_Cli::publishPropertiesReachSubscriber()
{
    const QString t = topic("props");
    QProcess ms;
    // stdbuf: mosquitto_sub's stdout is block-buffered on a pipe; its SUBACK line is our cue.
    ms.start("stdbuf", {"-oL", "mosquitto_sub", "-p", QString::number(m_port), "-V", "5", "-t", t,
                        "-C", "1", "-W", "20", "-d", "-F", "%P|%C|%R|%D|%E"});
    QVERIFY(ms.waitForStarted());
    QByteArray msOut;
    connect(&ms, &QProcess::readyReadStandardOutput, this,
            [&] { msOut += ms.readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(msOut.contains("received SUBACK"), 10000);
    QByteArray err;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{
                                     "pub", "-V", "5", "-t", t, "-m", "p", "-q", "1",
                                     "-D", "publish", "user-property", "colour", "red",
                                     "-D", "publish", "content-type", "text/plain",
                                     "-D", "publish", "response-topic", "re/ply",
                                     "-D", "publish", "correlation-data", "c0rr",
                                     "-D", "publish", "message-expiry-interval", "3600"},
                             nullptr, &err), 0);
    QTRY_VERIFY_WITH_TIMEOUT(ms.state() == QProcess::NotRunning, 20000);
    msOut += ms.readAllStandardOutput();
    QByteArray line;
    for (const QByteArray &l : msOut.split('\n')) {
        if (!l.startsWith("Client ") && !l.isEmpty())
            line = l;
    }
    // The broker counts the expiry down: at most a second or two may have gone.
    const QRegularExpression re(QStringLiteral("^colour:red\\|text/plain\\|re/ply\\|c0rr\\|"
                                               "(3600|359[0-9])$"));
    QVERIFY2(re.match(QString::fromUtf8(line)).hasMatch(), msOut.constData());
}

// -D connect and -D subscribe under -V 5, seen through what the broker does with them:
// Maximum Packet Size makes it drop a larger message for us, the Subscription Identifier
// comes back on each delivery (shown by %J).
void tst_Cli::connectAndSubscribePropertiesReachBroker()
{
    const QString t = topic("subprops");
    CliProcess sub;
    QVERIFY(startCliSubscribed(sub, {"sub", "-V", "5", "-t", t, "-q", "1", "-C", "1", "-W", "20",
                                     "-F", "%J", "-D", "connect", "maximum-packet-size", "200",
                                     "-D", "subscribe", "subscription-identifier", "42"}));
    PeerClient peer;
    QVERIFY(connectPeer(peer));
    QVERIFY(peer.publish(t, QByteArray(500, 'x'))); // over 200 bytes: never sent to the CLI
    QVERIFY(peer.publish(t, "{\"small\":true}"));
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(sub.out(), &e).object();
    QVERIFY2(e.error == QJsonParseError::NoError, sub.out().constData());
    QCOMPARE(o.value("payloadlen").toInt(), 14);
    QVERIFY(o.value("payload").toObject().value("small").toBool());
    QCOMPARE(o.value("properties").toObject().value("subscription-identifier").toVariant()
                     .toList(), QVariantList{42});
}

// -d prints the core's on_log lines on stderr; without it, stderr stays quiet.
void tst_Cli::debugPrintsCoreLog()
{
    QByteArray err;
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"pub", "-t", topic("d"), "-m", "x",
                                                        "-q", "1", "-d"}, nullptr, &err), 0);
    for (const char *line : {"Sending CONNECT", "Received CONNACK", "Sending PUBLISH",
                             "Received PUBACK", "Sending DISCONNECT"})
        QVERIFY2(err.contains(line), err.constData());
    QCOMPARE(CliProcess::run(brokerArgs() + QStringList{"pub", "-t", topic("d"), "-m", "x",
                                                        "-q", "1"}, nullptr, &err), 0);
    QCOMPARE(err, QByteArray());
}

QString tst_Cli::writeSession(const QString &name, const QList<qint64> &offsetsMs)
{
    const QString file = m_dir.filePath(name);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    const QDateTime start = QDateTime::fromString("2024-05-01T12:00:00.000Z", Qt::ISODateWithMs);
    f.write(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n");
    for (int i = 0; i < offsetsMs.size(); ++i) {
        const QString time = start.addMSecs(offsetsMs[i]).toUTC()
                                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        f.write(QStringLiteral(R"({"time":"%1","type":"received","topic":"r/%2","qos":1,)"
                               R"("retain":false,"payload":"m%2"})" "\n")
                        .arg(time).arg(i).toUtf8());
    }
    return file;
}

void tst_Cli::replayTiming_data()
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
void tst_Cli::replayTiming()
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
void tst_Cli::replayProgressOnStderr()
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
void tst_Cli::recordSurvivesKill()
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

void tst_Cli::recordWriteErrorStops_data()
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
void tst_Cli::recordWriteErrorStops()
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

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
