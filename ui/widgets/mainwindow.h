#pragma once

#include "connectionprofile.h"
#include "connectionsettings.h"

#include <QMainWindow>

class ConnectionDialog;
class ConnectionStatusBar;
class ConnectionTab;
class PacketInspector;
class ProfileStore;
class PublishPanel;
class SecretStore;
class QAction;
class SessionActions;
class QDockWidget;
class QStackedWidget;
class QTabWidget;

// The application window: one tab per broker connection (each a ConnectionTab owning its own
// client, store and models), the log of the current connection in a dock, and the connection's
// pulse in the status bar. Dock, splitter and header state are remembered with QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ConnectionTab *addConnection(const ConnectionSettings &settings, bool connectNow = true);
    ConnectionTab *currentTab() const;
    ConnectionTab *tabAt(int index) const;
    QTabWidget *tabs() const { return m_tabs; }
    ConnectionStatusBar *connectionStatusBar() const { return m_statusBar; }
    QDockWidget *logDock() const { return m_logDock; }
    QDockWidget *publishDock() const { return m_publishDock; }
    QDockWidget *packetDock() const { return m_packetDock; }
    PacketInspector *packetInspector() const { return m_packetInspector; }
    PublishPanel *publishPanel() const { return m_publishPanel; }
    // Open, Record, Export and Replay of session files.
    SessionActions *sessionActions() const { return m_sessionActions; }
    // Shows the Publish dock for the current connection, topic prefilled when given.
    void showPublish(const QString &topic = QString());
    void closeTab(int index);
    // Opens the connection dialog (profiles, the form, a "from URL" field); Connect opens a
    // tab for the chosen profile. Returns the dialog (window-modal, deletes itself on close).
    ConnectionDialog *promptNewConnection();
    // The saved profiles (loaded from QSettings at construction) and what was damaged in them.
    ProfileStore *profileStore() const { return m_profiles; }
    SecretStore *secretStore() const { return m_secrets; }
    QStringList profileLoadErrors() const { return m_profileErrors; }
    // Opens a tab for the profile; its saved secrets are read from the keychain first
    // (asynchronously). A secret the keychain cannot give is reported in the tab's log.
    void openProfile(const ConnectionProfile &profile);
    // Every profile marked "connect at launch"; returns how many.
    int openLaunchProfiles();
    // F6 / Shift+F6: focus the next (previous) area: tree, details, panes, Publish, Log.
    void focusNextArea(bool forward);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onCurrentTabChanged(int index);
    void updateActions();
    void saveSettings() const;
    // A broker's panes (filter, QoS, subscribed) are remembered per broker URL.
    void savePanes(ConnectionTab *tab) const;
    void restorePanes(ConnectionTab *tab);
    void restoreSettings();

    QTabWidget *m_tabs;
    QDockWidget *m_logDock;
    QStackedWidget *m_logs;
    ConnectionStatusBar *m_statusBar;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_newPaneAction = nullptr;
    QAction *m_publishAction = nullptr;
    SessionActions *m_sessionActions = nullptr;
    QList<QAction *> m_topicActions;
    QDockWidget *m_publishDock;
    PublishPanel *m_publishPanel;
    QDockWidget *m_packetDock;
    PacketInspector *m_packetInspector;
    QByteArray m_tabLayout; // last saved ConnectionTab layout, applied to new tabs
    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QStringList m_profileErrors;
};
