#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real mosquitto on a free loopback port, owned by one test. Use it when a test needs a
// broker of its own (a password file, persistence, kill -9 and restart); tests that only need
// "a broker" use the shared CTest fixture and fixtureBrokerPort().
class TestBroker
{
public:
    TestBroker();
    ~TestBroker();
    TestBroker(const TestBroker &) = delete;
    TestBroker &operator=(const TestBroker &) = delete;

    // Extra mosquitto.conf lines for the listener (e.g. "password_file ...", "cafile ...").
    void setListenerConfig(const QString &lines) { m_listenerConfig = lines; }
    // Extra global lines (e.g. "persistence true").
    void setGlobalConfig(const QString &lines) { m_globalConfig = lines; }

    // Starts mosquitto and waits until it accepts connections. Keeps the port on restarts.
    bool start();
    void stop();        // SIGTERM, then wait
    void kill();        // SIGKILL: the broker dies without saving anything more
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dir.path(); }
    QString logText() const;   // mosquitto's own log, for failure messages
    QString lastError() const { return m_error; }

    static quint16 freePort();
    static bool waitForPort(quint16 port, int timeoutMs);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_listenerConfig;
    QString m_globalConfig;
    QString m_error;
};

// Port of the shared fixture broker (MQTT_TEST_BROKER_PORT), or 0 when not run through ctest.
quint16 fixtureBrokerPort();

// Path of /usr/bin/python3 when it has paho-mqtt, else empty (the python3 on PATH may lack it).
QString pahoPython();
