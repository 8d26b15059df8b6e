#include "clioptions.h"
#include "clioptiontable.h"

#include <QTest>

using mqtt::cli::CliOptions;

// Usage errors must name the flag; valid command lines must land in the right fields.
class tst_CliOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void subDefaults();
    void connectionFlags();
    void urlFlag();
    void urlAndFlagsApplyInOrder_data();
    void urlAndFlagsApplyInOrder();
    void pubFlags();
    void properties();
    void replayAndRecord();
    void helpListsEveryOption();
};

void tst_CliOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no command") << QStringList{} << "missing command";
    QTest::newRow("bad command") << QStringList{"subscribe"} << "unknown command \"subscribe\"";
    // mosquitto_sub: "Unknown option '--bogus'." (QCommandLineParser alone said 'bogus')
    QTest::newRow("unknown flag") << QStringList{"sub", "-t", "a", "--bogus"} << "Unknown option '--bogus'.";
    QTest::newRow("unknown short flag") << QStringList{"sub", "-t", "a", "-Z"} << "Unknown option '-Z'.";
    QTest::newRow("unknown flag with value") << QStringList{"sub", "-t", "a", "--bogus=1"} << "Unknown option '--bogus'.";
    // mosquitto_sub refuses these -F formats at startup; we did print them half-formatted.
    QTest::newRow("-F unknown code") << QStringList{"sub", "-t", "a", "-F", "%z"} << "-F: invalid format specifier '%z'";
    QTest::newRow("-F lone percent") << QStringList{"sub", "-t", "a", "-F", "x%"} << "-F: incomplete format specifier";
    QTest::newRow("-F bad escape") << QStringList{"sub", "-t", "a", "-F", "\\q"} << "-F: invalid escape '\\q'";
    QTest::newRow("sub without -t") << QStringList{"sub"} << "-t:";
    QTest::newRow("invalid filter") << QStringList{"sub", "-t", "a/#/b"} << "MQTT-4.7.1-1";
    QTest::newRow("invalid -T") << QStringList{"sub", "-t", "a", "-T", "x+"} << "-T:";
    QTest::newRow("bad port") << QStringList{"sub", "-t", "a", "-p", "70000"} << "-p:";
    QTest::newRow("port text") << QStringList{"sub", "-t", "a", "-p", "abc"} << "-p:";
    QTest::newRow("bad qos") << QStringList{"sub", "-t", "a", "-q", "3"} << "-q:";
    QTest::newRow("bad keepalive") << QStringList{"sub", "-t", "a", "-k", "-1"} << "-k:";
    QTest::newRow("bad version") << QStringList{"sub", "-t", "a", "-V", "6"} << "-V:";
    QTest::newRow("bad version names mqttv31") << QStringList{"sub", "-t", "a", "-V", "6"} << "mqttv31";
    QTest::newRow("bad count") << QStringList{"sub", "-t", "a", "-C", "0"} << "-C:";
    QTest::newRow("bad timeout") << QStringList{"sub", "-t", "a", "-W", "x"} << "-W:";
    QTest::newRow("missing value") << QStringList{"sub", "-t"} << "'-t'";
    QTest::newRow("-R and --retained-only")
            << QStringList{"sub", "-t", "a", "-R", "--retained-only"} << "-R";
    QTest::newRow("-F and --json") << QStringList{"sub", "-t", "a", "-F", "%t", "--json"} << "-F";
    QTest::newRow("pub flag on sub") << QStringList{"sub", "-t", "a", "-m", "x"} << "-m: only valid with pub";
    QTest::newRow("sub flag on pub") << QStringList{"pub", "-t", "a", "-m", "x", "-C", "1"} << "-C: only valid with sub";
    QTest::newRow("print flag on record") << QStringList{"record", "f", "-t", "a", "-v"} << "-v: only valid";
    QTest::newRow("pub wildcard topic") << QStringList{"pub", "-t", "a/+", "-m", "x"} << "MQTT-4.7.0-1";
    QTest::newRow("pub two topics") << QStringList{"pub", "-t", "a", "-t", "b", "-m", "x"} << "exactly one topic";
    QTest::newRow("pub no payload") << QStringList{"pub", "-t", "a"} << "-m, -f, -s, -l, -n";
    QTest::newRow("pub two payloads") << QStringList{"pub", "-t", "a", "-m", "x", "-n"} << "-m, -f, -s, -l, -n";
    QTest::newRow("pub missing file") << QStringList{"pub", "-t", "a", "-f", "/nonexistent/x"} << "-f: cannot read file";
    QTest::newRow("bad repeat") << QStringList{"pub", "-t", "a", "-n", "--repeat", "0"} << "--repeat:";
    QTest::newRow("bad URL") << QStringList{"sub", "-L", "gopher://x/a"} << "-L:";
    QTest::newRow("-I with -i") << QStringList{"sub", "-t", "a", "-i", "x", "-I", "p"} << "-I:";
    QTest::newRow("-c without id") << QStringList{"sub", "-t", "a", "-c"} << "MQTT-3.1.3-7";
    QTest::newRow("-x needs v5") << QStringList{"sub", "-t", "a", "-x", "60"} << "-x:";
    QTest::newRow("password without user") << QStringList{"sub", "-t", "a", "-P", "pw"} << "-P:";
    QTest::newRow("will payload without topic") << QStringList{"sub", "-t", "a", "--will-payload", "x"} << "--will-topic";
    QTest::newRow("bad will topic") << QStringList{"sub", "-t", "a", "--will-topic", "a/#"} << "--will-topic:";
    QTest::newRow("missing cafile") << QStringList{"sub", "-t", "a", "--cafile", "/nonexistent.pem"} << "--cafile:";
    QTest::newRow("-D without v5") << QStringList{"pub", "-t", "a", "-m", "x", "-D", "publish", "content-type", "t"} << "-D:";
    QTest::newRow("-D unknown property") << QStringList{"pub", "-V", "5", "-t", "a", "-m", "x", "-D", "publish", "colour", "red"} << "unknown property \"colour\"";
    QTest::newRow("-D unknown command") << QStringList{"pub", "-V", "5", "-t", "a", "-m", "x", "-D", "ping", "content-type", "x"} << "unknown command \"ping\"";
    QTest::newRow("-D not allowed") << QStringList{"pub", "-V", "5", "-t", "a", "-m", "x", "-D", "publish", "receive-maximum", "5"} << "not allowed in publish";
    QTest::newRow("-D bad number") << QStringList{"pub", "-V", "5", "-t", "a", "-m", "x", "-D", "publish", "message-expiry-interval", "-3"} << "message-expiry-interval";
    QTest::newRow("-D truncated") << QStringList{"pub", "-V", "5", "-t", "a", "-m", "x", "-D", "publish"} << "-D";
    QTest::newRow("replay without file") << QStringList{"replay"} << "replay: needs exactly one";
    QTest::newRow("replay bad speed") << QStringList{"replay", "f", "--speed", "0"} << "--speed:";
    QTest::newRow("replay with -t") << QStringList{"replay", "f", "-t", "a"} << "-t:";
    QTest::newRow("record without file") << QStringList{"record", "-t", "a"} << "needs a FILE";
    QTest::newRow("-l with --repeat") << QStringList{"pub", "-t", "a", "-l", "--repeat", "2"} << "not valid with -l";
    QTest::newRow("-l with --repeat-delay") << QStringList{"pub", "-t", "a", "-l", "--repeat-delay", "1"} << "not valid with -l";
    QTest::newRow("--record on pub") << QStringList{"pub", "-t", "a", "-m", "x", "--record", "f"} << "--record: only valid with sub or record";
    QTest::newRow("print flag on pub") << QStringList{"pub", "-t", "a", "-m", "x", "-v"} << "-v: only valid with sub";
    QTest::newRow("print flag on record names record") << QStringList{"record", "f", "-t", "a", "--json"} << "--json: only valid with sub (record does not print)";
    QTest::newRow("replay flag on sub") << QStringList{"sub", "-t", "a", "--speed", "2"} << "--speed: only valid with replay";
    QTest::newRow("--speed with --as-fast-as-possible") << QStringList{"replay", "f", "--speed", "2", "--as-fast-as-possible"} << "cannot be combined";
    QTest::newRow("--cert without --key") << QStringList{"sub", "-t", "a", "--cert", "/etc/hostname"} << "--cert and --key";
    QTest::newRow("--no-reconnect on pub") << QStringList{"pub", "-t", "a", "-m", "x", "--no-reconnect"} << "--no-reconnect: only valid with sub";
}

void tst_CliOptions::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    CliOptions o;
    QVERIFY(!o.parse(QStringList{"mqtt-inspector-cli"} + args));
    QVERIFY2(o.errorString().contains(mentions), qPrintable(o.errorString()));
}

void tst_CliOptions::subDefaults()
{
    CliOptions o;
    QVERIFY2(o.parse({"cli", "sub", "-t", "a/#", "-t", "b"}), qPrintable(o.errorString()));
    QCOMPARE(o.command, CliOptions::Command::Sub);
    QCOMPARE(o.host, QStringLiteral("localhost"));
    QCOMPARE(o.port, quint16(1883));
    QCOMPARE(o.topics, (QStringList{"a/#", "b"}));
    QCOMPARE(o.keepAlive, 60);
    QCOMPARE(o.protocol, mqtt::ProtocolVersion::V311);
    QVERIFY(o.cleanSession);
    QVERIFY(!o.formatGiven);
    QCOMPARE(o.brokerUrl, QStringLiteral("mqtt://localhost:1883"));
    QVERIFY(!o.noReconnect);
    CliOptions r;
    QVERIFY2(r.parse({"cli", "record", "f", "-t", "a", "--no-reconnect"}),
             qPrintable(r.errorString()));
    QVERIFY(r.noReconnect);
}

void tst_CliOptions::connectionFlags()
{
    CliOptions o;
    QVERIFY2(o.parse({"cli", "sub", "-h", "broker.example", "-p", "1999", "-i", "me", "-k", "5",
                      "-q", "2", "-u", "user", "-P", "pw", "-V", "mqttv5", "-c", "-x", "120",
                      "--will-topic", "w/t", "--will-payload", "bye", "--will-qos", "1",
                      "--will-retain", "-t", "x", "-T", "x/y", "-C", "3", "-W", "9", "-v", "-N",
                      "-R", "-E", "--json", "-d"}),
             qPrintable(o.errorString()));
    QCOMPARE(o.host, QStringLiteral("broker.example"));
    QCOMPARE(o.port, quint16(1999));
    QCOMPARE(o.clientId, QStringLiteral("me"));
    QCOMPARE(o.keepAlive, 5);
    QCOMPARE(o.qos, 2);
    QCOMPARE(o.username, QStringLiteral("user"));
    QCOMPARE(o.password.value_or(""), QByteArray("pw"));
    QCOMPARE(o.protocol, mqtt::ProtocolVersion::V5);
    QVERIFY(!o.cleanSession);
    QCOMPARE(o.connectProperties.sessionExpiryInterval().value_or(0), 120u);
    QCOMPARE(o.willTopic, QStringLiteral("w/t"));
    QCOMPARE(o.willPayload, QByteArray("bye"));
    QCOMPARE(o.willQos, 1);
    QVERIFY(o.willRetain);
    QCOMPARE(o.filterOut, QStringList{"x/y"});
    QCOMPARE(o.count, 3);
    QCOMPARE(o.timeoutSeconds, 9);
    QVERIFY(o.verbose && o.noEol && o.noRetained && o.exitAfterSubscribe && o.debug);
    QCOMPARE(o.format, QStringLiteral("%j"));
    // Short value forms and numeric -V.
    CliOptions p;
    QVERIFY2(p.parse({"cli", "sub", "-t", "x", "-V", "5", "-p", "8883", "--insecure"}),
             qPrintable(p.errorString()));
    QCOMPARE(p.protocol, mqtt::ProtocolVersion::V5);
    QVERIFY(p.transport.tls.enabled && p.transport.tls.insecure);
}

void tst_CliOptions::urlFlag()
{
    CliOptions o;
    QVERIFY2(o.parse({"cli", "sub", "-L", "mqtts://bob:secret@example.org/sensors/%23"}),
             qPrintable(o.errorString()));
    QCOMPARE(o.host, QStringLiteral("example.org"));
    QCOMPARE(o.port, quint16(8883));
    QCOMPARE(o.username, QStringLiteral("bob"));
    QCOMPARE(o.password.value_or(""), QByteArray("secret"));
    QVERIFY(o.transport.tls.enabled);
    QCOMPARE(o.topics, QStringList{"sensors/#"});
    QVERIFY(!o.brokerUrl.contains("secret"));
}

void tst_CliOptions::urlAndFlagsApplyInOrder_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    // mosquitto_sub applies options in order: what comes later wins (issue 14, item 5).
    QTest::newRow("-L then -p") << QStringList{"-L", "mqtt://example.org/t", "-p", "1999"} << "example.org" << 1999;
    QTest::newRow("-p then -L, URL without port") << QStringList{"-p", "1999", "-L", "mqtt://example.org/t"} << "example.org" << 1883;
    QTest::newRow("-p then -L, URL with port") << QStringList{"-p", "1999", "-L", "mqtt://example.org:2000/t"} << "example.org" << 2000;
    QTest::newRow("-L then --port=") << QStringList{"-L", "mqtts://example.org/t", "--port=1999"} << "example.org" << 1999;
    QTest::newRow("-L mqtts, no -p") << QStringList{"-L", "mqtts://example.org/t"} << "example.org" << 8883;
    QTest::newRow("-L then -h") << QStringList{"-L", "mqtt://example.org:2000/t", "-h", "other"} << "other" << 2000;
    QTest::newRow("-h then -L") << QStringList{"-h", "other", "-L", "mqtt://example.org/t"} << "example.org" << 1883;
}

void tst_CliOptions::urlAndFlagsApplyInOrder()
{
    QFETCH(QStringList, args);
    QFETCH(QString, host);
    QFETCH(int, port);
    CliOptions o;
    QVERIFY2(o.parse(QStringList{"cli", "sub"} + args), qPrintable(o.errorString()));
    QCOMPARE(o.host, host);
    QCOMPARE(int(o.port), port);
    QVERIFY2(o.brokerUrl.endsWith(QStringLiteral(":%1").arg(port)), qPrintable(o.brokerUrl));
}

void tst_CliOptions::pubFlags()
{
    CliOptions o;
    QVERIFY2(o.parse({"cli", "pub", "-t", "a/b", "-m", "hello", "-r", "-q", "1", "--repeat",
                      "3", "--repeat-delay", "0.5"}),
             qPrintable(o.errorString()));
    QCOMPARE(o.payloadSource, CliOptions::PayloadSource::Message);
    QCOMPARE(o.message, QByteArray("hello"));
    QVERIFY(o.retain);
    QCOMPARE(o.repeat, 3);
    QCOMPARE(o.repeatDelay, 0.5);
    for (const char *flag : {"-s", "-l", "-n"}) {
        CliOptions p;
        QVERIFY2(p.parse({"cli", "pub", "-t", "a", flag}), qPrintable(p.errorString()));
    }
}

void tst_CliOptions::properties()
{
    CliOptions o;
    QVERIFY2(o.parse({"cli", "pub", "-V", "5", "-t", "a", "-m", "x",
                      "-D", "publish", "content-type", "text/plain",
                      "-D", "publish", "user-property", "k", "v1",
                      "-D", "PUBLISH", "user-property", "k", "v2",
                      "-D", "publish", "message-expiry-interval", "30",
                      "-D", "connect", "receive-maximum", "7",
                      "-D", "will", "will-delay-interval", "5"}),
             qPrintable(o.errorString()));
    QCOMPARE(o.publishProperties.contentType().value_or(""), QStringLiteral("text/plain"));
    QCOMPARE(o.publishProperties.userProperties(),
             (QList<mqtt::UserProperty>{{"k", "v1"}, {"k", "v2"}}));
    QCOMPARE(o.publishProperties.messageExpiryInterval().value_or(0), 30u);
    QCOMPARE(o.connectProperties.receiveMaximum().value_or(0), 7);
    QCOMPARE(o.willProperties.willDelayInterval().value_or(0), 5u);
}

void tst_CliOptions::replayAndRecord()
{
    CliOptions r;
    QVERIFY2(r.parse({"cli", "replay", "s.jsonl", "--speed", "2.5", "--topic-prefix", "copy/"}),
             qPrintable(r.errorString()));
    QCOMPARE(r.replayFile, QStringLiteral("s.jsonl"));
    QCOMPARE(r.speed, 2.5);
    QCOMPARE(r.topicPrefix, QStringLiteral("copy/"));
    CliOptions rec;
    QVERIFY2(rec.parse({"cli", "record", "out.jsonl", "-t", "#", "-C", "5"}),
             qPrintable(rec.errorString()));
    QCOMPARE(rec.recordFile, QStringLiteral("out.jsonl"));
    QCOMPARE(rec.count, 5);
    CliOptions sub;
    QVERIFY(sub.parse({"cli", "sub", "-t", "#", "--record", "x.jsonl"}));
    QCOMPARE(sub.recordFile, QStringLiteral("x.jsonl"));
    CliOptions help;
    QVERIFY(help.parse({"cli", "--help"}));
    QVERIFY(help.helpRequested());
    // -V accepts mqttv31; the help says so (issue 14, item 5).
    QVERIFY(CliOptions::helpText().contains(QStringLiteral("mqttv31")));
    CliOptions v31;
    QVERIFY(v31.parse({"cli", "sub", "-t", "a", "-V", "mqttv31"}));
    QCOMPARE(v31.protocol, mqtt::ProtocolVersion::V31);
}

// --help comes from the option table: every option of the parser has its line there.
void tst_CliOptions::helpListsEveryOption()
{
    const QString help = CliOptions::helpText();
    for (const auto &option : mqtt::cli::CliOptionTable::options()) {
        for (const QString &name : option.names) {
            const QString flag = mqtt::cli::CliOptionTable::flagName(name);
            QVERIFY2(help.contains(flag + QLatin1Char(' ')) || help.contains(flag + QLatin1Char(','))
                             || help.contains(flag + QLatin1Char('\n')),
                     qPrintable(flag));
        }
    }
    QVERIFY(help.contains(QStringLiteral("mqttv31")));
}

QTEST_APPLESS_MAIN(tst_CliOptions)
#include "tst_clioptions.moc"
