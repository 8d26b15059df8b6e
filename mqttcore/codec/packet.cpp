#include "codec/packet.h"

namespace mqtt {

bool Will::operator==(const Will &o) const
{
    return topic == o.topic && payload == o.payload && qos == o.qos && retain == o.retain
        && properties == o.properties;
}

bool ConnectPacket::operator==(const ConnectPacket &o) const
{
    return clientId == o.clientId && cleanStart == o.cleanStart && keepAlive == o.keepAlive
        && will == o.will && username == o.username && password == o.password
        && bridge == o.bridge && properties == o.properties;
}

bool ConnackPacket::operator==(const ConnackPacket &o) const
{
    return sessionPresent == o.sessionPresent && reasonCode == o.reasonCode
        && properties == o.properties;
}

bool PublishPacket::operator==(const PublishPacket &o) const
{
    return topic == o.topic && payload == o.payload && qos == o.qos && retain == o.retain
        && dup == o.dup && packetId == o.packetId && properties == o.properties;
}

bool PubackPacket::operator==(const PubackPacket &o) const
{
    return packetId == o.packetId && reasonCode == o.reasonCode && properties == o.properties;
}

bool PubrecPacket::operator==(const PubrecPacket &o) const
{
    return packetId == o.packetId && reasonCode == o.reasonCode && properties == o.properties;
}

bool PubrelPacket::operator==(const PubrelPacket &o) const
{
    return packetId == o.packetId && reasonCode == o.reasonCode && properties == o.properties;
}

bool PubcompPacket::operator==(const PubcompPacket &o) const
{
    return packetId == o.packetId && reasonCode == o.reasonCode && properties == o.properties;
}

bool Subscription::operator==(const Subscription &o) const
{
    return filter == o.filter && qos == o.qos && noLocal == o.noLocal
        && retainAsPublished == o.retainAsPublished && retainHandling == o.retainHandling;
}

bool SubscribePacket::operator==(const SubscribePacket &o) const
{
    return packetId == o.packetId && subscriptions == o.subscriptions
        && properties == o.properties;
}

bool SubackPacket::operator==(const SubackPacket &o) const
{
    return packetId == o.packetId && reasonCodes == o.reasonCodes && properties == o.properties;
}

bool UnsubscribePacket::operator==(const UnsubscribePacket &o) const
{
    return packetId == o.packetId && filters == o.filters && properties == o.properties;
}

bool UnsubackPacket::operator==(const UnsubackPacket &o) const
{
    return packetId == o.packetId && reasonCodes == o.reasonCodes && properties == o.properties;
}

bool DisconnectPacket::operator==(const DisconnectPacket &o) const
{
    return reasonCode == o.reasonCode && properties == o.properties;
}

bool AuthPacket::operator==(const AuthPacket &o) const
{
    return reasonCode == o.reasonCode && properties == o.properties;
}

} // namespace mqtt
