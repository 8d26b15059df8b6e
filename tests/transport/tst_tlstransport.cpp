#include "mqttbytes.h"
#include "testbroker.h"
#include "testcertificates.h"
#include "transport/tlstransport.h"
#include "transport/transportoptions.h"
#include "transportdriver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using mqtt::TlsOptions;
using mqtt::TlsTransport;
using mqtt::Transport;

class tst_TlsTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connect_data();
    void connect();
    void byteByByteAndMegabyte();
    void factoryMakesTls();

private:
    bool startBroker(TestBroker &broker, const QString &serverName, bool requireClientCert);
    TestCertificates m_certs;
    QString m_caDir;
};

void tst_TlsTransport::initTestCase()
{
    QVERIFY2(m_certs.generate(), qPrintable(m_certs.error()));
    // An OpenSSL hashed directory holding only the test CA.
    m_caDir = m_certs.path(QStringLiteral("cadir"));
    QVERIFY(QDir().mkpath(m_caDir));
    QVERIFY(QFile::copy(m_certs.caFile(), m_caDir + QStringLiteral("/ca.pem")));
    QProcess rehash;
    rehash.start(QStringLiteral("openssl"), {QStringLiteral("rehash"), m_caDir});
    QVERIFY(rehash.waitForFinished(30000));
    QCOMPARE(rehash.exitCode(), 0);
}

bool tst_TlsTransport::startBroker(TestBroker &broker, const QString &serverName,
                                   bool requireClientCert)
{
    QString config = QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n")
                         .arg(m_certs.caFile(), m_certs.path(serverName + QStringLiteral(".pem")),
                              m_certs.path(serverName + QStringLiteral(".key")));
    if (requireClientCert)
        config += QStringLiteral("require_certificate true\n");
    broker.setListenerConfig(config);
    return broker.start();
}

void tst_TlsTransport::connect_data()
{
    QTest::addColumn<QString>("serverCert");     // "server" or "wrongname"
    QTest::addColumn<bool>("requireClientCert");
    QTest::addColumn<QString>("ca");             // "ca", "otherca", "dir", "missing"
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<bool>("clientCert");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<bool>("opens");
    QTest::addColumn<bool>("connack");
    QTest::addColumn<QStringList>("errorParts");

    const QByteArray pass = TestCertificates::clientKeyPassphrase();
    QTest::newRow("good chain") << "server" << false << "ca" << "localhost" << "" << false
        << false << QByteArray() << true << true << QStringList();
    QTest::newRow("good chain, CA directory") << "server" << false << "dir" << "localhost" << ""
        << false << false << QByteArray() << true << true << QStringList();
    QTest::newRow("IP address checked against SAN") << "server" << false << "ca" << "" << ""
        << false << false << QByteArray() << true << true << QStringList();
    QTest::newRow("wrong CA") << "server" << false << "otherca" << "localhost" << "" << false
        << false << QByteArray() << true << false
        << QStringList{"TLS handshake with localhost:", "certificate verify failed",
                       "self-signed certificate in certificate chain",
                       "CN=MQTT Inspector Test CA", "server certificate: ", "CN=localhost"};
    QTest::newRow("hostname mismatch") << "wrongname" << false << "ca" << "localhost" << ""
        << false << false << QByteArray() << true << false
        << QStringList{"certificate verify failed", "hostname mismatch",
                       "certificate subject: CN=broker.other.example"};
    QTest::newRow("server name override") << "wrongname" << false << "ca" << "localhost"
        << "broker.other.example" << false << false << QByteArray() << true << true << QStringList();
    QTest::newRow("insecure accepts wrong CA") << "server" << false << "otherca" << "localhost"
        << "" << true << false << QByteArray() << true << true << QStringList();
    QTest::newRow("insecure accepts wrong name") << "wrongname" << false << "ca" << "localhost"
        << "" << true << false << QByteArray() << true << true << QStringList();
    QTest::newRow("client certificate required and given") << "server" << true << "ca"
        << "localhost" << "" << false << true << pass << true << true << QStringList();
    QTest::newRow("client certificate required, none given") << "server" << true << "ca"
        << "localhost" << "" << false << false << QByteArray() << true << false
        << QStringList{"localhost"};
    QTest::newRow("client key, wrong passphrase") << "server" << true << "ca" << "localhost" << ""
        << false << true << QByteArray("wrong") << false << false
        << QStringList{"cannot load the client key", "wrong passphrase?"};
    QTest::newRow("missing CA file") << "server" << false << "missing" << "localhost" << ""
        << false << false << QByteArray() << false << false
        << QStringList{"cannot load CA certificates from", "no-such-ca.pem"};
}

void tst_TlsTransport::connect()
{
    QFETCH(QString, serverCert);
    QFETCH(bool, requireClientCert);
    QFETCH(QString, ca);
    QFETCH(QString, hostName);
    QFETCH(QString, serverName);
    QFETCH(bool, insecure);
    QFETCH(bool, clientCert);
    QFETCH(QByteArray, passphrase);
    QFETCH(bool, opens);
    QFETCH(bool, connack);
    QFETCH(QStringList, errorParts);

    TestBroker broker;
    QVERIFY2(startBroker(broker, serverCert, requireClientCert),
             qPrintable(broker.lastError()));

    TlsOptions options;
    options.enabled = true;
    if (ca == QLatin1String("dir"))
        options.caPath = m_caDir;
    else if (ca == QLatin1String("missing"))
        options.caFile = m_certs.path(QStringLiteral("no-such-ca.pem"));
    else
        options.caFile = m_certs.path(ca + QStringLiteral(".pem"));
    options.serverName = serverName;
    options.insecure = insecure;
    if (clientCert) {
        options.certFile = m_certs.clientCert();
        options.keyFile = m_certs.clientKey();
        options.keyPassphrase = passphrase;
    }

    TlsTransport transport(options);
    QCOMPARE(transport.securityWarning().isEmpty(), !insecure);
    const bool opened = transport.open(hostName, QHostAddress::LocalHost, broker.port());
    QCOMPARE(opened, opens);
    if (!opened) {
        for (const QString &part : std::as_const(errorParts))
            QVERIFY2(transport.errorString().contains(part), qPrintable(transport.errorString()));
        QCOMPARE(transport.errorKind(), Transport::ErrorKind::Tls); // the client reports rc 8
        QCOMPARE(transport.fd(), qintptr(-1));
        return;
    }
    QVERIFY(transport.fd() >= 0);
    QVERIFY(!transport.isReady());
    QVERIFY(transport.needsWrite() || transport.fd() >= 0);

    TransportDriver driver(transport);
    driver.send(mqttbytes::connect("tst_tls"));
    const bool got = driver.runUntilPackets(1, 15000);
    if (connack) {
        QVERIFY2(got, qPrintable(driver.error() + QStringLiteral("\nbroker log:\n") + broker.logText()));
        QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
        QVERIFY(transport.isReady());
        QVERIFY(transport.protocolVersion().startsWith(QLatin1String("TLSv1.")));
        const QString expectedCn = serverCert == QLatin1String("server")
                                       ? QStringLiteral("CN=localhost")
                                       : QStringLiteral("CN=broker.other.example");
        QVERIFY2(transport.peerCertificateSubject().contains(expectedCn),
                 qPrintable(transport.peerCertificateSubject()));
    } else {
        QVERIFY(!got);
        QVERIFY2(driver.status() != Transport::Status::Ok, qPrintable(driver.error()));
        QVERIFY(!driver.error().contains(QLatin1String("timed out")));
        for (const QString &part : std::as_const(errorParts))
            QVERIFY2(driver.error().contains(part), qPrintable(driver.error()));
        QVERIFY2(transport.errorKind() == Transport::ErrorKind::Tls, qPrintable(driver.error()));
    }
}

void tst_TlsTransport::byteByByteAndMegabyte()
{
    TestBroker broker;
    QVERIFY2(startBroker(broker, QStringLiteral("server"), false), qPrintable(broker.lastError()));
    TlsOptions options;
    options.enabled = true;
    options.caFile = m_certs.caFile();
    options.alpn = {QStringLiteral("mqtt")};   // mosquitto 2.0.11 ignores ALPN; must not hurt
    TlsTransport transport(options);
    QVERIFY2(transport.open(QStringLiteral("localhost"), QHostAddress::LocalHost, broker.port()),
             qPrintable(transport.errorString()));
    TransportDriver driver(transport);

    // Each write() of one byte becomes its own TLS record.
    driver.setWriteChunk(1);
    driver.send(mqttbytes::connect("tst_tls_mb"));
    driver.send(mqttbytes::subscribe(7, "tst/tls/mb"));
    QVERIFY2(driver.runUntilPackets(2), qPrintable(driver.error()));
    QCOMPARE(driver.takePacket().toHex(), mqttbytes::connackAccepted().toHex());
    QCOMPARE(driver.takePacket().toHex(), QByteArray("9003000700"));

    driver.setWriteChunk(0);
    QByteArray payload(1024 * 1024 + 3, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 13 + (i >> 9)) & 0xff);
    driver.send(mqttbytes::publish("tst/tls/mb", payload));
    QVERIFY2(driver.runUntilPackets(1, 30000), qPrintable(driver.error()));
    const QByteArray received = mqttbytes::publishPayload(driver.takePacket());
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
    QVERIFY(transport.negotiatedAlpn().isEmpty());
}

void tst_TlsTransport::factoryMakesTls()
{
    mqtt::TransportOptions options;
    QCOMPARE(mqtt::createTransport(options)->name(), QStringLiteral("tcp"));
    options.tls.enabled = true;
    QCOMPARE(mqtt::createTransport(options)->name(), QStringLiteral("tls"));
    options.webSocket.enabled = true;
    QCOMPARE(mqtt::createTransport(options)->name(), QStringLiteral("wss"));
    options.tls.enabled = false;
    QCOMPARE(mqtt::createTransport(options)->name(), QStringLiteral("ws"));
}

QTEST_GUILESS_MAIN(tst_TlsTransport)
#include "tst_tlstransport.moc"
