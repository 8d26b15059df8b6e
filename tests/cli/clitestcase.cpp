#include "clitestcase.h"

#include "cliprocess.h"
#include "peerclient.h"
#include "testbroker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

bool CliTestCase::initFixture()
{
    m_port = fixtureBrokerPort();
    if (m_port == 0)
        return false;
    m_root = QStringLiteral("tst_cli/%1-%2/").arg(QCoreApplication::applicationPid())
                     .arg(QDateTime::currentMSecsSinceEpoch());
    return true;
}

int CliTestCase::run(const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(MQTTI_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -100;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -200;
}

bool CliTestCase::startSubscribed(QProcess &p, const QStringList &args)
{
    p.start(QStringLiteral(MQTTI_CLI_PATH), args + QStringList{"-d"});
    QByteArray err;
    for (int i = 0; i < 100; ++i) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
        if (err.contains("Received SUBACK"))
            return true;
        if (p.state() == QProcess::NotRunning)
            break;
    }
    qWarning("subscriber did not get a SUBACK: %s", err.constData());
    return false;
}

bool CliTestCase::connectPeer(PeerClient &peer, mqtt::ProtocolVersion v)
{
    return peer.connectTo(m_port, v);
}

bool CliTestCase::startCliSubscribed(CliProcess &p, const QStringList &args)
{
    p.start(brokerArgs() + args + QStringList{"-d"});
    if (p.waitForStderr("Received SUBACK"))
        return true;
    qWarning("CLI did not get a SUBACK: %s", p.err().constData());
    return false;
}

QString CliTestCase::writeSession(const QString &name, const QList<qint64> &offsetsMs)
{
    const QString file = m_dir.filePath(name);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    const QDateTime start = QDateTime::fromString("2024-05-01T12:00:00.000Z", Qt::ISODateWithMs);
    f.write(R"({"format":"mqtt-inspector-session","version":1,"broker":"b","start":"2024-05-01T12:00:00.000Z"})" "\n");
    for (int i = 0; i < offsetsMs.size(); ++i) {
        const QString time = start.addMSecs(offsetsMs[i]).toUTC()
                                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        f.write(QStringLiteral(R"({"time":"%1","type":"received","topic":"r/%2","qos":1,)"
                               R"("retain":false,"payload":"m%2"})" "\n")
                        .arg(time).arg(i).toUtf8());
    }
    return file;
}
