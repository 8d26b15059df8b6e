#include "peerclient.h"

#include <QTest>

PeerClient::PeerClient(const QString &clientId, QObject *parent)
    : QObject(parent), m_client(clientId), m_loop(&m_client)
{
    m_loop.setAutoReconnect(false);
    m_clock.start();
    connect(&m_client, &mqtt::Client::messageReceived, this, [this](const mqtt::Message &m) {
        m_messages << m;
        m_arrivalMs << m_clock.elapsed();
    });
    connect(&m_client, &mqtt::Client::subscribed, this,
            [this](int, const QList<mqtt::ReasonCode> &, const mqtt::Properties &) {
                ++m_subacks;
            });
    connect(&m_client, &mqtt::Client::published, this,
            [this](int mid, mqtt::ReasonCode, const mqtt::Properties &) { m_done << mid; });
}

bool PeerClient::connectTo(quint16 port, mqtt::ProtocolVersion version,
                           const mqtt::TransportOptions &transport, const QString &host)
{
    m_client.setProtocolVersion(version);
    m_client.setTransportOptions(transport);
    if (m_client.connect(host, port) != mqtt::Error::Success)
        return false;
    return QTest::qWaitFor([this] { return m_client.isConnected(); }, 15000);
}

bool PeerClient::subscribe(const QString &filter, int qos)
{
    const int before = m_subacks;
    if (!m_client.subscribe(filter, qos).ok())
        return false;
    return QTest::qWaitFor([&] { return m_subacks > before; }, 15000);
}

bool PeerClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    const mqtt::RequestResult r = m_client.publish(topic, payload, qos, retain);
    if (!r.ok())
        return false;
    return QTest::qWaitFor([&] { return m_done.contains(r.mid); }, 15000);
}

bool PeerClient::waitForMessages(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_messages.size() >= count; }, timeoutMs);
}

QStringList PeerClient::payloads() const
{
    QStringList list;
    for (const mqtt::Message &m : m_messages)
        list << QString::fromUtf8(m.payload());
    return list;
}
