#include "widgets/filterpane.h"

#include "panemodel.h"
#include "previewtext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

FilterPane::FilterPane(PaneModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_counts(new QLabel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_pause(new QToolButton(this))
    , m_countsTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    auto *chip = new QLabel(this);
    chip->setFixedSize(12, 12);
    chip->setStyleSheet(QStringLiteral("background:%1; border-radius:6px;").arg(model->color().name()));
    auto *title = new QLabel(this);
    title->setTextFormat(Qt::PlainText);
    title->setText(model->isDefault() ? tr("Matched no pane filter (on_message)") : model->filter());
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_counts->setObjectName(QStringLiteral("paneCounts"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze this pane; arrivals are kept and counted"));
    auto *clear = new QToolButton(this);
    clear->setObjectName(QStringLiteral("clearButton"));
    clear->setText(tr("Clear"));
    m_searchEdit->setObjectName(QStringLiteral("paneSearch"));
    m_searchEdit->setAccessibleName(tr("Search this pane"));
    m_searchEdit->setPlaceholderText(tr("Search topic or payload"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMaximumWidth(260);
    bar->addWidget(chip);
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(m_counts, 1);
    bar->addWidget(m_searchEdit);
    bar->addWidget(m_pause);
    bar->addWidget(clear);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    m_search->setSourceModel(model);
    m_search->setFilterKeyColumn(-1);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("paneView"));
    m_view->setAccessibleName(tr("Messages of this pane"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Uniform rows: no per-row size hints at 100k rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(PaneModel::TimeColumn, digit * 15);
    header->resizeSection(PaneModel::TopicColumn, digit * 34);
    header->resizeSection(PaneModel::QosColumn, digit * 6);
    header->resizeSection(PaneModel::RetainColumn, digit * 6);
    header->resizeSection(PaneModel::SizeColumn, digit * 10);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::actionTriggered, this,
            [this, scroll](int) { m_followTail = scroll->sliderPosition() >= scroll->maximum(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &FilterPane::scrollToTailIfFollowing);
    connect(model, &PaneModel::countsChanged, this, &FilterPane::updateCounts);
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        updateCounts();
    });
    connect(clear, &QToolButton::clicked, model, &PaneModel::clear);
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(m_searchEdit, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &FilterPane::applySearch);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const auto message = index.data(PaneModel::MessageRole).value<mqtt::Message>();
        Q_EMIT topicActivated(message.topic());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        const auto message = index.data(PaneModel::MessageRole).value<mqtt::Message>();
        QMenu menu(this);
        menu.addAction(tr("Copy topic"), this,
                       [message] { QApplication::clipboard()->setText(message.topic()); });
        menu.addAction(tr("Copy payload"), this, [message] {
            QApplication::clipboard()->setText(QString::fromUtf8(message.payload()));
        });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // Counts and rate also move while paused or quiet, when the model has nothing to flush.
    m_countsTimer->setInterval(1000);
    connect(m_countsTimer, &QTimer::timeout, this, &FilterPane::updateRate);
    m_countsTimer->start();
    m_rateClock.start();
    m_totalAtRate = model->totalMessages();
    updateCounts();
}

void FilterPane::updateRate()
{
    const qint64 elapsed = qMax<qint64>(1, m_rateClock.restart());
    m_rate = double(m_model->totalMessages() - m_totalAtRate) * 1000.0 / double(elapsed);
    m_totalAtRate = m_model->totalMessages();
    updateCounts();
}

QString FilterPane::countsText() const
{
    return m_counts->text();
}

void FilterPane::setSearchText(const QString &text)
{
    m_searchEdit->setText(text);
    applySearch();
}

void FilterPane::updateCounts()
{
    const QLocale locale;
    QString text = tr("%1 messages · %2")
                       .arg(locale.toString(m_model->totalMessages()),
                            PreviewText::shortNumber(m_rate) + QStringLiteral("/s"));
    if (m_model->isPaused())
        text += tr(" · %1 new (paused)").arg(locale.toString(m_model->pendingCount()));
    if (m_model->droppedMessages() > 0)
        text += tr(" · oldest %1 dropped").arg(locale.toString(m_model->droppedMessages()));
    if (m_view->model() == m_search)
        text += tr(" · %1 shown").arg(locale.toString(m_search->rowCount()));
    m_counts->setText(text);
    m_pause->setChecked(m_model->isPaused());
}

void FilterPane::applySearch()
{
    const QString text = m_searchEdit->text();
    if (text.isEmpty()) {
        if (m_view->model() != m_model)
            m_view->setModel(m_model);
    } else {
        m_search->setFilterFixedString(text);
        if (m_view->model() != m_search)
            m_view->setModel(m_search);
    }
    updateCounts();
}

void FilterPane::scrollToTailIfFollowing()
{
    if (m_followTail)
        m_view->scrollToBottom();
}
