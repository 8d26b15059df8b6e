#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>

namespace mqtt {
class Client;
class Message;
}

// Round-trip latency of our own messages: expect() notes a message we just published; when a
// message with the same topic and payload arrives on one of our subscriptions afterwards,
// echoed() reports the time between the two. Identical messages in flight match in order
// (MQTT keeps the order of one topic on one connection).
//
// It listens to the client's batched messagesReceived (one signal per read), and with nothing
// expected a batch costs one isEmpty() check, so a flood is not slowed down by it.
class EchoTracker : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        int count = 0;
        double minMs = 0;
        double medianMs = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };

    explicit EchoTracker(mqtt::Client *client, QObject *parent = nullptr);
    ~EchoTracker() override;

    // `id` is the caller's: echoed() gives it back. Expectations older than expiryMs() are
    // dropped (the message was not subscribed to, or the broker dropped it).
    void expect(int id, const QString &topic, const QByteArray &payload);
    int pendingCount() const { return m_pendingCount; }
    void clear();
    static constexpr qint64 expiryMs() { return 30000; }

    // Nearest-rank percentiles over round trips in nanoseconds.
    static Stats stats(QList<qint64> nanoseconds);
    // "3.2 ms", "850 µs", "1.25 s".
    static QString durationText(double ms);

Q_SIGNALS:
    void echoed(int id, qint64 nanoseconds);

private:
    struct Expected
    {
        int id;
        QByteArray payload;
        qint64 sentNs;
    };
    void onMessages(const QList<mqtt::Message> &messages);
    void expire(qint64 nowNs);

    QElapsedTimer m_clock;
    QHash<QString, std::deque<Expected>> m_expected; // topic -> oldest first
    int m_pendingCount = 0;
};
