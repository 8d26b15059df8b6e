#include "widgets/publishpanel.h"

#include "client.h"
#include "composertext.h"
#include "connection.h"
#include "echotracker.h"
#include "messagestore.h"
#include "models/payloadformat.h"
#include "mqttstrings.h"
#include "topic.h"
#include "topicnode.h"
#include "widgets/palettecolors.h"
#include "widgets/payloadview.h"
#include "widgets/templatespanel.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace {

// Scintilla indicator that underlines the JSON error position (0-7 belong to lexers).
constexpr int kErrorIndicator = 8;
// The largest payload a PUBLISH can carry: a Remaining Length of 268,435,455 minus the
// topic length field; a file beyond it can never be sent.
constexpr qint64 kMaxPayload = 268435455 - 2;
// Topics offered for completion; beyond this the list costs more than it helps.
constexpr int kMaxCompletions = 100000;
constexpr int kMaxHistory = 200;

} // namespace

PublishPanel::PublishPanel(QWidget *parent)
    : QWidget(parent)
    , m_topicEdit(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_topicModel(new QStringListModel(this))
    , m_qosCombo(new QComboBox(this))
    , m_retainCheck(new QCheckBox(tr("Retain"), this))
    , m_sections(new QTabWidget(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_result(new QLabel(this))
    , m_latency(new QLabel(this))
    , m_repeatInterval(new QSpinBox(this))
    , m_repeatCount(new QSpinBox(this))
    , m_repeatButton(new QPushButton(tr("Start series"), this))
    , m_seriesLabel(new QLabel(this))
    , m_seriesTimer(new QTimer(this))
    , m_completionTimer(new QTimer(this))
{
    m_topicEdit->setObjectName(QStringLiteral("topicEdit"));
    m_topicEdit->setAccessibleName(tr("Topic to publish to"));
    m_topicEdit->setPlaceholderText(tr("Topic, e.g. home/kitchen/light/set"));
    m_topicEdit->setClearButtonEnabled(true);
    m_completer->setModel(m_topicModel);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_topicEdit->setCompleter(m_completer);
    m_topicEdit->installEventFilter(this);

    m_qosCombo->setObjectName(QStringLiteral("qosCombo"));
    for (int qos = 0; qos <= 2; ++qos)
        m_qosCombo->addItem(tr("QoS %1").arg(qos), qos);
    m_qosCombo->setToolTip(tr("0: at most once · 1: at least once (PUBACK) · 2: exactly once (PUBCOMP)"));
    m_retainCheck->setObjectName(QStringLiteral("retainCheck"));
    m_retainCheck->setToolTip(tr("The broker keeps this message and sends it to every new subscriber"));

    auto *topicRow = new QHBoxLayout;
    topicRow->addWidget(m_topicEdit, 1);
    topicRow->addWidget(m_qosCombo);
    topicRow->addWidget(m_retainCheck);

    m_sections->setObjectName(QStringLiteral("composerSections"));
    m_sections->setDocumentMode(true);
    m_sections->addTab(createPayloadPage(), tr("Payload"));
    m_sections->addTab(createPropertiesPage(), tr("Properties (MQTT 5)"));
    m_sections->addTab(createHistoryPage(), tr("History"));
    m_templates = new TemplatesPanel(this, m_sections);
    m_sections->addTab(m_templates, tr("Templates"));

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Publish (Ctrl+Enter)"));
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_latency->setObjectName(QStringLiteral("latencyLabel"));
    m_latency->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_latency->setToolTip(tr("Time from our PUBLISH to the same message arriving on one of our "
                             "subscriptions"));
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_result, 1);
    sendRow->addWidget(m_latency);

    m_repeatInterval->setObjectName(QStringLiteral("repeatInterval"));
    m_repeatInterval->setAccessibleName(tr("Repeat interval"));
    m_repeatInterval->setRange(1, 3600000);
    m_repeatInterval->setValue(1000);
    m_repeatInterval->setSuffix(tr(" ms"));
    m_repeatInterval->setPrefix(tr("every "));
    m_repeatCount->setObjectName(QStringLiteral("repeatCount"));
    m_repeatCount->setAccessibleName(tr("Repeat count"));
    m_repeatCount->setRange(1, 1000000);
    m_repeatCount->setValue(10);
    m_repeatCount->setSuffix(tr(" times"));
    m_repeatButton->setObjectName(QStringLiteral("repeatButton"));
    m_repeatButton->setToolTip(tr("Send the message repeatedly and measure the round trips"));
    m_seriesLabel->setObjectName(QStringLiteral("seriesLabel"));
    m_seriesLabel->setWordWrap(true);
    m_seriesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(new QLabel(tr("Repeat"), this));
    repeatRow->addWidget(m_repeatInterval);
    repeatRow->addWidget(m_repeatCount);
    repeatRow->addWidget(m_repeatButton);
    repeatRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(topicRow);
    layout->addWidget(m_sections, 1);
    layout->addLayout(sendRow);
    layout->addLayout(repeatRow);
    layout->addWidget(m_seriesLabel);

    connect(m_sendButton, &QPushButton::clicked, this, &PublishPanel::send);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &PublishPanel::send);
    }
    connect(m_repeatButton, &QPushButton::clicked, this, [this] {
        if (isSeriesRunning())
            stopSeries();
        else
            startSeries(m_repeatInterval->value(), m_repeatCount->value());
    });
    connect(m_seriesTimer, &QTimer::timeout, this, &PublishPanel::onSeriesTick);
    connect(m_topicEdit, &QLineEdit::textEdited, this, [this] { refreshCompletions(); });
    // Completions follow the store every few seconds while the composer is visible; never per
    // message, which would rebuild the list thousands of times a second under a flood.
    m_completionTimer->setInterval(3000);
    connect(m_completionTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshCompletions();
    });
    m_completionTimer->start();

    applyColors();
    setConnection(nullptr);
    updateEditorMode();
    validate();
}

PublishPanel::~PublishPanel() = default;

QWidget *PublishPanel::createPayloadPage()
{
    auto *page = new QWidget(this);
    m_modeCombo = new QComboBox(page);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("Auto"), Auto);
    m_modeCombo->addItem(tr("Text"), Text);
    m_modeCombo->addItem(tr("JSON"), Json);
    m_modeCombo->addItem(tr("XML"), Xml);
    m_modeCombo->addItem(tr("Hex bytes"), Hex);
    m_modeCombo->setToolTip(tr("How the payload is typed; Auto highlights JSON or XML by content"));
    m_modeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_formatButton = new QPushButton(tr("Format"), page);
    m_formatButton->setObjectName(QStringLiteral("formatButton"));
    m_formatButton->setToolTip(tr("Indent JSON or XML (JSON keys keep their order)"));
    m_fileButton = new QPushButton(tr("From file…"), page);
    m_fileButton->setObjectName(QStringLiteral("fileButton"));
    m_fileButton->setToolTip(tr("Use a file's contents as the payload"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_modeCombo);
    bar->addStretch(1);
    bar->addWidget(m_formatButton);
    bar->addWidget(m_fileButton);

    m_editor = new QsciScintilla(page);
    m_editor->setObjectName(QStringLiteral("payloadEditor"));
    m_editor->setAccessibleName(tr("Payload"));
    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    // One digit more than the line numbers need, so they do not touch the text.
    m_editor->setMarginWidth(0, QStringLiteral("0000"));
    m_editor->setMarginWidth(1, 0);
    m_editor->setFolding(QsciScintilla::NoFoldStyle);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setAutoIndent(true);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setIndentationWidth(4);
    m_editor->setWrapMode(QsciScintilla::WrapWord);
    m_editor->setScrollWidth(1);
    m_editor->setScrollWidthTracking(true);
    m_editor->setMinimumHeight(120);
    m_editor->installEventFilter(this);
    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    m_jsonLexer = new QsciLexerJSON(this);
    m_xmlLexer = new QsciLexerXML(this);

    m_validation = new QLabel(page);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_validation);

    connect(m_modeCombo, &QComboBox::activated, this, [this](int index) {
        setMode(Mode(m_modeCombo->itemData(index).toInt()));
    });
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        updateEditorMode();
        validate();
    });
    connect(m_formatButton, &QPushButton::clicked, this, &PublishPanel::formatPayload);
    connect(m_fileButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Payload from file"));
        if (!path.isEmpty())
            loadFile(path);
    });
    return page;
}

QWidget *PublishPanel::createPropertiesPage()
{
    auto *page = new QWidget(this);
    m_propsNote = new QLabel(page);
    m_propsNote->setObjectName(QStringLiteral("propertiesNote"));
    m_propsNote->setWordWrap(true);
    m_propsForm = new QWidget(page);

    m_contentType = new QLineEdit(m_propsForm);
    m_contentType->setObjectName(QStringLiteral("contentTypeEdit"));
    m_contentType->setPlaceholderText(tr("e.g. application/json"));
    m_formatIndicator = new QComboBox(m_propsForm);
    m_formatIndicator->setObjectName(QStringLiteral("formatIndicatorCombo"));
    m_formatIndicator->addItem(tr("Not set"), -1);
    m_formatIndicator->addItem(tr("0: unspecified bytes"), 0);
    m_formatIndicator->addItem(tr("1: UTF-8 text"), 1);
    m_expiry = new QSpinBox(m_propsForm);
    m_expiry->setObjectName(QStringLiteral("expirySpin"));
    m_expiry->setRange(0, std::numeric_limits<int>::max());
    m_expiry->setSpecialValueText(tr("Not set"));
    m_expiry->setSuffix(tr(" s"));
    m_responseTopic = new QLineEdit(m_propsForm);
    m_responseTopic->setObjectName(QStringLiteral("responseTopicEdit"));
    m_correlation = new QLineEdit(m_propsForm);
    m_correlation->setObjectName(QStringLiteral("correlationEdit"));
    m_correlation->setAccessibleName(tr("Correlation data"));
    m_correlationMode = new QComboBox(m_propsForm);
    m_correlationMode->setObjectName(QStringLiteral("correlationModeCombo"));
    m_correlationMode->addItem(tr("Text"));
    m_correlationMode->addItem(tr("Hex"));
    auto *correlationRow = new QHBoxLayout;
    correlationRow->setContentsMargins(0, 0, 0, 0);
    correlationRow->addWidget(m_correlation, 1);
    correlationRow->addWidget(m_correlationMode);

    m_userProps = new QTableWidget(0, 2, m_propsForm);
    m_userProps->setObjectName(QStringLiteral("userPropertiesTable"));
    m_userProps->setAccessibleName(tr("User properties"));
    m_userProps->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    // Names are as long as values in practice ("x-request-id", "tenant"): share the width.
    m_userProps->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_userProps->verticalHeader()->setVisible(false);
    m_userProps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userProps->setMinimumHeight(90);
    auto *addProp = new QPushButton(tr("Add"), m_propsForm);
    addProp->setObjectName(QStringLiteral("addUserPropertyButton"));
    auto *removeProp = new QPushButton(tr("Remove"), m_propsForm);
    removeProp->setObjectName(QStringLiteral("removeUserPropertyButton"));
    auto *propButtons = new QHBoxLayout;
    propButtons->setContentsMargins(0, 0, 0, 0);
    propButtons->addWidget(addProp);
    propButtons->addWidget(removeProp);
    propButtons->addStretch(1);
    connect(addProp, &QPushButton::clicked, this, [this] {
        addUserPropertyRow();
        m_userProps->editItem(m_userProps->item(m_userProps->rowCount() - 1, 0));
    });
    connect(removeProp, &QPushButton::clicked, this, [this] {
        const int row = m_userProps->currentRow();
        if (row >= 0)
            m_userProps->removeRow(row);
    });

    auto *form = new QFormLayout(m_propsForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Content type:"), m_contentType);
    form->addRow(tr("Payload format:"), m_formatIndicator);
    form->addRow(tr("Message expiry:"), m_expiry);
    form->addRow(tr("Response topic:"), m_responseTopic);
    form->addRow(tr("Correlation data:"), correlationRow);
    form->addRow(new QLabel(tr("User properties (sent in this order):"), m_propsForm));
    form->addRow(m_userProps);
    form->addRow(propButtons);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_propsNote);
    layout->addWidget(m_propsForm, 1);
    return page;
}

QWidget *PublishPanel::createHistoryPage()
{
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("historyList"));
    m_history->setAccessibleName(tr("Sent messages"));
    m_history->setToolTip(tr("Double-click to put a sent message back into the composer"));
    m_history->setUniformItemSizes(true);
    connect(m_history, &QListWidget::itemDoubleClicked, this, &PublishPanel::restoreHistory);
    return m_history;
}

void PublishPanel::setConnection(Connection *connection)
{
    if (connection == m_connection && m_connectionContext)
        return;
    stopSeries();
    // One context object per connection: deleting it ends every connection to the old client
    // at once, and with it the echo tracker's expectations.
    delete m_connectionContext;
    m_connectionContext = new QObject(this);
    m_connection = connection;
    m_echo = nullptr;
    m_inFlight.clear();
    m_completionCount = -1;
    if (connection) {
        mqtt::Client *client = connection->client();
        m_echo = new EchoTracker(client, m_connectionContext);
        connect(m_echo, &EchoTracker::echoed, this, &PublishPanel::onEchoed);
        connect(client, &mqtt::Client::published, m_connectionContext,
                [this](int mid, mqtt::ReasonCode rc, const mqtt::Properties &) { onPublished(mid, rc); });
        connect(connection, &Connection::statusChanged, m_connectionContext,
                [this] { updateConnectionState(); });
        connect(connection, &QObject::destroyed, m_connectionContext, [this] { setConnection(nullptr); });
    }
    m_topicModel->setStringList({});
    refreshCompletions(true);
    updateConnectionState();
}

void PublishPanel::updateConnectionState()
{
    const bool v5 = m_connection
                    && m_connection->client()->protocolVersion() == mqtt::ProtocolVersion::V5;
    m_propsForm->setEnabled(v5);
    if (!m_connection)
        m_propsNote->setText(tr("No connection."));
    else if (v5)
        m_propsNote->setText(tr("Sent with the PUBLISH; empty fields are left out."));
    else
        m_propsNote->setText(tr("This connection speaks MQTT 3.1.1, which has no properties."));
    m_sendButton->setEnabled(m_connection != nullptr);
    m_repeatButton->setEnabled(m_connection != nullptr);
}

bool PublishPanel::propertiesEnabled() const
{
    return m_propsForm->isEnabled();
}

void PublishPanel::focusTopic()
{
    m_topicEdit->setFocus(Qt::ShortcutFocusReason);
    m_topicEdit->selectAll();
}

void PublishPanel::setTopic(const QString &topic)
{
    m_topicEdit->setText(topic);
}

QString PublishPanel::topic() const
{
    return m_topicEdit->text();
}

void PublishPanel::setQos(int qos)
{
    m_qosCombo->setCurrentIndex(qBound(0, qos, 2));
}

int PublishPanel::qos() const
{
    return m_qosCombo->currentIndex();
}

void PublishPanel::setRetain(bool retain)
{
    m_retainCheck->setChecked(retain);
}

bool PublishPanel::retain() const
{
    return m_retainCheck->isChecked();
}

void PublishPanel::showTemplates()
{
    m_sections->setCurrentWidget(m_templates);
}

void PublishPanel::setPayload(const QByteArray &payload)
{
    m_editor->setText(m_mode == Hex ? ComposerText::toHexText(payload) : QString::fromUtf8(payload));
}

void PublishPanel::setMode(Mode mode)
{
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(mode));
    if (mode == m_mode)
        return;
    // Switching into or out of Hex converts the payload, so the bytes stay the same.
    QByteArray bytes;
    const bool converted = payload(&bytes);
    const Mode old = m_mode;
    // Bytes that are not text would be changed by the editor (NUL ends it, invalid UTF-8
    // becomes U+FFFD): they stay in Hex rather than being silently altered.
    if (converted && old == Hex && mode != Hex && !ComposerText::isText(bytes)) {
        m_modeCombo->setCurrentIndex(m_modeCombo->findData(old));
        setResult(tr("The payload is not UTF-8 text: it stays in Hex"), true);
        return;
    }
    m_mode = mode;
    if (converted && (old == Hex) != (mode == Hex))
        setPayload(bytes);
    updateEditorMode();
    validate();
}

bool PublishPanel::payload(QByteArray *out, QString *error) const
{
    if (m_mode == Hex)
        return ComposerText::parseHex(m_editor->text(), out, error);
    *out = m_editor->text().toUtf8();
    return true;
}

PublishPanel::Mode PublishPanel::effectiveMode() const
{
    if (m_mode != Auto)
        return m_mode;
    const QString text = m_editor->text();
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        if (c == QLatin1Char('{') || c == QLatin1Char('['))
            return Json;
        if (c == QLatin1Char('<'))
            return Xml;
        break;
    }
    return Text;
}

void PublishPanel::updateEditorMode()
{
    const Mode shown = effectiveMode();
    if (shown == m_shownMode && m_editor->lexer() == (shown == Json ? m_jsonLexer : shown == Xml ? m_xmlLexer : nullptr))
        return;
    m_shownMode = shown;
    QsciLexer *lexer = shown == Json ? m_jsonLexer : shown == Xml ? m_xmlLexer : nullptr;
    m_editor->setLexer(lexer);
    applyColors(); // setLexer() resets colours and font to the lexer's
    m_modeCombo->setItemText(0, m_mode == Auto && (shown == Json || shown == Xml)
                                    ? tr("Auto (%1)").arg(shown == Json ? tr("JSON") : tr("XML"))
                                    : tr("Auto"));
    m_formatButton->setEnabled(shown == Json || shown == Xml);
}

void PublishPanel::validate()
{
    const long length = m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, kErrorIndicator);
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0, length);
    const QLocale locale;
    QString text;
    bool failed = false;
    QByteArray bytes;
    QString error;
    if (!payload(&bytes, &error)) {
        text = error;
        failed = true;
    } else if (effectiveMode() == Json && !bytes.trimmed().isEmpty()) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            // Qt's offset is one past the character where parsing stopped (for input that
            // ends too early: one past the last character, which is then the one shown).
            const qsizetype at = qBound(qsizetype(0), qsizetype(parseError.offset) - 1, bytes.size());
            const auto [line, column] = ComposerText::lineColumn(bytes, at);
            text = tr("JSON error at line %1, column %2: %3")
                       .arg(line).arg(column).arg(parseError.errorString());
            failed = true;
            // Underline where the parser stopped (a byte offset, as Scintilla counts).
            const long mark = qBound<long>(0, long(at), qMax(0L, length - 1));
            m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, mark, qMin(1L, length - mark));
        } else {
            text = tr("Valid JSON · %1").arg(PayloadFormat::sizeText(bytes.size()));
        }
    } else {
        text = bytes.size() < 1024 ? tr("%1 bytes").arg(locale.toString(bytes.size()))
                                   : PayloadFormat::sizeText(bytes.size());
        if (m_mode == Hex)
            text = tr("Hex · %1").arg(text);
    }
    m_validation->setText(text);
    m_validationFailed = failed;
    colorLabels();
}

bool PublishPanel::formatPayload()
{
    QByteArray bytes;
    if (!payload(&bytes))
        return false;
    QString pretty;
    const Mode shown = effectiveMode();
    if (shown == Json) {
        QJsonParseError error;
        QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError)
            pretty = ComposerText::prettyJson(bytes);
    } else if (shown == Xml && PayloadFormat::detect(bytes) == PayloadFormat::Xml) {
        pretty = PayloadFormat::renderXml(bytes); // the viewer's indentation
    }
    if (pretty.isEmpty())
        return false;
    m_editor->setText(pretty);
    return true;
}

bool PublishPanel::loadFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        setResult(tr("Cannot read %1: %2").arg(name, file.errorString()), true);
        return false;
    }
    if (file.size() > kMaxPayload) {
        setResult(tr("%1 is %2, more than an MQTT message can carry (256 MiB)")
                      .arg(name, PayloadFormat::sizeText(file.size())), true);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        setResult(tr("Cannot read %1: %2").arg(name, file.errorString()), true);
        return false;
    }
    // Text that survives the editor unchanged is loaded as text; anything else (NUL bytes,
    // invalid UTF-8) as hex, so that the bytes sent are the file's bytes.
    const bool text = ComposerText::isText(bytes);
    if (!text && m_mode != Hex)
        setMode(Hex);
    else if (text && m_mode == Hex)
        setMode(Auto);
    setPayload(bytes);
    setResult(tr("Loaded %1 (%2)").arg(name, PayloadFormat::sizeText(bytes.size())), false);
    return true;
}

bool PublishPanel::properties(mqtt::Properties *out, QString *error) const
{
    if (!propertiesEnabled()) {
        *out = mqtt::Properties();
        return true;
    }
    return formProperties(out, error);
}

bool PublishPanel::formProperties(mqtt::Properties *out, QString *error) const
{
    mqtt::Properties props;
    if (!m_contentType->text().isEmpty())
        props.setContentType(m_contentType->text());
    if (const int indicator = m_formatIndicator->currentData().toInt(); indicator >= 0)
        props.setPayloadFormatIndicator(quint8(indicator));
    if (m_expiry->value() > 0)
        props.setMessageExpiryInterval(quint32(m_expiry->value()));
    if (!m_responseTopic->text().isEmpty())
        props.setResponseTopic(m_responseTopic->text());
    if (!m_correlation->text().isEmpty()) {
        QByteArray data;
        if (m_correlationMode->currentIndex() == 1) {
            QString why;
            if (!ComposerText::parseHex(m_correlation->text(), &data, &why)) {
                if (error)
                    *error = tr("Correlation data: %1").arg(why);
                return false;
            }
        } else {
            data = m_correlation->text().toUtf8();
        }
        props.setCorrelationData(data);
    }
    for (int row = 0; row < m_userProps->rowCount(); ++row) {
        const QTableWidgetItem *name = m_userProps->item(row, 0);
        const QTableWidgetItem *value = m_userProps->item(row, 1);
        const QString n = name ? name->text() : QString();
        const QString v = value ? value->text() : QString();
        if (n.isEmpty() && v.isEmpty())
            continue; // an added row left blank
        props.addUserProperty(n, v);
    }
    *out = props;
    return true;
}

void PublishPanel::setProperties(const mqtt::Properties &p, bool hexCorrelation)
{
    m_contentType->setText(p.contentType().value_or(QString()));
    m_formatIndicator->setCurrentIndex(m_formatIndicator->findData(p.payloadFormatIndicator() ? int(*p.payloadFormatIndicator()) : -1));
    m_expiry->setValue(int(qMin<quint32>(p.messageExpiryInterval().value_or(0), quint32(m_expiry->maximum()))));
    m_responseTopic->setText(p.responseTopic().value_or(QString()));
    const QByteArray correlation = p.correlationData().value_or(QByteArray());
    // Bytes that are not text would change in a line edit: they are shown as hex.
    const bool hex = hexCorrelation || !ComposerText::isText(correlation);
    m_correlationMode->setCurrentIndex(hex ? 1 : 0);
    m_correlation->setText(hex ? ComposerText::toHexText(correlation) : QString::fromUtf8(correlation));
    m_userProps->setRowCount(0);
    for (const mqtt::UserProperty &pair : p.userProperties())
        addUserPropertyRow(pair.first, pair.second);
}

bool PublishPanel::correlationHex() const
{
    return m_correlationMode->currentIndex() == 1;
}

void PublishPanel::addUserPropertyRow(const QString &name, const QString &value)
{
    const int row = m_userProps->rowCount();
    m_userProps->insertRow(row);
    m_userProps->setItem(row, 0, new QTableWidgetItem(name));
    m_userProps->setItem(row, 1, new QTableWidgetItem(value));
}

QString PublishPanel::refusalText(int rc, int qos, bool retain) const
{
    switch (mqtt::Error(rc)) {
    case mqtt::Error::NoConn:
        return tr("Not sent: not connected to the broker");
    case mqtt::Error::PayloadSize:
        return tr("Not sent: the message is larger than the broker's Maximum Packet Size");
    case mqtt::Error::NotSupported:
        return retain ? tr("Not sent: the broker does not accept QoS %1 or retained messages "
                           "(Maximum QoS / Retain Available)").arg(qos)
                      : tr("Not sent: QoS %1 is above the broker's Maximum QoS").arg(qos);
    case mqtt::Error::QueueSize:
        return tr("Not sent: too many messages waiting for the broker");
    default:
        return tr("Not sent: %1").arg(mqtt::errorString(mqtt::Error(rc)));
    }
}

bool PublishPanel::send()
{
    if (!m_connection) {
        setResult(tr("Not sent: no connection"), true);
        return false;
    }
    const QString topic = m_topicEdit->text();
    if (topic.isEmpty()) {
        setResult(tr("Not sent: the topic is empty"), true);
        return false;
    }
    if (const QString why = mqtt::validateTopicName(topic); !why.isEmpty()) {
        setResult(tr("Not sent: invalid topic: %1").arg(why), true);
        return false;
    }
    QByteArray bytes;
    QString error;
    if (!payload(&bytes, &error)) {
        setResult(tr("Not sent: %1").arg(error), true);
        return false;
    }
    mqtt::Properties props;
    if (!properties(&props, &error)) {
        setResult(tr("Not sent: %1").arg(error), true);
        return false;
    }
    const int qos = m_qosCombo->currentIndex();
    const bool retain = m_retainCheck->isChecked();
    mqtt::Client *client = m_connection->client();
    // The client would keep a QoS 1/2 message for the next connection; an inspector sending it
    // minutes later, unasked, would surprise. Refuse instead.
    if (!client->isConnected()) {
        setResult(refusalText(int(mqtt::Error::NoConn), qos, retain), true);
        return false;
    }
    const mqtt::RequestResult r = client->publish(topic, bytes, qos, retain, props);
    if (!r.ok()) {
        setResult(refusalText(int(r.rc), qos, retain), true);
        return false;
    }
    const int sendId = m_nextSendId++;
    m_lastSendId = sendId;
    m_inFlight.insert(r.mid, {qos, sendId});
    m_echo->expect(sendId, topic, bytes);
    if (isSeriesRunning())
        m_seriesIds.insert(sendId);
    else
        m_latency->clear();
    setResult(qos == 0 ? tr("Sending (QoS 0)…") : tr("Sent, waiting for %1…")
                                                       .arg(qos == 1 ? QStringLiteral("PUBACK") : QStringLiteral("PUBCOMP")),
              false);

    Draft draft;
    draft.topic = topic;
    draft.payload = bytes;
    draft.qos = qos;
    draft.retain = retain;
    draft.mode = m_mode;
    draft.properties = props;
    draft.hexCorrelation = m_correlationMode->currentIndex() == 1;
    // A series adds one entry, not one per repetition.
    if (!isSeriesRunning() || m_seriesSent == 0)
        addHistory(draft);
    Q_EMIT sent(r.mid);
    return true;
}

void PublishPanel::onPublished(int mid, mqtt::ReasonCode reasonCode)
{
    const auto it = m_inFlight.constFind(mid);
    if (it == m_inFlight.constEnd())
        return; // not the composer's (the retained cleaner publishes on the same client)
    const InFlight sent = *it;
    m_inFlight.erase(it);
    const bool ok = !reasonCode.isFailure();
    if (isSeriesRunning() || m_seriesIds.contains(sent.sendId)) {
        if (!ok)
            ++m_seriesFailed;
        updateSeriesText();
    }
    // The result line is about the newest send; an older acknowledgement must not overwrite it.
    if (sent.sendId == m_lastSendId) {
        const mqtt::PacketType type = sent.qos == 2 ? mqtt::PacketType::Pubrec : mqtt::PacketType::Puback;
        if (!ok) {
            setResult(tr("Failed: the broker answered %1 (0x%2)")
                          .arg(mqtt::reasonCodeName(reasonCode, type))
                          .arg(reasonCode.value, 2, 16, QLatin1Char('0')),
                      true);
        } else if (sent.qos == 0) {
            setResult(tr("Sent (QoS 0)"), false);
        } else {
            QString text = tr("Delivered: %1").arg(sent.qos == 1 ? QStringLiteral("PUBACK") : QStringLiteral("PUBCOMP"));
            if (reasonCode.value != 0) // e.g. 0x10 No matching subscribers
                text += tr(" (%1)").arg(mqtt::reasonCodeName(reasonCode, type));
            setResult(text, false);
        }
    }
    Q_EMIT completed(mid, ok);
}

void PublishPanel::onEchoed(int sendId, qint64 nanoseconds)
{
    const double ms = double(nanoseconds) / 1e6;
    if (sendId == m_lastSendId)
        m_latency->setText(tr("round trip %1").arg(EchoTracker::durationText(ms)));
    if (m_seriesIds.contains(sendId)) {
        m_seriesNs.append(nanoseconds);
        updateSeriesText();
    }
    Q_EMIT echoed(ms);
}

void PublishPanel::startSeries(int intervalMs, int count)
{
    stopSeries();
    m_seriesIds.clear();
    m_seriesNs.clear();
    m_seriesSent = 0;
    m_seriesFailed = 0;
    m_seriesTotal = qMax(1, count);
    m_repeatInterval->setValue(intervalMs);
    m_repeatCount->setValue(m_seriesTotal);
    m_seriesTimer->setInterval(qMax(1, intervalMs));
    m_seriesTimer->start();
    m_repeatButton->setText(tr("Stop"));
    onSeriesTick(); // the first one now, not after one interval
}

void PublishPanel::stopSeries()
{
    if (!m_seriesTimer->isActive())
        return;
    m_seriesTimer->stop();
    m_repeatButton->setText(tr("Start series"));
    updateSeriesText();
}

bool PublishPanel::isSeriesRunning() const
{
    return m_seriesTimer->isActive();
}

void PublishPanel::onSeriesTick()
{
    if (m_seriesSent >= m_seriesTotal) {
        stopSeries();
        return;
    }
    if (!send()) {
        ++m_seriesFailed;
        stopSeries(); // the result line says why; repeating the same refusal helps nobody
        return;
    }
    ++m_seriesSent;
    if (m_seriesSent >= m_seriesTotal)
        stopSeries();
    updateSeriesText();
}

void PublishPanel::updateSeriesText()
{
    if (m_seriesTotal == 0) {
        m_seriesLabel->clear();
        return;
    }
    QString text = tr("Series: %1 of %2 sent, %3 came back").arg(m_seriesSent).arg(m_seriesTotal).arg(m_seriesNs.size());
    if (m_seriesFailed > 0)
        text += tr(", %1 failed").arg(m_seriesFailed);
    const EchoTracker::Stats s = EchoTracker::stats(m_seriesNs);
    if (s.count > 0) {
        text += tr(" · round trip min %1 · median %2 · p99 %3 · max %4")
                    .arg(EchoTracker::durationText(s.minMs), EchoTracker::durationText(s.medianMs),
                         EchoTracker::durationText(s.p99Ms), EchoTracker::durationText(s.maxMs));
    }
    m_seriesLabel->setText(text);
}

void PublishPanel::addHistory(const Draft &draft)
{
    m_drafts.append(draft);
    QString preview = draft.mode == Hex ? ComposerText::toHexText(draft.payload.left(24))
                                        : QString::fromUtf8(draft.payload.left(80)).simplified();
    if (preview.isEmpty())
        preview = tr("(empty)");
    QString flags = tr("QoS %1").arg(draft.qos);
    if (draft.retain)
        flags += tr(", retained");
    auto *item = new QListWidgetItem(tr("%1  %2  [%3]  %4")
                                         .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                              draft.topic, flags, preview));
    item->setData(Qt::UserRole, m_drafts.size() - 1);
    item->setToolTip(draft.topic);
    m_history->insertItem(0, item); // newest on top
    // Bounded: drop the oldest entry (its draft stays, indices must not move).
    while (m_history->count() > kMaxHistory)
        delete m_history->takeItem(m_history->count() - 1);
}

void PublishPanel::restoreHistory(QListWidgetItem *item)
{
    const int index = item->data(Qt::UserRole).toInt();
    if (index < 0 || index >= m_drafts.size())
        return;
    const Draft draft = m_drafts.at(index);
    m_topicEdit->setText(draft.topic);
    setQos(draft.qos);
    setRetain(draft.retain);
    m_mode = draft.mode;
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(draft.mode));
    setPayload(draft.payload);
    setProperties(draft.properties, draft.hexCorrelation);
    m_sections->setCurrentIndex(0);
    updateEditorMode();
    validate();
}

void PublishPanel::refreshCompletions(bool force)
{
    if (!m_connection) {
        m_completionCount = -1;
        return;
    }
    MessageStore *store = m_connection->store();
    const bool stale = !m_completionAge.isValid() || m_completionAge.elapsed() >= 3000;
    if (!force && (!stale || store->topicCount() == m_completionCount))
        return;
    m_completionAge.start();
    m_completionCount = store->topicCount();
    QStringList topics;
    const QList<TopicNode *> &nodes = store->topics();
    topics.reserve(qMin(nodes.size(), qsizetype(kMaxCompletions)));
    for (const TopicNode *node : nodes) {
        if (topics.size() >= kMaxCompletions)
            break;
        topics.append(node->topic());
    }
    topics.sort();
    m_topicModel->setStringList(topics);
}

void PublishPanel::setResult(const QString &text, bool failure)
{
    m_result->setText(text);
    m_resultFailed = failure;
    colorLabels();
}

QString PublishPanel::resultText() const
{
    return m_result->text();
}

QString PublishPanel::validationText() const
{
    return m_validation->text();
}

QString PublishPanel::latencyText() const
{
    return m_latency->text();
}

QString PublishPanel::seriesText() const
{
    return m_seriesLabel->text();
}

bool PublishPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_editor || watched == m_topicEdit)) {
        // Scintilla takes Ctrl+Return itself before a QShortcut sees it: send from here.
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    if (event->type() == QEvent::FocusIn && watched == m_topicEdit)
        refreshCompletions(true); // what the popup offers is at most a focus old
    return QWidget::eventFilter(watched, event);
}

void PublishPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
    QWidget::changeEvent(event);
}

void PublishPanel::applyColors()
{
    const QPalette pal = palette();
    if (m_editor) {
        PayloadView::styleEditor(m_editor, m_jsonLexer, m_xmlLexer, pal);
        m_editor->setIndicatorForegroundColor(PaletteColors::error(pal), kErrorIndicator);
    }
    colorLabels();
}

void PublishPanel::colorLabels()
{
    const QPalette pal = palette();
    const auto colorLabel = [&](QLabel *label, bool failure, QPalette::ColorRole normal) {
        if (!label)
            return;
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, failure ? PaletteColors::error(pal) : pal.color(normal));
        label->setPalette(p);
    };
    colorLabel(m_result, m_resultFailed, QPalette::WindowText);
    colorLabel(m_validation, m_validationFailed, QPalette::PlaceholderText);
}
