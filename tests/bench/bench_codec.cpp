// Decode rate of mqtt::StreamDecoder for 1M QoS 0 PUBLISH packets (64-byte payloads, 1000
// topics), beside a plain memcpy of the same bytes in the same run. Target: decoding costs no
// more than 10x the memcpy. The stream is fed in 64 KiB pieces, as a socket would deliver it.
#include "codec/encoder.h"
#include "codec/streamdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace mqtt;

namespace {

constexpr int kPackets = 1000000;
constexpr int kTopics = 1000;
constexpr int kPayload = 64;
constexpr qsizetype kChunk = 64 * 1024;
constexpr int kRounds = 5;

QByteArray buildStream(ProtocolVersion version)
{
    QList<QString> topics;
    for (int i = 0; i < kTopics; ++i)
        topics.append(QStringLiteral("plant/%1/line/%2/sensor/temperature").arg(i % 17).arg(i));
    QByteArray stream;
    stream.reserve(qsizetype(kPackets) * 64 + qsizetype(kPackets) * 48);
    PublishPacket p;
    p.payload = QByteArray(kPayload, 'v');
    for (int i = 0; i < kPackets; ++i) {
        p.topic = topics.at(i % kTopics);
        p.payload[0] = char(i);
        encodeInto(stream, p, version);
    }
    return stream;
}

struct Run
{
    double seconds = 0;
    qint64 packets = 0;
    qint64 payloadBytes = 0;
};

Run decodeOnce(const QByteArray &stream, ProtocolVersion version)
{
    QElapsedTimer timer;
    timer.start();
    StreamDecoder decoder;
    decoder.setProtocolVersion(version);
    Run run;
    for (qsizetype pos = 0; pos < stream.size(); pos += kChunk) {
        decoder.feed(stream.constData() + pos, std::min(kChunk, stream.size() - pos));
        while (std::optional<Packet> packet = decoder.next()) {
            const auto &publish = std::get<PublishPacket>(*packet);
            ++run.packets;
            run.payloadBytes += publish.payload.size() + publish.topic.size();
        }
    }
    run.seconds = timer.nsecsElapsed() / 1e9;
    if (decoder.hasFailed())
        std::fprintf(stderr, "decode failed: %s\n", qPrintable(decoder.error().toString()));
    return run;
}

double memcpyOnce(const QByteArray &stream, std::vector<char> &dest)
{
    QElapsedTimer timer;
    timer.start();
    for (qsizetype pos = 0; pos < stream.size(); pos += kChunk)
        std::memcpy(dest.data() + pos, stream.constData() + pos, std::min(kChunk, stream.size() - pos));
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("bench_codec: %d QoS 0 PUBLISH, %d-byte payloads, %d topics, %lld-byte chunks, best of %d\n",
                kPackets, kPayload, kTopics, static_cast<long long>(kChunk), kRounds);
    QString result = QStringLiteral("RESULT");
    for (ProtocolVersion version : {ProtocolVersion::V311, ProtocolVersion::V5}) {
        const char *name = version == ProtocolVersion::V5 ? "v5" : "v311";
        const QByteArray stream = buildStream(version);
        std::vector<char> dest(size_t(stream.size()), 1); // touched, so page faults are not timed
        double bestMemcpy = 1e9;
        Run best;
        best.seconds = 1e9;
        volatile char sink = 0;
        for (int round = 0; round < kRounds; ++round) {
            bestMemcpy = std::min(bestMemcpy, memcpyOnce(stream, dest));
            sink = sink + dest[size_t(round) * 7919 % dest.size()];
            const Run run = decodeOnce(stream, version);
            if (run.packets != kPackets) {
                std::fprintf(stderr, "decoded %lld packets, expected %d\n", static_cast<long long>(run.packets), kPackets);
                return 1;
            }
            if (run.seconds < best.seconds)
                best = run;
        }
        const double mb = stream.size() / 1e6;
        const double ratio = best.seconds / bestMemcpy;
        std::printf("%-5s stream %.1f MB\n", name, mb);
        std::printf("%-5s memcpy : %10.0f packets/s %9.1f MB/s (%.2f ms)\n", name,
                    kPackets / bestMemcpy, mb / bestMemcpy, bestMemcpy * 1e3);
        std::printf("%-5s decode : %10.0f packets/s %9.1f MB/s (%.2f ms)\n", name,
                    kPackets / best.seconds, mb / best.seconds, best.seconds * 1e3);
        std::printf("%-5s ratio decode/memcpy: %.2fx (target <= 10x)\n", name, ratio);
        result += QStringLiteral(" %1_decode_pps=%2 %1_decode_mbps=%3 %1_memcpy_mbps=%4 %1_ratio=%5")
                      .arg(QLatin1String(name))
                      .arg(qint64(kPackets / best.seconds))
                      .arg(mb / best.seconds, 0, 'f', 1)
                      .arg(mb / bestMemcpy, 0, 'f', 1)
                      .arg(ratio, 0, 'f', 2);
    }
    std::printf("%s\n", qPrintable(result));
    return 0;
}
