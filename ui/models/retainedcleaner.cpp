#include "retainedcleaner.h"

#include "client.h"
#include "messagestore.h"
#include "mqttstrings.h"
#include "topicnode.h"

#include <algorithm>
#include <utility>

namespace {

bool isRetained(const TopicNode *node)
{
    return node->isTopic() && node->last.retain() && !node->last.payload().isEmpty();
}

void collect(const TopicNode *node, QStringList *out)
{
    if (isRetained(node))
        out->append(node->topic());
    // Every child, not only publishedChildren: the count must not depend on whether the
    // store's last flush already announced a new node to the model.
    for (const TopicNode *child : node->children)
        collect(child, out);
}

} // namespace

RetainedCleaner::RetainedCleaner(mqtt::Client *client, MessageStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(client, &mqtt::Client::published, this, &RetainedCleaner::onPublished);
}

RetainedCleaner::~RetainedCleaner() = default;

QStringList RetainedCleaner::retainedTopicsUnder(const QString &topicOrLevel) const
{
    QStringList topics;
    const TopicNode *node = topicOrLevel.isEmpty() ? m_store->root() : m_store->node(topicOrLevel);
    if (node)
        collect(node, &topics);
    std::sort(topics.begin(), topics.end());
    return topics;
}

bool RetainedCleaner::hasRetained(const QString &topic) const
{
    const TopicNode *node = m_store->node(topic);
    return node && isRetained(node);
}

int RetainedCleaner::clear(const QStringList &topics, QString *error)
{
    if (!m_client || !m_client->isConnected()) {
        if (error)
            *error = tr("not connected to the broker");
        return 0;
    }
    int accepted = 0;
    for (const QString &topic : topics) {
        const mqtt::RequestResult r = m_client->publish(topic, QByteArray(), 1, true);
        if (r.ok()) {
            m_pending.insert(r.mid, topic);
            ++accepted;
            continue;
        }
        ++m_failed;
        const QString why = tr("%1: %2").arg(topic, mqtt::errorString(r.rc));
        if (m_firstError.isEmpty())
            m_firstError = why;
        if (error && error->isEmpty())
            *error = why;
    }
    finishIfDone();
    return accepted;
}

void RetainedCleaner::onPublished(int mid, mqtt::ReasonCode reasonCode, const mqtt::Properties &)
{
    const auto it = m_pending.constFind(mid);
    if (it == m_pending.constEnd())
        return; // someone else's PUBLISH on the same client
    if (reasonCode.isFailure()) {
        ++m_failed;
        if (m_firstError.isEmpty())
            m_firstError = tr("%1: %2").arg(*it, mqtt::reasonCodeName(reasonCode, mqtt::PacketType::Puback));
    } else {
        ++m_deleted;
    }
    m_pending.erase(it);
    finishIfDone();
}

void RetainedCleaner::finishIfDone()
{
    if (!m_pending.isEmpty() || (m_deleted == 0 && m_failed == 0))
        return;
    const int deleted = std::exchange(m_deleted, 0);
    const int failed = std::exchange(m_failed, 0);
    Q_EMIT finished(deleted, failed, std::exchange(m_firstError, QString()));
}
