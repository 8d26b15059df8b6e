// bench_open: File > Open of a 1M-message session file in the real window (offscreen
// platform), the path a user runs: SessionLoader's worker reads and parses the file, the GUI
// thread puts each batch into the store, the tree shows it. Baseline in the same run: the
// strict SessionReader alone reading the same file on one thread (what the CLI's replay
// does). A 10 ms probe timer on the GUI thread records the longest stall while it loads.
//
// RESULT open_s=<window, whole file> msgs_per_s=<...> max_stall_ms=<...>
//        reader_s=<baseline> ratio_to_reader=<reader_s / open_s>
#include "capture/sessionreader.h"
#include "capture/sessionwriter.h"
#include "connection.h"
#include "messagestore.h"
#include "stallprobe.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"
#include "widgets/sessionactions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int kMessages = 1000000;
constexpr int kTopics = 10000;
constexpr qint64 kStart = 1714564800000;

bool writeFile(const QString &path)
{
    mqtt::SessionWriter writer;
    mqtt::SessionHeader header;
    header.broker = QStringLiteral("mqtt://bench:1883");
    header.startTime = QDateTime::fromMSecsSinceEpoch(kStart, Qt::UTC);
    if (!writer.open(path, header))
        return false;
    for (int i = 0; i < kMessages; ++i) {
        const int t = i % kTopics;
        writer.write(mqtt::SessionEvent::message(
                mqtt::SessionEvent::Type::Received,
                QStringLiteral("bench/g%1/dev%2/value").arg(t % 100).arg(t),
                QByteArray("{\"seq\":") + QByteArray::number(i) + ",\"temp\":21.5,\"ok\":true}",
                0, false, kStart + i / 10));
    }
    return writer.close();
}

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Bench"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.jsonl"));
    std::printf("writing %d messages over %d topics...\n", kMessages, kTopics);
    if (!writeFile(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("file: %.0f MB\n", QFileInfo(path).size() / 1e6);

    // Baseline: the reader alone.
    QElapsedTimer clock;
    clock.start();
    mqtt::SessionReader reader;
    if (!reader.open(path))
        return 1;
    mqtt::SessionEvent event;
    qint64 read = 0;
    while (reader.readNext(&event))
        ++read;
    const double readerSeconds = clock.nsecsElapsed() / 1e9;
    reader.close();
    std::printf("baseline SessionReader: %lld events in %.2f s\n", static_cast<long long>(read),
                readerSeconds);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QEventLoop loop;
    bool ok = false;
    QObject::connect(window.sessionActions(), &SessionActions::fileLoaded, &loop,
                     [&](ConnectionTab *, bool loaded) {
                         ok = loaded;
                         loop.quit();
                     });
    bench::StallProbe probe;
    probe.start();
    clock.restart();
    ConnectionTab *tab = window.sessionActions()->openFile(path);
    loop.exec();
    const double seconds = clock.nsecsElapsed() / 1e9;
    const double stall = probe.maxStallMs();
    const qint64 loaded = tab->connection()->store()->totalMessages();
    std::printf("window: opened %lld messages in %.2f s (%.0f msg/s), max stall %.1f ms, "
                "RSS %.0f MB\n",
                static_cast<long long>(loaded), seconds, loaded / seconds, stall, rssMb());
    const bool met = ok && loaded == kMessages && seconds <= 10 && stall <= 50;
    std::printf("targets: all loaded, open_s <= 10, max_stall_ms <= 50: %s\n",
                met ? "met" : "MISSED");
    std::printf("RESULT open_s=%.2f msgs_per_s=%.0f max_stall_ms=%.1f reader_s=%.2f "
                "ratio_to_reader=%.2f\n",
                seconds, loaded / seconds, stall, readerSeconds, readerSeconds / seconds);
    return met ? 0 : 1;
}
