#pragma once

// The fake broker of the receive benchmarks (bench_receive, bench_cli, bench_ingest): it streams 1M
// pre-encoded QoS 0 PUBLISH (64-byte payloads, 1000 topics) over TCP, TLS, WebSocket or secure
// WebSocket to one client at a time, and runs mosquitto_sub against it as the baseline. Shared
// so that every contender reads the very same bytes from the very same server code.
#include "client.h"
#include "codec/encoder.h"
#include "socketloop.h"
#include "transport/websocketframecodec.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <cstdio>
#include <cstring>
#include <thread>

namespace bench {

using namespace mqtt;

constexpr int kMessages = 1000000;

enum class Mode { Tcp, Tls, Ws, Wss };

inline bool isTls(Mode mode) { return mode == Mode::Tls || mode == Mode::Wss; }
inline bool isWs(Mode mode) { return mode == Mode::Ws || mode == Mode::Wss; }
inline const char *modeName(Mode mode)
{
    switch (mode) {
    case Mode::Tcp: return "tcp";
    case Mode::Tls: return "tls";
    case Mode::Ws: return "ws";
    case Mode::Wss: return "wss";
    }
    return "?";
}

// One blocking server-side connection of the fake broker: plain or TLS bytes, and MQTT bytes
// carried directly or in WebSocket frames (server frames unmasked, client frames masked).
class BrokerConnection
{
public:
    BrokerConnection(int fd, Mode mode, SSL_CTX *ctx) : m_fd(fd), m_mode(mode)
    {
        if (isTls(mode)) {
            m_ssl = SSL_new(ctx);
            SSL_set_fd(m_ssl, fd);
        }
    }
    ~BrokerConnection()
    {
        if (m_ssl)
            SSL_free(m_ssl);
        ::close(m_fd);
    }

    bool handshake()
    {
        if (m_ssl && SSL_accept(m_ssl) != 1)
            return false;
        if (!isWs(m_mode))
            return true;
        QByteArray head;
        while (!head.endsWith("\r\n\r\n")) {
            char c;
            if (!rawRead(&c, 1) || head.size() > 16384)
                return false;
            head += c;
        }
        QByteArray key;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                           QCryptographicHash::Sha1).toBase64();
        const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\nSec-WebSocket-Protocol: mqtt\r\n"
                                    "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
        return rawWrite(response.constData(), size_t(response.size()));
    }

    // MQTT bytes from the client, exactly `size` of them.
    bool read(char *data, size_t size)
    {
        if (!isWs(m_mode))
            return rawRead(data, size);
        while (size_t(m_frames.size()) < size) {
            unsigned char h[2];
            if (!rawRead(reinterpret_cast<char *>(h), 2))
                return false;
            quint64 length = h[1] & 0x7f;
            if (length >= 126) {
                unsigned char ext[8];
                const int n = length == 126 ? 2 : 8;
                if (!rawRead(reinterpret_cast<char *>(ext), size_t(n)))
                    return false;
                length = 0;
                for (int i = 0; i < n; ++i)
                    length = (length << 8) | ext[i];
            }
            unsigned char mask[4] = {0, 0, 0, 0};
            if ((h[1] & 0x80) && !rawRead(reinterpret_cast<char *>(mask), 4))
                return false;
            QByteArray payload(qsizetype(length), Qt::Uninitialized);
            if (length && !rawRead(payload.data(), size_t(length)))
                return false;
            const quint32 key = (quint32(mask[0]) << 24) | (quint32(mask[1]) << 16)
                                | (quint32(mask[2]) << 8) | mask[3];
            WebSocketFrameCodec::applyMask(payload.data(), payload.size(), key);
            if ((h[0] & 0x0f) == 0x8)
                return false; // close frame: the client is going away
            if ((h[0] & 0x0f) <= 0x2)
                m_frames += payload;
        }
        std::memcpy(data, m_frames.constData(), size);
        m_frames.remove(0, qsizetype(size));
        return true;
    }

    // Bytes as they go on the wire (already framed for WebSocket).
    bool rawWrite(const char *data, size_t size)
    {
        while (size > 0) {
            ssize_t n;
            if (m_ssl) {
                size_t written = 0;
                n = SSL_write_ex(m_ssl, data, size, &written) == 1 ? ssize_t(written) : -1;
            } else {
                n = ::send(m_fd, data, size, MSG_NOSIGNAL);
            }
            if (n <= 0)
                return false;
            data += n;
            size -= size_t(n);
        }
        return true;
    }
    bool writeMqtt(const QByteArray &bytes)
    {
        const QByteArray out = isWs(m_mode) ? wsFrame(bytes) : bytes;
        return rawWrite(out.constData(), size_t(out.size()));
    }

    // A server frame: binary, unmasked (RFC 6455 5.1).
    static QByteArray wsFrame(const QByteArray &payload)
    {
        QByteArray frame;
        frame += char(0x82);
        const quint64 n = quint64(payload.size());
        if (n < 126) {
            frame += char(n);
        } else if (n <= 0xffff) {
            frame += char(126);
            frame += char(n >> 8);
            frame += char(n & 0xff);
        } else {
            frame += char(127);
            for (int i = 7; i >= 0; --i)
                frame += char((n >> (8 * i)) & 0xff);
        }
        return frame + payload;
    }

private:
    bool rawRead(char *data, size_t size)
    {
        while (size > 0) {
            ssize_t n;
            if (m_ssl) {
                size_t got = 0;
                n = SSL_read_ex(m_ssl, data, size, &got) == 1 ? ssize_t(got) : -1;
            } else {
                n = ::recv(m_fd, data, size, 0);
            }
            if (n <= 0)
                return false;
            data += n;
            size -= size_t(n);
        }
        return true;
    }

    int m_fd;
    Mode m_mode;
    SSL *m_ssl = nullptr;
    QByteArray m_frames; // unmasked client payload not read yet
};

// Reads one MQTT packet (blocking); returns its type nibble and body.
inline int readPacket(BrokerConnection &c, QByteArray &body)
{
    unsigned char header = 0;
    if (!c.read(reinterpret_cast<char *>(&header), 1))
        return -1;
    quint32 length = 0;
    int shift = 0;
    while (true) {
        unsigned char b = 0;
        if (!c.read(reinterpret_cast<char *>(&b), 1))
            return -1;
        length |= quint32(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80))
            break;
    }
    body.resize(length);
    if (length && !c.read(body.data(), length))
        return -1;
    return header >> 4;
}

// A one-connection-at-a-time fake broker: CONNECT -> CONNACK, SUBSCRIBE -> SUBACK, then the
// stream, then it waits for the client to go away.
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
        if (m_ctx)
            SSL_CTX_free(m_ctx);
    }
    bool setCertificate(const QString &certFile, const QString &keyFile)
    {
        m_ctx = SSL_CTX_new(TLS_server_method());
        return m_ctx
               && SSL_CTX_use_certificate_chain_file(m_ctx, certFile.toLocal8Bit().constData()) == 1
               && SSL_CTX_use_PrivateKey_file(m_ctx, keyFile.toLocal8Bit().constData(), SSL_FILETYPE_PEM) == 1;
    }
    quint16 port() const { return m_port; }
    void serveOnce(Mode mode)
    {
        if (m_thread.joinable())
            m_thread.join();
        // The WebSocket rows send the same stream in 64 KiB binary frames, framed before the
        // first of them (not up front: a plain-TCP user would hold a second copy for nothing).
        if (isWs(mode) && m_wsStream.isEmpty()) {
            for (qsizetype pos = 0; pos < m_stream.size(); pos += 65536)
                m_wsStream += BrokerConnection::wsFrame(m_stream.mid(pos, 65536));
        }
        m_thread = std::thread([this, mode] { serve(mode); });
    }

private:
    void serve(Mode mode)
    {
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            return;
        BrokerConnection c(fd, mode, m_ctx);
        if (!c.handshake()) {
            std::fprintf(stderr, "fake broker: %s handshake failed\n", modeName(mode));
            return;
        }
        QByteArray body;
        if (readPacket(c, body) != 1) // CONNECT
            return;
        c.writeMqtt(QByteArray::fromHex("20020000"));
        int type;
        while ((type = readPacket(c, body)) != 8) { // until SUBSCRIBE
            if (type < 0)
                return;
        }
        QByteArray suback = QByteArray::fromHex("9003");
        suback += body.left(2);
        suback += char(0);
        c.writeMqtt(suback);
        const QByteArray &stream = isWs(mode) ? m_wsStream : m_stream;
        c.rawWrite(stream.constData(), size_t(stream.size()));
        while (readPacket(c, body) >= 0) { } // until the client closes
    }

    QByteArray m_stream;
    QByteArray m_wsStream;
    SSL_CTX *m_ctx = nullptr;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
};

inline QByteArray buildStream()
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

// mosquitto_sub -C kMessages on the fake broker's plain TCP stream, output to /dev/null;
// `extra` adds flags such as -v. Returns messages per second, 0 on failure.
inline double runMosquittoSub(FakeBroker &broker, const QStringList &extra = {})
{
    broker.serveOnce(Mode::Tcp);
    QProcess sub;
    sub.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    sub.start(QStringLiteral("mosquitto_sub"),
              QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
               QString::number(broker.port()), QStringLiteral("-t"), QStringLiteral("#"),
               QStringLiteral("-C"), QString::number(kMessages), QStringLiteral("-i"),
               QStringLiteral("bench-mosquitto-sub")} + extra);
    if (!sub.waitForFinished(300000) || sub.exitCode() != 0) {
        std::fprintf(stderr, "mosquitto_sub failed: %s\n", qPrintable(sub.readAllStandardError()));
        return 0;
    }
    return kMessages / (timer.nsecsElapsed() / 1e9);
}

// The baseline every receive benchmark compares against: mqtt::Client + SocketNotifierLoop
// alone reading the broker's stream (counted in messageReceived); msg/s, 0 on failure.
inline double runClient(FakeBroker &broker, Mode mode, const QString &caFile = QString())
{
    broker.serveOnce(mode);
    Client client(QStringLiteral("bench-receive"));
    TransportOptions options;
    options.tls.enabled = isTls(mode);
    options.tls.caFile = caFile;
    options.webSocket.enabled = isWs(mode);
    client.setTransportOptions(options);
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
        std::fprintf(stderr, "%s: client received only %d messages\n", modeName(mode), count);
        return 0;
    }
    return kMessages / seconds;
}


} // namespace bench
