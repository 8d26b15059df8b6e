#include "sessionloader.h"

#include "capture/sessionreader.h"

#include <QtConcurrent>

SessionLoader::SessionLoader(QObject *parent) : QObject(parent)
{
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this,
            [this] { Q_EMIT progress(m_bytesRead.load(), m_bytesTotal.load()); });
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_progressTimer.stop();
        m_result = m_watcher.result();
        Q_EMIT progress(m_bytesTotal.load(), m_bytesTotal.load());
        Q_EMIT finished(m_result);
    });
}

SessionLoader::~SessionLoader()
{
    cancel();
    waitForFinished();
}

bool SessionLoader::start(const QString &path)
{
    if (isRunning())
        return false;
    m_cancel = false;
    if (m_inFlight.available() > 2) // permits a cancel released for a worker that did not wait
        m_inFlight.acquire(m_inFlight.available() - 2);
    m_bytesRead = 0;
    m_bytesTotal = 0;
    m_result = Result();
    m_watcher.setFuture(QtConcurrent::run([this, path] { return run(path); }));
    m_progressTimer.start();
    return true;
}

void SessionLoader::cancel()
{
    m_cancel = true;
    // A worker waiting for a batch slot must see the cancel.
    m_inFlight.release(2);
}

void SessionLoader::waitForFinished()
{
    m_watcher.waitForFinished();
    // Batches still queued for this object are harmless: deliver() runs on our thread.
}

void SessionLoader::deliver(const QList<mqtt::Message> &received,
                            const QList<mqtt::SessionEvent> &other)
{
    // Runs on the worker: blocks while two batches wait for the GUI thread.
    m_inFlight.acquire();
    if (m_cancel) {
        m_inFlight.release();
        return;
    }
    QMetaObject::invokeMethod(this, [this, received, other] {
        if (!m_cancel)
            Q_EMIT batchLoaded(received, other);
        m_inFlight.release();
    }, Qt::QueuedConnection);
}

SessionLoader::Result SessionLoader::run(const QString &path)
{
    Result result;
    mqtt::SessionReader reader;
    if (!reader.open(path)) {
        result.error = reader.errorString();
        return result;
    }
    result.ok = true;
    result.header = reader.header();
    m_bytesTotal = reader.size();
    const mqtt::SessionHeader header = result.header;
    QMetaObject::invokeMethod(this, [this, header] { Q_EMIT headerRead(header); },
                              Qt::QueuedConnection);

    QList<mqtt::Message> received;
    QList<mqtt::SessionEvent> other;
    received.reserve(batchSize);
    mqtt::SessionEvent event;
    while (!m_cancel) {
        if (reader.readNext(&event)) {
            ++result.events;
            if (event.type == mqtt::SessionEvent::Type::Received) {
                received.append(mqtt::capture::toMessage(event));
                ++result.received;
            } else {
                other.append(event);
            }
            if (received.size() + other.size() >= batchSize) {
                m_bytesRead = reader.position();
                deliver(received, other);
                received.clear();
                other.clear();
                received.reserve(batchSize);
            }
            continue;
        }
        if (!reader.hasError())
            break; // the end (perhaps before an incomplete last line)
        const BadLine bad{reader.errorLine(), reader.errorString()};
        if (!reader.skipBadLine()) {
            result.error = bad.message;
            break;
        }
        ++result.badLineCount;
        if (result.badLines.size() < maxBadLines)
            result.badLines.append(bad);
    }
    if (!received.isEmpty() || !other.isEmpty())
        deliver(received, other);
    result.warning = reader.warningString();
    result.cancelled = m_cancel;
    m_bytesRead = reader.position();
    return result;
}
