#include "widgets/connectionstatusbar.h"

#include "connection.h"
#include "messagestore.h"
#include "previewtext.h"
#include "sessionrecorder.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QAccessible>
#include <QFileInfo>
#include <QLocale>
#include <QToolButton>

namespace {

QColor statusColor(Connection::Status status)
{
    switch (status) {
    case Connection::Status::Connected: return QColor(0x2f, 0x9e, 0x44);
    case Connection::Status::Connecting: return QColor(0xf0, 0x8c, 0x00);
    case Connection::Status::Refused:
    case Connection::Status::Lost: return QColor(0xe0, 0x31, 0x31);
    case Connection::Status::Offline: return QColor(0x1c, 0x7e, 0xd6);
    case Connection::Status::Disconnected: break;
    }
    return QColor(0x86, 0x8e, 0x96);
}

} // namespace

ConnectionStatusBar::ConnectionStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_indicator(new QLabel(this))
    , m_status(new QLabel(this))
    , m_rates(new QLabel(this))
    , m_memory(new QToolButton(this))
    , m_recording(new QLabel(this))
    , m_diagnosis(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(8);
    m_indicator->setFixedSize(12, 12);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rates->setObjectName(QStringLiteral("connectionRates"));
    m_memory->setObjectName(QStringLiteral("storeMemory"));
    m_memory->setAutoRaise(true);
    m_memory->setToolTip(tr("Message history kept in memory against its budget; "
                            "click to change the budget. Over it, the oldest history goes first."));
    layout->addWidget(m_indicator);
    layout->addWidget(m_status);
    // Why it failed and what to try: as wide as the bar allows, the whole text in the tooltip.
    m_diagnosis->setObjectName(QStringLiteral("connectionDiagnosis"));
    m_diagnosis->setTextFormat(Qt::PlainText);
    m_diagnosis->setForegroundRole(QPalette::PlaceholderText);
    m_diagnosis->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_diagnosis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_diagnosis, 1);
    m_recording->setObjectName(QStringLiteral("recordingStatus"));
    m_recording->setTextFormat(Qt::PlainText);
    m_recording->setStyleSheet(QStringLiteral("color:#e03131; font-weight:bold;"));
    m_recording->hide();
    layout->addWidget(m_recording);
    layout->addWidget(m_rates);
    layout->addWidget(m_memory);
    connect(m_memory, &QToolButton::clicked, this, &ConnectionStatusBar::changeBudget);
    updateStatus();
    updateCounters();
}

void ConnectionStatusBar::setConnection(Connection *connection)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_connection = connection;
    if (connection) {
        m_connections << connect(connection, &Connection::statusChanged, this,
                                 &ConnectionStatusBar::updateStatus)
                      << connect(connection, &Connection::ratesChanged, this,
                                 &ConnectionStatusBar::updateCounters)
                      << connect(connection->store(), &MessageStore::historyDropped, this,
                                 &ConnectionStatusBar::updateCounters)
                      << connect(connection->recorder(), &SessionRecorder::started, this,
                                 &ConnectionStatusBar::updateCounters)
                      << connect(connection->recorder(), &SessionRecorder::stopped, this,
                                 &ConnectionStatusBar::updateCounters);
    }
    updateStatus();
    updateCounters();
}

QString ConnectionStatusBar::statusText() const
{
    return m_status->text();
}

QString ConnectionStatusBar::diagnosisText() const
{
    return m_connection ? m_connection->diagnosis().text() : QString();
}

QString ConnectionStatusBar::recordingText() const
{
    return m_recording->isHidden() ? QString() : m_recording->text();
}

QString ConnectionStatusBar::ratesText() const
{
    return m_rates->text();
}

QString ConnectionStatusBar::memoryText() const
{
    return m_memory->text();
}

void ConnectionStatusBar::updateStatus()
{
    const Connection::Status status = m_connection ? m_connection->status()
                                                   : Connection::Status::Disconnected;
    m_indicator->setStyleSheet(QStringLiteral("background:%1; border-radius:6px;")
                                   .arg(statusColor(status).name()));
    QString text = m_connection ? m_connection->statusText() : tr("No connection");
    if (m_connection && status == Connection::Status::Connected && m_connection->sessionPresent())
        text += tr(" · session present");
    const QString why = m_connection ? m_connection->diagnosis().text() : QString();
    const bool changed = m_status->text() != text;
    m_status->setText(text);
    m_status->setToolTip(why.isEmpty() ? text : text + QStringLiteral("\n\n") + why);
    m_diagnosis->setText(why.isEmpty() ? QString() : QStringLiteral("— ") + why);
    m_diagnosis->setToolTip(why);
    m_status->setAccessibleDescription(tr("Connection status"));
    if (changed && m_connection) {
        // A screen reader speaks alerts: connecting, connected, refused and why, lost. (Qt
        // drops the event when no assistive technology listens.)
        QAccessibleEvent event(m_status, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
        Q_EMIT statusAnnounced(why.isEmpty() ? text : text + QLatin1Char(' ') + why);
    }
}

void ConnectionStatusBar::updateCounters()
{
    if (!m_connection) {
        m_rates->clear();
        m_memory->setText(QString());
        m_recording->hide();
        return;
    }
    const QLocale locale;
    const SessionRecorder *recorder = m_connection->recorder();
    m_recording->setVisible(recorder->isRecording());
    if (recorder->isRecording()) {
        m_recording->setText(tr("● REC %1 · %2 events")
                                 .arg(QFileInfo(recorder->fileName()).fileName(),
                                      locale.toString(recorder->eventsRecorded())));
        m_recording->setToolTip(tr("Recording to %1").arg(recorder->fileName()));
    }
    const MessageStore *store = m_connection->store();
    m_rates->setText(tr("in %1 msg/s (%2/s) · out %3 msg/s · %4 topics")
                         .arg(PreviewText::shortNumber(m_connection->messagesInPerSecond()),
                              PreviewText::bytes(qint64(m_connection->bytesInPerSecond())),
                              PreviewText::shortNumber(m_connection->messagesOutPerSecond()),
                              locale.toString(store->topicCount())));
    QString memory = tr("history %1 / %2")
                         .arg(locale.formattedDataSize(store->historyBytes(), 1,
                                                       QLocale::DataSizeIecFormat),
                              locale.formattedDataSize(store->byteBudget(), 0,
                                                       QLocale::DataSizeIecFormat));
    if (store->droppedMessages() > 0)
        memory += tr(" · %1 oldest dropped").arg(locale.toString(store->droppedMessages()));
    m_memory->setText(memory);
}

void ConnectionStatusBar::changeBudget()
{
    if (!m_connection)
        return;
    MessageStore *store = m_connection->store();
    bool ok = false;
    const int mib = QInputDialog::getInt(this, tr("History budget"),
                                         tr("Memory for message history of this connection (MiB):"),
                                         int(store->byteBudget() / (1024 * 1024)), 16, 64 * 1024, 16,
                                         &ok);
    if (ok && m_connection) {
        m_connection->store()->setByteBudget(qint64(mib) * 1024 * 1024);
        updateCounters();
    }
}
