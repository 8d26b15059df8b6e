#include "client.h"

#include "logging.h"
#include "session/session.h"
#include "topic.h"
#include "topicfiltertrie.h"
#include "transport/transport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QMetaMethod>

#include <utility>

namespace mqtt {

// Turns session events into the Client's signals and routes messages.
class ClientSessionHandler : public SessionHandler
{
public:
    explicit ClientSessionHandler(Client *client) : m_client(client) { }

    void sessionConnack(bool sessionPresent, ReasonCode reasonCode,
                        const Properties &properties) override
    {
        // A disconnect() made before the CONNACK stays in force: its DISCONNECT is queued.
        if (reasonCode.value == 0 && m_client->m_state != Client::State::Disconnecting)
            m_client->setState(Client::State::Connected);
        ConnectFlags flags;
        flags.sessionPresent = sessionPresent;
        Q_EMIT m_client->connected(flags, reasonCode, properties);
    }
    void sessionMessage(const Message &message) override { m_client->deliver(message); }
    void sessionPublished(int mid, ReasonCode reasonCode, const Properties &properties) override
    {
        Q_EMIT m_client->published(mid, reasonCode, properties);
    }
    void sessionSubscribed(int mid, const QList<ReasonCode> &reasonCodes,
                           const Properties &properties) override
    {
        Q_EMIT m_client->subscribed(mid, reasonCodes, properties);
    }
    void sessionUnsubscribed(int mid, const QList<ReasonCode> &reasonCodes,
                             const Properties &properties) override
    {
        Q_EMIT m_client->unsubscribed(mid, reasonCodes, properties);
    }
    void sessionLog(LogLevel level, const QString &text) override { m_client->log(level, text); }

private:
    Client *m_client;
};

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    // Offset so that "0" never looks like a real timestamp.
    return timer.elapsed() + 1000000;
}

} // namespace

Client::Client(const QString &clientId, QObject *parent)
    : QObject(parent),
      m_handler(std::make_unique<ClientSessionHandler>(this)),
      m_session(std::make_unique<Session>(m_handler.get())),
      m_routes(std::make_unique<TopicFilterTrie>()),
      m_clock(&monotonicMs)
{
    qRegisterMetaType<mqtt::Message>();
    qRegisterMetaType<mqtt::Properties>();
    qRegisterMetaType<mqtt::ReasonCode>();
    qRegisterMetaType<mqtt::ConnectFlags>();
    qRegisterMetaType<mqtt::CapturedPacket>();
    qRegisterMetaType<QList<mqtt::CapturedPacket>>();
    qRegisterMetaType<mqtt::DisconnectFlags>();
    qRegisterMetaType<mqtt::LogLevel>();
    qRegisterMetaType<mqtt::Error>();
    m_session->options().clientId = clientId;
}

Client::~Client()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_transport)
        m_transport->close();
}

// --- settings ------------------------------------------------------------------------------

void Client::setProtocolVersion(ProtocolVersion version) { m_session->options().version = version; }
ProtocolVersion Client::protocolVersion() const { return m_session->options().version; }
void Client::setClientId(const QString &clientId) { m_session->options().clientId = clientId; }
QString Client::clientId() const { return m_session->effectiveClientId(); }
void Client::setCleanSession(bool clean) { m_session->options().cleanStart = clean; }
bool Client::cleanSession() const { return m_session->options().cleanStart; }
void Client::setKeepAlive(int seconds) { m_session->options().keepAlive = quint16(qBound(0, seconds, 65535)); }
int Client::keepAlive() const { return m_session->options().keepAlive; }
int Client::effectiveKeepAlive() const { return m_session->effectiveKeepAlive(); }

void Client::setCredentials(const QString &username, const std::optional<QByteArray> &password)
{
    SessionOptions &o = m_session->options();
    if (username.isNull()) {
        o.username.reset();
        o.password.reset();
        return;
    }
    o.username = username;
    o.password = password;
}

Error Client::setWill(const QString &topic, const QByteArray &payload, int qos, bool retain,
                      const Properties &properties)
{
    if (qos < 0 || qos > 2 || !isValidTopicName(topic))
        return Error::Inval; // [MQTT-3.1.2-14], §6.13: a will topic is a topic name
    Will will;
    will.topic = topic;
    will.payload = payload;
    will.qos = quint8(qos);
    will.retain = retain;
    will.properties = properties;
    m_session->options().will = will;
    return Error::Success;
}

void Client::clearWill() { m_session->options().will.reset(); }
void Client::setConnectProperties(const Properties &properties) { m_session->options().connectProperties = properties; }
Properties Client::connectProperties() const { return m_session->options().connectProperties; }
void Client::setMaxInflightMessages(int count) { m_session->options().maxInflight = qMax(0, count); }
int Client::maxInflightMessages() const { return m_session->options().maxInflight; }
void Client::setMaxQueuedMessages(int count) { m_session->options().maxQueued = qMax(0, count); }
void Client::setTransportOptions(const TransportOptions &options) { m_transportOptions = options; }
TransportOptions Client::transportOptions() const { return m_transportOptions; }
void Client::setUserData(const QVariant &data) { m_userData = data; }
QVariant Client::userData() const { return m_userData; }
void Client::setClock(std::function<qint64()> clock) { m_clock = clock ? std::move(clock) : &monotonicMs; }
qint64 Client::now() const { return m_clock(); }

Client::State Client::state() const { return m_state; }
bool Client::isConnected() const { return m_state == State::Connected; }
bool Client::wantsConnection() const { return m_wantsConnection; }
QString Client::host() const { return m_host; }
quint16 Client::port() const { return m_port; }
qintptr Client::socket() const { return m_fd; }

bool Client::wantWrite() const
{
    return m_transport && (m_session->hasOutgoing() || m_transport->needsWrite());
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool Client::debugLogging() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&Client::logMessage);
    return m_packetLogging && isSignalConnected(signal);
}

void Client::setManualAck(bool on) { m_session->setManualAck(on); }
bool Client::manualAck() const { return m_session->manualAck(); }

Error Client::ack(int mid, int qos)
{
    m_session->setPacketLogging(debugLogging());
    const Error rc = m_session->ack(mid, qos);
    updateWriteInterest();
    return rc;
}

void Client::setPacketLogging(bool enabled)
{
    m_packetLogging = enabled;
    m_session->setPacketLogging(debugLogging());
}

void Client::setPacketObserver(bool enabled)
{
    if (enabled == m_packetObserver)
        return;
    m_packetObserver = enabled;
    m_session->setPacketCapture(enabled, enabled ? std::function<qint64()>(&QDateTime::currentMSecsSinceEpoch)
                                                 : std::function<qint64()>());
}

void Client::emitObserved()
{
    if (!m_session->hasCapturedPackets())
        return;
    Q_EMIT packetsObserved(m_session->takeCapturedPackets());
}

void Client::log(LogLevel level, const QString &text)
{
    qCDebug(lcMqttClient).noquote() << text;
    Q_EMIT logMessage(level, text);
}

// paho's register/unregister_write: edge-triggered on the transitions of wantWrite().
void Client::updateWriteInterest()
{
    if (m_fd < 0)
        return;
    const bool want = wantWrite();
    if (want && !m_writeRegistered) {
        m_writeRegistered = true;
        Q_EMIT socketRegisterWrite(m_fd);
    } else if (!want && m_writeRegistered) {
        m_writeRegistered = false;
        Q_EMIT socketUnregisterWrite(m_fd);
    }
}

// --- connection ----------------------------------------------------------------------------

Error Client::connect(const QString &host, quint16 port, int keepAlive)
{
    if (host.isEmpty() || port == 0 || keepAlive < 0 || keepAlive > 65535)
        return Error::Inval;
    m_host = host;
    m_port = port;
    m_session->options().keepAlive = quint16(keepAlive);
    return reconnect();
}

Error Client::reconnect()
{
    if (m_host.isEmpty())
        return Error::Inval;
    if (!m_session->options().cleanStart && m_session->effectiveClientId().isEmpty()
        && m_session->options().version != ProtocolVersion::V5) {
        log(LogLevel::Err, QStringLiteral("A zero-length client id needs clean session [MQTT-3.1.3-7]"));
        return Error::Inval;
    }
    m_wantsConnection = true;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_transport)
        closeConnection(Error::ConnLost, false);

    QHostAddress address;
    if (address.setAddress(m_host))
        return openSocket(address);

    setState(State::HostLookup);
    log(LogLevel::Debug, QStringLiteral("Looking up %1").arg(m_host));
    m_lookupId = QHostInfo::lookupHost(m_host, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        if (m_state != State::HostLookup)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const QString text = QStringLiteral("Cannot resolve %1: %2").arg(m_host, info.errorString());
            setState(State::Disconnected);
            log(LogLevel::Err, text);
            Q_EMIT connectFailed(text);
            return;
        }
        // Prefer IPv4 like most brokers' listeners; fall back to the first address.
        QHostAddress chosen = info.addresses().constFirst();
        for (const QHostAddress &a : info.addresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                chosen = a;
                break;
            }
        }
        openSocket(chosen);
    });
    return Error::Success;
}

Error Client::openSocket(const QHostAddress &address)
{
    m_transport = createTransport(m_transportOptions);
    if (!m_transport || !m_transport->open(m_host, address, m_port)) {
        const QString text = m_transport ? m_transport->errorString()
                                         : QStringLiteral("no transport for these options");
        const bool tls = m_transport && m_transport->errorKind() == Transport::ErrorKind::Tls;
        m_transport.reset();
        setState(State::Disconnected);
        log(LogLevel::Err, text);
        Q_EMIT connectFailed(text);
        return tls ? Error::Tls : Error::Errno; // e.g. an unreadable CA file
    }
    const QString warning = m_transport->securityWarning();
    if (!warning.isEmpty())
        log(LogLevel::Warning, warning);
    m_fd = m_transport->fd();
    m_writeRegistered = false;
    m_requestedFilters.clear();
    setState(State::Connecting);
    Q_EMIT socketOpened(m_fd);
    if (!m_transport)
        return Error::NoConn; // a receiver closed it again
    m_session->setPacketLogging(debugLogging());
    m_session->connectionOpened(now());
    updateWriteInterest();
    return Error::Success;
}

void Client::closeConnection(Error rc, bool userDisconnect)
{
    if (!m_transport)
        return;
    const qintptr fd = m_fd;
    // Best effort for a final DISCONNECT with a reason (5.0 §4.13.1).
    if (m_transport->isReady() && m_session->hasOutgoing())
        m_transport->write(m_session->outgoingData(), m_session->outgoingSize());
    const Session::CloseInfo info = m_session->closeInfo();
    m_session->connectionClosed();
    if (m_packetObserver) // what this connection saw comes before its disconnected()
        emitObserved();

    DisconnectFlags flags;
    ReasonCode reason;
    Properties properties;
    if (info.rc == rc && rc != Error::Success) {
        flags.fromServer = info.fromServer;
        reason = info.reasonCode;
        properties = info.properties;
    } else if (rc == Error::Keepalive) {
        reason = ReasonCode::KeepAliveTimeout;
    } else if (rc != Error::Success) {
        reason = ReasonCode::UnspecifiedError;
    }

    // paho: a user disconnect fires on_disconnect before the socket callbacks; errors after.
    if (userDisconnect)
        Q_EMIT disconnected(int(rc), flags, reason, properties);
    if (m_writeRegistered) {
        m_writeRegistered = false;
        Q_EMIT socketUnregisterWrite(fd);
    }
    Q_EMIT socketClosed(fd);
    if (m_transport)
        m_transport->close();
    m_transport.reset();
    m_fd = -1;
    setState(State::Disconnected);
    if (!userDisconnect)
        Q_EMIT disconnected(int(rc), flags, reason, properties);
}

Error Client::disconnect(ReasonCode reason, const Properties &properties)
{
    m_wantsConnection = false;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_state == State::HostLookup) {
        setState(State::Disconnected);
        return Error::Success;
    }
    if (!m_transport)
        return Error::NoConn;
    m_session->setPacketLogging(debugLogging());
    const Error rc = m_session->disconnect(reason, properties);
    if (rc != Error::Success)
        return rc;
    setState(State::Disconnecting);
    updateWriteInterest();
    return Error::Success;
}

// --- requests ------------------------------------------------------------------------------

RequestResult Client::publish(const QString &topic, const QByteArray &payload, int qos,
                              bool retain, const Properties &properties)
{
    m_session->setPacketLogging(debugLogging());
    const Session::Result r = m_session->publish(topic, payload, qos, retain, properties);
    updateWriteInterest();
    if (r.rc == Error::Success && isSignalConnected(QMetaMethod::fromSignal(&Client::messageSent))) {
        Message sent(topic, payload, qos, retain);
        sent.setMid(r.mid);
        sent.setProperties(properties);
        sent.setTimestamp(QDateTime::currentMSecsSinceEpoch());
        Q_EMIT messageSent(sent);
    }
    return {r.rc, r.mid};
}

RequestResult Client::subscribe(const QString &filter, int qos, const Properties &properties)
{
    Subscription s;
    s.filter = filter;
    s.qos = quint8(qBound(0, qos, 255));
    if (qos < 0 || qos > 2)
        return {Error::Inval, 0};
    return subscribe(QList<Subscription>{s}, properties);
}

RequestResult Client::subscribe(const QList<Subscription> &subscriptions,
                                const Properties &properties)
{
    m_session->setPacketLogging(debugLogging());
    const Session::Result r = m_session->subscribe(subscriptions, properties);
    if (r.rc == Error::Success) {
        for (const Subscription &s : subscriptions) {
            auto it = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
                                   [&](const Subscription &o) { return o.filter == s.filter; });
            if (it != m_subscriptions.end())
                *it = s;
            else
                m_subscriptions.append(s);
            m_requestedFilters.insert(s.filter);
            if (const quint32 id = properties.subscriptionIdentifier().value_or(0))
                m_subscriptionIds.insert(s.filter, id);
            else
                m_subscriptionIds.remove(s.filter);
        }
    }
    updateWriteInterest();
    return {r.rc, r.mid};
}

RequestResult Client::unsubscribe(const QString &filter, const Properties &properties)
{
    return unsubscribe(QStringList{filter}, properties);
}

RequestResult Client::unsubscribe(const QStringList &filters, const Properties &properties)
{
    m_session->setPacketLogging(debugLogging());
    const Session::Result r = m_session->unsubscribe(filters, properties);
    if (r.rc == Error::Success) {
        m_subscriptions.erase(std::remove_if(m_subscriptions.begin(), m_subscriptions.end(),
                                             [&](const Subscription &s) { return filters.contains(s.filter); }),
                              m_subscriptions.end());
        for (const QString &filter : filters)
            m_subscriptionIds.remove(filter);
    }
    updateWriteInterest();
    return {r.rc, r.mid};
}

QList<Subscription> Client::subscriptions() const { return m_subscriptions; }

QList<Subscription> Client::subscriptionsNotRequested() const
{
    QList<Subscription> out;
    for (const Subscription &s : m_subscriptions) {
        if (!m_requestedFilters.contains(s.filter))
            out.append(s);
    }
    return out;
}

quint32 Client::subscriptionIdentifier(const QString &filter) const
{
    return m_subscriptionIds.value(filter, 0);
}

// --- routing -------------------------------------------------------------------------------

bool Client::addMessageCallbackImpl(const QString &filter, const QObject *context,
                                    std::function<void(const Message &)> callable)
{
    if (!isValidTopicFilter(filter) || !callable)
        return false;
    quint64 key = m_routes->value(filter, 0);
    if (key == 0) {
        key = m_nextRouteKey++;
        if (!m_routes->insert(filter, key))
            return false;
    }
    Route &route = m_routeTable[key];
    route.filter = filter;
    route.context = context;
    route.hasContext = context != nullptr;
    route.callable = std::move(callable);
    return true;
}

void Client::removeMessageCallback(const QString &filter)
{
    const quint64 key = m_routes->value(filter, 0);
    if (key == 0)
        return;
    m_routes->remove(filter);
    m_routeTable.remove(key);
}

void Client::deliver(const Message &message)
{
    if (m_collectBatch)
        m_batch.append(message);
    if (m_routeTable.isEmpty()) {
        Q_EMIT messageReceived(message);
        return;
    }
    m_routes->match(message.topic(), m_matchScratch);
    bool matched = false;
    const QList<quint64> keys = m_matchScratch; // a callback may add or remove routes
    for (quint64 key : keys) {
        const auto it = m_routeTable.constFind(key);
        if (it == m_routeTable.constEnd() || (it->hasContext && !it->context))
            continue;
        const std::function<void(const Message &)> callable = it->callable;
        matched = true;
        callable(message);
    }
    if (!matched)
        Q_EMIT messageReceived(message);
}

void Client::emitBatch()
{
    m_collectBatch = false;
    if (m_batch.isEmpty())
        return;
    // Handed over whole: the receiver may keep the list; the next read starts a fresh one.
    const QList<Message> batch = std::exchange(m_batch, QList<Message>());
    Q_EMIT messagesReceived(batch);
}

// --- external loop -------------------------------------------------------------------------

Error Client::loopRead()
{
    if (!m_transport)
        return Error::NoConn;
    m_session->setPacketLogging(debugLogging());
    m_session->setReceiveTimestamp(QDateTime::currentMSecsSinceEpoch());
    m_readBuffer.resize(0);
    const Transport::Status status = m_transport->read(m_readBuffer);
    const QString transportError = status == Transport::Status::Ok ? QString() : m_transport->errorString();
    if (!m_readBuffer.isEmpty()) {
        static const QMetaMethod batchSignal = QMetaMethod::fromSignal(&Client::messagesReceived);
        m_collectBatch = isSignalConnected(batchSignal);
        const Error rc = m_session->receive(m_readBuffer.constData(), m_readBuffer.size(), now());
        emitBatch(); // before any close below: what was delivered is reported first
        if (m_packetObserver)
            emitObserved();
        if (!m_transport)
            return Error::NoConn; // a callback closed or reconnected
        if (rc != Error::Success)
            return connectionFailed(m_session->closeInfo().rc);
    }
    if (status != Transport::Status::Ok) {
        if (status == Transport::Status::Error)
            return transportFailed(transportError);
        if (m_state != State::Disconnecting)
            log(LogLevel::Warning, QStringLiteral("Connection lost: %1").arg(transportError));
        return connectionFailed(Error::ConnLost);
    }
    updateWriteInterest();
    return Error::Success;
}

Error Client::loopWrite()
{
    if (!m_transport)
        return Error::NoConn;
    if (m_transport->handleWritable() == Transport::Status::Error)
        return transportFailed(m_transport->errorString());
    while (m_transport && m_transport->isReady() && m_session->hasOutgoing()) {
        const qint64 n = m_transport->write(m_session->outgoingData(), m_session->outgoingSize());
        if (n < 0)
            return transportFailed(m_transport->errorString());
        if (n == 0)
            break;
        if (m_session->bytesWritten(n, now())) {
            // Our DISCONNECT is out: the connection ends here [MQTT-3.14.4-1/2].
            closeConnection(Error::Success, true);
            return Error::Success;
        }
    }
    if (m_packetObserver)
        emitObserved();
    updateWriteInterest();
    return Error::Success;
}

// The transport failed: paho's MQTT_ERR_TLS for TLS failures (its ssl.SSLError path),
// MQTT_ERR_CONN_LOST for everything else. Either way disconnected() fires once.
Error Client::transportFailed(const QString &text)
{
    if (m_transport && m_transport->errorKind() == Transport::ErrorKind::Tls) {
        log(LogLevel::Err, QStringLiteral("TLS failure: %1").arg(text));
        return connectionFailed(Error::Tls);
    }
    log(LogLevel::Warning, QStringLiteral("Connection lost: %1").arg(text));
    return connectionFailed(Error::ConnLost);
}

// paho's _loop_rc_handle: the error path closes the socket first, then fires disconnected.
// An error while our DISCONNECT is pending ends the connection we were ending anyway:
// rc 0 and Success, in the same error-path order.
Error Client::connectionFailed(Error rc)
{
    if (m_state == State::Disconnecting)
        rc = Error::Success;
    closeConnection(rc, false);
    return rc;
}

Error Client::loopMisc()
{
    if (!m_transport)
        return Error::NoConn;
    m_session->setPacketLogging(debugLogging());
    const Error rc = m_session->tick(now());
    if (m_packetObserver)
        emitObserved();
    if (rc != Error::Success) {
        const Session::CloseInfo info = m_session->closeInfo();
        if (info.rc == Error::Success || m_state == State::Disconnecting)
            return connectionFailed(Error::Success); // was disconnecting anyway
        // paho's loop_misc: on_disconnect gets KEEPALIVE (16), the call returns CONN_LOST (7).
        log(LogLevel::Warning, QStringLiteral("Keepalive timeout: %1").arg(info.text));
        closeConnection(Error::Keepalive, false);
        return Error::ConnLost;
    }
    updateWriteInterest();
    return Error::Success;
}

} // namespace mqtt
