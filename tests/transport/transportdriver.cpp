#include "transportdriver.h"

#include "mqttbytes.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <poll.h>

bool TransportDriver::step(int pollMs)
{
    using Status = mqtt::Transport::Status;
    const qintptr fd = m_transport.fd();
    if (fd < 0) {
        m_status = Status::Error;
        m_error = QStringLiteral("no socket: ") + m_transport.errorString();
        return false;
    }
    const bool wantWrite = m_transport.needsWrite()
                           || (m_transport.isReady() && !m_outgoing.isEmpty());
    pollfd p{int(fd), short(POLLIN | (wantWrite ? POLLOUT : 0)), 0};
    ::poll(&p, 1, pollMs);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

    if (p.revents & (POLLOUT | POLLERR | POLLHUP)) {
        const Status status = m_transport.handleWritable();
        if (status != Status::Ok) {
            m_status = status;
            m_error = m_transport.errorString();
            return false;
        }
        while (m_transport.isReady() && !m_outgoing.isEmpty()) {
            const qint64 chunk = m_writeChunk > 0 ? qMin<qint64>(m_writeChunk, m_outgoing.size())
                                                  : m_outgoing.size();
            const qint64 n = m_transport.write(m_outgoing.constData(), chunk);
            if (n < 0) {
                m_status = Status::Error;
                m_error = m_transport.errorString();
                return false;
            }
            m_outgoing.remove(0, n);
            if (n < chunk)
                break;
        }
    }
    if (p.revents & (POLLIN | POLLERR | POLLHUP)) {
        ++m_readCalls;
        const Status status = m_transport.read(m_received);
        if (status != Status::Ok) {
            m_status = status;
            m_error = m_transport.errorString();
            return false;
        }
    }
    return true;
}

bool TransportDriver::runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
            return false;
        }
        if (!step(10))
            return done();
    }
    return true;
}

bool TransportDriver::runUntilPackets(int count, int timeoutMs)
{
    return runUntil([this, count] {
        QByteArray rest = m_received;
        for (int i = 0; i < count; ++i) {
            const qsizetype length = mqttbytes::firstPacketLength(rest);
            if (length < 0)
                return false;
            rest.remove(0, length);
        }
        return true;
    }, timeoutMs);
}

QByteArray TransportDriver::takePacket()
{
    const qsizetype length = mqttbytes::firstPacketLength(m_received);
    if (length < 0)
        return {};
    const QByteArray packet = m_received.left(length);
    m_received.remove(0, length);
    return packet;
}
