#include "widgets/topictree.h"

#include "connection.h"
#include "messagestore.h"
#include "topicnode.h"
#include "retainedcleaner.h"
#include "topicsearchmodel.h"
#include "topictreemodel.h"
#include "toptalkersmodel.h"
#include "widgets/topictreeview.h"

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
#include <QStackedWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

TopicTree::TopicTree(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_search(new TopicSearchModel(connection->store(), this))
    , m_talkers(new TopTalkersModel(connection->store(), this))
    , m_tabs(new QTabWidget(this))
    , m_treeStack(new QStackedWidget(this))
    , m_view(new TopicTreeView(this))
    , m_searchView(new QTableView(this))
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
    m_filterEdit->setAccessibleName(tr("Filter topics"));
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

    m_view->setObjectName(QStringLiteral("topicTreeView"));
    m_view->setAccessibleName(tr("Topic tree"));
    m_view->setModel(connection->treeModel());
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true); // the header sorts: by name (natural), counts or rate
    m_view->sortByColumn(TopicTreeModel::NameColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAllColumnsShowFocus(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // Wide enough for the content's typical width and never narrower than the header's title.
    const auto fit = [&](int section, int chars) {
        const QString title = connection->treeModel()->headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(section, qMax(digit * chars, header->fontMetrics().horizontalAdvance(title) + 24));
    };
    fit(TopicTreeModel::NameColumn, 26);
    fit(TopicTreeModel::TopicsColumn, 7);
    fit(TopicTreeModel::MessagesColumn, 10);
    fit(TopicTreeModel::PayloadColumn, 22);
    fit(TopicTreeModel::RetainedColumn, 3);
    fit(TopicTreeModel::QosColumn, 3);
    fit(TopicTreeModel::RateColumn, 8);
    fit(TopicTreeModel::BytesRateColumn, 10);
    fit(TopicTreeModel::UpdatedColumn, 13);

    m_searchView->setObjectName(QStringLiteral("topicSearchView"));
    m_searchView->setAccessibleName(tr("Matching topics"));
    m_searchView->setModel(m_search);
    m_searchView->verticalHeader()->hide();
    m_searchView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_searchView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_searchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_searchView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_searchView->setAlternatingRowColors(true);
    m_searchView->setWordWrap(false);
    m_searchView->setSortingEnabled(true);
    m_searchView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_searchView->horizontalHeader()->resizeSection(TopicSearchModel::TopicColumn, digit * 40);
    m_searchView->horizontalHeader()->resizeSection(TopicSearchModel::MessagesColumn, digit * 11);
    m_searchView->horizontalHeader()->resizeSection(TopicSearchModel::PayloadColumn, digit * 28);
    m_searchView->horizontalHeader()->setStretchLastSection(true);
    m_treeStack->addWidget(m_view);
    m_treeStack->addWidget(m_searchView);
    // Counters change with every flush; what is on screen is repainted, nothing else.
    connect(connection->store(), &MessageStore::flushed, m_searchView->viewport(),
            qOverload<>(&QWidget::update));

    m_talkersView->setObjectName(QStringLiteral("topTalkersView"));
    m_talkersView->setAccessibleName(tr("Top talkers"));
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
    m_tabs->addTab(m_treeStack, tr("Tree"));
    m_tabs->addTab(talkersPage, tr("Top talkers"));
    m_talkers->setActive(false); // ranks only while its tab is shown
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this, talkersPage](int) { m_talkers->setActive(m_tabs->currentWidget() == talkersPage); });

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_filterEdit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &TopicTree::applyFilter);
    connect(m_payloads, &QCheckBox::toggled, this, &TopicTree::applyFilter);
    connect(m_debounce, &QTimer::timeout, this, &TopicTree::applyFilter);
    connect(m_search, &TopicSearchModel::matchCountChanged, this, &TopicTree::updateMatchLabel);
    connect(m_search, &TopicSearchModel::filterError, this, [this](const QString &message) {
        m_filterError = message;
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
    connect(m_searchView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT topicSelected(current.data(TopicSearchModel::TopicRole).toString());
            });
    connect(m_searchView, &QWidget::customContextMenuRequested, this, &TopicTree::showContextMenu);
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
    if (isShowingSearch())
        return m_searchView->currentIndex().data(TopicSearchModel::TopicRole).toString();
    return m_view->currentIndex().data(TopicTreeModel::TopicRole).toString();
}

bool TopicTree::isShowingSearch() const
{
    return m_treeStack->currentWidget() == m_searchView;
}

bool TopicTree::selectTopic(const QString &topic)
{
    m_tabs->setCurrentIndex(0);
    if (isShowingSearch()) {
        for (int row = 0; row < m_search->rowCount(); ++row) {
            if (m_search->topicAt(row) == topic) {
                m_searchView->setCurrentIndex(m_search->index(row, 0));
                m_searchView->scrollTo(m_search->index(row, 0));
                return true;
            }
        }
        return false;
    }
    const QModelIndex index = m_connection->treeModel()->indexOfTopic(topic);
    if (!index.isValid())
        return false;
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
    const TopicFilter filter(modes[qBound(0, m_mode->currentIndex(), 2)], m_filterEdit->text(),
                             m_payloads->isChecked());
    m_filterError.clear();
    m_search->setTopicFilter(filter);
    if (!filter.isValid())
        return; // filterError has said why; the last valid result stays
    m_treeStack->setCurrentWidget(filter.isEmpty() ? static_cast<QWidget *>(m_view) : m_searchView);
    updateMatchLabel();
}

void TopicTree::updateMatchLabel()
{
    if (!m_filterError.isEmpty())
        return;
    const QLocale locale;
    const int total = m_connection->store()->topicCount();
    if (m_search->topicFilter().isEmpty()) {
        m_matches->setText(tr("%1 topics").arg(locale.toString(total)));
    } else {
        m_matches->setText(tr("%1 of %2%3").arg(locale.toString(m_search->matchCount()),
                                                locale.toString(total),
                                                m_search->isScanning() ? QStringLiteral("…")
                                                                       : QString()));
    }
}

void TopicTree::showContextMenu(const QPoint &pos)
{
    const bool search = isShowingSearch();
    QAbstractItemView *view = search ? static_cast<QAbstractItemView *>(m_searchView) : m_view;
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    const QString topic = search ? m_search->topicAt(index.row())
                                 : index.data(TopicTreeModel::TopicRole).toString();
    const TopicNode *node = m_connection->store()->node(topic);
    const mqtt::Message last = node && node->isTopic() ? node->last : mqtt::Message();
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
    menu.addAction(tr("Publish to this topic…"), this, [this, topic] { Q_EMIT publishRequested(topic); });
    QAction *deleteOne = menu.addAction(tr("Delete retained message"), this,
                                        [this, topic] { deleteRetained(topic); });
    deleteOne->setEnabled(retainedCleaner()->hasRetained(topic));
    QAction *deleteAll = menu.addAction(tr("Delete retained messages under this subtree…"), this,
                                        [this, topic] { deleteRetainedUnder(topic); });
    deleteAll->setEnabled(!retainedCleaner()->retainedTopicsUnder(topic).isEmpty());
    if (!search) {
        menu.addSeparator();
        menu.addAction(tr("Expand subtree"), this, [this, index] { m_view->expandRecursively(index); });
        menu.addAction(tr("Collapse all"), m_view, &QTreeView::collapseAll);
    }
    menu.exec(view->viewport()->mapToGlobal(pos));
}

bool TopicTree::copyCurrentTopic()
{
    const QString topic = currentTopic();
    if (topic.isEmpty())
        return false;
    QApplication::clipboard()->setText(topic);
    return true;
}

bool TopicTree::copyCurrentPayload()
{
    const TopicNode *node = m_connection->store()->node(currentTopic());
    if (!node || !node->isTopic())
        return false;
    QApplication::clipboard()->setText(QString::fromUtf8(node->last.payload()));
    return true;
}

int TopicTree::deleteCurrentRetained()
{
    const QString topic = currentTopic();
    if (topic.isEmpty())
        return 0;
    // A topic with children or without its own retained message: the subtree, confirmed.
    const TopicNode *node = m_connection->store()->node(topic);
    if (retainedCleaner()->hasRetained(topic) && node && node->children.isEmpty())
        return deleteRetained(topic);
    return deleteRetainedUnder(topic);
}

bool TopicTree::watchCurrent()
{
    const QString topic = currentTopic();
    if (topic.isEmpty())
        return false;
    const TopicNode *node = m_connection->store()->node(topic);
    Q_EMIT watchRequested(node && !node->children.isEmpty() ? topic + QStringLiteral("/#") : topic);
    return true;
}

bool TopicTree::publishToCurrent()
{
    const QString topic = currentTopic();
    if (topic.isEmpty())
        return false;
    Q_EMIT publishRequested(topic);
    return true;
}

RetainedCleaner *TopicTree::retainedCleaner()
{
    if (!m_cleaner) {
        m_cleaner = new RetainedCleaner(m_connection->client(), m_connection->store(), this);
        connect(m_cleaner, &RetainedCleaner::finished, this,
                [this](int, int failed, const QString &firstError) {
                    // Success shows in the tree itself: the broker sends the empty retained
                    // messages to our subscription and the retained markers go.
                    if (failed > 0) {
                        QMessageBox::warning(this, tr("Delete retained messages"),
                                             tr("%n retained message(s) could not be deleted. "
                                                "First failure: %1", nullptr, failed)
                                                 .arg(firstError));
                    }
                });
    }
    return m_cleaner;
}

int TopicTree::deleteRetained(const QString &topic)
{
    QString error;
    const int sent = retainedCleaner()->clear({topic}, &error);
    if (sent == 0 && !error.isEmpty())
        QMessageBox::warning(this, tr("Delete retained message"),
                             tr("The retained message of %1 was not deleted: %2").arg(topic, error));
    return sent;
}

int TopicTree::deleteRetainedUnder(const QString &topicOrLevel)
{
    const QStringList topics = retainedCleaner()->retainedTopicsUnder(topicOrLevel);
    if (topics.isEmpty())
        return 0;
    const QLocale locale;
    const QString where = topicOrLevel.isEmpty() ? tr("all topics") : topicOrLevel;
    const QString text = topics.size() == 1
        ? tr("Delete the retained message of 1 topic under %1?").arg(where)
        : tr("Delete the retained messages of %1 topics under %2?").arg(locale.toString(topics.size()), where);
    // Name a few so the user sees what goes; a subtree can hold thousands.
    constexpr int shown = 8;
    QStringList names = topics.mid(0, shown);
    if (topics.size() > shown)
        names << tr("… and %1 more").arg(locale.toString(topics.size() - shown));
    QMessageBox box(QMessageBox::Warning, tr("Delete retained messages"), text,
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deleteRetainedConfirmation"));
    box.setInformativeText(tr("An empty retained message (QoS 1) is published to each of them; "
                              "the broker then forgets it. This cannot be undone.\n\n%1")
                               .arg(names.join(QLatin1Char('\n'))));
    QPushButton *remove = box.addButton(tr("Delete %1").arg(locale.toString(topics.size())),
                                        QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return 0;
    QString error;
    const int sent = retainedCleaner()->clear(topics, &error);
    if (sent < topics.size())
        QMessageBox::warning(this, tr("Delete retained messages"),
                             tr("%1 of %2 retained messages were not deleted: %3")
                                 .arg(topics.size() - sent).arg(topics.size()).arg(error));
    return sent;
}
