#include "topicsearchmodel.h"

#include "message.h"
#include "messagestore.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

class tst_TopicSearchModel : public QObject
{
    Q_OBJECT

private:
    static void fill(MessageStore &store)
    {
        store.add(mqtt::Message(QStringLiteral("home/kitchen/temp"), "21.5"));
        store.add(mqtt::Message(QStringLiteral("home/kitchen/humidity"), "{\"rh\":41}"));
        store.add(mqtt::Message(QStringLiteral("home/garage/temp"), "12.0"));
        store.add(mqtt::Message(QStringLiteral("sensors/env-1/temp"), "19.1"));
        store.add(mqtt::Message(QStringLiteral("sensors/env-1/status"), "OPEN door"));
        store.add(mqtt::Message(QStringLiteral("$SYS/broker/uptime"), "42 seconds"));
        store.flush();
    }
    static QStringList topics(const TopicSearchModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.topicAt(row);
        result.sort();
        return result;
    }

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("payloads");
        QTest::addColumn<QStringList>("expected");
        const int text = int(TopicFilter::Mode::Substring);
        const int wildcard = int(TopicFilter::Mode::Wildcard);
        const int regex = int(TopicFilter::Mode::RegularExpression);
        QTest::newRow("substring, any case") << text << QStringLiteral("TEMP") << false
            << QStringList{"home/garage/temp", "home/kitchen/temp", "sensors/env-1/temp"};
        QTest::newRow("substring in payloads off") << text << QStringLiteral("door") << false
            << QStringList{};
        QTest::newRow("substring in payloads on") << text << QStringLiteral("door") << true
            << QStringList{"sensors/env-1/status"};
        QTest::newRow("wildcard +") << wildcard << QStringLiteral("home/+/temp") << false
            << QStringList{"home/garage/temp", "home/kitchen/temp"};
        QTest::newRow("wildcard # skips $SYS") << wildcard << QStringLiteral("#") << false
            << QStringList{"home/garage/temp", "home/kitchen/humidity", "home/kitchen/temp",
                           "sensors/env-1/status", "sensors/env-1/temp"};
        QTest::newRow("wildcard $SYS") << wildcard << QStringLiteral("$SYS/#") << false
            << QStringList{"$SYS/broker/uptime"};
        QTest::newRow("regex") << regex << QStringLiteral("env-\\d/t") << false
            << QStringList{"sensors/env-1/temp"};
        QTest::newRow("regex over payloads") << regex << QStringLiteral("^\\{") << true
            << QStringList{"home/kitchen/humidity"};
    }
    void matches()
    {
        QFETCH(int, mode);
        QFETCH(QString, pattern);
        QFETCH(bool, payloads);
        QFETCH(QStringList, expected);
        MessageStore store;
        fill(store);
        TopicSearchModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTopicFilter(TopicFilter(TopicFilter::Mode(mode), pattern, payloads));
        QTRY_VERIFY(!model.isScanning());
        QCOMPARE(topics(model), expected);
        QCOMPARE(model.matchCount(), int(expected.size()));
    }

    void invalidFilterKeepsTheLastResult()
    {
        MessageStore store;
        fill(store);
        TopicSearchModel model(&store);
        model.setTopicFilter(TopicFilter(TopicFilter::Mode::Substring, QStringLiteral("kitchen")));
        QTRY_COMPARE(model.matchCount(), 2);
        QSignalSpy errors(&model, &TopicSearchModel::filterError);
        model.setTopicFilter(TopicFilter(TopicFilter::Mode::RegularExpression, QStringLiteral("(a")));
        model.setTopicFilter(TopicFilter(TopicFilter::Mode::Wildcard, QStringLiteral("a/#/b")));
        QCOMPARE(errors.count(), 2);
        QCOMPARE(model.matchCount(), 2);
        QCOMPARE(model.topicFilter().pattern(), QStringLiteral("kitchen"));
    }

    // Topics that arrive after the scan are checked at the store's flush: one insert for all.
    void laterTopicsJoinAtFlush()
    {
        MessageStore store;
        fill(store);
        TopicSearchModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTopicFilter(TopicFilter(TopicFilter::Mode::Substring, QStringLiteral("temp")));
        QTRY_VERIFY(!model.isScanning());
        QCOMPARE(model.matchCount(), 3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 50; ++i) {
            store.add(mqtt::Message(QStringLiteral("new/%1/temp").arg(i), "1"));
            store.add(mqtt::Message(QStringLiteral("new/%1/other").arg(i), "1"));
        }
        QCOMPARE(inserted.count(), 0); // nothing before the flush
        store.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.matchCount(), 53);
        // A message on a topic already listed changes nothing structural.
        store.add(mqtt::Message(QStringLiteral("home/kitchen/temp"), "22"));
        store.flush();
        QCOMPARE(inserted.count(), 1);
    }

    // 100k topics: the scan runs in slices across event-loop turns, none much longer than
    // the slice, and the result is complete.
    void largeScanIsIncremental()
    {
        MessageStore store;
        for (int i = 0; i < 100000; ++i)
            store.add(mqtt::Message(QStringLiteral("site%1/dev%2/temp").arg(i % 50).arg(i), "1"));
        store.flush();
        TopicSearchModel model(&store);
        model.setSliceMs(5);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QElapsedTimer clock;
        clock.start();
        model.setTopicFilter(TopicFilter(TopicFilter::Mode::RegularExpression, QStringLiteral("dev\\d*7/")));
        const qint64 firstSlice = clock.elapsed();
        QVERIFY(model.isScanning()); // did not do it all at once
        QVERIFY2(firstSlice < 50, qPrintable(QString::number(firstSlice)));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isScanning(), 20000);
        QCOMPARE(model.matchCount(), 10000); // every tenth device ends in 7
        QVERIFY(inserted.count() > 1);
    }
};

QTEST_MAIN(tst_TopicSearchModel)
#include "tst_topicsearchmodel.moc"
