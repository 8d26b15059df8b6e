#include "clioptiontable.h"

#include "messageformatter.h"
#include "topic.h"

#include <QCommandLineParser>

#include <limits>

namespace mqtt::cli {

CliOptionTable::Option::Option(const char *names, const char *valueName, unsigned commands,
                               const char *onlyWith, const char *help, bool repeatable,
                               Handler apply)
    : names(QString::fromLatin1(names).split(u',')), valueName(valueName), commands(commands),
      onlyWith(onlyWith), help(help), repeatable(repeatable), apply(apply)
{
}

QString CliOptionTable::Option::flag() const
{
    return flagName(names.first());
}

QString CliOptionTable::flagName(const QString &name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

bool CliOptionTable::State::isSet(const char *name) const
{
    return parser.isSet(QLatin1String(name));
}

QString CliOptionTable::State::value(const char *name) const
{
    return parser.value(QLatin1String(name));
}

bool CliOptionTable::parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

// The one list of options: parsing, which commands accept each one, and --help all come from
// it. Handlers run in table order for the options given, so the order below is also the order
// in which values are checked (the first error is the one reported). Rules that involve
// several options come after all handlers, in CliOptions::checkRules().
const QList<CliOptionTable::Option> &CliOptionTable::options()
{
    using S = State;
    using O = CliOptions;
    // Numbers from `value` in [min, max], or a "-k: "x" is not ..." error.
    static const auto number = [](O &o, const QString &flag, const QString &value, qint64 min,
                                  qint64 max, const QString &what, qint64 *out) {
        if (parseInteger(value, min, max, out))
            return true;
        return o.fail(QStringLiteral("%1: \"%2\" is not %3").arg(flag, value, what));
    };
    static const QList<Option> table{
        // --- connection: every command ---
        {"L,url", "url", All, nullptr,
         "mqtt[s]|ws[s]://[user[:pass]@]host[:port]/topic (for ws[s] the path is the HTTP\n"
         "path, default /mqtt: give the topic with -t); -h/-p after it override it",
         false, [](O &o, S &s, const QString &v) {
             s.url = BrokerUrl::parse(v);
             if (!s.url.isValid())
                 return o.fail(QStringLiteral("-L: %1").arg(s.url.errorString()));
             const BrokerUrl &url = s.url;
             o.host = url.host();
             o.port = url.hasExplicitPort() ? url.port() : BrokerUrl::defaultPort(url.scheme());
             o.portGiven = true;
             if (url.hasUserName())
                 o.username = url.userName();
             if (url.hasPassword())
                 o.password = url.password().toUtf8();
             o.transport = url.transportOptions();
             o.tls = url.isTls();
             if (!url.topic().isEmpty())
                 o.topics << url.topic();
             return true;
         }},
        {"h,host", "host", All, nullptr, "broker host (default localhost)", false,
         [](O &o, S &s, const QString &v) {
             if (!s.url.isValid() || s.hostAfterUrl)
                 o.host = v;
             return true;
         }},
        {"p,port", "port", All, nullptr, "broker port (default 1883, 8883 with TLS)",
         false, [](O &o, S &s, const QString &v) {
             qint64 n = 0;
             if (!parseInteger(v, 1, 65535, &n))
                 return o.fail(QStringLiteral("-p: \"%1\" is not a port number (1-65535)").arg(v));
             if (!s.url.isValid() || s.portAfterUrl) {
                 o.port = quint16(n);
                 o.portGiven = true;
             }
             return true;
         }},
        {"i,id", "id", All, nullptr, "client id", false,
         [](O &o, S &, const QString &v) {
             o.clientId = v;
             if (o.clientId.toUtf8().size() > 65535)
                 return o.fail(QStringLiteral("-i: the client id is longer than 65535 bytes"));
             return true;
         }},
        {"I,id-prefix", "prefix", All, nullptr, "client id prefix (the pid is added)",
         false, [](O &o, S &s, const QString &v) {
             if (s.isSet("i"))
                 return o.fail(QStringLiteral("-I: cannot be combined with -i"));
             o.clientIdPrefix = v;
             return true;
         }},
        {"k,keepalive", "seconds", All, nullptr, "keepalive (default 60)", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("-k"), v, 0, 65535,
                         QStringLiteral("a keepalive from 0 to 65535 seconds"), &n))
                 return false;
             o.keepAlive = int(n);
             return true;
         }},
        {"q,qos", "qos", All, nullptr, "QoS 0, 1 or 2", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("-q"), v, 0, 2, QStringLiteral("a QoS (0, 1 or 2)"),
                         &n))
                 return false;
             o.qos = int(n);
             return true;
         }},
        {"u,username", "user", All, nullptr, "user name", false,
         [](O &o, S &, const QString &v) {
             o.username = v;
             return true;
         }},
        {"P,pw", "password", All, nullptr, "password", false,
         [](O &o, S &, const QString &v) {
             o.password = v.toUtf8();
             return true;
         }},
        {"V,protocol-version", "version", All, nullptr,
         "mqttv5|mqttv311|mqttv31|5|311|31 (default mqttv311)", false,
         [](O &o, S &, const QString &v) {
             if (v == u"mqttv311" || v == u"311")
                 o.protocol = ProtocolVersion::V311;
             else if (v == u"mqttv5" || v == u"5")
                 o.protocol = ProtocolVersion::V5;
             else if (v == u"mqttv31" || v == u"31")
                 o.protocol = ProtocolVersion::V31;
             else
                 return o.fail(QStringLiteral("-V: \"%1\" is not a protocol version (mqttv5, "
                                              "mqttv311, mqttv31, 5, 311, 31)").arg(v));
             return true;
         }},
        {"c,disable-clean-session", nullptr, All, nullptr,
         "persistent session (needs -i before MQTT 5)", false,
         [](O &o, S &, const QString &) {
             o.cleanSession = false;
             return true;
         }},
        {"x,session-expiry-interval", "seconds", All, nullptr,
         "session expiry (MQTT 5)", false, [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("-x"), v, 0, 4294967295LL,
                         QStringLiteral("a session expiry from 0 to 4294967295"), &n))
                 return false;
             if (o.protocol != ProtocolVersion::V5)
                 return o.fail(QStringLiteral("-x: session expiry needs MQTT 5 (-V 5)"));
             o.sessionExpiry = n;
             return true;
         }},
        {"will-topic", "topic", All, nullptr, "topic of the will message", false,
         [](O &o, S &, const QString &v) {
             o.willTopic = v;
             const QString problem = validateTopicName(v);
             if (!problem.isEmpty())
                 return o.fail(QStringLiteral("--will-topic: %1").arg(problem));
             return true;
         }},
        {"will-payload", "payload", All, nullptr, "payload of the will message", false,
         [](O &o, S &, const QString &v) {
             o.willPayload = v.toUtf8();
             return true;
         }},
        {"will-qos", "qos", All, nullptr, "QoS of the will message", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("--will-qos"), v, 0, 2,
                         QStringLiteral("a QoS (0, 1 or 2)"), &n))
                 return false;
             o.willQos = int(n);
             return true;
         }},
        {"will-retain", nullptr, All, nullptr, "retain the will message", false,
         [](O &o, S &, const QString &) {
             o.willRetain = true;
             return true;
         }},
        {"cafile", "file", All, nullptr, "CA certificates (turns TLS on)", false,
         [](O &o, S &, const QString &v) {
             return o.readable(QStringLiteral("--cafile"), v, false);
         }},
        {"capath", "dir", All, nullptr, "directory of CA certificates (TLS)", false,
         [](O &o, S &, const QString &v) {
             return o.readable(QStringLiteral("--capath"), v, true);
         }},
        {"cert", "file", All, nullptr, "client certificate (with --key)", false,
         [](O &o, S &, const QString &v) {
             return o.readable(QStringLiteral("--cert"), v, false);
         }},
        {"key", "file", All, nullptr, "client private key (with --cert)", false,
         [](O &o, S &, const QString &v) {
             return o.readable(QStringLiteral("--key"), v, false);
         }},
        // Applied with the other TLS settings in CliOptions::checkRules().
        {"insecure", nullptr, All, nullptr, "do not verify the broker's certificate", false,
         nullptr},
        {"d,debug", nullptr, All, nullptr, "log packets and notices to stderr", false,
         [](O &o, S &, const QString &) {
             o.debug = true;
             return true;
         }},
        {"help", nullptr, All, nullptr, "this text", false, nullptr},
        {"version", nullptr, All, nullptr, "version", false, nullptr},
        // -D is taken out before the table is used (it has 2 or 3 values): here for --help.
        {"D,property", "command property value", All, nullptr,
         "MQTT 5 property (user-property takes a name and a value)", false, nullptr},

        // --- sub and record ---
        {"t,topic", "topic", All, nullptr,
         "topic filter (sub, record; repeatable) or topic (pub)", true,
         [](O &o, S &, const QString &v) {
             o.topics << v;
             return true;
         }},
        {"T,filter-out", "filter", SubRecord, "sub", "do not print topics matching it", true,
         [](O &o, S &, const QString &v) {
             const QString problem = validateTopicFilter(v);
             if (!problem.isEmpty())
                 return o.fail(QStringLiteral("-T: %1").arg(problem));
             o.filterOut << v;
             return true;
         }},
        {"C,count", "count", SubRecord, "sub", "exit after this many messages", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("-C"), v, 1, std::numeric_limits<int>::max(),
                         QStringLiteral("a positive count"), &n))
                 return false;
             o.count = int(n);
             return true;
         }},
        {"W,timeout", "seconds", All, nullptr, "exit 3 after this many seconds", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("-W"), v, 1, 2147483,
                         QStringLiteral("a positive number of seconds"), &n))
                 return false;
             o.timeoutSeconds = int(n);
             return true;
         }},
        {"v,verbose", nullptr, Sub, "sub", "print the topic before the payload", false,
         [](O &o, S &, const QString &) {
             o.verbose = true;
             return true;
         }},
        {"N,no-eol", nullptr, Sub, "sub", "no newline after each payload", false,
         [](O &o, S &, const QString &) {
             o.noEol = true;
             return true;
         }},
        {"R,no-retained", nullptr, SubRecord, "sub", "skip retained messages", false,
         [](O &o, S &, const QString &) {
             o.noRetained = true;
             return true;
         }},
        {"retained-only", nullptr, SubRecord, "sub", "only retained messages, then exit",
         false, [](O &o, S &, const QString &) {
             o.retainedOnly = true;
             return true;
         }},
        {"E,exit-after-subscribe", nullptr, SubRecord, "sub", "exit once subscribed", false,
         [](O &o, S &, const QString &) {
             o.exitAfterSubscribe = true;
             return true;
         }},
        {"F,format", "format", Sub, "sub", "output format, codes below", false,
         [](O &o, S &s, const QString &v) {
             if (s.isSet("json"))
                 return o.fail(QStringLiteral("-F and --json cannot be combined"));
             o.format = v;
             const QString problem = MessageFormatter::checkFormat(v);
             if (!problem.isEmpty())
                 return o.fail(QStringLiteral("-F: %1 of \"%2\"").arg(problem, v));
             o.formatGiven = true;
             return true;
         }},
        {"json", nullptr, Sub, "sub", "JSON lines (as -F %j)", false,
         [](O &o, S &s, const QString &) {
             if (!s.isSet("F")) {
                 o.format = QStringLiteral("%j");
                 o.formatGiven = true;
             }
             return true;
         }},
        {"record", "file", SubRecord, "sub or record", "also write a session file", false,
         [](O &o, S &, const QString &v) {
             o.recordFile = v;
             return true;
         }},
        {"no-reconnect", nullptr, SubRecord, "sub", "exit 1 when the connection is lost",
         false, [](O &o, S &, const QString &) {
             o.noReconnect = true;
             return true;
         }},

        // --- pub ---
        {"m,message", "message", Pub, "pub", "payload", false,
         [](O &o, S &, const QString &v) {
             o.setPayloadSource(CliOptions::PayloadSource::Message);
             o.message = v.toUtf8();
             return true;
         }},
        {"f,file", "file", Pub, "pub", "payload from a file", false,
         [](O &o, S &, const QString &v) {
             o.setPayloadSource(CliOptions::PayloadSource::File);
             o.payloadFile = v;
             return o.readable(QStringLiteral("-f"), v, false);
         }},
        {"s,stdin-file", nullptr, Pub, "pub", "all of stdin as one message", false,
         [](O &o, S &, const QString &) {
             o.setPayloadSource(CliOptions::PayloadSource::Stdin);
             return true;
         }},
        {"l,stdin-line", nullptr, Pub, "pub", "each line of stdin, as it arrives", false,
         [](O &o, S &, const QString &) {
             o.setPayloadSource(CliOptions::PayloadSource::Lines);
             return true;
         }},
        {"n,null-message", nullptr, Pub, "pub", "empty payload", false,
         [](O &o, S &, const QString &) {
             o.setPayloadSource(CliOptions::PayloadSource::Null);
             return true;
         }},
        {"r,retain", nullptr, Pub, "pub", "retain the message", false,
         [](O &o, S &, const QString &) {
             o.retain = true;
             return true;
         }},
        {"repeat", "count", Pub, "pub", "publish this many times", false,
         [](O &o, S &, const QString &v) {
             qint64 n = 0;
             if (!number(o, QStringLiteral("--repeat"), v, 1, std::numeric_limits<int>::max(),
                         QStringLiteral("a positive count"), &n))
                 return false;
             o.repeat = int(n);
             return true;
         }},
        {"repeat-delay", "seconds", Pub, "pub", "pause between repeats", false,
         [](O &o, S &, const QString &v) {
             bool ok = false;
             o.repeatDelay = v.toDouble(&ok);
             if (!ok || o.repeatDelay < 0)
                 return o.fail(QStringLiteral("--repeat-delay: \"%1\" is not a number of seconds")
                                       .arg(v));
             return true;
         }},

        // --- replay ---
        {"speed", "factor", Replay, "replay", "replay at this speed (default 1)", false,
         [](O &o, S &, const QString &v) {
             bool ok = false;
             o.speed = v.toDouble(&ok);
             if (!ok || !(o.speed > 0))
                 return o.fail(QStringLiteral("--speed: \"%1\" is not a positive factor").arg(v));
             return true;
         }},
        {"as-fast-as-possible", nullptr, Replay, "replay", "no pauses", false,
         [](O &o, S &, const QString &) {
             o.asFastAsPossible = true;
             return true;
         }},
        {"topic-prefix", "prefix", Replay, "replay", "prefix every topic", false,
         [](O &o, S &, const QString &v) {
             o.topicPrefix = v;
             if (v.contains(u'+') || v.contains(u'#'))
                 return o.fail(QStringLiteral("--topic-prefix: must not contain '+' or '#'"));
             return true;
         }},
    };
    return table;
}

unsigned CliOptionTable::commandBit(CliOptions::Command command)
{
    switch (command) {
    case CliOptions::Command::Sub:
        return Sub;
    case CliOptions::Command::Record:
        return Record;
    case CliOptions::Command::Pub:
        return Pub;
    case CliOptions::Command::Replay:
        return Replay;
    case CliOptions::Command::None:
        break;
    }
    return 0;
}

// One line per option given to exactly `commands`, for --help.
QString CliOptionTable::optionHelp(unsigned commands)
{
    QString lines;
    for (const Option &spec : options()) {
        if (spec.commands != commands)
            continue;
        QStringList flags;
        for (const QString &n : spec.names)
            flags << flagName(n);
        QString left = QStringLiteral("  ") + flags.join(QStringLiteral(", "));
        if (spec.valueName)
            left += u' ' + QString::fromLatin1(spec.valueName).toUpper();
        const QStringList help = QString::fromLatin1(spec.help).split(u'\n');
        lines += left.leftJustified(32) + u' ' + help.first() + u'\n';
        for (qsizetype i = 1; i < help.size(); ++i)
            lines += QString(33, u' ') + help.at(i) + u'\n';
    }
    return lines;
}

} // namespace mqtt::cli
