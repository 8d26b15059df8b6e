#include "widgets/filterpane.h"

#include "message.h"
#include "panemodel.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

class tst_FilterPane : public QObject
{
    Q_OBJECT

private:
    static void feed(PaneModel &model, int from, int count)
    {
        for (int i = from; i < from + count; ++i)
            model.append(mqtt::Message(QStringLiteral("s/%1").arg(i % 7), QByteArray::number(i)));
        model.flush();
    }

private Q_SLOTS:
    void pauseCountsAndResumeInserts()
    {
        PaneModel model(QStringLiteral("s/#"));
        FilterPane pane(&model);
        feed(model, 0, 10);
        QCOMPARE(model.rowCount(), 10);
        auto *pause = pane.findChild<QToolButton *>(QStringLiteral("pauseButton"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(model.isPaused());
        feed(model, 10, 1234);
        QCOMPARE(model.rowCount(), 10);
        QTRY_VERIFY2(pane.countsText().contains(QStringLiteral("1,234 new (paused)")), qPrintable(pane.countsText()));
        QVERIFY2(pane.countsText().startsWith(QStringLiteral("1,244 messages")), qPrintable(pane.countsText()));
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!model.isPaused());
        model.flush();
        QCOMPARE(model.rowCount(), 1244);
        QVERIFY(!pane.countsText().contains(QStringLiteral("paused")));
    }

    void followsTailOnlyAtBottom()
    {
        PaneModel model(QStringLiteral("s/#"));
        FilterPane pane(&model);
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QScrollBar *bar = pane.view()->verticalScrollBar();
        feed(model, 0, 500);
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QVERIFY(!pane.isFollowingTail());
        feed(model, 500, 100);
        QTest::qWait(50);
        QCOMPARE(bar->value(), 0);
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QVERIFY(pane.isFollowingTail());
        feed(model, 600, 100);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    void searchNarrowsRows_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("rows");
        QTest::newRow("none") << QString() << 70;
        QTest::newRow("topic level") << QStringLiteral("s/3") << 10;
        QTest::newRow("payload") << QStringLiteral("69") << 1;
        QTest::newRow("no match") << QStringLiteral("zzz") << 0;
    }
    void searchNarrowsRows()
    {
        QFETCH(QString, search);
        QFETCH(int, rows);
        PaneModel model(QStringLiteral("s/#"));
        FilterPane pane(&model);
        feed(model, 0, 70);
        pane.setSearchText(search);
        QCOMPARE(pane.view()->model()->rowCount(), rows);
        // The search view follows new rows too.
        feed(model, 70, 7);
        QCOMPARE(pane.view()->model()->rowCount() >= rows, true);
    }
};

QTEST_MAIN(tst_FilterPane)
#include "tst_filterpane.moc"
