#include "testbroker.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

TestBroker::TestBroker()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

TestBroker::~TestBroker()
{
    stop();
}

quint16 TestBroker::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool TestBroker::waitForPort(quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(200)) {
            probe.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

bool TestBroker::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freePort();
        const QString confPath = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile conf(confPath);
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = conf.errorString();
            return false;
        }
        QString text;
        // Running as root, mosquitto would drop to user "mosquitto" and lose access to our files.
        if (::geteuid() == 0)
            text += QStringLiteral("user root\n");
        text += QStringLiteral("log_dest file %1\nlog_type all\n")
                    .arg(m_dir.filePath(QStringLiteral("mosquitto.log")));
        text += QStringLiteral("persistence_location %1/\n").arg(m_dir.path());
        text += m_globalConfig + QLatin1Char('\n');
        text += QStringLiteral("listener %1 127.0.0.1\n").arg(m_port);
        if (!m_listenerConfig.contains(QLatin1String("allow_anonymous")))
            text += QStringLiteral("allow_anonymous true\n");
        text += m_listenerConfig + QLatin1Char('\n');
        conf.write(text.toUtf8());
        conf.close();

        m_process.start(QStringLiteral("mosquitto"), {QStringLiteral("-c"), confPath});
        if (!m_process.waitForStarted(5000)) {
            m_error = m_process.errorString();
            return false;
        }
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (waitForPort(m_port, 100))
                return true;
        }
        m_error = QString::fromLocal8Bit(m_process.readAll()) + logText();
        stop();
        // A port taken between freePort() and mosquitto's bind: try another one, unless a
        // restart must keep its port.
    }
    return false;
}

void TestBroker::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void TestBroker::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool TestBroker::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString TestBroker::logText() const
{
    QFile log(m_dir.filePath(QStringLiteral("mosquitto.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll());
}

quint16 fixtureBrokerPort()
{
    return quint16(qEnvironmentVariableIntValue("MQTT_TEST_BROKER_PORT"));
}

QString pahoPython()
{
    static const QString result = [] {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import paho.mqtt.client")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            return QString();
        return QStringLiteral("/usr/bin/python3");
    }();
    return result;
}
