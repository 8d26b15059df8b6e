#include "sessionreplayer.h"

#include "capture/sessionevent.h"
#include "client.h"
#include "mqttstrings.h"

#include <QLocale>

SessionReplayer::SessionReplayer(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionReplayer::step);
}

bool SessionReplayer::start(mqtt::Client *client, const QList<mqtt::Message> &messages,
                            double speed, const QString &topicPrefix)
{
    if (isActive() || !client)
        return false;
    m_messages = messages;
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        QObject::disconnect(link);
    m_links.clear();
    m_client = client;
    m_prefix = topicPrefix;
    m_speed = speed;
    m_next = 0;
    m_acknowledged = 0;
    m_pending.clear();
    m_pausedFor = 0;
    m_error.clear();
    m_links << connect(client, &mqtt::Client::published, this, [this](int mid) {
        if (!m_pending.remove(mid))
            return;
        ++m_acknowledged;
        if (m_state == State::Running && !m_timer.isActive())
            m_timer.start(0);
    });
    m_links << connect(client, &mqtt::Client::disconnected, this, [this] {
        if (isActive())
            finish(State::Failed, tr("The connection was lost after %1 of %2 messages.")
                                      .arg(QLocale().toString(qint64(m_next)),
                                           QLocale().toString(m_messages.size())));
    });
    m_state = State::Running;
    Q_EMIT stateChanged(m_state);
    m_clock.start();
    if (!client->isConnected()) {
        finish(State::Failed, tr("Not connected to a broker."));
        return false;
    }
    step();
    return true;
}

void SessionReplayer::pause()
{
    if (m_state != State::Running)
        return;
    m_timer.stop();
    m_pauseClock.start();
    m_state = State::Paused;
    Q_EMIT stateChanged(m_state);
}

void SessionReplayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_pausedFor += m_pauseClock.elapsed();
    m_state = State::Running;
    Q_EMIT stateChanged(m_state);
    m_timer.start(0);
}

void SessionReplayer::cancel()
{
    if (isActive())
        finish(State::Cancelled, tr("Replay cancelled after %1 of %2 messages.")
                                     .arg(QLocale().toString(qint64(m_next)),
                                          QLocale().toString(m_messages.size())));
}

qint64 SessionReplayer::elapsedScaled() const
{
    return m_clock.elapsed() - m_pausedFor;
}

void SessionReplayer::step()
{
    if (m_state != State::Running || !m_client)
        return;
    const qint64 first = m_messages.isEmpty() ? 0 : m_messages.first().timestamp();
    const bool v5 = m_client->protocolVersion() == mqtt::ProtocolVersion::V5;
    for (int budget = m_sliceSize; m_next < m_messages.size() && budget > 0; --budget) {
        if (m_pending.size() >= m_maxOutstanding)
            return; // the next acknowledgement steps again
        const mqtt::Message &m = m_messages.at(m_next);
        if (m_speed > 0) {
            const qint64 due = qint64(double(m.timestamp() - first) / m_speed);
            const qint64 wait = due - elapsedScaled();
            if (wait > 0) {
                m_timer.start(int(qMin<qint64>(wait, 1000000000)));
                Q_EMIT progress(m_next, m_messages.size());
                return;
            }
        }
        // As received, less what a client must not send in PUBLISH (Topic Alias,
        // Subscription Identifier) [MQTT-3.3.4-6]: the round trip through the file's
        // properties drops them.
        const mqtt::Properties props = v5
            ? mqtt::capture::toPublishProperties(mqtt::capture::fromProperties(m.properties()))
            : mqtt::Properties();
        const mqtt::RequestResult r = m_client->publish(m_prefix + m.topic(), m.payload(),
                                                        m.qos(), m.retain(), props);
        if (!r.ok()) {
            finish(State::Failed, tr("Publishing message %1 (%2) failed: %3")
                                      .arg(m_next + 1).arg(m.topic(), mqtt::errorString(r.rc)));
            return;
        }
        if (m.qos() > 0)
            m_pending.insert(r.mid);
        ++m_next;
    }
    Q_EMIT progress(m_next, m_messages.size());
    if (m_next >= m_messages.size()) {
        if (m_pending.isEmpty())
            finish(State::Finished,
                   tr("Replayed %1 messages.").arg(QLocale().toString(m_messages.size())));
        return;
    }
    // Let the socket drain what this slice queued before the next one.
    m_timer.start(m_client->wantWrite() ? 1 : 0);
}

void SessionReplayer::finish(State state, const QString &message)
{
    m_timer.stop();
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        QObject::disconnect(link);
    m_links.clear();
    m_state = state;
    if (state == State::Failed)
        m_error = message;
    Q_EMIT progress(m_next, m_messages.size());
    Q_EMIT stateChanged(state);
    Q_EMIT finished(state, message);
}
