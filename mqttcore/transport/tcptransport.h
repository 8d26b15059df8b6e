#pragma once

#include "transport/transport.h"

namespace mqtt {

// Plain TCP on a non-blocking socket. Also the connection layer under TlsTransport and, for
// ws://, under WebSocketTransport.
class TcpTransport : public Transport
{
public:
    TcpTransport() = default;
    ~TcpTransport() override;
    TcpTransport(const TcpTransport &) = delete;
    TcpTransport &operator=(const TcpTransport &) = delete;

    bool open(const QString &hostName, const QHostAddress &address, quint16 port) override;
    void close() override;
    qintptr fd() const override { return m_fd; }

    bool isReady() const override { return m_state == State::Connected; }
    bool needsWrite() const override { return m_state == State::Connecting; }

    Status read(QByteArray &out) override;
    Status handleWritable() override;
    qint64 write(const char *data, qint64 size) override;

    QString errorString() const override { return m_error; }
    QString name() const override { return QStringLiteral("tcp"); }

    // One read() stops after this many bytes even if more are waiting; a level-triggered
    // notifier calls again, and a flooding peer cannot grow the buffer without bound.
    static constexpr qint64 MaxReadPerCall = 512 * 1024;

private:
    enum class State { Closed, Connecting, Connected, Failed };

    // Completes a pending non-blocking connect() once the socket turned writable.
    Status finishConnect();
    Status fail(const QString &what, int err);

    int m_fd = -1;
    State m_state = State::Closed;
    QString m_peer;    // "host:port" for error messages
    QString m_error;
};

} // namespace mqtt
