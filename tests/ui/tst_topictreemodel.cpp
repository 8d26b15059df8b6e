#include "messagestore.h"
#include "topictreemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using mqtt::Message;

class tst_TopicTreeModel : public QObject
{
    Q_OBJECT

private:
    // The model's rows as "name(messages)" nested, from the model API only.
    static QString walk(const QAbstractItemModel &model, const QModelIndex &parent = {})
    {
        QStringList parts;
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex name = model.index(row, TopicTreeModel::NameColumn, parent);
            QString s = QStringLiteral("%1(%2)").arg(
                    name.data().toString(),
                    name.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toString());
            if (model.rowCount(name) > 0)
                s += QLatin1Char('{') + walk(model, name) + QLatin1Char('}');
            parts << s;
        }
        return parts.join(QLatin1Char(','));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void testerWhileAddingBatches()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QRandomGenerator random(42);
        for (int round = 0; round < 20; ++round) {
            for (int i = 0; i < 200; ++i) {
                const int depth = 1 + int(random.bounded(4));
                QStringList levels;
                for (int d = 0; d < depth; ++d)
                    levels << QString::number(random.bounded(d == 0 ? 5 : 8));
                store.add(Message(levels.join(QLatin1Char('/')), QByteArray("x")));
            }
            store.flush();
            if (round % 5 == 4)
                store.updateRates(1000);
        }
        QCOMPARE(store.root()->publishedChildren, int(store.root()->children.size()));
        store.clear();
        QCOMPARE(model.rowCount(), 0);
        store.add(Message(QStringLiteral("a/b"), QByteArray("y")));
        store.flush();
        QCOMPARE(walk(model), QStringLiteral("a(1){b(1)}"));
    }

    void exactSignalsPerFlush()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        store.add(Message(QStringLiteral("root/p/old"), QByteArray("0")));
        store.flush();
        QCOMPARE(walk(model), QStringLiteral("root(1){p(1){old(1)}}"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 1000; ++i)
            store.add(Message(QStringLiteral("root/p/n%1").arg(i % 10), QByteArray("v")));
        store.add(Message(QStringLiteral("root/p/old"), QByteArray("1")));
        // Nothing reaches the model before the flush.
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.rowCount(model.index(0, 0, model.index(0, 0))), 1);

        store.flush();
        // One insert for p's ten new children.
        QCOMPARE(inserted.count(), 1);
        const QModelIndex p = model.indexOfTopic(QStringLiteral("root/p"));
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), p);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 10);
        // One dataChanged per parent group: "old" (under p), p (under root), root (top level).
        QCOMPARE(changed.count(), 3);
        QSet<QModelIndex> parents;
        for (const auto &args : changed) {
            const QModelIndex topLeft = args.at(0).value<QModelIndex>();
            const QModelIndex bottomRight = args.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.row(), bottomRight.row());
            QCOMPARE(topLeft.column(), 0);
            QCOMPARE(bottomRight.column(), TopicTreeModel::ColumnCount - 1);
            parents.insert(topLeft.parent());
        }
        QCOMPARE(parents.size(), 3);
        QCOMPARE(model.rowCount(p), 11);
        QCOMPARE(model.index(0, TopicTreeModel::MessagesColumn, p).data().toString(),
                 QStringLiteral("2"));
        QCOMPARE(p.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toString(),
                 QStringLiteral("1,002"));
        QCOMPARE(p.siblingAtColumn(TopicTreeModel::TopicsColumn).data().toString(),
                 QStringLiteral("11"));

        // A second flush with nothing new says nothing.
        store.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 3);
    }

    void groupIsOneRange()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        for (int i = 0; i < 20; ++i)
            store.add(Message(QStringLiteral("t%1").arg(i), QByteArray("v")));
        store.flush();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        store.add(Message(QStringLiteral("t17"), QByteArray("v")));
        store.add(Message(QStringLiteral("t3"), QByteArray("v")));
        store.add(Message(QStringLiteral("t9"), QByteArray("v")));
        store.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 17);

        // Rates: one dataChanged per group over the rate columns only.
        changed.clear();
        store.updateRates(1000);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(),
                 int(TopicTreeModel::RateColumn));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(),
                 int(TopicTreeModel::BytesRateColumn));
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 19);
    }

    void newSubtreeIsOneInsert()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        store.add(Message(QStringLiteral("x/y/z"), QByteArray("1")));
        store.add(Message(QStringLiteral("x/w"), QByteArray("1")));
        store.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex());
        QCOMPARE(walk(model), QStringLiteral("x(2){y(1){z(1)},w(1)}"));
        // parent() is the inverse of index().
        const QModelIndex z = model.indexOfTopic(QStringLiteral("x/y/z"));
        QCOMPARE(z.parent(), model.indexOfTopic(QStringLiteral("x/y")));
        QCOMPARE(model.nodeAt(z), store.node(QStringLiteral("x/y/z")));
        QVERIFY(model.flags(z).testFlag(Qt::ItemNeverHasChildren));
        QVERIFY(!model.flags(z.parent()).testFlag(Qt::ItemNeverHasChildren));
        QVERIFY(!model.hasChildren(z));
        // Unannounced nodes have no index yet.
        store.add(Message(QStringLiteral("x/later"), QByteArray("1")));
        QVERIFY(!model.indexOfTopic(QStringLiteral("x/later")).isValid());
        QCOMPARE(model.rowCount(model.indexOfTopic(QStringLiteral("x"))), 2);
    }

    void columns_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("preview");
        QTest::newRow("text") << QByteArray("21.5") << "21.5";
        QTest::newRow("first line") << QByteArray("line1\nline2") << "line1\u2026";
        QTest::newRow("control") << QByteArray("a\x01" "b\tc") << "a\u00b7b c";
        QTest::newRow("long") << QByteArray(300, 'x') << QString(200, 'x') + QChar(0x2026);
        QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01", 4) << "<binary 4 B>";
        QTest::newRow("binary KB") << QByteArray(2048, '\xff') << "<binary 2.0 KB>";
        QTest::newRow("utf8") << QByteArray("gr\xc3\xbc\xc3\x9f") << "gr\u00fc\u00df";
        QTest::newRow("empty") << QByteArray() << "";
    }
    void columns()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, preview);
        MessageStore store;
        TopicTreeModel model(&store);
        Message message(QStringLiteral("a/b"), payload, 1, true);
        message.setTimestamp(
                QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123)).toMSecsSinceEpoch());
        store.add(message);
        store.flush();
        const QModelIndex b = model.indexOfTopic(QStringLiteral("a/b"));
        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return b.siblingAtColumn(column).data(role);
        };
        QCOMPARE(cell(TopicTreeModel::PayloadColumn).toString(), preview);
        QCOMPARE(cell(TopicTreeModel::NameColumn).toString(), QStringLiteral("b"));
        QCOMPARE(cell(TopicTreeModel::RetainedColumn).toString(), QStringLiteral("*"));
        QCOMPARE(cell(TopicTreeModel::QosColumn).toInt(), 1);
        QCOMPARE(cell(TopicTreeModel::UpdatedColumn).toString(), QStringLiteral("07:08:09.123"));
        QCOMPARE(cell(TopicTreeModel::NameColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("a/b"));
        QCOMPARE(cell(TopicTreeModel::NameColumn, TopicTreeModel::TopicRole).toString(),
                 QStringLiteral("a/b"));
        QCOMPARE(cell(TopicTreeModel::MessagesColumn, TopicTreeModel::SortRole).typeId(),
                 QMetaType::LongLong);
        QCOMPARE(cell(0, TopicTreeModel::LastMessageRole).value<Message>().payload(), payload);
        // The level above: no message of its own, but the subtree's time.
        const QModelIndex a = b.parent();
        QVERIFY(!a.data(TopicTreeModel::LastMessageRole).isValid());
        QCOMPARE(a.siblingAtColumn(TopicTreeModel::RetainedColumn).data().toString(), QString());
        QCOMPARE(a.siblingAtColumn(TopicTreeModel::UpdatedColumn).data().toString(),
                 QStringLiteral("07:08:09.123"));
    }

    void ratesAndHighlight()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        for (int i = 0; i < 1500; ++i)
            store.add(Message(QStringLiteral("r"), QByteArray(1000, 'x')));
        store.flush();
        store.updateRates(1000);
        const QModelIndex r = model.indexOfTopic(QStringLiteral("r"));
        QCOMPARE(r.siblingAtColumn(TopicTreeModel::RateColumn).data().toString(),
                 QStringLiteral("1.5k/s"));
        QCOMPARE(r.siblingAtColumn(TopicTreeModel::BytesRateColumn).data().toString(),
                 QStringLiteral("1.4 MB/s"));
        QCOMPARE(r.siblingAtColumn(TopicTreeModel::RateColumn)
                         .data(TopicTreeModel::SortRole).toDouble(), 1500.0);
        // Just flushed: highlighted, translucent so it reads on any palette.
        const QVariant background = r.data(Qt::BackgroundRole);
        QVERIFY(background.canConvert<QColor>());
        QVERIFY(background.value<QColor>().alpha() > 0);
        QVERIFY(background.value<QColor>().alpha() < 255);
        model.setHighlightMs(20);
        QTest::qWait(40);
        QVERIFY(!r.data(Qt::BackgroundRole).isValid());
    }

    void naturalCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("sign");
        QTest::newRow("numbers as numbers") << "sensor2" << "sensor10" << -1;
        QTest::newRow("case folded") << "Kitchen" << "garage" << 1;
        QTest::newRow("leading zeros") << "env-02" << "env-10" << -1;
        QTest::newRow("prefix first") << "a" << "ab" << -1;
        QTest::newRow("digits inside") << "line1a" << "line1b" << -1;
        QTest::newRow("equal") << "x" << "x" << 0;
    }
    void naturalCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, sign);
        const int result = TopicTreeModel::naturalCompare(a, b);
        QCOMPARE(result < 0 ? -1 : result > 0 ? 1 : 0, sign);
        const int reverse = TopicTreeModel::naturalCompare(b, a);
        QCOMPARE(reverse < 0 ? -1 : reverse > 0 ? 1 : 0, -sign);
    }

    // Sorted by name, the order holds as topics arrive: new children land in place after the
    // flush that shows them, with one layout change, and a persistent index follows its row.
    void sortedByNameAsTopicsArrive()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.sort(TopicTreeModel::NameColumn, Qt::AscendingOrder);
        for (const char *t : {"s/sensor10", "s/sensor2", "s/Alpha"})
            store.add(Message(QString::fromLatin1(t), "1"));
        store.flush();
        QCOMPARE(walk(model), QStringLiteral("s(3){Alpha(1),sensor2(1),sensor10(1)}"));
        const QPersistentModelIndex followed = model.indexOfTopic(QStringLiteral("s/sensor10"));
        QCOMPARE(followed.row(), 2);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (const char *t : {"s/sensor1", "s/beta", "s/sensor11"})
            store.add(Message(QString::fromLatin1(t), "1"));
        store.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(walk(model), QStringLiteral(
                "s(6){Alpha(1),beta(1),sensor1(1),sensor2(1),sensor10(1),sensor11(1)}"));
        QCOMPARE(followed.row(), 4);
        QCOMPARE(followed.data().toString(), QStringLiteral("sensor10"));
        // A flush that adds nothing out of order changes no layout.
        store.add(Message(QStringLiteral("s/zeta"), "1"));
        store.flush();
        QCOMPARE(layouts.count(), 1);
    }

    // Sorted by messages (descending), the busiest row rises after the next rate tick.
    void sortedByMessagesAfterRateTick()
    {
        MessageStore store;
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        for (const char *t : {"a/x", "a/y", "a/z"})
            store.add(Message(QString::fromLatin1(t), "1"));
        store.flush();
        model.sort(TopicTreeModel::MessagesColumn, Qt::DescendingOrder);
        for (int i = 0; i < 5; ++i)
            store.add(Message(QStringLiteral("a/z"), "1"));
        store.add(Message(QStringLiteral("a/y"), "1"));
        store.flush();
        store.updateRates(1000);
        QCOMPARE(walk(model), QStringLiteral("a(9){z(6),y(2),x(1)}"));
    }
};

QTEST_MAIN(tst_TopicTreeModel)
#include "tst_topictreemodel.moc"
