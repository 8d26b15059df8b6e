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
// mosquitto_pub / mosquitto_sub: `sub`: output flags (-v, -N, -F, --json, -T, -C, -R,
// --retained-only), -W and -E.
class tst_CliSub : public CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeoutExitCode();
    void exitAfterSubscribe();
    void subJsonParsesBack();
    void filterOutCountVerbose();
    void noEol();
    void retainedFilters_data();
    void retainedFilters();
    void formatCodes_data();
    void formatCodes();
};

void tst_CliSub::initTestCase()
{
    if (!initFixture())
        QSKIP("needs the fixture broker (run through ctest)");
}

void tst_CliSub::timeoutExitCode()
{
    QByteArray err;
    QCOMPARE(run(brokerArgs() + QStringList{"sub", "-t", "tst_cli/never/#", "-W", "1"}, nullptr,
                 &err), 3);
    QVERIFY2(err.contains("Timed out"), err.constData());
}

void tst_CliSub::exitAfterSubscribe()
{
    QCOMPARE(run(brokerArgs() + QStringList{"sub", "-t", "tst_cli/e", "-E", "-W", "10"}), 0);
}

void tst_CliSub::subJsonParsesBack()
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

// -T drops matching topics, -C stops after the count, -v prefixes the topic.
void tst_CliSub::filterOutCountVerbose()
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

void tst_CliSub::noEol()
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

void tst_CliSub::retainedFilters_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("expected"); // sorted output lines
    QTest::newRow("-R skips retained") << "-R" << QStringList{"live"};
    QTest::newRow("--retained-only stops at live") << "--retained-only"
                                                   << QStringList{"old a", "old b"};
}

void tst_CliSub::retainedFilters()
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

void tst_CliSub::formatCodes_data()
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
void tst_CliSub::formatCodes()
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

QTEST_GUILESS_MAIN(tst_CliSub)
#include "tst_clisub.moc"
