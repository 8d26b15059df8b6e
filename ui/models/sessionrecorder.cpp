#include "sessionrecorder.h"

#include "client.h"
#include "connection.h"
#include "mqttcoreglobal.h"
#include "sessionjournal.h"

#include <QDateTime>

SessionRecorder::SessionRecorder(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(&m_writer, &mqtt::SessionWriter::errorOccurred, this, [this](const QString &message) {
        detach();
        m_writer.close();
        Q_EMIT failed(tr("Recording stopped: %1").arg(message));
        Q_EMIT stopped();
    });
}

SessionRecorder::~SessionRecorder()
{
    detach();
    m_writer.close();
}

bool SessionRecorder::start(const QString &path, QString *error)
{
    if (m_writer.isOpen())
        stop();
    const ConnectionSettings settings = m_connection->settings();
    mqtt::SessionHeader header;
    header.broker = settings.displayUrl();
    header.startTime = QDateTime::currentDateTimeUtc();
    header.clientId = m_connection->client()->clientId();
    header.protocol = m_connection->client()->protocolVersion() == mqtt::ProtocolVersion::V5
        ? QStringLiteral("mqttv5") : QStringLiteral("mqttv311");
    header.tool = QStringLiteral("mqtt-inspector " MQTTCORE_VERSION_STRING);
    if (!m_writer.open(path, header)) {
        if (error)
            *error = m_writer.errorString();
        return false;
    }
    m_events = 0;
    m_links << connect(m_connection->client(), &mqtt::Client::messagesReceived, this,
                       [this](const QList<mqtt::Message> &messages) {
                           for (const mqtt::Message &m : messages)
                               write(mqtt::capture::fromMessage(
                                       mqtt::SessionEvent::Type::Received, m));
                       });
    m_links << connect(m_connection->journal(), &SessionJournal::appended, this,
                       &SessionRecorder::write);
    Q_EMIT started(path);
    return true;
}

bool SessionRecorder::stop(QString *error)
{
    if (!m_writer.isOpen())
        return true;
    detach();
    const bool ok = m_writer.close();
    if (!ok && error)
        *error = m_writer.errorString();
    Q_EMIT stopped();
    return ok;
}

void SessionRecorder::write(const mqtt::SessionEvent &event)
{
    if (m_writer.write(event))
        ++m_events;
}

void SessionRecorder::detach()
{
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        QObject::disconnect(link);
    m_links.clear();
}
