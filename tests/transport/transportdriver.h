#pragma once

#include "transport/transport.h"

#include <QByteArray>
#include <QString>

#include <functional>

// Drives one mqtt::Transport the way mqtt::Client's external loop does: poll() on its fd for
// read, and for write while it needsWrite() or has bytes to send. Between polls it turns the
// Qt event loop, so in-process peers (QTcpServer, QWebSocketServer bridges) keep working.
class TransportDriver
{
public:
    explicit TransportDriver(mqtt::Transport &transport) : m_transport(transport) {}

    void send(const QByteArray &bytes) { m_outgoing += bytes; }
    // At most this many bytes per write() call (1 = byte by byte); 0 = no limit.
    void setWriteChunk(qint64 bytes) { m_writeChunk = bytes; }

    // Loops until done() holds (true), or the transport fails or closes, or time runs out (false).
    bool runUntil(const std::function<bool()> &done, int timeoutMs = 15000);
    // Runs until `received()` holds `count` complete MQTT packets.
    bool runUntilPackets(int count, int timeoutMs = 15000);

    QByteArray &received() { return m_received; }
    // Splits off the first complete MQTT packet of received() (empty if none).
    QByteArray takePacket();

    mqtt::Transport::Status status() const { return m_status; }
    QString error() const { return m_error; }
    int readCalls() const { return m_readCalls; }

private:
    bool step(int pollMs);

    mqtt::Transport &m_transport;
    QByteArray m_outgoing;
    QByteArray m_received;
    qint64 m_writeChunk = 0;
    mqtt::Transport::Status m_status = mqtt::Transport::Status::Ok;
    QString m_error;
    int m_readCalls = 0;
};
