#include "transport/websocketframecodec.h"

#include <QStringDecoder>

#include <cstring>

namespace mqtt {

void WebSocketFrameCodec::feed(const char *data, qsizetype size)
{
    // Drop the consumed prefix only when it dominates, so feeding stays linear.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

void WebSocketFrameCodec::clear()
{
    m_buffer.clear();
    m_offset = 0;
    m_error.clear();
    m_errorCode = 0;
}

WebSocketFrameCodec::Result WebSocketFrameCodec::fail(quint16 code, const QString &text)
{
    m_errorCode = code;
    m_error = text;
    return Result::Error;
}

WebSocketFrameCodec::Result WebSocketFrameCodec::nextFrame(Frame *frame)
{
    if (m_errorCode != 0)
        return Result::Error;   // a stream that broke once stays broken
    const auto *p = reinterpret_cast<const quint8 *>(m_buffer.constData() + m_offset);
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < 2)
        return Result::NeedMore;

    const bool fin = p[0] & 0x80;
    if (p[0] & 0x70)
        return fail(CloseProtocolError,
                    QStringLiteral("WebSocket frame with reserved bits 0x%1 set (no extension was negotiated)")
                        .arg(p[0] & 0x70, 2, 16, QLatin1Char('0')));
    const quint8 op = p[0] & 0x0f;
    switch (op) {
    case 0x0: case 0x1: case 0x2: case 0x8: case 0x9: case 0xA:
        break;
    default:
        return fail(CloseProtocolError, QStringLiteral("WebSocket frame with unknown opcode 0x%1")
                                            .arg(op, 1, 16));
    }
    if (p[1] & 0x80)
        return fail(CloseProtocolError, QStringLiteral("masked WebSocket frame from the server (RFC 6455 5.1)"));

    quint64 length = p[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (available < 4)
            return Result::NeedMore;
        length = (quint64(p[2]) << 8) | p[3];
        header = 4;
        if (length < 126)
            return fail(CloseProtocolError, QStringLiteral("WebSocket frame length %1 not minimally encoded").arg(length));
    } else if (length == 127) {
        if (available < 10)
            return Result::NeedMore;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | p[2 + i];
        header = 10;
        if (length >> 63)
            return fail(CloseProtocolError, QStringLiteral("WebSocket frame length has the top bit set"));
        if (length <= 0xffff)
            return fail(CloseProtocolError, QStringLiteral("WebSocket frame length %1 not minimally encoded").arg(length));
    }

    const bool control = op & 0x8;
    if (control && (!fin || length > 125))
        return fail(CloseProtocolError, QStringLiteral("WebSocket control frame (opcode 0x%1) %2")
                                            .arg(op, 1, 16)
                                            .arg(!fin ? QStringLiteral("is fragmented")
                                                      : QStringLiteral("longer than 125 bytes")));
    if (length > m_maxPayload)
        return fail(CloseTooBig, QStringLiteral("WebSocket frame of %1 bytes exceeds the limit of %2")
                                     .arg(length).arg(m_maxPayload));
    if (quint64(available - header) < length)
        return Result::NeedMore;

    frame->opcode = Opcode(op);
    frame->fin = fin;
    frame->payload = QByteArray(reinterpret_cast<const char *>(p) + header, qsizetype(length));
    m_offset += header + qsizetype(length);
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    return Result::Frame;
}

void WebSocketFrameCodec::applyMask(char *data, qsizetype size, quint32 maskKey, int keyOffset)
{
    quint8 key[4] = {quint8(maskKey >> 24), quint8(maskKey >> 16), quint8(maskKey >> 8), quint8(maskKey)};
    qsizetype i = 0;
    // Word-wise for speed on large payloads; the key repeats every 4 bytes.
    quint8 rotated[8];
    for (int k = 0; k < 8; ++k)
        rotated[k] = key[(k + keyOffset) & 3];
    quint64 word;
    std::memcpy(&word, rotated, 8);
    for (; i + 8 <= size; i += 8) {
        quint64 chunk;
        std::memcpy(&chunk, data + i, 8);
        chunk ^= word;
        std::memcpy(data + i, &chunk, 8);
    }
    for (; i < size; ++i)
        data[i] = char(quint8(data[i]) ^ key[(i + keyOffset) & 3]);
}

QByteArray WebSocketFrameCodec::encode(Opcode opcode, const char *data, qsizetype size,
                                       quint32 maskKey, bool fin)
{
    QByteArray out;
    out.reserve(size + 14);
    out.append(char((fin ? 0x80 : 0x00) | quint8(opcode)));
    if (size < 126) {
        out.append(char(0x80 | size));
    } else if (size <= 0xffff) {
        out.append(char(0x80 | 126));
        out.append(char(size >> 8));
        out.append(char(size & 0xff));
    } else {
        out.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(size) >> (8 * i)) & 0xff));
    }
    out.append(char(maskKey >> 24));
    out.append(char(maskKey >> 16));
    out.append(char(maskKey >> 8));
    out.append(char(maskKey));
    const qsizetype start = out.size();
    out.append(data, size);
    applyMask(out.data() + start, size, maskKey);
    return out;
}

QByteArray WebSocketFrameCodec::closePayload(quint16 code, const QByteArray &reasonUtf8)
{
    QByteArray out;
    out.append(char(code >> 8));
    out.append(char(code & 0xff));
    out.append(reasonUtf8.left(123));   // control frames carry at most 125 bytes
    return out;
}

bool WebSocketFrameCodec::parseClosePayload(const QByteArray &payload, quint16 *code,
                                            QString *reason, QString *error)
{
    *code = 1005;   // "no status received" (RFC 6455 7.4.1)
    reason->clear();
    if (payload.isEmpty())
        return true;
    if (payload.size() == 1) {
        *error = QStringLiteral("WebSocket close frame with a 1-byte payload");
        return false;
    }
    *code = quint16((quint8(payload.at(0)) << 8) | quint8(payload.at(1)));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *reason = decoder(payload.mid(2));
    if (decoder.hasError()) {
        *error = QStringLiteral("WebSocket close reason is not valid UTF-8");
        return false;
    }
    return true;
}

QString WebSocketFrameCodec::closeCodeName(quint16 code)
{
    switch (code) {
    case 1000: return QStringLiteral("normal closure");
    case 1001: return QStringLiteral("going away");
    case 1002: return QStringLiteral("protocol error");
    case 1003: return QStringLiteral("unsupported data");
    case 1005: return QStringLiteral("no status code");
    case 1006: return QStringLiteral("abnormal closure");
    case 1007: return QStringLiteral("invalid payload data");
    case 1008: return QStringLiteral("policy violation");
    case 1009: return QStringLiteral("message too big");
    case 1010: return QStringLiteral("mandatory extension");
    case 1011: return QStringLiteral("internal server error");
    case 1012: return QStringLiteral("service restart");
    case 1013: return QStringLiteral("try again later");
    case 1015: return QStringLiteral("TLS handshake failure");
    default: break;
    }
    return QStringLiteral("code %1").arg(code);
}

} // namespace mqtt
