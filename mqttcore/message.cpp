#include "message.h"

namespace mqtt {

class MessageData : public QSharedData
{
public:
    QString topic;
    QByteArray payload;
    Properties properties;
    qint64 timestamp = 0;
    int mid = 0;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
};

Message::Message() : d(new MessageData) { }

Message::Message(const QString &topic, const QByteArray &payload, int qos, bool retain)
    : d(new MessageData)
{
    d->topic = topic;
    d->payload = payload;
    d->qos = quint8(qos);
    d->retain = retain;
}

Message::Message(QString &&topic, QByteArray &&payload, int qos, bool retain, bool dup, int mid,
                 qint64 timestamp)
    : d(new MessageData)
{
    d->topic = std::move(topic);
    d->payload = std::move(payload);
    d->timestamp = timestamp;
    d->mid = mid;
    d->qos = quint8(qos);
    d->retain = retain;
    d->dup = dup;
}

Message::Message(const Message &other) = default;
Message::Message(Message &&other) noexcept = default;
Message &Message::operator=(const Message &other) = default;
Message &Message::operator=(Message &&other) noexcept = default;
Message::~Message() = default;

QString Message::topic() const { return d->topic; }
void Message::setTopic(const QString &topic) { d->topic = topic; }
QByteArray Message::payload() const { return d->payload; }
void Message::setPayload(const QByteArray &payload) { d->payload = payload; }
int Message::qos() const { return d->qos; }
void Message::setQos(int qos) { d->qos = quint8(qos); }
bool Message::retain() const { return d->retain; }
void Message::setRetain(bool retain) { d->retain = retain; }
bool Message::dup() const { return d->dup; }
void Message::setDup(bool dup) { d->dup = dup; }
int Message::mid() const { return d->mid; }
void Message::setMid(int mid) { d->mid = mid; }
Properties Message::properties() const { return d->properties; }
void Message::setProperties(const Properties &properties) { d->properties = properties; }
qint64 Message::timestamp() const { return d->timestamp; }
void Message::setTimestamp(qint64 msecsSinceEpoch) { d->timestamp = msecsSinceEpoch; }

bool Message::operator==(const Message &other) const
{
    if (d == other.d)
        return true;
    return d->topic == other.d->topic && d->payload == other.d->payload
           && d->qos == other.d->qos && d->retain == other.d->retain && d->dup == other.d->dup
           && d->mid == other.d->mid && d->properties == other.d->properties
           && d->timestamp == other.d->timestamp;
}

} // namespace mqtt
