#include "widgets/topictree.h"

#include "connection.h"
#include "messagestore.h"
#include "topicfilterproxymodel.h"
#include "topictreemodel.h"
#include "toptalkersmodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

TopicTree::TopicTree(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_proxy(new TopicFilterProxyModel(this))
    , m_talkers(new TopTalkersModel(connection->store(), this))
    , m_tabs(new QTabWidget(this))
    , m_view(new QTreeView(this))
    , m_talkersView(new QTableView(this))
    , m_filterEdit(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_payloads(new QCheckBox(tr("Payloads"), this))
    , m_matches(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(4, 4, 4, 0);
    m_filterEdit->setObjectName(QStringLiteral("topicFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter topics (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_mode->setObjectName(QStringLiteral("filterMode"));
    m_mode->addItems({tr("Text"), tr("MQTT filter"), tr("Regex")});
    m_mode->setToolTip(tr("Text: case-insensitive substring\n"
                          "MQTT filter: wildcards as in a subscription (sensors/+/temp, home/#)\n"
                          "Regex: a regular expression"));
    m_payloads->setObjectName(QStringLiteral("filterPayloads"));
    m_payloads->setToolTip(tr("Also match the last payload of each topic"));
    m_matches->setObjectName(QStringLiteral("matchCount"));
    m_matches->setMinimumWidth(m_matches->fontMetrics().horizontalAdvance(QStringLiteral("000,000 of 000,000")));
    m_matches->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    filterBar->addWidget(m_filterEdit, 1);
    filterBar->addWidget(m_mode);
    filterBar->addWidget(m_payloads);
    filterBar->addWidget(m_matches);
    layout->addLayout(filterBar);
    layout->addWidget(m_tabs, 1);

    m_proxy->setTreeModel(connection->treeModel());
    m_view->setObjectName(QStringLiteral("topicTreeView"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TopicTreeModel::NameColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAllColumnsShowFocus(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(TopicTreeModel::NameColumn, digit * 30);
    header->resizeSection(TopicTreeModel::TopicsColumn, digit * 8);
    header->resizeSection(TopicTreeModel::MessagesColumn, digit * 11);
    header->resizeSection(TopicTreeModel::PayloadColumn, digit * 28);
    header->resizeSection(TopicTreeModel::RetainedColumn, digit * 4);
    header->resizeSection(TopicTreeModel::QosColumn, digit * 5);
    header->resizeSection(TopicTreeModel::RateColumn, digit * 9);
    header->resizeSection(TopicTreeModel::BytesRateColumn, digit * 10);
    header->resizeSection(TopicTreeModel::UpdatedColumn, digit * 14);

    m_talkersView->setObjectName(QStringLiteral("topTalkersView"));
    m_talkersView->setModel(m_talkers);
    m_talkersView->verticalHeader()->hide();
    m_talkersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_talkersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_talkersView->setAlternatingRowColors(true);
    m_talkersView->horizontalHeader()->setSectionResizeMode(TopTalkersModel::TopicColumn,
                                                            QHeaderView::Stretch);
    auto *talkersPage = new QWidget(this);
    auto *talkersLayout = new QVBoxLayout(talkersPage);
    talkersLayout->setContentsMargins(0, 4, 0, 0);
    auto *sortBar = new QHBoxLayout;
    auto *sortBy = new QComboBox(talkersPage);
    sortBy->setObjectName(QStringLiteral("topTalkersSort"));
    sortBy->addItems({tr("by messages per second"), tr("by bytes per second")});
    auto *hint = new QLabel(tr("Topics ranked by current rate, refreshed every second"), talkersPage);
    hint->setEnabled(false);
    sortBar->addWidget(sortBy);
    sortBar->addWidget(hint, 1);
    talkersLayout->addLayout(sortBar);
    talkersLayout->addWidget(m_talkersView, 1);
    connect(sortBy, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_talkers->setSortBy(index == 0 ? TopTalkersModel::SortBy::Messages
                                        : TopTalkersModel::SortBy::Bytes);
    });

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Tree"));
    m_tabs->addTab(talkersPage, tr("Top talkers"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_filterEdit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &TopicTree::applyFilter);
    connect(m_payloads, &QCheckBox::toggled, this, &TopicTree::applyFilter);
    connect(m_debounce, &QTimer::timeout, this, &TopicTree::applyFilter);
    connect(m_proxy, &TopicFilterProxyModel::matchCountChanged, this, &TopicTree::updateMatchLabel);
    connect(m_proxy, &TopicFilterProxyModel::filterError, this, [this](const QString &message) {
        m_filterEdit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #e03131; }"));
        m_filterEdit->setToolTip(message);
        m_matches->setText(tr("invalid"));
        m_matches->setToolTip(message);
    });
    connect(connection->store(), &MessageStore::flushed, this, &TopicTree::updateMatchLabel);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT topicSelected(current.data(TopicTreeModel::TopicRole).toString());
            });
    connect(m_talkersView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const QString topic = m_talkers->topicAt(index.row());
        if (!topic.isEmpty())
            Q_EMIT topicSelected(topic);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &TopicTree::showContextMenu);
    updateMatchLabel();
}

QString TopicTree::currentTopic() const
{
    return m_view->currentIndex().data(TopicTreeModel::TopicRole).toString();
}

bool TopicTree::selectTopic(const QString &topic)
{
    const QModelIndex source = m_connection->treeModel()->indexOfTopic(topic);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_tabs->setCurrentIndex(0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void TopicTree::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void TopicTree::setFilter(const QString &pattern, int mode, bool payloads)
{
    const QSignalBlocker a(m_filterEdit), b(m_mode), c(m_payloads);
    m_filterEdit->setText(pattern);
    m_mode->setCurrentIndex(mode);
    m_payloads->setChecked(payloads);
    applyFilter();
}

void TopicTree::applyFilter()
{
    m_debounce->stop();
    m_filterEdit->setStyleSheet(QString());
    m_filterEdit->setToolTip(QString());
    m_matches->setToolTip(QString());
    static const TopicFilter::Mode modes[] = {TopicFilter::Mode::Substring,
                                              TopicFilter::Mode::Wildcard,
                                              TopicFilter::Mode::RegularExpression};
    m_proxy->setTopicFilter(TopicFilter(modes[qBound(0, m_mode->currentIndex(), 2)],
                                        m_filterEdit->text(), m_payloads->isChecked()));
    if (!m_filterEdit->text().isEmpty())
        m_view->expandToDepth(2);
    updateMatchLabel();
}

void TopicTree::updateMatchLabel()
{
    if (!m_proxy->topicFilter().isValid())
        return;
    const QLocale locale;
    const int total = m_connection->store()->topicCount();
    if (m_proxy->topicFilter().isEmpty()) {
        m_matches->setText(tr("%1 topics").arg(locale.toString(total)));
    } else {
        m_matches->setText(tr("%1 of %2").arg(locale.toString(m_proxy->matchCount()),
                                              locale.toString(total)));
    }
}

void TopicTree::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    const QString topic = index.data(TopicTreeModel::TopicRole).toString();
    const auto last = index.data(TopicTreeModel::LastMessageRole).value<mqtt::Message>();
    QMenu menu(this);
    menu.addAction(tr("Copy topic"), this, [topic] { QApplication::clipboard()->setText(topic); });
    QAction *copyPayload = menu.addAction(tr("Copy payload"), this, [last] {
        QApplication::clipboard()->setText(QString::fromUtf8(last.payload()));
    });
    copyPayload->setEnabled(!last.topic().isEmpty());
    menu.addSeparator();
    const QString subtree = topic + QStringLiteral("/#");
    menu.addAction(tr("Watch %1 in a new pane").arg(subtree), this,
                   [this, subtree] { Q_EMIT watchRequested(subtree); });
    if (!last.topic().isEmpty()) {
        menu.addAction(tr("Watch %1 in a new pane").arg(topic), this,
                       [this, topic] { Q_EMIT watchRequested(topic); });
    }
    menu.addSeparator();
    menu.addAction(tr("Expand subtree"), this, [this, index] { m_view->expandRecursively(index); });
    menu.addAction(tr("Collapse all"), m_view, &QTreeView::collapseAll);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
