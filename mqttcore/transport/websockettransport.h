#pragma once

#include "transport/transport.h"
#include "transport/transportoptions.h"
#include "transport/websocketframecodec.h"

namespace mqtt {

// MQTT over WebSocket (RFC 6455, subprotocol "mqtt") on top of an inner transport: TCP for
// ws://, TLS for wss://. Outgoing MQTT bytes become masked binary frames; incoming binary and
// continuation frames are appended in order, so MQTT packets may be split across frames and
// frames may hold several packets. Pings are answered, close frames end the stream with their
// code and reason, a refused upgrade reports the server's status line.
class WebSocketTransport : public Transport
{
public:
    WebSocketTransport(std::unique_ptr<Transport> inner, const WebSocketOptions &options);
    ~WebSocketTransport() override;
    WebSocketTransport(const WebSocketTransport &) = delete;
    WebSocketTransport &operator=(const WebSocketTransport &) = delete;

    bool open(const QString &hostName, const QHostAddress &address, quint16 port) override;
    void close() override;
    qintptr fd() const override { return m_inner->fd(); }

    bool isReady() const override { return m_state == State::Open; }
    bool needsWrite() const override;

    Status read(QByteArray &out) override;
    Status handleWritable() override;
    qint64 write(const char *data, qint64 size) override;

    QString errorString() const override { return m_error; }
    ErrorKind errorKind() const override { return m_errorKind; }
    QString name() const override;
    QString securityWarning() const override { return m_inner->securityWarning(); }

    Transport *inner() const { return m_inner.get(); }
    // The close frame the peer sent (0 if none yet).
    quint16 peerCloseCode() const { return m_peerCloseCode; }
    QString peerCloseReason() const { return m_peerCloseReason; }

    // write() stops taking bytes while this much is queued for the inner transport.
    static constexpr qsizetype MaxQueued = 512 * 1024;
    // Largest HTTP response head accepted during the upgrade.
    static constexpr qsizetype MaxResponseHead = 16 * 1024;

private:
    enum class State { Closed, Connecting, Upgrading, Open, Failed };

    void startUpgrade();
    Status parseUpgradeResponse();
    Status processFrames(QByteArray &out);
    Status flush();
    Status fail(const QString &text, ErrorKind kind = ErrorKind::WebSocket);
    Status failFromInner(); // keeps the inner transport's kind: wss reports TLS as TLS
    Status protocolFailure(quint16 closeCode, const QString &text);
    void queueFrame(WebSocketFrameCodec::Opcode opcode, const QByteArray &payload);

    std::unique_ptr<Transport> m_inner;
    WebSocketOptions m_options;
    WebSocketFrameCodec m_codec;
    State m_state = State::Closed;
    QString m_hostHeader;
    QByteArray m_key;
    QByteArray m_in;    // bytes from the inner transport before the upgrade completes
    QByteArray m_out;   // bytes for the inner transport: request, frames
    QString m_peer;
    QString m_error;
    ErrorKind m_errorKind = ErrorKind::Network;
    bool m_inMessage = false;   // a fragmented data message is in progress
    bool m_closeSent = false;
    quint16 m_peerCloseCode = 0;
    QString m_peerCloseReason;
};

} // namespace mqtt
