#pragma once

#include "client.h"

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

namespace mqtt {

// Drives a Client from the Qt event loop, the way paho's loop_forever drives its client:
// a read QSocketNotifier calls loopRead(), a write notifier (enabled by socketRegisterWrite,
// disabled by socketUnregisterWrite) calls loopWrite(), a timer calls loopMisc(). After an
// unexpected disconnect or a failed connect it reconnects with exponential back-off and
// jitter, and re-subscribes the client's filters when the broker did not resume the session.
class SocketNotifierLoop : public QObject
{
    Q_OBJECT
public:
    explicit SocketNotifierLoop(Client *client, QObject *parent = nullptr);
    ~SocketNotifierLoop() override;

    Client *client() const { return m_client; }

    // paho's reconnect_delay_set(min_delay=1, max_delay=120), in seconds.
    void setReconnectDelay(int minDelaySeconds, int maxDelaySeconds);
    // The same in milliseconds (tests, fast local retries).
    void setReconnectDelayMs(int minDelayMs, int maxDelayMs);
    int minReconnectDelayMs() const { return m_minDelayMs; }
    int maxReconnectDelayMs() const { return m_maxDelayMs; }
    void setAutoReconnect(bool enabled);
    bool autoReconnect() const { return m_autoReconnect; }
    // How often loopMisc() runs (keepalive resolution); default 1000 ms.
    void setMiscInterval(int ms);
    // Back-off for the given attempt (0-based) before jitter: min * 2^attempt, capped at max.
    int backoffDelayMs(int attempt) const;
    int reconnectAttempt() const { return m_attempt; }
    bool isReconnectPending() const { return m_reconnectTimer.isActive(); }

Q_SIGNALS:
    void reconnectScheduled(int delayMs, int attempt);

private:
    void onSocketOpened(qintptr fd);
    void onSocketClosed(qintptr fd);
    void onRegisterWrite(qintptr fd);
    void onUnregisterWrite(qintptr fd);
    void onConnected(ConnectFlags flags, ReasonCode reasonCode, const Properties &properties);
    void onDisconnected(int rc);
    void resubscribe(quint64 connection);
    void scheduleReconnect();
    void doReconnect();
    void dropNotifiers();

    Client *m_client;
    QPointer<QSocketNotifier> m_readNotifier;
    QPointer<QSocketNotifier> m_writeNotifier;
    QTimer m_miscTimer;
    QTimer m_reconnectTimer;
    int m_minDelayMs = 1000;
    int m_maxDelayMs = 120000;
    int m_attempt = 0;
    bool m_autoReconnect = true;
    bool m_loopInitiated = false; // the current connection came from our own reconnect
    quint64 m_connectionSerial = 0; // one per socket, so a late resubscribe finds its connection
};

} // namespace mqtt
