#pragma once

#include <QDialog>

class QLineEdit;
class QMenuBar;
class QTreeWidget;

// Help > Keyboard Shortcuts: every menu command that has a shortcut, read from the menu bar
// (so the list cannot drift from what the keys do), and the keys that work inside views,
// grouped, with a filter box.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }
    // "Command\tShortcut" per row, for tests.
    QStringList rows() const;

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTreeWidget *m_table;
};
