// mqtt-inspector-cli as a subscriber, beside mosquitto_sub, on the fake broker of bench_receive
// (the same 1M QoS 0 PUBLISH stream, the same server code): `sub` with the default output, -v
// and --json (mosquitto_sub -F %j), stdout to /dev/null, and `record` to a file (beside
// mosquitto_sub's default output). Targets (issue 14): sub >= 5x, record >= 3x mosquitto_sub.
#include "fakebroker.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace bench;

namespace {

// One run of our CLI against the fake broker; messages per second, 0 on failure.
double runCli(FakeBroker &broker, const QStringList &args)
{
    broker.serveOnce(Mode::Tcp);
    QProcess cli;
    cli.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral(MQTTI_CLI_PATH),
              args + QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                 QStringLiteral("-p"), QString::number(broker.port()),
                                 QStringLiteral("-t"), QStringLiteral("#"), QStringLiteral("-C"),
                                 QString::number(kMessages), QStringLiteral("-i"),
                                 QStringLiteral("bench-cli")});
    if (!cli.waitForFinished(300000) || cli.exitCode() != 0) {
        std::fprintf(stderr, "mqtt-inspector-cli %s failed: %s\n", qPrintable(args.join(' ')),
                     qPrintable(cli.readAllStandardError()));
        return 0;
    }
    return kMessages / (timer.nsecsElapsed() / 1e9);
}

struct Row
{
    const char *name;
    QStringList ours;
    QStringList theirs; // mosquitto_sub flags giving the same output
    double target;
    double best = 0;
    double bestTheirs = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("building %d PUBLISH (64-byte payload, 1000 topics)...\n", kMessages);
    FakeBroker broker(buildStream());
    QTemporaryDir dir;
    const QString recordFile = QDir(dir.path()).filePath(QStringLiteral("bench.mqttsession"));
    QList<Row> rows{
        {"sub", {QStringLiteral("sub")}, {}, 5.0},
        {"sub_v", {QStringLiteral("sub"), QStringLiteral("-v")}, {QStringLiteral("-v")}, 5.0},
        {"sub_json", {QStringLiteral("sub"), QStringLiteral("--json")},
         {QStringLiteral("-F"), QStringLiteral("%j")}, 5.0},
        {"record", {QStringLiteral("record"), recordFile}, {}, 3.0},
    };
    // Same interleaved rounds as bench_receive (two shared cores make single runs noisy);
    // the best round of each side is compared.
    constexpr int kRounds = 3;
    for (int round = 1; round <= kRounds; ++round) {
        for (Row &row : rows) {
            const double ours = runCli(broker, row.ours);
            const double theirs = runMosquittoSub(broker, row.theirs);
            std::printf("round %d: %-8s mqtt-inspector-cli %9.0f msg/s, mosquitto_sub %9.0f msg/s\n",
                        round, row.name, ours, theirs);
            if (ours <= 0 || theirs <= 0)
                return 1;
            row.best = std::max(row.best, ours);
            row.bestTheirs = std::max(row.bestTheirs, theirs);
        }
    }
    QByteArray result = "RESULT";
    bool met = true;
    for (const Row &row : rows) {
        const double ratio = row.best / row.bestTheirs;
        std::printf("%-8s best: %.0f msg/s vs mosquitto_sub %.0f msg/s = %.2fx (target >= %.0fx)\n",
                    row.name, row.best, row.bestTheirs, ratio, row.target);
        met = met && ratio >= row.target;
        result += QByteArray(" ") + row.name + "_msgs_per_s=" + QByteArray::number(row.best, 'f', 0)
                  + " " + row.name + "_mosquitto_sub_msgs_per_s="
                  + QByteArray::number(row.bestTheirs, 'f', 0) + " " + row.name
                  + "_ratio=" + QByteArray::number(ratio, 'f', 2);
    }
    std::printf("%s targets_met=%d\n", result.constData(), met ? 1 : 0);
    return 0;
}
