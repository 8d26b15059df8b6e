#include "websocketbridge.h"

#include <QTcpSocket>
#include <QWebSocket>

WebSocketBridge::WebSocketBridge(quint16 brokerPort, const QSslConfiguration &sslConfiguration,
                                 QObject *parent)
    : QObject(parent)
    , m_brokerPort(brokerPort)
    , m_server(QStringLiteral("tst bridge"),
               sslConfiguration.isNull() ? QWebSocketServer::NonSecureMode
                                         : QWebSocketServer::SecureMode)
{
    if (!sslConfiguration.isNull())
        m_server.setSslConfiguration(sslConfiguration);
    m_server.setSupportedSubprotocols({QStringLiteral("mqtt")});
    connect(&m_server, &QWebSocketServer::newConnection, this, &WebSocketBridge::acceptConnections);
}

WebSocketBridge::~WebSocketBridge()
{
    qDeleteAll(m_clients);
    qDeleteAll(m_upstreams);
}

bool WebSocketBridge::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 WebSocketBridge::port() const
{
    return m_server.serverPort();
}

QString WebSocketBridge::errorString() const
{
    return m_server.errorString();
}

QString WebSocketBridge::lastRequestHeader(const QByteArray &name) const
{
    for (const auto &header : m_lastHeaders) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(header.second);
    }
    return {};
}

void WebSocketBridge::acceptConnections()
{
    while (QWebSocket *client = m_server.nextPendingConnection()) {
        m_clients.append(client);
        m_lastPath = client->requestUrl().path();
        m_lastHeaders.clear();
        const QNetworkRequest request = client->request();
        for (const QByteArray &name : request.rawHeaderList())
            m_lastHeaders.append({name, request.rawHeader(name)});
        if (m_frameSize > 0)
            client->setOutgoingFrameSize(m_frameSize);

        auto *upstream = new QTcpSocket;
        m_upstreams.append(upstream);
        upstream->connectToHost(QHostAddress::LocalHost, m_brokerPort);
        connect(client, &QWebSocket::binaryMessageReceived, upstream,
                [upstream](const QByteArray &message) { upstream->write(message); });
        connect(client, &QWebSocket::pong, this, [this] { ++m_pongs; });
        connect(client, &QWebSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray bytes = upstream->readAll();
            if (!m_oneMessagePerByte) {
                client->sendBinaryMessage(bytes);
                return;
            }
            for (const char byte : bytes)
                client->sendBinaryMessage(QByteArray(1, byte));
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->close(); });
    }
}
