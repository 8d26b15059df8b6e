#include "capture/sessionreader.h"
#include "testbroker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

private:
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

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
