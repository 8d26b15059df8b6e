#pragma once

#include "codec/properties.h"

#include <QByteArray>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace mqtt {

class MessageData;

// An application message, received or to be published (paho's MQTTMessage). Implicitly
// shared: copies are one pointer, so it passes through queued connections and model stores
// without copying the payload.
class Message
{
public:
    Message();
    Message(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false);
    // A received message in one step: takes the decoded topic and payload over instead of
    // sharing them, and sets every field at once (the receive path builds one per PUBLISH).
    Message(QString &&topic, QByteArray &&payload, int qos, bool retain, bool dup, int mid,
            qint64 timestamp);
    Message(const Message &other);
    Message(Message &&other) noexcept;
    Message &operator=(const Message &other);
    Message &operator=(Message &&other) noexcept;
    ~Message();

    QString topic() const;
    void setTopic(const QString &topic);
    QByteArray payload() const;
    void setPayload(const QByteArray &payload);
    int qos() const;
    void setQos(int qos);
    bool retain() const;
    void setRetain(bool retain);
    // DUP flag as received; paho ignores it for delivery and so do we.
    bool dup() const;
    void setDup(bool dup);
    // Packet identifier (0 for QoS 0).
    int mid() const;
    void setMid(int mid);
    // 5.0 PUBLISH properties; a received Topic Alias is already resolved into topic().
    Properties properties() const;
    void setProperties(const Properties &properties);
    // Receive time in ms since the epoch (0 for messages built locally).
    qint64 timestamp() const;
    void setTimestamp(qint64 msecsSinceEpoch);

    bool operator==(const Message &other) const;
    bool operator!=(const Message &other) const { return !(*this == other); }

private:
    QSharedDataPointer<MessageData> d;
};

} // namespace mqtt

// One d-pointer: lists of messages (histories, pane rings, read batches) grow with a memmove
// instead of a copy and a destruction per element.
Q_DECLARE_TYPEINFO(mqtt::Message, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(mqtt::Message)
