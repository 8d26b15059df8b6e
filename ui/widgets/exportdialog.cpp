#include "widgets/exportdialog.h"

#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "mqttcoreglobal.h"
#include "panemodel.h"
#include "sessionjournal.h"
#include "widgets/palettecolors.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

ExportDialog::ExportDialog(Connection *connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_exporter(new SessionExporter(this))
    , m_scope(new QButtonGroup(this))
    , m_all(new QRadioButton(tr("Every topic"), this))
    , m_subtree(new QRadioButton(tr("Subtree:"), this))
    , m_pane(new QRadioButton(tr("Pane:"), this))
    , m_subtreeEdit(new QLineEdit(this))
    , m_paneCombo(new QComboBox(this))
    , m_received(new QCheckBox(tr("Received messages"), this))
    , m_sent(new QCheckBox(tr("Sent messages"), this))
    , m_log(new QCheckBox(tr("Log and connection events"), this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Export — %1").arg(connection->settings().displayName()));
    auto *layout = new QVBoxLayout(this);

    auto *what = new QGroupBox(tr("What"), this);
    auto *whatLayout = new QFormLayout(what);
    m_scope->addButton(m_all, 0);
    m_scope->addButton(m_subtree, 1);
    m_scope->addButton(m_pane, 2);
    m_all->setChecked(true);
    m_subtreeEdit->setObjectName(QStringLiteral("exportSubtree"));
    m_subtreeEdit->setAccessibleName(tr("Subtree to export"));
    m_subtreeEdit->setPlaceholderText(QStringLiteral("home/kitchen"));
    for (PaneModel *pane : connection->panes())
        m_paneCombo->addItem(pane->isDefault() ? tr("Default (matched no filter)") : pane->filter());
    whatLayout->addRow(m_all);
    whatLayout->addRow(m_subtree, m_subtreeEdit);
    whatLayout->addRow(m_pane, m_paneCombo);
    auto *content = new QHBoxLayout;
    for (QCheckBox *box : {m_received, m_sent, m_log}) {
        box->setChecked(true);
        content->addWidget(box);
    }
    content->addStretch(1);
    whatLayout->addRow(tr("Include:"), content);
    layout->addWidget(what);

    auto *where = new QGroupBox(tr("Where"), this);
    auto *whereLayout = new QFormLayout(where);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Export format"));
    m_paneCombo->setAccessibleName(tr("Pane to export"));
    m_format->addItem(tr("Session file (JSON Lines, opens in MQTT Inspector)"),
                      int(SessionExporter::Format::Session));
    m_format->addItem(tr("CSV for spreadsheets (RFC 4180)"), int(SessionExporter::Format::Csv));
    whereLayout->addRow(tr("Format:"), m_format);
    auto *pathRow = new QHBoxLayout;
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(tr("Export file"));
    m_path->setMinimumWidth(380);
    m_path->setText(QDir::home().filePath(defaultFileName(connection, SessionExporter::Format::Session)));
    auto *browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    whereLayout->addRow(tr("File:"), pathRow);
    layout->addWidget(where);

    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("exportNote"));
    layout->addWidget(m_note);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    QPushButton *exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    m_buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(m_buttons);

    connect(exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_scope, &QButtonGroup::idClicked, this, &ExportDialog::updateForm);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the chosen folder and name, switch the extension.
        QString path = m_path->text();
        const bool csv = m_format->currentData().toInt() == int(SessionExporter::Format::Csv);
        if (csv && path.endsWith(QLatin1String(".jsonl")))
            path = path.left(path.size() - 6) + QStringLiteral(".csv");
        else if (!csv && path.endsWith(QLatin1String(".csv")))
            path = path.left(path.size() - 4) + QStringLiteral(".jsonl");
        m_path->setText(path);
    });
    connect(m_exporter, &SessionExporter::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(qMin<qint64>(1000, done * 1000 / total)) : 0);
        m_progress->setFormat(tr("%1 of %2 events").arg(QLocale().toString(done),
                                                        QLocale().toString(total)));
    });
    connect(m_exporter, &SessionExporter::finished, this, &ExportDialog::onFinished);
    updateForm();
}

QString ExportDialog::defaultFileName(const Connection *connection, SessionExporter::Format format)
{
    QString host = connection->settings().host;
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("%1-%2.%3")
        .arg(host, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
             format == SessionExporter::Format::Csv ? QStringLiteral("csv")
                                                    : QStringLiteral("jsonl"));
}

void ExportDialog::setSubtree(const QString &topic)
{
    m_subtreeEdit->setText(topic);
    if (!topic.isEmpty())
        setScope(1);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::setFormat(SessionExporter::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setScope(int scope, int paneIndex)
{
    if (QAbstractButton *button = m_scope->button(scope))
        button->setChecked(true);
    if (scope == 2)
        m_paneCombo->setCurrentIndex(paneIndex);
    updateForm();
}

void ExportDialog::setContent(int content)
{
    m_received->setChecked(content & ExportSource::Received);
    m_sent->setChecked(content & ExportSource::Sent);
    m_log->setChecked(content & ExportSource::Log);
}

QString ExportDialog::resultText() const
{
    return m_result->text();
}

void ExportDialog::browse()
{
    const bool csv = m_format->currentData().toInt() == int(SessionExporter::Format::Csv);
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export to"), m_path->text(),
            csv ? tr("CSV files (*.csv);;All files (*)")
                : tr("Session files (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::updateForm()
{
    m_subtreeEdit->setEnabled(m_subtree->isChecked());
    m_paneCombo->setEnabled(m_pane->isChecked());
    const MessageStore *store = m_connection->store();
    const QLocale locale;
    QString note = tr("The history in memory holds %1 messages.")
                       .arg(locale.toString(store->historyMessages()));
    if (store->droppedMessages() > 0)
        note += QLatin1Char(' ')
            + tr("%1 older messages were dropped under the history budget and cannot be "
                 "exported; record (File > Record) to keep everything.")
                  .arg(locale.toString(store->droppedMessages()));
    m_note->setText(note);
}

bool ExportDialog::startExport()
{
    if (m_exporter->isRunning())
        return false;
    const QString path = m_path->text().trimmed();
    const auto showError = [this](const QString &text) {
        QPalette p = m_result->palette();
        p.setColor(QPalette::WindowText, PaletteColors::error(p));
        m_result->setPalette(p);
        m_result->setText(text);
        return false;
    };
    if (path.isEmpty())
        return showError(tr("Choose a file to export to."));
    const int content = (m_received->isChecked() ? ExportSource::Received : 0)
        | (m_sent->isChecked() ? ExportSource::Sent : 0)
        | (m_log->isChecked() ? ExportSource::Log : 0);
    if (content == 0)
        return showError(tr("Choose what to include."));
    const SessionJournal *journal = m_connection->journal();
    ExportSource source;
    if (m_pane->isChecked()) {
        const QList<PaneModel *> panes = m_connection->panes();
        const int index = m_paneCombo->currentIndex();
        if (index < 0 || index >= panes.size())
            return showError(tr("Choose a pane."));
        source = ExportSource::fromPane(*panes.at(index), journal, content);
    } else {
        QString subtree;
        if (m_subtree->isChecked()) {
            subtree = m_subtreeEdit->text();
            if (subtree.isEmpty() || !m_connection->store()->node(subtree))
                return showError(tr("There is no topic or level \"%1\".").arg(subtree));
        }
        source = ExportSource::fromStore(*m_connection->store(), journal, subtree, content);
    }
    mqtt::SessionHeader header;
    header.broker = m_connection->settings().displayUrl();
    header.startTime = QDateTime::currentDateTimeUtc();
    header.clientId = m_connection->client()->clientId();
    header.protocol = m_connection->client()->protocolVersion() == mqtt::ProtocolVersion::V5
        ? QStringLiteral("mqttv5") : QStringLiteral("mqttv311");
    header.tool = QStringLiteral("mqtt-inspector " MQTTCORE_VERSION_STRING);
    const auto format = SessionExporter::Format(m_format->currentData().toInt());
    m_result->setPalette(palette());
    m_result->setText(tr("Exporting…"));
    m_progress->setValue(0);
    m_progress->show();
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(false);
    }
    return m_exporter->start(source, path, format, header);
}

void ExportDialog::onFinished(const SessionExporter::Result &result)
{
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    for (QAbstractButton *b : m_buttons->buttons())
        b->setEnabled(true);
    if (result.ok) {
        m_result->setPalette(palette());
        m_result->setText(tr("Exported %1 events to %2.")
                              .arg(QLocale().toString(result.events), m_path->text()));
    } else {
        QPalette p = m_result->palette();
        p.setColor(QPalette::WindowText, PaletteColors::error(p));
        m_result->setPalette(p);
        m_result->setText(result.cancelled ? tr("Export cancelled; no file was written.")
                                           : result.error + QLatin1Char(' ')
                                   + tr("No file was written."));
    }
}

void ExportDialog::reject()
{
    // Close while exporting means cancel; the dialog stays to say so.
    if (m_exporter->isRunning()) {
        m_exporter->cancel();
        return;
    }
    QDialog::reject();
}
