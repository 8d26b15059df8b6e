#include "widgets/mainwindow.h"

#include "brokerurl.h"
#include "connection.h"
#include "profilestore.h"
#include "secretstore.h"
#include "widgets/connectiondialog.h"
#include "widgets/aboutdialog.h"
#include "widgets/connectionstatusbar.h"
#include "widgets/connectiontab.h"
#include "widgets/languagemenu.h"
#include "widgets/logconsole.h"
#include "widgets/packetinspector.h"
#include "sessionrecorder.h"
#include "widgets/publishpanel.h"
#include "widgets/sessionactions.h"
#include "widgets/shortcutsdialog.h"
#include "widgets/theme.h"
#include "widgets/topicdetails.h"
#include "widgets/topictree.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <memory>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_logDock(new QDockWidget(tr("Log"), this))
    , m_logs(new QStackedWidget(m_logDock))
    , m_statusBar(new ConnectionStatusBar(this))
    , m_publishDock(new QDockWidget(tr("Publish"), this))
    , m_publishPanel(new PublishPanel(m_publishDock))
    , m_packetDock(new QDockWidget(tr("Packet Inspector"), this))
    , m_packetInspector(new PacketInspector(m_packetDock))
    , m_profiles(new ProfileStore(this))
    , m_secrets(new SecretStore(QStringLiteral("mqtt-inspector"), this))
{
    {
        QSettings settings;
        m_profileErrors = m_profiles->load(settings);
    }
    setWindowTitle(tr("MQTT Inspector"));
    m_tabs->setObjectName(QStringLiteral("connectionTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logs);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    // The composer follows the current tab; hidden until asked for (a saved state may show it).
    m_publishDock->setObjectName(QStringLiteral("publishDock"));
    m_publishDock->setWidget(m_publishPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_publishDock);
    m_publishDock->hide();
    // The packet inspector shares the bottom area with the log; hidden until asked for.
    m_packetDock->setObjectName(QStringLiteral("packetDock"));
    m_packetDock->setWidget(m_packetInspector);
    addDockWidget(Qt::BottomDockWidgetArea, m_packetDock);
    tabifyDockWidget(m_logDock, m_packetDock);
    m_packetDock->hide();
    statusBar()->addWidget(m_statusBar, 1);
    statusBar()->setSizeGripEnabled(true);

    createActions();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    resize(1280, 800);
    // A first start gives the panes room: the log is a strip until the user makes it larger.
    resizeDocks({m_logDock}, {110}, Qt::Vertical);
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newConnection = file->addAction(tr("&New Connection…"), this,
                                             &MainWindow::promptNewConnection);
    newConnection->setShortcut(QKeySequence::New);
    m_sessionActions = new SessionActions(this);
    m_sessionActions->addTo(file);
    file->addSeparator();
    file->addAction(tr("&Close Tab"), QKeySequence::Close, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    m_connectAction = connection->addAction(tr("&Connect"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->connection()->connectToBroker();
    });
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_disconnectAction = connection->addAction(tr("&Disconnect"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->connection()->disconnectFromBroker();
    });
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connection->addSeparator();
    m_newPaneAction = connection->addAction(tr("New &Pane…"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->promptNewPane();
    });
    m_newPaneAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    QAction *focusFilter = connection->addAction(tr("&Filter Topics"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->topicTree()->focusFilter();
    });
    focusFilter->setShortcut(QKeySequence::Find);
    connection->addSeparator();
    m_publishAction = connection->addAction(tr("P&ublish…"), this, [this] { showPublish(); });
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));

    // The tree's context menu, for the keyboard: what it does for the current topic.
    QMenu *topicMenu = menuBar()->addMenu(tr("&Topic"));
    const auto onTree = [this](auto command) {
        return [this, command] {
            if (ConnectionTab *tab = currentTab())
                (tab->topicTree()->*command)();
        };
    };
    QAction *copyTopic = topicMenu->addAction(tr("&Copy Topic"), this, onTree(&TopicTree::copyCurrentTopic));
    copyTopic->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *copyPayload = topicMenu->addAction(tr("Copy &Payload"), this,
                                                onTree(&TopicTree::copyCurrentPayload));
    copyPayload->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    topicMenu->addSeparator();
    QAction *watch = topicMenu->addAction(tr("&Watch in a New Pane"), this, onTree(&TopicTree::watchCurrent));
    watch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction *publishTo = topicMenu->addAction(tr("Publish to &This Topic…"), this,
                                              onTree(&TopicTree::publishToCurrent));
    publishTo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QAction *deleteRetained = topicMenu->addAction(tr("&Delete Retained…"), this,
                                                   onTree(&TopicTree::deleteCurrentRetained));
    deleteRetained->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    topicMenu->addSeparator();
    QAction *previous = topicMenu->addAction(tr("P&revious Message"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->details()->showPreviousMessage();
    });
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    QAction *next = topicMenu->addAction(tr("&Next Message"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->details()->showNextMessage();
    });
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_topicActions = {copyTopic, copyPayload, watch, publishTo, deleteRetained, previous, next};

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *logToggle = m_logDock->toggleViewAction();
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(logToggle);
    QAction *publishToggle = m_publishDock->toggleViewAction();
    publishToggle->setText(tr("Publish Dock"));
    view->addAction(publishToggle);
    QAction *packetToggle = m_packetDock->toggleViewAction();
    packetToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    view->addAction(packetToggle);
    // Shown from the menu: in front of the log it shares the bottom area with.
    connect(packetToggle, &QAction::triggered, this, [this](bool on) {
        if (on)
            m_packetDock->raise();
    });
    // The bottom area starts as a strip for the log: a table with its details needs more.
    connect(m_packetDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        const int wanted = qMax(320, height() * 2 / 5);
        if (visible && !m_packetDock->isFloating() && m_packetDock->height() < wanted * 3 / 4)
            resizeDocks({m_packetDock}, {wanted}, Qt::Vertical);
    });
    view->addSeparator();
    QAction *nextArea = view->addAction(tr("Next &Area"), this, [this] { focusNextArea(true); });
    nextArea->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previousArea = view->addAction(tr("Previous A&rea"), this, [this] { focusNextArea(false); });
    previousArea->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    QAction *nextTab = view->addAction(tr("Next &Connection Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    nextTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QAction *previousTab = view->addAction(tr("Previous Connection &Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previousTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    view->addSeparator();
    QMenu *themeMenu = view->addMenu(tr("T&heme"));
    auto *themes = new QActionGroup(this);
    const QList<QPair<Theme::Mode, QString>> modes = {{Theme::Mode::System, tr("&System")},
                                                      {Theme::Mode::Light, tr("&Light")},
                                                      {Theme::Mode::Dark, tr("&Dark")}};
    for (const auto &[mode, label] : modes) {
        QAction *action = themeMenu->addAction(label);
        action->setObjectName(QStringLiteral("theme-") + Theme::settingsName(mode));
        action->setCheckable(true);
        action->setChecked(Theme::current() == mode);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [mode] {
            Theme::apply(mode);
            Theme::save(mode);
        });
    }
    view->addMenu(new LanguageMenu(view));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("&About MQTT Inspector"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(newConnection);
    toolbar->addSeparator();
    toolbar->addAction(m_connectAction);
    toolbar->addAction(m_disconnectAction);
    toolbar->addSeparator();
    toolbar->addAction(m_newPaneAction);
    toolbar->addAction(m_publishAction);
    toolbar->addSeparator();
    toolbar->addAction(m_sessionActions->recordAction());
}

ConnectionTab *MainWindow::addConnection(const ConnectionSettings &settings, bool connectNow)
{
    auto *connection = new Connection(settings);
    auto *tab = new ConnectionTab(connection, m_tabs);
    if (!m_tabLayout.isEmpty())
        tab->restoreLayout(m_tabLayout);
    m_logs->addWidget(tab->logConsole());
    const int index = m_tabs->addTab(tab, settings.displayName());
    m_tabs->setTabToolTip(index, settings.displayUrl());
    m_tabs->setCurrentIndex(index);
    connect(connection, &Connection::statusChanged, this, &MainWindow::updateActions);
    connect(connection->recorder(), &SessionRecorder::stopped, this, &MainWindow::updateActions);
    m_sessionActions->watch(connection);
    connect(tab->topicTree(), &TopicTree::publishRequested, this, &MainWindow::showPublish);
    restorePanes(tab);
    if (connectNow)
        connection->connectToBroker();
    return tab;
}

ConnectionTab *MainWindow::currentTab() const
{
    return qobject_cast<ConnectionTab *>(m_tabs->currentWidget());
}

ConnectionTab *MainWindow::tabAt(int index) const
{
    return qobject_cast<ConnectionTab *>(m_tabs->widget(index));
}

void MainWindow::closeTab(int index)
{
    ConnectionTab *tab = tabAt(index);
    if (!tab)
        return;
    m_tabLayout = tab->saveLayout();
    savePanes(tab);
    m_tabs->removeTab(index);
    // Deleting the tab deletes its Connection: the client disconnects, nothing else is touched.
    delete tab;
    updateActions();
}

ConnectionDialog *MainWindow::promptNewConnection()
{
    auto *dialog = new ConnectionDialog(m_profiles, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_profileErrors.isEmpty()) {
        dialog->setNotice(tr("Some saved profiles are damaged and were not loaded:\n%1")
                                  .arg(m_profileErrors.join(QLatin1Char('\n'))));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openProfile(dialog->acceptedProfile()); });
    dialog->open();
    return dialog;
}

void MainWindow::openProfile(const ConnectionProfile &profile)
{
    const QString passwordKey = SecretStore::passwordKey(profile.id);
    const QString passphraseKey = SecretStore::keyPassphraseKey(profile.id);
    QSet<QString> wanted;
    if (profile.savePassword && profile.password.isEmpty())
        wanted.insert(passwordKey);
    if (profile.saveKeyPassphrase && profile.keyPassphrase.isEmpty())
        wanted.insert(passphraseKey);
    if (wanted.isEmpty()) {
        addConnection(profile.toSettings());
        return;
    }
    // The keychain answers asynchronously; the tab opens once both secrets are in (or not).
    struct Pending
    {
        ConnectionProfile profile;
        QSet<QString> wanted;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>(Pending{profile, wanted, {}});
    auto *context = new QObject(this);
    connect(m_secrets, &SecretStore::readFinished, context,
            [this, context, pending, passwordKey](const QString &key, SecretStore::Result result,
                                                  const QByteArray &secret, const QString &message) {
                if (!pending->wanted.remove(key))
                    return;
                if (result == SecretStore::Result::Ok)
                    (key == passwordKey ? pending->profile.password : pending->profile.keyPassphrase) = secret;
                else
                    pending->problems << message;
                if (!pending->wanted.isEmpty())
                    return;
                context->deleteLater();
                ConnectionTab *tab = addConnection(pending->profile.toSettings());
                for (const QString &problem : std::as_const(pending->problems))
                    tab->connection()->log(tr("Keychain: %1").arg(problem), mqtt::LogLevel::Warning);
            });
    for (const QString &key : std::as_const(wanted))
        m_secrets->read(key);
}

int MainWindow::openLaunchProfiles()
{
    int opened = 0;
    for (const ConnectionProfile &profile : m_profiles->profiles()) {
        if (profile.connectAtLaunch) {
            openProfile(profile);
            ++opened;
        }
    }
    return opened;
}

void MainWindow::onCurrentTabChanged(int index)
{
    ConnectionTab *tab = tabAt(index);
    m_statusBar->setConnection(tab ? tab->connection() : nullptr);
    m_publishPanel->setConnection(tab ? tab->connection() : nullptr);
    m_packetInspector->setConnection(tab ? tab->connection() : nullptr);
    if (tab)
        m_logs->setCurrentWidget(tab->logConsole());
    setWindowTitle(tab ? tr("%1 — MQTT Inspector").arg(tab->connection()->settings().displayName())
                       : tr("MQTT Inspector"));
    updateActions();
}

void MainWindow::updateActions()
{
    ConnectionTab *tab = currentTab();
    const Connection::Status status = tab ? tab->connection()->status() : Connection::Status::Disconnected;
    const bool active = status == Connection::Status::Connected || status == Connection::Status::Connecting;
    const bool offline = tab && tab->connection()->isOffline();
    m_connectAction->setEnabled(tab && !active && !offline);
    m_disconnectAction->setEnabled(tab && (active || status == Connection::Status::Lost
                                           || status == Connection::Status::Refused));
    m_newPaneAction->setEnabled(tab != nullptr);
    m_publishAction->setEnabled(tab != nullptr);
    for (QAction *action : std::as_const(m_topicActions))
        action->setEnabled(tab != nullptr);
    if (m_sessionActions)
        m_sessionActions->updateActions();
}

void MainWindow::focusNextArea(bool forward)
{
    // The areas in reading order: tree, details, panes, then the docks that are shown.
    QList<QWidget *> areas;
    if (ConnectionTab *tab = currentTab()) {
        areas << tab->topicTree() << tab->details() << tab->paneTabs();
    }
    if (m_publishDock->isVisible())
        areas << m_publishPanel;
    if (m_logDock->isVisible())
        areas << m_logs;
    if (m_packetDock->isVisible())
        areas << m_packetInspector;
    if (areas.isEmpty())
        return;
    int current = -1;
    for (int i = 0; i < areas.size(); ++i) {
        if (areas.at(i)->isAncestorOf(QApplication::focusWidget()) || areas.at(i) == QApplication::focusWidget())
            current = i;
    }
    const int n = int(areas.size());
    const int target = current < 0 ? 0 : (current + (forward ? 1 : n - 1)) % n;
    QWidget *area = areas.at(target);
    // The area's own first focusable child (its proxy when it has one).
    QWidget *focus = area->focusProxy() ? area->focusProxy() : area;
    if (focus->focusPolicy() == Qt::NoFocus) {
        focus = area->nextInFocusChain();
        while (focus && focus != area && !(area->isAncestorOf(focus) && focus->isVisible()
                                           && focus->focusPolicy() != Qt::NoFocus))
            focus = focus->nextInFocusChain();
    }
    if (focus)
        focus->setFocus(Qt::TabFocusReason);
}

void MainWindow::showPublish(const QString &topic)
{
    if (!topic.isEmpty())
        m_publishPanel->setTopic(topic);
    m_publishDock->show();
    m_publishDock->raise();
    m_publishPanel->focusTopic();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (ConnectionTab *tab = currentTab())
        settings.setValue(QStringLiteral("window/tabLayout"), tab->saveLayout());
    for (int i = 0; i < m_tabs->count(); ++i)
        savePanes(tabAt(i));
}

namespace {

QString panesKey(const Connection *connection)
{
    // Per broker: the same URL gets its panes back, another broker does not.
    return QStringLiteral("panes/") + QString::fromLatin1(
            connection->settings().displayUrl().toUtf8().toPercentEncoding());
}

} // namespace

void MainWindow::savePanes(ConnectionTab *tab) const
{
    const Connection *connection = tab ? tab->connection() : nullptr;
    if (!connection || connection->isOffline() || connection->settings().host.isEmpty())
        return;
    QVariantList panes;
    for (const Connection::PaneSpec &spec : connection->paneSpecs())
        panes << QVariantMap{{QStringLiteral("filter"), spec.filter},
                             {QStringLiteral("qos"), spec.qos},
                             {QStringLiteral("subscribe"), spec.subscribe}};
    QSettings().setValue(panesKey(connection), panes);
}

void MainWindow::restorePanes(ConnectionTab *tab)
{
    const Connection *connection = tab->connection();
    if (connection->settings().host.isEmpty())
        return; // an opened session file's tab
    const QVariantList panes = QSettings().value(panesKey(connection)).toList();
    for (const QVariant &value : panes) {
        const QVariantMap pane = value.toMap();
        tab->openPane(pane.value(QStringLiteral("filter")).toString(),
                      qBound(0, pane.value(QStringLiteral("qos")).toInt(), 2),
                      pane.value(QStringLiteral("subscribe")).toBool());
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabLayout = settings.value(QStringLiteral("window/tabLayout")).toByteArray();
}
