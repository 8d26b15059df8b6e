#pragma once

#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

// A QWebSocketServer that bridges each WebSocket client to mosquitto's TCP port, since
// Debian's mosquitto has no websockets listener. Binary messages go to the broker; broker
// bytes come back as binary messages, optionally cut into 1-byte messages or small frames.
class WebSocketBridge : public QObject
{
    Q_OBJECT

public:
    // An empty sslConfiguration means ws, otherwise wss.
    WebSocketBridge(quint16 brokerPort, const QSslConfiguration &sslConfiguration = {},
                    QObject *parent = nullptr);
    ~WebSocketBridge() override;

    bool listen();
    quint16 port() const;
    QString errorString() const;

    // Each broker byte as its own WebSocket message (MQTT packets split across frames).
    void setOneMessagePerByte(bool on) { m_oneMessagePerByte = on; }
    // QWebSocket's outgoing frame size: a message larger than this is fragmented.
    void setOutgoingFrameSize(quint64 bytes) { m_frameSize = bytes; }

    QList<QWebSocket *> clients() const { return m_clients; }
    QString lastRequestPath() const { return m_lastPath; }
    QString lastRequestHeader(const QByteArray &name) const;
    int pongsReceived() const { return m_pongs; }

private:
    void acceptConnections();

    quint16 m_brokerPort;
    QWebSocketServer m_server;
    QList<QWebSocket *> m_clients;
    QList<QTcpSocket *> m_upstreams;
    bool m_oneMessagePerByte = false;
    quint64 m_frameSize = 0;
    QString m_lastPath;
    QList<QPair<QByteArray, QByteArray>> m_lastHeaders;
    int m_pongs = 0;
};
