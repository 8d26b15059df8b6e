#include "widgets/logconsole.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QScrollBar>
#include <QTest>

namespace {

// The lines of a log text without their "HH:mm:ss.zzz  " time.
QStringList lines(const QString &text)
{
    QStringList result;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        result << line.mid(14);
    return result;
}

} // namespace

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
        QCOMPARE(console.pendingLineCount(), LogConsole::maxLines);
        QCOMPARE(console.droppedLines(), 15000);
        QTRY_COMPARE(console.pendingLineCount(), 0);
        QVERIFY(console.view()->document()->blockCount() <= LogConsole::maxLines + 1);
        const QString text = console.view()->toPlainText();
        QVERIFY(text.endsWith(QStringLiteral("  24999")));
        QCOMPARE(console.findChild<QLabel *>(QStringLiteral("logStatus"))->text(),
                 QStringLiteral("15,000 not kept"));
        // A filter change lays the view out again, with the note first.
        console.setSearch(QStringLiteral("2499"));
        QVERIFY(console.view()->toPlainText().startsWith(QStringLiteral("… 15,000 earlier lines not kept\n")));
    }

    void levelFilter_data()
    {
        QTest::addColumn<int>("filter");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("all") << int(LogConsole::Filter::All)
            << QStringList{"debug line", "info line", "notice line", "warning: warn line", "error: err line"};
        QTest::newRow("info and above") << int(LogConsole::Filter::InfoAndAbove)
            << QStringList{"info line", "notice line", "warning: warn line", "error: err line"};
        QTest::newRow("warnings and errors") << int(LogConsole::Filter::WarningsAndErrors)
            << QStringList{"warning: warn line", "error: err line"};
        QTest::newRow("errors") << int(LogConsole::Filter::Errors) << QStringList{"error: err line"};
    }
    void levelFilter()
    {
        QFETCH(int, filter);
        QFETCH(QStringList, shown);
        LogConsole console;
        console.appendLine(QStringLiteral("debug line"), mqtt::LogLevel::Debug);
        console.appendLine(QStringLiteral("info line"), mqtt::LogLevel::Info);
        console.appendLine(QStringLiteral("notice line"), mqtt::LogLevel::Notice);
        console.appendLine(QStringLiteral("warn line"), mqtt::LogLevel::Warning);
        console.appendLine(QStringLiteral("err line"), mqtt::LogLevel::Err);
        QTRY_COMPARE(console.pendingLineCount(), 0);
        console.setFilter(LogConsole::Filter(filter));
        QCOMPARE(lines(console.view()->toPlainText()), shown);
        QCOMPARE(lines(console.shownText()), shown);
        // New lines go through the same filter.
        console.appendLine(QStringLiteral("late error"), mqtt::LogLevel::Err);
        console.appendLine(QStringLiteral("late info"), mqtt::LogLevel::Info);
        QTRY_COMPARE(console.pendingLineCount(), 0);
        QVERIFY(console.view()->toPlainText().contains(QStringLiteral("late error")));
        QCOMPARE(console.view()->toPlainText().contains(QStringLiteral("late info")),
                 filter <= int(LogConsole::Filter::InfoAndAbove));
    }

    void searchPauseCopySave()
    {
        LogConsole console;
        for (int i = 0; i < 50; ++i)
            console.appendLine(QStringLiteral("Subscribed (mid %1)").arg(i));
        console.appendLine(QStringLiteral("Connection refused: not authorised"), mqtt::LogLevel::Err);
        QTRY_COMPARE(console.pendingLineCount(), 0);
        console.setSearch(QStringLiteral("REFUSED"));
        QCOMPARE(lines(console.view()->toPlainText()),
                 QStringList{"error: Connection refused: not authorised"});
        console.setSearch(QString());
        QCOMPARE(lines(console.view()->toPlainText()).size(), 51);

        console.setPaused(true);
        for (int i = 0; i < 7; ++i)
            console.appendLine(QStringLiteral("while paused %1").arg(i));
        QTest::qWait(120);
        QVERIFY(!console.view()->toPlainText().contains(QStringLiteral("while paused")));
        QCOMPARE(console.findChild<QLabel *>(QStringLiteral("logStatus"))->text(),
                 QStringLiteral("7 new while paused"));
        console.setPaused(false);
        QVERIFY(console.view()->toPlainText().endsWith(QStringLiteral("while paused 6")));

        console.findChild<QToolButton *>(QStringLiteral("logCopy"))->click();
        QCOMPARE(QApplication::clipboard()->text(), console.shownText());
        QCOMPARE(lines(QApplication::clipboard()->text()).size(), 58);

        QTemporaryDir dir;
        QSignalSpy saved(&console, &LogConsole::savedTo);
        QSignalSpy failed(&console, &LogConsole::saveFailed);
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        console.saveTo(path);
        QVERIFY(saved.wait(5000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), console.shownText() + QLatin1Char('\n'));
        console.saveTo(dir.filePath(QStringLiteral("no/such/dir/log.txt")));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().startsWith(QStringLiteral("Cannot save the log to")));
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
