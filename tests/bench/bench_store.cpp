// MessageStore::add() rate for 1M messages over 10k topics with two panes (flushing every 20k
// messages, as the 40 ms timer would at 500k msg/s), beside a loop of plain
// QHash<QString, int> lookups on the same topics in the same run. Then 1M distinct topics
// (64-byte payloads): seconds and the process RSS afterwards (VmRSS).
#include "messagestore.h"
#include "panemodel.h"
#include "topictreemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kMessages = 1000000;
constexpr int kTopics = 10000;
constexpr int kPool = 100000; // distinct Message objects, cycled (each with its own strings)
constexpr int kFlushEvery = 20000;
constexpr int kDistinct = 1000000;
constexpr int kRounds = 3;

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

QString topicName(int i)
{
    return QStringLiteral("bench/%1/%2/value").arg(i % 100).arg(i / 100);
}

double g_flushSeconds = 0; // of the best store run

double storeRun(const QList<mqtt::Message> &pool, double *flushSeconds)
{
    MessageStore store;
    PaneModel routed(QStringLiteral("bench/7/#"));
    PaneModel rest;
    store.addPane(&routed);
    store.addPane(&rest);
    QElapsedTimer timer;
    QElapsedTimer flushTimer;
    qint64 flushNs = 0;
    timer.start();
    for (int i = 0; i < kMessages; ++i) {
        store.add(pool.at(i % kPool));
        if ((i + 1) % kFlushEvery == 0) {
            flushTimer.start();
            store.flush();
            flushNs += flushTimer.nsecsElapsed();
        }
    }
    store.flush();
    const double seconds = timer.nsecsElapsed() / 1e9;
    *flushSeconds = flushNs / 1e9;
    if (store.totalMessages() != kMessages || store.topicCount() != kTopics)
        std::fprintf(stderr, "store run miscounted\n");
    return seconds;
}

double baselineRun(const QList<mqtt::Message> &pool, const QHash<QString, int> &hash)
{
    QElapsedTimer timer;
    timer.start();
    qint64 sum = 0;
    for (int i = 0; i < kMessages; ++i)
        sum += hash.value(pool.at(i % kPool).topic());
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (sum == 42)
        std::printf("\n"); // keeps the loop
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    QList<mqtt::Message> pool;
    pool.reserve(kPool);
    QHash<QString, int> hash;
    for (int i = 0; i < kTopics; ++i)
        hash.insert(topicName(i), i);
    for (int i = 0; i < kPool; ++i) {
        // A new string per message, as the receive path decodes one per PUBLISH.
        mqtt::Message message(topicName(i % kTopics), QByteArray(64, char('a' + i % 26)));
        message.setTimestamp(1700000000000 + i);
        pool.append(message);
    }

    double bestStore = 1e9;
    double bestBaseline = 1e9;
    for (int round = 0; round < kRounds; ++round) {
        double flushSeconds = 0;
        const double seconds = storeRun(pool, &flushSeconds);
        if (seconds < bestStore) {
            bestStore = seconds;
            g_flushSeconds = flushSeconds;
        }
        bestBaseline = std::min(bestBaseline, baselineRun(pool, hash));
    }
    const double storeRate = kMessages / bestStore;
    const double baselineRate = kMessages / bestBaseline;
    std::printf("add():          %.3f s for %d messages, %.0f msg/s (best of %d)\n", bestStore,
                kMessages, storeRate, kRounds);
    std::printf("  of which flush() every %d: %.3f s\n", kFlushEvery, g_flushSeconds);
    std::printf("QHash lookups:  %.3f s, %.0f lookups/s\n", bestBaseline, baselineRate);
    pool.clear();
    pool.squeeze();
    if (app.arguments().contains(QStringLiteral("--add-only")))
        return 0;

    {
        // What one flush and one rate tick cost the GUI thread through the tree model when
        // 100k topics (under 100k distinct parents) all changed.
        MessageStore store;
        TopicTreeModel tree(&store);
        for (int i = 0; i < 100000; ++i)
            store.add(mqtt::Message(QStringLiteral("site%1/dev%2/temp").arg(i % 10).arg(i), "1"));
        store.flush();
        for (int i = 0; i < 100000; ++i)
            store.add(mqtt::Message(QStringLiteral("site%1/dev%2/temp").arg(i % 10).arg(i), "2"));
        QElapsedTimer t;
        t.start();
        store.flush();
        const double flushMs = t.nsecsElapsed() / 1e6;
        t.restart();
        store.updateRates(1000);
        const double rateMs = t.nsecsElapsed() / 1e6;
        std::printf("100k changed topics through the tree model: flush %.1f ms (%d changes max), "
                    "rate tick %.1f ms\n",
                    flushMs, store.maxChangesPerFlush(), rateMs);
    }

    const qint64 rssBefore = rssKb();
    MessageStore store;
    PaneModel routed(QStringLiteral("dev/7/#"));
    PaneModel rest;
    store.addPane(&routed);
    store.addPane(&rest);
    const QByteArray payload(64, 'p');
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kDistinct; ++i) {
        QByteArray p = payload;
        p[0] = char(i); // a payload of its own, like a received one
        store.add(mqtt::Message(QStringLiteral("dev/%1/%2").arg(i / 1000).arg(i % 1000), p));
        if ((i + 1) % kFlushEvery == 0)
            store.flush();
    }
    store.flush();
    const double distinctSeconds = timer.nsecsElapsed() / 1e9;
    const qint64 rssAfter = rssKb();
    std::printf("1M topics:      %.3f s, %d topics, RSS %.1f MB (+%.1f MB, %.0f B/topic incl. "
                "panes' rings)\n",
                distinctSeconds, store.topicCount(), rssAfter / 1024.0,
                (rssAfter - rssBefore) / 1024.0,
                (rssAfter - rssBefore) * 1024.0 / store.topicCount());
    std::printf("RESULT store_msgs_per_s=%.0f baseline_lookups_per_s=%.0f ratio=%.2f "
                "topics_1m_s=%.2f topics_1m_rss_mb=%.0f\n",
                storeRate, baselineRate, baselineRate / storeRate, distinctSeconds,
                rssAfter / 1024.0);
    return 0;
}
