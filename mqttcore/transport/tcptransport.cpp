#include "transport/tcptransport.h"

#include "logging.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mqtt {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

TcpTransport::~TcpTransport()
{
    close();
}

bool TcpTransport::open(const QString &hostName, const QHostAddress &address, quint16 port)
{
    close();
    m_error.clear();
    m_peer = address.protocol() == QAbstractSocket::IPv6Protocol
                 ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
                 : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    if (!hostName.isEmpty() && hostName != address.toString())
        m_peer = QStringLiteral("%1 (%2)").arg(hostName, m_peer);

    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_UNSPEC;
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (ok && address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *sin = reinterpret_cast<sockaddr_in *>(&storage);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(v4);
        family = AF_INET;
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, &v6, sizeof(v6));
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            sin6->sin6_scope_id = numeric ? index : ::if_nametoindex(scope.toLocal8Bit().constData());
        }
        family = AF_INET6;
        length = sizeof(sockaddr_in6);
    } else {
        m_error = QStringLiteral("cannot connect to %1: not an IPv4 or IPv6 address").arg(m_peer);
        m_state = State::Failed;
        return false;
    }

    m_fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
    if (m_fd < 0) {
        fail(QStringLiteral("socket()"), errno);
        return false;
    }
    // MQTT packets are small and latency matters more than segment count.
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

    int rc;
    do {
        rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&storage), length);
    } while (rc < 0 && errno == EINTR);
    if (rc == 0) {
        m_state = State::Connected;
    } else if (errno == EINPROGRESS) {
        m_state = State::Connecting;
    } else {
        fail(QStringLiteral("connect to %1").arg(m_peer), errno);
        return false;
    }
    qCDebug(lcMqttTransport) << "tcp: connecting fd" << m_fd << "to" << m_peer;
    return true;
}

void TcpTransport::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_state = State::Closed;
}

Transport::Status TcpTransport::fail(const QString &what, int err)
{
    m_error = QStringLiteral("%1 failed: %2").arg(what, errnoText(err));
    qCDebug(lcMqttTransport) << "tcp:" << m_error;
    close();
    m_state = State::Failed;
    return Status::Error;
}

Transport::Status TcpTransport::finishConnect()
{
    // Writable means connect() finished, successfully or not; SO_ERROR says which.
    pollfd p{m_fd, POLLOUT, 0};
    const int ready = ::poll(&p, 1, 0);
    if (ready < 0)
        return errno == EINTR ? Status::Ok : fail(QStringLiteral("poll()"), errno);
    if (ready == 0)
        return Status::Ok;
    int err = 0;
    socklen_t len = sizeof(err);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        err = errno;
    if (err != 0)
        return fail(QStringLiteral("connect to %1").arg(m_peer), err);
    m_state = State::Connected;
    qCDebug(lcMqttTransport) << "tcp: connected to" << m_peer;
    return Status::Ok;
}

Transport::Status TcpTransport::handleWritable()
{
    switch (m_state) {
    case State::Connecting:
        return finishConnect();
    case State::Connected:
        return Status::Ok;
    case State::Closed:
    case State::Failed:
        break;
    }
    if (m_error.isEmpty())
        m_error = QStringLiteral("not connected");
    return Status::Error;
}

Transport::Status TcpTransport::read(QByteArray &out)
{
    if (m_state == State::Connecting) {
        // A failed connect also makes the socket readable; report it from here too.
        const Status status = finishConnect();
        if (status != Status::Ok || m_state != State::Connected)
            return status;
    }
    if (m_state != State::Connected) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return Status::Error;
    }

    constexpr qint64 Chunk = 256 * 1024;
    qint64 total = 0;
    while (total < MaxReadPerCall) {
        const qsizetype before = out.size();
        out.resize(before + Chunk);
        const ssize_t n = ::recv(m_fd, out.data() + before, Chunk, 0);
        if (n > 0) {
            out.resize(before + n);
            total += n;
            continue;
        }
        out.resize(before);
        if (n == 0) {
            m_error = QStringLiteral("connection closed by %1").arg(m_peer);
            return Status::Closed;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        return fail(QStringLiteral("read from %1").arg(m_peer), errno);
    }
    return Status::Ok;
}

qint64 TcpTransport::write(const char *data, qint64 size)
{
    if (m_state == State::Connecting)
        return 0;
    if (m_state != State::Connected) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return -1;
    }
    qint64 written = 0;
    while (written < size) {
        // MSG_NOSIGNAL: a peer that went away must give EPIPE, not kill the process.
        const ssize_t n = ::send(m_fd, data + written, size_t(size - written), MSG_NOSIGNAL);
        if (n >= 0) {
            written += n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        fail(QStringLiteral("write to %1").arg(m_peer), errno);
        return -1;
    }
    return written;
}

} // namespace mqtt
