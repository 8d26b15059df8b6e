#include "widgets/sessionactions.h"

#include "connection.h"
#include "messagestore.h"
#include "previewtext.h"
#include "sessionjournal.h"
#include "sessionloader.h"
#include "sessionrecorder.h"
#include "widgets/connectiontab.h"
#include "widgets/exportdialog.h"
#include "widgets/mainwindow.h"
#include "widgets/replaydialog.h"
#include "widgets/topictree.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QTabWidget>

namespace {

const QString folderKey = QStringLiteral("sessions/lastFolder");

// A message box that does not block the caller (tests and the event loop go on).
void showMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                 const QString &text, const QString &details = QString())
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("sessionMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
}

} // namespace

SessionActions::SessionActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_open(new QAction(tr("&Open Session…"), this))
    , m_record(new QAction(tr("&Record…"), this))
    , m_export(new QAction(tr("&Export…"), this))
    , m_replay(new QAction(tr("Re&play Session…"), this))
{
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open a session file (also one made by mqtt-inspector-cli record) "
                          "into an offline tab"));
    m_record->setCheckable(true);
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_record->setToolTip(tr("Record everything this connection receives, sends and logs to a "
                            "session file"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Export messages and the log as a session file or CSV"));
    m_replay->setToolTip(tr("Publish the messages of a session file to a connected broker"));
    connect(m_open, &QAction::triggered, this, &SessionActions::promptOpen);
    connect(m_record, &QAction::triggered, this, &SessionActions::toggleRecording);
    connect(m_export, &QAction::triggered, this, &SessionActions::promptExport);
    connect(m_replay, &QAction::triggered, this, &SessionActions::promptReplay);
}

void SessionActions::addTo(QMenu *menu)
{
    menu->addAction(m_open);
    menu->addSeparator();
    menu->addAction(m_record);
    menu->addAction(m_export);
    menu->addAction(m_replay);
}

void SessionActions::updateActions()
{
    ConnectionTab *tab = m_window->currentTab();
    Connection *connection = tab ? tab->connection() : nullptr;
    const bool recording = connection && connection->recorder()->isRecording();
    {
        const QSignalBlocker blocker(m_record);
        m_record->setChecked(recording);
    }
    m_record->setText(recording ? tr("Stop &Recording") : tr("&Record…"));
    m_record->setEnabled(connection && !connection->isOffline());
    m_export->setEnabled(connection != nullptr);
    bool anyConnected = false;
    for (int i = 0; i < m_window->tabs()->count(); ++i) {
        ConnectionTab *t = m_window->tabAt(i);
        anyConnected = anyConnected || (t && t->connection()->status() == Connection::Status::Connected);
    }
    m_replay->setEnabled(anyConnected);
}

QString SessionActions::lastFolder() const
{
    return QSettings().value(folderKey, QDir::homePath()).toString();
}

void SessionActions::rememberFolder(const QString &path) const
{
    QSettings().setValue(folderKey, QFileInfo(path).absolutePath());
}

void SessionActions::promptOpen()
{
    const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open session file"), lastFolder(),
            tr("Session files (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberFolder(path);
    openFile(path);
}

ConnectionTab *SessionActions::openFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    ConnectionSettings settings;
    settings.name = name;
    settings.host = QString();
    settings.subscriptions.clear();
    ConnectionTab *tab = m_window->addConnection(settings, false);
    Connection *connection = tab->connection();
    connection->setOffline(path, tr("Opening %1…").arg(name));
    m_window->tabs()->setTabToolTip(m_window->tabs()->indexOf(tab), path);

    // Both go with the tab: closing it mid-load cancels the load.
    auto *loader = new SessionLoader(connection);
    auto *progress = new QProgressDialog(tr("Opening %1…").arg(name), tr("Cancel"), 0, 1000, tab);
    progress->setObjectName(QStringLiteral("openProgress"));
    progress->setWindowTitle(tr("Open session"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, loader, &SessionLoader::cancel);
    connect(loader, &SessionLoader::progress, progress, [progress](qint64 done, qint64 total) {
        progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(loader, &SessionLoader::headerRead, connection,
            [this, tab](const mqtt::SessionHeader &header) {
                const int index = m_window->tabs()->indexOf(tab);
                m_window->tabs()->setTabToolTip(
                        index, tr("%1\nrecorded from %2").arg(tab->connection()->sourceFile(),
                                                             header.broker));
            });
    connect(loader, &SessionLoader::batchLoaded, connection,
            [connection](const QList<mqtt::Message> &received,
                         const QList<mqtt::SessionEvent> &other) {
                connection->store()->addBatch(received);
                for (const mqtt::SessionEvent &e : other)
                    connection->journal()->append(e);
            });
    connect(loader, &SessionLoader::finished, connection,
            [this, tab, connection, loader, progress, name](const SessionLoader::Result &r) {
                progress->deleteLater();
                loader->deleteLater();
                const QLocale locale;
                if (!r.ok) {
                    connection->setOffline(connection->sourceFile(),
                                           tr("Cannot open %1: %2").arg(name, r.error));
                    connection->note(r.error);
                    showMessage(m_window, QMessageBox::Critical, tr("Open session"),
                                tr("%1 cannot be opened.").arg(name), r.error);
                    Q_EMIT fileLoaded(tab, false);
                    return;
                }
                QString text = tr("Offline: %1 · %2 messages, %3 events · recorded from %4 "
                                  "at %5 UTC")
                                   .arg(name, locale.toString(r.received),
                                        locale.toString(r.events), r.header.broker,
                                        r.header.startTime.toString(
                                                QStringLiteral("yyyy-MM-dd HH:mm")));
                if (r.cancelled)
                    text += tr(" · loading cancelled");
                if (r.badLineCount > 0)
                    text += tr(" · %1 skipped")
                                    .arg(PreviewText::counted(r.badLineCount,
                                        QT_TRANSLATE_NOOP("PreviewText", "bad line"),
                                        QT_TRANSLATE_NOOP("PreviewText", "bad lines")));
                if (!r.error.isEmpty())
                    text += tr(" · stopped: %1").arg(r.error);
                connection->setOffline(connection->sourceFile(), text);
                connection->note(text);
                QStringList details;
                for (const SessionLoader::BadLine &bad : r.badLines) {
                    connection->note(bad.message);
                    details << bad.message;
                }
                if (r.badLineCount > r.badLines.size())
                    details << tr("… and %1 more").arg(r.badLineCount - r.badLines.size());
                if (!r.warning.isEmpty())
                    connection->note(r.warning);
                if (r.badLineCount > 0 || !r.error.isEmpty()) {
                    const QString first = r.badLines.isEmpty() ? r.error
                                                               : r.badLines.first().message;
                    showMessage(m_window, QMessageBox::Warning, tr("Open session"),
                                tr("%Ln line(s) of %1 could not be read and skipped; the other "
                                   "%2 events were loaded.\n\nFirst: %3", nullptr,
                                   int(r.badLineCount))
                                        .arg(name, locale.toString(r.events), first),
                                details.join(QLatin1Char('\n')));
                }
                Q_EMIT fileLoaded(tab, true);
            });
    loader->start(path);
    return tab;
}

void SessionActions::toggleRecording(bool on)
{
    if (!on) {
        stopRecording();
        return;
    }
    ConnectionTab *tab = m_window->currentTab();
    if (!tab || tab->connection()->isOffline()) {
        updateActions();
        return;
    }
    const QString suggested = QDir(lastFolder()).filePath(
            ExportDialog::defaultFileName(tab->connection(), SessionExporter::Format::Session));
    const QString path = QFileDialog::getSaveFileName(
            m_window, tr("Record to"), suggested, tr("Session files (*.jsonl);;All files (*)"));
    if (path.isEmpty()) {
        updateActions();
        return;
    }
    rememberFolder(path);
    startRecording(path);
}

bool SessionActions::startRecording(const QString &path, QString *error)
{
    ConnectionTab *tab = m_window->currentTab();
    if (!tab || tab->connection()->isOffline()) {
        if (error)
            *error = tr("No connection to record.");
        updateActions();
        return false;
    }
    Connection *connection = tab->connection();
    SessionRecorder *recorder = connection->recorder();
    QString why;
    if (!recorder->start(path, &why)) {
        showMessage(m_window, QMessageBox::Critical, tr("Record"), tr("Recording did not start."),
                    why);
        if (error)
            *error = why;
        updateActions();
        return false;
    }
    connection->note(tr("Recording to %1").arg(path));
    updateActions();
    return true;
}

void SessionActions::watch(Connection *connection)
{
    connect(connection->recorder(), &SessionRecorder::failed, connection,
            [this, connection](const QString &message) {
                connection->note(message);
                showMessage(m_window, QMessageBox::Critical, tr("Record"), message);
                updateActions();
            });
}

void SessionActions::stopRecording()
{
    ConnectionTab *tab = m_window->currentTab();
    if (!tab)
        return;
    Connection *connection = tab->connection();
    SessionRecorder *recorder = connection->recorder();
    const QString file = recorder->fileName();
    const qint64 events = recorder->eventsRecorded();
    QString error;
    if (!recorder->stop(&error))
        showMessage(m_window, QMessageBox::Critical, tr("Record"),
                    tr("The recording could not be completed."), error);
    else
        connection->note(tr("Recorded %1 events to %2").arg(QLocale().toString(events), file));
    updateActions();
}

void SessionActions::promptExport()
{
    ConnectionTab *tab = m_window->currentTab();
    if (!tab)
        return;
    auto *dialog = new ExportDialog(tab->connection(), tab);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPath(QDir(lastFolder()).filePath(
            ExportDialog::defaultFileName(tab->connection(), SessionExporter::Format::Session)));
    dialog->setSubtree(tab->topicTree()->currentTopic());
    dialog->open();
}

void SessionActions::promptReplay()
{
    QList<Connection *> targets;
    for (int i = 0; i < m_window->tabs()->count(); ++i) {
        ConnectionTab *t = m_window->tabAt(i);
        if (t && t->connection()->status() == Connection::Status::Connected)
            targets << t->connection();
    }
    ConnectionTab *tab = m_window->currentTab();
    const QString path = tab && tab->connection()->isOffline() ? tab->connection()->sourceFile()
                                                               : QString();
    auto *dialog = new ReplayDialog(targets, path, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
