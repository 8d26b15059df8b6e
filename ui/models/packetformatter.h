#pragma once

#include "codec/capturedpacket.h"
#include "codec/packet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

// What the packet inspector shows of one captured packet: the decoded fields as a tree of
// (name, value) rows, a one-line summary for the table, and the classic hex dump. Everything
// is built from the bytes on demand (for the rows on screen, the packet selected), never per
// packet as it arrives. Passwords are never shown, only their length.
class PacketFormatter
{
    Q_DECLARE_TR_FUNCTIONS(PacketFormatter)
public:
    struct Field
    {
        QString name;
        QString value;
        QList<Field> children;
        bool operator==(const Field &other) const
        {
            return name == other.name && value == other.value && children == other.children;
        }
    };

    // Fixed header, then the packet's variable header and payload fields; a decode failure
    // becomes a "Decode error" row after the fixed header.
    static QList<Field> fields(const mqtt::CapturedPacket &packet);
    // "a/b (5 B)", "Granted QoS 1", "client id 'x', keep alive 60 s": for the table.
    static QString summary(const mqtt::CapturedPacket &packet);
    static QString summary(const mqtt::Packet &packet, mqtt::ProtocolVersion version);
    // The packet identifier, or -1 for a packet without one (QoS 0 PUBLISH, CONNECT, ...).
    static int packetId(const mqtt::Packet &packet);
    // "CONNECT", "PUBLISH", ... ("RESERVED" for type 0).
    static QString typeName(mqtt::PacketType type);
    // hexdump -C: "00000000  10 0c 00 04 4d 51 54 54  04 02 00 3c 00 00 00 00  |....MQTT...<....|"
    // one line per 16 bytes, the last one padded; at most maxBytes shown, then a line saying
    // how many more there are (a viewer elides, the capture keeps them all).
    // Bytes from maskFrom (maskLength of them) show as "••" and "•": the CONNECT password.
    static constexpr qsizetype kHexDumpMaxBytes = 1024 * 1024;
    static QString hexDump(const QByteArray &bytes, qsizetype maxBytes = kHexDumpMaxBytes,
                           qsizetype maskFrom = 0, qsizetype maskLength = 0);
    // Where a CONNECT's password bytes are (offset, length); (0, 0) for anything else.
    static std::pair<qsizetype, qsizetype> passwordRange(const mqtt::CapturedPacket &packet);
    // "0x87 Not authorized", with the 3.1.1 CONNACK return codes in paho's wording.
    static QString reasonText(mqtt::ReasonCode code, mqtt::PacketType type,
                              mqtt::ProtocolVersion version);
    static QList<Field> propertyFields(const mqtt::Properties &properties);
};
