#pragma once

#include <QByteArray>
#include <QString>

namespace mqtt {

// RFC 6455 framing for the client side, sans-IO: bytes in, frames out, and frames to bytes.
// The decoder checks what a client must check (no mask from the server, no reserved bits, no
// unknown opcodes, control frames short and unfragmented, minimal lengths, a size limit); it
// does not join fragments, since MQTT over WebSocket is a byte stream and the caller only
// needs each data frame's payload in order.
class WebSocketFrameCodec
{
public:
    enum class Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    struct Frame
    {
        Opcode opcode = Opcode::Binary;
        bool fin = true;
        QByteArray payload;
    };

    enum class Result { NeedMore, Frame, Error };

    // Close status codes used here (RFC 6455 7.4.1).
    enum CloseCode : quint16 {
        CloseNormal = 1000,
        CloseGoingAway = 1001,
        CloseProtocolError = 1002,
        CloseUnsupportedData = 1003,
        CloseTooBig = 1009,
    };

    // Appends received bytes; nextFrame() takes frames out of them.
    void feed(const char *data, qsizetype size);
    void feed(const QByteArray &bytes) { feed(bytes.constData(), bytes.size()); }
    Result nextFrame(Frame *frame);
    // After Result::Error: what was wrong, and the close code to send for it.
    QString errorString() const { return m_error; }
    quint16 errorCloseCode() const { return m_errorCode; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    void clear();

    // A frame's payload above this size is refused (default: MQTT's largest packet, 256 MiB + header).
    void setMaxFramePayload(quint64 bytes) { m_maxPayload = bytes; }

    // A client frame: always masked with `maskKey` (RFC 6455 5.3).
    static QByteArray encode(Opcode opcode, const char *data, qsizetype size, quint32 maskKey,
                             bool fin = true);
    static QByteArray encode(Opcode opcode, const QByteArray &payload, quint32 maskKey,
                             bool fin = true)
    {
        return encode(opcode, payload.constData(), payload.size(), maskKey, fin);
    }
    // XORs `data` with the 4-byte key, starting at key byte `keyOffset` (masking is symmetric).
    static void applyMask(char *data, qsizetype size, quint32 maskKey, int keyOffset = 0);

    static QByteArray closePayload(quint16 code, const QByteArray &reasonUtf8);
    // Splits a close payload; false (with `error`) for a 1-byte payload or invalid UTF-8 reason.
    static bool parseClosePayload(const QByteArray &payload, quint16 *code, QString *reason,
                                  QString *error);
    static QString closeCodeName(quint16 code);

private:
    Result fail(quint16 code, const QString &text);

    QByteArray m_buffer;
    qsizetype m_offset = 0;   // consumed prefix of m_buffer, dropped lazily
    quint64 m_maxPayload = 268435455ull + 5;
    QString m_error;
    quint16 m_errorCode = 0;
};

} // namespace mqtt
