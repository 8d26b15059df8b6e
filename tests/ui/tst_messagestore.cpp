#include "messagestore.h"
#include "panemodel.h"

#include <QSignalSpy>
#include <QTest>

using mqtt::Message;

// "name[topics,messages,own]{children}" in row order, for comparing whole trees at a glance.
static QString dump(const TopicNode *node)
{
    QStringList parts;
    for (const TopicNode *child : node->children) {
        QString s = QStringLiteral("%1[%2,%3,%4]")
                            .arg(child->name)
                            .arg(child->subtreeTopics)
                            .arg(child->subtreeMessages)
                            .arg(child->messageCount);
        if (!child->children.isEmpty())
            s += QLatin1Char('{') + dump(child) + QLatin1Char('}');
        parts << s;
    }
    return parts.join(QLatin1Char(','));
}

static Message msg(const QString &topic, const QByteArray &payload = QByteArray("p"))
{
    return Message(topic, payload);
}

class tst_MessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tree_data()
    {
        QTest::addColumn<QStringList>("topics");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << QStringList{"a"} << "a[1,1,1]";
        QTest::newRow("siblings")
                << QStringList{"a/b", "a/b", "a/c"} << "a[2,3,0]{b[1,2,2],c[1,1,1]}";
        QTest::newRow("topic and level")
                << QStringList{"a", "a/b"} << "a[2,2,1]{b[1,1,1]}";
        QTest::newRow("level becomes topic")
                << QStringList{"a/b", "a"} << "a[2,2,1]{b[1,1,1]}";
        QTest::newRow("leading slash") << QStringList{"/x"} << "[1,1,0]{x[1,1,1]}";
        QTest::newRow("empty level") << QStringList{"a//b"} << "a[1,1,0]{[1,1,0]{b[1,1,1]}}";
        QTest::newRow("arrival order")
                << QStringList{"z/1", "a/1", "z/0", "$SYS/x"}
                << "z[2,2,0]{1[1,1,1],0[1,1,1]},a[1,1,0]{1[1,1,1]},$SYS[1,1,0]{x[1,1,1]}";
        QTest::newRow("deep then shallow")
                << QStringList{"a/b/c/d", "a/b", "a/e"}
                << "a[3,3,0]{b[2,2,1]{c[1,1,0]{d[1,1,1]}},e[1,1,1]}";
    }
    void tree()
    {
        QFETCH(QStringList, topics);
        QFETCH(QString, expected);
        MessageStore store;
        for (const QString &topic : topics)
            store.add(msg(topic));
        QCOMPARE(dump(store.root()), expected);
        QCOMPARE(store.totalMessages(), topics.size());
        // Every level is indexed by its path, and each topic maps to its own node.
        for (const QString &topic : topics) {
            TopicNode *node = store.node(topic);
            QVERIFY(node);
            QCOMPARE(node->topic(), topic);
            QVERIFY(node->isTopic());
            QVERIFY(store.topics().contains(node));
            const int slash = int(topic.lastIndexOf(QLatin1Char('/')));
            if (slash >= 0)
                QCOMPARE(store.node(topic.left(slash)), node->parent);
        }
        QCOMPARE(store.topicCount(), QSet<QString>(topics.begin(), topics.end()).size());
        QCOMPARE(store.root()->subtreeTopics, store.topicCount());
        // Cached rows are the real indexes.
        for (TopicNode *node : store.topics())
            QCOMPARE(node->parent->children.at(node->row), node);
    }

    void entryBytes()
    {
        QCOMPARE(MessageStore::entryBytes(msg("ab", QByteArray(10, 'x'))), 10 + 2 * 2 + 96);
        QCOMPARE(MessageStore::entryBytes(msg("a", QByteArray())), 2 + 96);
    }

    void historyBudgetDropsOldestAcrossTopics()
    {
        MessageStore store;
        // Every entry is 10 + 2 + 96 = 108 bytes: room for exactly three.
        store.setByteBudget(3 * 108);
        QSignalSpy dropped(&store, &MessageStore::historyDropped);
        const QStringList order{"a", "b", "a", "c", "b"};
        for (int i = 0; i < order.size(); ++i)
            store.add(msg(order.at(i), QByteArray::number(i).repeated(10)));
        QCOMPARE(store.historyMessages(), 3);
        QCOMPARE(store.historyBytes(), 3 * 108);
        QCOMPARE(store.droppedMessages(), 2);
        // Dropped: #0 (a) and #1 (b): a keeps #2, b keeps #4, c keeps #3.
        QCOMPARE(store.node("a")->history.size(), 1);
        QCOMPARE(store.node("a")->history.first().payload(), QByteArray("2").repeated(10));
        QCOMPARE(store.node("b")->history.size(), 1);
        QCOMPARE(store.node("b")->history.first().payload(), QByteArray("4").repeated(10));
        QCOMPARE(store.node("c")->history.size(), 1);
        // Counts stay whole: only history goes.
        QCOMPARE(store.node("a")->messageCount, 2);
        QCOMPARE(dropped.count(), 0);
        store.flush();
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toLongLong(), 2);
        // At most once per flush, and only when something more was dropped.
        store.add(msg("c", QByteArray("x").repeated(10)));
        store.add(msg("c", QByteArray("y").repeated(10)));
        store.flush();
        store.flush();
        QCOMPARE(dropped.count(), 2);
        QCOMPARE(dropped.at(1).at(0).toLongLong(), 4);
        // Dropped next: a's #2, then c's own oldest (#3); b's #4 is now the oldest kept.
        QCOMPARE(store.node("c")->history.size(), 2);
        QCOMPARE(store.node("b")->history.first().payload(), QByteArray("4").repeated(10));
        QCOMPARE(store.node("a")->history.size(), 0);
        QCOMPARE(store.node("a")->last.payload(), QByteArray("2").repeated(10));
    }

    void payloadNeverTruncated()
    {
        MessageStore store;
        const QByteArray big(16 * 1024 * 1024, 'z');
        store.add(msg("big", big));
        QCOMPARE(store.node("big")->last.payload().size(), big.size());
        QCOMPARE(store.node("big")->history.first().payload(), big);
        // Over the budget, history goes but the last message stays whole.
        store.setByteBudget(1024);
        QCOMPARE(store.node("big")->history.size(), 0);
        QCOMPARE(store.node("big")->last.payload(), big);
        QCOMPARE(store.totalBytes(), big.size());
    }

    void noSignalBeforeFlushAndTimerStops()
    {
        MessageStore store;
        store.setFlushInterval(10);
        QSignalSpy inserted(&store, &MessageStore::topicsInserted);
        QSignalSpy changed(&store, &MessageStore::nodesChanged);
        QSignalSpy flushed(&store, &MessageStore::flushed);
        for (int i = 0; i < 100; ++i)
            store.add(msg(QStringLiteral("t/%1").arg(i % 7)));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 0);
        QTRY_COMPARE(flushed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        // Idle: the timer stopped, no further flushes.
        QTest::qWait(60);
        QCOMPARE(flushed.count(), 1);
        store.add(msg("t/0"));
        QTRY_COMPARE(flushed.count(), 2);
        QCOMPARE(changed.count(), 1);
    }

    void newParentCoversItsSubtree()
    {
        MessageStore store;
        store.add(msg("old"));
        store.flush();
        QSignalSpy about(&store, &MessageStore::topicsAboutToBeInserted);
        QSignalSpy inserted(&store, &MessageStore::topicsInserted);
        QSignalSpy changed(&store, &MessageStore::nodesChanged);
        store.add(msg("n/a/b"));
        store.add(msg("n/c"));
        store.add(msg("old/x"));
        store.flush();
        // Root gets "n" (whose subtree rides along), "old" gets "x": two ranges.
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(about.at(0).at(0).value<TopicNode *>(), store.root());
        QCOMPARE(about.at(0).at(1).toInt(), 1);
        QCOMPARE(about.at(0).at(2).toInt(), 1);
        QCOMPARE(about.at(1).at(0).value<TopicNode *>(), store.node("old"));
        QCOMPARE(store.node("n")->publishedChildren, 2);
        QCOMPARE(store.node("n/a")->publishedChildren, 1);
        // Only "old" existed before: new nodes are not "changed".
        QCOMPARE(changed.count(), 1);
        const auto groups = changed.at(0).at(0).value<QList<QList<TopicNode *>>>();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0), QList<TopicNode *>{store.node("old")});
    }

    void changesCoalesceOverFlushes()
    {
        MessageStore store;
        for (int i = 0; i < 5; ++i)
            store.add(msg(QStringLiteral("t%1").arg(i)));
        store.flush();
        store.setMaxChangesPerFlush(3);
        QSignalSpy changed(&store, &MessageStore::nodesChanged);
        for (int round = 0; round < 4; ++round) {
            for (int i = 0; i < 5; ++i)
                store.add(msg(QStringLiteral("t%1").arg(i)));
        }
        auto flushedNodes = [&]() {
            store.flush();
            if (changed.isEmpty())
                return QList<TopicNode *>();
            const auto groups = changed.takeFirst().at(0).value<QList<QList<TopicNode *>>>();
            QList<TopicNode *> all;
            for (const auto &group : groups)
                all += group;
            return all;
        };
        const QList<TopicNode *> first = flushedNodes();
        QCOMPARE(first.size(), 3);
        // Sorted by row within the group.
        QCOMPARE(first,
                 (QList<TopicNode *>{store.node("t0"), store.node("t1"), store.node("t2")}));
        const QList<TopicNode *> second = flushedNodes();
        QCOMPARE(second, (QList<TopicNode *>{store.node("t3"), store.node("t4")}));
        QVERIFY(flushedNodes().isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.node("t4")->messageCount, 5);
    }

    void updateRates()
    {
        MessageStore store;
        QSignalSpy rates(&store, &MessageStore::ratesUpdated);
        for (int i = 0; i < 10; ++i)
            store.add(msg("a/b", QByteArray(100, 'x')));
        store.add(msg("c", QByteArray(4, 'x')));
        // Unpublished nodes get rates but no signal.
        store.updateRates(1000);
        QCOMPARE(rates.count(), 1);
        QVERIFY(rates.takeFirst().at(0).value<QList<QList<TopicNode *>>>().isEmpty());
        QCOMPARE(store.node("a/b")->messagesPerSecond, 10.0f);
        store.flush();

        for (int i = 0; i < 10; ++i)
            store.add(msg("a/b", QByteArray(100, 'x')));
        store.updateRates(500);
        QCOMPARE(store.node("a/b")->messagesPerSecond, 20.0f);
        QCOMPARE(store.node("a/b")->bytesPerSecond, 2000.0f);
        QCOMPARE(store.node("a")->messagesPerSecond, 20.0f);
        QCOMPARE(store.node("c")->messagesPerSecond, 0.0f); // quiet: falls to 0
        QCOMPARE(rates.count(), 1);
        auto groups = rates.takeFirst().at(0).value<QList<QList<TopicNode *>>>();
        // a/b's group, and root's group (a from 10 to 20, c from 1 to 0), sorted by row.
        QCOMPARE(groups.size(), 2);
        QList<TopicNode *> all = groups.at(0) + groups.at(1);
        QVERIFY(all.contains(store.node("a")));
        QVERIFY(all.contains(store.node("c")));
        QVERIFY(all.contains(store.node("a/b")));
        QCOMPARE(store.rateActiveNodes().size(), 2); // a, a/b still non-zero

        store.updateRates(1000);
        QCOMPARE(store.node("a/b")->messagesPerSecond, 0.0f);
        QCOMPARE(rates.count(), 1);
        groups = rates.takeFirst().at(0).value<QList<QList<TopicNode *>>>();
        QCOMPARE(groups.size(), 2);
        QVERIFY(store.rateActiveNodes().isEmpty());
    }

    void rateUpdatesAreBoundedPerTick()
    {
        MessageStore store;
        for (int i = 0; i < 5; ++i)
            store.add(msg(QStringLiteral("t%1").arg(i)));
        store.flush();
        store.setMaxChangesPerFlush(3);
        QSignalSpy rates(&store, &MessageStore::ratesUpdated);
        auto told = [&]() {
            QList<TopicNode *> all;
            const auto groups = rates.takeFirst().at(0).value<QList<QList<TopicNode *>>>();
            for (const auto &group : groups)
                all += group;
            return all;
        };
        store.updateRates(1000);
        QCOMPARE(told().size(), 3);
        QCOMPARE(store.node("t4")->messagesPerSecond, 1.0f);
        // Next tick: the two held back first (t3, t4), then the first of the falls to 0.
        store.updateRates(1000);
        const QList<TopicNode *> second = told();
        QCOMPARE(second.size(), 3);
        QVERIFY(second.contains(store.node("t3")));
        QVERIFY(second.contains(store.node("t4")));
        store.updateRates(1000);
        QCOMPARE(told().size(), 3);
        store.updateRates(1000);
        QCOMPARE(told().size(), 1);
        store.updateRates(1000);
        QCOMPARE(told().size(), 0);
    }

    void routing_data()
    {
        QTest::addColumn<QStringList>("filters"); // "" is the default pane
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QList<int>>("receivers");
        QTest::newRow("overlapping both")
                << QStringList{"a/#", "a/+"} << "a/b" << QList<int>{0, 1};
        QTest::newRow("default when none") << QStringList{"a/#", ""} << "b" << QList<int>{1};
        QTest::newRow("not default when matched")
                << QStringList{"a/#", ""} << "a/x" << QList<int>{0};
        QTest::newRow("# matches parent") << QStringList{"+/+", "a/#", ""} << "a" << QList<int>{1};
        QTest::newRow("shared routes on rest") << QStringList{"$share/g/x/#", ""} << "x/y"
                                               << QList<int>{0};
        QTest::newRow("$SYS not by #") << QStringList{"#", ""} << "$SYS/x" << QList<int>{1};
        QTest::newRow("$SYS explicit") << QStringList{"#", "$SYS/#"} << "$SYS/x" << QList<int>{1};
        QTest::newRow("no default: nobody") << QStringList{"a/#"} << "b" << QList<int>{};
        QTest::newRow("same filter twice") << QStringList{"a/b", "a/b", ""} << "a/b"
                                           << QList<int>{0, 1};
        QTest::newRow("plus one level") << QStringList{"a/+", ""} << "a/b/c" << QList<int>{1};
    }
    void routing()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, topic);
        QFETCH(QList<int>, receivers);
        MessageStore store;
        QList<PaneModel *> panes;
        for (const QString &filter : filters) {
            panes << new PaneModel(filter, &store);
            store.addPane(panes.last());
        }
        store.add(msg(topic));
        store.flush();
        QList<int> got;
        for (int i = 0; i < panes.size(); ++i) {
            QVERIFY(panes.at(i)->totalMessages() <= 1);
            if (panes.at(i)->rowCount() == 1)
                got << i;
        }
        QCOMPARE(got, receivers);
        // The tree sees every message whatever the panes.
        QVERIFY(store.node(topic));
    }

    void paneRemovalAndByteCapacity()
    {
        MessageStore store;
        store.setByteBudget(4000);
        PaneModel a(QStringLiteral("a/#"));
        PaneModel other;
        store.addPane(&a);
        store.addPane(&other);
        QCOMPARE(a.byteCapacity(), 1000);
        store.removePane(&a);
        store.add(msg("a/b"));
        store.flush();
        QCOMPARE(a.rowCount(), 0);
        QCOMPARE(other.rowCount(), 1);
        {
            PaneModel gone(QStringLiteral("x"));
            store.addPane(&gone);
            QCOMPARE(store.panes().size(), 2);
        }
        QCOMPARE(store.panes().size(), 1);
        store.add(msg("x"));
        store.flush();
        QCOMPARE(other.rowCount(), 2);
    }

    void clearResets()
    {
        MessageStore store;
        PaneModel pane;
        store.addPane(&pane);
        store.add(msg("a/b"));
        store.flush();
        QSignalSpy about(&store, &MessageStore::aboutToReset);
        QSignalSpy reset(&store, &MessageStore::reset);
        store.clear();
        QCOMPARE(about.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(store.topicCount(), 0);
        QCOMPARE(store.node("a/b"), nullptr);
        QCOMPARE(store.historyMessages(), 0);
        QCOMPARE(store.totalMessages(), 0);
        QCOMPARE(pane.rowCount(), 0);
        store.add(msg("a/b"));
        QCOMPARE(dump(store.root()), QStringLiteral("a[1,1,0]{b[1,1,1]}"));
    }
};

QTEST_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
