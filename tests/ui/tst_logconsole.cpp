#include "widgets/logconsole.h"

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>

class tst_LogConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodIsBatchedAndCapped()
    {
        LogConsole console;
        for (int i = 0; i < 25000; ++i)
            console.appendLine(QString::number(i));
        // Nothing is laid out per line: it all waits for the next flush, capped.
        QCOMPARE(console.view()->document()->blockCount(), 1);
        QCOMPARE(console.pendingLineCount(), LogConsole::maxLines - 1);
        QTRY_COMPARE(console.pendingLineCount(), 0);
        QVERIFY(console.view()->document()->blockCount() <= LogConsole::maxLines);
        const QString text = console.view()->toPlainText();
        QVERIFY(text.endsWith(QStringLiteral("  24999")));
        QVERIFY(text.contains(QStringLiteral("15001 earlier line(s) not shown")));
    }

    void followsTailUntilUserScrollsUp()
    {
        LogConsole console;
        console.resize(400, 200);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        QScrollBar *bar = console.view()->verticalScrollBar();
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 200; ++i)
                console.appendLine(QStringLiteral("line %1.%2").arg(round).arg(i));
            QTRY_COMPARE(console.pendingLineCount(), 0);
            QVERIFY(bar->maximum() > 0);
            QCOMPARE(bar->value(), bar->maximum());
        }
        // The user scrolls up: new lines must not pull the view away from what they read.
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QVERIFY(!console.isFollowingTail());
        console.appendLine(QStringLiteral("more"));
        QTRY_COMPARE(console.pendingLineCount(), 0);
        QCOMPARE(bar->value(), 0);
        // Back at the bottom, following resumes.
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QVERIFY(console.isFollowingTail());
        for (int i = 0; i < 100; ++i)
            console.appendLine(QStringLiteral("again %1").arg(i));
        QTRY_COMPARE(console.pendingLineCount(), 0);
        QCOMPARE(bar->value(), bar->maximum());
    }
};

QTEST_MAIN(tst_LogConsole)
#include "tst_logconsole.moc"
