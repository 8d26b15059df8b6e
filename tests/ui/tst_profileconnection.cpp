#include "client.h"
#include "connection.h"
#include "connectionprofile.h"
#include "testbroker.h"
#include "testcertificates.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

// Profiles against real mosquitto brokers of the test's own: user name and password against a
// password file (right and wrong), TLS against a broker with a certificate from our CA (the
// right CA verifies, another CA fails, insecure connects anyway), the will the broker
// publishes when the connection drops, and the 5.0 subscription options and identifier.
class tst_ProfileConnection : public QObject
{
    Q_OBJECT

    TestCertificates m_certs;
    QTemporaryDir m_dir;

    static ConnectionProfile profile(quint16 port, const QString &host = QStringLiteral("127.0.0.1"))
    {
        ConnectionProfile p;
        p.name = QStringLiteral("test");
        p.host = host;
        p.port = port;
        p.autoReconnect = false;
        p.subscriptions.clear();
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_certs.generate(), qPrintable(m_certs.error()));
    }

    void password_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<Connection::Status>("status");
        QTest::newRow("3.1.1 right") << 4 << QByteArray("secret") << Connection::Status::Connected;
        QTest::newRow("3.1.1 wrong") << 4 << QByteArray("nope") << Connection::Status::Refused;
        QTest::newRow("5.0 right") << 5 << QByteArray("secret") << Connection::Status::Connected;
        QTest::newRow("5.0 wrong") << 5 << QByteArray("nope") << Connection::Status::Refused;
    }
    void password()
    {
        QFETCH(int, protocol);
        QFETCH(QByteArray, password);
        QFETCH(Connection::Status, status);
        TestBroker broker;
        const QString passwd = m_dir.filePath(QStringLiteral("passwd"));
        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_passwd"),
                                   {QStringLiteral("-c"), QStringLiteral("-b"), passwd,
                                    QStringLiteral("alice"), QStringLiteral("secret")}), 0);
        broker.setListenerConfig(QStringLiteral("allow_anonymous false\npassword_file %1").arg(passwd));
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        ConnectionProfile p = profile(broker.port());
        p.protocolVersion = mqtt::ProtocolVersion(protocol);
        p.userName = QStringLiteral("alice");
        p.password = password;
        Connection connection(p.toSettings());
        connection.connectToBroker();
        QTRY_VERIFY_WITH_TIMEOUT(connection.status() == Connection::Status::Connected
                                     || connection.status() == Connection::Status::Refused, 10000);
        QVERIFY2(connection.status() == status, qPrintable(connection.statusText()));
    }

    void tls_data()
    {
        QTest::addColumn<QString>("ca");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<bool>("connects");
        QTest::newRow("right CA") << "ca" << false << true;
        QTest::newRow("wrong CA") << "other" << false << false;
        QTest::newRow("wrong CA, insecure") << "other" << true << true;
    }
    void tls()
    {
        QFETCH(QString, ca);
        QFETCH(bool, insecure);
        QFETCH(bool, connects);
        TestBroker broker;
        broker.setListenerConfig(QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n")
                                         .arg(m_certs.caFile(), m_certs.serverCert(), m_certs.serverKey()));
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        ConnectionProfile p = profile(broker.port(), QStringLiteral("localhost"));
        p.transport = ConnectionProfile::Transport::Mqtts;
        p.caFile = ca == QLatin1String("ca") ? m_certs.caFile() : m_certs.otherCaFile();
        p.insecure = insecure;
        Connection connection(p.toSettings());
        connection.connectToBroker();
        QTRY_VERIFY_WITH_TIMEOUT(connection.status() == Connection::Status::Connected
                                     || connection.status() == Connection::Status::Lost, 10000);
        QVERIFY2((connection.status() == Connection::Status::Connected) == connects,
                 qPrintable(connection.statusText()));
        if (!connects)
            QVERIFY2(connection.diagnosis().text().contains(QStringLiteral("certificate")),
                     qPrintable(connection.diagnosis().text()));
    }

    // The will (5.0, with properties) reaches a second connection when the first one's
    // socket dies without DISCONNECT; that second connection's subscription carries the
    // options and identifier of its profile.
    void willOnDrop()
    {
        TestBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));

        ConnectionProfile watcherProfile = profile(broker.port());
        watcherProfile.subscriptions = {{QStringLiteral("wills/#"), 1, false, true, 0, 77}};
        Connection watcher(watcherProfile.toSettings());
        QList<mqtt::Message> seen;
        connect(watcher.client(), &mqtt::Client::messagesReceived, this,
                [&seen](const QList<mqtt::Message> &messages) { seen += messages; });
        QSignalSpy subscribed(watcher.client(), &mqtt::Client::subscribed);
        watcher.connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.count(), 1, 10000);

        ConnectionProfile p = profile(broker.port());
        p.clientId = QStringLiteral("will-test");
        p.keepAlive = 5;
        p.willEnabled = true;
        p.willTopic = QStringLiteral("wills/inspector");
        p.willPayload = "gone";
        p.willQos = 1;
        p.willContentType = QStringLiteral("text/plain");
        Connection dying(p.toSettings());
        dying.connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(dying.status(), Connection::Status::Connected, 10000);
        QTest::qWait(200);
        QVERIFY(seen.isEmpty());
        // The socket dies under the client: the broker sees no DISCONNECT.
        QCOMPARE(::shutdown(int(dying.client()->socket()), SHUT_RDWR), 0);
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 1, 10000);
        const mqtt::Message will = seen.first();
        QCOMPARE(will.topic(), QStringLiteral("wills/inspector"));
        QCOMPARE(will.payload(), QByteArray("gone"));
        QCOMPARE(will.qos(), 1);
        QCOMPARE(will.properties().contentType(), std::optional<QString>(QStringLiteral("text/plain")));
        QCOMPARE(will.properties().subscriptionIdentifiers(), QList<quint32>{77});
    }

    // A clean close sends DISCONNECT: no will.
    void noWillOnCleanClose()
    {
        TestBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        ConnectionProfile watcherProfile = profile(broker.port());
        watcherProfile.subscriptions = {{QStringLiteral("wills/#"), 1}};
        Connection watcher(watcherProfile.toSettings());
        int seen = 0;
        connect(watcher.client(), &mqtt::Client::messagesReceived, this,
                [&seen](const QList<mqtt::Message> &messages) { seen += int(messages.size()); });
        QSignalSpy subscribed(watcher.client(), &mqtt::Client::subscribed);
        watcher.connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.count(), 1, 10000);
        ConnectionProfile p = profile(broker.port());
        p.willEnabled = true;
        p.willTopic = QStringLiteral("wills/clean");
        {
            Connection closing(p.toSettings());
            closing.connectToBroker();
            QTRY_COMPARE_WITH_TIMEOUT(closing.status(), Connection::Status::Connected, 10000);
            closing.disconnectFromBroker();
            QTRY_COMPARE(closing.status(), Connection::Status::Disconnected);
        }
        QTest::qWait(500);
        QCOMPARE(seen, 0);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileConnection)
#include "tst_profileconnection.moc"
