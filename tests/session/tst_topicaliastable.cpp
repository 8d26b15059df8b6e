#include "session/topicaliastable.h"

#include <QTest>

using namespace mqtt;

using Result = TopicAliasTable::Result;
Q_DECLARE_METATYPE(TopicAliasTable::Result)

class tst_TopicAliasTable : public QObject
{
    Q_OBJECT
private slots:
    void apply_data();
    void apply();
    void clearForgetsMappingsKeepsMaximum();
};

void tst_TopicAliasTable::apply_data()
{
    // Each row: a maximum, one mapping set up first (alias 2 -> "a/b"), then one PUBLISH.
    QTest::addColumn<int>("maximum");
    QTest::addColumn<int>("alias");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<Result>("result");
    QTest::addColumn<QString>("resolved");
    QTest::newRow("mapped alias, empty topic") << 5 << 2 << QString() << Result::Ok << "a/b";
    QTest::newRow("unmapped alias") << 5 << 3 << QString() << Result::Unmapped << QString();
    QTest::newRow("remap keeps the new topic") << 5 << 2 << "c" << Result::Ok << "c";
    QTest::newRow("alias 0") << 5 << 0 << "c" << Result::OutOfRange << "c";
    QTest::newRow("alias at the maximum") << 5 << 5 << "c" << Result::Ok << "c";
    QTest::newRow("alias above the maximum") << 5 << 6 << "c" << Result::OutOfRange << "c";
    QTest::newRow("maximum 0 allows none") << 0 << 1 << "c" << Result::OutOfRange << "c";
}

void tst_TopicAliasTable::apply()
{
    QFETCH(int, maximum);
    QFETCH(int, alias);
    QFETCH(QString, topic);
    QFETCH(Result, result);
    QFETCH(QString, resolved);
    TopicAliasTable table;
    table.setMaximum(quint16(maximum));
    QCOMPARE(table.maximum(), quint16(maximum));
    if (maximum >= 2) {
        QString first = QStringLiteral("a/b");
        QCOMPARE(table.apply(2, &first), Result::Ok);
        QCOMPARE(first, QStringLiteral("a/b"));
    }
    QCOMPARE(table.apply(quint16(alias), &topic), result);
    QCOMPARE(topic, resolved);
    if (alias == 2 && result == Result::Ok) {
        QString again;
        QCOMPARE(table.apply(2, &again), Result::Ok);
        QCOMPARE(again, resolved); // a remap replaced the old mapping
    }
}

void tst_TopicAliasTable::clearForgetsMappingsKeepsMaximum()
{
    TopicAliasTable table;
    table.setMaximum(10);
    QString topic = QStringLiteral("x");
    QCOMPARE(table.apply(7, &topic), Result::Ok);
    table.clear();
    QCOMPARE(table.maximum(), quint16(10));
    QString empty;
    QCOMPARE(table.apply(7, &empty), Result::Unmapped);
    QVERIFY(empty.isEmpty());
}

QTEST_APPLESS_MAIN(tst_TopicAliasTable)
#include "tst_topicaliastable.moc"
