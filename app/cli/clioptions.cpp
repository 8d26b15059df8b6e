#include "clioptions.h"

#include "brokerurl.h"
#include "messageformatter.h"
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
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
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

bool CliOptions::parse(const QStringList &arguments)
{
    m_error.clear();
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
    const QCommandLineOption oHost({"h", "host"}, "", "host");
    const QCommandLineOption oPort({"p", "port"}, "", "port");
    const QCommandLineOption oUrl({"L", "url"}, "", "url");
    const QCommandLineOption oId({"i", "id"}, "", "id");
    const QCommandLineOption oIdPrefix({"I", "id-prefix"}, "", "prefix");
    const QCommandLineOption oKeepalive({"k", "keepalive"}, "", "seconds");
    const QCommandLineOption oQos({"q", "qos"}, "", "qos");
    const QCommandLineOption oUser({"u", "username"}, "", "user");
    const QCommandLineOption oPass({"P", "pw"}, "", "password");
    const QCommandLineOption oVersion({"V", "protocol-version"}, "", "version");
    const QCommandLineOption oNoClean({"c", "disable-clean-session"}, "");
    const QCommandLineOption oExpiry({"x", "session-expiry-interval"}, "", "seconds");
    const QCommandLineOption oWillTopic("will-topic", "", "topic");
    const QCommandLineOption oWillPayload("will-payload", "", "payload");
    const QCommandLineOption oWillQos("will-qos", "", "qos");
    const QCommandLineOption oWillRetain("will-retain", "");
    const QCommandLineOption oCafile("cafile", "", "file");
    const QCommandLineOption oCapath("capath", "", "dir");
    const QCommandLineOption oCert("cert", "", "file");
    const QCommandLineOption oKey("key", "", "file");
    const QCommandLineOption oInsecure("insecure", "");
    const QCommandLineOption oDebug({"d", "debug"}, "");
    const QCommandLineOption oHelp("help", "");
    const QCommandLineOption oVer("version", "");
    const QCommandLineOption oTopic({"t", "topic"}, "", "topic");
    const QCommandLineOption oFilterOut({"T", "filter-out"}, "", "filter");
    const QCommandLineOption oCount({"C", "count"}, "", "count");
    const QCommandLineOption oTimeout({"W", "timeout"}, "", "seconds");
    const QCommandLineOption oVerbose({"v", "verbose"}, "");
    const QCommandLineOption oNoEol({"N", "no-eol"}, "");
    const QCommandLineOption oNoRetained({"R", "no-retained"}, "");
    const QCommandLineOption oRetainedOnly("retained-only", "");
    const QCommandLineOption oExitSub({"E", "exit-after-subscribe"}, "");
    const QCommandLineOption oFormat({"F", "format"}, "", "format");
    const QCommandLineOption oJson("json", "");
    const QCommandLineOption oRecord("record", "", "file");
    const QCommandLineOption oNoReconnect("no-reconnect", "");
    const QCommandLineOption oMessage({"m", "message"}, "", "message");
    const QCommandLineOption oFile({"f", "file"}, "", "file");
    const QCommandLineOption oStdin({"s", "stdin-file"}, "");
    const QCommandLineOption oLines({"l", "stdin-line"}, "");
    const QCommandLineOption oNull({"n", "null-message"}, "");
    const QCommandLineOption oRetain({"r", "retain"}, "");
    const QCommandLineOption oRepeat("repeat", "", "count");
    const QCommandLineOption oRepeatDelay("repeat-delay", "", "seconds");
    const QCommandLineOption oSpeed("speed", "", "factor");
    const QCommandLineOption oFast("as-fast-as-possible", "");
    const QCommandLineOption oPrefix("topic-prefix", "", "prefix");
    p.addOptions({oHost, oPort, oUrl, oId, oIdPrefix, oKeepalive, oQos, oUser, oPass, oVersion,
                  oNoClean, oExpiry, oWillTopic, oWillPayload, oWillQos, oWillRetain, oCafile,
                  oCapath, oCert, oKey, oInsecure, oDebug, oHelp, oVer, oTopic, oFilterOut,
                  oCount, oTimeout, oVerbose, oNoEol, oNoRetained, oRetainedOnly, oExitSub,
                  oFormat, oJson, oRecord, oNoReconnect, oMessage, oFile, oStdin, oLines, oNull, oRetain,
                  oRepeat, oRepeatDelay, oSpeed, oFast, oPrefix});
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
    if (p.isSet(oHelp)) {
        m_help = true;
        return true;
    }
    if (p.isSet(oVer)) {
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
    const QList<const QCommandLineOption *> subOnly{&oFilterOut, &oCount, &oVerbose, &oNoEol,
                                                    &oNoRetained, &oRetainedOnly, &oExitSub,
                                                    &oFormat, &oJson, &oNoReconnect};
    const QList<const QCommandLineOption *> pubOnly{&oMessage, &oFile, &oStdin, &oLines, &oNull,
                                                    &oRetain, &oRepeat, &oRepeatDelay};
    const QList<const QCommandLineOption *> replayOnly{&oSpeed, &oFast, &oPrefix};
    auto reject = [&](const QList<const QCommandLineOption *> &list, const char *where) {
        for (const QCommandLineOption *o : list) {
            if (p.isSet(*o)) {
                const QString n = o->names().first();
                return fail(QStringLiteral("%1%2: only valid with %3")
                                    .arg(n.size() == 1 ? "-" : "--", n, QLatin1String(where)));
            }
        }
        return true;
    };
    if (command != Command::Sub && command != Command::Record && !reject(subOnly, "sub"))
        return false;
    // record is sub without printing: the printing flags make no sense there.
    if (command == Command::Record
        && !reject({&oVerbose, &oNoEol, &oFormat, &oJson}, "sub (record does not print)"))
        return false;
    if (command != Command::Pub && !reject(pubOnly, "pub"))
        return false;
    if (command != Command::Replay && !reject(replayOnly, "replay"))
        return false;
    if ((command == Command::Pub || command == Command::Replay) && p.isSet(oRecord))
        return fail(QStringLiteral("--record: only valid with sub or record"));

    // --- connection ---
    qint64 n = 0;
    BrokerUrl url;
    // Options apply in order, as mosquitto_sub/pub do: -L sets host and port (its scheme's
    // default port when the URL has none), and a -h or -p given after -L overrides it, while
    // one given before it is overridden.
    const qsizetype urlAt = lastOptionIndex(args, {"L", "url"});
    const bool hostAfterUrl = lastOptionIndex(args, {"h", "host"}) > urlAt;
    const bool portAfterUrl = lastOptionIndex(args, {"p", "port"}) > urlAt;
    if (p.isSet(oUrl)) {
        url = BrokerUrl::parse(p.value(oUrl));
        if (!url.isValid())
            return fail(QStringLiteral("-L: %1").arg(url.errorString()));
        host = url.host();
        port = url.hasExplicitPort() ? url.port() : BrokerUrl::defaultPort(url.scheme());
        portGiven = true;
        if (url.hasUserName())
            username = url.userName();
        if (url.hasPassword())
            password = url.password().toUtf8();
        transport = url.transportOptions();
        tls = url.isTls();
        if (!url.topic().isEmpty())
            topics << url.topic();
    }
    if (p.isSet(oHost) && (!url.isValid() || hostAfterUrl))
        host = p.value(oHost);
    if (host.isEmpty())
        return fail(QStringLiteral("-h: the host name is empty"));
    if (p.isSet(oPort)) {
        if (!toInt(p.value(oPort), 1, 65535, &n))
            return fail(QStringLiteral("-p: \"%1\" is not a port number (1-65535)")
                                .arg(p.value(oPort)));
        if (!url.isValid() || portAfterUrl) {
            port = quint16(n);
            portGiven = true;
        }
    }
    if (p.isSet(oId)) {
        clientId = p.value(oId);
        if (clientId.toUtf8().size() > 65535)
            return fail(QStringLiteral("-i: the client id is longer than 65535 bytes"));
    }
    if (p.isSet(oIdPrefix)) {
        if (p.isSet(oId))
            return fail(QStringLiteral("-I: cannot be combined with -i"));
        clientIdPrefix = p.value(oIdPrefix);
    }
    if (p.isSet(oKeepalive)) {
        if (!toInt(p.value(oKeepalive), 0, 65535, &n))
            return fail(QStringLiteral("-k: \"%1\" is not a keepalive from 0 to 65535 seconds")
                                .arg(p.value(oKeepalive)));
        keepAlive = int(n);
    }
    if (p.isSet(oQos)) {
        if (!toInt(p.value(oQos), 0, 2, &n))
            return fail(QStringLiteral("-q: \"%1\" is not a QoS (0, 1 or 2)").arg(p.value(oQos)));
        qos = int(n);
    }
    if (p.isSet(oUser))
        username = p.value(oUser);
    if (p.isSet(oPass))
        password = p.value(oPass).toUtf8();
    if (p.isSet(oVersion)) {
        const QString v = p.value(oVersion);
        if (v == u"mqttv311" || v == u"311")
            protocol = ProtocolVersion::V311;
        else if (v == u"mqttv5" || v == u"5")
            protocol = ProtocolVersion::V5;
        else if (v == u"mqttv31" || v == u"31")
            protocol = ProtocolVersion::V31;
        else
            return fail(QStringLiteral("-V: \"%1\" is not a protocol version (mqttv5, mqttv311, "
                                       "mqttv31, 5, 311, 31)").arg(v));
    }
    if (password && username.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-P: a password needs a user name (-u) before MQTT 5 "
                                   "[MQTT-3.1.2-22]"));
    cleanSession = !p.isSet(oNoClean);
    if (p.isSet(oExpiry)) {
        if (!toInt(p.value(oExpiry), 0, 4294967295LL, &n))
            return fail(QStringLiteral("-x: \"%1\" is not a session expiry from 0 to 4294967295")
                                .arg(p.value(oExpiry)));
        if (protocol != ProtocolVersion::V5)
            return fail(QStringLiteral("-x: session expiry needs MQTT 5 (-V 5)"));
        sessionExpiry = n;
    }
    if (!cleanSession && clientId.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-c: a persistent session needs a client id (-i) "
                                   "[MQTT-3.1.3-7]"));
    if (p.isSet(oWillTopic)) {
        willTopic = p.value(oWillTopic);
        const QString problem = validateTopicName(willTopic);
        if (!problem.isEmpty())
            return fail(QStringLiteral("--will-topic: %1").arg(problem));
    }
    if (p.isSet(oWillPayload))
        willPayload = p.value(oWillPayload).toUtf8();
    if (p.isSet(oWillQos)) {
        if (!toInt(p.value(oWillQos), 0, 2, &n))
            return fail(QStringLiteral("--will-qos: \"%1\" is not a QoS (0, 1 or 2)")
                                .arg(p.value(oWillQos)));
        willQos = int(n);
    }
    willRetain = p.isSet(oWillRetain);
    if (willTopic.isEmpty() && (p.isSet(oWillPayload) || p.isSet(oWillQos) || willRetain))
        return fail(QStringLiteral("--will-payload/--will-qos/--will-retain need --will-topic"));
    auto readable = [this](const QString &flag, const QString &path, bool dir) {
        const QFileInfo fi(path);
        if (!fi.exists() || (dir ? !fi.isDir() : !fi.isFile()) || !fi.isReadable())
            return fail(QStringLiteral("%1: cannot read %2 \"%3\"")
                                .arg(flag, dir ? "directory" : "file", path));
        return true;
    };
    if (p.isSet(oCafile) && !readable("--cafile", p.value(oCafile), false))
        return false;
    if (p.isSet(oCapath) && !readable("--capath", p.value(oCapath), true))
        return false;
    if (p.isSet(oCert) && !readable("--cert", p.value(oCert), false))
        return false;
    if (p.isSet(oKey) && !readable("--key", p.value(oKey), false))
        return false;
    if (p.isSet(oCert) != p.isSet(oKey))
        return fail(QStringLiteral("--cert and --key must be given together"));
    if (p.isSet(oCafile) || p.isSet(oCapath) || p.isSet(oCert) || p.isSet(oInsecure))
        tls = true;
    transport.tls.enabled = tls;
    transport.tls.caFile = p.value(oCafile);
    transport.tls.caPath = p.value(oCapath);
    transport.tls.certFile = p.value(oCert);
    transport.tls.keyFile = p.value(oKey);
    transport.tls.insecure = p.isSet(oInsecure);
    if (!portGiven)
        port = tls ? 8883 : 1883;
    debug = p.isSet(oDebug);
    {
        const QString scheme = url.isValid() ? url.schemeName()
                                             : (tls ? QStringLiteral("mqtts") : QStringLiteral("mqtt"));
        const QString h = host.contains(u':') ? QStringLiteral("[%1]").arg(host) : host;
        brokerUrl = QStringLiteral("%1://%2:%3").arg(scheme, h).arg(port);
    }

    for (const PendingProperty &pp : properties) {
        if (!parseProperty(pp.command, pp.name, pp.value))
            return false;
    }
    if (!properties.isEmpty() && protocol != ProtocolVersion::V5)
        return fail(QStringLiteral("-D: MQTT 5 properties need -V 5"));
    if (sessionExpiry >= 0)
        connectProperties.setSessionExpiryInterval(quint32(sessionExpiry));

    // --- per command ---
    topics << p.values(oTopic);
    if (command == Command::Sub || command == Command::Record) {
        if (topics.isEmpty())
            return fail(QStringLiteral("-t: %1 needs at least one topic filter").arg(cmd));
        for (const QString &t : std::as_const(topics)) {
            const QString problem = validateTopicFilter(t);
            if (!problem.isEmpty())
                return fail(QStringLiteral("-t: %1").arg(problem));
        }
        filterOut = p.values(oFilterOut);
        for (const QString &t : std::as_const(filterOut)) {
            const QString problem = validateTopicFilter(t);
            if (!problem.isEmpty())
                return fail(QStringLiteral("-T: %1").arg(problem));
        }
        if (p.isSet(oCount)) {
            if (!toInt(p.value(oCount), 1, std::numeric_limits<int>::max(), &n))
                return fail(QStringLiteral("-C: \"%1\" is not a positive count")
                                    .arg(p.value(oCount)));
            count = int(n);
        }
        verbose = p.isSet(oVerbose);
        noEol = p.isSet(oNoEol);
        noRetained = p.isSet(oNoRetained);
        retainedOnly = p.isSet(oRetainedOnly);
        if (noRetained && retainedOnly)
            return fail(QStringLiteral("-R and --retained-only cannot be combined"));
        exitAfterSubscribe = p.isSet(oExitSub);
        if (p.isSet(oFormat) && p.isSet(oJson))
            return fail(QStringLiteral("-F and --json cannot be combined"));
        if (p.isSet(oFormat)) {
            format = p.value(oFormat);
            const QString problem = MessageFormatter::checkFormat(format);
            if (!problem.isEmpty())
                return fail(QStringLiteral("-F: %1 of \"%2\"").arg(problem, format));
            formatGiven = true;
        } else if (p.isSet(oJson)) {
            format = QStringLiteral("%j");
            formatGiven = true;
        }
        recordFile = p.value(oRecord);
        noReconnect = p.isSet(oNoReconnect);
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
        int sources = 0;
        if (p.isSet(oMessage)) {
            payloadSource = PayloadSource::Message;
            message = p.value(oMessage).toUtf8();
            ++sources;
        }
        if (p.isSet(oFile)) {
            payloadSource = PayloadSource::File;
            payloadFile = p.value(oFile);
            if (!readable("-f", payloadFile, false))
                return false;
            ++sources;
        }
        if (p.isSet(oStdin)) {
            payloadSource = PayloadSource::Stdin;
            ++sources;
        }
        if (p.isSet(oLines)) {
            payloadSource = PayloadSource::Lines;
            ++sources;
        }
        if (p.isSet(oNull)) {
            payloadSource = PayloadSource::Null;
            ++sources;
        }
        if (sources != 1)
            return fail(QStringLiteral("pub needs exactly one of -m, -f, -s, -l, -n"));
        retain = p.isSet(oRetain);
        if (p.isSet(oRepeat)) {
            if (!toInt(p.value(oRepeat), 1, std::numeric_limits<int>::max(), &n))
                return fail(QStringLiteral("--repeat: \"%1\" is not a positive count")
                                    .arg(p.value(oRepeat)));
            repeat = int(n);
        }
        if (p.isSet(oRepeatDelay)) {
            bool ok = false;
            repeatDelay = p.value(oRepeatDelay).toDouble(&ok);
            if (!ok || repeatDelay < 0)
                return fail(QStringLiteral("--repeat-delay: \"%1\" is not a number of seconds")
                                    .arg(p.value(oRepeatDelay)));
        }
        if (payloadSource == PayloadSource::Lines && (p.isSet(oRepeat) || p.isSet(oRepeatDelay)))
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
        if (p.isSet(oSpeed)) {
            bool ok = false;
            speed = p.value(oSpeed).toDouble(&ok);
            if (!ok || !(speed > 0))
                return fail(QStringLiteral("--speed: \"%1\" is not a positive factor")
                                    .arg(p.value(oSpeed)));
        }
        asFastAsPossible = p.isSet(oFast);
        if (asFastAsPossible && p.isSet(oSpeed))
            return fail(QStringLiteral("--speed and --as-fast-as-possible cannot be combined"));
        topicPrefix = p.value(oPrefix);
        if (topicPrefix.contains(u'+') || topicPrefix.contains(u'#'))
            return fail(QStringLiteral("--topic-prefix: must not contain '+' or '#'"));
    }
    if (p.isSet(oCount) || p.isSet(oTimeout)) {
        if (p.isSet(oTimeout)) {
            if (!toInt(p.value(oTimeout), 1, 2147483, &n))
                return fail(QStringLiteral("-W: \"%1\" is not a positive number of seconds")
                                    .arg(p.value(oTimeout)));
            timeoutSeconds = int(n);
        }
    }
    return true;
}

QString CliOptions::helpText()
{
    return QStringLiteral(
            "mqtt-inspector-cli " MQTTCORE_VERSION_STRING "\n"
            "Usage: mqtt-inspector-cli sub|record|pub|replay [options]\n"
            "  sub     -t filter [-t ...] [-T filter-out] [-C count] [-W secs] [-v] [-N] [-R]\n"
            "          [--retained-only] [-E] [-F format | --json] [--record FILE]\n"
            "          [--no-reconnect]\n"
            "  record  FILE -t filter [...]   (sub without printing, writes a session file)\n"
            "  pub     -t topic (-m msg | -f file | -s | -l | -n) [-r] [--repeat N]\n"
            "          [--repeat-delay secs]\n"
            "          -s sends all of stdin as one message; -l sends each line as it arrives\n"
            "sub and record reconnect with back-off (1 s doubling to 30 s) when the connection\n"
            "  is lost (-d prints notices); they exit 1 on a refused CONNACK, when the first\n"
            "  connection fails, or with --no-reconnect. pub and replay exit 1 when it is lost.\n"
            "  replay  FILE [--speed X | --as-fast-as-possible] [--topic-prefix P]\n"
            "Connection: -h host, -p port, -L mqtt[s]|ws[s]://[user[:pass]@]host[:port]/topic,\n"
            "  (for ws[s] the path is the HTTP path, default /mqtt: give the topic with -t),\n"
            "  -i id, -I id-prefix, -k keepalive, -q qos, -u user, -P password,\n"
            "  -V mqttv5|mqttv311|mqttv31|5|311|31, -c (no clean session), -x session-expiry,\n"
            "  --will-topic/--will-payload/--will-qos/--will-retain,\n"
            "  --cafile, --capath, --cert, --key, --insecure,\n"
            "  -D command property value (MQTT 5 properties), -d (log to stderr)\n"
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
