#include "messagestore.h"
#include "toptalkersmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using mqtt::Message;

static QStringList rowsOf(const TopTalkersModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.topicAt(row);
    return rows;
}

class tst_TopTalkersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranksByRate_data()
    {
        QTest::addColumn<int>("sortBy");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("msgs") << int(TopTalkersModel::SortBy::Messages) << 10
                              << QStringList{"a/busy", "b", "a/big"};
        QTest::newRow("bytes") << int(TopTalkersModel::SortBy::Bytes) << 10
                               << QStringList{"a/big", "a/busy", "b"};
        QTest::newRow("limit") << int(TopTalkersModel::SortBy::Messages) << 2
                               << QStringList{"a/busy", "b"};
    }
    void ranksByRate()
    {
        QFETCH(int, sortBy);
        QFETCH(int, limit);
        QFETCH(QStringList, expected);
        MessageStore store;
        TopTalkersModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSortBy(TopTalkersModel::SortBy(sortBy));
        model.setLimit(limit);
        for (int i = 0; i < 60; ++i)
            store.add(Message(QStringLiteral("a/busy"), QByteArray(10, 'x')));
        for (int i = 0; i < 30; ++i)
            store.add(Message(QStringLiteral("b"), QByteArray(1, 'x')));
        for (int i = 0; i < 10; ++i)
            store.add(Message(QStringLiteral("a/big"), QByteArray(1000, 'x')));
        store.flush();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        store.updateRates(1000);
        QCOMPARE(reset.count(), 1); // once per rate tick
        QCOMPARE(rowsOf(model), expected);
        const int busy = int(expected.indexOf(QStringLiteral("a/busy")));
        auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(busy, TopTalkersModel::RateColumn), QStringLiteral("60/s"));
        QCOMPARE(cell(busy, TopTalkersModel::BytesRateColumn), QStringLiteral("600 B/s"));
        QCOMPARE(cell(busy, TopTalkersModel::MessagesColumn), QStringLiteral("60"));
        // 60 of 100 msgs/s: the levels' subtree rates are not counted twice.
        QCOMPARE(cell(busy, TopTalkersModel::ShareColumn), QStringLiteral("60.0 %"));
        QCOMPARE(model.index(busy, 0).data(TopTalkersModel::TopicRole).toString(),
                 QStringLiteral("a/busy"));

        // Quiet tick: everyone falls to 0 and leaves the list.
        store.updateRates(1000);
        QCOMPARE(model.rowCount(), 0);
    }

    void storeResetEmptiesRows()
    {
        MessageStore store;
        TopTalkersModel model(&store);
        store.add(Message(QStringLiteral("t"), QByteArray("x")));
        store.updateRates(1000);
        QCOMPARE(model.rowCount(), 1);
        store.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.topicAt(0), QString());
    }
};

QTEST_MAIN(tst_TopTalkersModel)
#include "tst_toptalkersmodel.moc"
