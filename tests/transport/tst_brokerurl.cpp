#include "brokerurl.h"

#include <QtTest>

using mqtt::BrokerUrl;

class tst_BrokerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void transportOptions_data();
    void transportOptions();
    void toStringHidesPassword();
    void defaultIsInvalid();
};

void tst_BrokerUrl::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("explicitPort");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("hasPassword");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("topic");

    QTest::newRow("mqtt default port") << "mqtt://broker.example" << "mqtt" << "broker.example"
        << 1883 << false << "" << "" << false << "" << "";
    QTest::newRow("mqtts default port") << "mqtts://broker.example" << "mqtts" << "broker.example"
        << 8883 << false << "" << "" << false << "" << "";
    QTest::newRow("ws default port and path") << "ws://broker.example" << "ws" << "broker.example"
        << 80 << false << "" << "" << false << "/mqtt" << "";
    QTest::newRow("wss default port and path") << "wss://broker.example" << "wss" << "broker.example"
        << 443 << false << "" << "" << false << "/mqtt" << "";
    QTest::newRow("explicit port") << "mqtt://localhost:11883" << "mqtt" << "localhost"
        << 11883 << true << "" << "" << false << "" << "";
    QTest::newRow("port 65535") << "mqtt://h:65535" << "mqtt" << "h"
        << 65535 << true << "" << "" << false << "" << "";
    QTest::newRow("scheme is case-insensitive") << "MQTTS://Host.Example:8884" << "mqtts"
        << "Host.Example" << 8884 << true << "" << "" << false << "" << "";
    QTest::newRow("tcp alias") << "tcp://10.0.0.1" << "mqtt" << "10.0.0.1"
        << 1883 << false << "" << "" << false << "" << "";
    QTest::newRow("ssl alias") << "ssl://10.0.0.1" << "mqtts" << "10.0.0.1"
        << 8883 << false << "" << "" << false << "" << "";
    QTest::newRow("surrounding blanks") << "  mqtt://h  " << "mqtt" << "h"
        << 1883 << false << "" << "" << false << "" << "";
    QTest::newRow("user only") << "mqtt://alice@h" << "mqtt" << "h"
        << 1883 << false << "alice" << "" << false << "" << "";
    QTest::newRow("user and password") << "mqtt://alice:s3cret@h:1884" << "mqtt" << "h"
        << 1884 << true << "alice" << "s3cret" << true << "" << "";
    QTest::newRow("empty password") << "mqtt://alice:@h" << "mqtt" << "h"
        << 1883 << false << "alice" << "" << true << "" << "";
    QTest::newRow("percent-decoded credentials") << "mqtts://al%40ce:p%3Aw%2F%25d@h" << "mqtts"
        << "h" << 8883 << false << "al@ce" << "p:w/%d" << true << "" << "";
    QTest::newRow("utf-8 password") << "mqtt://u:%C3%A9t%C3%A9@h" << "mqtt" << "h"
        << 1883 << false << "u" << QString::fromUtf8("\xc3\xa9t\xc3\xa9") << true << "" << "";
    QTest::newRow("raw @ in password") << "mqtt://u:p@ss@h" << "mqtt" << "h"
        << 1883 << false << "u" << "p@ss" << true << "" << "";
    QTest::newRow("colon in password") << "mqtt://u:a:b@h" << "mqtt" << "h"
        << 1883 << false << "u" << "a:b" << true << "" << "";
    QTest::newRow("IPv6 literal") << "mqtt://[::1]" << "mqtt" << "::1"
        << 1883 << false << "" << "" << false << "" << "";
    QTest::newRow("IPv6 literal with port") << "ws://[2001:db8::5]:9001/ws" << "ws" << "2001:db8::5"
        << 9001 << true << "" << "" << false << "/ws" << "";
    QTest::newRow("IPv6 with credentials") << "mqtts://u:p@[fe80::1]:8884" << "mqtts" << "fe80::1"
        << 8884 << true << "u" << "p" << true << "" << "";
    QTest::newRow("topic path") << "mqtt://h/sensors/+/temp" << "mqtt" << "h"
        << 1883 << false << "" << "" << false << "/sensors/+/temp" << "sensors/+/temp";
    QTest::newRow("topic with raw #") << "mqtt://h:1883/a/#" << "mqtt" << "h"
        << 1883 << true << "" << "" << false << "/a/#" << "a/#";
    QTest::newRow("topic percent-decoded") << "mqtts://h/a%20b/%23" << "mqtts" << "h"
        << 8883 << false << "" << "" << false << "/a%20b/%23" << "a b/#";
    QTest::newRow("topic with ?") << "mqtt://h/what?" << "mqtt" << "h"
        << 1883 << false << "" << "" << false << "/what?" << "what?";
    QTest::newRow("root path is empty topic") << "mqtt://h/" << "mqtt" << "h"
        << 1883 << false << "" << "" << false << "/" << "";
    QTest::newRow("ws custom path") << "wss://h:8443/mqtt/v2" << "wss" << "h"
        << 8443 << true << "" << "" << false << "/mqtt/v2" << "";
    QTest::newRow("ws path kept encoded with query") << "wss://h/mqtt?x-amz=a%2Fb" << "wss" << "h"
        << 443 << false << "" << "" << false << "/mqtt?x-amz=a%2Fb" << "";
    QTest::newRow("ws query without path") << "ws://h:8080?token=1" << "ws" << "h"
        << 8080 << true << "" << "" << false << "/?token=1" << "";
    QTest::newRow("ws fragment dropped") << "ws://h/mqtt#frag" << "ws" << "h"
        << 80 << false << "" << "" << false << "/mqtt" << "";
    QTest::newRow("ws root path") << "ws://h/" << "ws" << "h"
        << 80 << false << "" << "" << false << "/" << "";
    QTest::newRow("underscore host") << "mqtt://my_broker.local" << "mqtt" << "my_broker.local"
        << 1883 << false << "" << "" << false << "" << "";
}

void tst_BrokerUrl::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, explicitPort);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, hasPassword);
    QFETCH(QString, path);
    QFETCH(QString, topic);

    const BrokerUrl url = BrokerUrl::parse(input);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QVERIFY(url.errorString().isEmpty());
    QCOMPARE(url.schemeName(), scheme);
    QCOMPARE(url.host(), host);
    QCOMPARE(int(url.port()), port);
    QCOMPARE(url.hasExplicitPort(), explicitPort);
    QCOMPARE(url.userName(), user);
    QCOMPARE(url.hasUserName(), !user.isEmpty());
    QCOMPARE(url.password(), password);
    QCOMPARE(url.hasPassword(), hasPassword);
    QCOMPARE(url.path(), path);
    QCOMPARE(url.topic(), topic);
    QCOMPARE(url.isTls(), scheme == QLatin1String("mqtts") || scheme == QLatin1String("wss"));
    QCOMPARE(url.isWebSocket(), scheme.startsWith(QLatin1String("ws")));

    // What toString() prints must parse back to the same thing.
    const BrokerUrl again = BrokerUrl::parse(url.toString(true));
    QVERIFY2(again.isValid(), qPrintable(again.errorString()));
    QCOMPARE(again.host(), url.host());
    QCOMPARE(again.port(), url.port());
    QCOMPARE(again.userName(), url.userName());
    QCOMPARE(again.password(), url.password());
    QCOMPARE(again.path(), url.path());
}

void tst_BrokerUrl::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << "" << "empty broker URL";
    QTest::newRow("blank") << "   " << "empty broker URL";
    QTest::newRow("no scheme") << "localhost:1883" << "no scheme; expected mqtt://, mqtts://, ws:// or wss://";
    QTest::newRow("unknown scheme") << "http://h" << "unknown scheme \"http\"; expected mqtt, mqtts, ws or wss";
    QTest::newRow("empty scheme") << "://h" << "unknown scheme \"\"";
    QTest::newRow("no host") << "mqtt://" << "no host";
    QTest::newRow("only port") << "mqtt://:1883" << "no host";
    QTest::newRow("only credentials") << "mqtt://u:p@" << "no host";
    QTest::newRow("empty port") << "mqtt://h:" << "empty port after ':'";
    QTest::newRow("port not a number") << "mqtt://h:abc" << "port \"abc\" is not a number";
    QTest::newRow("negative port") << "mqtt://h:-1" << "port \"-1\" is not a number";
    QTest::newRow("port zero") << "mqtt://h:0" << "port 0 is out of range 1-65535";
    QTest::newRow("port too big") << "mqtt://h:65536" << "port 65536 is out of range 1-65535";
    QTest::newRow("port huge") << "mqtt://h:99999999999999999999" << "out of range 1-65535";
    QTest::newRow("IPv6 unbracketed") << "mqtt://::1:1883" << "an IPv6 address must be in brackets";
    QTest::newRow("IPv6 unclosed") << "mqtt://[::1:1883" << "IPv6 address without a closing ']'";
    QTest::newRow("IPv6 bogus") << "mqtt://[zz::1]" << "\"zz::1\" is not an IPv6 address";
    QTest::newRow("IPv4 in brackets") << "mqtt://[127.0.0.1]" << "is not an IPv6 address";
    QTest::newRow("junk after IPv6") << "mqtt://[::1]x" << "unexpected \"x\" after the IPv6 address";
    QTest::newRow("bad host char") << "mqtt://bro!ker" << "invalid character '!' in host \"bro!ker\"";
    QTest::newRow("space inside") << "mqtt://bro ker" << "white space";
    QTest::newRow("bad percent in password") << "mqtt://u:%zz@h" << "bad percent-encoding in the password";
    QTest::newRow("truncated percent in user") << "mqtt://u%4@h" << "bad percent-encoding in the user name";
    QTest::newRow("bad percent in topic") << "mqtt://h/a%" << "bad percent-encoding in the topic";
    QTest::newRow("non-ASCII ws path") << QString::fromUtf8("ws://h/m\xc3\xa9") << "non-ASCII character";
}

void tst_BrokerUrl::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const BrokerUrl url = BrokerUrl::parse(input);
    QVERIFY(!url.isValid());
    QVERIFY2(url.errorString().contains(message),
             qPrintable(QStringLiteral("got: ") + url.errorString()));
    if (!input.trimmed().isEmpty())
        QVERIFY2(url.errorString().contains(input.trimmed()), qPrintable(url.errorString()));
    QVERIFY(url.toString().isEmpty());
}

void tst_BrokerUrl::transportOptions_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("webSocket");
    QTest::addColumn<QString>("path");

    QTest::newRow("mqtt") << "mqtt://h/topic" << false << false << "/mqtt";
    QTest::newRow("mqtts") << "mqtts://h" << true << false << "/mqtt";
    QTest::newRow("ws") << "ws://h/custom" << false << true << "/custom";
    QTest::newRow("wss") << "wss://h" << true << true << "/mqtt";
}

void tst_BrokerUrl::transportOptions()
{
    QFETCH(QString, input);
    QFETCH(bool, tls);
    QFETCH(bool, webSocket);
    QFETCH(QString, path);
    const mqtt::TransportOptions options = BrokerUrl::parse(input).transportOptions();
    QCOMPARE(options.tls.enabled, tls);
    QCOMPARE(options.webSocket.enabled, webSocket);
    QCOMPARE(options.webSocket.path, path);
    QVERIFY(!options.tls.insecure);   // a URL never turns verification off
}

void tst_BrokerUrl::toStringHidesPassword()
{
    const BrokerUrl url = BrokerUrl::parse(QStringLiteral("mqtts://bob:t%40p@[::1]/a/b"));
    QVERIFY(url.isValid());
    QCOMPARE(url.toString(), QStringLiteral("mqtts://bob@[::1]:8883/a/b"));
    QCOMPARE(url.toString(true), QStringLiteral("mqtts://bob:t%40p@[::1]:8883/a/b"));
}

void tst_BrokerUrl::defaultIsInvalid()
{
    const BrokerUrl url;
    QVERIFY(!url.isValid());
    QVERIFY(!url.errorString().isEmpty());
}

QTEST_APPLESS_MAIN(tst_BrokerUrl)
#include "tst_brokerurl.moc"
