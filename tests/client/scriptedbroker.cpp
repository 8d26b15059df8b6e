#include "scriptedbroker.h"

ScriptedBroker::ScriptedBroker(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedBroker::onNewConnection);
}

ScriptedBroker::~ScriptedBroker()
{
    // The sockets are children of m_server and emit disconnected while it destroys them, after
    // our own members are gone: our handlers must not run then (UBSan caught it).
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->disconnect(this);
}

bool ScriptedBroker::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

ScriptedBroker &ScriptedBroker::expect(const QByteArray &bytes, const QString &what)
{
    m_steps.append({Kind::Expect, bytes, what});
    advance();
    return *this;
}

ScriptedBroker &ScriptedBroker::expectHex(const char *hex, const QString &what)
{
    return expect(QByteArray::fromHex(hex), what);
}

ScriptedBroker &ScriptedBroker::send(const QByteArray &bytes)
{
    m_steps.append({Kind::Send, bytes, QString()});
    advance();
    return *this;
}

ScriptedBroker &ScriptedBroker::sendHex(const char *hex)
{
    return send(QByteArray::fromHex(hex));
}

ScriptedBroker &ScriptedBroker::closeConnection()
{
    m_steps.append({Kind::Close, {}, QString()});
    advance();
    return *this;
}

ScriptedBroker &ScriptedBroker::expectConnection()
{
    m_steps.append({Kind::Connection, {}, QString()});
    advance();
    return *this;
}

ScriptedBroker &ScriptedBroker::expectClientClose()
{
    m_steps.append({Kind::ClientClose, {}, QString()});
    advance();
    return *this;
}

QString ScriptedBroker::state() const
{
    return QStringLiteral("step %1/%2, failure '%3', unread %4")
        .arg(m_pos).arg(m_steps.size()).arg(m_failure, QString::fromLatin1(m_buffer.toHex(' ')));
}

void ScriptedBroker::fail(const QString &text)
{
    if (m_failure.isEmpty())
        m_failure = text;
}

void ScriptedBroker::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        if (m_socket)
            m_socket->deleteLater();
        m_socket = socket;
        m_buffer.clear();
        m_clientClosed = false;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket != m_socket)
                return;
            m_buffer += socket->readAll();
            advance();
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket != m_socket)
                return;
            if (socket->isOpen())
                m_buffer += socket->readAll();
            m_clientClosed = true;
            advance();
        });
        if (m_pos < m_steps.size() && m_steps[m_pos].kind == Kind::Connection)
            ++m_pos;
        advance();
    }
}

void ScriptedBroker::advance()
{
    while (m_failure.isEmpty() && m_pos < m_steps.size()) {
        const Step &step = m_steps[m_pos];
        switch (step.kind) {
        case Kind::Connection:
            return; // consumed by onNewConnection
        case Kind::Send:
            if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
                return;
            m_socket->write(step.bytes);
            m_socket->flush();
            break;
        case Kind::Close:
            if (!m_socket)
                return;
        {
            // Detach first: abort() emits disconnected, whose handler re-enters advance().
            QTcpSocket *socket = m_socket;
            m_socket = nullptr;
            socket->abort();
            socket->deleteLater();
            break;
        }
        case Kind::ClientClose:
            if (!m_clientClosed)
                return;
            break;
        case Kind::Expect:
            if (m_buffer.size() < step.bytes.size()) {
                if (!m_buffer.isEmpty() && !step.bytes.startsWith(m_buffer))
                    fail(QStringLiteral("expected %1 [%2], got [%3]")
                             .arg(step.what, QString::fromLatin1(step.bytes.toHex(' ')),
                                  QString::fromLatin1(m_buffer.toHex(' '))));
                return;
            }
            if (!m_buffer.startsWith(step.bytes)) {
                fail(QStringLiteral("expected %1 [%2], got [%3]")
                         .arg(step.what, QString::fromLatin1(step.bytes.toHex(' ')),
                              QString::fromLatin1(m_buffer.left(step.bytes.size() + 8).toHex(' '))));
                return;
            }
            m_buffer.remove(0, step.bytes.size());
            break;
        }
        ++m_pos;
    }
}
