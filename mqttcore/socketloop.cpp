#include "socketloop.h"

#include "logging.h"

#include <QHash>
#include <QRandomGenerator>

namespace mqtt {

SocketNotifierLoop::SocketNotifierLoop(Client *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    Q_ASSERT(client);
    connect(client, &Client::socketOpened, this, &SocketNotifierLoop::onSocketOpened);
    connect(client, &Client::socketClosed, this, &SocketNotifierLoop::onSocketClosed);
    connect(client, &Client::socketRegisterWrite, this, &SocketNotifierLoop::onRegisterWrite);
    connect(client, &Client::socketUnregisterWrite, this, &SocketNotifierLoop::onUnregisterWrite);
    connect(client, &Client::connected, this, &SocketNotifierLoop::onConnected);
    connect(client, &Client::disconnected, this,
            [this](int rc, DisconnectFlags, ReasonCode, const Properties &) { onDisconnected(rc); });
    connect(client, &Client::connectFailed, this, [this](const QString &) { onDisconnected(-1); });

    m_miscTimer.setInterval(1000);
    connect(&m_miscTimer, &QTimer::timeout, m_client, [this] { m_client->loopMisc(); });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SocketNotifierLoop::doReconnect);

    // A client that already has a socket (connect() before the loop existed).
    if (client->socket() >= 0) {
        onSocketOpened(client->socket());
        if (client->wantWrite())
            onRegisterWrite(client->socket());
    }
}

SocketNotifierLoop::~SocketNotifierLoop()
{
    dropNotifiers();
}

void SocketNotifierLoop::setReconnectDelay(int minDelaySeconds, int maxDelaySeconds)
{
    setReconnectDelayMs(minDelaySeconds * 1000, maxDelaySeconds * 1000);
}

void SocketNotifierLoop::setReconnectDelayMs(int minDelayMs, int maxDelayMs)
{
    m_minDelayMs = qMax(1, minDelayMs);
    m_maxDelayMs = qMax(m_minDelayMs, maxDelayMs);
}

void SocketNotifierLoop::setAutoReconnect(bool enabled)
{
    m_autoReconnect = enabled;
    if (!enabled)
        m_reconnectTimer.stop();
}

void SocketNotifierLoop::setMiscInterval(int ms)
{
    m_miscTimer.setInterval(qMax(1, ms));
}

int SocketNotifierLoop::backoffDelayMs(int attempt) const
{
    qint64 delay = m_minDelayMs;
    for (int i = 0; i < attempt && delay < m_maxDelayMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, m_maxDelayMs));
}

void SocketNotifierLoop::dropNotifiers()
{
    // deleteLater: we may be inside the notifier's own activated() handler.
    for (QPointer<QSocketNotifier> *n : {&m_readNotifier, &m_writeNotifier}) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->deleteLater();
        }
        *n = nullptr;
    }
}

void SocketNotifierLoop::onSocketOpened(qintptr fd)
{
    ++m_connectionSerial;
    dropNotifiers();
    m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, m_client, [this] { m_client->loopRead(); });
    m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, m_client, [this] { m_client->loopWrite(); });
    m_miscTimer.start();
}

void SocketNotifierLoop::onSocketClosed(qintptr)
{
    dropNotifiers();
    m_miscTimer.stop();
}

void SocketNotifierLoop::onRegisterWrite(qintptr)
{
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(true);
}

void SocketNotifierLoop::onUnregisterWrite(qintptr)
{
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
}

void SocketNotifierLoop::onConnected(ConnectFlags flags, ReasonCode reasonCode, const Properties &)
{
    if (reasonCode.isFailure() || reasonCode.value != 0)
        return;
    m_attempt = 0;
    if (m_loopInitiated && !flags.sessionPresent) {
        // The broker forgot our subscriptions; ask again for what the application asked for.
        // Queued, so that every connected() slot has run first: filters the application
        // subscribes again there (the paho pattern) must not be sent twice.
        QMetaObject::invokeMethod(this, [this, serial = m_connectionSerial] { resubscribe(serial); },
                                  Qt::QueuedConnection);
    }
    m_loopInitiated = false;
}

void SocketNotifierLoop::resubscribe(quint64 connection)
{
    if (connection != m_connectionSerial || !m_client->isConnected())
        return; // that connection is gone; the next CONNACK decides again
    const QList<Subscription> subscriptions = m_client->subscriptionsNotRequested();
    if (subscriptions.isEmpty())
        return;
    qCDebug(lcMqttClient) << "resubscribing" << subscriptions.size() << "filter(s)";
    // One SUBSCRIBE per Subscription Identifier, so that each filter keeps its own.
    QList<quint32> order;
    QHash<quint32, QList<Subscription>> groups;
    for (const Subscription &s : subscriptions) {
        const quint32 id = m_client->subscriptionIdentifier(s.filter);
        if (!groups.contains(id))
            order.append(id);
        groups[id].append(s);
    }
    for (const quint32 id : std::as_const(order)) {
        Properties properties;
        if (id != 0)
            properties.setSubscriptionIdentifier(id);
        m_client->subscribe(groups.value(id), properties);
    }
}

void SocketNotifierLoop::onDisconnected(int rc)
{
    if (rc == 0 || !m_autoReconnect || !m_client->wantsConnection())
        return;
    scheduleReconnect();
}

void SocketNotifierLoop::scheduleReconnect()
{
    const int base = backoffDelayMs(m_attempt);
    // Jitter in [base/2, base] so that many clients do not reconnect in lockstep.
    const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    ++m_attempt;
    m_reconnectTimer.start(qMax(1, delay));
    Q_EMIT reconnectScheduled(delay, m_attempt);
}

void SocketNotifierLoop::doReconnect()
{
    if (!m_autoReconnect || !m_client->wantsConnection()
        || m_client->state() != Client::State::Disconnected)
        return;
    m_loopInitiated = true;
    m_client->reconnect();
}

} // namespace mqtt
