#include "tcpproxy.h"

#include <QHostAddress>

TcpProxy::TcpProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

TcpProxy::~TcpProxy()
{
    cutAll(); // before the members go: the sockets' signals reach closePair()
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

int TcpProxy::connectionCount() const
{
    return int(m_pairs.size());
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_upstreamPort == 0) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *pair = new Pair;
        pair->client = client;
        pair->upstream = new QTcpSocket(this);
        m_pairs.append(pair);
        QTcpSocket *upstream = pair->upstream;
        connect(client, &QTcpSocket::readyRead, this, [pair] {
            const QByteArray bytes = pair->client->readAll();
            if (pair->upstream && pair->upstream->state() == QAbstractSocket::ConnectedState)
                pair->upstream->write(bytes);
            else
                pair->pending += bytes;
        });
        connect(upstream, &QTcpSocket::connected, this, [pair] {
            pair->upstream->write(pair->pending);
            pair->pending.clear();
        });
        connect(upstream, &QTcpSocket::readyRead, this, [pair] {
            if (pair->client)
                pair->client->write(pair->upstream->readAll());
        });
        connect(client, &QTcpSocket::disconnected, this, [this, pair] { closePair(pair); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, pair] { closePair(pair); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, pair] { closePair(pair); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void TcpProxy::closePair(Pair *pair)
{
    if (!m_pairs.removeOne(pair))
        return;
    // abort(): no graceful close, unsent bytes are dropped, as when a host dies.
    for (QTcpSocket *s : {pair->client.data(), pair->upstream.data()}) {
        if (!s)
            continue;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    delete pair;
}

void TcpProxy::cutAll()
{
    const QList<Pair *> pairs = m_pairs;
    for (Pair *pair : pairs)
        closePair(pair);
}
