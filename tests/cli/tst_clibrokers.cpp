#include "capture/sessionreader.h"
#include "cliprocess.h"
#include "peerclient.h"
#include "testbroker.h"
#include "testcertificates.h"
#include "websocketbridge.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSslKey>
#include <QTest>

#include <memory>

// mqtt-inspector-cli against brokers of its own: a TLS listener with certificates made by
// the openssl command, ws/wss through a WebSocketBridge, a password file, the broker's own
// log (client id, keepalive), and a broker that stops and comes back.
class tst_CliBrokers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tlsFlags_data();
    void tlsFlags();
    void urlSchemes_data();
    void urlSchemes();
    void credentials_data();
    void credentials();
    void connectFlagsInBrokerLog_data();
    void connectFlagsInBrokerLog();
    void subReconnectsAfterBrokerRestart_data();
    void subReconnectsAfterBrokerRestart();
    void noReconnectExits();
    void refusedOnReconnectExits();

private:
    bool startTlsBroker(TestBroker &broker, bool requireClientCert);
    bool startPasswordBroker(TestBroker &broker);

    TestCertificates m_certs;
    QString m_caDir;
    QString m_plainClientKey;
    QTemporaryDir m_dir;
};

void tst_CliBrokers::initTestCase()
{
    QVERIFY2(m_certs.generate(), qPrintable(m_certs.error()));
    // --key takes an unencrypted key (there is no passphrase flag, as with mosquitto_sub's
    // non-interactive use).
    m_plainClientKey = m_dir.filePath("client-plain.key");
    QCOMPARE(QProcess::execute("openssl", {"pkey", "-in", m_certs.clientKey(), "-passin",
                                           "pass:" + TestCertificates::clientKeyPassphrase(),
                                           "-out", m_plainClientKey}), 0);
    // --capath wants an OpenSSL hashed directory.
    m_caDir = m_dir.filePath("cadir");
    QVERIFY(QDir().mkpath(m_caDir));
    QVERIFY(QFile::copy(m_certs.caFile(), m_caDir + "/ca.pem"));
    QCOMPARE(QProcess::execute("openssl", {"rehash", m_caDir}), 0);
}

bool tst_CliBrokers::startTlsBroker(TestBroker &broker, bool requireClientCert)
{
    QString config = QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n")
                             .arg(m_certs.caFile(), m_certs.serverCert(), m_certs.serverKey());
    if (requireClientCert)
        config += QStringLiteral("require_certificate true\n");
    broker.setListenerConfig(config);
    return broker.start();
}

bool tst_CliBrokers::startPasswordBroker(TestBroker &broker)
{
    const QString passwd = m_dir.filePath("passwd");
    QFile::remove(passwd);
    if (QProcess::execute("mosquitto_passwd", {"-b", "-c", passwd, "alice", "right pw"}) != 0)
        return false;
    broker.setListenerConfig(QStringLiteral("allow_anonymous false\npassword_file %1\n")
                                     .arg(passwd));
    return broker.start();
}


void tst_CliBrokers::tlsFlags_data()
{
    QTest::addColumn<bool>("requireClientCert");
    QTest::addColumn<QStringList>("args"); // @CA@ @OTHERCA@ @CADIR@ @CERT@ @KEY@
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrMentions");
    QTest::newRow("--cafile") << false << QStringList{"--cafile", "@CA@"} << 0 << QString();
    QTest::newRow("--capath") << false << QStringList{"--capath", "@CADIR@"} << 0 << QString();
    QTest::newRow("wrong CA") << false << QStringList{"--cafile", "@OTHERCA@"} << 1
                              << "certificate verify failed";
    QTest::newRow("--insecure, wrong CA") << false
                                          << QStringList{"--cafile", "@OTHERCA@", "--insecure"}
                                          << 0 << QString();
    QTest::newRow("client cert required, none") << true << QStringList{"--cafile", "@CA@"} << 1
                                                << "Error";
    QTest::newRow("--cert --key") << true
                                  << QStringList{"--cafile", "@CA@", "--cert", "@CERT@",
                                                 "--key", "@KEY@"}
                                  << 0 << QString();
}

// The TLS flags against mosquitto's TLS listener: a QoS 1 message goes through when the
// handshake must succeed; the command exits 1 with the reason when it must not.
void tst_CliBrokers::tlsFlags()
{
    QFETCH(bool, requireClientCert);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrMentions);
    args.replaceInStrings("@CA@", m_certs.caFile());
    args.replaceInStrings("@OTHERCA@", m_certs.otherCaFile());
    args.replaceInStrings("@CADIR@", m_caDir);
    args.replaceInStrings("@CERT@", m_certs.clientCert());
    args.replaceInStrings("@KEY@", m_plainClientKey);
    TestBroker broker;
    QVERIFY2(startTlsBroker(broker, requireClientCert), qPrintable(broker.lastError()));
    const QStringList conn{"-h", "localhost", "-p", QString::number(broker.port())};
    QByteArray out;
    QByteArray err;
    if (exitCode != 0) {
        QCOMPARE(CliProcess::run(conn + QStringList{"sub", "-t", "t", "-E"} + args, &out, &err),
                 exitCode);
        QVERIFY2(err.contains(stderrMentions.toUtf8()), err.constData());
        return;
    }
    CliProcess sub;
    sub.start(conn + QStringList{"sub", "-t", "tls/#", "-q", "1", "-C", "1", "-W", "20", "-v",
                                 "-d"} + args);
    QVERIFY2(sub.waitForStderr("Received SUBACK"), sub.err().constData());
    QCOMPARE(CliProcess::run(conn + QStringList{"pub", "-t", "tls/x", "-m", "secret", "-q", "1"}
                                     + args, &out, &err), 0);
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.out(), QByteArray("tls/x secret\n"));
    if (args.contains("--insecure")) {
        QVERIFY2(sub.err().contains("insecure") || sub.err().contains("Insecure")
                         || sub.err().contains("verification"), sub.err().constData());
        // Without -d too: disabled verification is always said on stderr.
        QVERIFY2(err.contains("Warning: TLS certificate verification is disabled (--insecure)"),
                 err.constData());
    } else {
        QVERIFY2(!err.contains("verification is disabled"), err.constData());
    }
}

void tst_CliBrokers::urlSchemes_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("mqtt") << "mqtt";
    QTest::newRow("mqtts") << "mqtts";
    QTest::newRow("ws") << "ws";
    QTest::newRow("wss") << "wss";
}

// -L scheme://host:port/topic: the topic comes from the URL, for sub and pub alike.
void tst_CliBrokers::urlSchemes()
{
    QFETCH(QString, scheme);
    const bool tls = scheme.endsWith(u's');
    const bool ws = scheme.startsWith(u'w');
    TestBroker broker;
    std::unique_ptr<WebSocketBridge> bridge;
    quint16 port = 0;
    if (ws) {
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        bridge = std::make_unique<WebSocketBridge>(broker.port(),
                                                   tls ? m_certs.serverSslConfiguration() : QSslConfiguration());
        QVERIFY2(bridge->listen(), qPrintable(bridge->errorString()));
        port = bridge->port();
    } else {
        QVERIFY2(tls ? startTlsBroker(broker, false) : broker.start(),
                 qPrintable(broker.lastError()));
        port = broker.port();
    }
    // For ws/wss the URL path is the HTTP request path, so the topic comes from -t.
    const QString url = ws ? QStringLiteral("%1://localhost:%2/mqtt").arg(scheme).arg(port)
                           : QStringLiteral("%1://localhost:%2/url/topic").arg(scheme).arg(port);
    QStringList extra = tls ? QStringList{"--cafile", m_certs.caFile()} : QStringList();
    if (ws)
        extra << "-t" << "url/topic";
    CliProcess sub;
    sub.start(QStringList{"sub", "-L", url, "-q", "1", "-C", "1", "-W", "20", "-v", "-d"}
              + extra);
    QVERIFY2(sub.waitForStderr("Received SUBACK"), sub.err().constData());
    // The bridge lives in this process: CliProcess keeps serving it while pub runs.
    CliProcess pub;
    pub.start(QStringList{"pub", "-L", url, "-m", "via " + scheme, "-q", "1"} + extra);
    QVERIFY(pub.waitForFinished());
    QCOMPARE(pub.exitCode(), 0);
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.out(), ("url/topic via " + scheme + "\n").toUtf8());
    if (ws)
        QCOMPARE(bridge->lastRequestPath(), QStringLiteral("/mqtt"));
}

void tst_CliBrokers::credentials_data()
{
    QTest::addColumn<QStringList>("args"); // @PORT@
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrMentions");
    QTest::newRow("-u -P") << QStringList{"-u", "alice", "-P", "right pw"} << 0 << QString();
    QTest::newRow("-L user:pass@") << QStringList{"-L", "mqtt://alice:right%20pw@127.0.0.1:@PORT@/t"}
                                   << 0 << QString();
    QTest::newRow("wrong password 3.1.1") << QStringList{"-u", "alice", "-P", "wrong"} << 1
                                          << "Connection error: Connection Refused: not authorised.";
    QTest::newRow("anonymous 3.1.1") << QStringList{} << 1
                                     << "Connection error: Connection Refused: not authorised.";
    QTest::newRow("wrong password 5") << QStringList{"-V", "5", "-u", "alice", "-P", "wrong"} << 1
                                      << "Connection error: Not authorized";
}

// -u/-P against a password file: accepted, or refused with the CONNACK's own words.
void tst_CliBrokers::credentials()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrMentions);
    TestBroker broker;
    QVERIFY2(startPasswordBroker(broker), qPrintable(broker.lastError()));
    args.replaceInStrings("@PORT@", QString::number(broker.port()));
    QStringList conn;
    if (!args.contains("-L"))
        conn = QStringList{"-h", "127.0.0.1", "-p", QString::number(broker.port()), "-t", "t"};
    QByteArray err;
    QCOMPARE(CliProcess::run(QStringList{"sub", "-E"} + conn + args, nullptr, &err), exitCode);
    QVERIFY2(err.contains(stderrMentions.toUtf8()), err.constData());
}

void tst_CliBrokers::connectFlagsInBrokerLog_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("logPattern"); // mosquitto's "New client connected" line
    QTest::newRow("-i -k") << QStringList{"-i", "cli-id-1", "-k", "17"}
                           << "as cli-id-1 \\(p2, c1, k17\\)";
    QTest::newRow("-I") << QStringList{"-I", "cli-pre-"} << "as cli-pre-[0-9]+ \\(p2, c1, k60\\)";
    QTest::newRow("-V 5 -c -x") << QStringList{"-V", "5", "-i", "cli-id-2", "-c", "-x", "30"}
                                << "as cli-id-2 \\(p5, c0, k60\\)";
    QTest::newRow("-c 3.1.1") << QStringList{"-i", "cli-id-3", "-c", "-k", "0"}
                              << "as cli-id-3 \\(p2, c0, k0\\)";
}

// What the broker itself logs about our CONNECT: client id, protocol, clean flag, keepalive.
void tst_CliBrokers::connectFlagsInBrokerLog()
{
    QFETCH(QStringList, args);
    QFETCH(QString, logPattern);
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    QCOMPARE(CliProcess::run(QStringList{"sub", "-h", "127.0.0.1", "-p",
                                         QString::number(broker.port()), "-t", "t", "-E"}
                             + args), 0);
    const QRegularExpression re(logPattern);
    QTRY_VERIFY2(re.match(broker.logText()).hasMatch(), qPrintable(broker.logText()));
}

void tst_CliBrokers::subReconnectsAfterBrokerRestart_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("sub") << "sub";
    QTest::newRow("record") << "record";
}

// mosquitto_sub keeps going when the broker goes away; so do sub and record: back-off,
// notices on stderr with -d, the filters asked for again, and messages after the restart.
void tst_CliBrokers::subReconnectsAfterBrokerRestart()
{
    QFETCH(QString, command);
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    const QString file = m_dir.filePath("reconnect.jsonl");
    QStringList args{command, "-h", "127.0.0.1", "-p", QString::number(broker.port()), "-t",
                     "rc/#", "-q", "1", "-C", "2", "-W", "60", "-d"};
    if (command == u"record")
        args << file;
    CliProcess sub;
    sub.start(args);
    QVERIFY2(sub.waitForStderr("Received SUBACK"), sub.err().constData());
    {
        PeerClient peer;
        QVERIFY(peer.connectTo(broker.port()));
        QVERIFY(peer.publish("rc/a", "before"));
    }
    if (command == u"sub")
        QVERIFY(sub.waitForStdout("before\n"));
    broker.stop();
    QVERIFY2(sub.waitForStderr("Connection lost"), sub.err().constData());
    QVERIFY2(sub.waitForStderr("Reconnecting to mqtt://127.0.0.1:"), sub.err().constData());
    QVERIFY(sub.isRunning());
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    QVERIFY2(sub.waitForStderr("Reconnected to", 40000), sub.err().constData());
    // The broker forgot the session: the socket loop subscribes again.
    QTRY_COMPARE_WITH_TIMEOUT(sub.err().count("Received SUBACK"), 2, 15000);
    PeerClient peer;
    QVERIFY(peer.connectTo(broker.port()));
    QVERIFY(peer.publish("rc/b", "after"));
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 0);
    if (command == u"sub") {
        QCOMPARE(sub.out(), QByteArray("before\nafter\n"));
    } else {
        QList<mqtt::SessionEvent> events;
        mqtt::SessionHeader header;
        QString error;
        QVERIFY2(mqtt::SessionReader::readAll(file, &header, &events, &error),
                 qPrintable(error));
        QStringList payloads;
        int connected = 0;
        for (const mqtt::SessionEvent &e : std::as_const(events)) {
            if (e.type == mqtt::SessionEvent::Type::Received)
                payloads << QString::fromUtf8(e.payload);
            if (e.type == mqtt::SessionEvent::Type::Connection && e.connectionEvent == u"connected")
                ++connected;
        }
        QCOMPARE(payloads, (QStringList{"before", "after"}));
        QCOMPARE(connected, 2);
    }
}

void tst_CliBrokers::noReconnectExits()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    CliProcess sub;
    sub.start({"sub", "-h", "127.0.0.1", "-p", QString::number(broker.port()), "-t", "x",
               "--no-reconnect", "-d"});
    QVERIFY2(sub.waitForStderr("Received SUBACK"), sub.err().constData());
    broker.stop();
    QVERIFY(sub.waitForFinished());
    QCOMPARE(sub.exitCode(), 1);
    QVERIFY2(sub.err().contains("Connection lost: "), sub.err().constData());
    QVERIFY(!sub.err().contains("Reconnecting"));
}

// The broker comes back refusing us: a refusal is final, exit 1 with the CONNACK string.
void tst_CliBrokers::refusedOnReconnectExits()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    CliProcess sub;
    sub.start({"sub", "-h", "127.0.0.1", "-p", QString::number(broker.port()), "-t", "x", "-d"});
    QVERIFY2(sub.waitForStderr("Received SUBACK"), sub.err().constData());
    broker.stop();
    QVERIFY2(sub.waitForStderr("Reconnecting"), sub.err().constData());
    QVERIFY2(startPasswordBroker(broker), qPrintable(broker.lastError()));
    QVERIFY(sub.waitForFinished(60000));
    QCOMPARE(sub.exitCode(), 1);
    QVERIFY2(sub.err().contains("Connection error: Connection Refused: not authorised."),
             sub.err().constData());
}

QTEST_GUILESS_MAIN(tst_CliBrokers)
#include "tst_clibrokers.moc"
