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
    // Thousands of ranges arrive in one flush; even update() costs a walk to the window each.
    if (m_repaintQueued)
        return;
    m_repaintQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_repaintQueued = false;
        viewport()->update();
    }, Qt::QueuedConnection);
}
