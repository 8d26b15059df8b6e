#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

// An in-process broker that follows a script, in the style of mosquitto's client-library
// tests: it expects exact bytes from the client and answers with exact bytes. The first
// mismatch is recorded in failure() (with both sides in hex) and the script stops.
// Steps run in order across connections: a new connection simply continues the script.
class ScriptedBroker : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedBroker(QObject *parent = nullptr);
    ~ScriptedBroker() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    ScriptedBroker &expect(const QByteArray &bytes, const QString &what = QString());
    ScriptedBroker &expectHex(const char *hex, const QString &what = QString());
    ScriptedBroker &send(const QByteArray &bytes);
    ScriptedBroker &sendHex(const char *hex);
    ScriptedBroker &closeConnection();      // the broker drops the client
    ScriptedBroker &expectConnection();     // wait for the next client connection
    ScriptedBroker &expectClientClose();    // the client closes its end

    bool finished() const { return m_failure.isEmpty() && m_pos == m_steps.size(); }
    QString failure() const { return m_failure; }
    QString state() const; // for failure messages: step position, failure, unread bytes
    int connectionCount() const { return m_connections; }
    // Bytes received that no expect() step consumed yet.
    QByteArray pending() const { return m_buffer; }

private:
    enum class Kind { Expect, Send, Close, Connection, ClientClose };
    struct Step
    {
        Kind kind;
        QByteArray bytes;
        QString what;
    };

    void onNewConnection();
    void advance();
    void fail(const QString &text);

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    QList<Step> m_steps;
    int m_pos = 0;
    int m_connections = 0;
    bool m_clientClosed = false;
    QString m_failure;
};
