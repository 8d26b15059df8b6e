#include "clioptions.h"

#include "clioptiontable.h"

#include "brokerurl.h"
#include "mqttcoreglobal.h"
#include "topic.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace mqtt::cli {

namespace {

// "Receive Maximum" -> "receive-maximum": mosquitto's -D spelling.
QString cliPropertyName(PropertyId id)
{
    return QString::fromLatin1(propertyName(id)).toLower().replace(u' ', u'-');
}

std::optional<PropertyId> propertyFromCliName(const QString &name)
{
    for (int i = 1; i < 0x30; ++i) {
        if (isKnownProperty(quint8(i)) && cliPropertyName(PropertyId(i)) == name)
            return PropertyId(i);
    }
    return std::nullopt;
}

bool toInt(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    return CliOptionTable::parseInteger(text, min, max, out);
}

} // namespace

bool CliOptions::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool CliOptions::parseProperty(const QString &commandName, const QString &name,
                               const QString &value)
{
    struct Target { const char *name; PacketType type; bool will; Properties *props; };
    const Target targets[] = {
        {"connect", PacketType::Connect, false, &connectProperties},
        {"publish", PacketType::Publish, false, &publishProperties},
        {"subscribe", PacketType::Subscribe, false, &subscribeProperties},
        {"unsubscribe", PacketType::Unsubscribe, false, &unsubscribeProperties},
        {"disconnect", PacketType::Disconnect, false, &disconnectProperties},
        {"will", PacketType::Connect, true, &willProperties},
    };
    const Target *target = nullptr;
    for (const Target &t : targets) {
        if (commandName.compare(QLatin1String(t.name), Qt::CaseInsensitive) == 0)
            target = &t;
    }
    if (!target)
        return fail(QStringLiteral("-D: unknown command \"%1\" (connect, publish, subscribe, "
                                   "unsubscribe, disconnect or will)").arg(commandName));
    const auto id = propertyFromCliName(name.toLower());
    if (!id)
        return fail(QStringLiteral("-D %1: unknown property \"%2\"").arg(commandName, name));
    if (!isPropertyAllowed(*id, target->type, target->will))
        return fail(QStringLiteral("-D %1 %2: this property is not allowed in %1")
                            .arg(commandName, name));
    Property p;
    p.id = *id;
    qint64 n = 0;
    switch (propertyType(*id)) {
    case PropertyType::Byte:
        if (!toInt(value, 0, 255, &n))
            return fail(QStringLiteral("-D %1 %2: \"%3\" is not a number from 0 to 255")
                                .arg(commandName, name, value));
        p.number = quint32(n);
        break;
    case PropertyType::TwoByteInteger:
        if (!toInt(value, 0, 65535, &n))
            return fail(QStringLiteral("-D %1 %2: \"%3\" is not a number from 0 to 65535")
                                .arg(commandName, name, value));
        p.number = quint32(n);
        break;
    case PropertyType::FourByteInteger:
        if (!toInt(value, 0, 4294967295LL, &n))
            return fail(QStringLiteral("-D %1 %2: \"%3\" is not a number from 0 to 4294967295")
                                .arg(commandName, name, value));
        p.number = quint32(n);
        break;
    case PropertyType::VariableByteInteger:
        if (!toInt(value, 1, 268435455, &n))
            return fail(QStringLiteral("-D %1 %2: \"%3\" is not a number from 1 to 268435455")
                                .arg(commandName, name, value));
        p.number = quint32(n);
        break;
    case PropertyType::Utf8String:
        p.text = value;
        break;
    case PropertyType::BinaryData:
        p.binary = value.toUtf8();
        break;
    case PropertyType::Utf8StringPair: {
        const qsizetype sep = value.indexOf(QChar(0));
        p.text = value.left(sep);
        p.text2 = value.mid(sep + 1);
        break;
    }
    }
    target->props->append(p);
    return true;
}

namespace {

// Index of the last occurrence of an option among `args` (-x, --x, -x=v, --x=v), or -1: the
// order of -L against -h/-p, which QCommandLineParser does not keep.
qsizetype lastOptionIndex(const QStringList &args, std::initializer_list<const char *> names)
{
    for (qsizetype i = args.size() - 1; i > 0; --i) {
        const QString &a = args[i];
        for (const char *name : names) {
            for (const QString &dash : {QStringLiteral("-"), QStringLiteral("--")}) {
                const QString option = dash + QLatin1String(name);
                if (a == option || a.startsWith(option + QLatin1Char('=')))
                    return i;
            }
        }
    }
    return -1;
}

} // namespace

void CliOptions::setPayloadSource(PayloadSource source)
{
    payloadSource = source;
    ++m_payloadSources;
}

bool CliOptions::readable(const QString &flag, const QString &path, bool dir)
{
    const QFileInfo fi(path);
    if (!fi.exists() || (dir ? !fi.isDir() : !fi.isFile()) || !fi.isReadable())
        return fail(QStringLiteral("%1: cannot read %2 \"%3\"")
                            .arg(flag, dir ? QStringLiteral("directory") : QStringLiteral("file"),
                                 path));
    return true;
}

bool CliOptions::parse(const QStringList &arguments)
{
    m_error.clear();
    m_payloadSources = 0;
    // -D takes 2 or 3 values, which QCommandLineParser cannot express: take them out first.
    QStringList args;
    struct PendingProperty { QString command, name, value; };
    QList<PendingProperty> properties;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == u"-D" || a == u"--property") {
            if (i + 2 >= arguments.size())
                return fail(QStringLiteral("-D: needs a command, a property name and a value"));
            const QString name = arguments[i + 2];
            if (name == u"user-property") {
                if (i + 4 >= arguments.size())
                    return fail(QStringLiteral("-D %1 user-property: needs a name and a value")
                                        .arg(arguments[i + 1]));
                properties.append({arguments[i + 1], name,
                                   arguments[i + 3] + QChar(0) + arguments[i + 4]});
                i += 4;
            } else {
                if (i + 3 >= arguments.size())
                    return fail(QStringLiteral("-D %1 %2: needs a value")
                                        .arg(arguments[i + 1], name));
                properties.append({arguments[i + 1], name, arguments[i + 3]});
                i += 3;
            }
            continue;
        }
        args << a;
    }

    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const CliOptionTable::Option &spec : CliOptionTable::options()) {
        if (!spec.apply && spec.names.first() == u"D")
            continue; // taken out above
        QCommandLineOption option(spec.names, QString());
        if (spec.valueName)
            option.setValueName(QLatin1String(spec.valueName));
        p.addOption(option);
    }
    if (!p.parse(args)) {
        // QCommandLineParser names an unknown option without its dashes ('bogus' for
        // --bogus); say it as typed, like mosquitto_sub does.
        for (const QString &name : p.unknownOptionNames()) {
            for (const QString &a : args) {
                const QString flag = a.section(u'=', 0, 0);
                if (flag.startsWith(u'-')
                    && flag.mid(flag.startsWith(QLatin1String("--")) ? 2 : 1) == name)
                    return fail(QStringLiteral("Unknown option '%1'.").arg(flag));
            }
        }
        return fail(p.errorText());
    }
    if (p.isSet(QStringLiteral("help"))) {
        m_help = true;
        return true;
    }
    if (p.isSet(QStringLiteral("version"))) {
        m_version = true;
        return true;
    }

    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return fail(QStringLiteral("missing command: sub, pub, record or replay (see --help)"));
    const QString cmd = positional.first();
    if (cmd == u"sub")
        command = Command::Sub;
    else if (cmd == u"pub")
        command = Command::Pub;
    else if (cmd == u"record")
        command = Command::Record;
    else if (cmd == u"replay")
        command = Command::Replay;
    else
        return fail(QStringLiteral("unknown command \"%1\": use sub, pub, record or replay")
                            .arg(cmd));

    // Which flags each command accepts, so a misplaced one is an error, not ignored.
    const unsigned bit = CliOptionTable::commandBit(command);
    for (const CliOptionTable::Option &spec : CliOptionTable::options()) {
        if ((spec.commands & bit) || !p.isSet(spec.names.first()))
            continue;
        // record is sub without printing: the printing flags make no sense there.
        const QString where = command == Command::Record && (spec.commands & CliOptionTable::Sub)
                ? QStringLiteral("sub (record does not print)")
                : QLatin1String(spec.onlyWith);
        return fail(QStringLiteral("%1: only valid with %2")
                            .arg(spec.flag(), where));
    }

    // Options apply in order, as mosquitto_sub/pub do: -L sets host and port (its scheme's
    // default port when the URL has none), and a -h or -p given after -L overrides it, while
    // one given before it is overridden.
    CliOptionTable::State state{p, {}, false, false};
    const qsizetype urlAt = lastOptionIndex(args, {"L", "url"});
    state.hostAfterUrl = lastOptionIndex(args, {"h", "host"}) > urlAt;
    state.portAfterUrl = lastOptionIndex(args, {"p", "port"}) > urlAt;
    for (const CliOptionTable::Option &spec : CliOptionTable::options()) {
        const QString &name = spec.names.first();
        if (!spec.apply || !p.isSet(name))
            continue;
        if (!spec.valueName) {
            if (!spec.apply(*this, state, QString()))
                return false;
        } else if (spec.repeatable) {
            for (const QString &value : p.values(name)) {
                if (!spec.apply(*this, state, value))
                    return false;
            }
        } else if (!spec.apply(*this, state, p.value(name))) {
            return false;
        }
    }
    for (const PendingProperty &pp : properties) {
        if (!parseProperty(pp.command, pp.name, pp.value))
            return false;
    }
    if (!properties.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-D: MQTT 5 properties need -V 5"));
    return checkRules(p, state.url, positional);
}

// Rules between options (and positional arguments) that no single handler can check.
bool CliOptions::checkRules(const QCommandLineParser &p, const BrokerUrl &url,
                            const QStringList &positional)
{
    auto isSet = [&p](const char *name) { return p.isSet(QLatin1String(name)); };
    if (host.isEmpty())
        return fail(QStringLiteral("-h: the host name is empty"));
    if (password && username.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-P: a password needs a user name (-u) before MQTT 5 "
                                   "[MQTT-3.1.2-22]"));
    if (!cleanSession && clientId.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-c: a persistent session needs a client id (-i) "
                                   "[MQTT-3.1.3-7]"));
    if (willTopic.isEmpty()
        && (isSet("will-payload") || isSet("will-qos") || isSet("will-retain")))
        return fail(QStringLiteral("--will-payload/--will-qos/--will-retain need --will-topic"));
    if (isSet("cert") != isSet("key"))
        return fail(QStringLiteral("--cert and --key must be given together"));
    if (isSet("cafile") || isSet("capath") || isSet("cert") || isSet("insecure"))
        tls = true;
    transport.tls.enabled = tls;
    transport.tls.caFile = p.value(QStringLiteral("cafile"));
    transport.tls.caPath = p.value(QStringLiteral("capath"));
    transport.tls.certFile = p.value(QStringLiteral("cert"));
    transport.tls.keyFile = p.value(QStringLiteral("key"));
    transport.tls.insecure = isSet("insecure");
    if (!portGiven)
        port = tls ? 8883 : 1883;
    {
        const QString scheme = url.isValid()
                ? url.schemeName()
                : (tls ? QStringLiteral("mqtts") : QStringLiteral("mqtt"));
        const QString h = host.contains(u':') ? QStringLiteral("[%1]").arg(host) : host;
        brokerUrl = QStringLiteral("%1://%2:%3").arg(scheme, h).arg(port);
    }
    if (sessionExpiry >= 0)
        connectProperties.setSessionExpiryInterval(quint32(sessionExpiry));

    const QString &cmd = positional.first();
    if (command == Command::Sub || command == Command::Record) {
        if (topics.isEmpty())
            return fail(QStringLiteral("-t: %1 needs at least one topic filter").arg(cmd));
        for (const QString &t : std::as_const(topics)) {
            const QString problem = validateTopicFilter(t);
            if (!problem.isEmpty())
                return fail(QStringLiteral("-t: %1").arg(problem));
        }
        if (noRetained && retainedOnly)
            return fail(QStringLiteral("-R and --retained-only cannot be combined"));
        if (command == Command::Record) {
            if (positional.size() == 2 && recordFile.isEmpty())
                recordFile = positional[1];
            else if (positional.size() > 1)
                return fail(QStringLiteral("record: unexpected argument \"%1\"")
                                    .arg(positional.last()));
            if (recordFile.isEmpty())
                return fail(QStringLiteral("record: needs a FILE (record FILE or --record FILE)"));
        } else if (positional.size() > 1) {
            return fail(QStringLiteral("sub: unexpected argument \"%1\"").arg(positional[1]));
        }
    } else if (command == Command::Pub) {
        if (topics.size() != 1)
            return fail(QStringLiteral("-t: pub needs exactly one topic"));
        const QString problem = validateTopicName(topics.first());
        if (!problem.isEmpty())
            return fail(QStringLiteral("-t: %1").arg(problem));
        if (m_payloadSources != 1)
            return fail(QStringLiteral("pub needs exactly one of -m, -f, -s, -l, -n"));
        if (payloadSource == PayloadSource::Lines
            && (isSet("repeat") || isSet("repeat-delay")))
            return fail(QStringLiteral("--repeat/--repeat-delay: not valid with -l (each line "
                                       "is published once, as it arrives)"));
        if (positional.size() > 1)
            return fail(QStringLiteral("pub: unexpected argument \"%1\"").arg(positional[1]));
    } else if (command == Command::Replay) {
        if (positional.size() != 2)
            return fail(QStringLiteral("replay: needs exactly one session FILE"));
        replayFile = positional[1];
        if (!topics.isEmpty())
            return fail(QStringLiteral("-t: not valid with replay (use --topic-prefix)"));
        if (asFastAsPossible && isSet("speed"))
            return fail(QStringLiteral("--speed and --as-fast-as-possible cannot be combined"));
    }
    return true;
}

QString CliOptions::helpText()
{
    return QStringLiteral("mqtt-inspector-cli " MQTTCORE_VERSION_STRING "\n"
                          "Usage: mqtt-inspector-cli sub|record|pub|replay [options]\n"
                          "  sub     print the messages of the filters given with -t\n"
                          "  record  FILE: sub without printing, writes a session file\n"
                          "  pub     publish one message (or one per line with -l)\n"
                          "  replay  FILE: republish the received messages of a session file\n"
                          "Options of every command:\n")
            + CliOptionTable::optionHelp(CliOptionTable::All) + QStringLiteral("sub and record:\n")
            + CliOptionTable::optionHelp(CliOptionTable::SubRecord) + QStringLiteral("sub only:\n") + CliOptionTable::optionHelp(CliOptionTable::Sub)
            + QStringLiteral("pub:\n") + CliOptionTable::optionHelp(CliOptionTable::Pub) + QStringLiteral("replay:\n")
            + CliOptionTable::optionHelp(CliOptionTable::Replay)
            + QStringLiteral(
                    "sub and record reconnect with back-off (1 s doubling to 30 s) when the\n"
                    "  connection is lost (-d prints notices); they exit 1 on a refused CONNACK,\n"
                    "  when the first connection fails, or with --no-reconnect. pub and replay\n"
                    "  exit 1 when it is lost.\n"
                    "-F codes: %t topic, %p payload, %q qos, %r retain, %l length, %m mid,\n"
                    "  %I ISO time, %U unix time, %j JSON, %J JSON with properties, %x/%X hex payload,\n"
                    "  (%J embeds a JSON payload as JSON; unlike mosquitto_sub, which prints an error and\n"
                    "  nothing for a payload that is not JSON, it then writes it as %j does and adds\n"
                    "  \"payload_not_json\":true, so no message is lost)\n"
                    "  %A %C %D %E %F %P %R %S MQTT 5 properties, %% ; \\n \\t \\e escapes\n"
                    "Exit codes: 0 ok, 1 connection refused/lost or session file write error,\n"
                    "  2 usage error, 3 timeout (-W)\n");
}

} // namespace mqtt::cli
