#include "topicdetails.h"

#include "models/historymodel.h"
#include "models/linediff.h"
#include "models/payloadformat.h"
#include "models/previewtext.h"
#include "widgets/payloadview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontDatabase>
#include <QSettings>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

constexpr qsizetype maxDiffBytes = 1024 * 1024;
constexpr qsizetype maxDiffLines = 20000;
constexpr qsizetype maxChartPayload = 64 * 1024; // parsed per history entry on the GUI thread
constexpr int maxChartPoints = 5000;
constexpr int diffContext = 3;

QString timeText(qint64 msecs, bool withDate)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(
        withDate ? QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz") : QStringLiteral("hh:mm:ss.zzz"));
}

QString propertyValue(const mqtt::Property &property)
{
    switch (property.id) {
    case mqtt::PropertyId::PayloadFormatIndicator:
        return property.number == 1
                   ? QCoreApplication::translate("TopicDetails", "1 (UTF-8 text)")
                   : QCoreApplication::translate("TopicDetails", "%1 (unspecified bytes)")
                         .arg(property.number);
    case mqtt::PropertyId::MessageExpiryInterval:
        return QStringLiteral("%1 s").arg(property.number);
    default:
        break;
    }
    switch (mqtt::propertyType(property.id)) {
    case mqtt::PropertyType::Utf8String:
        return property.text;
    case mqtt::PropertyType::Utf8StringPair:
        return property.text2;
    case mqtt::PropertyType::BinaryData:
        return QString::fromLatin1(property.binary.toHex(' '));
    default:
        return QString::number(property.number);
    }
}

// Renders a payload for diffing: JSON pretty-printed (so a changed field is a changed line),
// text as is, anything else as a hex dump.
QStringList diffLines(const QByteArray &payload, PayloadFormat::Format format)
{
    return PayloadFormat::render(payload, format).split(QLatin1Char('\n'));
}

QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() * (1 - amount) + tint.redF() * amount,
                            base.greenF() * (1 - amount) + tint.greenF() * amount,
                            base.blueF() * (1 - amount) + tint.blueF() * amount);
}

} // namespace

TopicDetails::TopicDetails(QWidget *parent)
    : QWidget(parent)
    , m_chosenFormats(QSettings().value(QStringLiteral("details/payloadFormats")).toMap())
{
    m_topicLabel = new QLabel(this);
    m_topicLabel->setObjectName(QStringLiteral("topicLabel"));
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_topicLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont topicFont = m_topicLabel->font();
    topicFont.setBold(true);
    topicFont.setPointSizeF(topicFont.pointSizeF() * 1.15);
    m_topicLabel->setFont(topicFont);
    m_topicLabel->installEventFilter(this);
    m_metaLabel = new QLabel(this);
    m_metaLabel->setObjectName(QStringLiteral("metaLabel"));
    m_metaLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metaLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_metaLabel->setWordWrap(true); // a narrow panel wraps the metadata instead of cutting it

    m_payloadView = new PayloadView(this);
    connect(m_payloadView, &PayloadView::formatChosen, this, [this](PayloadFormat::Format f) {
        m_historyPayload->setFormat(f);
        rememberFormat(f);
    });
    m_payloadView->setObjectName(QStringLiteral("payloadView"));
    auto *payloadTab = new QWidget(this);
    auto *payloadLayout = new QVBoxLayout(payloadTab);
    payloadLayout->setContentsMargins(6, 6, 6, 6);
    payloadLayout->addWidget(m_payloadView);

    m_properties = new QTreeWidget(this);
    m_properties->setObjectName(QStringLiteral("properties"));
    m_properties->setAccessibleName(tr("MQTT 5 properties"));
    m_properties->setHeaderLabels({tr("Property"), tr("Value")});
    m_properties->setRootIsDecorated(true);
    m_properties->setAlternatingRowColors(true);
    m_properties->setUniformRowHeights(true);
    m_properties->header()->setStretchLastSection(true);
    auto *propertiesTab = new QWidget(this);
    auto *propertiesLayout = new QVBoxLayout(propertiesTab);
    propertiesLayout->setContentsMargins(6, 6, 6, 6);
    propertiesLayout->addWidget(m_properties);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(payloadTab, tr("Payload"));
    m_tabs->addTab(createHistoryTab(), tr("History"));
    m_tabs->addTab(createDiffTab(), tr("Diff"));
    m_tabs->addTab(createChartTab(), tr("Chart"));
    m_tabs->addTab(propertiesTab, tr("Properties"));

    auto *header = new QVBoxLayout;
    header->setContentsMargins(8, 6, 8, 2);
    header->setSpacing(2);
    header->addWidget(m_topicLabel);
    header->addWidget(m_metaLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &TopicDetails::refreshVisibleTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TopicDetails::refreshVisibleTab);

    clear();
}

TopicDetails::~TopicDetails() = default;

QWidget *TopicDetails::createHistoryTab()
{
    m_historyModel = new HistoryModel(this);
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setAccessibleName(tr("Message history"));
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setWordWrap(false);
    m_historyView->setShowGrid(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(
        m_historyView->fontMetrics().height() + 6);
    QHeaderView *columns = m_historyView->horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const QFontMetrics metrics = m_historyView->fontMetrics();
    columns->resizeSection(HistoryModel::TimeColumn,
                           metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 20);
    columns->resizeSection(HistoryModel::QosColumn,
                           metrics.horizontalAdvance(QStringLiteral("QoS")) + 20);
    columns->resizeSection(HistoryModel::RetainColumn,
                           metrics.horizontalAdvance(QStringLiteral("Retain")) + 20);
    columns->resizeSection(HistoryModel::SizeColumn,
                           metrics.horizontalAdvance(QStringLiteral("1000.0 KiB")) + 20);

    m_historyPayload = new PayloadView(this);
    m_historyPayload->setObjectName(QStringLiteral("historyPayloadView"));
    connect(m_historyPayload, &PayloadView::formatChosen, this, [this](PayloadFormat::Format f) {
        m_payloadView->setFormat(f);
        rememberFormat(f);
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_historyView);
    splitter->addWidget(m_historyPayload);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showHistoryMessage(current.row()); });
    // A reset (front dropped, other topic) loses the selection: go back to the default.
    connect(m_historyModel, &QAbstractItemModel::modelReset, this, [this] {
        showHistoryMessage(-1);
    });
    connect(m_historyModel, &QAbstractItemModel::rowsInserted, this, [this] {
        // Follow the newest message unless the user is looking at an older one.
        if (!m_historyView->selectionModel()->hasSelection())
            m_historyView->scrollToBottom();
    });

    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    m_historyTab = tab;
    return tab;
}

QWidget *TopicDetails::createDiffTab()
{
    m_diffSummary = new QLabel(this);
    m_diffSummary->setObjectName(QStringLiteral("diffSummary"));
    m_diffSummary->setWordWrap(true);
    m_diffView = new QPlainTextEdit(this);
    m_diffView->setObjectName(QStringLiteral("diffView"));
    m_diffView->setAccessibleName(tr("Difference to the previous message"));
    m_diffView->setReadOnly(true);
    m_diffView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_diffSummary);
    layout->addWidget(m_diffView, 1);
    return tab;
}

QWidget *TopicDetails::createChartTab()
{
    m_chartField = new QComboBox(this);
    m_chartField->setObjectName(QStringLiteral("chartField"));
    m_chartField->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chartField->setMinimumContentsLength(12);
    connect(m_chartField, &QComboBox::activated, this, [this] {
        m_chartDirty = true;
        refreshChart();
    });

    m_series = new QLineSeries;
    auto *chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("hh:mm:ss"));
    timeAxis->setTickCount(5);
    auto *valueAxis = new QValueAxis;
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    m_series->attachAxis(timeAxis);
    m_series->attachAxis(valueAxis);
    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(QStringLiteral("chartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    applyChartColors();

    m_chartNote = new QLabel(this);
    m_chartNote->setObjectName(QStringLiteral("chartNote"));
    m_chartNote->setAlignment(Qt::AlignCenter);
    m_chartNote->setWordWrap(true);
    m_chartNote->setMargin(12);
    m_chartNote->setForegroundRole(QPalette::PlaceholderText);

    m_chartStack = new QStackedWidget(this);
    m_chartStack->addWidget(m_chartView);
    m_chartStack->addWidget(m_chartNote);

    auto *bar = new QHBoxLayout;
    auto *fieldLabel = new QLabel(tr("&Value:"), this);
    fieldLabel->setBuddy(m_chartField);
    bar->addWidget(fieldLabel);
    bar->addWidget(m_chartField);
    bar->addStretch(1);

    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_chartStack, 1);
    return tab;
}

void TopicDetails::setMessages(const QString &topic, const QList<mqtt::Message> &history)
{
    const bool topicChanged = topic != m_topic;
    m_topic = topic;
    m_history = history;
    if (topicChanged) {
        updateTopicLabel();
        m_historyView->selectionModel()->clear();
        const auto format = PayloadFormat::Format(
                m_chosenFormats.value(topic, int(PayloadFormat::Auto)).toInt());
        m_payloadView->setFormat(format);
        m_historyPayload->setFormat(format);
    }
    m_historyModel->setMessages(history);

    const bool hasLast = !history.isEmpty();
    // Message::operator== compares the shared pointer first: cheap on every flush.
    if (topicChanged || hasLast != m_hasLast || (hasLast && !(history.last() == m_last))) {
        m_hasLast = hasLast;
        m_last = hasLast ? history.last() : mqtt::Message();
        updateLastMessage();
    }
    m_diffDirty = true;
    m_chartDirty = true;
    scheduleRefresh();
}

void TopicDetails::clear()
{
    m_topic.clear();
    m_history.clear();
    m_last = mqtt::Message();
    m_hasLast = false;
    m_historyModel->clear();
    updateTopicLabel();
    updateLastMessage();
    m_diffDirty = true;
    m_chartDirty = true;
    scheduleRefresh();
}

void TopicDetails::updateTopicLabel()
{
    const QString topic = m_topic.isEmpty() ? tr("No topic selected") : m_topic;
    m_topicLabel->setToolTip(m_topic);
    m_topicLabel->setText(m_topicLabel->fontMetrics().elidedText(
        topic, Qt::ElideMiddle, std::max(m_topicLabel->width(), 40)));
}

void TopicDetails::updateLastMessage()
{
    if (!m_hasLast) {
        m_metaLabel->setText(m_topic.isEmpty()
                                 ? tr("Select a topic in the tree to see its messages.")
                                 : tr("No message on this level itself; its messages are on "
                                      "the topics below it."));
        m_payloadView->clear(m_topic.isEmpty()
                                 ? tr("No topic selected")
                                 : tr("No message was published on this level.\nSelect a "
                                      "topic below it to see its payload."));
        updateProperties();
        return;
    }
    const mqtt::Message &message = m_last;
    QStringList parts;
    parts << tr("QoS %1").arg(message.qos());
    if (message.retain())
        parts << tr("retained");
    if (message.dup())
        parts << tr("dup");
    if (message.timestamp() > 0)
        parts << timeText(message.timestamp(), true);
    parts << PayloadFormat::sizeText(message.payload().size());
    const int propertyCount = message.properties().size();
    if (propertyCount > 0)
        parts << PreviewText::counted(propertyCount,
                                      QT_TRANSLATE_NOOP("PreviewText", "v5 prop"),
                                      QT_TRANSLATE_NOOP("PreviewText", "v5 props"));
    parts << PreviewText::counted(m_history.size(),
                                  QT_TRANSLATE_NOOP("PreviewText", "message kept"),
                                  QT_TRANSLATE_NOOP("PreviewText", "messages kept"));
    m_metaLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_payloadView->setPayload(message.payload());
    updateProperties();
}

void TopicDetails::updateProperties()
{
    m_properties->clear();
    if (!m_hasLast)
        return;
    const mqtt::Message &message = m_last;
    auto *general = new QTreeWidgetItem(m_properties, {tr("Message")});
    auto add = [](QTreeWidgetItem *parent, const QString &name, const QString &value) {
        auto *item = new QTreeWidgetItem(parent, {name, value});
        item->setToolTip(1, value);
        return item;
    };
    add(general, tr("QoS"), QString::number(message.qos()));
    add(general, tr("Retain"), message.retain() ? tr("yes") : tr("no"));
    add(general, tr("Dup"), message.dup() ? tr("yes") : tr("no"));
    add(general, tr("Packet id"), message.qos() > 0 ? QString::number(message.mid()) : tr("—"));
    add(general, tr("Received"), message.timestamp() > 0 ? timeText(message.timestamp(), true)
                                                         : tr("—"));
    add(general, tr("Payload size"),
        QStringLiteral("%1 (%2)").arg(PayloadFormat::sizeText(message.payload().size()),
                                      PreviewText::counted(message.payload().size(),
                                                           QT_TRANSLATE_NOOP("PreviewText", "byte"),
                                                           QT_TRANSLATE_NOOP("PreviewText", "bytes"))));

    const mqtt::Properties properties = message.properties();
    auto *v5 = new QTreeWidgetItem(m_properties, {tr("MQTT 5 properties"),
                                                  properties.isEmpty() ? tr("none") : QString()});
    QTreeWidgetItem *userProperties = nullptr;
    for (int i = 0; i < properties.size(); ++i) {
        const mqtt::Property &property = properties.at(i);
        if (property.id == mqtt::PropertyId::UserProperty) {
            // Grouped, in wire order, name and value in their own columns.
            if (!userProperties)
                userProperties = add(v5, QString::fromLatin1(mqtt::propertyName(property.id)),
                                     QString());
            add(userProperties, property.text, property.text2);
        } else {
            add(v5, QString::fromLatin1(mqtt::propertyName(property.id)),
                propertyValue(property));
        }
    }
    if (userProperties) {
        userProperties->setText(1, PreviewText::counted(userProperties->childCount(),
                                                        QT_TRANSLATE_NOOP("PreviewText", "pair"),
                                                        QT_TRANSLATE_NOOP("PreviewText", "pairs")));
        userProperties->setForeground(1, palette().brush(QPalette::PlaceholderText));
    }
    m_properties->expandAll();
    m_properties->resizeColumnToContents(0);
    m_properties->setColumnWidth(0, m_properties->columnWidth(0) + 16);
}

void TopicDetails::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void TopicDetails::refreshVisibleTab()
{
    QWidget *current = m_tabs->currentWidget();
    if (current == m_diffView->parentWidget() && m_diffDirty)
        refreshDiff();
    else if (current == m_chartStack->parentWidget() && m_chartDirty)
        refreshChart();
}

void TopicDetails::rememberFormat(PayloadFormat::Format format)
{
    if (m_topic.isEmpty())
        return;
    if (format == PayloadFormat::Auto)
        m_chosenFormats.remove(m_topic);
    else
        m_chosenFormats.insert(m_topic, int(format));
    while (m_chosenFormats.size() > maxRememberedFormats)
        m_chosenFormats.erase(m_chosenFormats.begin());
    QSettings().setValue(QStringLiteral("details/payloadFormats"), m_chosenFormats);
}

bool TopicDetails::showPreviousMessage()
{
    const int rows = m_historyModel->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = m_historyView->currentIndex();
    const int row = current.isValid() ? current.row() - 1 : rows - 1;
    if (row < 0)
        return false;
    m_tabs->setCurrentWidget(m_historyTab);
    m_historyView->setCurrentIndex(m_historyModel->index(row, 0));
    return true;
}

bool TopicDetails::showNextMessage()
{
    const int rows = m_historyModel->rowCount();
    const QModelIndex current = m_historyView->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : rows - 1;
    if (rows == 0 || row >= rows)
        return false;
    m_tabs->setCurrentWidget(m_historyTab);
    m_historyView->setCurrentIndex(m_historyModel->index(row, 0));
    return true;
}

void TopicDetails::showHistoryMessage(int row)
{
    const mqtt::Message message = m_historyModel->message(row);
    if (row < 0)
        m_historyPayload->clear(tr("Select a message to see its payload."));
    else
        m_historyPayload->setPayload(message.payload());
    m_diffDirty = true;
    scheduleRefresh();
}

int TopicDetails::diffRow() const
{
    const QModelIndex current = m_historyView->selectionModel()->currentIndex();
    if (current.isValid() && m_historyView->selectionModel()->hasSelection())
        return current.row();
    return int(m_history.size()) - 1;
}

void TopicDetails::refreshDiff()
{
    m_diffDirty = false;
    m_diffView->clear();
    m_diffView->setExtraSelections({});
    const int row = diffRow();
    if (row < 1) {
        m_diffSummary->setText(m_history.isEmpty()
                                   ? tr("No messages to compare.")
                                   : tr("Only one message so far: nothing to compare it with."));
        return;
    }
    const mqtt::Message after = m_history.at(row);
    const mqtt::Message before = m_history.at(row - 1);
    const QByteArray a = before.payload();
    const QByteArray b = after.payload();
    const QString what = tr("Message at %1 (%2) against the one before it at %3 (%4)")
                             .arg(timeText(after.timestamp(), false),
                                  PayloadFormat::sizeText(b.size()),
                                  timeText(before.timestamp(), false),
                                  PayloadFormat::sizeText(a.size()));
    if (a.size() > maxDiffBytes || b.size() > maxDiffBytes) {
        m_diffSummary->setText(what + QStringLiteral("\n")
                               + tr("Too large to diff (limit %1).")
                                     .arg(PayloadFormat::sizeText(maxDiffBytes)));
        return;
    }
    const PayloadFormat::Format formatA = PayloadFormat::detect(a);
    const PayloadFormat::Format formatB = PayloadFormat::detect(b);
    // Both JSON: compare the pretty forms, so one changed field is one changed line.
    PayloadFormat::Format format = PayloadFormat::Text;
    if (formatA == formatB && formatA != PayloadFormat::Text)
        format = formatA;
    else if (formatA == PayloadFormat::Hex || formatB == PayloadFormat::Hex)
        format = PayloadFormat::Hex;
    const QStringList linesA = diffLines(a, format);
    const QStringList linesB = diffLines(b, format);
    if (linesA.size() > maxDiffLines || linesB.size() > maxDiffLines) {
        m_diffSummary->setText(what + QStringLiteral("\n")
                               + tr("Too large to diff: %1 and %2 lines (limit %3).")
                                     .arg(linesA.size())
                                     .arg(linesB.size())
                                     .arg(maxDiffLines));
        return;
    }
    const QList<LineDiff::Line> lines = LineDiff::diff(linesA, linesB);
    int added = 0;
    int removed = 0;
    for (const LineDiff::Line &line : lines) {
        added += line.kind == LineDiff::Added;
        removed += line.kind == LineDiff::Removed;
    }
    if (added == 0 && removed == 0) {
        m_diffSummary->setText(what + QStringLiteral("\n") + tr("The payloads are identical."));
    } else {
        m_diffSummary->setText(what + QStringLiteral("\n")
                               + tr("%1: %2 added, %3 removed")
                                     .arg(PayloadFormat::formatName(format),
                                          PreviewText::counted(added,
                                              QT_TRANSLATE_NOOP("PreviewText", "line"),
                                              QT_TRANSLATE_NOOP("PreviewText", "lines")),
                                          QString::number(removed)));
    }

    // Long unchanged runs fold to a marker line, as a unified diff shows context only.
    QStringList text;
    QList<LineDiff::Kind> kinds;
    for (qsizetype i = 0; i < lines.size();) {
        if (lines.at(i).kind != LineDiff::Same) {
            text << QLatin1String(lines.at(i).kind == LineDiff::Added ? "+ " : "- ")
                        + lines.at(i).text;
            kinds << lines.at(i).kind;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < lines.size() && lines.at(end).kind == LineDiff::Same)
            ++end;
        const qsizetype keepHead = i == 0 ? 0 : diffContext;
        const qsizetype keepTail = end == lines.size() ? 0 : diffContext;
        if (end - i > keepHead + keepTail + 1) {
            for (qsizetype j = i; j < i + keepHead; ++j) {
                text << QStringLiteral("  ") + lines.at(j).text;
                kinds << LineDiff::Same;
            }
            text << QStringLiteral("  ⋯ ")
                        + PreviewText::counted(end - i - keepHead - keepTail,
                                               QT_TRANSLATE_NOOP("PreviewText", "unchanged line"),
                                               QT_TRANSLATE_NOOP("PreviewText", "unchanged lines"));
            kinds << LineDiff::Kind(-1);
            for (qsizetype j = end - keepTail; j < end; ++j) {
                text << QStringLiteral("  ") + lines.at(j).text;
                kinds << LineDiff::Same;
            }
        } else {
            for (qsizetype j = i; j < end; ++j) {
                text << QStringLiteral("  ") + lines.at(j).text;
                kinds << LineDiff::Same;
            }
        }
        i = end;
    }
    m_diffView->setPlainText(text.join(QLatin1Char('\n')));

    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    QTextCharFormat addedFormat;
    addedFormat.setBackground(blend(base, QColor(0x2e, 0xa0, 0x43), dark ? 0.30 : 0.22));
    addedFormat.setProperty(QTextFormat::FullWidthSelection, true);
    QTextCharFormat removedFormat;
    removedFormat.setBackground(blend(base, QColor(0xd7, 0x3a, 0x49), dark ? 0.30 : 0.20));
    removedFormat.setProperty(QTextFormat::FullWidthSelection, true);
    QTextCharFormat foldFormat;
    foldFormat.setForeground(pal.color(QPalette::PlaceholderText));
    foldFormat.setBackground(blend(base, pal.color(QPalette::Text), 0.05));
    foldFormat.setProperty(QTextFormat::FullWidthSelection, true);
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = m_diffView->document()->firstBlock();
    for (qsizetype i = 0; i < kinds.size() && block.isValid(); ++i, block = block.next()) {
        if (kinds.at(i) == LineDiff::Same)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format = kinds.at(i) == LineDiff::Added     ? addedFormat
                           : kinds.at(i) == LineDiff::Removed ? removedFormat
                                                              : foldFormat;
        selections.append(selection);
    }
    m_diffView->setExtraSelections(selections);
}

void TopicDetails::refreshChartFields()
{
    const QString previous = m_chartField->currentData().toString();
    const bool hadSelection = m_chartField->currentIndex() >= 0;
    QStringList paths;
    bool bareNumber = false;
    if (m_hasLast && m_last.payload().size() <= maxChartPayload) {
        bareNumber = PayloadFormat::number(m_last.payload()).has_value();
        if (!bareNumber)
            paths = PayloadFormat::numericJsonPaths(m_last.payload());
    }
    QStringList current;
    for (int i = 0; i < m_chartField->count(); ++i)
        current << m_chartField->itemData(i).toString();
    const QStringList wanted = bareNumber ? QStringList{QString()} : paths;
    if (current == wanted)
        return;
    m_chartField->clear();
    if (bareNumber)
        m_chartField->addItem(tr("Payload value"), QString());
    for (const QString &path : paths)
        m_chartField->addItem(path, path);
    int keep = hadSelection ? m_chartField->findData(previous) : -1;
    if (keep < 0) {
        // QJsonObject sorts keys; a field called "value" is the likelier choice than the first.
        for (int i = 0; i < paths.size() && keep < 0; ++i) {
            if (paths.at(i) == QLatin1String("value")
                || paths.at(i).endsWith(QLatin1String(".value")))
                keep = m_chartField->findData(paths.at(i));
        }
    }
    m_chartField->setCurrentIndex(keep >= 0 ? keep : 0);
}

void TopicDetails::refreshChart()
{
    m_chartDirty = false;
    refreshChartFields();
    m_chartField->setEnabled(m_chartField->count() > 0);
    if (!m_hasLast) {
        m_chartNote->setText(m_topic.isEmpty() ? tr("No topic selected.")
                                               : tr("No messages on this level to chart."));
        m_chartStack->setCurrentWidget(m_chartNote);
        return;
    }
    if (m_last.payload().size() > maxChartPayload) {
        m_chartNote->setText(tr("The last payload (%1) is too large to chart.")
                                 .arg(PayloadFormat::sizeText(m_last.payload().size())));
        m_chartStack->setCurrentWidget(m_chartNote);
        return;
    }
    if (m_chartField->count() == 0) {
        m_chartNote->setText(tr("Nothing to chart: the last payload is neither a number nor "
                                "JSON with numeric fields."));
        m_chartStack->setCurrentWidget(m_chartNote);
        return;
    }
    const QString path = m_chartField->currentData().toString();
    QList<QPointF> points;
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();
    const qsizetype first = std::max<qsizetype>(0, m_history.size() - maxChartPoints);
    for (qsizetype i = first; i < m_history.size(); ++i) {
        const mqtt::Message &message = m_history.at(i);
        if (message.payload().size() > maxChartPayload)
            continue;
        const auto value = PayloadFormat::numberAt(message.payload(), path);
        if (!value)
            continue;
        points.append(QPointF(double(message.timestamp()), *value));
        minY = std::min(minY, *value);
        maxY = std::max(maxY, *value);
    }
    m_series->replace(points);
    m_series->setPointsVisible(points.size() <= 60);
    if (points.isEmpty()) {
        m_chartNote->setText(tr("No message has a number at \"%1\".").arg(path));
        m_chartStack->setCurrentWidget(m_chartNote);
        return;
    }
    QChart *chart = m_chartView->chart();
    auto *timeAxis = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).value(0));
    auto *valueAxis = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    qint64 startMs = qint64(points.first().x());
    qint64 endMs = qint64(points.last().x());
    if (endMs - startMs < 1000) {
        startMs -= 500;
        endMs += 500;
    }
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(startMs),
                       QDateTime::fromMSecsSinceEpoch(endMs));
    timeAxis->setFormat(endMs - startMs > 86400000 ? QStringLiteral("MM-dd hh:mm")
                                                   : QStringLiteral("hh:mm:ss"));
    const double pad = maxY > minY ? (maxY - minY) * 0.08 : std::max(1.0, std::abs(maxY) * 0.1);
    valueAxis->setRange(minY - pad, maxY + pad);
    valueAxis->applyNiceNumbers();
    m_chartStack->setCurrentWidget(m_chartView);
}

void TopicDetails::applyChartColors()
{
    // The chart follows the widget palette rather than a chart theme's own colours.
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    QChart *chart = m_chartView->chart();
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundPen(Qt::NoPen);
    QPen line(pal.color(QPalette::Highlight));
    line.setWidthF(2);
    m_series->setPen(line);
    m_series->setBrush(pal.highlight());
    const QColor grid = blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.15);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(pal.text());
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

bool TopicDetails::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_topicLabel && event->type() == QEvent::Resize)
        updateTopicLabel();
    return QWidget::eventFilter(watched, event);
}

void TopicDetails::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyChartColors();
        m_diffDirty = true;
        scheduleRefresh();
    }
    QWidget::changeEvent(event);
}
