#pragma once

#include "topicfilter.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

class MessageStore;
struct TopicNode;

// The topics that match the tree's filter box, as a flat list of full topic names (a search
// result, like a file manager's). Matching runs incrementally: a new filter is evaluated over
// the store's topics in time slices of a few ms per event-loop turn, each slice appending its
// matches with one beginInsertRows; topics that arrive later are checked once, at the next
// store flush. Memory is one pointer per match, whatever the size of the tree, and no proxy
// model maps the tree. With payload matching on, the list is re-evaluated every few seconds,
// because payloads change.
class TopicSearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, MessagesColumn, PayloadColumn, QosColumn, RateColumn,
                  UpdatedColumn, ColumnCount };
    enum Role { TopicRole = Qt::UserRole + 1, SortRole };

    explicit TopicSearchModel(MessageStore *store, QObject *parent = nullptr);

    // An invalid filter is refused (filterError) and the old one stays.
    void setTopicFilter(const TopicFilter &filter);
    TopicFilter topicFilter() const { return m_filter; }
    bool isScanning() const { return m_scanTimer.isActive(); }
    int matchCount() const { return int(m_rows.size()); }
    QString topicAt(int row) const;
    void setSliceMs(int ms) { m_sliceMs = ms; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void filterError(const QString &message);
    void matchCountChanged(int count);
    void scanFinished();

private:
    void restartScan();
    void scanSlice();
    void checkNewTopics();
    void appendMatches(const QList<TopicNode *> &nodes);

    MessageStore *m_store;
    TopicFilter m_filter;
    QList<TopicNode *> m_rows;
    int m_scanPos = 0;      // next index into store->topics() to evaluate
    int m_sliceMs = 8;
    QTimer m_scanTimer;
    QTimer m_payloadRescan;
};
