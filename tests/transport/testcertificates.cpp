#include "testcertificates.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

TestCertificates::TestCertificates() = default;

bool TestCertificates::run(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2%3")
                      .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                           QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TestCertificates::makeCa(const QString &name, const QString &subject)
{
    return run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", name + ".key", "-out", name + ".pem", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"});
}

bool TestCertificates::makeLeaf(const QString &name, const QString &subject,
                                const QString &extensions, const QStringList &keyArguments)
{
    QFile ext(path(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write(extensions.toUtf8());
    ext.close();
    QStringList request = {"req", "-newkey", "rsa:2048", "-keyout", name + ".key",
                           "-out", name + ".csr", "-subj", subject};
    request += keyArguments.isEmpty() ? QStringList{"-nodes"} : keyArguments;
    return run(request)
           && run({"x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                   "-CAcreateserial", "-days", "2", "-out", name + ".pem",
                   "-extfile", name + ".ext"});
}

bool TestCertificates::generate()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    return makeCa("ca", "/CN=MQTT Inspector Test CA")
           && makeCa("otherca", "/CN=Unrelated Test CA")
           && makeLeaf("server", "/CN=localhost/O=Test Broker",
                       "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                       "extendedKeyUsage=serverAuth\n")
           && makeLeaf("wrongname", "/CN=broker.other.example",
                       "subjectAltName=DNS:broker.other.example\n"
                       "extendedKeyUsage=serverAuth\n")
           && makeLeaf("client", "/CN=test-client",
                       "extendedKeyUsage=clientAuth\n",
                       {"-passout", "pass:" + QString::fromLatin1(clientKeyPassphrase())});
}

QSslConfiguration TestCertificates::serverSslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(QSslCertificate::fromPath(serverCert()));
    QFile keyFile(serverKey());
    if (keyFile.open(QIODevice::ReadOnly))
        config.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}
