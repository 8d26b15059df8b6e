#pragma once

#include "capture/sessionevent.h"
#include "clioptions.h"
#include "messageformatter.h"
#include "topicfiltertrie.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace mqtt {
class Client;
class SessionWriter;
class SocketNotifierLoop;
}

namespace mqtt::cli {

// Runs one mqtt-inspector-cli command (sub, record, pub, replay) over mqtt::Client and
// SocketNotifierLoop, and returns the exit code. Output goes to the given FILE streams so
// tests can capture it.
class CliRunner : public QObject
{
    Q_OBJECT
public:
    explicit CliRunner(const CliOptions &options, QObject *parent = nullptr);
    ~CliRunner() override;

    void setStreams(FILE *out, FILE *err) { m_out = out; m_err = err; }
    // Runs a local event loop until the command is done.
    int exec();

private:
    bool prepare();          // reads inputs, opens files; false = exit code already set
    void start();
    void onConnected(int rc, bool sessionPresent, const QString &reason);
    void onDisconnected(int rc, bool fromServer, const QString &reason);
    void onMessages(const QList<Message> &messages);
    bool handleMessage(const Message &message, QByteArray &out);
    bool writeOut(const QByteArray &bytes);
    void onSubscribed(const QList<quint8> &codes);
    void onPublished(int mid, int reasonCode);
    void onLog(int level, const QString &text);
    void publishNext();
    void startReadingLines();
    void readLines();
    bool publishOne(const QByteArray &payload);
    void replayNext();
    void finish(int exitCode);
    void fail(int exitCode, const QString &message);
    void error(const QString &message);
    void record(const SessionEvent &event);
    void connectionEvent(const QString &event, int code, const QString &text);

    CliOptions m_options;
    FILE *m_out = stdout;
    FILE *m_err = stderr;
    QEventLoop m_loop;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<SocketNotifierLoop> m_socketLoop;
    std::unique_ptr<SessionWriter> m_writer;
    MessageFormatter m_formatter;
    TopicFilterTrie m_topics;
    TopicFilterTrie m_filterOut;
    QTimer m_timeout;
    QTimer m_step;     // pub repeats and replay spacing
    QTimer m_progress; // replay progress on stderr
    QElapsedTimer m_clock;
    int m_exitCode = -1;
    bool m_finishing = false;
    bool m_connectedOnce = false;
    int m_printed = 0;
    bool m_outIsTerminal = false; // line by line on a terminal, one write per read batch else
    QByteArray m_outBuffer;
    QList<QPair<int, int>> m_owedAcks; // (mid, qos) of the current batch, sent once written
    QString m_lastProblem; // the core's last warning/error log line since the last CONNACK

    // pub / replay
    QList<QByteArray> m_payloads;
    int m_nextPayload = 0;
    int m_repeatDone = 0;
    QSet<int> m_pendingMids;
    QSocketNotifier *m_stdinNotifier = nullptr; // pub -l
    QByteArray m_lineBuffer;
    bool m_allQueued = false;
    QList<SessionEvent> m_replay;
    int m_replayed = 0;
};

} // namespace mqtt::cli
