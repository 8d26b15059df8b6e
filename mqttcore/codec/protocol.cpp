#include "codec/protocol.h"

namespace mqtt {

const char *packetTypeName(PacketType type)
{
    static const char *const names[] = {
        "RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
        "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT",
        "AUTH",
    };
    const auto index = static_cast<quint8>(type);
    return index < 16 ? names[index] : "UNKNOWN";
}

} // namespace mqtt
