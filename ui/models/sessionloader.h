#pragma once

#include "capture/sessionevent.h"
#include "message.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QSemaphore>
#include <QTimer>

#include <atomic>
#include <memory>

// Opens a session file (docs/session-format.md; also what `mqtt-inspector-cli record`
// writes) on a worker thread and hands its events to the GUI thread in batches: received
// messages for the store, everything else for the journal. The reader is the strict
// SessionReader, but a bad line does not stop the load: it is reported with its line number
// and the rest still loads. At most two batches are in flight, so a fast disk cannot queue
// more work on the GUI thread than it handles between two repaints.
class SessionLoader : public QObject
{
    Q_OBJECT
public:
    struct BadLine
    {
        int line = 0;
        QString message; // "rec.jsonl:7: field \"qos\" must be ..."
    };
    struct Result
    {
        bool ok = false;        // the header was read (events may still have bad lines)
        bool cancelled = false;
        QString error;          // fatal: cannot open, not a session file, read error
        QString warning;        // the incomplete last line of an interrupted recording
        mqtt::SessionHeader header;
        qint64 received = 0;
        qint64 events = 0;      // all events loaded
        qint64 badLineCount = 0;
        QList<BadLine> badLines; // the first maxBadLines()
    };
    static constexpr int maxBadLines = 1000;
    static constexpr int batchSize = 8192;

    explicit SessionLoader(QObject *parent = nullptr);
    ~SessionLoader() override;

    bool start(const QString &path);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    Result result() const { return m_result; }
    void waitForFinished();

Q_SIGNALS:
    void headerRead(const mqtt::SessionHeader &header);
    // A batch, in file order: received messages, then the other events of the same stretch.
    void batchLoaded(const QList<mqtt::Message> &received, const QList<mqtt::SessionEvent> &other);
    void progress(qint64 bytesRead, qint64 bytesTotal);
    void finished(const SessionLoader::Result &result);

private:
    Result run(const QString &path);
    void deliver(const QList<mqtt::Message> &received, const QList<mqtt::SessionEvent> &other);

    QFutureWatcher<Result> m_watcher;
    QTimer m_progressTimer;
    QSemaphore m_inFlight{2};
    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_bytesRead{0};
    std::atomic<qint64> m_bytesTotal{0};
    Result m_result;
};
