#pragma once

#include "codec/protocol.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QSharedDataPointer>
#include <QString>

#include <optional>

namespace mqtt {

// MQTT 5.0 property identifiers ([S5] §2.2.2.2).
enum class PropertyId : quint8 {
    PayloadFormatIndicator = 0x01,
    MessageExpiryInterval = 0x02,
    ContentType = 0x03,
    ResponseTopic = 0x08,
    CorrelationData = 0x09,
    SubscriptionIdentifier = 0x0B,
    SessionExpiryInterval = 0x11,
    AssignedClientIdentifier = 0x12,
    ServerKeepAlive = 0x13,
    AuthenticationMethod = 0x15,
    AuthenticationData = 0x16,
    RequestProblemInformation = 0x17,
    WillDelayInterval = 0x18,
    RequestResponseInformation = 0x19,
    ResponseInformation = 0x1A,
    ServerReference = 0x1C,
    ReasonString = 0x1F,
    ReceiveMaximum = 0x21,
    TopicAliasMaximum = 0x22,
    TopicAlias = 0x23,
    MaximumQoS = 0x24,
    RetainAvailable = 0x25,
    UserProperty = 0x26,
    MaximumPacketSize = 0x27,
    WildcardSubscriptionAvailable = 0x28,
    SubscriptionIdentifierAvailable = 0x29,
    SharedSubscriptionAvailable = 0x2A,
};

enum class PropertyType : quint8 {
    Byte,
    TwoByteInteger,
    FourByteInteger,
    VariableByteInteger,
    Utf8String,
    BinaryData,
    Utf8StringPair,
};

// Whether `id` is a defined 5.0 property identifier.
bool isKnownProperty(quint8 id);
// The wire type of a known property.
PropertyType propertyType(PropertyId id);
// The spec's name ("Receive Maximum"); "Unknown property" for an undefined id.
const char *propertyName(PropertyId id);
// Whether the property may appear in a packet of `type` (`inWill`: the Will Properties of
// CONNECT rather than the CONNECT properties).
bool isPropertyAllowed(PropertyId id, PacketType type, bool inWill = false);

// One property: integers of every width in `number`, strings in `text`, the value of a User
// Property pair in `text2`, Binary Data in `binary`.
struct Property
{
    PropertyId id = PropertyId::PayloadFormatIndicator;
    quint32 number = 0;
    QString text;
    QString text2;
    QByteArray binary;

    bool operator==(const Property &other) const;
    bool operator!=(const Property &other) const { return !(*this == other); }
};

using UserProperty = QPair<QString, QString>;

class PropertiesData;

// The properties of one 5.0 packet: an implicitly shared, ordered list that keeps User
// Properties (and Subscription Identifiers) in wire order, repeats included. An empty
// Properties allocates nothing, so packets without properties stay cheap.
// Typed setters replace the first existing value of that id (or append); add* append.
class Properties
{
public:
    Properties();
    Properties(const Properties &other);
    Properties(Properties &&other) noexcept;
    Properties &operator=(const Properties &other);
    Properties &operator=(Properties &&other) noexcept;
    ~Properties();

    bool isEmpty() const;
    int size() const;
    const Property &at(int index) const;
    QList<Property> toList() const;
    bool contains(PropertyId id) const;
    int count(PropertyId id) const;
    void append(const Property &property); // no duplicate check: the decoder validates
    void remove(PropertyId id); // every occurrence
    void clear();

    // Generic access by id; empty optional when absent or of another type.
    std::optional<quint32> integer(PropertyId id) const;
    std::optional<QString> string(PropertyId id) const;
    std::optional<QByteArray> binary(PropertyId id) const;
    void setInteger(PropertyId id, quint32 value);
    void setString(PropertyId id, const QString &value);
    void setBinary(PropertyId id, const QByteArray &value);

    // Typed accessors, one pair per 5.0 property.
    std::optional<quint8> payloadFormatIndicator() const;
    void setPayloadFormatIndicator(quint8 value);
    std::optional<quint32> messageExpiryInterval() const;
    void setMessageExpiryInterval(quint32 value);
    std::optional<QString> contentType() const;
    void setContentType(const QString &value);
    std::optional<QString> responseTopic() const;
    void setResponseTopic(const QString &value);
    std::optional<QByteArray> correlationData() const;
    void setCorrelationData(const QByteArray &value);
    // May repeat in a PUBLISH from the server (one per matching subscription).
    QList<quint32> subscriptionIdentifiers() const;
    std::optional<quint32> subscriptionIdentifier() const; // the first one
    void setSubscriptionIdentifier(quint32 value);
    void addSubscriptionIdentifier(quint32 value);
    std::optional<quint32> sessionExpiryInterval() const;
    void setSessionExpiryInterval(quint32 value);
    std::optional<QString> assignedClientIdentifier() const;
    void setAssignedClientIdentifier(const QString &value);
    std::optional<quint16> serverKeepAlive() const;
    void setServerKeepAlive(quint16 value);
    std::optional<QString> authenticationMethod() const;
    void setAuthenticationMethod(const QString &value);
    std::optional<QByteArray> authenticationData() const;
    void setAuthenticationData(const QByteArray &value);
    std::optional<quint8> requestProblemInformation() const;
    void setRequestProblemInformation(quint8 value);
    std::optional<quint32> willDelayInterval() const;
    void setWillDelayInterval(quint32 value);
    std::optional<quint8> requestResponseInformation() const;
    void setRequestResponseInformation(quint8 value);
    std::optional<QString> responseInformation() const;
    void setResponseInformation(const QString &value);
    std::optional<QString> serverReference() const;
    void setServerReference(const QString &value);
    std::optional<QString> reasonString() const;
    void setReasonString(const QString &value);
    std::optional<quint16> receiveMaximum() const;
    void setReceiveMaximum(quint16 value);
    std::optional<quint16> topicAliasMaximum() const;
    void setTopicAliasMaximum(quint16 value);
    // The raw alias: mapping aliases to topics is the session's job.
    std::optional<quint16> topicAlias() const;
    void setTopicAlias(quint16 value);
    std::optional<quint8> maximumQoS() const;
    void setMaximumQoS(quint8 value);
    std::optional<quint8> retainAvailable() const;
    void setRetainAvailable(quint8 value);
    QList<UserProperty> userProperties() const;
    void addUserProperty(const QString &name, const QString &value);
    std::optional<quint32> maximumPacketSize() const;
    void setMaximumPacketSize(quint32 value);
    std::optional<quint8> wildcardSubscriptionAvailable() const;
    void setWildcardSubscriptionAvailable(quint8 value);
    std::optional<quint8> subscriptionIdentifierAvailable() const;
    void setSubscriptionIdentifierAvailable(quint8 value);
    std::optional<quint8> sharedSubscriptionAvailable() const;
    void setSharedSubscriptionAvailable(quint8 value);

    bool operator==(const Properties &other) const;
    bool operator!=(const Properties &other) const { return !(*this == other); }

private:
    const Property *find(PropertyId id) const;

    QSharedDataPointer<PropertiesData> d;
};

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::Properties)
