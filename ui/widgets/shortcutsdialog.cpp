#include "widgets/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

void addMenu(QTreeWidget *table, const QMenu *menu, const QString &group)
{
    QTreeWidgetItem *groupItem = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->menu()) {
            addMenu(table, action->menu(), group + QStringLiteral(" › ") + plainText(action->text()));
            continue;
        }
        if (action->isSeparator() || action->shortcut().isEmpty())
            continue;
        if (!groupItem) {
            groupItem = new QTreeWidgetItem(table, {group});
            groupItem->setFirstColumnSpanned(true);
        }
        auto *item = new QTreeWidgetItem(groupItem, {plainText(action->text()),
                                                     action->shortcut().toString(QKeySequence::NativeText)});
        item->setToolTip(0, action->toolTip());
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent), m_filter(new QLineEdit(this)), m_table(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setPlaceholderText(tr("Filter commands and keys"));
    m_filter->setAccessibleName(tr("Filter shortcuts"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    for (QAction *action : menuBar->actions()) {
        if (action->menu())
            addMenu(m_table, action->menu(), plainText(action->text()));
    }
    // Keys the views handle themselves (no menu command carries them).
    const QList<QPair<QString, QString>> inViews = {
        {tr("Send the composed message (Publish dock)"), tr("Ctrl+Enter")},
        {tr("Move between areas of the window"), tr("Tab, Shift+Tab")},
        {tr("Next / previous pane or details page"), tr("Ctrl+Tab, Ctrl+Shift+Tab")},
        {tr("Expand / collapse a tree level"), tr("Right, Left")},
        {tr("Open the context menu of a row"), tr("Menu, Shift+F10")},
        {tr("Rename a template (Templates page)"), tr("F2")},
    };
    auto *viewsGroup = new QTreeWidgetItem(m_table, {tr("In views")});
    viewsGroup->setFirstColumnSpanned(true);
    for (const auto &[what, keys] : inViews)
        new QTreeWidgetItem(viewsGroup, {what, keys});
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_table->topLevelItem(i);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
    }
    m_table->expandAll();
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(false);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    resize(560, 640);
}

QStringList ShortcutsDialog::rows() const
{
    QStringList result;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_table->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            result << group->child(j)->text(0) + QLatin1Char('\t') + group->child(j)->text(1);
    }
    return result;
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_table->topLevelItem(i);
        int shown = 0;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                || item->text(1).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}
