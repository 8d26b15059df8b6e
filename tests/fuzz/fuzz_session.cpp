// libFuzzer target for the sans-IO mqtt::Session: a scripted CONNECT/CONNACK, then broker bytes
// and requests interleaved with a fake clock. Input layout:
//   byte 0  configuration: bit 0 version (3.1.1 / 5.0), bit 1 clean start, bit 2 CONNACK
//           Session Present, bit 3 our Topic Alias Maximum 4, bit 4 our Receive Maximum 2,
//           bit 5 our Maximum Packet Size 128, bits 6-7 keepalive (0, 1, 5, 60 s)
//   then ops: op byte, low 3 bits the kind, high 5 bits its argument n:
//     0-3  feed the next n+1 bytes as broker input
//     4    advance the clock by n*250 ms and tick()
//     5    publish QoS n%3 on "t/<n>" (retain when n >= 16)
//     6    subscribe / unsubscribe "a/#" (n odd: unsubscribe)
//     7    write out the pending output (n bytes at most when n > 0); after a close,
//          reconnect (same session, so resumed-state paths run)
// Checks besides "no crash, no leak, no UB, no hang": every byte the session sends decodes as a
// valid client packet (a Server-role StreamDecoder), starting with CONNECT; every error return
// comes with a close text for the log; the in-flight counters stay within their limits.
#include "codec/encoder.h"
#include "codec/streamdecoder.h"
#include "session/session.h"

#include <cstdint>
#include <cstdlib>

using namespace mqtt;

namespace {

class NullHandler : public SessionHandler
{
public:
    void sessionConnack(bool, ReasonCode, const Properties &) override {}
    void sessionMessage(const Message &) override {}
    void sessionPublished(int, ReasonCode, const Properties &) override {}
    void sessionSubscribed(int, const QList<ReasonCode> &, const Properties &) override {}
    void sessionUnsubscribed(int, const QList<ReasonCode> &, const Properties &) override {}
    void sessionLog(LogLevel, const QString &text) override
    {
        if (text.isEmpty())
            abort();
    }
};

struct Harness
{
    NullHandler handler;
    Session session{&handler};
    StreamDecoder wire{StreamDecoder::Role::Server}; // what the broker would parse
    bool open = false;
    bool firstPacket = true;
    qint64 now = 1000;

    void openConnection()
    {
        wire.reset();
        firstPacket = true;
        session.connectionOpened(now);
        open = true;
    }

    void closeConnection()
    {
        drain(0); // a 5.0 DISCONNECT queued by the violation must be well formed too
        session.connectionClosed();
        open = false;
    }

    // Writes up to `limit` bytes (0 = all) of the session's output and checks them.
    void drain(qsizetype limit)
    {
        if (!session.hasOutgoing())
            return;
        qsizetype n = session.outgoingSize();
        if (limit > 0 && n > limit)
            n = limit;
        wire.feed(session.outgoingData(), n);
        session.bytesWritten(n, now);
        while (std::optional<Packet> packet = wire.next()) {
            if (firstPacket && packetType(*packet) != PacketType::Connect)
                abort(); // CONNECT must be the first packet [MQTT-3.1.0-1]
            firstPacket = false;
        }
        if (wire.hasFailed())
            abort(); // the session sent bytes a broker must reject
    }

    void check(Error rc)
    {
        if (rc == Error::Success)
            return;
        if (session.closeInfo().text.isEmpty())
            abort(); // a close without a reason for the log
        closeConnection();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t config = data[0];
    ++data;
    --size;

    Harness h;
    SessionOptions &o = h.session.options();
    const bool v5 = config & 0x01;
    o.version = v5 ? ProtocolVersion::V5 : ProtocolVersion::V311;
    o.clientId = QStringLiteral("fuzz");
    o.cleanStart = config & 0x02;
    static const quint16 keepAlives[] = {0, 1, 5, 60};
    o.keepAlive = keepAlives[config >> 6];
    o.maxInflight = 4;
    o.maxQueued = 8;
    if (v5) {
        if (config & 0x08)
            o.connectProperties.setTopicAliasMaximum(4);
        if (config & 0x10)
            o.connectProperties.setReceiveMaximum(2);
        if (config & 0x20)
            o.connectProperties.setMaximumPacketSize(128);
    }

    // The scripted start: CONNECT out, a valid CONNACK in.
    h.openConnection();
    h.drain(0);
    ConnackPacket connack;
    connack.sessionPresent = (config & 0x04) && !o.cleanStart;
    const QByteArray connackBytes = encode(connack, o.version);
    h.check(h.session.receive(connackBytes.constData(), connackBytes.size(), h.now));

    size_t pos = 0;
    int reconnects = 0;
    while (pos < size) {
        const uint8_t op = data[pos++];
        const unsigned kind = op & 0x07;
        const unsigned n = op >> 3;
        if (kind <= 3) {
            size_t len = n + 1;
            if (len > size - pos)
                len = size - pos;
            if (h.open)
                h.check(h.session.receive(reinterpret_cast<const char *>(data + pos),
                                          qsizetype(len), h.now));
            pos += len;
        } else if (kind == 4) {
            h.now += qint64(n) * 250;
            if (h.open)
                h.check(h.session.tick(h.now));
        } else if (kind == 5) {
            const Session::Result r = h.session.publish(QStringLiteral("t/%1").arg(n),
                                                        QByteArray(int(n), 'x'), int(n % 3),
                                                        n >= 16, Properties());
            if (r.rc == Error::Success && r.mid <= 0)
                abort();
        } else if (kind == 6) {
            if (n & 1)
                h.session.unsubscribe({QStringLiteral("a/#")}, Properties());
            else
                h.session.subscribe({Subscription{QStringLiteral("a/#"), quint8(n % 3)}},
                                    Properties());
        } else {
            if (h.open) {
                h.drain(qsizetype(n));
            } else if (reconnects < 4) {
                ++reconnects;
                h.openConnection();
                h.drain(0);
                ConnackPacket again;
                again.sessionPresent = !o.cleanStart && (n & 1);
                const QByteArray bytes = encode(again, o.version);
                h.check(h.session.receive(bytes.constData(), bytes.size(), h.now));
            }
        }
        if (h.session.inflightCount() < 0 || h.session.inflightCount() > 65535
            || h.session.outgoingCount() < 0)
            abort();
    }
    if (h.open)
        h.closeConnection();
    return 0;
}
