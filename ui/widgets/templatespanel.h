#pragma once

#include "publishtemplate.h"

#include <QWidget>

class PublishPanel;
class QLabel;
class QMenu;
class QPushButton;
class QStackedLayout;
class QTimer;
class QToolButton;
class QTreeView;
class TemplateSendDelegate;
class TemplateStore;

// The "Templates" page of the publish composer: saved messages in groups. "Save current as
// template…" files what the composer holds; a double click loads a template back into the
// composer; the Send button on each row (or Send Now in the context menu) loads it and
// publishes it through PublishPanel::send(), so the outcome shows on the composer's result
// line like any send. Rename, duplicate, move (up, down, to another group, or by dragging),
// delete, JSON import and export. Templates are kept in QSettings and saved after every change.
class TemplatesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatesPanel(PublishPanel *composer, QWidget *parent = nullptr);
    ~TemplatesPanel() override;

    TemplateStore *store() const { return m_store; }
    QTreeView *view() const { return m_view; }
    TemplateSendDelegate *sendDelegate() const { return m_delegate; }

    // The composer's form as a template; false with *error (e.g. invalid hex).
    bool currentAsTemplate(PublishTemplate *out, QString *error) const;
    // Saves the composer's form as `name` in `group`. An existing template of that name is
    // replaced when `replace`, otherwise the new one gets a suffix. Invalid on failure (the
    // status line says why).
    QModelIndex saveCurrent(const QString &name, const QString &group, bool replace = false);
    // Puts the template into the composer and shows its Payload page.
    bool loadIntoComposer(const QModelIndex &index);
    // Puts the template into the composer and sends it; the composer's result line reports.
    bool sendTemplate(const QModelIndex &index);
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    QString statusText() const;
    // Writes pending changes to QSettings now (they are otherwise written on the next turn of
    // the event loop).
    void saveNow();

    QModelIndex currentTemplate() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void apply(const PublishTemplate &t); // into the composer's form
    void createActions();
    void updateActions();
    void updateEmptyState();
    void fitNameColumn();
    void showContextMenu(const QPoint &pos);
    void scheduleSave();
    void setStatus(const QString &text, bool failure);
    void select(const QModelIndex &index);
    void sendSelected();
    // The interactive versions, with dialogs.
    void askSaveCurrent();
    void askNewGroup();
    void askRename();
    void askMoveToGroup();
    void askDelete();
    void askImport();
    void askExport();
    QString suggestedName() const;

    PublishPanel *m_composer;
    TemplateStore *m_store;
    TemplateSendDelegate *m_delegate;
    QTreeView *m_view;
    QLabel *m_emptyHint;
    QStackedLayout *m_stack;
    QLabel *m_status;
    QTimer *m_saveTimer;
    QString m_lastGroup;

    QPushButton *m_saveButton = nullptr;
    QPushButton *m_loadButton = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
    QPushButton *m_moreButton = nullptr;
    QPushButton *m_fileButton = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_loadAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_newGroupAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
};
