#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A TCP relay between clients and a broker that the test can cut: cutAll() aborts every
// connection on both sides at once (whatever is in flight is lost, as when a broker dies), and
// with no upstream port set it refuses clients. The broker failure test uses it to take the
// clients off a broker before killing it, so the broker's saved state is exact.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    explicit TcpProxy(QObject *parent = nullptr);
    ~TcpProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // 0: the broker is "down": new clients are dropped at once.
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }
    void cutAll();
    int connectionCount() const;

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray pending; // client bytes before the upstream connection is up
    };

    void onNewConnection();
    void closePair(Pair *pair);

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QList<Pair *> m_pairs;
};
