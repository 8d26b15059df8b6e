#pragma once

#include "connectiondiagnosis.h"
#include "connectionsettings.h"
#include "error.h"
#include "message.h"

#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqtt {
class Client;
class SocketNotifierLoop;
}
class MessageStore;
class PacketModel;
class PaneModel;
class SessionJournal;
class SessionRecorder;
class TopicTreeModel;

// Everything of one broker (one tab): its settings, mqtt::Client, SocketNotifierLoop,
// MessageStore, the models over that store and its per-filter panes. Widgets only look at a
// Connection; deleting it ends that connection and touches no other.
//
// Messages reach the store through the client's batched messagesReceived (one signal per
// read), never one signal per message; the store then batches for the models.
class Connection : public QObject
{
    Q_OBJECT
public:
    // Offline: a tab showing an opened session file; it has no broker to connect to.
    enum class Status { Disconnected, Connecting, Connected, Refused, Lost, Offline };
    Q_ENUM(Status)

    explicit Connection(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~Connection() override;

    ConnectionSettings settings() const { return m_settings; }
    mqtt::Client *client() const { return m_client.get(); }
    mqtt::SocketNotifierLoop *loop() const { return m_loop.get(); }
    MessageStore *store() const { return m_store.get(); }
    TopicTreeModel *treeModel() const { return m_tree.get(); }
    // Sent messages, log lines and connection events with their times (received messages are
    // the store's).
    SessionJournal *journal() const { return m_journal.get(); }
    // Recording to a session file while connected.
    SessionRecorder *recorder() const { return m_recorder.get(); }
    // The packet inspector's ring: every packet both ways while capture is on.
    PacketModel *packetModel() const { return m_packets.get(); }
    // Turns the client's packet observer on or off (off by default: no cost when off).
    void setPacketCapture(bool on);
    bool packetCapture() const;

    // Makes this connection the offline view of an opened session file: it never connects,
    // and the status says what is shown.
    void setOffline(const QString &sourceFile, const QString &statusText);
    bool isOffline() const { return !m_sourceFile.isEmpty(); }
    QString sourceFile() const { return m_sourceFile; }
    // A line of our own for the log console and the journal.
    void log(const QString &text, mqtt::LogLevel level = mqtt::LogLevel::Info);
    // A line for the log console only, not part of the session (what opening a file found,
    // where a recording goes).
    void note(const QString &text) { Q_EMIT logLine(text, mqtt::LogLevel::Info); }

    void connectToBroker();
    void disconnectFromBroker();

    Status status() const { return m_status; }
    // One line: "Connected: Connection Accepted." / "Refused: Connection Refused: not
    // authorised." / "Connection lost: ...; reconnecting in 4 s".
    QString statusText() const { return m_statusText; }
    bool sessionPresent() const { return m_sessionPresent; }
    // Why the last attempt was refused or the connection lost, in plain language with what to
    // try (empty while connecting or connected).
    Diagnosis diagnosis() const { return m_diagnosis; }

    // Panes. The default pane (what matched no filter, paho's on_message) always exists.
    PaneModel *defaultPane() const { return m_defaultPane; }
    QList<PaneModel *> panes() const; // default first
    // subscribe: also SUBSCRIBE the filter with qos (else a view over existing subscriptions).
    // Returns nullptr with *error set for an invalid filter or a filter that has a pane already.
    PaneModel *addPane(const QString &filter, int qos, bool subscribe, QString *error = nullptr);
    void removePane(PaneModel *pane);
    // The panes other than the default one, as addPane() takes them: for remembering.
    struct PaneSpec
    {
        QString filter;
        int qos = 0;
        bool subscribe = false;
    };
    QList<PaneSpec> paneSpecs() const;

    // Rates over the last second, for the status bar.
    double messagesInPerSecond() const { return m_inRate; }
    double bytesInPerSecond() const { return m_inBytesRate; }
    qint64 messagesOut() const { return m_messagesOut; }
    double messagesOutPerSecond() const { return m_outRate; }

    // Our own log lines and the client's (packet lines off: a flood must not format one line
    // per PUBLISH). Receivers batch them.
Q_SIGNALS:
    void statusChanged();
    void ratesChanged();
    void logLine(const QString &line, mqtt::LogLevel level);
    void paneAdded(PaneModel *pane);
    void paneRemoved(PaneModel *pane);
    void packetCaptureChanged(bool on);

private:
    struct PaneEntry
    {
        PaneModel *pane;
        bool subscribed;
        int qos;
    };
    void setStatus(Status status, const QString &text);
    void journalConnection(const QString &event, int code, const QString &text);
    void setDiagnosis(const Diagnosis &diagnosis);
    void onConnected(bool sessionPresent, int reasonCode, const QString &reasonText);
    void updateRates();
    void subscribeGrouped(const QList<mqtt::Subscription> &subscriptions);
    QColor nextPaneColor();

    ConnectionSettings m_settings;
    std::unique_ptr<mqtt::Client> m_client;
    std::unique_ptr<mqtt::SocketNotifierLoop> m_loop;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<TopicTreeModel> m_tree;
    std::unique_ptr<SessionJournal> m_journal;
    std::unique_ptr<SessionRecorder> m_recorder;
    std::unique_ptr<PacketModel> m_packets;
    QString m_sourceFile;
    PaneModel *m_defaultPane = nullptr;
    QList<PaneEntry> m_panes;
    int m_colorIndex = 0;

    Status m_status = Status::Disconnected;
    QString m_statusText;
    QString m_reconnectBase;     // the status a reconnect countdown is appended to
    QString m_reconnectingText;  // the last status with that countdown
    bool m_sessionPresent = false;
    Diagnosis m_diagnosis;
    QString m_lastClientError; // the client's last error line: a TLS or socket failure's reason

    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    qint64 m_inAtTick = 0;
    qint64 m_inBytesAtTick = 0;
    qint64 m_outAtTick = 0;
    qint64 m_messagesOut = 0;
    double m_inRate = 0;
    double m_inBytesRate = 0;
    double m_outRate = 0;
};
