#pragma once

#include "sessionloader.h"
#include "sessionreplayer.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class Connection;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// File > Replay: sends the received messages of a session file to a connected broker at 1x,
// Nx or as fast as possible, with progress, pause and cancel. The file is read on a worker
// (SessionLoader) first; the replay runs in slices on the GUI thread (SessionReplayer).
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    // `targets`: the connections it may publish to (the connected tabs).
    ReplayDialog(const QList<Connection *> &targets, const QString &path,
                 QWidget *parent = nullptr);

    void setSpeed(double speed); // <= 0: as fast as possible
    void setTopicPrefix(const QString &prefix);
    // Reads the file, then replays (what the Start button does).
    bool startReplay();
    SessionReplayer *replayer() const { return m_replayer; }
    QString statusText() const;
    QPushButton *pauseButton() const { return m_pause; }

protected:
    void reject() override;

private:
    void browse();
    void setStatus(const QString &text, bool error = false);
    void onLoaded(const SessionLoader::Result &result);
    void onReplayFinished(SessionReplayer::State state, const QString &message);
    void updateButtons();

    QList<QPointer<Connection>> m_targets;
    SessionLoader *m_loader;
    SessionReplayer *m_replayer;
    QList<mqtt::Message> m_messages;
    QLineEdit *m_path;
    QComboBox *m_target;
    QComboBox *m_speed;
    QDoubleSpinBox *m_customSpeed;
    QLineEdit *m_prefix;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_close;
};
