// Receive rate of mqtt::Client + SocketNotifierLoop against a local fake broker that streams
// 1M pre-encoded QoS 0 PUBLISH (64-byte payloads, 1000 topics), beside mosquitto_sub reading
// the same stream from the same fake broker in the same run. The fake broker also serves the
// stream over TLS (a generated certificate the client trusts through caFile), WebSocket and
// secure WebSocket, for one row each; the 10x target is for the plain TCP row.
#include "client.h"
#include "fakebroker.h"
#include "socketloop.h"
#include "testcertificates.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <thread>

using namespace mqtt;
using namespace bench;


int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("building %d PUBLISH (64-byte payload, 1000 topics)...\n", kMessages);
    const QByteArray stream = buildStream();
    std::printf("stream: %.1f MB\n", stream.size() / 1e6);
    TestCertificates certificates;
    if (!certificates.generate()) {
        std::fprintf(stderr, "cannot generate certificates: %s\n", qPrintable(certificates.error()));
        return 1;
    }
    FakeBroker broker(stream);
    if (!broker.setCertificate(certificates.serverCert(), certificates.serverKey())) {
        std::fprintf(stderr, "fake broker: cannot load the server certificate\n");
        return 1;
    }

    // Two cores shared with the fake broker's thread make single runs noisy: both sides get
    // the same number of interleaved rounds and the best round of each is compared.
    constexpr int kRounds = 3;
    double tcp = 0;
    double theirs = 0;
    for (int round = 1; round <= kRounds; ++round) {
        const double ours = runClient(broker, Mode::Tcp, QString());
        std::printf("round %d: mqtt::Client + SocketNotifierLoop, tcp: %.0f msg/s\n", round, ours);
        const double sub = runMosquittoSub(broker);
        std::printf("round %d: mosquitto_sub -C %d >/dev/null:   %.0f msg/s\n", round, kMessages, sub);
        if (ours <= 0 || sub <= 0)
            return 1;
        tcp = std::max(tcp, ours);
        theirs = std::max(theirs, sub);
    }
    std::printf("best of %d: tcp %.0f msg/s, mosquitto_sub %.0f msg/s\n", kRounds, tcp, theirs);
    const double tls = runClient(broker, Mode::Tls, certificates.caFile());
    std::printf("mqtt::Client + SocketNotifierLoop, tls: %.0f msg/s\n", tls);
    const double ws = runClient(broker, Mode::Ws, QString());
    std::printf("mqtt::Client + SocketNotifierLoop, ws:  %.0f msg/s\n", ws);
    const double wss = runClient(broker, Mode::Wss, certificates.caFile());
    std::printf("mqtt::Client + SocketNotifierLoop, wss: %.0f msg/s\n", wss);
    const double ratio = theirs > 0 ? tcp / theirs : 0;
    std::printf("ratio tcp / mosquitto_sub: %.2fx (target >= 10x)\n", ratio);
    std::printf("RESULT client_msgs_per_s=%.0f mosquitto_sub_msgs_per_s=%.0f ratio=%.2f "
                "tls_msgs_per_s=%.0f ws_msgs_per_s=%.0f wss_msgs_per_s=%.0f\n",
                tcp, theirs, ratio, tls, ws, wss);
    return tcp > 0 && theirs > 0 && tls > 0 && ws > 0 && wss > 0 ? 0 : 1;
}
