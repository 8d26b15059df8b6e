#pragma once

#include "codec/capturedpacket.h"
#include "codec/packet.h"
#include "codec/properties.h"
#include "codec/reasoncode.h"
#include "error.h"
#include "message.h"
#include "transport/transportoptions.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

QT_FORWARD_DECLARE_CLASS(QHostAddress)

namespace mqtt {

class Session;
class ClientSessionHandler;
class TopicFilterTrie;
class Transport;

// Flags of connected(): paho v2's ConnectFlags.
struct ConnectFlags
{
    bool sessionPresent = false;
};

// Flags of disconnected(): paho v2's DisconnectFlags.
struct DisconnectFlags
{
    bool fromServer = false; // the broker sent a DISCONNECT packet (5.0)
};

// Result of publish(), subscribe() and unsubscribe(): paho's (rc, mid).
struct RequestResult
{
    Error rc = Error::Success;
    int mid = 0;
    bool ok() const { return rc == Error::Success; }
};

// The paho-mqtt client API as a QObject (see ARCHITECTURE.md, "The client core API").
//
// Nothing here blocks and nothing runs by itself: an external loop calls loopRead() when
// socket() is readable, loopWrite() when it is writable and wantWrite() is true, and
// loopMisc() about once a second. SocketNotifierLoop is that loop for a Qt event loop.
// Callbacks are signals; the sender is known to the receiver, so no signal repeats it.
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        HostLookup,    // resolving the host name (asynchronously)
        Connecting,    // socket open, CONNECT queued or sent, no CONNACK yet
        Connected,     // CONNACK accepted
        Disconnecting, // disconnect() called, DISCONNECT not yet written
    };
    Q_ENUM(State)

    explicit Client(const QString &clientId = QString(), QObject *parent = nullptr);
    ~Client() override;

    // --- settings (take effect at the next connect/reconnect) ---
    void setProtocolVersion(ProtocolVersion version);
    ProtocolVersion protocolVersion() const;
    void setClientId(const QString &clientId);
    // The configured id, or the 5.0 Assigned Client Identifier once the broker gave one.
    QString clientId() const;
    // Clean Session (3.1.1) / Clean Start (5.0).
    void setCleanSession(bool clean);
    bool cleanSession() const;
    // Seconds; 0 disables keepalive. A 5.0 Server Keep Alive replaces it for one connection.
    void setKeepAlive(int seconds);
    int keepAlive() const;
    // The keepalive in force for the current connection (after Server Keep Alive).
    int effectiveKeepAlive() const;
    // paho's username_pw_set(). A null username removes the credentials.
    void setCredentials(const QString &username, const std::optional<QByteArray> &password = {});
    // paho's will_set(): Inval for a bad topic or QoS.
    Error setWill(const QString &topic, const QByteArray &payload, int qos = 0,
                  bool retain = false, const Properties &properties = Properties());
    void clearWill();
    // 5.0 CONNECT properties (Session Expiry, Receive Maximum, Topic Alias Maximum,
    // Maximum Packet Size, User Property, ...). Ignored for 3.1.1.
    void setConnectProperties(const Properties &properties);
    Properties connectProperties() const;
    // paho's max_inflight_messages_set(): default 20, 0 = no limit of our own.
    void setMaxInflightMessages(int count);
    int maxInflightMessages() const;
    // paho's max_queued_messages_set(): default 0 = unlimited.
    void setMaxQueuedMessages(int count);
    void setTransportOptions(const TransportOptions &options);
    TransportOptions transportOptions() const;
    void setUserData(const QVariant &data);
    QVariant userData() const;
    // Monotonic clock in ms used for keepalive; tests inject a fake one.
    void setClock(std::function<qint64()> clock);
    // paho's packet lines ("Sending PUBLISH (d0, q1, ...)", "Received PUBACK ..."): formatted
    // only while this is on (the default, as paho) AND something is connected to logMessage.
    // A log console turns it off so that a flood does not cost one formatted line per packet;
    // the other log lines (connection, errors, violations) are unaffected.
    void setPacketLogging(bool enabled);
    bool packetLogging() const { return m_packetLogging; }
    // The packet observer, for a packet inspector: while on, every packet both ways (received
    // ones whole, fixed header included; sent ones as encoded when queued) reaches
    // packetsObserved() in order, with its time and bytes. Off by default; off, the read and
    // write paths pay one predictable branch, with no copy and no allocation.
    void setPacketObserver(bool enabled);
    bool packetObserver() const { return m_packetObserver; }

    // paho's manual_ack_set(): with it on, a delivered QoS 1 message is acknowledged (PUBACK)
    // and a QoS 2 message completed (PUBCOMP, after the PUBREL delivered it) only when the
    // application calls ack(); the PUBREC still goes out on receipt. Off by default.
    void setManualAck(bool on);
    bool manualAck() const;
    // paho's ack(mid, qos): Success (and nothing sent) when manual ack is off or qos is 0;
    // NoConn without a connection or once DISCONNECT is queued. Inside a message callback it
    // goes out before a DISCONNECT asked for in the same callback.
    Error ack(int mid, int qos);

    // --- connection ---
    // Starts connecting: resolves `host` without blocking, opens the socket (socketOpened),
    // queues CONNECT. Returns Success when the attempt started; a failure before the socket
    // exists also emits connectFailed().
    Error connect(const QString &host, quint16 port = 1883, int keepAlive = 60);
    // Connects again to the last host with the same settings and session.
    Error reconnect();
    // Queues DISCONNECT (5.0: with `reason`); disconnected(0) once it is written.
    Error disconnect(ReasonCode reason = ReasonCode::NormalDisconnection,
                     const Properties &properties = Properties());
    State state() const;
    bool isConnected() const;
    // True between connect()/reconnect() and disconnect(): a loop should keep reconnecting.
    bool wantsConnection() const;
    QString host() const;
    quint16 port() const;

    // --- requests ---
    RequestResult publish(const QString &topic, const QByteArray &payload, int qos = 0,
                          bool retain = false, const Properties &properties = Properties());
    RequestResult subscribe(const QString &filter, int qos = 0,
                            const Properties &properties = Properties());
    RequestResult subscribe(const QList<Subscription> &subscriptions,
                            const Properties &properties = Properties());
    RequestResult unsubscribe(const QString &filter, const Properties &properties = Properties());
    RequestResult unsubscribe(const QStringList &filters,
                              const Properties &properties = Properties());
    // Filters subscribed through this client (successful or pending), for resubscribing.
    QList<Subscription> subscriptions() const;
    // Those of subscriptions() not requested on the current connection yet: what a loop
    // re-subscribes after a session that was not resumed, so that an application that
    // subscribes again in connected() (the paho pattern) does not get a second SUBSCRIBE.
    QList<Subscription> subscriptionsNotRequested() const;
    // The 5.0 Subscription Identifier the filter was last subscribed with (0: none), so that
    // a re-subscription after a lost session asks for the same identifier.
    quint32 subscriptionIdentifier(const QString &filter) const;

    // paho's message_callback_add(): every matching filter's callable runs, in paho's trie
    // order; messageReceived only fires when none matched. The same filter string replaces the
    // earlier callable. "$share/<group>/<f>" routes on <f>. Returns false for an invalid filter.
    template<typename Func>
    bool addMessageCallback(const QString &filter, const QObject *context, Func &&callable)
    {
        return addMessageCallbackImpl(filter, context,
                                      std::function<void(const Message &)>(
                                          std::forward<Func>(callable)));
    }
    // paho's message_callback_remove(); a filter that is not there is a no-op.
    void removeMessageCallback(const QString &filter);

    // --- external loop (paho's loop_read/loop_write/loop_misc/socket/want_write) ---
    // Each returns NoConn without a socket. A failure closes the socket (socketClosed, then
    // disconnected) and returns its error, or Success when disconnect() was pending (then
    // disconnected(0)). loopMisc returns ConnLost on a ping timeout, with disconnected(16),
    // as paho's loop_misc does.
    Error loopRead();
    Error loopWrite();
    Error loopMisc();
    qintptr socket() const; // -1 when none
    bool wantWrite() const;

Q_SIGNALS:
    // Every CONNACK, accepted or refused (then disconnected follows).
    void connected(mqtt::ConnectFlags flags, mqtt::ReasonCode reasonCode,
                   const mqtt::Properties &properties);
    // Exactly once per connection that had a socket. rc is paho's number: 0 for our own
    // disconnect(), 7 connection lost (also after a broker DISCONNECT, whose reason is in
    // reasonCode with flags.fromServer), 2 protocol violation, 5 refused, 8 TLS failure
    // (verification, handshake; logMessage has OpenSSL's reason and the certificate subject),
    // 16 keepalive.
    void disconnected(int rc, mqtt::DisconnectFlags flags, mqtt::ReasonCode reasonCode,
                      const mqtt::Properties &properties);
    // paho's on_connect_fail: no socket could be opened (lookup or connect() failed).
    void connectFailed(const QString &errorText);
    void messageReceived(const mqtt::Message &message);
    // Every message of one loopRead(), in arrival order, whether or not a per-filter callback
    // or messageReceived took it: one signal per read, for stores that see the whole stream.
    // Fires after that read's per-message callbacks; built only while something is connected.
    void messagesReceived(const QList<mqtt::Message> &messages);
    void published(int mid, mqtt::ReasonCode reasonCode, const mqtt::Properties &properties);
    // A PUBLISH that publish() accepted (queued for the broker), with its mid and the time of
    // the request: what recorders and session exports list as "sent". Not paho's on_publish,
    // which is the acknowledgement (published above).
    void messageSent(const mqtt::Message &message);
    void subscribed(int mid, const QList<mqtt::ReasonCode> &granted,
                    const mqtt::Properties &properties);
    void unsubscribed(int mid, const QList<mqtt::ReasonCode> &reasonCodes,
                      const mqtt::Properties &properties);
    void logMessage(mqtt::LogLevel level, const QString &text);
    // The packet observer's output (setPacketObserver): what one loopRead(), loopWrite() or
    // loopMisc() saw, in wire order; also the packets still pending when a connection closes,
    // before disconnected(). One signal per call, never one per packet.
    void packetsObserved(const QList<mqtt::CapturedPacket> &packets);
    void socketOpened(qintptr fd);
    void socketClosed(qintptr fd);
    void socketRegisterWrite(qintptr fd);
    void socketUnregisterWrite(qintptr fd);
    void stateChanged(mqtt::Client::State state);

private:
    friend class ClientSessionHandler;
    struct Route
    {
        QString filter;
        QPointer<const QObject> context;
        bool hasContext = false;
        std::function<void(const Message &)> callable;
    };

    bool addMessageCallbackImpl(const QString &filter, const QObject *context,
                                std::function<void(const Message &)> callable);
    Error openSocket(const QHostAddress &address);
    void closeConnection(Error rc, bool userDisconnect);
    Error transportFailed(const QString &text);
    Error connectionFailed(Error rc);
    void setState(State state);
    void updateWriteInterest();
    void log(LogLevel level, const QString &text);
    bool debugLogging() const;
    void deliver(const Message &message);
    void emitBatch();
    void emitObserved();
    qint64 now() const;

    std::unique_ptr<ClientSessionHandler> m_handler;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<TopicFilterTrie> m_routes;
    QHash<quint64, Route> m_routeTable;
    QList<quint64> m_matchScratch;
    quint64 m_nextRouteKey = 1;
    QList<Subscription> m_subscriptions;
    QSet<QString> m_requestedFilters; // subscribed on the current connection
    QHash<QString, quint32> m_subscriptionIds; // filter -> Subscription Identifier
    TransportOptions m_transportOptions;
    QVariant m_userData;
    std::function<qint64()> m_clock;
    QString m_host;
    quint16 m_port = 1883;
    State m_state = State::Disconnected;
    int m_lookupId = -1;
    qintptr m_fd = -1;
    bool m_writeRegistered = false;
    bool m_wantsConnection = false;
    bool m_packetLogging = true;
    bool m_packetObserver = false;
    bool m_collectBatch = false; // messagesReceived has a receiver (checked once per read)
    QList<Message> m_batch;
    QByteArray m_readBuffer;
};

} // namespace mqtt

Q_DECLARE_METATYPE(mqtt::ConnectFlags)
Q_DECLARE_METATYPE(mqtt::DisconnectFlags)
