#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

// Certificates generated with the `openssl` command into a temporary directory:
// a CA, a server certificate from it for "localhost" / 127.0.0.1, a server certificate for
// another name, a client certificate from the same CA with a passphrase-protected key, and an
// unrelated second CA.
class TestCertificates
{
public:
    TestCertificates();

    bool generate();   // false with error() when openssl failed
    QString error() const { return m_error; }

    QString path(const QString &fileName) const { return m_dir.filePath(fileName); }
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString otherCaFile() const { return path(QStringLiteral("otherca.pem")); }
    QString serverCert() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    QString wrongNameCert() const { return path(QStringLiteral("wrongname.pem")); }
    QString wrongNameKey() const { return path(QStringLiteral("wrongname.key")); }
    QString clientCert() const { return path(QStringLiteral("client.pem")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }   // encrypted
    // The server certificate and key for a Qt TLS server (the WebSocket bridge, fake brokers).
    QSslConfiguration serverSslConfiguration() const;
    static QByteArray clientKeyPassphrase() { return QByteArrayLiteral("s3cret pass"); }

private:
    bool run(const QStringList &arguments);
    bool makeCa(const QString &name, const QString &subject);
    bool makeLeaf(const QString &name, const QString &subject, const QString &extensions,
                  const QStringList &keyArguments = {});

    QTemporaryDir m_dir;
    QString m_error;
};
