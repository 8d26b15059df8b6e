#include "cliprocess.h"

#include <QTest>

CliProcess::CliProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process.readAllStandardError(); });
}

CliProcess::~CliProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString CliProcess::program()
{
    return QStringLiteral(MQTTI_CLI_PATH);
}

void CliProcess::start(const QStringList &arguments, const QString &shellPrefix)
{
    m_out.clear();
    m_err.clear();
    if (shellPrefix.isEmpty()) {
        m_process.start(program(), arguments);
    } else {
        // sh -c 'prefix; exec "$0" "$@"' program args...
        m_process.start(QStringLiteral("/bin/sh"),
                        QStringList{QStringLiteral("-c"),
                                    shellPrefix + QStringLiteral("; exec \"$0\" \"$@\""),
                                    program()} + arguments);
    }
    m_process.waitForStarted(10000);
}

bool CliProcess::waitForStdout(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_out.contains(needle) || !isRunning(); }, timeoutMs)
            && m_out.contains(needle);
}

bool CliProcess::waitForStderr(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_err.contains(needle) || !isRunning(); }, timeoutMs)
            && m_err.contains(needle);
}

bool CliProcess::waitForFinished(int timeoutMs)
{
    if (QTest::qWaitFor([&] { return !isRunning(); }, timeoutMs)) {
        // Output that arrived together with the exit.
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return true;
    }
    m_process.kill();
    m_process.waitForFinished(5000);
    return false;
}

int CliProcess::exitCode() const
{
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -200;
}

void CliProcess::kill9()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

int CliProcess::run(const QStringList &arguments, QByteArray *out, QByteArray *err,
                    int timeoutMs, const QByteArray &stdinData)
{
    CliProcess p;
    p.start(arguments);
    if (!stdinData.isNull()) {
        p.write(stdinData);
        p.closeWriteChannel();
    }
    const bool finished = p.waitForFinished(timeoutMs);
    if (out)
        *out = p.out();
    if (err)
        *err = p.err();
    return finished ? p.exitCode() : -100;
}
