#pragma once

#include <QHash>
#include <QString>

namespace mqtt {

// The topic aliases the broker set up on one connection (5.0 §3.3.2.3.4): alias -> topic,
// bounded by the Topic Alias Maximum we announced in CONNECT.
class TopicAliasTable
{
public:
    enum class Result { Ok, OutOfRange, Unmapped };

    // The Topic Alias Maximum we sent; 0 means the broker may use none.
    void setMaximum(quint16 maximum) { m_maximum = maximum; }
    quint16 maximum() const { return m_maximum; }
    // Mappings live for one connection [MQTT-3.3.2-7].
    void clear() { m_aliases.clear(); }

    // A PUBLISH with `alias`: an empty `*topic` is replaced by the mapped topic, a non-empty
    // one (re)defines the mapping.
    Result apply(quint16 alias, QString *topic);

private:
    QHash<quint16, QString> m_aliases;
    quint16 m_maximum = 0;
};

} // namespace mqtt
