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
// mosquitto_pub / mosquitto_sub: `pub`: payload sources, QoS, -l, --repeat, -D publish
// properties.
class tst_CliPub : public CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pubEachQosArrivesOnce_data();
    void pubEachQosArrivesOnce();
    void pubLinesAndRepeat();
    void pubPayloadSources_data();
    void pubPayloadSources();
    void pubNullClearsRetained();
    void pubLinesAreStreamed();
    void pubRepeatDelay();
    void publishPropertiesReachSubscriber();
};

void tst_CliPub::initTestCase()
{
    if (!initFixture())
        QSKIP("needs the fixture broker (run through ctest)");
}

void tst_CliPub::pubEachQosArrivesOnce_data()
{
    QTest::addColumn<QString>("qos");
    QTest::addColumn<QString>("version");
    for (const char *v : {"311", "5"}) {
        for (const char *q : {"0", "1", "2"})
            QTest::addRow("qos %s v%s", q, v) << QString::fromLatin1(q) << QString::fromLatin1(v);
    }
}

// Cross-check with mosquitto_sub: every message exactly once, including QoS 1 and 2.
void tst_CliPub::pubEachQosArrivesOnce()
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

void tst_CliPub::pubLinesAndRepeat()
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

void tst_CliPub::pubPayloadSources_data()
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

void tst_CliPub::pubPayloadSources()
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
void tst_CliPub::pubNullClearsRetained()
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
void tst_CliPub::pubLinesAreStreamed()
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

void tst_CliPub::pubRepeatDelay()
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

// -D publish properties under -V 5 reach another client, checked with mosquitto_sub -F.
void tst_CliPub::publishPropertiesReachSubscriber()
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

QTEST_GUILESS_MAIN(tst_CliPub)
#include "tst_clipub.moc"
