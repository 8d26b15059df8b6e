#include "brokerurl.h"
#include "connectionprofile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// A profile: every field converted into ConnectionSettings (5.0 fields only for 5.0), the
// JSON object round trip without secrets, field validation and the damaged-field messages.
namespace {

// JSON written with single quotes, so that the test tables read easily (and moc, which
// stumbles over braces in raw strings, reads this file).
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class tst_ConnectionProfile : public QObject
{
    Q_OBJECT

public:
    // Every field away from its default.
    static ConnectionProfile full()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Plant floor");
        p.host = QStringLiteral("broker.example");
        p.port = 8884;
        p.transport = ConnectionProfile::Transport::Wss;
        p.webSocketPath = QStringLiteral("/ws");
        p.clientId = QStringLiteral("inspector-1");
        p.keepAlive = 30;
        p.cleanSession = false;
        p.sessionExpiry = 3600;
        p.userName = QStringLiteral("alice");
        p.password = "pw";
        p.savePassword = true;
        p.caFile = QStringLiteral("/etc/ca.pem");
        p.certFile = QStringLiteral("/c.pem");
        p.keyFile = QStringLiteral("/c.key");
        p.keyPassphrase = "kp-secret";
        p.saveKeyPassphrase = true;
        p.insecure = true;
        p.willEnabled = true;
        p.willTopic = QStringLiteral("status/inspector");
        p.willPayload = QByteArray("\x00gone\xff", 6);
        p.willQos = 1;
        p.willRetain = true;
        p.willDelay = 5;
        p.willMessageExpiry = 60;
        p.willContentType = QStringLiteral("text/plain");
        p.willResponseTopic = QStringLiteral("r/t");
        p.willPayloadIsUtf8 = true;
        p.receiveMaximum = 100;
        p.maximumPacketSize = 65536;
        p.topicAliasMaximum = 10;
        p.userProperties = {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("a"), QStringLiteral("2")}};
        p.subscriptions = {{QStringLiteral("plant/#"), 1, true, true, 2, 42},
                           {QStringLiteral("$SYS/#"), 0, false, false, 0, 0}};
        p.autoReconnect = false;
        p.connectAtLaunch = true;
        return p;
    }

private Q_SLOTS:
    void toSettingsV5()
    {
        const ConnectionSettings s = full().toSettings();
        QCOMPARE(s.host, QStringLiteral("broker.example"));
        QCOMPARE(s.port, quint16(8884));
        QVERIFY(s.transport.tls.enabled);
        QVERIFY(s.transport.webSocket.enabled);
        QCOMPARE(s.transport.webSocket.path, QStringLiteral("/ws"));
        QVERIFY(s.transport.tls.insecure);
        QCOMPARE(s.transport.tls.caFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(s.transport.tls.keyPassphrase, QByteArray("kp-secret"));
        QCOMPARE(s.clientId, QStringLiteral("inspector-1"));
        QCOMPARE(s.keepAlive, 30);
        QVERIFY(!s.cleanSession);
        QCOMPARE(s.password.value_or(QByteArray()), QByteArray("pw"));
        QCOMPARE(s.connectProperties.sessionExpiryInterval(), std::optional<quint32>(3600));
        QCOMPARE(s.connectProperties.receiveMaximum(), std::optional<quint16>(100));
        QCOMPARE(s.connectProperties.maximumPacketSize(), std::optional<quint32>(65536));
        QCOMPARE(s.connectProperties.topicAliasMaximum(), std::optional<quint16>(10));
        QCOMPARE(s.connectProperties.userProperties().size(), 2);
        QCOMPARE(s.willTopic, QStringLiteral("status/inspector"));
        QCOMPARE(s.willPayload, QByteArray("\x00gone\xff", 6));
        QCOMPARE(s.willQos, 1);
        QVERIFY(s.willRetain);
        QCOMPARE(s.willProperties.willDelayInterval(), std::optional<quint32>(5));
        QCOMPARE(s.willProperties.messageExpiryInterval(), std::optional<quint32>(60));
        QCOMPARE(s.willProperties.contentType(), std::optional<QString>(QStringLiteral("text/plain")));
        QCOMPARE(s.willProperties.payloadFormatIndicator(), std::optional<quint8>(1));
        QCOMPARE(s.subscriptions.size(), 2);
        QCOMPARE(s.subscriptions.at(0).filter, QStringLiteral("plant/#"));
        QVERIFY(s.subscriptions.at(0).noLocal);
        QVERIFY(s.subscriptions.at(0).retainAsPublished);
        QCOMPARE(s.subscriptions.at(0).retainHandling, quint8(2));
        QCOMPARE(s.subscriptionIdentifiers.value(QStringLiteral("plant/#")), 42u);
        QVERIFY(!s.subscriptionIdentifiers.contains(QStringLiteral("$SYS/#")));
        QVERIFY(!s.autoReconnect);
        QCOMPARE(s.displayUrl(), QStringLiteral("wss://broker.example:8884"));
    }

    // 3.1.1 has no properties and no subscription options: none are sent.
    void toSettingsV311()
    {
        ConnectionProfile p = full();
        p.protocolVersion = mqtt::ProtocolVersion::V311;
        const ConnectionSettings s = p.toSettings();
        QVERIFY(s.connectProperties.isEmpty());
        QVERIFY(s.willProperties.isEmpty());
        QCOMPARE(s.willTopic, QStringLiteral("status/inspector"));
        QVERIFY(!s.subscriptions.at(0).noLocal);
        QCOMPARE(s.subscriptions.at(0).retainHandling, quint8(0));
        QVERIFY(s.subscriptionIdentifiers.isEmpty());
    }

    void disabledWillIsNotSent()
    {
        ConnectionProfile p = full();
        p.willEnabled = false;
        QVERIFY(p.toSettings().willTopic.isEmpty());
    }

    void jsonRoundTripWithoutSecrets()
    {
        const ConnectionProfile p = full();
        const QJsonObject json = p.toJson();
        const QByteArray text = QJsonDocument(json).toJson();
        QVERIFY(!text.contains("\"pw\""));
        QVERIFY(!text.contains("kp-secret"));
        QVERIFY(!json.contains(QStringLiteral("password")));
        QString error;
        const std::optional<ConnectionProfile> back = ConnectionProfile::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, p.withoutSecrets());
        QVERIFY(back->savePassword);
        QVERIFY(back->password.isEmpty());
    }

    void fromUrl()
    {
        const ConnectionProfile p = ConnectionProfile::fromSettings(ConnectionSettings::fromUrl(
                mqtt::BrokerUrl::parse(QStringLiteral("mqtts://bob:pw@host.example:8884/a/b"))));
        QCOMPARE(p.host, QStringLiteral("host.example"));
        QCOMPARE(p.port, 8884);
        QCOMPARE(p.transport, ConnectionProfile::Transport::Mqtts);
        QCOMPARE(p.userName, QStringLiteral("bob"));
        QCOMPARE(p.password, QByteArray("pw"));
    }

    void generateClientId()
    {
        const QString a = ConnectionProfile::generateClientId();
        QVERIFY(a.startsWith(QStringLiteral("mqtt-inspector-")));
        QCOMPARE(a.size(), 25);
        QVERIFY(a != ConnectionProfile::generateClientId());
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // empty: valid
        QTest::newRow("valid") << "" << "" << "";
        QTest::newRow("no name") << "name" << "" << "Name: a profile needs a name";
        QTest::newRow("no host") << "host" << "" << "Host: enter the broker's host name or address";
        QTest::newRow("port 0") << "port" << "0" << "Port: must be 1-65535";
        QTest::newRow("port 70000") << "port" << "70000" << "Port: must be 1-65535";
        QTest::newRow("will topic wildcard") << "willTopic" << "a/#" << "Will topic: ";
        QTest::newRow("bad filter") << "filter" << "a/#/b" << "Subscriptions: ";
        QTest::newRow("ws path") << "wsPath" << "mqtt" << "WebSocket path: must start with /";
        QTest::newRow("key without cert") << "keyFile" << "/k.pem" << "Client key: a client key needs its certificate";
    }
    void validate()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        if (field == QLatin1String("name")) p.name = value;
        if (field == QLatin1String("host")) p.host = value;
        if (field == QLatin1String("port")) p.port = value.toInt();
        if (field == QLatin1String("willTopic")) { p.willEnabled = true; p.willTopic = value; }
        if (field == QLatin1String("filter")) p.subscriptions = {{value, 0}};
        if (field == QLatin1String("wsPath")) { p.transport = ConnectionProfile::Transport::Ws; p.webSocketPath = value; }
        if (field == QLatin1String("keyFile")) p.keyFile = value;
        const QStringList problems = p.validate();
        if (message.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().startsWith(message), qPrintable(problems.first()));
        }
    }

    void damagedFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << json("{'host':'h'}") << "\"name\" is missing or empty";
        QTest::newRow("port text") << json("{'name':'a','port':'1883'}")
                                   << "\"port\" must be a whole number from 1 to 65535";
        QTest::newRow("port range") << json("{'name':'a','port':0}")
                                    << "\"port\" must be a whole number from 1 to 65535";
        QTest::newRow("transport") << json("{'name':'a','transport':'tcp'}")
                                   << "\"transport\" is \"tcp\"; expected mqtt, mqtts, ws or wss";
        QTest::newRow("protocol") << json("{'name':'a','protocol':'4'}")
                                  << "\"protocol\" is \"4\"; expected 3.1.1 or 5.0";
        QTest::newRow("insecure") << json("{'name':'a','insecure':'yes'}")
                                  << "\"insecure\" must be true or false";
        QTest::newRow("will qos") << json("{'name':'a','will':{'qos':3}}")
                                  << "will: \"qos\" must be a whole number from 0 to 2";
        QTest::newRow("will payload") << json("{'name':'a','will':{'payloadBase64':'**'}}")
                                      << "will: \"payloadBase64\" is not base64";
        QTest::newRow("subscription filter") << json("{'name':'a','subscriptions':[{'filter':'a/#/b'}]}")
                                             << "subscription 1: \"filter\" a/#/b is not a valid topic filter";
        QTest::newRow("retain handling") << json("{'name':'a','subscriptions':[{'filter':'a','retainHandling':3}]}")
                                         << "subscription 1: \"retainHandling\" must be a whole number from 0 to 2";
        QTest::newRow("user properties") << json("{'name':'a','userProperties':[['x']]}")
                                         << "\"userProperties\" must be a list of [name, value] pairs";
    }
    void damagedFields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ConnectionProfile::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QCOMPARE(error, message);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionProfile)
#include "tst_connectionprofile.moc"
