#include "messagestore.h"
#include "topicfilterproxymodel.h"
#include "topictreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using mqtt::Message;

// Topics (nodes with own messages) the proxy shows, sorted.
static QStringList visibleTopics(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(TopicTreeModel::LastMessageRole).isValid())
            result << index.data(TopicTreeModel::TopicRole).toString();
        result += visibleTopics(model, index);
    }
    result.sort();
    return result;
}

struct Fixture
{
    MessageStore store;
    TopicTreeModel tree{&store};
    TopicFilterProxyModel proxy;
    QAbstractItemModelTester tester{&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal};
    Fixture() { proxy.setTreeModel(&tree); }
    void add(const QString &topic, const QByteArray &payload = QByteArray("v"))
    {
        store.add(Message(topic, payload));
    }
    bool apply(const TopicFilter &filter)
    {
        proxy.setTopicFilter(filter);
        return QTest::qWaitFor([this] { return !proxy.isScanning(); }, 5000);
    }
};

class tst_TopicFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("payloads");
        QTest::addColumn<QStringList>("expected");
        using M = TopicFilter::Mode;
        QTest::newRow("empty: all") << int(M::Substring) << "" << false
                                    << QStringList{"$SYS/uptime", "home/kitchen/temp",
                                                   "home/living/temp", "home/living/Lamp",
                                                   "office/temp"};
        QTest::newRow("substring, any case")
                << int(M::Substring) << "LIVING" << false
                << QStringList{"home/living/Lamp", "home/living/temp"};
        QTest::newRow("substring in payload") << int(M::Substring) << "on" << true
                                              << QStringList{"home/living/Lamp"};
        QTest::newRow("substring, payload off") << int(M::Substring) << "on" << false
                                                << QStringList{};
        QTest::newRow("wildcard +") << int(M::Wildcard) << "home/+/temp" << false
                                    << QStringList{"home/kitchen/temp", "home/living/temp"};
        QTest::newRow("wildcard # not $SYS")
                << int(M::Wildcard) << "#" << false
                << QStringList{"home/kitchen/temp", "home/living/temp", "home/living/Lamp",
                               "office/temp"};
        QTest::newRow("regex") << int(M::RegularExpression) << "^(office|\\$SYS)/" << false
                               << QStringList{"$SYS/uptime", "office/temp"};
        QTest::newRow("regex payload") << int(M::RegularExpression) << "^2\\d\\.5$" << true
                                       << QStringList{"home/kitchen/temp"};
    }
    void filters()
    {
        QFETCH(int, mode);
        QFETCH(QString, pattern);
        QFETCH(bool, payloads);
        QFETCH(QStringList, expected);
        Fixture f;
        f.add("home/kitchen/temp", "21.5");
        f.add("home/living/temp", "19");
        f.add("home/living/Lamp", "on");
        f.add("office/temp", "18");
        f.add("$SYS/uptime", "100");
        f.store.flush();
        QSignalSpy count(&f.proxy, &TopicFilterProxyModel::matchCountChanged);
        QVERIFY(f.apply(TopicFilter(TopicFilter::Mode(mode), pattern, payloads)));
        expected.sort();
        QCOMPARE(visibleTopics(f.proxy), expected);
        QCOMPARE(f.proxy.matchCount(), pattern.isEmpty() ? 5 : expected.size());
        QCOMPARE(count.count(), 1);

        // Later topics are evaluated as they are inserted, also under a hidden parent.
        f.add("home/garage/temp", "x");
        f.add("zoo/LIVING/temp", "on");
        f.store.flush();
        QStringList later = expected;
        const TopicFilter filter(TopicFilter::Mode(mode), pattern, payloads);
        for (const QString topic : {"home/garage/temp", "zoo/LIVING/temp"}) {
            if (filter.matches(topic, topic == QLatin1String("zoo/LIVING/temp") ? "on" : "x"))
                later << topic;
        }
        later.sort();
        QTRY_COMPARE_WITH_TIMEOUT(visibleTopics(f.proxy), later, 3000);
        QCOMPARE(f.proxy.matchCount(), pattern.isEmpty() ? 7 : later.size());
    }

    void invalidFilterKeepsOld_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("regex") << int(TopicFilter::Mode::RegularExpression) << "a(b";
        QTest::newRow("wildcard") << int(TopicFilter::Mode::Wildcard) << "a/#/b";
        QTest::newRow("plus inside level") << int(TopicFilter::Mode::Wildcard) << "a+/b";
    }
    void invalidFilterKeepsOld()
    {
        QFETCH(int, mode);
        QFETCH(QString, pattern);
        Fixture f;
        f.add("a/b");
        f.add("c/d");
        f.store.flush();
        QVERIFY(f.apply(TopicFilter(TopicFilter::Mode::Substring, "a/")));
        QCOMPARE(visibleTopics(f.proxy), QStringList{"a/b"});
        QSignalSpy error(&f.proxy, &TopicFilterProxyModel::filterError);
        const TopicFilter bad(TopicFilter::Mode(mode), pattern);
        QVERIFY(!bad.isValid());
        QVERIFY(!bad.matches("a/b", {}));
        f.proxy.setTopicFilter(bad);
        QCOMPARE(error.count(), 1);
        QVERIFY(!error.at(0).at(0).toString().isEmpty());
        QVERIFY(!f.proxy.isScanning());
        QCOMPARE(f.proxy.topicFilter().pattern(), QStringLiteral("a/"));
        QCOMPARE(visibleTopics(f.proxy), QStringList{"a/b"});
        QCOMPARE(f.proxy.matchCount(), 1);
    }

    void largeScanIsSliced()
    {
        Fixture f;
        // Only the scan is measured here: no rate tick in the middle.
        f.store.setRateInterval(3600 * 1000);
        for (int i = 0; i < 100000; ++i)
            f.add(QStringLiteral("site%1/dev%2/temp").arg(i % 10).arg(i));
        f.store.flush();
        QCOMPARE(f.proxy.matchCount(), 100000);
        f.proxy.setSliceMs(8);
        QSignalSpy progress(&f.proxy, &TopicFilterProxyModel::scanProgress);
        QElapsedTimer turn;
        qint64 longest = 0;
        connect(&f.proxy, &TopicFilterProxyModel::scanProgress, &f.proxy, [&](int done, int) {
            // Time from the previous slice's end to this slice's end: one event-loop turn.
            if (done < 100000 && turn.isValid())
                longest = qMax(longest, turn.elapsed());
            turn.restart();
        });
        // Payload matching makes every step costlier than a topic-only filter.
        f.proxy.setTopicFilter(TopicFilter(TopicFilter::Mode::RegularExpression,
                                           QStringLiteral("dev\\d*7/"), true));
        turn.start();
        QVERIFY(f.proxy.isScanning());
        QCOMPARE(f.proxy.matchCount(), 100000); // the old result stays until the scan ends
        QTRY_VERIFY_WITH_TIMEOUT(!f.proxy.isScanning(), 20000);
        QVERIFY2(progress.count() >= 3, qPrintable(QString::number(progress.count())));
        QVERIFY2(longest < 30, qPrintable(QStringLiteral("%1 ms").arg(longest)));
        QCOMPARE(f.proxy.matchCount(), 10000);
        QCOMPARE(progress.last().at(0).toInt(), 100000);
    }

    void sortsNaturally()
    {
        QVERIFY(TopicFilterProxyModel::naturalCompare(u"sensor2", u"sensor10") < 0);
        QVERIFY(TopicFilterProxyModel::naturalCompare(u"Sensor2", u"sensor10") < 0);
        QVERIFY(TopicFilterProxyModel::naturalCompare(u"b", u"A") > 0);
        QVERIFY(TopicFilterProxyModel::naturalCompare(u"a", u"a") == 0);
        QVERIFY(TopicFilterProxyModel::naturalCompare(u"x007", u"x7") != 0);
        Fixture f;
        for (const char *topic : {"sensor10", "Sensor2", "sensor1", "alpha"})
            f.add(QString::fromLatin1(topic));
        for (int i = 0; i < 5; ++i)
            f.add("alpha");
        f.store.flush();
        f.proxy.sort(TopicTreeModel::NameColumn, Qt::AscendingOrder);
        QStringList names;
        for (int row = 0; row < f.proxy.rowCount(); ++row)
            names << f.proxy.index(row, 0).data().toString();
        QCOMPARE(names, (QStringList{"alpha", "sensor1", "Sensor2", "sensor10"}));
        // Numbers compare as numbers ("6" > "10" as text).
        f.proxy.sort(TopicTreeModel::MessagesColumn, Qt::DescendingOrder);
        QCOMPARE(f.proxy.index(0, 0).data().toString(), QStringLiteral("alpha"));
    }

    void storeClearDuringScan()
    {
        Fixture f;
        for (int i = 0; i < 20000; ++i)
            f.add(QStringLiteral("a/%1").arg(i));
        f.store.flush();
        f.proxy.setSliceMs(1);
        f.proxy.setTopicFilter(TopicFilter(TopicFilter::Mode::Substring, QStringLiteral("/1")));
        QVERIFY(f.proxy.isScanning());
        QCoreApplication::processEvents();
        f.store.clear();
        f.add("b/1");
        f.add("b/2");
        f.store.flush();
        QTRY_VERIFY(!f.proxy.isScanning());
        QCOMPARE(visibleTopics(f.proxy), QStringList{"b/1"});
        QCOMPARE(f.proxy.matchCount(), 1);
    }
};

QTEST_MAIN(tst_TopicFilterProxyModel)
#include "tst_topicfilterproxymodel.moc"
