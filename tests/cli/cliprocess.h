#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

// mqtt-inspector-cli run as a child process, its output collected while the test's own event
// loop keeps running (in-process peers such as a WebSocketBridge or a Client must be served
// while the CLI talks to them, which QProcess::waitFor* would block).
class CliProcess : public QObject
{
    Q_OBJECT

public:
    explicit CliProcess(QObject *parent = nullptr);
    ~CliProcess() override;

    static QString program();

    // `shellPrefix`: run through /bin/sh with this command before exec (e.g. "ulimit -f 2").
    void start(const QStringList &arguments, const QString &shellPrefix = QString());
    // Waits, serving events, until stdout/stderr contains `needle`; false on timeout or exit.
    bool waitForStdout(const QByteArray &needle, int timeoutMs = 15000);
    bool waitForStderr(const QByteArray &needle, int timeoutMs = 15000);
    // Waits, serving events; kills the process and returns false on timeout.
    bool waitForFinished(int timeoutMs = 30000);
    // The exit code, or -200 after a crash or kill.
    int exitCode() const;
    void kill9();
    void write(const QByteArray &data) { m_process.write(data); }
    void closeWriteChannel() { m_process.closeWriteChannel(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }

    // Starts, waits and returns the exit code (-100 on timeout).
    static int run(const QStringList &arguments, QByteArray *out = nullptr,
                   QByteArray *err = nullptr, int timeoutMs = 30000,
                   const QByteArray &stdinData = QByteArray());

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};
