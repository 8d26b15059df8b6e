#include "echotracker.h"

#include "client.h"
#include "message.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

EchoTracker::EchoTracker(mqtt::Client *client, QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(client, &mqtt::Client::messagesReceived, this, &EchoTracker::onMessages);
}

EchoTracker::~EchoTracker() = default;

void EchoTracker::expect(int id, const QString &topic, const QByteArray &payload)
{
    const qint64 now = m_clock.nsecsElapsed();
    expire(now);
    m_expected[topic].push_back({id, payload, now});
    ++m_pendingCount;
}

void EchoTracker::clear()
{
    m_expected.clear();
    m_pendingCount = 0;
}

void EchoTracker::onMessages(const QList<mqtt::Message> &messages)
{
    if (m_pendingCount == 0)
        return;
    const qint64 now = m_clock.nsecsElapsed();
    for (const mqtt::Message &message : messages) {
        const auto it = m_expected.find(message.topic());
        if (it == m_expected.end())
            continue;
        std::deque<Expected> &queue = it.value();
        const QByteArray payload = message.payload();
        const auto match = std::find_if(queue.begin(), queue.end(),
                                        [&](const Expected &e) { return e.payload == payload; });
        if (match == queue.end())
            continue;
        const Expected found = *match;
        queue.erase(match);
        if (queue.empty())
            m_expected.erase(it);
        --m_pendingCount;
        Q_EMIT echoed(found.id, now - found.sentNs);
    }
}

void EchoTracker::expire(qint64 nowNs)
{
    const qint64 limit = nowNs - expiryMs() * 1000000;
    for (auto it = m_expected.begin(); it != m_expected.end();) {
        std::deque<Expected> &queue = it.value();
        while (!queue.empty() && queue.front().sentNs < limit) {
            queue.pop_front();
            --m_pendingCount;
        }
        it = queue.empty() ? m_expected.erase(it) : std::next(it);
    }
}

EchoTracker::Stats EchoTracker::stats(QList<qint64> nanoseconds)
{
    Stats s;
    if (nanoseconds.isEmpty())
        return s;
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const auto rank = [&](double p) {
        // Nearest rank: the smallest value with at least p of the samples at or below it.
        const qsizetype n = nanoseconds.size();
        const qsizetype index = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(n))) - 1, 0, n - 1);
        return double(nanoseconds.at(index)) / 1e6;
    };
    s.count = int(nanoseconds.size());
    s.minMs = double(nanoseconds.first()) / 1e6;
    s.medianMs = rank(0.5);
    s.p99Ms = rank(0.99);
    s.maxMs = double(nanoseconds.last()) / 1e6;
    return s;
}

QString EchoTracker::durationText(double ms)
{
    const QLocale locale;
    if (ms < 1)
        return tr("%1 µs").arg(locale.toString(ms * 1000, 'f', 0));
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms, 'f', ms < 100 ? 1 : 0));
    return tr("%1 s").arg(locale.toString(ms / 1000, 'f', 2));
}
