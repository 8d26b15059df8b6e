#include "connectionprofile.h"

#include "topic.h"

#include <QJsonArray>
#include <QUuid>

namespace {

// JSON keys, one place so that reader and writer cannot drift apart.
const QLatin1String kId("id"), kName("name"), kHost("host"), kPort("port"), kTransport("transport"),
        kWsPath("webSocketPath"), kClientId("clientId"), kProtocol("protocol"),
        kKeepAlive("keepAlive"), kClean("cleanSession"), kSessionExpiry("sessionExpiry"),
        kUser("userName"), kSavePassword("savePassword"), kCa("caFile"), kCert("certFile"),
        kKey("keyFile"), kSavePassphrase("saveKeyPassphrase"), kInsecure("insecure"),
        kWill("will"), kTopic("topic"), kPayload("payloadBase64"), kQos("qos"),
        kRetain("retain"), kDelay("delay"), kExpiry("messageExpiry"),
        kContentType("contentType"), kResponseTopic("responseTopic"), kUtf8("payloadIsUtf8"),
        kReceiveMax("receiveMaximum"), kMaxPacket("maximumPacketSize"),
        kAliasMax("topicAliasMaximum"), kUserProps("userProperties"), kSubs("subscriptions"),
        kFilter("filter"), kNoLocal("noLocal"), kRap("retainAsPublished"),
        kRh("retainHandling"), kSubId("subscriptionId"), kReconnect("autoReconnect"),
        kAtLaunch("connectAtLaunch"), kEnabled("enabled");

// Readers of one typed field: false with *error naming the field when the type is wrong.
bool readString(const QJsonObject &o, QLatin1String key, QString *out, QString *error,
                const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isString()) {
        *error = ConnectionProfile::tr("%1\"%2\" must be a string").arg(where, key);
        return false;
    }
    *out = v.toString();
    return true;
}

bool readBool(const QJsonObject &o, QLatin1String key, bool *out, QString *error,
              const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isBool()) {
        *error = ConnectionProfile::tr("%1\"%2\" must be true or false").arg(where, key);
        return false;
    }
    *out = v.toBool();
    return true;
}

template<typename T>
bool readInt(const QJsonObject &o, QLatin1String key, T *out, qint64 min, qint64 max,
             QString *error, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != double(qint64(d)) || qint64(d) < min || qint64(d) > max) {
        *error = ConnectionProfile::tr("%1\"%2\" must be a whole number from %3 to %4")
                         .arg(where, key).arg(min).arg(max);
        return false;
    }
    *out = T(qint64(d));
    return true;
}

QString fieldName(const char *text)
{
    return ConnectionProfile::tr(text);
}

} // namespace

bool ProfileSubscription::operator==(const ProfileSubscription &o) const
{
    return filter == o.filter && qos == o.qos && noLocal == o.noLocal
        && retainAsPublished == o.retainAsPublished && retainHandling == o.retainHandling
        && subscriptionId == o.subscriptionId;
}

int ConnectionProfile::defaultPort(Transport transport)
{
    switch (transport) {
    case Transport::Mqtt: return 1883;
    case Transport::Mqtts: return 8883;
    case Transport::Ws: return 80;
    case Transport::Wss: return 443;
    }
    return 1883;
}

QString ConnectionProfile::transportName(Transport transport)
{
    switch (transport) {
    case Transport::Mqtt: return QStringLiteral("mqtt");
    case Transport::Mqtts: return QStringLiteral("mqtts");
    case Transport::Ws: return QStringLiteral("ws");
    case Transport::Wss: return QStringLiteral("wss");
    }
    return QStringLiteral("mqtt");
}

bool ConnectionProfile::transportFromName(const QString &name, Transport *transport)
{
    for (Transport t : {Transport::Mqtt, Transport::Mqtts, Transport::Ws, Transport::Wss}) {
        if (transportName(t) == name) {
            *transport = t;
            return true;
        }
    }
    return false;
}

QString ConnectionProfile::generateId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ConnectionProfile::generateClientId()
{
    return QStringLiteral("mqtt-inspector-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

ConnectionSettings ConnectionProfile::toSettings() const
{
    const bool v5 = protocolVersion == mqtt::ProtocolVersion::V5;
    ConnectionSettings s;
    s.name = name;
    s.host = host;
    s.port = quint16(port);
    s.clientId = clientId;
    s.protocolVersion = protocolVersion;
    s.keepAlive = keepAlive;
    s.cleanSession = cleanSession;
    s.userName = userName;
    if (!userName.isEmpty() && !password.isEmpty())
        s.password = password;
    s.transport.tls.enabled = isTls();
    s.transport.tls.caFile = caFile;
    s.transport.tls.certFile = certFile;
    s.transport.tls.keyFile = keyFile;
    s.transport.tls.keyPassphrase = keyPassphrase;
    s.transport.tls.insecure = insecure;
    s.transport.webSocket.enabled = isWebSocket();
    s.transport.webSocket.path = webSocketPath.isEmpty() ? QStringLiteral("/") : webSocketPath;
    if (willEnabled && !willTopic.isEmpty()) {
        s.willTopic = willTopic;
        s.willPayload = willPayload;
        s.willQos = willQos;
        s.willRetain = willRetain;
        if (v5) {
            if (willDelay)
                s.willProperties.setWillDelayInterval(willDelay);
            if (willMessageExpiry)
                s.willProperties.setMessageExpiryInterval(willMessageExpiry);
            if (!willContentType.isEmpty())
                s.willProperties.setContentType(willContentType);
            if (!willResponseTopic.isEmpty())
                s.willProperties.setResponseTopic(willResponseTopic);
            if (willPayloadIsUtf8)
                s.willProperties.setPayloadFormatIndicator(1);
        }
    }
    if (v5) {
        if (sessionExpiry)
            s.connectProperties.setSessionExpiryInterval(sessionExpiry);
        if (receiveMaximum)
            s.connectProperties.setReceiveMaximum(quint16(receiveMaximum));
        if (maximumPacketSize)
            s.connectProperties.setMaximumPacketSize(maximumPacketSize);
        if (topicAliasMaximum)
            s.connectProperties.setTopicAliasMaximum(quint16(topicAliasMaximum));
        for (const auto &p : userProperties)
            s.connectProperties.addUserProperty(p.first, p.second);
    }
    s.subscriptions.clear();
    for (const ProfileSubscription &sub : subscriptions) {
        mqtt::Subscription m;
        m.filter = sub.filter;
        m.qos = quint8(sub.qos);
        if (v5) {
            m.noLocal = sub.noLocal;
            m.retainAsPublished = sub.retainAsPublished;
            m.retainHandling = quint8(sub.retainHandling);
            if (sub.subscriptionId)
                s.subscriptionIdentifiers.insert(sub.filter, sub.subscriptionId);
        }
        s.subscriptions.append(m);
    }
    s.autoReconnect = autoReconnect;
    return s;
}

ConnectionProfile ConnectionProfile::fromSettings(const ConnectionSettings &settings)
{
    ConnectionProfile p;
    p.name = settings.name;
    p.host = settings.host;
    p.port = settings.port;
    const bool tls = settings.transport.tls.enabled;
    if (settings.transport.webSocket.enabled)
        p.transport = tls ? Transport::Wss : Transport::Ws;
    else
        p.transport = tls ? Transport::Mqtts : Transport::Mqtt;
    p.webSocketPath = settings.transport.webSocket.path;
    p.clientId = settings.clientId;
    p.protocolVersion = settings.protocolVersion;
    p.keepAlive = settings.keepAlive;
    p.cleanSession = settings.cleanSession;
    p.userName = settings.userName;
    p.password = settings.password.value_or(QByteArray());
    p.caFile = settings.transport.tls.caFile;
    p.certFile = settings.transport.tls.certFile;
    p.keyFile = settings.transport.tls.keyFile;
    p.insecure = settings.transport.tls.insecure;
    p.subscriptions.clear();
    for (const mqtt::Subscription &s : settings.subscriptions)
        p.subscriptions.append({s.filter, s.qos, s.noLocal, s.retainAsPublished,
                                s.retainHandling, settings.subscriptionIdentifiers.value(s.filter)});
    p.autoReconnect = settings.autoReconnect;
    return p;
}

QStringList ConnectionProfile::validate() const
{
    QStringList problems;
    const auto add = [&](const char *field, const QString &what) {
        problems << tr("%1: %2").arg(fieldName(field), what);
    };
    if (name.trimmed().isEmpty())
        add(QT_TR_NOOP("Name"), tr("a profile needs a name"));
    if (host.trimmed().isEmpty())
        add(QT_TR_NOOP("Host"), tr("enter the broker's host name or address"));
    else if (host.trimmed().contains(QLatin1Char(' ')))
        add(QT_TR_NOOP("Host"), tr("a host name has no spaces"));
    if (port < 1 || port > 65535)
        add(QT_TR_NOOP("Port"), tr("must be 1-65535"));
    if (isWebSocket() && !webSocketPath.startsWith(QLatin1Char('/')))
        add(QT_TR_NOOP("WebSocket path"), tr("must start with /"));
    if (clientId.toUtf8().size() > 65535)
        add(QT_TR_NOOP("Client ID"), tr("is longer than 65535 bytes"));
    if (keepAlive < 0 || keepAlive > 65535)
        add(QT_TR_NOOP("Keepalive"), tr("must be 0-65535 seconds"));
    if (password.size() && userName.isEmpty())
        add(QT_TR_NOOP("Password"), tr("a password needs a user name"));
    if (!keyFile.isEmpty() && certFile.isEmpty())
        add(QT_TR_NOOP("Client key"), tr("a client key needs its certificate"));
    if (!certFile.isEmpty() && keyFile.isEmpty())
        add(QT_TR_NOOP("Client certificate"), tr("a client certificate needs its key"));
    if (willEnabled) {
        if (willTopic.isEmpty())
            add(QT_TR_NOOP("Will topic"), tr("enter the topic the will is published to"));
        else if (const QString why = mqtt::validateTopicName(willTopic); !why.isEmpty())
            add(QT_TR_NOOP("Will topic"), why);
    }
    for (const auto &p : userProperties) {
        if (p.first.isEmpty())
            add(QT_TR_NOOP("User properties"), tr("a user property needs a name"));
    }
    if (subscriptions.isEmpty() == false) {
        for (const ProfileSubscription &s : subscriptions) {
            const QString why = s.filter.isEmpty() ? tr("a filter is empty")
                                                   : mqtt::validateTopicFilter(s.filter);
            if (!why.isEmpty())
                add(QT_TR_NOOP("Subscriptions"), QStringLiteral("%1 (%2)").arg(why, s.filter));
            if (s.subscriptionId > 268435455)
                add(QT_TR_NOOP("Subscriptions"), tr("a subscription identifier is 1-268435455"));
        }
    }
    return problems;
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonObject o;
    o[kName] = name;
    o[kId] = id;
    o[kHost] = host;
    o[kPort] = port;
    o[kTransport] = transportName(transport);
    o[kWsPath] = webSocketPath;
    o[kClientId] = clientId;
    o[kProtocol] = protocolVersion == mqtt::ProtocolVersion::V5 ? QStringLiteral("5.0")
                                                                : QStringLiteral("3.1.1");
    o[kKeepAlive] = keepAlive;
    o[kClean] = cleanSession;
    o[kSessionExpiry] = qint64(sessionExpiry);
    o[kUser] = userName;
    o[kSavePassword] = savePassword;
    o[kCa] = caFile;
    o[kCert] = certFile;
    o[kKey] = keyFile;
    o[kSavePassphrase] = saveKeyPassphrase;
    o[kInsecure] = insecure;
    QJsonObject will;
    will[kEnabled] = willEnabled;
    will[kTopic] = willTopic;
    will[kPayload] = QString::fromLatin1(willPayload.toBase64());
    will[kQos] = willQos;
    will[kRetain] = willRetain;
    will[kDelay] = qint64(willDelay);
    will[kExpiry] = qint64(willMessageExpiry);
    will[kContentType] = willContentType;
    will[kResponseTopic] = willResponseTopic;
    will[kUtf8] = willPayloadIsUtf8;
    o[kWill] = will;
    o[kReceiveMax] = receiveMaximum;
    o[kMaxPacket] = qint64(maximumPacketSize);
    o[kAliasMax] = topicAliasMaximum;
    QJsonArray props;
    for (const auto &p : userProperties)
        props.append(QJsonArray{p.first, p.second});
    o[kUserProps] = props;
    QJsonArray subs;
    for (const ProfileSubscription &s : subscriptions) {
        subs.append(QJsonObject{{kFilter, s.filter}, {kQos, s.qos}, {kNoLocal, s.noLocal},
                                {kRap, s.retainAsPublished}, {kRh, s.retainHandling},
                                {kSubId, qint64(s.subscriptionId)}});
    }
    o[kSubs] = subs;
    o[kReconnect] = autoReconnect;
    o[kAtLaunch] = connectAtLaunch;
    return o;
}

std::optional<ConnectionProfile> ConnectionProfile::fromJson(const QJsonObject &o, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    ConnectionProfile p;
    const QString top;
    if (!o.value(kName).isString() || o.value(kName).toString().trimmed().isEmpty()) {
        err = tr("\"name\" is missing or empty");
        return std::nullopt;
    }
    p.name = o.value(kName).toString();
    QString transport = transportName(p.transport);
    QString protocol = QStringLiteral("5.0");
    if (!readString(o, kId, &p.id, &err, top) || !readString(o, kHost, &p.host, &err, top) || !readInt(o, kPort, &p.port, 1, 65535, &err, top)
        || !readString(o, kTransport, &transport, &err, top)
        || !readString(o, kWsPath, &p.webSocketPath, &err, top)
        || !readString(o, kClientId, &p.clientId, &err, top)
        || !readString(o, kProtocol, &protocol, &err, top)
        || !readInt(o, kKeepAlive, &p.keepAlive, 0, 65535, &err, top)
        || !readBool(o, kClean, &p.cleanSession, &err, top)
        || !readInt(o, kSessionExpiry, &p.sessionExpiry, 0, 0xFFFFFFFFLL, &err, top)
        || !readString(o, kUser, &p.userName, &err, top)
        || !readBool(o, kSavePassword, &p.savePassword, &err, top)
        || !readString(o, kCa, &p.caFile, &err, top) || !readString(o, kCert, &p.certFile, &err, top)
        || !readString(o, kKey, &p.keyFile, &err, top)
        || !readBool(o, kSavePassphrase, &p.saveKeyPassphrase, &err, top)
        || !readBool(o, kInsecure, &p.insecure, &err, top)
        || !readInt(o, kReceiveMax, &p.receiveMaximum, 0, 65535, &err, top)
        || !readInt(o, kMaxPacket, &p.maximumPacketSize, 0, 0xFFFFFFFFLL, &err, top)
        || !readInt(o, kAliasMax, &p.topicAliasMaximum, 0, 65535, &err, top)
        || !readBool(o, kReconnect, &p.autoReconnect, &err, top)
        || !readBool(o, kAtLaunch, &p.connectAtLaunch, &err, top))
        return std::nullopt;
    if (!transportFromName(transport, &p.transport)) {
        err = tr("\"transport\" is \"%1\"; expected mqtt, mqtts, ws or wss").arg(transport);
        return std::nullopt;
    }
    if (protocol == QLatin1String("5.0")) {
        p.protocolVersion = mqtt::ProtocolVersion::V5;
    } else if (protocol == QLatin1String("3.1.1")) {
        p.protocolVersion = mqtt::ProtocolVersion::V311;
    } else {
        err = tr("\"protocol\" is \"%1\"; expected 3.1.1 or 5.0").arg(protocol);
        return std::nullopt;
    }
    if (o.contains(kWill)) {
        if (!o.value(kWill).isObject()) {
            err = tr("\"will\" must be an object");
            return std::nullopt;
        }
        const QJsonObject w = o.value(kWill).toObject();
        const QString where = QStringLiteral("will: ");
        QString payload;
        if (!readBool(w, kEnabled, &p.willEnabled, &err, where)
            || !readString(w, kTopic, &p.willTopic, &err, where)
            || !readString(w, kPayload, &payload, &err, where)
            || !readInt(w, kQos, &p.willQos, 0, 2, &err, where)
            || !readBool(w, kRetain, &p.willRetain, &err, where)
            || !readInt(w, kDelay, &p.willDelay, 0, 0xFFFFFFFFLL, &err, where)
            || !readInt(w, kExpiry, &p.willMessageExpiry, 0, 0xFFFFFFFFLL, &err, where)
            || !readString(w, kContentType, &p.willContentType, &err, where)
            || !readString(w, kResponseTopic, &p.willResponseTopic, &err, where)
            || !readBool(w, kUtf8, &p.willPayloadIsUtf8, &err, where))
            return std::nullopt;
        const auto decoded = QByteArray::fromBase64Encoding(payload.toLatin1(),
                                                           QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            err = tr("will: \"payloadBase64\" is not base64");
            return std::nullopt;
        }
        p.willPayload = *decoded;
    }
    if (o.contains(kUserProps)) {
        if (!o.value(kUserProps).isArray()) {
            err = tr("\"userProperties\" must be a list of [name, value] pairs");
            return std::nullopt;
        }
        for (const QJsonValue &v : o.value(kUserProps).toArray()) {
            const QJsonArray pair = v.toArray();
            if (!v.isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
                err = tr("\"userProperties\" must be a list of [name, value] pairs");
                return std::nullopt;
            }
            p.userProperties.append({pair.at(0).toString(), pair.at(1).toString()});
        }
    }
    if (o.contains(kSubs)) {
        if (!o.value(kSubs).isArray()) {
            err = tr("\"subscriptions\" must be a list");
            return std::nullopt;
        }
        p.subscriptions.clear();
        const QJsonArray subs = o.value(kSubs).toArray();
        for (qsizetype i = 0; i < subs.size(); ++i) {
            const QString where = tr("subscription %1: ").arg(i + 1);
            if (!subs.at(i).isObject()) {
                err = tr("%1must be an object").arg(where);
                return std::nullopt;
            }
            const QJsonObject so = subs.at(i).toObject();
            ProfileSubscription s;
            if (!readString(so, kFilter, &s.filter, &err, where)
                || !readInt(so, kQos, &s.qos, 0, 2, &err, where)
                || !readBool(so, kNoLocal, &s.noLocal, &err, where)
                || !readBool(so, kRap, &s.retainAsPublished, &err, where)
                || !readInt(so, kRh, &s.retainHandling, 0, 2, &err, where)
                || !readInt(so, kSubId, &s.subscriptionId, 0, 268435455, &err, where))
                return std::nullopt;
            if (const QString why = mqtt::validateTopicFilter(s.filter); s.filter.isEmpty() || !why.isEmpty()) {
                err = tr("%1\"filter\" %2 is not a valid topic filter").arg(where, s.filter);
                return std::nullopt;
            }
            p.subscriptions.append(s);
        }
    }
    return p;
}

ConnectionProfile ConnectionProfile::withoutSecrets() const
{
    ConnectionProfile p = *this;
    p.password.clear();
    p.keyPassphrase.clear();
    return p;
}

bool ConnectionProfile::operator==(const ConnectionProfile &o) const
{
    return name == o.name && id == o.id && host == o.host && port == o.port && transport == o.transport
        && webSocketPath == o.webSocketPath && clientId == o.clientId
        && protocolVersion == o.protocolVersion && keepAlive == o.keepAlive
        && cleanSession == o.cleanSession && sessionExpiry == o.sessionExpiry
        && userName == o.userName && password == o.password && savePassword == o.savePassword
        && caFile == o.caFile && certFile == o.certFile && keyFile == o.keyFile
        && keyPassphrase == o.keyPassphrase && saveKeyPassphrase == o.saveKeyPassphrase
        && insecure == o.insecure && willEnabled == o.willEnabled && willTopic == o.willTopic
        && willPayload == o.willPayload && willQos == o.willQos && willRetain == o.willRetain
        && willDelay == o.willDelay && willMessageExpiry == o.willMessageExpiry
        && willContentType == o.willContentType && willResponseTopic == o.willResponseTopic
        && willPayloadIsUtf8 == o.willPayloadIsUtf8 && receiveMaximum == o.receiveMaximum
        && maximumPacketSize == o.maximumPacketSize && topicAliasMaximum == o.topicAliasMaximum
        && userProperties == o.userProperties && subscriptions == o.subscriptions
        && autoReconnect == o.autoReconnect && connectAtLaunch == o.connectAtLaunch;
}
