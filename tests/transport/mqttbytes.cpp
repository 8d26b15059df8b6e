#include "mqttbytes.h"

namespace mqttbytes {

namespace {

QByteArray remainingLength(qsizetype length)
{
    QByteArray out;
    do {
        char digit = char(length % 128);
        length /= 128;
        if (length > 0)
            digit = char(digit | 0x80);
        out.append(digit);
    } while (length > 0);
    return out;
}

QByteArray u16(quint16 value)
{
    QByteArray out;
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
    return out;
}

QByteArray utf8String(const QByteArray &text)
{
    return u16(quint16(text.size())) + text;
}

QByteArray packet(quint8 header, const QByteArray &body)
{
    return QByteArray(1, char(header)) + remainingLength(body.size()) + body;
}

} // namespace

QByteArray connect(const QByteArray &clientId, quint16 keepAlive)
{
    QByteArray body = utf8String("MQTT");
    body.append(char(4));      // protocol level 3.1.1
    body.append(char(0x02));   // clean session
    body.append(u16(keepAlive));
    body.append(utf8String(clientId));
    return packet(0x10, body);
}

QByteArray subscribe(quint16 packetId, const QByteArray &filter)
{
    return packet(0x82, u16(packetId) + utf8String(filter) + QByteArray(1, char(0)));
}

QByteArray publish(const QByteArray &topic, const QByteArray &payload)
{
    return packet(0x30, utf8String(topic) + payload);
}

QByteArray disconnect()
{
    return QByteArray::fromHex("e000");
}

qsizetype firstPacketLength(const QByteArray &buffer)
{
    qsizetype length = 0;
    int shift = 0;
    for (qsizetype i = 1; i < buffer.size() && i <= 4; ++i) {
        const auto byte = quint8(buffer.at(i));
        length += qsizetype(byte & 0x7f) << shift;
        shift += 7;
        if ((byte & 0x80) == 0) {
            const qsizetype total = 1 + i + length;
            return buffer.size() >= total ? total : -1;
        }
    }
    return -1;
}

QByteArray publishPayload(const QByteArray &packet)
{
    if (packet.isEmpty() || (quint8(packet.at(0)) & 0xf0) != 0x30)
        return {};
    qsizetype i = 1;
    while (i < packet.size() && (quint8(packet.at(i)) & 0x80))
        ++i;
    ++i;
    if (i + 2 > packet.size())
        return {};
    const qsizetype topicLength = (quint8(packet.at(i)) << 8) | quint8(packet.at(i + 1));
    return packet.mid(i + 2 + topicLength);
}

} // namespace mqttbytes
