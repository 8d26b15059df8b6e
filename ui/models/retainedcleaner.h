#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace mqtt {
class Client;
struct ReasonCode;
class Properties;
}
class MessageStore;

// Deletes retained messages the MQTT way: an empty retained PUBLISH (QoS 1, so the broker's
// PUBACK tells us it was taken) per topic. Which topics hold a retained message is read from
// the store: a topic counts when the last message it received had RETAIN set, which is how a
// broker delivers retained messages to a new subscription. Live messages arrive with RETAIN
// clear [MQTT-3.3.1-9], so a topic retained while we were already subscribed is not counted;
// the confirmation text says "found", not "exist on the broker", for that reason.
//
// No widgets: the tree's context menu asks for confirmation with the count, then calls
// clear(). Tests drive it against mosquitto.
class RetainedCleaner : public QObject
{
    Q_OBJECT
public:
    RetainedCleaner(mqtt::Client *client, MessageStore *store, QObject *parent = nullptr);
    ~RetainedCleaner() override;

    // Topics at or under `topicOrLevel` whose last message was retained (and not empty: an
    // empty retained message is a deletion), sorted. An empty argument means the whole store.
    QStringList retainedTopicsUnder(const QString &topicOrLevel) const;
    // Whether `topic` itself has a retained last message.
    bool hasRetained(const QString &topic) const;

    // Publishes an empty retained QoS 1 message to each topic. Returns how many the client
    // accepted; the first refusal's reason goes to *error. finished() follows once every
    // accepted one is acknowledged (or failed). Nothing is sent when not connected, so that a
    // deletion is never queued for a later connection the user does not expect.
    int clear(const QStringList &topics, QString *error = nullptr);
    bool isBusy() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    // One batch of clear() is done: `deleted` acknowledged, `failed` refused by the broker
    // (5.0 reason code >= 0x80) or by the client; `firstError` says why for the first failure.
    void finished(int deleted, int failed, const QString &firstError);

private:
    void onPublished(int mid, mqtt::ReasonCode reasonCode, const mqtt::Properties &properties);
    void finishIfDone();

    QPointer<mqtt::Client> m_client;
    MessageStore *m_store;
    QHash<int, QString> m_pending; // mid -> topic
    int m_deleted = 0;
    int m_failed = 0;
    QString m_firstError;
};
