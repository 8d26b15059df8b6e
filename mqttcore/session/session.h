#pragma once

#include "codec/capturedpacket.h"
#include "codec/packet.h"
#include "codec/streamdecoder.h"
#include "error.h"
#include "message.h"
#include "session/incomingqos2table.h"
#include "session/outgoingqueue.h"
#include "session/topicaliastable.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace mqtt {

// Events of a Session, delivered synchronously while it handles input. The Client turns them
// into signals; tests record them.
class SessionHandler
{
public:
    virtual ~SessionHandler() = default;
    virtual void sessionConnack(bool sessionPresent, ReasonCode reasonCode,
                                const Properties &properties) = 0;
    virtual void sessionMessage(const Message &message) = 0;
    virtual void sessionPublished(int mid, ReasonCode reasonCode, const Properties &properties) = 0;
    virtual void sessionSubscribed(int mid, const QList<ReasonCode> &reasonCodes,
                                   const Properties &properties) = 0;
    virtual void sessionUnsubscribed(int mid, const QList<ReasonCode> &reasonCodes,
                                     const Properties &properties) = 0;
    // Only called for levels the session was told to produce (see setLogLevels()).
    virtual void sessionLog(LogLevel level, const QString &text) = 0;
};

struct SessionOptions
{
    ProtocolVersion version = ProtocolVersion::V311;
    QString clientId;
    bool cleanStart = true;
    quint16 keepAlive = 60;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    std::optional<Will> will;
    Properties connectProperties; // 5.0 only
    int maxInflight = 20;         // our own send window; 0 = none
    int maxQueued = 0;            // 0 = unlimited
};

// The sans-IO MQTT client session: bytes and time in, bytes and events out. It owns packet id
// allocation, the in-flight tables of both directions, the send window, topic aliases and the
// keepalive deadlines. It never touches a socket, a timer or an event loop; the caller passes
// the current monotonic time (ms) into every call that needs it.
//
// Lifecycle per network connection: connectionOpened() queues CONNECT; receive() feeds bytes;
// takeOutgoing()/bytesWritten() drain what to send; tick() runs keepalive; connectionClosed()
// ends it. Messages and acknowledgement state survive connectionClosed() for a resumed session.
class Session
{
public:
    enum class State { Idle, AwaitingConnack, Connected, Disconnecting };

    // Why the session wants the connection closed (after receive()/tick() returned an error).
    struct CloseInfo
    {
        Error rc = Error::Success;
        ReasonCode reasonCode;  // sent in our DISCONNECT (5.0), or the broker's
        Properties properties;  // the broker's DISCONNECT properties
        bool fromServer = false;
        QString text;           // the violation, for the log
    };

    explicit Session(SessionHandler *handler);

    SessionOptions &options() { return m_options; }
    const SessionOptions &options() const { return m_options; }
    State state() const { return m_state; }

    // Debug-level packet lines are formatted only when enabled (hot path).
    void setPacketLogging(bool enabled) { m_packetLogging = enabled; }
    // paho's manual_ack_set(): when on, a delivered QoS 1 message gets its PUBACK and a QoS 2
    // message its PUBCOMP only through ack() (the PUBREC still goes out on receipt, as paho).
    void setManualAck(bool on) { m_manualAck = on; }
    bool manualAck() const { return m_manualAck; }
    // Packet capture for an inspector, off by default: while on, every packet received (whole,
    // fixed header included) and every packet queued to send is kept, in order, with the time
    // from `wallClock` (ms since the epoch), until takeCapturedPackets(). Off, the receive and
    // send paths pay one branch per packet: no copy, no allocation.
    void setPacketCapture(bool on, std::function<qint64()> wallClock = {});
    bool packetCapture() const { return m_capture; }
    bool hasCapturedPackets() const { return !m_captured.isEmpty(); }
    QList<CapturedPacket> takeCapturedPackets();
    // Receive timestamp stamped on delivered messages (ms since epoch).
    void setReceiveTimestamp(qint64 msecsSinceEpoch) { m_receiveTimestamp = msecsSinceEpoch; }

    // --- connection ---
    void connectionOpened(qint64 now);
    // Feeds received bytes. Returns Success, or the error the connection must close with
    // (closeInfo() says more; a 5.0 DISCONNECT may have been queued first).
    Error receive(const char *data, qsizetype size, qint64 now);
    // Keepalive: may queue PINGREQ; returns Keepalive when the broker stayed silent.
    Error tick(qint64 now);
    // The socket is gone. In-flight state is kept for a resumed session.
    void connectionClosed();
    const CloseInfo &closeInfo() const { return m_close; }

    // --- output ---
    bool hasOutgoing() const { return m_outPos < m_out.size(); }
    const char *outgoingData() const { return m_out.constData() + m_outPos; }
    qsizetype outgoingSize() const { return m_out.size() - m_outPos; }
    // `n` bytes of outgoingData() reached the socket. Fires QoS 0 published events. Returns
    // true when our DISCONNECT has now been written completely.
    bool bytesWritten(qsizetype n, qint64 now);

    // --- requests ---
    struct Result
    {
        Error rc = Error::Success;
        int mid = 0;
    };
    Result publish(const QString &topic, const QByteArray &payload, int qos, bool retain,
                   const Properties &properties);
    Result subscribe(const QList<Subscription> &subscriptions, const Properties &properties);
    Result unsubscribe(const QStringList &filters, const Properties &properties);
    Error disconnect(ReasonCode reason, const Properties &properties);
    // paho's ack(mid, qos): queues the PUBACK (qos 1) or PUBCOMP (qos 2) of a delivered message
    // while manual ack is on; a no-op returning Success otherwise, or for qos 0. NoConn once our
    // DISCONNECT is queued or without a connection: nothing may follow it [MQTT-3.14.4-1].
    Error ack(int mid, int qos);

    // --- state for the caller ---
    // The client id in force (5.0 Assigned Client Identifier once received).
    QString effectiveClientId() const;
    int effectiveKeepAlive() const { return m_keepAlive; }
    // Outgoing messages not yet completed (queued or in flight), and incoming QoS 2 awaiting
    // PUBREL: for tests and the GUI.
    int outgoingCount() const { return m_outgoing.size(); }
    int inflightCount() const { return m_outgoing.inflightCount(); }
    int incomingQos2Count() const { return m_incomingQos2.size(); }
    quint16 serverReceiveMaximum() const { return m_serverReceiveMax; }
    quint8 serverMaximumQos() const { return m_serverMaxQos; }
    bool serverRetainAvailable() const { return m_serverRetainAvailable; }
    quint32 serverMaximumPacketSize() const { return m_serverMaxPacketSize; }
    quint16 serverTopicAliasMaximum() const { return m_serverTopicAliasMax; }
    std::optional<quint32> sessionExpiryInterval() const { return m_sessionExpiry; }

private:
    using OutStage = OutgoingQueue::Stage;

    bool is5() const { return m_options.version == ProtocolVersion::V5; }
    quint16 allocateId();
    bool idInUse(quint16 id) const;
    int window() const;
    void queueBytes(const QByteArray &bytes);
    void captureSent(qsizetype from);
    void captureReceived();
    template<typename P> void queuePacket(const P &packet);
    void sendPublish(OutgoingQueue::Entry &message, bool dup);
    void releaseQueued();
    void completeOutgoing(quint16 id, ReasonCode reason, const Properties &properties);
    template<typename P, typename Describe>
    Result sendRequest(P &packet, int count, const Properties &properties, Describe describe);
    Error violation(const QString &text, ReasonCode reason, Error rc = Error::Protocol);
    void deliver(const Message &message);
    void queueDisconnect(const DisconnectPacket &packet);
    bool disconnectQueued() const { return m_disconnectEnd >= 0; }
    void log(LogLevel level, const QString &text);

    Error handle(Packet &packet);
    Error handleConnack(ConnackPacket &packet);
    Error handlePublish(PublishPacket &packet);
    Error handlePuback(const PubackPacket &packet);
    Error handlePubrec(const PubrecPacket &packet);
    Error handlePubrel(const PubrelPacket &packet);
    Error handlePubcomp(const PubcompPacket &packet);
    Error handleSuback(const SubackPacket &packet);
    Error handleUnsuback(const UnsubackPacket &packet);
    Error handleDisconnect(const DisconnectPacket &packet);

    SessionHandler *m_handler;
    SessionOptions m_options;
    State m_state = State::Idle;
    StreamDecoder m_decoder;
    bool m_packetLogging = false;
    bool m_capture = false;
    qint64 m_receiveTimestamp = 0;
    std::function<qint64()> m_captureClock;
    QList<CapturedPacket> m_captured;

    QByteArray m_out;
    qsizetype m_outPos = 0;
    qint64 m_outStreamOffset = 0;          // stream bytes before m_out[0]
    struct WriteMark { qint64 end; int mid; };
    std::deque<WriteMark> m_qos0Marks;      // QoS 0 published fires once written
    qint64 m_disconnectEnd = -1;            // stream offset where our DISCONNECT ends
    // disconnect() called inside a message callback: the DISCONNECT waits until the
    // acknowledgement that delivery owes is queued, since nothing may follow it [MQTT-3.14.4-1].
    int m_delivering = 0;
    std::optional<DisconnectPacket> m_deferredDisconnect;
    bool m_manualAck = false;

    // Outgoing QoS 1/2 messages, queued or in flight.
    OutgoingQueue m_outgoing;
    struct PendingRequest { int count = 0; bool unsubscribe = false; };
    QHash<quint16, PendingRequest> m_pendingRequests;
    quint16 m_lastId = 0;

    IncomingQos2Table m_incomingQos2;
    TopicAliasTable m_topicAliases; // incoming, one connection

    // From CONNACK (5.0), reset per connection.
    quint16 m_serverReceiveMax = 65535;
    quint8 m_serverMaxQos = 2;
    bool m_serverRetainAvailable = true;
    quint32 m_serverMaxPacketSize = 0;
    quint16 m_serverTopicAliasMax = 0;
    std::optional<quint32> m_sessionExpiry;
    QString m_assignedClientId;

    int m_keepAlive = 60;
    qint64 m_lastIn = 0;
    qint64 m_lastOut = 0;
    qint64 m_pingSent = 0;   // 0 = no PINGREQ outstanding
    bool m_pingOutstanding = false;
    bool m_connackReceived = false; // on this connection

    CloseInfo m_close;
};

} // namespace mqtt
