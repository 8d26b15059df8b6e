#pragma once

#include "message.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace mqtt {
class Client;
}

// Replays the received messages of a session file to a connected broker, like
// `mqtt-inspector-cli replay`: at the recorded spacing divided by speed(), or as fast as
// possible. It runs on the GUI thread in slices (at most sliceSize() messages per event-loop
// turn, and never more than maxOutstanding() unacknowledged QoS 1/2 messages), so the window
// stays live; it can be paused, resumed and cancelled, and stops with a reason when the
// connection goes or a publish is refused.
class SessionReplayer : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Finished, Cancelled, Failed };
    Q_ENUM(State)

    explicit SessionReplayer(QObject *parent = nullptr);

    // Publishes `messages` (a session file's received messages, in order) at their recorded
    // spacing divided by speed; speed <= 0: as fast as possible.
    bool start(mqtt::Client *client, const QList<mqtt::Message> &messages, double speed,
               const QString &topicPrefix = QString());
    void pause();
    void resume();
    void cancel();

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::Paused; }
    qint64 sent() const { return m_next; }
    qint64 total() const { return m_messages.size(); }
    qint64 acknowledged() const { return m_acknowledged; }
    QString errorString() const { return m_error; }
    void setSliceSize(int messages) { m_sliceSize = qMax(1, messages); }
    void setMaxOutstanding(int messages) { m_maxOutstanding = qMax(1, messages); }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void stateChanged(SessionReplayer::State state);
    void finished(SessionReplayer::State state, const QString &message);

private:
    void step();
    void scheduleNext();
    void finish(State state, const QString &message);
    qint64 elapsedScaled() const;

    QPointer<mqtt::Client> m_client;
    QList<mqtt::Message> m_messages;
    QString m_prefix;
    double m_speed = 1.0;
    qsizetype m_next = 0;
    qint64 m_acknowledged = 0;
    QSet<int> m_pending; // mids of QoS 1/2 messages not acknowledged yet
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_pausedFor = 0; // ms spent paused (the schedule shifts by it)
    QElapsedTimer m_pauseClock;
    int m_sliceSize = 2000;
    int m_maxOutstanding = 1000;
    State m_state = State::Idle;
    QString m_error;
    QList<QMetaObject::Connection> m_links;
};
