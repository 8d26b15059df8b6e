#include "widgets/topictreeview.h"

TopicTreeView::TopicTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setUniformRowHeights(true);
}

void TopicTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                const QList<int> &roles)
{
    Q_UNUSED(topLeft)
    Q_UNUSED(bottomRight)
    Q_UNUSED(roles)
    viewport()->update();
}
