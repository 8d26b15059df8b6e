#include "topicfiltertrie.h"

#include "topic.h"

#include <QVarLengthArray>

namespace mqtt {

struct TopicFilterTrie::Node
{
    ~Node()
    {
        qDeleteAll(children);
        delete plus;
        delete hash;
    }

    bool isUnused() const
    {
        return entries.isEmpty() && children.isEmpty() && !plus && !hash;
    }

    QHash<QString, Node *> children; // literal levels
    Node *plus = nullptr;
    Node *hash = nullptr;
    // Usually one; several when e.g. "a/b" and "$share/g/a/b" route to the same place.
    QList<Entry> entries;
};

namespace {

// Calls fn(level) for each level of a filter, as views into it.
template<typename Fn>
void forEachLevel(QStringView filter, Fn fn)
{
    qsizetype pos = 0;
    for (;;) {
        qsizetype end = filter.indexOf(u'/', pos);
        if (end < 0) {
            fn(filter.mid(pos));
            return;
        }
        fn(filter.mid(pos, end - pos));
        pos = end + 1;
    }
}

// A QString over existing characters, for hash lookups without copying (Qt 6: no allocation).
QString rawString(QStringView view)
{
    return QString::fromRawData(view.constData(), view.size());
}

} // namespace

TopicFilterTrie::TopicFilterTrie()
    : m_root(new Node)
{
}

TopicFilterTrie::~TopicFilterTrie()
{
    delete m_root;
}

bool TopicFilterTrie::insert(const QString &filter, quint64 key)
{
    if (!isValidTopicFilter(filter))
        return false;
    const auto existing = m_keys.find(filter);
    Node *node = m_root;
    forEachLevel(routingFilter(filter), [&node](QStringView level) {
        Node **slot;
        if (level == u"+") {
            slot = &node->plus;
        } else if (level == u"#") {
            slot = &node->hash;
        } else {
            slot = &node->children[level.toString()];
        }
        if (!*slot)
            *slot = new Node;
        node = *slot;
    });
    if (existing != m_keys.end()) {
        // Same literal string: replace the key in place, so the order stays as it was.
        for (Entry &e : node->entries) {
            if (e.filter == filter)
                e.key = key;
        }
        existing.value() = key;
        return true;
    }
    node->entries.append(Entry{filter, key});
    m_keys.insert(filter, key);
    return true;
}

bool TopicFilterTrie::remove(const QString &filter)
{
    if (!m_keys.remove(filter))
        return false;
    // Path from the root, so empty nodes can be pruned bottom-up.
    struct Step
    {
        Node *parent;
        QStringView level;
    };
    QVarLengthArray<Step, 16> path;
    Node *node = m_root;
    forEachLevel(routingFilter(filter), [&](QStringView level) {
        path.append(Step{node, level});
        if (level == u"+")
            node = node->plus;
        else if (level == u"#")
            node = node->hash;
        else
            node = node->children.value(rawString(level));
        Q_ASSERT(node); // m_keys and the tree agree
    });
    node->entries.removeIf([&filter](const Entry &e) { return e.filter == filter; });
    for (qsizetype i = path.size() - 1; i >= 0 && node->isUnused(); --i) {
        Node *parent = path[i].parent;
        const QStringView level = path[i].level;
        if (level == u"+")
            parent->plus = nullptr;
        else if (level == u"#")
            parent->hash = nullptr;
        else
            parent->children.remove(rawString(level));
        delete node;
        node = parent;
    }
    return true;
}

bool TopicFilterTrie::contains(const QString &filter) const
{
    return m_keys.contains(filter);
}

quint64 TopicFilterTrie::value(const QString &filter, quint64 defaultKey) const
{
    return m_keys.value(filter, defaultKey);
}

int TopicFilterTrie::size() const
{
    return int(m_keys.size());
}

void TopicFilterTrie::clear()
{
    delete m_root;
    m_root = new Node;
    m_keys.clear();
}

QList<quint64> TopicFilterTrie::match(QStringView topic) const
{
    QList<quint64> out;
    match(topic, out);
    return out;
}

void TopicFilterTrie::match(QStringView topic, QList<quint64> &out) const
{
    out.clear();
    if (m_keys.isEmpty() || !isValidTopicName(topic))
        return;
    collect(m_root, topic, 0, true, topic.startsWith(u'$'), out);
}

void TopicFilterTrie::appendKeys(const Node *node, QList<quint64> &out)
{
    for (const Entry &e : node->entries)
        out.append(e.key);
}

// paho matcher.py iter_match: `pos` is where the current topic level starts; a position past
// the end means every level has been consumed. Wildcards at the first level skip '$' topics
// [MQTT-4.7.2-1].
void TopicFilterTrie::collect(const Node *node, QStringView topic, qsizetype pos, bool atRoot,
                              bool dollarTopic, QList<quint64> &out)
{
    const bool wildcardsAllowed = !(atRoot && dollarTopic);
    if (pos > topic.size()) {
        appendKeys(node, out);
    } else {
        qsizetype end = topic.indexOf(u'/', pos);
        if (end < 0)
            end = topic.size();
        const QStringView level = topic.mid(pos, end - pos);
        if (!node->children.isEmpty()) {
            const auto it = node->children.constFind(rawString(level));
            if (it != node->children.constEnd())
                collect(it.value(), topic, end + 1, false, dollarTopic, out);
        }
        if (node->plus && wildcardsAllowed)
            collect(node->plus, topic, end + 1, false, dollarTopic, out);
    }
    if (node->hash && wildcardsAllowed)
        appendKeys(node->hash, out);
}

} // namespace mqtt
