#pragma once

#include <QTreeView>

// The topic tree's view. Under a flood every flush changes thousands of rows under thousands of
// parents; QTreeView::dataChanged looks each range up in its list of expanded rows (linear),
// which costs seconds per flush with a large expanded tree. Rows here have uniform heights and
// are never edited, so a changed range only needs a repaint of what is on screen: one viewport
// update, coalesced by Qt, whatever the number of ranges (the cost is proportional to the
// screen, not to the traffic).
class TopicTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit TopicTreeView(QWidget *parent = nullptr);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;

private:
    bool m_repaintQueued = false;
};
