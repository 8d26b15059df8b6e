#pragma once

#include "codec/protocol.h"
#include "codec/streamdecoder.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

// A hostile broker for the malformed-input suite: it parses what the client sends (a
// Server-role StreamDecoder) and answers from a small script. After the CONNECT it sends
// `connack` (nothing when empty); the `bad` bytes follow either at once or, with
// setSendBadAfterSubscribe(), when the client's SUBSCRIBE arrives. Modes cover the slow-loris
// broker (one byte of `bad` per interval), the broker that closes after part of `bad`, and
// the broker that never answers. Everything the client sent is kept for assertions.
class FakeBroker : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Normal, SlowLoris, CloseMidPacket };

    explicit FakeBroker(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void setScript(const QByteArray &connack, const QByteArray &bad)
    {
        m_connack = connack;
        m_bad = bad;
    }
    void setMode(Mode mode) { m_mode = mode; }
    void setSendBadAfterSubscribe(bool on) { m_afterSubscribe = on; }
    void setSlowLorisInterval(int ms) { m_trickle.setInterval(ms); }

    // Bytes received from the client on the current/last connection.
    QByteArray received() const { return m_received; }
    // Packets decoded from them (the decoder stops at the first malformed one).
    QList<mqtt::Packet> packets() const { return m_packets; }
    QString decodeError() const;
    int connections() const { return m_connections; }
    bool clientClosed() const { return m_clientClosed; }
    int bytesTrickled() const { return m_trickled; }

    void reset(); // forget the last connection (between repetitions)

private:
    void onNewConnection();
    void onReadyRead();
    void sendBad();
    void trickle();

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    mqtt::StreamDecoder m_decoder{mqtt::StreamDecoder::Role::Server};
    QByteArray m_connack;
    QByteArray m_bad;
    QByteArray m_received;
    QList<mqtt::Packet> m_packets;
    Mode m_mode = Mode::Normal;
    bool m_afterSubscribe = false;
    bool m_clientClosed = false;
    int m_connections = 0;
    int m_trickled = 0;
    QTimer m_trickle;
};
