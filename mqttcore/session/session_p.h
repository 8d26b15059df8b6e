#pragma once

// Internal to mqttcore/session: what the files implementing Session share (session.cpp,
// sessionconnection.cpp, sessionincoming.cpp, sessionoutgoing.cpp). Not installed.

#include "codec/encoder.h"
#include "logging.h"
#include "session/session.h"

namespace mqtt {

namespace sessiontext {
// Python's repr() of the UTF-8 bytes, as paho prints client ids and filters: b'a/b'.
QString bytesRepr(const QString &text);
// "[Name : value, ...]" as paho's packet log lines show properties.
QString propertiesText(const Properties &properties);
} // namespace sessiontext

// Every packet goes out through this: encoded for the negotiated version, appended to the
// output buffer, or logged when it cannot be encoded.
template<typename P>
void Session::queuePacket(const P &packet)
{
    QString error;
    const QByteArray bytes = encode(packet, m_options.version, &error);
    if (bytes.isEmpty()) {
        log(LogLevel::Err, QStringLiteral("Cannot encode packet: %1").arg(error));
        return;
    }
    const qsizetype from = m_out.size();
    m_out.append(bytes);
    if (m_capture)
        captureSent(from);
}

} // namespace mqtt
