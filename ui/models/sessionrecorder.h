#pragma once

#include "capture/sessionwriter.h"

#include <QObject>

class Connection;

// Records one connection while it runs, in the session format (docs/session-format.md, the
// CLI's `record` format): every received message (from the client's batched signal, one
// write per read), every sent message, log line and connection event (from the connection's
// SessionJournal). SessionWriter writes whole lines at least once a second; the first write
// error (full disk, no permission) stops the recording and is reported by failed().
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    explicit SessionRecorder(Connection *connection, QObject *parent = nullptr);
    ~SessionRecorder() override;

    // Creates or truncates `path` and starts. False with *error when it cannot be written.
    bool start(const QString &path, QString *error = nullptr);
    // Flushes and closes; false with *error when the last write failed.
    bool stop(QString *error = nullptr);
    bool isRecording() const { return m_writer.isOpen() && !m_writer.hasError(); }
    QString fileName() const { return m_writer.fileName(); }
    qint64 eventsRecorded() const { return m_events; }
    void setFlushInterval(int msec) { m_writer.setFlushInterval(msec); }

Q_SIGNALS:
    void started(const QString &path);
    void stopped();
    // The recording stopped by itself: `message` names the file and the system's reason.
    void failed(const QString &message);

private:
    void write(const mqtt::SessionEvent &event);
    void detach();

    Connection *m_connection;
    mqtt::SessionWriter m_writer;
    QList<QMetaObject::Connection> m_links;
    qint64 m_events = 0;
};
