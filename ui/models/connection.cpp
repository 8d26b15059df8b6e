#include "connection.h"

#include "client.h"
#include "messagestore.h"
#include "mqttstrings.h"
#include "packetmodel.h"
#include "panemodel.h"
#include "reasontext.h"
#include "sessionjournal.h"
#include "sessionrecorder.h"
#include "socketloop.h"
#include "topic.h"
#include "topictreemodel.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QUuid>

namespace {

Q_LOGGING_CATEGORY(lcConnection, "mqtt.ui.connection", QtWarningMsg)

QString generatedClientId()
{
    return QStringLiteral("mqtt-inspector-")
        + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

} // namespace

Connection::Connection(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_client(std::make_unique<mqtt::Client>(settings.clientId.isEmpty() ? generatedClientId()
                                                                          : settings.clientId))
    , m_loop(std::make_unique<mqtt::SocketNotifierLoop>(m_client.get()))
    , m_store(std::make_unique<MessageStore>())
    , m_tree(std::make_unique<TopicTreeModel>(m_store.get()))
    , m_journal(std::make_unique<SessionJournal>())
    , m_packets(std::make_unique<PacketModel>())
{
    m_recorder = std::make_unique<SessionRecorder>(this);
    m_client->setProtocolVersion(settings.protocolVersion);
    m_client->setTransportOptions(settings.transport);
    if (!settings.userName.isEmpty())
        m_client->setCredentials(settings.userName, settings.password);
    m_client->setCleanSession(settings.cleanSession);
    m_client->setConnectProperties(settings.connectProperties);
    if (!settings.willTopic.isEmpty()) {
        const mqtt::Error rc = m_client->setWill(settings.willTopic, settings.willPayload,
                                                 settings.willQos, settings.willRetain,
                                                 settings.willProperties);
        if (rc != mqtt::Error::Success)
            qCWarning(lcConnection) << "will not set:" << mqtt::errorString(int(rc));
    }
    m_loop->setAutoReconnect(settings.autoReconnect);
    // The log console shows connection events; one formatted line per PUBLISH would cost more
    // than the message itself under a flood.
    m_client->setPacketLogging(false);

    m_defaultPane = new PaneModel(QString(), this);
    m_defaultPane->setColor(QColor(0x86, 0x8e, 0x96));
    m_store->addPane(m_defaultPane);
    m_panes.append({m_defaultPane, false, 0});

    connect(m_client.get(), &mqtt::Client::messagesReceived, m_store.get(),
            &MessageStore::addBatch);
    // Only emitted while capture is on; the model queues and flushes on its own timer.
    connect(m_client.get(), &mqtt::Client::packetsObserved, m_packets.get(),
            &PacketModel::append);
    connect(m_client.get(), &mqtt::Client::connected, this,
            [this](mqtt::ConnectFlags flags, mqtt::ReasonCode rc, const mqtt::Properties &) {
                const QString text = m_client->protocolVersion() == mqtt::ProtocolVersion::V5
                    ? mqtt::reasonCodeName(rc, mqtt::PacketType::Connack)
                    : mqtt::connackString(rc.value);
                onConnected(flags.sessionPresent, rc.value, text);
            });
    connect(m_client.get(), &mqtt::Client::disconnected, this,
            [this](int rc, mqtt::DisconnectFlags flags, mqtt::ReasonCode reason,
                   const mqtt::Properties &properties) {
                if (rc == 0) {
                    setStatus(Status::Disconnected, tr("Disconnected"));
                    log(tr("Disconnected"));
                    journalConnection(QStringLiteral("disconnected"), 0, tr("Disconnected"));
                    return;
                }
                // The journal keeps paho's English and the protocol's reason names.
                const QString name = flags.fromServer
                    ? mqtt::reasonCodeName(reason, mqtt::PacketType::Disconnect)
                    : mqtt::errorString(rc);
                const QString why = flags.fromServer
                    ? tr("the broker sent DISCONNECT: %1").arg(ReasonText::translated(name))
                    : ReasonText::translated(name);
                log(tr("Disconnected (rc %1): %2").arg(rc).arg(why), mqtt::LogLevel::Warning);
                journalConnection(QStringLiteral("disconnected"), rc,
                                  flags.fromServer
                                      ? QStringLiteral("the broker sent DISCONNECT: %1").arg(name)
                                      : name);
                if (m_status != Status::Refused) {
                    setDiagnosis(flags.fromServer
                                     ? ConnectionDiagnosis::disconnect(
                                               reason.value, properties.serverReference().value_or(QString()))
                                     : ConnectionDiagnosis::transport(m_lastClientError, m_settings.port));
                }
                if (m_status != Status::Refused) // keep the refusal's reason on screen
                    setStatus(Status::Lost, tr("Connection lost: %1").arg(why));
            });
    connect(m_client.get(), &mqtt::Client::connectFailed, this, [this](const QString &error) {
        log(tr("Cannot connect: %1").arg(error), mqtt::LogLevel::Err);
        journalConnection(QStringLiteral("disconnected"), -1, error);
        setDiagnosis(ConnectionDiagnosis::transport(error, m_settings.port));
        setStatus(Status::Lost, tr("Cannot connect: %1").arg(error));
    });
    connect(m_client.get(), &mqtt::Client::logMessage, this,
            [this](mqtt::LogLevel level, const QString &text) {
                if (level == mqtt::LogLevel::Err || level == mqtt::LogLevel::Warning)
                    m_lastClientError = text;
                log(text, level);
            });
    connect(m_client.get(), &mqtt::Client::published, this, [this] { ++m_messagesOut; });
    connect(m_client.get(), &mqtt::Client::messageSent, this,
            [this](const mqtt::Message &message) {
                m_journal->append(mqtt::capture::fromMessage(mqtt::SessionEvent::Type::Sent,
                                                             message));
            });
    connect(m_client.get(), &mqtt::Client::subscribed, this,
            [this](int mid, const QList<mqtt::ReasonCode> &granted) {
                QStringList codes;
                for (const mqtt::ReasonCode &rc : granted)
                    codes << mqtt::reasonCodeName(rc, mqtt::PacketType::Suback);
                const QString text = codes.join(QStringLiteral(", "));
                QStringList shown;
                for (const QString &code : std::as_const(codes))
                    shown << ReasonText::translated(code);
                log(tr("Subscribed (mid %1): %2").arg(mid).arg(shown.join(tr(", "))));
                journalConnection(QStringLiteral("subscribed"), -1, text);
            });
    connect(m_loop.get(), &mqtt::SocketNotifierLoop::reconnectScheduled, this,
            [this](int delayMs, int) {
                if (m_status == Status::Lost || m_status == Status::Refused) {
                    // The reason stays, the countdown is replaced: remembered rather than cut
                    // out of the text, whose separator depends on the language.
                    if (m_statusText != m_reconnectingText)
                        m_reconnectBase = m_statusText;
                    m_reconnectingText = tr("%1; reconnecting in %2 s")
                                             .arg(m_reconnectBase)
                                             .arg(QLocale().toString(delayMs / 1000.0, 'f', 1));
                    setStatus(m_status, m_reconnectingText);
                }
            });
    connect(m_client.get(), &mqtt::Client::stateChanged, this, [this](mqtt::Client::State state) {
        if (state == mqtt::Client::State::HostLookup || state == mqtt::Client::State::Connecting) {
            if (m_status != Status::Lost && m_status != Status::Refused)
                setStatus(Status::Connecting, tr("Connecting to %1…").arg(m_settings.displayUrl()));
        }
    });

    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &Connection::updateRates);
    m_rateTimer.start();
    m_rateClock.start();
    m_statusText = tr("Disconnected");
}

Connection::~Connection()
{
    // Members are going: no status or log updates from here on.
    QObject::disconnect(m_client.get(), nullptr, this, nullptr);
    // Closing a tab is a normal disconnect: DISCONNECT goes out (a non-blocking write of two
    // bytes), so the broker does not publish our will as if the connection had dropped.
    if (m_client->isConnected()) {
        m_client->disconnect();
        m_client->loopWrite();
    }
    // The panes' models outlive nothing: detach them from the store before it goes.
    for (const PaneEntry &entry : std::as_const(m_panes))
        m_store->removePane(entry.pane);
}

void Connection::connectToBroker()
{
    setStatus(Status::Connecting, tr("Connecting to %1…").arg(m_settings.displayUrl()));
    if (isOffline())
        return;
    log(tr("Connecting to %1 as %2").arg(m_settings.displayUrl(), m_client->clientId()));
    journalConnection(QStringLiteral("connecting"), -1, m_settings.displayUrl());
    m_client->connect(m_settings.host, m_settings.port, m_settings.keepAlive);
}

void Connection::setOffline(const QString &sourceFile, const QString &statusText)
{
    m_sourceFile = sourceFile;
    setStatus(Status::Offline, statusText);
}

void Connection::log(const QString &text, mqtt::LogLevel level)
{
    m_journal->append(mqtt::SessionEvent::log(level, text, QDateTime::currentMSecsSinceEpoch()));
    Q_EMIT logLine(text, level);
}

void Connection::setDiagnosis(const Diagnosis &diagnosis)
{
    m_diagnosis = diagnosis;
    if (!diagnosis.isEmpty())
        log(tr("Why: %1").arg(diagnosis.text()));
}

void Connection::journalConnection(const QString &event, int code, const QString &text)
{
    m_journal->append(mqtt::SessionEvent::connection(event, code, text,
                                                     QDateTime::currentMSecsSinceEpoch()));
}

void Connection::disconnectFromBroker()
{
    m_client->disconnect();
    if (m_client->state() == mqtt::Client::State::Disconnected)
        setStatus(Status::Disconnected, tr("Disconnected"));
}

QList<PaneModel *> Connection::panes() const
{
    QList<PaneModel *> result;
    for (const PaneEntry &entry : m_panes)
        result << entry.pane;
    return result;
}

PaneModel *Connection::addPane(const QString &filter, int qos, bool subscribe, QString *error)
{
    const QString why = filter.isEmpty() ? tr("the filter is empty")
                                         : mqtt::validateTopicFilter(filter);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return nullptr;
    }
    for (const PaneEntry &entry : std::as_const(m_panes)) {
        if (entry.pane->filter() == filter) {
            if (error)
                *error = tr("a pane for %1 is open already").arg(filter);
            return nullptr;
        }
    }
    auto *pane = new PaneModel(filter, this);
    pane->setColor(nextPaneColor());
    m_store->addPane(pane);
    m_panes.append({pane, subscribe, qos});
    if (subscribe && m_client->isConnected())
        m_client->subscribe(filter, qos);
    Q_EMIT paneAdded(pane);
    return pane;
}

QList<Connection::PaneSpec> Connection::paneSpecs() const
{
    QList<PaneSpec> specs;
    for (const PaneEntry &entry : m_panes) {
        if (entry.pane != m_defaultPane)
            specs.append({entry.pane->filter(), entry.qos, entry.subscribed});
    }
    return specs;
}

void Connection::removePane(PaneModel *pane)
{
    if (pane == m_defaultPane)
        return;
    for (qsizetype i = 0; i < m_panes.size(); ++i) {
        if (m_panes.at(i).pane != pane)
            continue;
        const PaneEntry entry = m_panes.takeAt(i);
        m_store->removePane(pane);
        if (entry.subscribed && m_client->isConnected())
            m_client->unsubscribe(pane->filter());
        Q_EMIT paneRemoved(pane);
        pane->deleteLater();
        return;
    }
}

void Connection::setStatus(Status status, const QString &text)
{
    if (m_status == status && m_statusText == text)
        return;
    m_status = status;
    m_statusText = text;
    Q_EMIT statusChanged();
}

void Connection::onConnected(bool sessionPresent, int reasonCode, const QString &reasonText)
{
    // The journal (and so session files) keeps the protocol's English; the window translates.
    const QString shown = ReasonText::translated(reasonText);
    if (reasonCode != 0) {
        log(tr("Connection refused: %1").arg(shown), mqtt::LogLevel::Err);
        journalConnection(QStringLiteral("refused"), reasonCode, reasonText);
        m_diagnosis = ConnectionDiagnosis::connack(m_client->protocolVersion(), reasonCode);
        log(tr("Why: %1").arg(m_diagnosis.text()));
        setStatus(Status::Refused, tr("Refused: %1").arg(shown));
        return;
    }
    m_sessionPresent = sessionPresent;
    m_diagnosis = Diagnosis();
    m_lastClientError.clear();
    log(sessionPresent ? tr("Connected: %1 (session present)").arg(shown)
                       : tr("Connected: %1").arg(shown));
    journalConnection(QStringLiteral("connected"), 0, reasonText);
    setStatus(Status::Connected, tr("Connected (MQTT %1): %2")
                                     .arg(m_client->protocolVersion() == mqtt::ProtocolVersion::V5
                                              ? QStringLiteral("5.0") : QStringLiteral("3.1.1"),
                                          shown));
    // Subscribe once per connection that did not resume a session; the loop re-subscribes
    // what we asked for earlier, so only the first connection asks.
    if (m_client->subscriptions().isEmpty()) {
        QList<mqtt::Subscription> subscriptions = m_settings.subscriptions;
        for (const PaneEntry &entry : std::as_const(m_panes)) {
            if (entry.subscribed)
                subscriptions.append({entry.pane->filter(), quint8(entry.qos)});
        }
        subscribeGrouped(subscriptions);
    }
}

void Connection::subscribeGrouped(const QList<mqtt::Subscription> &subscriptions)
{
    // One SUBSCRIBE carries one Subscription Identifier: a SUBSCRIBE per identifier, in the
    // order the identifiers first appear (0 = none, the common case: usually one SUBSCRIBE).
    const bool v5 = m_client->protocolVersion() == mqtt::ProtocolVersion::V5;
    QList<quint32> order;
    QHash<quint32, QList<mqtt::Subscription>> groups;
    for (const mqtt::Subscription &s : subscriptions) {
        const quint32 id = v5 ? m_settings.subscriptionIdentifiers.value(s.filter, 0) : 0;
        if (!groups.contains(id))
            order.append(id);
        groups[id].append(s);
    }
    for (const quint32 id : std::as_const(order)) {
        mqtt::Properties properties;
        if (id != 0)
            properties.setSubscriptionIdentifier(id);
        m_client->subscribe(groups.value(id), properties);
    }
}

void Connection::updateRates()
{
    const double seconds = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const qint64 in = m_store->totalMessages();
    const qint64 inBytes = m_store->totalBytes();
    m_inRate = (in - m_inAtTick) / seconds;
    m_inBytesRate = (inBytes - m_inBytesAtTick) / seconds;
    m_outRate = (m_messagesOut - m_outAtTick) / seconds;
    m_inAtTick = in;
    m_inBytesAtTick = inBytes;
    m_outAtTick = m_messagesOut;
    Q_EMIT ratesChanged();
}

QColor Connection::nextPaneColor()
{
    // Distinct hues that read on light and dark backgrounds.
    static const QRgb colors[] = {0x1c7ed6, 0xe8590c, 0x2f9e44, 0xae3ec9,
                                  0x0c8599, 0xf08c00, 0xe03131, 0x5c7cfa};
    const QColor color = QColor::fromRgb(colors[m_colorIndex % int(std::size(colors))]);
    ++m_colorIndex;
    return color;
}

void Connection::setPacketCapture(bool on)
{
    if (on == m_client->packetObserver())
        return;
    m_client->setPacketObserver(on);
    Q_EMIT packetCaptureChanged(on);
}

bool Connection::packetCapture() const
{
    return m_client->packetObserver();
}
