#include "widgets/replaydialog.h"

#include "connection.h"
#include "previewtext.h"
#include "topic.h"
#include "widgets/palettecolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ReplayDialog::ReplayDialog(const QList<Connection *> &targets, const QString &path,
                           QWidget *parent)
    : QDialog(parent)
    , m_loader(new SessionLoader(this))
    , m_replayer(new SessionReplayer(this))
    , m_path(new QLineEdit(path, this))
    , m_target(new QComboBox(this))
    , m_speed(new QComboBox(this))
    , m_customSpeed(new QDoubleSpinBox(this))
    , m_prefix(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Replay session"));
    for (Connection *c : targets) {
        m_targets << c;
        m_target->addItem(c->settings().displayName());
    }
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Publishes the received messages of a session file to a "
                                "broker, with their topics, payloads, QoS, retain flags and "
                                "MQTT 5 properties."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto *pathRow = new QHBoxLayout;
    m_path->setObjectName(QStringLiteral("replayPath"));
    m_path->setAccessibleName(tr("Session file"));
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Session file:"), pathRow);
    m_target->setObjectName(QStringLiteral("replayTarget"));
    form->addRow(tr("To broker:"), m_target);
    auto *speedRow = new QHBoxLayout;
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->addItem(tr("As recorded (1×)"), 1.0);
    m_speed->addItem(tr("2× faster"), 2.0);
    m_speed->addItem(tr("10× faster"), 10.0);
    m_speed->addItem(tr("100× faster"), 100.0);
    m_speed->addItem(tr("As fast as possible"), 0.0);
    m_speed->addItem(tr("Other factor:"), -1.0);
    m_customSpeed->setAccessibleName(tr("Speed factor"));
    m_customSpeed->setRange(0.01, 100000);
    m_customSpeed->setValue(5);
    m_customSpeed->setSuffix(QStringLiteral("×"));
    m_customSpeed->setEnabled(false);
    speedRow->addWidget(m_speed, 1);
    speedRow->addWidget(m_customSpeed);
    form->addRow(tr("Speed:"), speedRow);
    m_prefix->setObjectName(QStringLiteral("replayPrefix"));
    m_prefix->setPlaceholderText(tr("none (the recorded topics)"));
    form->addRow(tr("Topic prefix:"), m_prefix);
    layout->addLayout(form);
    m_progress->setObjectName(QStringLiteral("replayProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status->setObjectName(QStringLiteral("replayStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_start->setObjectName(QStringLiteral("replayStart"));
    m_pause->setObjectName(QStringLiteral("replayPause"));
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_pause, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ReplayDialog::browse);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        m_customSpeed->setEnabled(m_speed->currentData().toDouble() < 0);
    });
    connect(m_start, &QPushButton::clicked, this, &ReplayDialog::startReplay);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_replayer->state() == SessionReplayer::State::Paused)
            m_replayer->resume();
        else
            m_replayer->pause();
    });
    connect(m_close, &QPushButton::clicked, this, &ReplayDialog::reject);
    connect(m_loader, &SessionLoader::batchLoaded, this,
            [this](const QList<mqtt::Message> &received) { m_messages += received; });
    connect(m_loader, &SessionLoader::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        m_progress->setFormat(tr("reading %p%"));
    });
    connect(m_loader, &SessionLoader::finished, this, &ReplayDialog::onLoaded);
    connect(m_replayer, &SessionReplayer::progress, this, [this](qint64 sent, qint64 total) {
        m_progress->setValue(total > 0 ? int(sent * 1000 / total) : 1000);
        m_progress->setFormat(tr("%1 of %2 sent").arg(QLocale().toString(sent),
                                                      QLocale().toString(total)));
    });
    connect(m_replayer, &SessionReplayer::stateChanged, this,
            [this](SessionReplayer::State state) {
                const QLocale locale;
                if (state == SessionReplayer::State::Paused)
                    setStatus(tr("Paused after %1 of %2 messages; Resume goes on from there.")
                                  .arg(locale.toString(m_replayer->sent()),
                                       locale.toString(m_replayer->total())));
                else if (state == SessionReplayer::State::Running && m_replayer->sent() > 0)
                    setStatus(tr("Replaying %1 messages…").arg(locale.toString(m_replayer->total())));
                updateButtons();
            });
    connect(m_replayer, &SessionReplayer::finished, this, &ReplayDialog::onReplayFinished);
    if (targets.isEmpty())
        setStatus(tr("No connected broker to replay to: connect a tab first."), true);
    updateButtons();
}

void ReplayDialog::setSpeed(double speed)
{
    const int index = m_speed->findData(speed <= 0 ? 0.0 : speed);
    if (index >= 0) {
        m_speed->setCurrentIndex(index);
    } else {
        m_speed->setCurrentIndex(m_speed->findData(-1.0));
        m_customSpeed->setValue(speed);
    }
}

void ReplayDialog::setTopicPrefix(const QString &prefix)
{
    m_prefix->setText(prefix);
}

QString ReplayDialog::statusText() const
{
    return m_status->text();
}

void ReplayDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Replay session file"),
                                                      m_path->text(),
                                                      tr("Session files (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ReplayDialog::setStatus(const QString &text, bool error)
{
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, PaletteColors::error(p));
    m_status->setPalette(p);
    m_status->setText(text);
}

bool ReplayDialog::startReplay()
{
    if (m_loader->isRunning() || m_replayer->isActive())
        return false;
    const int index = m_target->currentIndex();
    Connection *target = index >= 0 && index < m_targets.size() ? m_targets.at(index).data()
                                                                 : nullptr;
    if (!target || target->status() != Connection::Status::Connected) {
        setStatus(tr("Choose a connected broker to replay to."), true);
        return false;
    }
    const QString prefix = m_prefix->text();
    if (!prefix.isEmpty()) {
        const QString problem = mqtt::validateTopicName(prefix + QStringLiteral("x"));
        if (!problem.isEmpty()) {
            setStatus(tr("The topic prefix cannot start a topic name: %1").arg(problem), true);
            return false;
        }
    }
    m_messages.clear();
    if (!m_loader->start(m_path->text().trimmed()))
        return false;
    setStatus(tr("Reading %1…").arg(QFileInfo(m_path->text()).fileName()));
    updateButtons();
    return true;
}

void ReplayDialog::onLoaded(const SessionLoader::Result &result)
{
    if (result.cancelled) {
        m_messages.clear();
        setStatus(tr("Cancelled."));
        updateButtons();
        return;
    }
    if (!result.error.isEmpty() || !result.ok) {
        setStatus(result.error, true);
        updateButtons();
        return;
    }
    const int index = m_target->currentIndex();
    Connection *target = index >= 0 && index < m_targets.size() ? m_targets.at(index).data()
                                                                 : nullptr;
    if (!target) {
        setStatus(tr("The target connection was closed."), true);
        updateButtons();
        return;
    }
    double speed = m_speed->currentData().toDouble();
    if (speed < 0)
        speed = m_customSpeed->value();
    QString note;
    if (result.badLineCount > 0)
        note = tr(" (%1 skipped; first: %2)")
                   .arg(PreviewText::counted(result.badLineCount,
                                             QT_TRANSLATE_NOOP("PreviewText", "bad line"),
                                             QT_TRANSLATE_NOOP("PreviewText", "bad lines")),
                        result.badLines.first().message);
    setStatus(tr("Replaying %1 messages…").arg(QLocale().toString(m_messages.size())) + note);
    m_replayer->start(target->client(), m_messages, speed, m_prefix->text());
    updateButtons();
}

void ReplayDialog::onReplayFinished(SessionReplayer::State state, const QString &message)
{
    setStatus(message, state == SessionReplayer::State::Failed);
    m_messages.clear();
    updateButtons();
}

void ReplayDialog::updateButtons()
{
    const bool busy = m_loader->isRunning() || m_replayer->isActive();
    m_start->setEnabled(!busy && !m_targets.isEmpty());
    m_pause->setEnabled(m_replayer->isActive());
    m_pause->setText(m_replayer->state() == SessionReplayer::State::Paused ? tr("Resume")
                                                                          : tr("Pause"));
    m_close->setText(busy ? tr("Cancel") : tr("Close"));
}

void ReplayDialog::reject()
{
    // While busy the button cancels; a second press closes.
    if (m_loader->isRunning()) {
        m_loader->cancel();
        return;
    }
    if (m_replayer->isActive()) {
        m_replayer->cancel();
        return;
    }
    QDialog::reject();
}
