#include "widgets/mainwindow.h"

#include "client.h"
#include "codec/reasoncode.h"
#include "message.h"
#include "mqttstrings.h"

#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace {
constexpr int kMaxLogLines = 10000; // caps memory under a flood, like Kate's output view
constexpr int kFlushIntervalMs = 50;
constexpr int kPreviewChars = 200;

QString payloadPreview(const QByteArray &payload)
{
    const QString text = QString::fromUtf8(payload);
    // Invalid UTF-8 decodes to U+FFFD: show binary payloads as hex instead.
    if (text.contains(QChar::ReplacementCharacter))
        return QStringLiteral("0x") + QString::fromLatin1(payload.left(kPreviewChars / 2).toHex());
    if (text.size() > kPreviewChars)
        return text.left(kPreviewChars) + QStringLiteral("…");
    return text;
}
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("MQTT Inspector"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_brokerLabel = new QLabel(tr("No broker"), central);
    m_log = new QPlainTextEdit(central);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    m_log->setObjectName(QStringLiteral("messageLog"));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_brokerLabel);
    layout->addWidget(m_log);
    setCentralWidget(central);

    m_statusLabel = new QLabel(tr("Disconnected"), this);
    statusBar()->addPermanentWidget(m_statusLabel);
    resize(1000, 650);

    // Follow new lines only while the user leaves the view at the bottom (Wireshark's
    // tail_at_end): sliderPosition already holds the position the user's action leads to.
    QScrollBar *bar = m_log->verticalScrollBar();
    connect(bar, &QScrollBar::actionTriggered, this,
            [this, bar](int) { m_followTail = bar->sliderPosition() >= bar->maximum(); });

    m_flushTimer.setInterval(kFlushIntervalMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &MainWindow::flushPending);
}

void MainWindow::setBrokerDescription(const QString &description)
{
    m_brokerLabel->setText(description);
}

void MainWindow::setConnectionStatus(const QString &status)
{
    m_statusLabel->setText(status);
}

void MainWindow::appendLogLine(const QString &line)
{
    m_pending.append(line);
    // Older lines would scroll out of the capped view anyway; count them instead (one block
    // stays free for the "not shown" note).
    if (m_pending.size() > kMaxLogLines - 1) {
        const int excess = m_pending.size() - (kMaxLogLines - 1);
        m_pending.erase(m_pending.begin(), m_pending.begin() + excess);
        m_skipped += excess;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MainWindow::flushPending()
{
    if (m_skipped > 0) {
        m_log->appendPlainText(tr("… %n earlier line(s) not shown", nullptr, int(m_skipped)));
        m_skipped = 0;
    }
    if (!m_pending.isEmpty())
        m_log->appendPlainText(m_pending.join(QLatin1Char('\n')));
    m_pending.clear();
    if (m_followTail) {
        // ensureCursorVisible lays the new text out first; a scroll-bar maximum read right
        // after appendPlainText is still the old one.
        m_log->moveCursor(QTextCursor::End);
        m_log->ensureCursorVisible();
    }
}

void MainWindow::appendMessage(const mqtt::Message &message)
{
    appendLogLine(QStringLiteral("%1  %2  q%3%4  (%5 bytes)  %6")
                      .arg(QDateTime::fromMSecsSinceEpoch(message.timestamp())
                               .toString(QStringLiteral("HH:mm:ss.zzz")),
                           message.topic())
                      .arg(message.qos())
                      .arg(message.retain() ? QStringLiteral(" retained") : QString())
                      .arg(message.payload().size())
                      .arg(payloadPreview(message.payload())));
}

void MainWindow::attachClient(mqtt::Client *client)
{
    connect(client, &mqtt::Client::stateChanged, this, [this](mqtt::Client::State state) {
        switch (state) {
        case mqtt::Client::State::HostLookup:
            setConnectionStatus(tr("Looking up host…"));
            break;
        case mqtt::Client::State::Connecting:
            setConnectionStatus(tr("Connecting…"));
            break;
        case mqtt::Client::State::Disconnecting:
            setConnectionStatus(tr("Disconnecting…"));
            break;
        default:
            break;
        }
    });
    connect(client, &mqtt::Client::connected, this,
            [this, client](mqtt::ConnectFlags flags, mqtt::ReasonCode rc, const mqtt::Properties &) {
                if (!rc.isFailure() && rc.value == 0) {
                    setConnectionStatus(flags.sessionPresent ? tr("Connected (session resumed)")
                                                             : tr("Connected"));
                    return;
                }
                const QString why = client->protocolVersion() == mqtt::ProtocolVersion::V5
                    ? mqtt::reasonCodeName(rc, mqtt::PacketType::Connack)
                    : mqtt::connackString(rc.value);
                setConnectionStatus(tr("Refused: %1").arg(why));
                appendLogLine(tr("Connection refused: %1").arg(why));
            });
    connect(client, &mqtt::Client::disconnected, this,
            [this](int rc, mqtt::DisconnectFlags flags, mqtt::ReasonCode reason,
                   const mqtt::Properties &) {
                QString why = mqtt::errorString(rc);
                if (flags.fromServer)
                    why = tr("broker sent DISCONNECT: %1")
                              .arg(mqtt::reasonCodeName(reason, mqtt::PacketType::Disconnect));
                if (rc != 0 && !m_statusLabel->text().startsWith(tr("Refused")))
                    setConnectionStatus(tr("Disconnected: %1").arg(why));
                else if (rc == 0)
                    setConnectionStatus(tr("Disconnected"));
                appendLogLine(tr("Disconnected (%1): %2").arg(rc).arg(why));
            });
    connect(client, &mqtt::Client::connectFailed, this, [this](const QString &error) {
        setConnectionStatus(tr("Cannot connect: %1").arg(error));
        appendLogLine(tr("Cannot connect: %1").arg(error));
    });
    connect(client, &mqtt::Client::messageReceived, this, &MainWindow::appendMessage);
}
