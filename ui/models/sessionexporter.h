#pragma once

#include "exportsource.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

// Writes an ExportSource to a file on a worker thread, as a session file (JSON Lines,
// docs/session-format.md) or CSV (CsvWriter), with progress and cancel. The file is written
// through QSaveFile: a temporary file beside the target, renamed over it only when every
// byte was written, so a full disk, a missing permission or a cancel leaves no half file (and
// an existing file at the path untouched).
class SessionExporter : public QObject
{
    Q_OBJECT
public:
    enum class Format { Session, Csv };
    Q_ENUM(Format)

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        qint64 events = 0;
        QString error; // names the file and the system's reason
    };

    explicit SessionExporter(QObject *parent = nullptr);
    ~SessionExporter() override;

    // Starts the export; false when one is running already.
    bool start(const ExportSource &source, const QString &path, Format format,
               const mqtt::SessionHeader &header);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    Result result() const { return m_result; }
    // Waits for the worker (tests, and the window closing during an export).
    void waitForFinished();

    // The export of `source` to `path` on the calling thread (the worker's body).
    static Result write(const ExportSource &source, const QString &path, Format format,
                        const mqtt::SessionHeader &header, const std::atomic<bool> *cancel,
                        std::atomic<qint64> *progress);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const SessionExporter::Result &result);

private:
    QFutureWatcher<Result> m_watcher;
    QTimer m_progressTimer;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done;
    qint64 m_total = 0;
    Result m_result;
};
