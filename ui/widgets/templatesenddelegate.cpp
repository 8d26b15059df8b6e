#include "widgets/templatesenddelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionButton>

namespace {

bool hasButton(const QModelIndex &index)
{
    return index.isValid() && index.parent().isValid();
}

} // namespace

TemplateSendDelegate::TemplateSendDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize TemplateSendDelegate::buttonSize(const QStyleOptionViewItem &option) const
{
    QStyleOptionButton button;
    button.text = tr("Send");
    button.fontMetrics = option.fontMetrics;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    // The style's minimum push button width (75 px in Fusion) would take half a narrow dock.
    const QSize text = option.fontMetrics.size(Qt::TextShowMnemonic, button.text);
    QSize size = style->sizeFromContents(QStyle::CT_PushButton, &button, text, option.widget);
    size.setWidth(text.width() + 2 * option.fontMetrics.horizontalAdvance(QLatin1Char('x')) + 8);
    return size;
}

QRect TemplateSendDelegate::buttonRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!hasButton(index))
        return {};
    const QSize size = buttonSize(option);
    const int height = qMin(size.height(), option.rect.height() - 2);
    QRect rect(0, 0, size.width(), height);
    rect.moveCenter(option.rect.center());
    rect.moveRight(option.rect.right() - 2);
    return rect;
}

void TemplateSendDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect button = buttonRect(option, index);
    if (button.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    // The selection runs under the button too; the topic elides before it.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    QStyleOptionViewItem textOption = option;
    textOption.rect.setRight(button.left() - 4);
    QStyledItemDelegate::paint(painter, textOption, index);
    QStyleOptionButton opt;
    opt.rect = button;
    opt.text = tr("Send");
    opt.fontMetrics = option.fontMetrics;
    opt.palette = option.palette;
    opt.state = QStyle::State_Enabled | QStyle::State_Raised;
    if (m_pressed == index)
        opt.state |= QStyle::State_Sunken;
    else if (option.state & QStyle::State_MouseOver)
        opt.state |= QStyle::State_MouseOver;
    style->drawControl(QStyle::CE_PushButton, &opt, painter, option.widget);
}

QSize TemplateSendDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (hasButton(index)) {
        const QSize button = buttonSize(option);
        size.setHeight(qMax(size.height(), button.height() + 2));
        size.setWidth(size.width() + button.width() + 6);
    }
    return size;
}

bool TemplateSendDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                       const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QRect button = buttonRect(option, index);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && button.contains(mouse->position().toPoint())) {
            m_pressed = index;
            return true; // a double click on the button sends twice, it does not load
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool clicked = m_pressed.isValid() && m_pressed == index
                             && button.contains(mouse->position().toPoint());
        const bool wasPressed = m_pressed.isValid();
        m_pressed = QPersistentModelIndex();
        if (clicked)
            Q_EMIT sendClicked(index);
        if (clicked || wasPressed)
            return true;
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}
