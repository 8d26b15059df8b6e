#include "sessionexporter.h"

#include "capture/sessionlineencoder.h"
#include "csvwriter.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent>

namespace {

constexpr qsizetype writeChunk = 1 << 20;

} // namespace

SessionExporter::SessionExporter(QObject *parent) : QObject(parent)
{
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this,
            [this] { Q_EMIT progress(m_done ? m_done->load() : 0, m_total); });
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_progressTimer.stop();
        m_result = m_watcher.result();
        Q_EMIT progress(m_result.events, m_result.ok ? m_result.events : m_total);
        Q_EMIT finished(m_result);
    });
}

SessionExporter::~SessionExporter()
{
    cancel();
    waitForFinished();
}

bool SessionExporter::start(const ExportSource &source, const QString &path, Format format,
                            const mqtt::SessionHeader &header)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_total = source.eventCount();
    m_result = Result();
    const auto cancelFlag = m_cancel;
    const auto done = m_done;
    m_watcher.setFuture(QtConcurrent::run([source, path, format, header, cancelFlag, done] {
        return write(source, path, format, header, cancelFlag.get(), done.get());
    }));
    m_progressTimer.start();
    return true;
}

void SessionExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void SessionExporter::waitForFinished()
{
    m_watcher.waitForFinished();
}

SessionExporter::Result SessionExporter::write(const ExportSource &source, const QString &path,
                                               Format format, const mqtt::SessionHeader &header,
                                               const std::atomic<bool> *cancel,
                                               std::atomic<qint64> *progress)
{
    Result result;
    QSaveFile file(path);
    const auto fail = [&](const QString &what) {
        file.cancelWriting();
        result.error = QObject::tr("Cannot export to %1: %2").arg(path, what);
        return result;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());

    QByteArray buffer;
    buffer.reserve(writeChunk + 64 * 1024);
    if (format == Format::Session) {
        buffer = QJsonDocument(mqtt::capture::headerToJson(header)).toJson(QJsonDocument::Compact);
        buffer += '\n';
    } else {
        buffer = CsvWriter::headerRow();
    }
    mqtt::SessionLineEncoder encoder;
    bool writeFailed = false;
    // A full disk first shows as a short write without an error; writing the rest gets the
    // system's reason (ENOSPC), which QSaveFile keeps so that commit() fails and discards.
    const auto writeOut = [&] {
        qsizetype written = 0;
        while (written < buffer.size()) {
            const qint64 n = file.write(buffer.constData() + written, buffer.size() - written);
            if (n <= 0) {
                writeFailed = true;
                return false;
            }
            written += qsizetype(n);
        }
        buffer.clear();
        return true;
    };
    qint64 events = 0;
    source.forEachEvent([&](const mqtt::SessionEvent &e) {
        if (format == Format::Session)
            encoder.append(buffer, e);
        else
            CsvWriter::appendRow(buffer, e);
        ++events;
        if (buffer.size() >= writeChunk) {
            if (!writeOut())
                return false;
            if (progress)
                progress->store(events, std::memory_order_relaxed);
            if (cancel && cancel->load(std::memory_order_relaxed))
                return false;
        }
        return true;
    });
    if (cancel && cancel->load()) {
        file.cancelWriting();
        result.cancelled = true;
        result.events = events;
        return result;
    }
    if (writeFailed || !writeOut())
        return fail(file.errorString());
    if (!file.commit()) {
        result.error = QObject::tr("Cannot export to %1: %2").arg(path, file.errorString());
        return result;
    }
    result.ok = true;
    result.events = events;
    if (progress)
        progress->store(events);
    return result;
}
