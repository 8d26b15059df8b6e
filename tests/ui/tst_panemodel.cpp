#include "messagestore.h"
#include "panemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using mqtt::Message;

static Message msg(int i, int payloadSize = 10)
{
    // Two digits: every message has the same entryBytes().
    return Message(QStringLiteral("t/%1").arg(i, 2, 10, QLatin1Char('0')),
                   QByteArray(payloadSize, 'x'));
}

static QStringList topics(const PaneModel &pane)
{
    QStringList result;
    for (int row = 0; row < pane.rowCount(); ++row)
        result << pane.index(row, PaneModel::TopicColumn).data().toString();
    return result;
}

class tst_PaneModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringBounds_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("byteCapacityEntries"); // in entries of t/N with 10 bytes
        QTest::addColumn<QList<int>>("batches");      // messages per flush
        QTest::addColumn<QList<int>>("removed");      // rows removed per flush (0: no signal)
        QTest::addColumn<QList<int>>("inserted");     // rows inserted per flush
        QTest::addColumn<int>("first");               // oldest kept message
        QTest::addColumn<qint64>("dropped");
        QTest::newRow("under") << 5 << 100 << QList<int>{3} << QList<int>{0} << QList<int>{3} << 0
                               << qint64(0);
        QTest::newRow("by count") << 5 << 100 << QList<int>{3, 4} << QList<int>{0, 2}
                                  << QList<int>{3, 4} << 2 << qint64(2);
        QTest::newRow("batch over count") << 5 << 100 << QList<int>{3, 8} << QList<int>{0, 3}
                                          << QList<int>{3, 5} << 6 << qint64(6);
        QTest::newRow("by bytes") << 100 << 4 << QList<int>{3, 3} << QList<int>{0, 2}
                                  << QList<int>{3, 3} << 2 << qint64(2);
        QTest::newRow("bytes, batch over") << 100 << 4 << QList<int>{2, 6} << QList<int>{0, 2}
                                           << QList<int>{2, 4} << 4 << qint64(4);
    }
    void ringBounds()
    {
        QFETCH(int, capacity);
        QFETCH(int, byteCapacityEntries);
        QFETCH(QList<int>, batches);
        QFETCH(QList<int>, removed);
        QFETCH(QList<int>, inserted);
        QFETCH(int, first);
        QFETCH(qint64, dropped);
        const qint64 entry = MessageStore::entryBytes(msg(0));
        PaneModel pane;
        QAbstractItemModelTester tester(&pane,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        pane.setCapacity(capacity);
        pane.setByteCapacity(entry * byteCapacityEntries);
        QSignalSpy removedSpy(&pane, &QAbstractItemModel::rowsRemoved);
        QSignalSpy insertedSpy(&pane, &QAbstractItemModel::rowsInserted);
        int next = 0;
        for (int b = 0; b < batches.size(); ++b) {
            for (int i = 0; i < batches.at(b); ++i)
                pane.append(msg(next++));
            QCOMPARE(insertedSpy.count(), 0); // nothing before the flush
            pane.flush();
            QCOMPARE(removedSpy.count(), removed.at(b) ? 1 : 0);
            if (removed.at(b)) {
                const auto args = removedSpy.takeFirst();
                QCOMPARE(args.at(1).toInt(), 0);
                QCOMPARE(args.at(2).toInt(), removed.at(b) - 1);
            }
            QCOMPARE(insertedSpy.count(), 1);
            const auto args = insertedSpy.takeFirst();
            QCOMPARE(args.at(2).toInt() - args.at(1).toInt() + 1, inserted.at(b));
            QCOMPARE(args.at(2).toInt(), pane.rowCount() - 1);
        }
        QCOMPARE(pane.message(0).topic(), msg(first).topic());
        QCOMPARE(pane.message(pane.rowCount() - 1).topic(), msg(next - 1).topic());
        QCOMPARE(pane.rowCount(), next - first);
        QCOMPARE(pane.droppedMessages(), dropped);
        QCOMPARE(pane.totalMessages(), next);
        QCOMPARE(pane.bytes(), entry * pane.rowCount());
        QVERIFY(pane.rowCount() <= capacity);
        QVERIFY(pane.bytes() <= pane.byteCapacity());
    }

    void pauseKeepsAndCountsThenResumes()
    {
        PaneModel pane;
        QAbstractItemModelTester tester(&pane,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        pane.setCapacity(4);
        for (int i = 0; i < 2; ++i)
            pane.append(msg(i));
        pane.flush();
        QSignalSpy insertedSpy(&pane, &QAbstractItemModel::rowsInserted);
        QSignalSpy removedSpy(&pane, &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(&pane, &PaneModel::countsChanged);
        pane.setPaused(true);
        QCOMPARE(counts.count(), 1);
        for (int i = 2; i < 8; ++i)
            pane.append(msg(i));
        pane.flush();
        QCOMPARE(insertedSpy.count(), 0);
        QCOMPARE(removedSpy.count(), 0);
        QCOMPARE(topics(pane), (QStringList{"t/00", "t/01"}));
        // Pending is bounded like the ring: the oldest two arrivals went.
        QCOMPARE(pane.pendingCount(), 4);
        QCOMPARE(pane.droppedMessages(), 2);
        QCOMPARE(pane.totalMessages(), 8);
        pane.setPaused(false);
        pane.flush();
        QCOMPARE(removedSpy.count(), 1);
        QCOMPARE(insertedSpy.count(), 1);
        QCOMPARE(topics(pane), (QStringList{"t/04", "t/05", "t/06", "t/07"}));
        QCOMPARE(pane.pendingCount(), 0);
        QCOMPARE(pane.droppedMessages(), 4);
    }

    void resumeFlushesWithoutNewTraffic()
    {
        PaneModel pane;
        pane.setPaused(true);
        pane.append(msg(1));
        pane.setPaused(false);
        QTRY_COMPARE(pane.rowCount(), 1);
    }

    void clear()
    {
        PaneModel pane;
        QAbstractItemModelTester tester(&pane,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        pane.append(msg(1));
        pane.flush();
        pane.append(msg(2));
        QSignalSpy reset(&pane, &QAbstractItemModel::modelReset);
        pane.clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(pane.rowCount(), 0);
        QCOMPARE(pane.pendingCount(), 0);
        QCOMPARE(pane.bytes(), 0);
        pane.flush();
        QCOMPARE(pane.rowCount(), 0);
    }

    void columns()
    {
        PaneModel pane(QStringLiteral("a/#"));
        QVERIFY(!pane.isDefault());
        QVERIFY(PaneModel().isDefault());
        Message message(QStringLiteral("a/b"), QByteArray("hello\nworld"), 2, true);
        message.setTimestamp(QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6)).toMSecsSinceEpoch());
        pane.append(message);
        pane.append(Message(QStringLiteral("a/c"), QByteArray(1536, 'x')));
        pane.flush();
        auto cell = [&](int row, int column) { return pane.index(row, column).data().toString(); };
        QCOMPARE(cell(0, PaneModel::TimeColumn), QStringLiteral("03:04:05.006"));
        QCOMPARE(cell(0, PaneModel::TopicColumn), QStringLiteral("a/b"));
        QCOMPARE(cell(0, PaneModel::QosColumn), QStringLiteral("2"));
        QCOMPARE(cell(0, PaneModel::RetainColumn), QStringLiteral("R"));
        QCOMPARE(cell(1, PaneModel::RetainColumn), QString());
        QCOMPARE(cell(0, PaneModel::SizeColumn), QStringLiteral("11 B"));
        QCOMPARE(cell(1, PaneModel::SizeColumn), QStringLiteral("1.5 KB"));
        QCOMPARE(cell(0, PaneModel::PayloadColumn), QStringLiteral("hello\u2026"));
        QCOMPARE(pane.index(0, 0).data(PaneModel::MessageRole).value<Message>(), message);
    }

    void rate()
    {
        PaneModel pane;
        for (int i = 0; i < 50; ++i)
            pane.append(msg(i));
        QTest::qWait(1050);
        pane.flush();
        QVERIFY2(pane.messagesPerSecond() > 30 && pane.messagesPerSecond() <= 50,
                 qPrintable(QString::number(pane.messagesPerSecond())));
    }
};

QTEST_MAIN(tst_PaneModel)
#include "tst_panemodel.moc"
