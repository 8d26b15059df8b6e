#pragma once

#include "client.h"
#include "message.h"
#include "socketloop.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

// An in-process mqtt::Client used as the other end of a CLI test: subscribes and waits for
// the SUBACK (so a test knows exactly when it is listening), records arrivals with their
// monotonic time, and publishes.
class PeerClient : public QObject
{
    Q_OBJECT

public:
    explicit PeerClient(const QString &clientId = QString(), QObject *parent = nullptr);

    mqtt::Client &client() { return m_client; }
    // Connects (protocol 3.1.1 unless told) and waits for the CONNACK.
    bool connectTo(quint16 port, mqtt::ProtocolVersion version = mqtt::ProtocolVersion::V311,
                   const mqtt::TransportOptions &transport = mqtt::TransportOptions(),
                   const QString &host = QStringLiteral("127.0.0.1"));
    // Subscribes and waits for the SUBACK.
    bool subscribe(const QString &filter, int qos = 2);
    // Publishes and waits until it is acknowledged (or written, for QoS 0).
    bool publish(const QString &topic, const QByteArray &payload, int qos = 1,
                 bool retain = false);
    // Waits until at least `count` messages have arrived.
    bool waitForMessages(int count, int timeoutMs = 15000);

    QList<mqtt::Message> messages() const { return m_messages; }
    QList<qint64> arrivalMs() const { return m_arrivalMs; }
    QStringList payloads() const;

private:
    mqtt::Client m_client;
    mqtt::SocketNotifierLoop m_loop;
    QList<mqtt::Message> m_messages;
    QList<qint64> m_arrivalMs;
    QElapsedTimer m_clock;
    int m_subacks = 0;
    QList<int> m_done;
};
