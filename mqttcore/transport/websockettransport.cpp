#include "transport/websockettransport.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace mqtt {

namespace {

const QByteArray WebSocketGuid = QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");

quint32 newMaskKey()
{
    return QRandomGenerator::global()->generate();
}

bool hasToken(const QByteArray &headerValue, const QByteArray &token)
{
    const QList<QByteArray> parts = headerValue.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

WebSocketTransport::WebSocketTransport(std::unique_ptr<Transport> inner,
                                       const WebSocketOptions &options)
    : m_inner(std::move(inner))
    , m_options(options)
{
}

WebSocketTransport::~WebSocketTransport()
{
    close();
}

QString WebSocketTransport::name() const
{
    return m_inner->name() == QLatin1String("tls") ? QStringLiteral("wss") : QStringLiteral("ws");
}

bool WebSocketTransport::open(const QString &hostName, const QHostAddress &address, quint16 port)
{
    close();
    m_error.clear();
    m_errorKind = ErrorKind::Network;
    m_codec.clear();
    m_in.clear();
    m_out.clear();
    m_inMessage = false;
    m_closeSent = false;
    m_peerCloseCode = 0;
    m_peerCloseReason.clear();

    QString host = hostName.isEmpty() ? address.toString() : hostName;
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');   // IPv6 literal
    const bool secure = name() == QLatin1String("wss");
    const quint16 defaultPort = secure ? 443 : 80;
    m_hostHeader = port == defaultPort ? host : QStringLiteral("%1:%2").arg(host).arg(port);
    m_peer = QStringLiteral("%1:%2").arg(host).arg(port);

    if (!m_inner->open(hostName, address, port)) {
        m_error = m_inner->errorString();
        m_errorKind = m_inner->errorKind();
        m_state = State::Failed;
        return false;
    }
    m_state = State::Connecting;
    if (m_inner->isReady())
        startUpgrade();
    return true;
}

void WebSocketTransport::close()
{
    if (m_state == State::Open && !m_closeSent) {
        // Best effort: the peer learns this was a normal closure.
        m_closeSent = true;
        queueFrame(WebSocketFrameCodec::Opcode::Close,
                   WebSocketFrameCodec::closePayload(WebSocketFrameCodec::CloseNormal, {}));
        flush();
    }
    m_inner->close();
    if (m_state != State::Failed)
        m_state = State::Closed;
}

bool WebSocketTransport::needsWrite() const
{
    return m_inner->needsWrite() || !m_out.isEmpty();
}

Transport::Status WebSocketTransport::fail(const QString &text, ErrorKind kind)
{
    m_error = text;
    m_errorKind = kind;
    m_state = State::Failed;
    qCDebug(lcMqttTransport) << name() << m_error;
    return Status::Error;
}

Transport::Status WebSocketTransport::failFromInner()
{
    return fail(m_inner->errorString(), m_inner->errorKind());
}

Transport::Status WebSocketTransport::protocolFailure(quint16 closeCode, const QString &text)
{
    if (!m_closeSent) {
        m_closeSent = true;
        queueFrame(WebSocketFrameCodec::Opcode::Close,
                   WebSocketFrameCodec::closePayload(closeCode, {}));
        flush();
    }
    return fail(text);
}

void WebSocketTransport::queueFrame(WebSocketFrameCodec::Opcode opcode, const QByteArray &payload)
{
    m_out += WebSocketFrameCodec::encode(opcode, payload, newMaskKey());
}

void WebSocketTransport::startUpgrade()
{
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    m_key = nonce.toBase64();

    QByteArray request;
    request += "GET " + m_options.path.toUtf8() + " HTTP/1.1\r\n";
    request += "Host: " + m_hostHeader.toUtf8() + "\r\n";
    request += "Upgrade: websocket\r\n";
    request += "Connection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + m_key + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n";
    request += "Sec-WebSocket-Protocol: mqtt\r\n";
    for (const auto &header : std::as_const(m_options.headers))
        request += header.first + ": " + header.second + "\r\n";
    request += "\r\n";
    m_out += request;
    m_state = State::Upgrading;
    qCDebug(lcMqttTransport) << name() << "upgrade request to" << m_peer << m_options.path;
    flush();
}

Transport::Status WebSocketTransport::flush()
{
    if (m_out.isEmpty() || !m_inner->isReady())
        return Status::Ok;
    const qint64 n = m_inner->write(m_out.constData(), m_out.size());
    if (n < 0)
        return failFromInner();
    m_out.remove(0, qsizetype(n));
    return Status::Ok;
}

Transport::Status WebSocketTransport::handleWritable()
{
    if (m_state == State::Closed || m_state == State::Failed) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return Status::Error;
    }
    const Status status = m_inner->handleWritable();
    if (status != Status::Ok)
        return failFromInner();
    if (m_state == State::Connecting && m_inner->isReady())
        startUpgrade();
    return flush();
}

Transport::Status WebSocketTransport::parseUpgradeResponse()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_in.size() > MaxResponseHead)
            return fail(QStringLiteral("WebSocket upgrade response from %1 has no end of headers "
                                       "within %2 bytes").arg(m_peer).arg(MaxResponseHead));
        return Status::Ok;
    }
    const QList<QByteArray> lines = m_in.left(end).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> statusParts = statusLine.split(' ');
    if (statusParts.size() < 2 || !statusParts.at(0).startsWith("HTTP/1."))
        return fail(QStringLiteral("WebSocket upgrade to %1 failed: not an HTTP response (\"%2\")")
                        .arg(m_peer, QString::fromLatin1(statusLine.left(80))));
    if (statusParts.at(1) != "101")
        return fail(QStringLiteral("WebSocket upgrade to %1%2 refused: %3")
                        .arg(m_peer, m_options.path, QString::fromLatin1(statusLine)));

    QByteArray upgrade, connection, accept, protocol;
    bool hasProtocol = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "upgrade")
            upgrade = value;
        else if (name == "connection")
            connection = value;
        else if (name == "sec-websocket-accept")
            accept = value;
        else if (name == "sec-websocket-protocol") {
            protocol = value;
            hasProtocol = true;
        }
    }
    if (upgrade.compare("websocket", Qt::CaseInsensitive) != 0 || !hasToken(connection, "upgrade"))
        return fail(QStringLiteral("WebSocket upgrade to %1 failed: the response lacks "
                                   "\"Upgrade: websocket\" / \"Connection: Upgrade\"").arg(m_peer));
    const QByteArray expected =
        QCryptographicHash::hash(m_key + WebSocketGuid, QCryptographicHash::Sha1).toBase64();
    if (accept != expected)
        return fail(QStringLiteral("WebSocket upgrade to %1 failed: wrong Sec-WebSocket-Accept "
                                   "\"%2\" (expected \"%3\")")
                        .arg(m_peer, QString::fromLatin1(accept), QString::fromLatin1(expected)));
    if (hasProtocol && protocol != "mqtt")
        return fail(QStringLiteral("WebSocket upgrade to %1 failed: the server chose subprotocol "
                                   "\"%2\" instead of \"mqtt\"").arg(m_peer, QString::fromLatin1(protocol)));
    if (!hasProtocol)
        qCDebug(lcMqttTransport) << name() << m_peer << "did not confirm subprotocol mqtt";

    m_state = State::Open;
    m_codec.feed(m_in.constData() + end + 4, m_in.size() - end - 4);
    m_in.clear();
    qCDebug(lcMqttTransport) << name() << "upgraded" << m_peer;
    return Status::Ok;
}

Transport::Status WebSocketTransport::processFrames(QByteArray &out)
{
    using Opcode = WebSocketFrameCodec::Opcode;
    WebSocketFrameCodec::Frame frame;
    for (;;) {
        const WebSocketFrameCodec::Result result = m_codec.nextFrame(&frame);
        if (result == WebSocketFrameCodec::Result::NeedMore)
            return Status::Ok;
        if (result == WebSocketFrameCodec::Result::Error)
            return protocolFailure(m_codec.errorCloseCode(),
                                   QStringLiteral("%1 from %2").arg(m_codec.errorString(), m_peer));
        switch (frame.opcode) {
        case Opcode::Binary:
            if (m_inMessage)
                return protocolFailure(WebSocketFrameCodec::CloseProtocolError,
                                       QStringLiteral("WebSocket binary frame from %1 inside a "
                                                      "fragmented message").arg(m_peer));
            out += frame.payload;
            m_inMessage = !frame.fin;
            break;
        case Opcode::Continuation:
            if (!m_inMessage)
                return protocolFailure(WebSocketFrameCodec::CloseProtocolError,
                                       QStringLiteral("WebSocket continuation frame from %1 "
                                                      "without a message").arg(m_peer));
            out += frame.payload;
            m_inMessage = !frame.fin;
            break;
        case Opcode::Text:
            return protocolFailure(WebSocketFrameCodec::CloseUnsupportedData,
                                   QStringLiteral("WebSocket text frame from %1; MQTT uses "
                                                  "binary frames only").arg(m_peer));
        case Opcode::Ping:
            queueFrame(Opcode::Pong, frame.payload);
            break;
        case Opcode::Pong:
            break;
        case Opcode::Close: {
            quint16 code = 0;
            QString reason, error;
            const bool ok = WebSocketFrameCodec::parseClosePayload(frame.payload, &code, &reason, &error);
            if (!ok)
                return protocolFailure(WebSocketFrameCodec::CloseProtocolError,
                                       QStringLiteral("%1 from %2").arg(error, m_peer));
            m_peerCloseCode = code;
            m_peerCloseReason = reason;
            if (!m_closeSent) {
                // Echo the code, as RFC 6455 5.5.1 asks.
                m_closeSent = true;
                queueFrame(Opcode::Close, code == 1005 ? QByteArray()
                                                       : WebSocketFrameCodec::closePayload(code, {}));
                flush();
            }
            m_error = QStringLiteral("WebSocket closed by %1: %2 (%3)%4")
                          .arg(m_peer)
                          .arg(code)
                          .arg(WebSocketFrameCodec::closeCodeName(code),
                               reason.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(reason));
            m_state = State::Closed;
            return Status::Closed;
        }
        }
    }
}

Transport::Status WebSocketTransport::read(QByteArray &out)
{
    if (m_state == State::Closed || m_state == State::Failed) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return Status::Error;
    }
    QByteArray incoming;
    const Status innerStatus = m_inner->read(m_state == State::Open ? incoming : m_in);
    if (innerStatus == Status::Error)
        return failFromInner();

    if (m_state == State::Connecting && m_inner->isReady())
        startUpgrade();
    Status status = Status::Ok;
    if (m_state == State::Upgrading) {
        status = parseUpgradeResponse();
    } else if (m_state == State::Open) {
        m_codec.feed(incoming);
    }
    if (status == Status::Ok && m_state == State::Open)
        status = processFrames(out);
    if (status == Status::Ok)
        status = flush();   // pongs
    if (status == Status::Ok && innerStatus == Status::Closed) {
        m_error = m_state == State::Open
                      ? QStringLiteral("connection to %1 closed without a WebSocket close frame").arg(m_peer)
                      : QStringLiteral("connection to %1 closed during the WebSocket upgrade").arg(m_peer);
        const bool upgrading = m_state != State::Open;
        m_errorKind = ErrorKind::Network;
        m_state = upgrading ? State::Failed : State::Closed;
        return upgrading ? Status::Error : Status::Closed;
    }
    return status;
}

qint64 WebSocketTransport::write(const char *data, qint64 size)
{
    if (m_state != State::Open) {
        if (m_state == State::Connecting || m_state == State::Upgrading)
            return 0;
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return -1;
    }
    if (flush() != Status::Ok)
        return -1;
    if (m_out.size() >= MaxQueued)
        return 0;
    const qsizetype take = qsizetype(qMin<qint64>(size, MaxQueued));
    m_out += WebSocketFrameCodec::encode(WebSocketFrameCodec::Opcode::Binary, data, take, newMaskKey());
    if (flush() != Status::Ok)
        return -1;
    return take;
}

} // namespace mqtt
