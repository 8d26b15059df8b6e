#pragma once

#include <QMainWindow>
#include <QStringList>
#include <QTimer>

class QLabel;
class QPlainTextEdit;

namespace mqtt {
class Client;
class Message;
}

// The application window. For now a status line and a live message log; the topic tree,
// subscription panes and publish composer arrive with the GUI issues.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void setBrokerDescription(const QString &description);
    void setConnectionStatus(const QString &status);
    void appendLogLine(const QString &line);

    // Shows the client's connection state (from CONNACK codes) and every message it receives.
    void attachClient(mqtt::Client *client);

    int pendingLineCount() const { return m_pending.size(); }
    bool isFollowingTail() const { return m_followTail; }

private:
    void appendMessage(const mqtt::Message &message);
    void flushPending();

    QLabel *m_brokerLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPlainTextEdit *m_log = nullptr;
    // Arrivals are batched and appended on a short timer so a flood never blocks painting.
    QStringList m_pending;
    QTimer m_flushTimer;
    qint64 m_skipped = 0;
    bool m_followTail = true;
};
