#include "fakebroker.h"

#include <QHostAddress>

using namespace mqtt;

FakeBroker::FakeBroker(QObject *parent) : QObject(parent)
{
    m_trickle.setInterval(1000);
    connect(&m_server, &QTcpServer::newConnection, this, &FakeBroker::onNewConnection);
    connect(&m_trickle, &QTimer::timeout, this, &FakeBroker::trickle);
}

bool FakeBroker::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeBroker::decodeError() const
{
    return m_decoder.hasFailed() ? m_decoder.error().toString() : QString();
}

void FakeBroker::reset()
{
    m_trickle.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = nullptr;
    m_decoder.reset();
    m_received.clear();
    m_packets.clear();
    m_clientClosed = false;
    m_trickled = 0;
}

void FakeBroker::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_socket) { // one client at a time: a second one is refused
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        m_socket = socket;
        connect(socket, &QTcpSocket::readyRead, this, &FakeBroker::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket == m_socket)
                m_clientClosed = true;
            m_trickle.stop();
        });
    }
}

void FakeBroker::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_received += bytes;
    m_decoder.feed(bytes);
    while (std::optional<Packet> packet = m_decoder.next()) {
        m_packets.append(*packet);
        const PacketType type = packetType(*packet);
        if (type == PacketType::Connect) {
            if (!m_connack.isEmpty())
                m_socket->write(m_connack);
            if (!m_afterSubscribe)
                sendBad();
        } else if (type == PacketType::Subscribe && m_afterSubscribe) {
            sendBad();
        }
    }
}

void FakeBroker::sendBad()
{
    if (!m_socket || m_bad.isEmpty())
        return;
    switch (m_mode) {
    case Mode::Normal:
        m_socket->write(m_bad);
        break;
    case Mode::SlowLoris:
        m_trickle.start();
        break;
    case Mode::CloseMidPacket:
        m_socket->write(m_bad.left(m_bad.size() / 2));
        m_socket->flush();
        m_socket->disconnectFromHost();
        break;
    }
}

void FakeBroker::trickle()
{
    if (!m_socket || m_trickled >= m_bad.size()) {
        m_trickle.stop();
        return;
    }
    m_socket->write(m_bad.mid(m_trickled, 1));
    ++m_trickled;
}
