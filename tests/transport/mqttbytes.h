#pragma once

#include <QByteArray>

// Hand-written MQTT 3.1.1 packets, so transport tests depend on no codec: the transport only
// has to carry bytes, and the broker judges them.
namespace mqttbytes {

QByteArray connect(const QByteArray &clientId, quint16 keepAlive = 60);
QByteArray subscribe(quint16 packetId, const QByteArray &filter);
QByteArray publish(const QByteArray &topic, const QByteArray &payload);   // QoS 0
QByteArray disconnect();

// CONNACK "accepted", session not present.
inline QByteArray connackAccepted() { return QByteArray::fromHex("20020000"); }

// Total length of the first complete packet in `buffer`, or -1 when more bytes are needed.
qsizetype firstPacketLength(const QByteArray &buffer);

// Payload of a QoS 0 PUBLISH packet (whole packet given), or a null array if it is none.
QByteArray publishPayload(const QByteArray &packet);

} // namespace mqttbytes
