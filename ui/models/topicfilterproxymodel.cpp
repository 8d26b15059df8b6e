#include "topicfilterproxymodel.h"

#include "messagestore.h"
#include "topictreemodel.h"

#include <QElapsedTimer>

// Serials are unique in the process, so a mark left by an older filter never passes for a
// newer one.
static quint32 s_lastSerial = 0;

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TopicTreeModel::SortRole);
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, &TopicFilterProxyModel::scanSlice);
    m_refilterTimer.setSingleShot(true);
    m_refilterTimer.setInterval(1000);
    connect(&m_refilterTimer, &QTimer::timeout, this, [this] { invalidateFilter(); });
}

TopicFilterProxyModel::~TopicFilterProxyModel() = default;

void TopicFilterProxyModel::setTreeModel(TopicTreeModel *model)
{
    if (m_tree) {
        disconnect(m_tree, nullptr, this, nullptr);
        disconnect(m_flushedConnection);
    }
    m_tree = model;
    setSourceModel(model);
    if (!model)
        return;
    // Connected after setSourceModel(): runs after the proxy's own about-to-insert handling
    // and before rowsInserted, where the proxy asks filterAcceptsRow() about the new rows.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &TopicFilterProxyModel::onRowsAboutToBeInserted);
    connect(model, &QAbstractItemModel::modelReset, this, &TopicFilterProxyModel::restartScan);
    m_flushedConnection = connect(model->store(), &MessageStore::flushed, this, [this] {
        if (m_filter.isEmpty() && m_matchCount != m_tree->store()->topicCount()) {
            m_matchCount = m_tree->store()->topicCount();
            Q_EMIT matchCountChanged(m_matchCount);
        }
    });
    m_matchCount = m_filter.isEmpty() ? model->store()->topicCount() : 0;
    if (!m_filter.isEmpty()) {
        // Scan the new tree for the filter in force.
        m_pendingFilter = m_filter;
        restartScan();
    }
}

void TopicFilterProxyModel::setTopicFilter(const TopicFilter &filter)
{
    if (!filter.isValid()) {
        Q_EMIT filterError(filter.errorString());
        return;
    }
    m_scanTimer.stop();
    m_scanMatches.clear();
    if (filter.isEmpty() || !m_tree) {
        m_filter = filter;
        m_pendingFilter = filter;
        m_serial = 0;
        m_matchCount = m_tree ? m_tree->store()->topicCount() : 0;
        invalidateFilter();
        Q_EMIT matchCountChanged(m_matchCount);
        return;
    }
    m_pendingFilter = filter;
    m_pendingSerial = ++s_lastSerial;
    m_scanPos = 0;
    m_pendingCount = 0;
    m_scanTimer.start();
}

bool TopicFilterProxyModel::isScanning() const
{
    return m_scanTimer.isActive();
}

void TopicFilterProxyModel::setSliceMs(int ms)
{
    m_sliceMs = qMax(1, ms);
}

void TopicFilterProxyModel::restartScan()
{
    // The nodes are gone (store cleared): matches collected so far point nowhere.
    m_scanMatches.clear();
    m_refilterTimer.stop();
    if (m_pendingFilter.isEmpty() || !m_tree)
        return;
    if (!m_scanTimer.isActive())
        m_pendingSerial = ++s_lastSerial;
    m_scanPos = 0;
    m_pendingCount = 0;
    if (!m_filter.isEmpty())
        m_matchCount = 0;
    m_scanTimer.start();
}

void TopicFilterProxyModel::scanSlice()
{
    const QList<TopicNode *> &topics = m_tree->store()->topics();
    QElapsedTimer clock;
    clock.start();
    while (m_scanPos < topics.size()) {
        TopicNode *node = topics.at(m_scanPos++);
        if (m_pendingFilter.matches(node->last.topic(), node->last.payload()))
            m_scanMatches.append(node);
        if ((m_scanPos & 15) == 0 && clock.elapsed() >= m_sliceMs)
            break;
    }
    m_pendingCount = int(m_scanMatches.size());
    Q_EMIT scanProgress(m_scanPos, int(topics.size()));
    if (m_scanPos >= topics.size())
        finishScan();
}

void TopicFilterProxyModel::finishScan()
{
    m_scanTimer.stop();
    m_filter = m_pendingFilter;
    m_serial = m_pendingSerial;
    for (TopicNode *node : std::as_const(m_scanMatches))
        markMatch(node, m_serial);
    m_matchCount = int(m_scanMatches.size());
    m_scanMatches.clear();
    m_scanMatches.squeeze();
    invalidateFilter();
    Q_EMIT matchCountChanged(m_matchCount);
}

void TopicFilterProxyModel::markMatch(TopicNode *node, quint32 serial)
{
    for (TopicNode *n = node; n && n->parent && n->filterSerial != serial; n = n->parent)
        n->filterSerial = serial;
}

bool TopicFilterProxyModel::evaluateNew(TopicNode *node)
{
    bool match = node->isTopic() && m_filter.matches(node->last.topic(), node->last.payload());
    if (match)
        ++m_matchCount;
    for (TopicNode *child : std::as_const(node->children))
        match = evaluateNew(child) || match;
    if (match)
        node->filterSerial = m_serial;
    return match;
}

void TopicFilterProxyModel::onRowsAboutToBeInserted(const QModelIndex &parent, int first,
                                                    int last)
{
    if (m_filter.isEmpty())
        return;
    TopicNode *parentNode = m_tree->nodeAt(parent);
    const int countBefore = m_matchCount;
    bool any = false;
    for (int row = first; row <= last && row < parentNode->children.size(); ++row)
        any = evaluateNew(parentNode->children.at(row)) || any;
    if (!any)
        return;
    // A parent without a match so far is hidden: the proxy ignores rows inserted under it, so
    // it must re-filter (coalesced) for the new match to show.
    if (parentNode->parent && parentNode->filterSerial != m_serial) {
        markMatch(parentNode, m_serial);
        if (!m_refilterTimer.isActive())
            m_refilterTimer.start();
    }
    if (m_matchCount != countBefore)
        Q_EMIT matchCountChanged(m_matchCount);
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty() || !m_tree)
        return true;
    const TopicNode *parent = m_tree->nodeAt(sourceParent);
    if (sourceRow < 0 || sourceRow >= parent->children.size())
        return false;
    return parent->children.at(sourceRow)->filterSerial == m_serial;
}

int TopicFilterProxyModel::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            // Digit runs compare by value: skip leading zeros, then longer is larger.
            qsizetype si = i;
            qsizetype sj = j;
            while (si < a.size() && a.at(si) == QLatin1Char('0'))
                ++si;
            while (sj < b.size() && b.at(sj) == QLatin1Char('0'))
                ++sj;
            qsizetype ei = si;
            qsizetype ej = sj;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            const int c = a.sliced(si, ei - si).compare(b.sliced(sj, ej - sj));
            if (c != 0)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        const char32_t ca = a.at(i).toCaseFolded().unicode();
        const char32_t cb = b.at(j).toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    // Equal but for case or leading zeros: fall back to a stable, exact order.
    return a.compare(b);
}

bool TopicFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return naturalCompare(l.toString(), r.toString()) < 0;
    return l.toDouble() < r.toDouble();
}
