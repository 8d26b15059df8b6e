#include "codec/packetdecoder.h"

namespace mqtt {

PacketDecoder::PacketDecoder(const uchar *body, qsizetype size, qint64 bodyOffset,
                             ProtocolVersion version, Role role, TopicCache *topicCache)
    : m_in(body, size, bodyOffset, version, role, topicCache)
{
}

bool PacketDecoder::decodeConnect(std::optional<Packet> *out)
{
    ConnectPacket c;
    QString protocolName;
    const uchar *at = m_in.pos();
    if (!m_in.readString(&protocolName, "protocol name"))
        return false;
    quint8 level;
    if (!m_in.readByte(&level, "protocol level"))
        return false;
    c.bridge = level & 0x80;
    level &= 0x7F;
    const bool nameOk = (protocolName == QLatin1String("MQTT") && (level == 4 || level == 5))
        || (protocolName == QLatin1String("MQIsdp") && level == 3);
    if (!nameOk) {
        return m_in.fail(QStringLiteral("unsupported protocol \"%1\" level %2").arg(protocolName).arg(level),
                    "MQTT-3.1.2-2", ReasonCode::UnsupportedProtocolVersion, at);
    }
    m_in.setVersion(static_cast<ProtocolVersion>(level));
    at = m_in.pos();
    quint8 flags;
    if (!m_in.readByte(&flags, "connect flags"))
        return false;
    if (flags & 0x01)
        return m_in.fail(QStringLiteral("CONNECT reserved flag is set"), "MQTT-3.1.2-3", ReasonCode::MalformedPacket, at);
    c.cleanStart = flags & 0x02;
    const bool willFlag = flags & 0x04;
    const quint8 willQos = (flags >> 3) & 0x03;
    const bool willRetain = flags & 0x20;
    if (!willFlag && (willQos || willRetain)) {
        return m_in.fail(QStringLiteral("Will QoS or Will Retain set without the Will flag"),
                    m_in.v5() ? "MQTT-3.1.2-11" : "MQTT-3.1.2-13", ReasonCode::MalformedPacket, at);
    }
    if (willQos == 3)
        return m_in.fail(QStringLiteral("Will QoS is 3"), "MQTT-3.1.2-14", ReasonCode::MalformedPacket, at);
    const bool hasPassword = flags & 0x40;
    const bool hasUsername = flags & 0x80;
    if (hasPassword && !hasUsername && !m_in.v5())
        return m_in.fail(QStringLiteral("password flag set without user name flag"), "MQTT-3.1.2-22", ReasonCode::MalformedPacket, at);
    if (!m_in.readU16(&c.keepAlive, "keep alive"))
        return false;
    if (m_in.v5() && !m_in.properties(&c.properties, PacketType::Connect))
        return false;
    if (!m_in.readString(&c.clientId, "client identifier"))
        return false;
    if (willFlag) {
        Will w;
        w.qos = willQos;
        w.retain = willRetain;
        if (m_in.v5() && !m_in.properties(&w.properties, PacketType::Connect, true))
            return false;
        if (!m_in.readString(&w.topic, "Will topic") || !m_in.readBinary(&w.payload, "Will payload"))
            return false;
        c.will = w;
    }
    if (hasUsername) {
        QString user;
        if (!m_in.readString(&user, "user name"))
            return false;
        c.username = user;
    }
    if (hasPassword) {
        QByteArray password;
        if (!m_in.readBinary(&password, "password"))
            return false;
        c.password = password;
    }
    if (!m_in.expectEnd("CONNECT"))
        return false;
    *out = std::move(c);
    return true;
}

bool PacketDecoder::decodeConnack(std::optional<Packet> *out)
{
    ConnackPacket c;
    if (!m_in.v5() && m_in.remaining() != 2)
        return m_in.fail(QStringLiteral("CONNACK remaining length is %1, not 2").arg(m_in.remaining()));
    const uchar *at = m_in.pos();
    quint8 flags;
    if (!m_in.readByte(&flags, "acknowledge flags"))
        return false;
    if (flags & 0xFE) {
        return m_in.fail(QStringLiteral("CONNACK acknowledge flags bits 7-1 are not 0"), "MQTT-3.2.2-1",
                    ReasonCode::MalformedPacket, at);
    }
    c.sessionPresent = flags & 0x01;
    at = m_in.pos();
    if (!m_in.v5()) {
        quint8 rc;
        if (!m_in.readByte(&rc, "return code"))
            return false;
        if (rc > 5) {
            return m_in.fail(QStringLiteral("CONNACK return code %1 is reserved").arg(rc), nullptr,
                        ReasonCode::ProtocolError, at);
        }
        c.reasonCode = rc;
        if (rc != 0 && c.sessionPresent) {
            return m_in.fail(QStringLiteral("CONNACK refuses the connection but sets Session Present"),
                        "MQTT-3.2.2-4", ReasonCode::ProtocolError, at - 1);
        }
    } else {
        if (!m_in.reasonCode(&c.reasonCode, PacketType::Connack))
            return false;
        if (c.reasonCode.value != 0 && c.sessionPresent) {
            return m_in.fail(QStringLiteral("CONNACK refuses the connection but sets Session Present"),
                        "MQTT-3.2.2-6", ReasonCode::ProtocolError, at - 1);
        }
        if (!m_in.properties(&c.properties, PacketType::Connack))
            return false;
    }
    if (!m_in.expectEnd("CONNACK"))
        return false;
    *out = std::move(c);
    return true;
}

bool PacketDecoder::decodePublish(quint8 flags, std::optional<Packet> *out)
{
    // Built in place: this is the hot path, so no temporaries to move and destroy.
    PublishPacket &p = std::get<PublishPacket>(out->emplace(std::in_place_type<PublishPacket>));
    p.retain = flags & 0x01;
    p.qos = (flags >> 1) & 0x03;
    p.dup = flags & 0x08;
    // The first byte is just before the remaining length; blame the body start.
    if (p.qos == 3)
        return m_in.fail(QStringLiteral("PUBLISH has QoS 3"), "MQTT-3.3.1-4");
    if (p.qos == 0 && p.dup)
        return m_in.fail(QStringLiteral("QoS 0 PUBLISH has the DUP flag set"), "MQTT-3.3.1-2");
    if (!m_in.topicName(&p.topic, m_in.v5()))
        return false;
    if (p.qos > 0 && !m_in.packetId(&p.packetId, "PUBLISH"))
        return false;
    if (m_in.v5()) {
        const uchar *at = m_in.pos();
        if (!m_in.properties(&p.properties, PacketType::Publish))
            return false;
        if (p.topic.isEmpty() && !p.properties.contains(PropertyId::TopicAlias)) {
            return m_in.fail(QStringLiteral("PUBLISH has neither a topic name nor a Topic Alias"),
                        nullptr, ReasonCode::ProtocolError, at);
        }
    }
    p.payload = m_in.readRest();
    return true;
}

template<typename Ack>
bool PacketDecoder::decodeAck(PacketType type, std::optional<Packet> *out)
{
    Ack a;
    const char *name = packetTypeName(type);
    if (!m_in.v5() && m_in.remaining() != 2)
        return m_in.fail(QStringLiteral("%1 remaining length is %2, not 2").arg(QLatin1String(name)).arg(m_in.remaining()));
    if (!m_in.packetId(&a.packetId, name))
        return false;
    if (m_in.v5()) {
        // Remaining length 2: Success, no properties; 3: reason code only ([S5] §3.4.2.1).
        if (m_in.remaining() >= 1 && !m_in.reasonCode(&a.reasonCode, type))
            return false;
        if (m_in.remaining() >= 1 && !m_in.properties(&a.properties, type))
            return false;
    }
    if (!m_in.expectEnd(name))
        return false;
    *out = std::move(a);
    return true;
}

bool PacketDecoder::decodeSubscribe(std::optional<Packet> *out)
{
    SubscribePacket s;
    if (!m_in.packetId(&s.packetId, "SUBSCRIBE"))
        return false;
    if (m_in.v5() && !m_in.properties(&s.properties, PacketType::Subscribe))
        return false;
    if (m_in.remaining() == 0) {
        return m_in.fail(QStringLiteral("SUBSCRIBE has no topic filter"), "MQTT-3.8.3-3",
                    ReasonCode::ProtocolError);
    }
    while (m_in.remaining() > 0) {
        Subscription sub;
        if (!m_in.readString(&sub.filter, "topic filter"))
            return false;
        const uchar *at = m_in.pos();
        quint8 options;
        if (!m_in.readByte(&options, "subscription options"))
            return false;
        sub.qos = options & 0x03;
        if (sub.qos == 3)
            return m_in.fail(QStringLiteral("subscription QoS is 3"), m_in.pick("MQTT-3.8.3-4", nullptr), ReasonCode::MalformedPacket, at);
        if (m_in.v5()) {
            sub.noLocal = options & 0x04;
            sub.retainAsPublished = options & 0x08;
            sub.retainHandling = (options >> 4) & 0x03;
            if (sub.retainHandling == 3)
                return m_in.fail(QStringLiteral("Retain Handling is 3"), nullptr, ReasonCode::ProtocolError, at);
            if (options & 0xC0)
                return m_in.fail(QStringLiteral("subscription options reserved bits are set"), "MQTT-3.8.3-5", ReasonCode::MalformedPacket, at);
        } else if (options & 0xFC) {
            return m_in.fail(QStringLiteral("subscription options reserved bits are set"), "MQTT-3.8.3-4", ReasonCode::MalformedPacket, at);
        }
        s.subscriptions.append(sub);
    }
    *out = std::move(s);
    return true;
}

bool PacketDecoder::decodeSuback(std::optional<Packet> *out)
{
    SubackPacket s;
    // The server's SUBACK id answers ours; 0 is never a valid id.
    if (!m_in.packetId(&s.packetId, "SUBACK"))
        return false;
    if (m_in.v5() && !m_in.properties(&s.properties, PacketType::Suback))
        return false;
    if (m_in.remaining() == 0)
        return m_in.fail(QStringLiteral("SUBACK has no return codes"), nullptr, ReasonCode::ProtocolError);
    s.reasonCodes.reserve(m_in.remaining()); // bounded by bytes that are already here
    while (m_in.remaining() > 0) {
        ReasonCode code;
        if (!m_in.reasonCode(&code, PacketType::Suback))
            return false;
        s.reasonCodes.append(code);
    }
    *out = std::move(s);
    return true;
}

bool PacketDecoder::decodeUnsubscribe(std::optional<Packet> *out)
{
    UnsubscribePacket u;
    if (!m_in.packetId(&u.packetId, "UNSUBSCRIBE"))
        return false;
    if (m_in.v5() && !m_in.properties(&u.properties, PacketType::Unsubscribe))
        return false;
    if (m_in.remaining() == 0) {
        return m_in.fail(QStringLiteral("UNSUBSCRIBE has no topic filter"), "MQTT-3.10.3-2",
                    ReasonCode::ProtocolError);
    }
    while (m_in.remaining() > 0) {
        QString filter;
        if (!m_in.readString(&filter, "topic filter"))
            return false;
        u.filters.append(filter);
    }
    *out = std::move(u);
    return true;
}

bool PacketDecoder::decodeUnsuback(std::optional<Packet> *out)
{
    UnsubackPacket u;
    if (!m_in.v5() && m_in.remaining() != 2)
        return m_in.fail(QStringLiteral("UNSUBACK remaining length is %1, not 2").arg(m_in.remaining()));
    if (!m_in.packetId(&u.packetId, "UNSUBACK"))
        return false;
    if (m_in.v5()) {
        if (!m_in.properties(&u.properties, PacketType::Unsuback))
            return false;
        if (m_in.remaining() == 0)
            return m_in.fail(QStringLiteral("UNSUBACK has no reason codes"), nullptr, ReasonCode::ProtocolError);
        while (m_in.remaining() > 0) {
            ReasonCode code;
            if (!m_in.reasonCode(&code, PacketType::Unsuback))
                return false;
            u.reasonCodes.append(code);
        }
    }
    *out = std::move(u);
    return true;
}

template<typename P>
bool PacketDecoder::decodeReasonOnly(PacketType type, std::optional<Packet> *out)
{
    P p;
    // Remaining length 0 means reason 0x00 and no properties ([S5] §3.14.2.1, §3.15.2.1).
    if (m_in.remaining() >= 1 && !m_in.reasonCode(&p.reasonCode, type))
        return false;
    if (m_in.remaining() >= 1 && !m_in.properties(&p.properties, type))
        return false;
    if (!m_in.expectEnd(packetTypeName(type)))
        return false;
    *out = std::move(p);
    return true;
}

bool PacketDecoder::decode(PacketType type, quint8 flags, std::optional<Packet> *out)
{
    switch (type) {
    case PacketType::Connect:
        return decodeConnect(out);
    case PacketType::Connack:
        return decodeConnack(out);
    case PacketType::Publish:
        return decodePublish(flags, out);
    case PacketType::Puback:
        return decodeAck<PubackPacket>(type, out);
    case PacketType::Pubrec:
        return decodeAck<PubrecPacket>(type, out);
    case PacketType::Pubrel:
        return decodeAck<PubrelPacket>(type, out);
    case PacketType::Pubcomp:
        return decodeAck<PubcompPacket>(type, out);
    case PacketType::Subscribe:
        return decodeSubscribe(out);
    case PacketType::Suback:
        return decodeSuback(out);
    case PacketType::Unsubscribe:
        return decodeUnsubscribe(out);
    case PacketType::Unsuback:
        return decodeUnsuback(out);
    case PacketType::Pingreq:
    case PacketType::Pingresp:
        if (m_in.remaining() != 0) {
            return m_in.fail(QStringLiteral("%1 remaining length is %2, not 0")
                            .arg(QLatin1String(packetTypeName(type)))
                            .arg(m_in.remaining()));
        }
        if (type == PacketType::Pingreq)
            *out = PingreqPacket();
        else
            *out = PingrespPacket();
        return true;
    case PacketType::Disconnect:
        if (!m_in.v5()) {
            if (m_in.remaining() != 0)
                return m_in.fail(QStringLiteral("DISCONNECT remaining length is %1, not 0").arg(m_in.remaining()));
            *out = DisconnectPacket();
            return true;
        }
        return decodeReasonOnly<DisconnectPacket>(type, out);
    case PacketType::Auth:
        return decodeReasonOnly<AuthPacket>(type, out);
    case PacketType::Reserved:
        break;
    }
    return m_in.fail(QStringLiteral("reserved packet type"));
}

} // namespace mqtt
