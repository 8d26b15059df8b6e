#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <memory>

namespace mqtt {

struct TransportOptions;

// A non-blocking byte stream on one file descriptor, driven by the client's external loop.
// TCP, TLS and WebSocket implement it; a WebSocket transport wraps a TCP or TLS one.
// Nothing here blocks: every call does what it can and returns.
//
// Contract with mqtt::Client:
//  - open() starts connecting (non-blocking connect()); fd() is valid right after a true return.
//  - isReady() turns true once connect + handshakes (TLS, HTTP upgrade) are complete. Before
//    that, write() accepts nothing (returns 0) and the client keeps its bytes queued.
//  - needsWrite() is the transport's own wish for a write notification (connect pending,
//    TLS wants to write, handshake or control-frame bytes pending). The client's wantWrite()
//    is "my queue is not empty || transport->needsWrite()".
//  - handleWritable() is called from loopWrite() before the client writes its own bytes.
//  - read() is called from loopRead(): it drives handshakes and appends MQTT bytes to `out`.
class Transport
{
public:
    enum class Status {
        Ok,         // progress made or nothing to do yet (would block)
        Closed,     // orderly end of stream from the peer
        Error       // errorString() says why; the connection is unusable
    };

    virtual ~Transport() = default;

    // hostName is what the user typed (for TLS SNI / verification and the WebSocket Host header).
    virtual bool open(const QString &hostName, const QHostAddress &address, quint16 port) = 0;
    virtual void close() = 0;
    virtual qintptr fd() const = 0;   // -1 when closed

    virtual bool isReady() const = 0;
    virtual bool needsWrite() const = 0;

    virtual Status read(QByteArray &out) = 0;
    virtual Status handleWritable() = 0;
    // Returns how many bytes were taken (0 when it would block), or -1 on error.
    virtual qint64 write(const char *data, qint64 size) = 0;

    // What kind of failure errorString() describes, so the client can report paho's numbers:
    // Tls (certificate verification, handshake, alert) becomes MQTT_ERR_TLS (8), the others
    // MQTT_ERR_CONN_LOST (7).
    enum class ErrorKind {
        Network,    // socket level: refused, reset, closed, unreachable
        Tls,        // OpenSSL: verification, handshake, alert, bad local certificate or key
        WebSocket,  // refused HTTP upgrade, bad frames, close frame
    };

    virtual QString errorString() const = 0;
    virtual ErrorKind errorKind() const { return ErrorKind::Network; }
    // "tcp", "tls", "ws", "wss": for log lines.
    virtual QString name() const = 0;
    // Non-empty when the connection is deliberately weakened (TLS verification off); valid after
    // open(). The client logs it as a warning so an insecure connection is never silent.
    virtual QString securityWarning() const { return {}; }
};

// Creates the transport the options ask for (TCP unless TLS and/or WebSocket are enabled).
std::unique_ptr<Transport> createTransport(const TransportOptions &options);

} // namespace mqtt
