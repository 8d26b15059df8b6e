#include "capture/sessionwriter.h"

#include "logging.h"

#include <QJsonDocument>

namespace mqtt {

namespace {
constexpr qsizetype kFlushThreshold = 64 * 1024;
}

SessionWriter::SessionWriter(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(m_flushInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] { flush(); });
}

SessionWriter::~SessionWriter()
{
    if (m_file.isOpen())
        close();
}

void SessionWriter::setFlushInterval(int msec)
{
    m_flushInterval = qMax(1, msec);
    m_timer.setInterval(m_flushInterval);
}

bool SessionWriter::open(const QString &path, const SessionHeader &header)
{
    if (m_file.isOpen())
        close();
    m_error.clear();
    m_buffer.clear();
    m_events = 0;
    m_pendingEvents = 0;
    m_file.setFileName(path);
    // Unbuffered: our own buffer holds whole lines, and a write error must surface now.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_error = tr("Cannot open session file %1 for writing: %2")
                          .arg(path, m_file.errorString());
        return false;
    }
    m_buffer = QJsonDocument(capture::headerToJson(header)).toJson(QJsonDocument::Compact);
    m_buffer += '\n';
    if (!writeBuffer())
        return false;
    m_sinceFlush.start();
    m_timer.start();
    return true;
}

bool SessionWriter::write(const SessionEvent &event)
{
    if (!m_file.isOpen() || hasError())
        return false;
    // Straight into the buffer: a QJsonDocument per event made recording slower than
    // mosquitto_sub printing the same messages (same bytes, see SessionLineEncoder).
    m_encoder.append(m_buffer, event);
    ++m_pendingEvents;
    if (m_buffer.size() >= kFlushThreshold || m_sinceFlush.elapsed() >= m_flushInterval)
        return flush();
    return true;
}

bool SessionWriter::flush()
{
    if (!m_file.isOpen() || hasError())
        return false;
    m_sinceFlush.restart();
    return writeBuffer();
}

bool SessionWriter::close()
{
    if (!m_file.isOpen())
        return !hasError();
    m_timer.stop();
    const bool ok = !hasError() && writeBuffer();
    m_file.close();
    m_buffer.clear();
    return ok;
}

bool SessionWriter::writeBuffer()
{
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        const qint64 n = m_file.write(m_buffer.constData() + done, m_buffer.size() - done);
        if (n <= 0) {
            fail(tr("Cannot write session file %1: %2 (%3 events written before it; recording stopped)")
                         .arg(m_file.fileName(), m_file.errorString()).arg(m_events));
            return false;
        }
        done += n;
    }
    m_buffer.clear();
    m_events += m_pendingEvents;
    m_pendingEvents = 0;
    return true;
}

void SessionWriter::fail(const QString &message)
{
    m_error = message;
    m_buffer.clear();
    m_timer.stop();
    qCWarning(lcMqttCapture, "%s", qPrintable(message));
    Q_EMIT errorOccurred(message);
}

} // namespace mqtt
