// Receive rate of mqtt::Client + SocketNotifierLoop against a local fake broker that streams
// 1M pre-encoded QoS 0 PUBLISH (64-byte payloads, 1000 topics), beside mosquitto_sub reading
// the same stream from the same fake broker in the same run.
#include "client.h"
#include "codec/encoder.h"
#include "socketloop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace mqtt;

namespace {

constexpr int kMessages = 1000000;

bool readAll(int fd, char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// Reads one MQTT packet (blocking); returns its type nibble and body.
int readPacket(int fd, QByteArray &body)
{
    unsigned char header = 0;
    if (!readAll(fd, reinterpret_cast<char *>(&header), 1))
        return -1;
    quint32 length = 0;
    int shift = 0;
    while (true) {
        unsigned char b = 0;
        if (!readAll(fd, reinterpret_cast<char *>(&b), 1))
            return -1;
        length |= quint32(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80))
            break;
    }
    body.resize(length);
    if (length && !readAll(fd, body.data(), length))
        return -1;
    return header >> 4;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// A one-connection fake broker: CONNECT -> CONNACK, SUBSCRIBE -> SUBACK, then the stream,
// then it waits for the client to go away.
class FakeBroker
{
public:
    explicit FakeBroker(const QByteArray &stream) : m_stream(stream)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
        ::listen(m_listen, 4);
        socklen_t len = sizeof(addr);
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~FakeBroker()
    {
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_listen);
    }
    quint16 port() const { return m_port; }
    void serveOnce()
    {
        if (m_thread.joinable())
            m_thread.join();
        m_thread = std::thread([this] { serve(); });
    }

private:
    void serve()
    {
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            return;
        QByteArray body;
        if (readPacket(fd, body) != 1) { // CONNECT
            ::close(fd);
            return;
        }
        const char connack[] = {0x20, 0x02, 0x00, 0x00};
        writeAll(fd, connack, sizeof(connack));
        int type;
        while ((type = readPacket(fd, body)) != 8) { // until SUBSCRIBE
            if (type < 0) {
                ::close(fd);
                return;
            }
        }
        const char suback[] = {char(0x90), 0x03, body.at(0), body.at(1), 0x00};
        writeAll(fd, suback, sizeof(suback));
        writeAll(fd, m_stream.constData(), size_t(m_stream.size()));
        while (readPacket(fd, body) >= 0) { } // until the client closes
        ::close(fd);
    }

    QByteArray m_stream;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
};

QByteArray buildStream()
{
    QByteArray stream;
    stream.reserve(kMessages * 90);
    QByteArray payload(64, 'p');
    for (int i = 0; i < kMessages; ++i) {
        PublishPacket p;
        p.topic = QStringLiteral("bench/sensor/%1/value").arg(i % 1000);
        payload[0] = char('0' + i % 10);
        p.payload = payload;
        encodeInto(stream, p, ProtocolVersion::V311);
    }
    return stream;
}

double runClient(FakeBroker &broker)
{
    broker.serveOnce();
    Client client(QStringLiteral("bench-receive"));
    SocketNotifierLoop loop(&client);
    loop.setAutoReconnect(false);
    int count = 0;
    QEventLoop wait;
    QElapsedTimer timer;
    QObject::connect(&client, &Client::connected, &client, [&] { client.subscribe(QStringLiteral("#"), 0); });
    QObject::connect(&client, &Client::messageReceived, &client, [&](const Message &) {
        if (++count == kMessages)
            wait.quit();
    });
    QObject::connect(&client, &Client::disconnected, &wait, &QEventLoop::quit);
    QTimer::singleShot(120000, &wait, &QEventLoop::quit);
    timer.start();
    client.connect(QStringLiteral("127.0.0.1"), broker.port());
    wait.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    client.disconnect();
    QEventLoop drain;
    QObject::connect(&client, &Client::disconnected, &drain, &QEventLoop::quit);
    QTimer::singleShot(2000, &drain, &QEventLoop::quit);
    if (client.state() != Client::State::Disconnected)
        drain.exec();
    if (count != kMessages) {
        std::fprintf(stderr, "client received only %d messages\n", count);
        return 0;
    }
    return kMessages / seconds;
}

double runMosquittoSub(FakeBroker &broker)
{
    broker.serveOnce();
    QProcess sub;
    sub.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    sub.start(QStringLiteral("mosquitto_sub"),
              {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
               QString::number(broker.port()), QStringLiteral("-t"), QStringLiteral("#"),
               QStringLiteral("-C"), QString::number(kMessages), QStringLiteral("-i"),
               QStringLiteral("bench-mosquitto-sub")});
    if (!sub.waitForFinished(300000) || sub.exitCode() != 0) {
        std::fprintf(stderr, "mosquitto_sub failed: %s\n", qPrintable(sub.readAllStandardError()));
        return 0;
    }
    return kMessages / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("building %d PUBLISH (64-byte payload, 1000 topics)...\n", kMessages);
    const QByteArray stream = buildStream();
    std::printf("stream: %.1f MB\n", stream.size() / 1e6);
    FakeBroker broker(stream);

    const double ours = runClient(broker);
    std::printf("mqtt::Client + SocketNotifierLoop: %.0f msg/s\n", ours);
    const double theirs = runMosquittoSub(broker);
    std::printf("mosquitto_sub -C %d >/dev/null:   %.0f msg/s\n", kMessages, theirs);
    const double ratio = theirs > 0 ? ours / theirs : 0;
    std::printf("ratio: %.2fx (target >= 10x)\n", ratio);
    std::printf("RESULT client_msgs_per_s=%.0f mosquitto_sub_msgs_per_s=%.0f ratio=%.2f\n", ours,
                theirs, ratio);
    return ours > 0 && theirs > 0 ? 0 : 1;
}
