// The window under a flood: the real MainWindow (offscreen platform, painted), connected to a
// fake broker in another thread that writes 1M pre-encoded QoS 0 PUBLISH (64-byte payloads,
// 10k topics) as fast as the socket takes them, with two panes open (one on a subtree, one on
// `#`). A 10 ms probe timer in the GUI thread records the longest gap between its ticks: the
// longest the window could not react. Phase two: a new tab receives 1M distinct topics.
// Baseline in the same run: mqtt::Client + SocketNotifierLoop alone on the same stream (what
// the window costs on top of the core). The fake broker is bench_receive's (fakebroker.h).
#include "client.h"
#include "codec/encoder.h"
#include "connection.h"
#include "fakebroker.h"
#include "messagestore.h"
#include "socketloop.h"
#include "stallprobe.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"
#include "widgets/topictree.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QTreeView>

#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace mqtt;
using bench::FakeBroker;
using bench::Mode;

namespace {

constexpr int kMessages = bench::kMessages;
constexpr int kTopics = 10000;

// Heap bytes in use (glibc), beside the RSS: tells live data from allocator slack.
double heapMb()
{
    return double(mallinfo2().uordblks) / (1024.0 * 1024.0);
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

QByteArray buildStream(int messages, bool distinctTopics)
{
    QByteArray stream;
    stream.reserve(qsizetype(messages) * 96);
    QByteArray payload(64, 'p');
    for (int i = 0; i < messages; ++i) {
        PublishPacket p;
        if (distinctTopics) {
            p.topic = QStringLiteral("load/%1/%2/value").arg(i / 1000).arg(i % 1000);
        } else {
            const int t = i % kTopics;
            p.topic = QStringLiteral("bench/g%1/sensor%2/value").arg(t / 100).arg(t);
        }
        payload[0] = char('0' + i % 10);
        p.payload = payload;
        encodeInto(stream, p, ProtocolVersion::V311);
    }
    return stream;
}

ConnectionSettings benchSettings(quint16 port)
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("bench");
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.protocolVersion = ProtocolVersion::V311;
    settings.subscriptions = {{QStringLiteral("#"), 0}};
    return settings;
}

// Runs the event loop until the tab's store holds `messages` messages; returns the seconds.
double ingest(ConnectionTab *tab, int messages, int expectedTopics)
{
    MessageStore *store = tab->connection()->store();
    QElapsedTimer timer;
    timer.start();
    QEventLoop wait;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &wait, [&] {
        if (store->totalMessages() >= messages && store->topicCount() >= expectedTopics)
            wait.quit();
    });
    QTimer::singleShot(300000, &wait, &QEventLoop::quit);
    check.start();
    tab->connection()->connectToBroker();
    wait.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (store->totalMessages() < messages) {
        std::fprintf(stderr, "only %lld of %d messages arrived\n",
                     static_cast<long long>(store->totalMessages()), messages);
        return 0;
    }
    return seconds;
}

// A FakeBroker in a child process (fork before it builds anything): the 90 MB stream of a
// million PUBLISH is then not in the RSS that phase two measures, only the window is.
struct ChildBroker
{
    pid_t pid = -1;
    quint16 port = 0;
};

ChildBroker spawnBroker(bool distinctTopics)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        {
            FakeBroker broker(buildStream(kMessages, distinctTopics));
            const quint16 port = broker.port();
            broker.serveOnce(Mode::Tcp);
            (void)!::write(fds[1], &port, sizeof(port));
            ::close(fds[1]);
        } // joins the server thread: returns once the client has gone
        ::_exit(0);
    }
    ::close(fds[1]);
    ChildBroker child;
    child.pid = pid;
    if (pid < 0 || ::read(fds[0], &child.port, sizeof(child.port)) != sizeof(child.port))
        child.port = 0;
    ::close(fds[0]);
    return child;
}

void closeAllTabs(MainWindow &window)
{
    while (window.tabs()->count() > 0)
        window.closeTab(0);
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    malloc_trim(0); // what phase one freed must not count in phase two's RSS
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // --flood / --topics run one phase only (for profiling); the RESULT line needs both.
    const bool floodOnly = app.arguments().contains(QStringLiteral("--flood"));
    const bool topicsOnly = app.arguments().contains(QStringLiteral("--topics"));
    // Nothing of a developer's saved layout may change what is measured.
    QApplication::setOrganizationName(QStringLiteral("MQTT Inspector Bench"));

    MainWindow window;
    window.resize(1280, 800);
    window.show();

    double baseline = 0, seconds = 0, stall = 0, rate = 0, rss = 0;
    if (!topicsOnly) {
        // Phase 1: 1M messages over 10k topics, two panes, tree visible and expanded. The
        // broker and its stream live in this block: phase two's memory must not hold them.
        std::printf("building %d PUBLISH (64-byte payload, %d topics)...\n", kMessages, kTopics);
        FakeBroker broker(buildStream(kMessages, false));
        baseline = bench::runClient(broker, Mode::Tcp);
        std::printf("baseline: mqtt::Client + SocketNotifierLoop alone: %.0f msg/s\n", baseline);
        broker.serveOnce(Mode::Tcp);
        ConnectionTab *tab = window.addConnection(benchSettings(broker.port()), false);
        tab->openPane(QStringLiteral("bench/g1/#"), 0, false);
        tab->openPane(QStringLiteral("#"), 0, false);
        bench::StallProbe probe;
        probe.start();
        // The user looks at the tree while it fills: expanded rows repaint with every flush.
        QTimer::singleShot(100, tab, [tab] { tab->topicTree()->view()->expandToDepth(1); });
        seconds = ingest(tab, kMessages, kTopics);
        QEventLoop settle;
        QTimer::singleShot(300, &settle, &QEventLoop::quit);
        settle.exec();
        stall = probe.maxStallMs();
        rate = seconds > 0 ? kMessages / seconds : 0;
        rss = rssMb();
        std::printf("window: %d messages over %d topics, 2 panes: %.2f s = %.0f msg/s, "
                    "max stall %.1f ms, RSS %.0f MB\n", kMessages, kTopics, seconds, rate, stall,
                    rss);
        std::printf("window / baseline client: %.2f\n", baseline > 0 ? rate / baseline : 0.0);
        closeAllTabs(window);
    }
    if (floodOnly)
        return 0;

    // Phase 2: 1M distinct topics, from a broker in another process.
    std::printf("building %d PUBLISH on distinct topics (in a child process)...\n", kMessages);
    const ChildBroker loadBroker = spawnBroker(true);
    if (!loadBroker.port) {
        std::fprintf(stderr, "cannot start the fake broker process\n");
        return 1;
    }
    const double rssBeforeLoad = rssMb();
    ConnectionTab *loadTab = window.addConnection(benchSettings(loadBroker.port), false);
    bench::StallProbe loadProbe;
    loadProbe.start();
    const double loadSeconds = ingest(loadTab, kMessages, kMessages);
    const double loadStall = loadProbe.maxStallMs();
    const double loadRss = rssMb();
    std::printf("window: %d distinct topics: %.2f s, max stall %.1f ms, RSS %.0f MB (heap in use "
                "%.0f MB; %.0f MB before the load)\n",
                kMessages, loadSeconds, loadStall, loadRss, heapMb(), rssBeforeLoad);
    closeAllTabs(window); // the fake brokers wait for their client to go
    ::waitpid(loadBroker.pid, nullptr, 0);
    if (topicsOnly)
        return 0;

    const bool ok = rate >= 500000 && stall <= 50 && loadRss < 1024;
    std::printf("targets: msgs_per_s >= 500000 %s, max_stall_ms <= 50 %s, topics_1m_rss_mb < 1024 %s\n",
                rate >= 500000 ? "met" : "MISSED", stall <= 50 ? "met" : "MISSED",
                loadRss < 1024 ? "met" : "MISSED");
    std::printf("RESULT msgs_per_s=%.0f max_stall_ms=%.1f rss_mb=%.0f topics_1m_rss_mb=%.0f "
                "topics_1m_s=%.2f topics_1m_max_stall_ms=%.1f topics_1m_growth_mb=%.0f "
                "baseline_client_msgs_per_s=%.0f ratio_to_client=%.2f\n",
                rate, stall, rss, loadRss, loadSeconds, loadStall, loadRss - rssBeforeLoad,
                baseline, baseline > 0 ? rate / baseline : 0.0);
    return seconds > 0 && loadSeconds > 0 && ok ? 0 : 1;
}
