#pragma once

#include <QObject>
#include <QString>

class Connection;
class ConnectionTab;
class MainWindow;
class QAction;
class QMenu;

// The File menu's session commands of the window: Open Session (a session file, also one made
// by `mqtt-inspector-cli record`, into an offline tab), Record (the current connection to a
// session file while connected), Export (ExportDialog) and Replay (ReplayDialog).
class SessionActions : public QObject
{
    Q_OBJECT
public:
    explicit SessionActions(MainWindow *window);

    void addTo(QMenu *menu);

    // Opens `path` in a new offline tab and loads it there with progress; the tab's status
    // says what was loaded and which lines were bad. Returns the tab (loading goes on after).
    ConnectionTab *openFile(const QString &path);
    // Starts recording the current tab to `path`; false with *error (also shown) on failure.
    bool startRecording(const QString &path, QString *error = nullptr);
    void stopRecording();

    QAction *openAction() const { return m_open; }
    QAction *recordAction() const { return m_record; }
    QAction *exportAction() const { return m_export; }
    QAction *replayAction() const { return m_replay; }

    void updateActions();
    // Reports a recording of `connection` that stopped by itself (a full disk).
    void watch(Connection *connection);

Q_SIGNALS:
    // A file opened by openFile() is loaded (or failed); `tab` may be gone.
    void fileLoaded(ConnectionTab *tab, bool ok);

private:
    void promptOpen();
    void toggleRecording(bool on);
    void promptExport();
    void promptReplay();
    QString lastFolder() const;
    void rememberFolder(const QString &path) const;

    MainWindow *m_window;
    QAction *m_open;
    QAction *m_record;
    QAction *m_export;
    QAction *m_replay;
};
