#include "widgets/templatespanel.h"

#include "connection.h"
#include "previewtext.h"
#include "templatestore.h"
#include "widgets/palettecolors.h"
#include "widgets/publishpanel.h"
#include "widgets/savetemplatedialog.h"
#include "widgets/templatesenddelegate.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

Q_LOGGING_CATEGORY(lcTemplatesPanel, "mqtt.ui.templates.panel", QtWarningMsg)

// The composer's modes and the template's are the same list; a template stores it by name.
static_assert(int(PublishPanel::Auto) == int(PublishTemplate::EditorMode::Auto)
              && int(PublishPanel::Text) == int(PublishTemplate::EditorMode::Text)
              && int(PublishPanel::Json) == int(PublishTemplate::EditorMode::Json)
              && int(PublishPanel::Xml) == int(PublishTemplate::EditorMode::Xml)
              && int(PublishPanel::Hex) == int(PublishTemplate::EditorMode::Hex));

} // namespace

TemplatesPanel::TemplatesPanel(PublishPanel *composer, QWidget *parent)
    : QWidget(parent)
    , m_composer(composer)
    , m_store(new TemplateStore(this))
    , m_delegate(new TemplateSendDelegate(this))
    , m_view(new QTreeView(this))
    , m_emptyHint(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_status(new QLabel(this))
    , m_saveTimer(new QTimer(this))
{
    {
        QSettings settings;
        m_store->load(settings);
    }

    m_view->setObjectName(QStringLiteral("templatesView"));
    m_view->setAccessibleName(tr("Saved templates"));
    m_view->setModel(m_store);
    m_view->setItemDelegateForColumn(TemplateStore::TopicColumn, m_delegate);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // Rename… reports a taken name
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true); // the Send buttons' hover
    m_view->setAllColumnsShowFocus(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove); // reorder and regroup by dragging
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(TemplateStore::NameColumn, QHeaderView::Interactive);
    m_view->setToolTip(tr("Double-click to load a template into the composer; Send publishes it; "
                          "drag to reorder or move to another group"));
    m_view->expandAll();

    m_emptyHint->setObjectName(QStringLiteral("templatesEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setMargin(12);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setText(tr("No templates yet.\n\nFill in the composer, then click “Save current as "
                            "template…” to keep the message for later, or import a JSON file of "
                            "templates."));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyHint);

    m_status->setObjectName(QStringLiteral("templatesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    createActions();

    m_saveButton = new QPushButton(tr("Save current as template…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveTemplateButton"));
    m_saveButton->setToolTip(tr("Keep the composer's topic, payload, QoS, retain and properties"));
    // Push buttons with a menu: they leave room for the menu arrow, tool buttons draw it over
    // the text.
    m_fileButton = new QPushButton(tr("Import / Export"), this);
    m_fileButton->setObjectName(QStringLiteral("templatesFileButton"));
    auto *fileMenu = new QMenu(m_fileButton);
    fileMenu->addAction(m_importAction);
    fileMenu->addAction(m_exportAction);
    m_fileButton->setMenu(fileMenu);
    auto *topRow = new QHBoxLayout;
    topRow->setContentsMargins(0, 0, 0, 0);
    topRow->addWidget(m_saveButton);
    topRow->addStretch(1);
    topRow->addWidget(m_fileButton);

    // No Send here: each row has one, and a third "Send" next to the composer's would be
    // ambiguous.
    m_loadButton = new QPushButton(tr("Load into Composer"), this);
    m_loadButton->setObjectName(QStringLiteral("loadTemplateButton"));
    m_loadButton->setToolTip(m_loadAction->toolTip());
    m_upButton = new QToolButton(this);
    m_upButton->setObjectName(QStringLiteral("templateUpButton"));
    m_upButton->setDefaultAction(m_upAction);
    m_upButton->setArrowType(Qt::UpArrow);
    m_downButton = new QToolButton(this);
    m_downButton->setObjectName(QStringLiteral("templateDownButton"));
    m_downButton->setDefaultAction(m_downAction);
    m_downButton->setArrowType(Qt::DownArrow);
    m_moreButton = new QPushButton(tr("Edit"), this);
    m_moreButton->setObjectName(QStringLiteral("templateMoreButton"));
    auto *editMenu = new QMenu(m_moreButton);
    editMenu->addAction(m_renameAction);
    editMenu->addAction(m_duplicateAction);
    editMenu->addAction(m_moveAction);
    editMenu->addAction(m_newGroupAction);
    editMenu->addSeparator();
    editMenu->addAction(m_deleteAction);
    m_moreButton->setMenu(editMenu);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->setContentsMargins(0, 0, 0, 0);
    bottomRow->addWidget(m_loadButton);
    bottomRow->addStretch(1);
    bottomRow->addWidget(m_upButton);
    bottomRow->addWidget(m_downButton);
    bottomRow->addWidget(m_moreButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(topRow);
    layout->addLayout(m_stack, 1);
    layout->addLayout(bottomRow);
    layout->addWidget(m_status);

    connect(m_saveButton, &QPushButton::clicked, this, &TemplatesPanel::askSaveCurrent);
    connect(m_loadButton, &QPushButton::clicked, m_loadAction, &QAction::trigger);
    connect(m_delegate, &TemplateSendDelegate::sendClicked, this, [this](const QModelIndex &index) {
        select(index);
        sendTemplate(index);
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_store->isTemplate(index))
            loadIntoComposer(index);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &TemplatesPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TemplatesPanel::updateActions);

    // Every change is written on the next turn of the event loop: an import of many
    // templates writes once, and nothing is lost when the window closes right after.
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(0);
    connect(m_saveTimer, &QTimer::timeout, this, &TemplatesPanel::saveNow);
    connect(m_store, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid()) {
            for (int row = first; row <= last; ++row)
                m_view->expand(m_store->index(row, 0));
        }
        fitNameColumn();
        scheduleSave();
    });
    connect(m_store, &QAbstractItemModel::rowsRemoved, this, &TemplatesPanel::scheduleSave);
    connect(m_store, &QAbstractItemModel::rowsMoved, this, &TemplatesPanel::scheduleSave);
    connect(m_store, &QAbstractItemModel::dataChanged, this, [this] {
        fitNameColumn();
        scheduleSave();
    });
    connect(m_store, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        fitNameColumn();
        scheduleSave();
    });

    fitNameColumn();
    updateEmptyState();
    updateActions();
}

TemplatesPanel::~TemplatesPanel()
{
    if (m_saveTimer->isActive())
        saveNow();
}

void TemplatesPanel::createActions()
{
    const auto make = [this](const QString &text, const QString &tip, void (TemplatesPanel::*slot)()) {
        auto *action = new QAction(text, this);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_sendAction = make(tr("Send Now"), tr("Publish the template"), &TemplatesPanel::sendSelected);
    m_sendAction->setObjectName(QStringLiteral("sendTemplateAction"));
    m_loadAction = new QAction(tr("Load into Composer"), this);
    m_loadAction->setToolTip(tr("Put the template into the composer to edit it before sending"));
    connect(m_loadAction, &QAction::triggered, this, [this] { loadIntoComposer(currentTemplate()); });
    m_renameAction = make(tr("Rename…"), tr("Rename the template or group"), &TemplatesPanel::askRename);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_duplicateAction = new QAction(tr("Duplicate"), this);
    m_duplicateAction->setToolTip(tr("A copy right below, to change a little"));
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        const QModelIndex copy = m_store->duplicate(currentTemplate());
        if (copy.isValid())
            select(copy);
    });
    m_moveAction = make(tr("Move to Group…"), tr("File the template in another group"), &TemplatesPanel::askMoveToGroup);
    m_upAction = new QAction(tr("Move Up"), this);
    m_upAction->setToolTip(tr("Move up (Ctrl+Up)"));
    m_upAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    connect(m_upAction, &QAction::triggered, this, [this] {
        const QPersistentModelIndex current(m_view->currentIndex().siblingAtColumn(0));
        if (m_store->moveUp(current))
            select(current);
    });
    m_downAction = new QAction(tr("Move Down"), this);
    m_downAction->setToolTip(tr("Move down (Ctrl+Down)"));
    m_downAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    connect(m_downAction, &QAction::triggered, this, [this] {
        const QPersistentModelIndex current(m_view->currentIndex().siblingAtColumn(0));
        if (m_store->moveDown(current))
            select(current);
    });
    m_deleteAction = make(tr("Delete…"), tr("Delete the template or group"), &TemplatesPanel::askDelete);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_newGroupAction = make(tr("New Group…"), tr("A group to file templates in"), &TemplatesPanel::askNewGroup);
    m_importAction = make(tr("Import…"), tr("Add the templates of a JSON file"), &TemplatesPanel::askImport);
    m_exportAction = make(tr("Export…"), tr("Write all templates to a JSON file"), &TemplatesPanel::askExport);
    // The shortcuts act while the tree has focus, not anywhere in the window.
    for (QAction *action : {m_renameAction, m_upAction, m_downAction, m_deleteAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
}

void TemplatesPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool isTemplate = m_store->isTemplate(current);
    const bool any = current.isValid();
    m_sendAction->setEnabled(isTemplate);
    m_loadAction->setEnabled(isTemplate);
    m_loadButton->setEnabled(isTemplate);
    m_duplicateAction->setEnabled(isTemplate);
    m_moveAction->setEnabled(isTemplate);
    m_renameAction->setEnabled(any);
    m_deleteAction->setEnabled(any);
    m_upAction->setEnabled(any && current.row() > 0);
    m_downAction->setEnabled(any && current.row() + 1 < m_store->rowCount(current.parent()));
    m_exportAction->setEnabled(m_store->groupCount() > 0);
}

void TemplatesPanel::fitNameColumn()
{
    // Names in full, but the topics (and their Send buttons) keep at least half the width.
    const int x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_view->resizeColumnToContents(TemplateStore::NameColumn);
    const int fitted = qBound(x * 14, m_view->columnWidth(TemplateStore::NameColumn) + x, qMax(x * 14, width() / 2));
    m_view->setColumnWidth(TemplateStore::NameColumn, fitted);
}

void TemplatesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitNameColumn(); // the width is known only now
}

void TemplatesPanel::updateEmptyState()
{
    m_stack->setCurrentWidget(m_store->groupCount() == 0 ? static_cast<QWidget *>(m_emptyHint) : m_view);
}

void TemplatesPanel::scheduleSave()
{
    updateEmptyState();
    updateActions();
    m_saveTimer->start();
}

void TemplatesPanel::saveNow()
{
    m_saveTimer->stop();
    QSettings settings;
    m_store->save(settings);
    qCDebug(lcTemplatesPanel) << "saved" << m_store->templateCount() << "templates to" << settings.fileName();
}

void TemplatesPanel::setStatus(const QString &text, bool failure)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, failure ? PaletteColors::error(palette()) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
}

QString TemplatesPanel::statusText() const
{
    return m_status->text();
}

void TemplatesPanel::select(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index.siblingAtColumn(0));
    m_view->scrollTo(index);
    updateActions();
}

QModelIndex TemplatesPanel::currentTemplate() const
{
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    return m_store->isTemplate(current) ? current : QModelIndex();
}

bool TemplatesPanel::currentAsTemplate(PublishTemplate *out, QString *error) const
{
    PublishTemplate t;
    t.topic = m_composer->topic();
    if (!m_composer->payload(&t.payload, error))
        return false;
    t.qos = m_composer->qos();
    t.retain = m_composer->retain();
    t.mode = PublishTemplate::EditorMode(int(m_composer->mode()));
    mqtt::Properties props;
    if (!m_composer->formProperties(&props, error))
        return false;
    t.setProperties(props);
    t.correlationHex = m_composer->correlationHex();
    *out = t;
    return true;
}

QModelIndex TemplatesPanel::saveCurrent(const QString &name, const QString &group, bool replace)
{
    PublishTemplate t;
    QString error;
    if (!currentAsTemplate(&t, &error)) {
        setStatus(tr("Not saved: %1").arg(error), true);
        return {};
    }
    t.name = name.trimmed();
    t.group = group.trimmed().isEmpty() ? TemplateStore::defaultGroupName() : group.trimmed();
    QModelIndex index;
    if (const QModelIndex existing = m_store->findTemplate(t.group, t.name); existing.isValid() && replace) {
        m_store->updateTemplate(existing, t);
        index = existing;
    } else {
        index = m_store->addTemplate(t);
    }
    m_lastGroup = t.group;
    select(index);
    setStatus(tr("Saved “%1” in %2").arg(index.data().toString(), t.group), false);
    return index;
}

bool TemplatesPanel::loadIntoComposer(const QModelIndex &index)
{
    if (!m_store->isTemplate(index))
        return false;
    apply(m_store->templateAt(index));
    m_composer->sections()->setCurrentIndex(0); // to edit it: the payload
    return true;
}

void TemplatesPanel::apply(const PublishTemplate &t)
{
    m_composer->setTopic(t.topic);
    m_composer->setQos(t.qos);
    m_composer->setRetain(t.retain);
    // Empty first: switching modes converts the editor's current text, which may not be valid
    // in the new mode; an empty payload converts cleanly between all of them.
    m_composer->setPayload(QByteArray());
    m_composer->setMode(PublishPanel::Mode(int(t.effectiveMode())));
    m_composer->setPayload(t.payload);
    m_composer->setProperties(t.properties(), t.correlationHex);
}

bool TemplatesPanel::sendTemplate(const QModelIndex &index)
{
    if (!m_store->isTemplate(index))
        return false;
    // Through the composer's own path: the same checks, result line, round trip and history.
    apply(m_store->templateAt(index));
    qCDebug(lcTemplatesPanel) << "sending template" << index.data().toString();
    return m_composer->send();
}

void TemplatesPanel::sendSelected()
{
    const QModelIndex current = currentTemplate();
    if (current.isValid())
        sendTemplate(current);
}

bool TemplatesPanel::importFile(const QString &path)
{
    QString error;
    TemplateStore::ImportResult result;
    if (!m_store->importFile(path, &error, &result)) {
        setStatus(tr("Nothing imported. %1").arg(error), true);
        return false;
    }
    QString text = tr("Imported %1").arg(PreviewText::counted(result.added,
        QT_TRANSLATE_NOOP("PreviewText", "template"),
        QT_TRANSLATE_NOOP("PreviewText", "templates")));
    if (!result.renamed.isEmpty()) {
        text += tr("; names already taken were kept with a suffix: %1")
                    .arg(result.renamed.join(QStringLiteral(", ")));
    }
    setStatus(text, false);
    return true;
}

bool TemplatesPanel::exportFile(const QString &path)
{
    QString error;
    if (!m_store->exportFile(path, &error)) {
        setStatus(tr("Not exported. %1").arg(error), true);
        return false;
    }
    setStatus(tr("Exported %1 to %2").arg(PreviewText::counted(m_store->templateCount(),
        QT_TRANSLATE_NOOP("PreviewText", "template"),
        QT_TRANSLATE_NOOP("PreviewText", "templates")), path), false);
    return true;
}

QString TemplatesPanel::suggestedName() const
{
    // The topic's last level names the message well enough to start with ("set", "config").
    const QString topic = m_composer->topic();
    const QStringList levels = topic.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (levels.size() >= 2)
        return levels.mid(levels.size() - 2).join(QLatin1Char('/'));
    return topic;
}

void TemplatesPanel::askSaveCurrent()
{
    PublishTemplate probe;
    QString error;
    if (!currentAsTemplate(&probe, &error)) {
        setStatus(tr("Not saved: %1").arg(error), true);
        return;
    }
    QString group = m_lastGroup;
    if (const QModelIndex current = m_view->currentIndex(); current.isValid())
        group = current.data(TemplateStore::GroupNameRole).toString();
    if (group.isEmpty())
        group = m_store->groupCount() > 0 ? m_store->groupNames().constFirst() : TemplateStore::defaultGroupName();
    SaveTemplateDialog dialog(m_store->groupNames(), group, suggestedName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    bool replace = false;
    if (m_store->findTemplate(dialog.group(), dialog.name()).isValid()) {
        QMessageBox box(QMessageBox::Question, tr("Template Exists"),
                        tr("“%1” already has a template named “%2”.").arg(dialog.group(), dialog.name()),
                        QMessageBox::Cancel, this);
        QPushButton *replaceButton = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
        QPushButton *keepButton = box.addButton(tr("Keep Both"), QMessageBox::AcceptRole);
        box.setDefaultButton(keepButton);
        box.exec();
        if (box.clickedButton() != replaceButton && box.clickedButton() != keepButton)
            return;
        replace = box.clickedButton() == replaceButton;
    }
    saveCurrent(dialog.name(), dialog.group(), replace);
}

void TemplatesPanel::askNewGroup()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Group"), tr("Group name:"), QLineEdit::Normal,
                                               QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (m_store->groupIndex(name).isValid()) {
        setStatus(tr("A group named “%1” exists already").arg(name), true);
        select(m_store->groupIndex(name));
        return;
    }
    select(m_store->addGroup(name));
    setStatus(QString(), false);
}

void TemplatesPanel::askRename()
{
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    if (!current.isValid())
        return;
    const bool group = m_store->isGroup(current);
    bool ok = false;
    const QString name = QInputDialog::getText(this, group ? tr("Rename Group") : tr("Rename Template"),
                                               tr("New name:"), QLineEdit::Normal, current.data().toString(), &ok);
    if (!ok)
        return;
    QString error;
    if (!m_store->rename(current, name, &error))
        setStatus(tr("Not renamed: %1").arg(error), true);
    else
        setStatus(QString(), false);
}

void TemplatesPanel::askMoveToGroup()
{
    const QModelIndex current = currentTemplate();
    if (!current.isValid())
        return;
    bool ok = false;
    const QStringList groups = m_store->groupNames();
    const QString from = current.data(TemplateStore::GroupNameRole).toString();
    const QString group = QInputDialog::getItem(this, tr("Move to Group"),
                                                tr("Move “%1” to the group (pick one or type a new one):")
                                                    .arg(current.data().toString()),
                                                groups, int(groups.indexOf(from)), true, &ok).trimmed();
    if (!ok || group.isEmpty() || group == from)
        return;
    select(m_store->moveToGroup(current, group));
}

void TemplatesPanel::askDelete()
{
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    if (!current.isValid())
        return;
    QString question;
    if (m_store->isGroup(current)) {
        const int count = m_store->rowCount(current);
        question = count == 0 ? tr("Delete the empty group “%1”?").arg(current.data().toString())
                              : tr("Delete the group “%1” and its %2?")
                                    .arg(current.data().toString(), PreviewText::counted(count,
                                        QT_TRANSLATE_NOOP("PreviewText", "template"),
                                        QT_TRANSLATE_NOOP("PreviewText", "templates")));
    } else {
        question = tr("Delete the template “%1”?").arg(current.data().toString());
    }
    if (QMessageBox::question(this, tr("Delete"), question, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_store->remove(current);
}

void TemplatesPanel::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Templates"), QString(),
                                                      tr("Templates (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!importFile(path))
        QMessageBox::warning(this, tr("Import Templates"), statusText());
}

void TemplatesPanel::askExport()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Templates"), tr("mqtt-templates.json"),
                                                tr("Templates (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!exportFile(path))
        QMessageBox::warning(this, tr("Export Templates"), statusText());
}

void TemplatesPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        select(index);
    QMenu menu(this);
    if (m_store->isTemplate(index)) {
        menu.addAction(m_sendAction);
        menu.addAction(m_loadAction);
        menu.addSeparator();
        menu.addAction(m_renameAction);
        menu.addAction(m_duplicateAction);
        menu.addAction(m_moveAction);
        menu.addAction(m_upAction);
        menu.addAction(m_downAction);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
    } else if (m_store->isGroup(index)) {
        menu.addAction(m_renameAction);
        menu.addAction(m_upAction);
        menu.addAction(m_downAction);
        menu.addAction(m_newGroupAction);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
    } else {
        menu.addAction(m_newGroupAction);
        menu.addAction(m_importAction);
        menu.addAction(m_exportAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
