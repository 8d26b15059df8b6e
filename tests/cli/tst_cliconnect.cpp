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
// mosquitto_pub / mosquitto_sub: flags common to every command: exit codes, sessions (-c), wills,
// -D connect/subscribe, -d.
class tst_CliConnect : public CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageExitCode();
    void connectionRefusedExitCode();
    void persistentSession_data();
    void persistentSession();
    void willOnKill_data();
    void willOnKill();
    void connectAndSubscribePropertiesReachBroker();
    void debugPrintsCoreLog();
};

void tst_CliConnect::initTestCase()
{
    if (!initFixture())
        QSKIP("needs the fixture broker (run through ctest)");
}

void tst_CliConnect::usageExitCode()
{
    QByteArray err;
    QCOMPARE(run({"sub", "-t", "a/#/b"}, nullptr, &err), 2);
    QVERIFY2(err.contains("-t:"), err.constData());
    QCOMPARE(run({"pub", "-t", "a", "-m", "x", "-D", "publish", "nope", "1", "-V", "5"},
                 nullptr, &err), 2);
    QVERIFY2(err.contains("nope"), err.constData());
    QCOMPARE(run({"--version"}), 0);
}

void tst_CliConnect::connectionRefusedExitCode()
{
    QByteArray err;
    const quint16 closed = TestBroker::freePort();
    QCOMPARE(run({"sub", "-h", "127.0.0.1", "-p", QString::number(closed), "-t", "a"}, nullptr,
                 &err), 1);
    QVERIFY2(err.contains("could not connect"), err.constData());
}

void tst_CliConnect::persistentSession_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("resumed");
    QTest::newRow("3.1.1 -c") << QStringList{"-c"} << true;
    QTest::newRow("3.1.1 clean") << QStringList{} << false;
    QTest::newRow("5 -c -x 60") << QStringList{"-V", "5", "-c", "-x", "60"} << true;
    QTest::newRow("5 -c, no -x (expiry 0)") << QStringList{"-V", "5", "-c"} << false;
}

// -c with -i: a QoS 1 message published while the CLI was away arrives when it comes back.
void tst_CliConnect::persistentSession()
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

void tst_CliConnect::willOnKill_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("3.1.1") << "311";
    QTest::newRow("5 with will properties") << "5";
}

// kill -9 the CLI: the broker publishes its will, retained.
void tst_CliConnect::willOnKill()
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

// -D connect and -D subscribe under -V 5, seen through what the broker does with them:
// Maximum Packet Size makes it drop a larger message for us, the Subscription Identifier
// comes back on each delivery (shown by %J).
void tst_CliConnect::connectAndSubscribePropertiesReachBroker()
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
void tst_CliConnect::debugPrintsCoreLog()
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

QTEST_GUILESS_MAIN(tst_CliConnect)
#include "tst_cliconnect.moc"
