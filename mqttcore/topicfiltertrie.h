#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace mqtt {

// Routes topics to subscription filters the way paho's message_callback_add does
// (matcher.py): one entry per LITERAL filter string, adding the same string again replaces
// its key, and match() returns every matching filter in paho's order: depth first, at each
// level the literal child, then '+', then '#' (semantics reference §2).
//
// Deliberate difference from paho (#472): a "$share/<group>/<filter>" entry is routed on
// <filter>, because the broker delivers shared-subscription messages with the plain topic.
// The literal string (with the prefix) stays the entry's identity for insert/remove.
//
// match() is on the per-message path: it walks the topic's levels as views and looks
// children up without allocating; the only allocation is the result list.
class TopicFilterTrie
{
public:
    TopicFilterTrie();
    ~TopicFilterTrie();
    TopicFilterTrie(const TopicFilterTrie &) = delete;
    TopicFilterTrie &operator=(const TopicFilterTrie &) = delete;

    // Adds the filter or replaces its key. Returns false (and changes nothing) when the filter
    // is invalid (see validateTopicFilter()).
    bool insert(const QString &filter, quint64 key);
    // Returns false when the filter was not there.
    bool remove(const QString &filter);
    bool contains(const QString &filter) const;
    // The key stored for the filter, or defaultKey when it is not there.
    quint64 value(const QString &filter, quint64 defaultKey = 0) const;
    int size() const;
    bool isEmpty() const { return size() == 0; }
    void clear();

    // Keys of every filter that matches the topic, in paho's order. An invalid topic name
    // (empty, with a wildcard, U+0000) matches nothing.
    QList<quint64> match(QStringView topic) const;
    // Same, appending to `out` after clearing it, so a caller can reuse one list.
    void match(QStringView topic, QList<quint64> &out) const;

private:
    struct Node;
    struct Entry
    {
        QString filter;
        quint64 key;
    };

    static void collect(const Node *node, QStringView topic, qsizetype pos, bool atRoot,
                        bool dollarTopic, QList<quint64> &out);
    static void appendKeys(const Node *node, QList<quint64> &out);

    Node *m_root;
    QHash<QString, quint64> m_keys; // literal filter -> key
};

} // namespace mqtt
