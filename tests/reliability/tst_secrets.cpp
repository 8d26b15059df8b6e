// Security, end to end through mqtt-inspector-cli against real mosquitto brokers:
// - a password given with -P or inside -L never shows up in stdout, the -d log, the session
//   file, or any file the process writes under its HOME / XDG dirs (where QSettings would put
//   a settings file), not even percent-encoded or in base64;
// - TLS verifies by default: a broker with a self-signed certificate is refused unless the user
//   trusts that certificate (--cafile) or turns verification off (--insecure, which warns).
// Certificate chains, CA directories, hostname checks and client certificates at the
// transport level are in tests/transport/tst_tlstransport.cpp, the CLI's TLS flags with a
// private CA in tests/cli/tst_clibrokers.cpp; this adds the default (no CA given) case.
#include "capture/sessionreader.h"
#include "testbroker.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kSecret = QByteArrayLiteral("Hunter2-xyzzy-s3cr3t");

QStringList forms(const QByteArray &secret)
{
    return {QString::fromLatin1(secret), QString::fromLatin1(secret.toPercentEncoding()),
            QString::fromLatin1(secret.toBase64()),
            QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding))};
}

// Every file under `dir` that contains one of `needles`.
QStringList filesContaining(const QString &dir, const QStringList &needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        for (const QString &n : needles) {
            if (content.contains(n.toUtf8()))
                hits << path;
        }
    }
    return hits;
}

} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void passwordStaysOutOfOutput_data();
    void passwordStaysOutOfOutput();
    void tlsVerifiesByDefault_data();
    void tlsVerifiesByDefault();

private:
    QProcessEnvironment isolatedEnvironment(const QString &home) const;
    QTemporaryDir m_dir;
    TestBroker m_plain; // password required
    TestBroker m_tls;   // self-signed certificate
    QString m_cert;
};

void tst_Secrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString passwd = m_dir.filePath(QStringLiteral("passwd"));
    QProcess p;
    p.start(QStringLiteral("mosquitto_passwd"),
            {QStringLiteral("-b"), QStringLiteral("-c"), passwd, QStringLiteral("alice"),
             QString::fromLatin1(kSecret)});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    m_plain.setListenerConfig(QStringLiteral("allow_anonymous false\npassword_file %1\n").arg(passwd));
    QVERIFY2(m_plain.start(), qPrintable(m_plain.lastError()));

    // A self-signed certificate for localhost / 127.0.0.1: no CA anywhere vouches for it.
    m_cert = m_dir.filePath(QStringLiteral("selfsigned.pem"));
    const QString key = m_dir.filePath(QStringLiteral("selfsigned.key"));
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
             QStringLiteral("-keyout"), key, QStringLiteral("-out"), m_cert});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    m_tls.setListenerConfig(QStringLiteral("certfile %1\nkeyfile %2\n").arg(m_cert, key));
    QVERIFY2(m_tls.start(), qPrintable(m_tls.lastError()));
}

QProcessEnvironment tst_Secrets::isolatedEnvironment(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
    return env;
}

void tst_Secrets::passwordStaysOutOfOutput_data()
{
    QTest::addColumn<QStringList>("credentials"); // %1 = port
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("accepted");
    const QString host = QStringLiteral("127.0.0.1");
    QTest::newRow("-u -P") << QStringList{"-h", host, "-p", "%1", "-u", "alice", "-P",
                                          QString::fromLatin1(kSecret)}
                           << kSecret << true;
    QTest::newRow("password in -L") << QStringList{"-L", "mqtt://alice:" + QString::fromLatin1(kSecret.toPercentEncoding()) + "@127.0.0.1:%1/rel/secret"}
                                    << kSecret << true;
    QTest::newRow("-V 5") << QStringList{"-h", host, "-p", "%1", "-u", "alice", "-P",
                                         QString::fromLatin1(kSecret), "-V", "5"}
                          << kSecret << true;
    const QByteArray wrong = QByteArrayLiteral("Wrong-pass-k9q7z");
    QTest::newRow("refused password") << QStringList{"-h", host, "-p", "%1", "-u", "alice",
                                                     "-P", QString::fromLatin1(wrong)}
                                      << wrong << false;
}

void tst_Secrets::passwordStaysOutOfOutput()
{
    QFETCH(QStringList, credentials);
    QFETCH(QByteArray, secret);
    QFETCH(bool, accepted);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    for (QString &a : credentials)
        a.replace(QLatin1String("%1"), QString::number(m_plain.port()));
    const QString record = home.filePath(QStringLiteral("rec.jsonl"));

    QProcess sub;
    sub.setProcessEnvironment(isolatedEnvironment(home.path()));
    sub.setWorkingDirectory(home.path());
    QStringList args{QStringLiteral("sub")};
    args << credentials;
    if (!credentials.contains(QStringLiteral("-L")))
        args << QStringLiteral("-t") << QStringLiteral("rel/secret");
    args << QStringLiteral("-C") << QStringLiteral("1") << QStringLiteral("-W")
         << QStringLiteral("15") << QStringLiteral("-d") << QStringLiteral("-v")
         << QStringLiteral("--record") << record;
    sub.start(QStringLiteral(MQTTI_CLI_PATH), args);
    QByteArray out, err;
    if (accepted) {
        QElapsedTimer t;
        t.start();
        while (!err.contains("Received SUBACK") && t.elapsed() < 10000
               && sub.state() != QProcess::NotRunning) {
            sub.waitForReadyRead(100);
            err += sub.readAllStandardError();
            out += sub.readAllStandardOutput();
        }
        QVERIFY2(err.contains("Received SUBACK"), err.constData());
        QProcess pub;
        pub.start(QStringLiteral("mosquitto_pub"),
                  {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                   QString::number(m_plain.port()), QStringLiteral("-u"), QStringLiteral("alice"),
                   QStringLiteral("-P"), QString::fromLatin1(kSecret), QStringLiteral("-t"),
                   QStringLiteral("rel/secret"), QStringLiteral("-m"), QStringLiteral("hello")});
        QVERIFY(pub.waitForFinished(10000));
        QCOMPARE(pub.exitCode(), 0);
    }
    QVERIFY(sub.waitForFinished(20000));
    out += sub.readAllStandardOutput();
    err += sub.readAllStandardError();
    if (accepted) {
        QVERIFY2(sub.exitCode() == 0, err.constData());
        QVERIFY2(out.contains("hello"), out.constData());
        QVERIFY(err.contains("Sending CONNECT")); // the -d log really ran
    } else {
        QVERIFY2(sub.exitCode() == 1, err.constData());
    }

    const QStringList needles = forms(secret);
    for (const QString &n : needles) {
        QVERIFY2(!out.contains(n.toUtf8()), qPrintable(QStringLiteral("stdout has %1").arg(n)));
        QVERIFY2(!err.contains(n.toUtf8()),
                 qPrintable(QStringLiteral("stderr (-d log) has %1:\n%2")
                                .arg(n, QString::fromUtf8(err))));
    }
    if (accepted) {
        QVERIFY(QFile::exists(record));
        QString error;
        mqtt::SessionHeader header;
        QList<mqtt::SessionEvent> events;
        QVERIFY2(mqtt::SessionReader::readAll(record, &header, &events, &error), qPrintable(error));
        QVERIFY(!events.isEmpty());
    }
    const QStringList hits = filesContaining(home.path(), needles);
    QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("secret written to: ") + hits.join(QLatin1String(", "))));
}

void tst_Secrets::tlsVerifiesByDefault_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrNeedle");
    QTest::newRow("default: refused") << QStringList{} << 1 << QStringLiteral("certificate");
    QTest::newRow("user trusts the certificate") << QStringList{QStringLiteral("--cafile"), QStringLiteral("%cert")}
                                                 << 0 << QString();
    QTest::newRow("--insecure: accepted, with a warning")
        << QStringList{QStringLiteral("--insecure"), QStringLiteral("-d")} << 0
        << QStringLiteral("insecure"); // the CLI prints core warnings with -d only
}

void tst_Secrets::tlsVerifiesByDefault()
{
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrNeedle);
    for (QString &a : extra)
        a.replace(QLatin1String("%cert"), m_cert);
    QProcess sub;
    sub.start(QStringLiteral(MQTTI_CLI_PATH),
              QStringList{QStringLiteral("sub"), QStringLiteral("-L"),
                          QStringLiteral("mqtts://localhost:%1/rel/tls").arg(m_tls.port()),
                          QStringLiteral("-E"), QStringLiteral("-W"), QStringLiteral("10"),
                          QStringLiteral("--no-reconnect")}
                  + extra);
    QVERIFY(sub.waitForFinished(20000));
    const QByteArray err = sub.readAllStandardError();
    QVERIFY2(sub.exitCode() == exitCode,
             qPrintable(QStringLiteral("exit %1: %2").arg(sub.exitCode()).arg(QString::fromUtf8(err))));
    if (!stderrNeedle.isEmpty())
        QVERIFY2(QString::fromUtf8(err).contains(stderrNeedle, Qt::CaseInsensitive), err.constData());
    if (exitCode != 0)
        QVERIFY2(!m_tls.logText().contains(QLatin1String("New client connected")),
                 "an MQTT session was established with an unverified broker");
}

QTEST_MAIN(tst_Secrets)
#include "tst_secrets.moc"
