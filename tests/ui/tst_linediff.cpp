#include "models/linediff.h"

#include <QTest>

class tst_LineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diff_data();
    void diff();
    void boundedFallback();
};

void tst_LineDiff::diff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    // One character per line: ' ' same, '-' removed, '+' added, then the text.
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("equal") << QStringList{"a", "b"} << QStringList{"a", "b"}
                           << QStringList{" a", " b"};
    QTest::newRow("both empty") << QStringList() << QStringList() << QStringList();
    QTest::newRow("changed middle") << QStringList{"{", "  v: 1", "}"}
                                    << QStringList{"{", "  v: 2", "}"}
                                    << QStringList{" {", "-  v: 1", "+  v: 2", " }"};
    QTest::newRow("inserted") << QStringList{"a", "c"} << QStringList{"a", "b", "c"}
                              << QStringList{" a", "+b", " c"};
    QTest::newRow("removed") << QStringList{"a", "b", "c"} << QStringList{"a", "c"}
                             << QStringList{" a", "-b", " c"};
    QTest::newRow("from empty") << QStringList() << QStringList{"x"} << QStringList{"+x"};
    QTest::newRow("to empty") << QStringList{"x"} << QStringList() << QStringList{"-x"};
    // Myers' classic example: ABCABBA -> CBABAC, edit distance 5.
    QTest::newRow("myers") << QStringList{"A", "B", "C", "A", "B", "B", "A"}
                           << QStringList{"C", "B", "A", "B", "A", "C"}
                           << QStringList{"-A", "-B", " C", "+B", " A", " B", "-B", " A", "+C"};
}

void tst_LineDiff::diff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, expected);
    QStringList actual;
    QStringList rebuiltBefore;
    QStringList rebuiltAfter;
    for (const LineDiff::Line &line : LineDiff::diff(before, after)) {
        const char mark = line.kind == LineDiff::Same ? ' '
                          : line.kind == LineDiff::Removed ? '-' : '+';
        actual.append(QLatin1Char(mark) + line.text);
        if (line.kind != LineDiff::Added)
            rebuiltBefore.append(line.text);
        if (line.kind != LineDiff::Removed)
            rebuiltAfter.append(line.text);
    }
    QCOMPARE(rebuiltBefore, before);
    QCOMPARE(rebuiltAfter, after);
    QCOMPARE(actual.size(), expected.size());
    // Edit count is what Myers minimises; the exact interleaving may differ.
    QCOMPARE(actual.count() - actual.filter(QRegularExpression("^ ")).size(),
             expected.count() - expected.filter(QRegularExpression("^ ")).size());
}

void tst_LineDiff::boundedFallback()
{
    QStringList before;
    QStringList after;
    for (int i = 0; i < 3000; ++i) {
        before.append(QStringLiteral("a%1").arg(i));
        after.append(QStringLiteral("b%1").arg(i));
    }
    const QList<LineDiff::Line> lines = LineDiff::diff(before, after, 100);
    QCOMPARE(lines.size(), 6000);
    QCOMPARE(lines.first().kind, LineDiff::Removed);
    QCOMPARE(lines.last().kind, LineDiff::Added);
}

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"
