#include "codec/properties.h"

namespace mqtt {

class PropertiesData : public QSharedData
{
public:
    QList<Property> list;
};

namespace {

constexpr quint32 bit(PacketType t) { return 1u << static_cast<quint8>(t); }
constexpr quint32 kWill = 1u << 16; // Will Properties inside CONNECT
constexpr quint32 kAll = 0xFFFE | kWill;

struct PropertyInfo
{
    quint8 id;
    PropertyType type;
    quint32 packets;
    const char *name;
};

// [S5] §2.2.2.2 table 2-4: identifier, type and the packets each property may appear in.
const PropertyInfo kInfo[] = {
    {0x01, PropertyType::Byte, bit(PacketType::Publish) | kWill, "Payload Format Indicator"},
    {0x02, PropertyType::FourByteInteger, bit(PacketType::Publish) | kWill,
     "Message Expiry Interval"},
    {0x03, PropertyType::Utf8String, bit(PacketType::Publish) | kWill, "Content Type"},
    {0x08, PropertyType::Utf8String, bit(PacketType::Publish) | kWill, "Response Topic"},
    {0x09, PropertyType::BinaryData, bit(PacketType::Publish) | kWill, "Correlation Data"},
    {0x0B, PropertyType::VariableByteInteger,
     bit(PacketType::Publish) | bit(PacketType::Subscribe), "Subscription Identifier"},
    {0x11, PropertyType::FourByteInteger,
     bit(PacketType::Connect) | bit(PacketType::Connack) | bit(PacketType::Disconnect),
     "Session Expiry Interval"},
    {0x12, PropertyType::Utf8String, bit(PacketType::Connack), "Assigned Client Identifier"},
    {0x13, PropertyType::TwoByteInteger, bit(PacketType::Connack), "Server Keep Alive"},
    {0x15, PropertyType::Utf8String,
     bit(PacketType::Connect) | bit(PacketType::Connack) | bit(PacketType::Auth),
     "Authentication Method"},
    {0x16, PropertyType::BinaryData,
     bit(PacketType::Connect) | bit(PacketType::Connack) | bit(PacketType::Auth),
     "Authentication Data"},
    {0x17, PropertyType::Byte, bit(PacketType::Connect), "Request Problem Information"},
    {0x18, PropertyType::FourByteInteger, kWill, "Will Delay Interval"},
    {0x19, PropertyType::Byte, bit(PacketType::Connect), "Request Response Information"},
    {0x1A, PropertyType::Utf8String, bit(PacketType::Connack), "Response Information"},
    {0x1C, PropertyType::Utf8String, bit(PacketType::Connack) | bit(PacketType::Disconnect),
     "Server Reference"},
    {0x1F, PropertyType::Utf8String,
     bit(PacketType::Connack) | bit(PacketType::Puback) | bit(PacketType::Pubrec)
         | bit(PacketType::Pubrel) | bit(PacketType::Pubcomp) | bit(PacketType::Suback)
         | bit(PacketType::Unsuback) | bit(PacketType::Disconnect) | bit(PacketType::Auth),
     "Reason String"},
    {0x21, PropertyType::TwoByteInteger, bit(PacketType::Connect) | bit(PacketType::Connack),
     "Receive Maximum"},
    {0x22, PropertyType::TwoByteInteger, bit(PacketType::Connect) | bit(PacketType::Connack),
     "Topic Alias Maximum"},
    {0x23, PropertyType::TwoByteInteger, bit(PacketType::Publish), "Topic Alias"},
    {0x24, PropertyType::Byte, bit(PacketType::Connack), "Maximum QoS"},
    {0x25, PropertyType::Byte, bit(PacketType::Connack), "Retain Available"},
    {0x26, PropertyType::Utf8StringPair, kAll & ~bit(PacketType::Pingreq)
         & ~bit(PacketType::Pingresp), "User Property"},
    {0x27, PropertyType::FourByteInteger, bit(PacketType::Connect) | bit(PacketType::Connack),
     "Maximum Packet Size"},
    {0x28, PropertyType::Byte, bit(PacketType::Connack), "Wildcard Subscription Available"},
    {0x29, PropertyType::Byte, bit(PacketType::Connack), "Subscription Identifier Available"},
    {0x2A, PropertyType::Byte, bit(PacketType::Connack), "Shared Subscription Available"},
};

struct InfoTable
{
    const PropertyInfo *byId[0x2B] = {};
    InfoTable()
    {
        for (const PropertyInfo &entry : kInfo)
            byId[entry.id] = &entry;
    }
};

// Indexed by id: the decoder looks up every property it reads.
const PropertyInfo *info(quint8 id)
{
    static const InfoTable table;
    return id < 0x2B ? table.byId[id] : nullptr;
}

} // namespace

bool isKnownProperty(quint8 id)
{
    return info(id) != nullptr;
}

PropertyType propertyType(PropertyId id)
{
    const PropertyInfo *entry = info(static_cast<quint8>(id));
    return entry ? entry->type : PropertyType::Byte;
}

const char *propertyName(PropertyId id)
{
    const PropertyInfo *entry = info(static_cast<quint8>(id));
    return entry ? entry->name : "Unknown property";
}

bool isPropertyAllowed(PropertyId id, PacketType type, bool inWill)
{
    const PropertyInfo *entry = info(static_cast<quint8>(id));
    if (!entry)
        return false;
    return (entry->packets & (inWill ? kWill : bit(type))) != 0;
}

bool Property::operator==(const Property &other) const
{
    return id == other.id && number == other.number && text == other.text
        && text2 == other.text2 && binary == other.binary;
}

Properties::Properties() = default;
Properties::Properties(const Properties &other) = default;
Properties::Properties(Properties &&other) noexcept = default;
Properties &Properties::operator=(const Properties &other) = default;
Properties &Properties::operator=(Properties &&other) noexcept = default;
Properties::~Properties() = default;

bool Properties::isEmpty() const
{
    return !d || d->list.isEmpty();
}

int Properties::size() const
{
    return d ? int(d->list.size()) : 0;
}

const Property &Properties::at(int index) const
{
    return d->list.at(index);
}

QList<Property> Properties::toList() const
{
    return d ? d->list : QList<Property>();
}

bool Properties::contains(PropertyId id) const
{
    return find(id) != nullptr;
}

int Properties::count(PropertyId id) const
{
    if (!d)
        return 0;
    int n = 0;
    for (const Property &p : d->list)
        n += p.id == id ? 1 : 0;
    return n;
}

void Properties::append(const Property &property)
{
    if (!d)
        d = new PropertiesData;
    d->list.append(property);
}

void Properties::remove(PropertyId id)
{
    if (!contains(id))
        return;
    d->list.removeIf([id](const Property &p) { return p.id == id; });
}

void Properties::clear()
{
    d.reset();
}

const Property *Properties::find(PropertyId id) const
{
    if (!d)
        return nullptr;
    for (const Property &p : d->list) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

std::optional<quint32> Properties::integer(PropertyId id) const
{
    const Property *p = find(id);
    if (!p)
        return std::nullopt;
    switch (propertyType(id)) {
    case PropertyType::Byte:
    case PropertyType::TwoByteInteger:
    case PropertyType::FourByteInteger:
    case PropertyType::VariableByteInteger:
        return p->number;
    default:
        return std::nullopt;
    }
}

std::optional<QString> Properties::string(PropertyId id) const
{
    const Property *p = find(id);
    if (!p || propertyType(id) != PropertyType::Utf8String)
        return std::nullopt;
    return p->text;
}

std::optional<QByteArray> Properties::binary(PropertyId id) const
{
    const Property *p = find(id);
    if (!p || propertyType(id) != PropertyType::BinaryData)
        return std::nullopt;
    return p->binary;
}

void Properties::setInteger(PropertyId id, quint32 value)
{
    if (!d)
        d = new PropertiesData;
    for (Property &p : d->list) {
        if (p.id == id) {
            p.number = value;
            return;
        }
    }
    Property p;
    p.id = id;
    p.number = value;
    d->list.append(p);
}

void Properties::setString(PropertyId id, const QString &value)
{
    if (!d)
        d = new PropertiesData;
    for (Property &p : d->list) {
        if (p.id == id) {
            p.text = value;
            return;
        }
    }
    Property p;
    p.id = id;
    p.text = value;
    d->list.append(p);
}

void Properties::setBinary(PropertyId id, const QByteArray &value)
{
    if (!d)
        d = new PropertiesData;
    for (Property &p : d->list) {
        if (p.id == id) {
            p.binary = value;
            return;
        }
    }
    Property p;
    p.id = id;
    p.binary = value;
    d->list.append(p);
}

namespace {
template<typename T>
std::optional<T> narrow(std::optional<quint32> v)
{
    return v ? std::optional<T>(T(*v)) : std::nullopt;
}
} // namespace

#define MQTT_INT_PROPERTY(getter, setter, Type, Id)                                           \
    std::optional<Type> Properties::getter() const                                            \
    {                                                                                         \
        return narrow<Type>(integer(PropertyId::Id));                                         \
    }                                                                                         \
    void Properties::setter(Type value) { setInteger(PropertyId::Id, value); }

#define MQTT_STRING_PROPERTY(getter, setter, Id)                                              \
    std::optional<QString> Properties::getter() const { return string(PropertyId::Id); }     \
    void Properties::setter(const QString &value) { setString(PropertyId::Id, value); }

#define MQTT_BINARY_PROPERTY(getter, setter, Id)                                              \
    std::optional<QByteArray> Properties::getter() const { return binary(PropertyId::Id); }  \
    void Properties::setter(const QByteArray &value) { setBinary(PropertyId::Id, value); }

MQTT_INT_PROPERTY(payloadFormatIndicator, setPayloadFormatIndicator, quint8, PayloadFormatIndicator)
MQTT_INT_PROPERTY(messageExpiryInterval, setMessageExpiryInterval, quint32, MessageExpiryInterval)
MQTT_STRING_PROPERTY(contentType, setContentType, ContentType)
MQTT_STRING_PROPERTY(responseTopic, setResponseTopic, ResponseTopic)
MQTT_BINARY_PROPERTY(correlationData, setCorrelationData, CorrelationData)
MQTT_INT_PROPERTY(subscriptionIdentifier, setSubscriptionIdentifier, quint32, SubscriptionIdentifier)
MQTT_INT_PROPERTY(sessionExpiryInterval, setSessionExpiryInterval, quint32, SessionExpiryInterval)
MQTT_STRING_PROPERTY(assignedClientIdentifier, setAssignedClientIdentifier, AssignedClientIdentifier)
MQTT_INT_PROPERTY(serverKeepAlive, setServerKeepAlive, quint16, ServerKeepAlive)
MQTT_STRING_PROPERTY(authenticationMethod, setAuthenticationMethod, AuthenticationMethod)
MQTT_BINARY_PROPERTY(authenticationData, setAuthenticationData, AuthenticationData)
MQTT_INT_PROPERTY(requestProblemInformation, setRequestProblemInformation, quint8,
                  RequestProblemInformation)
MQTT_INT_PROPERTY(willDelayInterval, setWillDelayInterval, quint32, WillDelayInterval)
MQTT_INT_PROPERTY(requestResponseInformation, setRequestResponseInformation, quint8,
                  RequestResponseInformation)
MQTT_STRING_PROPERTY(responseInformation, setResponseInformation, ResponseInformation)
MQTT_STRING_PROPERTY(serverReference, setServerReference, ServerReference)
MQTT_STRING_PROPERTY(reasonString, setReasonString, ReasonString)
MQTT_INT_PROPERTY(receiveMaximum, setReceiveMaximum, quint16, ReceiveMaximum)
MQTT_INT_PROPERTY(topicAliasMaximum, setTopicAliasMaximum, quint16, TopicAliasMaximum)
MQTT_INT_PROPERTY(topicAlias, setTopicAlias, quint16, TopicAlias)
MQTT_INT_PROPERTY(maximumQoS, setMaximumQoS, quint8, MaximumQoS)
MQTT_INT_PROPERTY(retainAvailable, setRetainAvailable, quint8, RetainAvailable)
MQTT_INT_PROPERTY(maximumPacketSize, setMaximumPacketSize, quint32, MaximumPacketSize)
MQTT_INT_PROPERTY(wildcardSubscriptionAvailable, setWildcardSubscriptionAvailable, quint8,
                  WildcardSubscriptionAvailable)
MQTT_INT_PROPERTY(subscriptionIdentifierAvailable, setSubscriptionIdentifierAvailable, quint8,
                  SubscriptionIdentifierAvailable)
MQTT_INT_PROPERTY(sharedSubscriptionAvailable, setSharedSubscriptionAvailable, quint8,
                  SharedSubscriptionAvailable)

#undef MQTT_INT_PROPERTY
#undef MQTT_STRING_PROPERTY
#undef MQTT_BINARY_PROPERTY

QList<quint32> Properties::subscriptionIdentifiers() const
{
    QList<quint32> ids;
    if (d) {
        for (const Property &p : d->list) {
            if (p.id == PropertyId::SubscriptionIdentifier)
                ids.append(p.number);
        }
    }
    return ids;
}

void Properties::addSubscriptionIdentifier(quint32 value)
{
    Property p;
    p.id = PropertyId::SubscriptionIdentifier;
    p.number = value;
    append(p);
}

QList<UserProperty> Properties::userProperties() const
{
    QList<UserProperty> pairs;
    if (d) {
        for (const Property &p : d->list) {
            if (p.id == PropertyId::UserProperty)
                pairs.append({p.text, p.text2});
        }
    }
    return pairs;
}

void Properties::addUserProperty(const QString &name, const QString &value)
{
    Property p;
    p.id = PropertyId::UserProperty;
    p.text = name;
    p.text2 = value;
    append(p);
}

bool Properties::operator==(const Properties &other) const
{
    if (isEmpty() || other.isEmpty())
        return isEmpty() == other.isEmpty();
    return d == other.d || d->list == other.d->list;
}

} // namespace mqtt
