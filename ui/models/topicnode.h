#pragma once

#include "message.h"

#include <QList>
#include <QString>

// One level of a connection's topic tree, owned by MessageStore. The tree model hands these
// out through QModelIndex::internalPointer(); widgets never hold one across a flush.
//
// Counters are maintained by MessageStore::add() as messages arrive; the model exposes only
// the first `publishedChildren` children (the rest arrive with the next flush's one
// beginInsertRows per parent).
struct TopicNode
{
    TopicNode *parent = nullptr;
    QString name;            // this level ("" is a valid level: "a//b")
    QList<TopicNode *> children; // owned; arrival order, row == index
    int row = 0;             // index in parent->children (cached: O(1) parent())
    int publishedChildren = 0;

    // Own messages (only when a topic ends at this level).
    mqtt::Message last;      // whole payload, kept even when history was dropped
    QList<mqtt::Message> history; // oldest first, within the store's byte budget
    qint64 messageCount = 0;

    // Subtree (this node included).
    qint64 subtreeMessages = 0;
    qint64 subtreeBytes = 0;
    int subtreeTopics = 0;   // nodes with at least one own message

    // Rates over the last rate tick (MessageStore::rateInterval()).
    float messagesPerSecond = 0;
    float bytesPerSecond = 0;
    // Low 32 bits of the subtree counters at the last rate tick: a tick's difference is taken
    // modulo 2^32 (no second moves 4 G messages or bytes), half the size at a million topics.
    quint32 messagesAtTick = 0;
    quint32 bytesAtTick = 0;

    qint64 lastChangeMs = 0; // MessageStore::clockMs() of the flush that last showed a change
    qint64 lastTimestamp = 0; // newest Message::timestamp() in the subtree (0: none)
    quint32 routeSerial = 0;  // MessageStore's pane routing generation routeSet was made for
    quint32 routeSet = 0;     // index of the panes this topic routes to (cached per topic)
    bool dirty = false;      // queued for the next flush's dataChanged
    bool rateActive = false; // queued for the next rate tick

    bool isTopic() const { return messageCount > 0; }
    // The full topic name ("a/b/c"); built on demand.
    QString topic() const;
};
