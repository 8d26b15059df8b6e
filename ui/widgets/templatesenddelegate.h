#pragma once

#include <QStyledItemDelegate>

// Paints a "Send" push button at the right end of each template row of the templates tree
// and reports a click on it, so that a saved message goes out with one click and without
// selecting it first. Group rows (no parent) get no button.
class TemplateSendDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TemplateSendDelegate(QObject *parent = nullptr);

    // Where the button of a cell with this option is drawn (empty for group rows).
    QRect buttonRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

Q_SIGNALS:
    void sendClicked(const QModelIndex &index);

private:
    QSize buttonSize(const QStyleOptionViewItem &option) const;

    QPersistentModelIndex m_pressed; // a press on a button, until its release
};
