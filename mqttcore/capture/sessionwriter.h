#pragma once

#include "capture/sessionevent.h"
#include "capture/sessionlineencoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

namespace mqtt {

// Writes a session file (docs/session-format.md): the header line, then one JSON line per
// event. Lines are collected in memory and written whole, at least once a second (a timer,
// plus a check on every write() for callers without an event loop), when the buffer passes
// 64 KiB, and on close(). A process killed at any moment therefore leaves a file whose lines
// are all complete except, at worst, the last one.
//
// The first failed write (disk full, I/O error) stops the writer for good: errorOccurred() is
// emitted once, errorString() says what happened, and nothing more is appended, so a
// partially written line can only ever be the last line of the file.
class SessionWriter : public QObject
{
    Q_OBJECT

public:
    explicit SessionWriter(QObject *parent = nullptr);
    ~SessionWriter() override;

    // Creates or truncates the file and writes the header line. Returns false with
    // errorString() set when the file cannot be opened or written.
    bool open(const QString &path, const SessionHeader &header);
    bool isOpen() const { return m_file.isOpen(); }

    // Queues one event. Returns false when the writer is not open or has failed.
    bool write(const SessionEvent &event);
    // Writes out everything queued. Returns false on a write error.
    bool flush();
    // Flushes and closes. Returns false if the final flush (or any earlier write) failed.
    bool close();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString fileName() const { return m_file.fileName(); }
    // Events that have reached the file (queued ones are not counted until flushed).
    qint64 eventsWritten() const { return m_events; }

    // Maximum time a queued line waits before it is written (default 1000 ms).
    void setFlushInterval(int msec);
    int flushInterval() const { return m_flushInterval; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    bool writeBuffer();
    void fail(const QString &message);

    QFile m_file;
    SessionLineEncoder m_encoder;
    QByteArray m_buffer;
    QTimer m_timer;
    QElapsedTimer m_sinceFlush;
    QString m_error;
    qint64 m_events = 0;
    qint64 m_pendingEvents = 0;
    int m_flushInterval = 1000;
};

} // namespace mqtt
