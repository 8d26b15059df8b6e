#pragma once

#include <QAbstractItemModel>

class MessageStore;
#include "topicnode.h"

// The topic tree over a MessageStore's nodes (internalPointer = TopicNode*). It never looks
// at messages one by one: it turns the store's flush signals into one beginInsertRows per
// parent and one ranged dataChanged per parent group.
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,      // level name
        TopicsColumn,    // topics in the subtree
        MessagesColumn,  // messages in the subtree
        PayloadColumn,   // last payload preview (one line; the view elides)
        RetainedColumn,  // "*" when the last message was retained
        QosColumn,
        RateColumn,      // msgs/s of the subtree
        BytesRateColumn, // bytes/s of the subtree
        UpdatedColumn,   // time of the last message in the subtree
        ColumnCount
    };
    enum Role {
        TopicRole = Qt::UserRole + 1, // full topic (QString)
        NodeRole,                     // TopicNode* as quintptr
        SortRole,                     // numeric for numeric columns, name otherwise
        LastMessageRole,              // mqtt::Message (invalid for levels without messages)
    };

    explicit TopicTreeModel(MessageStore *store, QObject *parent = nullptr);
    ~TopicTreeModel() override;

    MessageStore *store() const { return m_store; }
    TopicNode *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const TopicNode *node, int column = 0) const;
    QModelIndex indexOfTopic(const QString &topic) const;

    // Rows changed within this many ms get a highlight that fades (BackgroundRole).
    void setHighlightMs(int ms);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Sorts every level's children (a view's header click). Order is then kept: parents that
    // get new children are re-sorted after the flush that shows them, and with a numeric
    // column the parents of changed rows after each rate tick (about once a second). Column
    // -1 keeps arrival order. Names compare naturally ("sensor2" before "sensor10").
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    static int naturalCompare(const QString &a, const QString &b);

private:
    void onNodesChanged(const QList<QList<TopicNode *>> &groups);
    void onRatesUpdated(const QList<QList<TopicNode *>> &groups);
    // One layout change for the children of these parents.
    void sortChildren(const QList<TopicNode *> &parents);
    bool lessThan(const TopicNode *a, const TopicNode *b) const;

    MessageStore *m_store;
    int m_highlightMs = 1500;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<TopicNode *> m_unsorted; // parents with children added since the last sort
};
