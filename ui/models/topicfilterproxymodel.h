#pragma once

#include "topicfilter.h"

#include <QList>
#include <QSortFilterProxyModel>
#include <QTimer>

class TopicTreeModel;
struct TopicNode;

// Filters and sorts the topic tree. A new filter is evaluated incrementally over the store's
// topics in time slices (a few ms per event-loop turn), marking matching topics and their
// ancestors (TopicNode::filterSerial); only when the scan is complete does the view switch to
// the new result (one invalidateFilter). filterAcceptsRow() is then O(1) per row, so typing
// stays responsive at 100k+ topics. Topics that arrive later are evaluated as they are
// inserted (a match under a hidden ancestor shows within about a second). Payload filters
// look at the last payload when the scan or the insert sees the topic. TopicNode::filterSerial
// is one field per node: one filter proxy per store. Sorting: by name (natural order, case
// insensitive), messages or rate, via TopicTreeModel::SortRole.
class TopicFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopicFilterProxyModel(QObject *parent = nullptr);
    ~TopicFilterProxyModel() override;

    void setTreeModel(TopicTreeModel *model);
    TopicTreeModel *treeModel() const { return m_tree; }

    // Starts evaluating; an invalid filter is refused (filterError) and the old one stays.
    void setTopicFilter(const TopicFilter &filter);
    TopicFilter topicFilter() const { return m_filter; }
    bool isScanning() const;
    // Topics matching the current filter (all topics when the filter is empty).
    int matchCount() const { return m_matchCount; }
    // Milliseconds of work per event-loop turn while scanning.
    void setSliceMs(int ms);

Q_SIGNALS:
    void filterError(const QString &message);
    void scanProgress(int done, int total);
    void matchCountChanged(int count);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void scanSlice();
    void finishScan();
    void restartScan();
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    bool evaluateNew(TopicNode *node);
    void markMatch(TopicNode *node, quint32 serial);
public:
    // Natural, case-insensitive order: "Sensor2" < "sensor10". Negative, 0 or positive.
    static int naturalCompare(QStringView a, QStringView b);
private:

    TopicTreeModel *m_tree = nullptr;
    TopicFilter m_filter;
    TopicFilter m_pendingFilter;
    quint32 m_serial = 0;        // serial of the filter in force
    quint32 m_pendingSerial = 0; // serial being scanned
    int m_scanPos = 0;
    int m_pendingCount = 0;
    int m_matchCount = 0;
    int m_sliceMs = 8;
    QTimer m_scanTimer;
    QList<TopicNode *> m_scanMatches; // marked only when the scan completes
    QTimer m_refilterTimer;           // coalesces re-filtering for matches under hidden rows
    QMetaObject::Connection m_flushedConnection;
};
