#include "widgets/connectiontab.h"

#include "connection.h"
#include "messagestore.h"
#include "panemodel.h"
#include "topicnode.h"
#include "widgets/filterpane.h"
#include "widgets/logconsole.h"
#include "widgets/newpanedialog.h"
#include "widgets/topicdetails.h"
#include "widgets/topictree.h"

#include <QDataStream>
#include <QHeaderView>
#include <QIODevice>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QIcon colorDot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

constexpr quint32 kLayoutVersion = 1;

} // namespace

ConnectionTab::ConnectionTab(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_tree(new TopicTree(connection, this))
    , m_details(new TopicDetails(this))
    , m_log(new LogConsole)
    , m_paneTabs(new QTabWidget(this))
    , m_mainSplitter(new QSplitter(Qt::Vertical, this))
    , m_topSplitter(new QSplitter(Qt::Horizontal, this))
{
    connection->setParent(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_topSplitter->addWidget(m_tree);
    m_topSplitter->addWidget(m_details);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 2);
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(m_paneTabs);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_topSplitter->setChildrenCollapsible(false);
    // Proportions for a first start (a saved layout replaces them): the details need room for
    // a pretty-printed payload, the panes for more than a handful of rows.
    m_topSplitter->setSizes({560, 440});
    m_mainSplitter->setSizes({600, 400});
    layout->addWidget(m_mainSplitter);

    m_paneTabs->setObjectName(QStringLiteral("paneTabs"));
    m_paneTabs->setDocumentMode(true);
    m_paneTabs->setTabsClosable(true);
    auto *addPane = new QToolButton(m_paneTabs);
    addPane->setObjectName(QStringLiteral("addPaneButton"));
    addPane->setText(tr("+ Pane"));
    addPane->setToolTip(tr("Open a pane for a topic filter (message_callback_add)"));
    addPane->setAutoRaise(true);
    m_paneTabs->setCornerWidget(addPane, Qt::TopRightCorner);
    connect(addPane, &QToolButton::clicked, this, [this] { promptNewPane(); });
    connect(m_paneTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        auto *pane = qobject_cast<FilterPane *>(m_paneTabs->widget(index));
        if (pane && !pane->model()->isDefault())
            m_connection->removePane(pane->model());
    });

    for (PaneModel *pane : connection->panes())
        addPaneTab(pane);
    connect(connection, &Connection::paneAdded, this, &ConnectionTab::addPaneTab);
    connect(connection, &Connection::paneRemoved, this, &ConnectionTab::removePaneTab);
    connect(connection, &Connection::logLine, m_log, &LogConsole::appendLine);
    connect(m_tree, &TopicTree::topicSelected, this, &ConnectionTab::showTopic);
    connect(m_tree, &TopicTree::watchRequested, this,
            [this](const QString &filter) { promptNewPane(filter); });
    connect(connection->store(), &MessageStore::flushed, this, &ConnectionTab::refreshDetails);
}

ConnectionTab::~ConnectionTab()
{
    delete m_log; // lives in the window's log dock, not in this widget tree
}

LogConsole *ConnectionTab::logConsole() const
{
    return m_log;
}

FilterPane *ConnectionTab::paneFor(const PaneModel *model) const
{
    for (int i = 0; i < m_paneTabs->count(); ++i) {
        auto *pane = qobject_cast<FilterPane *>(m_paneTabs->widget(i));
        if (pane && pane->model() == model)
            return pane;
    }
    return nullptr;
}

void ConnectionTab::promptNewPane(const QString &suggestedFilter)
{
    NewPaneDialog dialog(this);
    dialog.setFilter(suggestedFilter);
    while (dialog.exec() == QDialog::Accepted) {
        QString error;
        if (openPane(dialog.filter(), dialog.qos(), dialog.subscribe(), &error))
            return;
        QMessageBox::warning(this, tr("Cannot open the pane"), error);
    }
}

bool ConnectionTab::openPane(const QString &filter, int qos, bool subscribe, QString *error)
{
    PaneModel *pane = m_connection->addPane(filter, qos, subscribe, error);
    if (!pane)
        return false;
    if (FilterPane *widget = paneFor(pane))
        m_paneTabs->setCurrentWidget(widget);
    return true;
}

void ConnectionTab::addPaneTab(PaneModel *model)
{
    auto *pane = new FilterPane(model, m_paneTabs);
    const QString title = model->isDefault() ? tr("Default") : model->filter();
    const int index = m_paneTabs->addTab(pane, colorDot(model->color()), title);
    m_paneTabs->setTabToolTip(index, model->isDefault()
                                         ? tr("Messages that matched no pane filter (paho's on_message)")
                                         : tr("Messages matching %1").arg(model->filter()));
    if (model->isDefault()) {
        // The default pane always exists: no close button.
        m_paneTabs->tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
        m_paneTabs->tabBar()->setTabButton(index, QTabBar::LeftSide, nullptr);
    } else {
        m_paneTabs->setCurrentIndex(index);
    }
    connect(pane, &FilterPane::topicActivated, this, [this](const QString &topic) {
        m_tree->selectTopic(topic);
        showTopic(topic);
    });
}

void ConnectionTab::removePaneTab(PaneModel *model)
{
    if (FilterPane *pane = paneFor(model)) {
        m_paneTabs->removeTab(m_paneTabs->indexOf(pane));
        pane->deleteLater();
    }
}

void ConnectionTab::showTopic(const QString &topic)
{
    m_shownTopic = topic;
    m_shownCount = -1;
    if (topic.isEmpty()) {
        m_details->clear();
        return;
    }
    refreshDetails();
}

// Called after every store flush: the details follow the shown topic's new messages, and
// nothing happens when that topic did not change.
void ConnectionTab::refreshDetails()
{
    if (m_shownTopic.isEmpty())
        return;
    const TopicNode *node = m_connection->store()->node(m_shownTopic);
    if (!node)
        return;
    const qint64 count = node->messageCount + node->subtreeTopics;
    if (count == m_shownCount)
        return;
    m_shownCount = count;
    QList<mqtt::Message> history = node->history;
    if (history.isEmpty() && node->isTopic())
        history.append(node->last); // the history budget dropped it; the last stays
    m_details->setMessages(m_shownTopic, history);
}

QByteArray ConnectionTab::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kLayoutVersion << m_mainSplitter->saveState() << m_topSplitter->saveState()
        << m_tree->view()->header()->saveState();
    return state;
}

void ConnectionTab::restoreLayout(const QByteArray &state)
{
    QDataStream in(state);
    quint32 version = 0;
    QByteArray main, top, header;
    in >> version >> main >> top >> header;
    if (in.status() != QDataStream::Ok || version != kLayoutVersion)
        return;
    m_mainSplitter->restoreState(main);
    m_topSplitter->restoreState(top);
    m_tree->view()->header()->restoreState(header);
}
