#include "connection.h"
#include "connectiondiagnosis.h"
#include "testbroker.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using mqtt::ProtocolVersion;

// Every refusal explained: a table row for each CONNACK code (3.1.1 1-5, every 5.0 code
// 0x80-0x9F), broker DISCONNECT reasons and the transports' failures; then the real thing
// against mosquitto (a wrong password, for 3.1.1 and 5.0) and a closed port.
class tst_ConnectionDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connack311_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("cause");
        QTest::newRow("1 protocol version") << 1 << QStringLiteral("does not speak this MQTT version");
        QTest::newRow("2 identifier") << 2 << QStringLiteral("rejected the client ID");
        QTest::newRow("3 unavailable") << 3 << QStringLiteral("service is unavailable");
        QTest::newRow("4 credentials") << 4 << QStringLiteral("user name or password is wrong");
        QTest::newRow("5 not authorised") << 5 << QStringLiteral("does not allow this client");
        QTest::newRow("6 undefined") << 6 << QStringLiteral("which MQTT 3.1.1 does not define");
    }
    void connack311()
    {
        QFETCH(int, code);
        QFETCH(QString, cause);
        const Diagnosis d = ConnectionDiagnosis::connack(ProtocolVersion::V311, code);
        QVERIFY2(d.cause.contains(cause), qPrintable(d.cause));
        QVERIFY(!d.advice.isEmpty());
        QCOMPARE(d.text(), d.cause + QStringLiteral(" Try: ") + d.advice);
    }

    void connack5_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("cause");
        const QList<QPair<int, QString>> rows = {
            {0x80, "without saying why"}, {0x81, "Malformed Packet"}, {0x82, "protocol error"},
            {0x83, "Implementation specific"}, {0x84, "does not support MQTT 5.0"},
            {0x85, "client ID"}, {0x86, "user name or password is wrong"},
            {0x87, "not authorized"}, {0x88, "unavailable"}, {0x89, "too busy"},
            {0x8A, "banned"}, {0x8C, "authentication method"}, {0x90, "will topic"},
            {0x95, "larger than the broker accepts"}, {0x97, "quota"},
            {0x99, "Payload Format Indicator"}, {0x9A, "retained"}, {0x9B, "QoS"},
            {0x9C, "another server"}, {0x9D, "moved"}, {0x9F, "connection rate"}};
        QSet<int> named;
        for (const auto &[code, cause] : rows) {
            QTest::newRow(qPrintable(QStringLiteral("0x%1").arg(code, 0, 16))) << code << cause;
            named.insert(code);
        }
        // The codes 5.0 does not define for CONNACK still get an explanation.
        for (int code = 0x80; code <= 0x9F; ++code) {
            if (!named.contains(code))
                QTest::newRow(qPrintable(QStringLiteral("0x%1 undefined").arg(code, 0, 16)))
                    << code << QStringLiteral("does not define for CONNACK");
        }
    }
    void connack5()
    {
        QFETCH(int, code);
        QFETCH(QString, cause);
        const Diagnosis d = ConnectionDiagnosis::connack(ProtocolVersion::V5, code);
        QVERIFY2(d.cause.contains(cause, Qt::CaseInsensitive), qPrintable(d.cause));
        QVERIFY(!d.advice.isEmpty());
    }

    void disconnect_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("cause");
        QTest::newRow("0x8E session taken over") << 0x8E << QString()
            << QStringLiteral("Another client connected with the same client ID");
        QTest::newRow("0x9C use another server") << 0x9C << QStringLiteral("mqtt://b2:1883")
            << QStringLiteral("use another server: mqtt://b2:1883");
        QTest::newRow("0x9D moved") << 0x9D << QStringLiteral("b3.example")
            << QStringLiteral("moved to b3.example");
        QTest::newRow("0x9C without reference") << 0x9C << QString()
            << QStringLiteral("(no Server Reference was sent)");
        QTest::newRow("0x8D keep alive") << 0x8D << QString() << QStringLiteral("keep alive");
        QTest::newRow("0x8B shutting down") << 0x8B << QString() << QStringLiteral("shutting down");
        QTest::newRow("0x87 not authorized") << 0x87 << QString() << QStringLiteral("no longer authorized");
        QTest::newRow("0x97 quota") << 0x97 << QString() << QStringLiteral("quota");
        QTest::newRow("0x98 administrative") << 0x98 << QString() << QStringLiteral("administrator");
        QTest::newRow("0xA2 wildcards") << 0xA2 << QString() << QStringLiteral("wildcard");
        QTest::newRow("0xC0 unknown") << 0xC0 << QString() << QStringLiteral("reason code 0xC0");
    }
    void disconnect()
    {
        QFETCH(int, reason);
        QFETCH(QString, reference);
        QFETCH(QString, cause);
        const Diagnosis d = ConnectionDiagnosis::disconnect(reason, reference);
        QVERIFY2(d.cause.contains(cause), qPrintable(d.cause));
    }

    void transport_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("cause");
        QTest::newRow("refused") << QStringLiteral("connect to 127.0.0.1:1883 failed: Connection refused")
            << 1883 << QStringLiteral("Nothing listens on that port: the connection was refused. Is this perhaps the TLS port");
        QTest::newRow("refused on the TLS port") << QStringLiteral("connect to 127.0.0.1:8883 failed: Connection refused")
            << 8883 << QStringLiteral("Is the broker's TLS listener on this port?");
        QTest::newRow("unreachable") << QStringLiteral("connect to 10.1.1.1:1883 failed: No route to host")
            << 1883 << QStringLiteral("cannot be reached");
        QTest::newRow("network unreachable") << QStringLiteral("connect to [::1]:1883 failed: Network is unreachable")
            << 1883 << QStringLiteral("cannot be reached");
        QTest::newRow("timeout") << QStringLiteral("connect to 10.1.1.1:1883 failed: Connection timed out")
            << 1883 << QStringLiteral("timed out");
        QTest::newRow("dns") << QStringLiteral("Cannot resolve nohost.invalid: Host not found")
            << 1883 << QStringLiteral("could not be resolved (DNS)");
        QTest::newRow("tls verification")
            << QStringLiteral("TLS handshake with b:8883 failed: certificate verify failed (certificate verification: unable to get local issuer certificate; certificate subject: CN=broker)")
            << 8883 << QStringLiteral("could not be verified (unable to get local issuer certificate)");
        QTest::newRow("hostname mismatch")
            << QStringLiteral("TLS handshake with b:8883 failed: certificate verify failed (certificate verification: hostname mismatch; certificate subject: CN=other)")
            << 8883 << QStringLiteral("not made out for this host name");
        QTest::newRow("plain port with TLS")
            << QStringLiteral("TLS handshake with b:1883 failed: error:0A00010B:SSL routines::wrong version number")
            << 1883 << QStringLiteral("probably a plain MQTT port");
        QTest::newRow("tls handshake") << QStringLiteral("TLS handshake with b:8883 failed: sslv3 alert handshake failure")
            << 8883 << QStringLiteral("The TLS handshake failed.");
        QTest::newRow("bad CA file") << QStringLiteral("cannot load CA certificates from /x/ca.pem: No such file")
            << 8883 << QStringLiteral("cannot be used");
        QTest::newRow("closed by broker") << QStringLiteral("connection closed by b:1883")
            << 1883 << QStringLiteral("closed the connection before or without answering");
        QTest::newRow("unknown") << QStringLiteral("something else") << 1883 << QString();
    }
    void transport()
    {
        QFETCH(QString, error);
        QFETCH(int, port);
        QFETCH(QString, cause);
        const Diagnosis d = ConnectionDiagnosis::transport(error, quint16(port));
        if (cause.isEmpty()) {
            QVERIFY(d.isEmpty());
            return;
        }
        QVERIFY2(d.cause.contains(cause), qPrintable(d.cause));
        QVERIFY(!d.advice.isEmpty());
    }

    // The real thing: mosquitto with a password file, wrong password, both protocols.
    void wrongPassword_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("cause");
        QTest::newRow("3.1.1") << int(ProtocolVersion::V311) << QStringLiteral("does not allow this client");
        QTest::newRow("5.0") << int(ProtocolVersion::V5) << QStringLiteral("not authorized");
    }
    void wrongPassword()
    {
        QFETCH(int, version);
        QFETCH(QString, cause);
        TestBroker broker;
        QTemporaryDir dir;
        const QString passwd = dir.filePath(QStringLiteral("passwd"));
        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_passwd"),
                                   {QStringLiteral("-c"), QStringLiteral("-b"), passwd,
                                    QStringLiteral("alice"), QStringLiteral("secret")}), 0);
        broker.setListenerConfig(QStringLiteral("allow_anonymous false\npassword_file %1").arg(passwd));
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = broker.port();
        settings.protocolVersion = ProtocolVersion(version);
        settings.userName = QStringLiteral("alice");
        settings.password = QByteArray("wrong");
        Connection connection(settings);
        QStringList log;
        connect(&connection, &Connection::logLine, this, [&log](const QString &l) { log << l; });
        connection.connectToBroker();
        QTRY_COMPARE(connection.status(), Connection::Status::Refused);
        QVERIFY2(connection.diagnosis().cause.contains(cause), qPrintable(connection.diagnosis().cause));
        QVERIFY2(log.join(QLatin1Char('\n')).contains(QStringLiteral("Why: ") + connection.diagnosis().cause),
                 qPrintable(log.join(QLatin1Char('\n'))));
        connection.disconnectFromBroker();
    }

    void closedPort()
    {
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = TestBroker::freePort();
        Connection connection(settings);
        connection.connectToBroker();
        QTRY_COMPARE(connection.status(), Connection::Status::Lost);
        QVERIFY2(connection.diagnosis().cause.startsWith(QStringLiteral("Nothing listens on that port")),
                 qPrintable(connection.diagnosis().cause));
        connection.disconnectFromBroker();
    }
};

QTEST_MAIN(tst_ConnectionDiagnosis)
#include "tst_connectiondiagnosis.moc"
