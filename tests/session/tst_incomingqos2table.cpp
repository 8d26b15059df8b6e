#include "session/incomingqos2table.h"

#include <QTest>

using namespace mqtt;

class tst_IncomingQos2Table : public QObject
{
    Q_OBJECT
private slots:
    void receiveMaximum_data();
    void receiveMaximum();
    void duplicateReplacesWithoutCounting();
    void releaseOnce();
};

void tst_IncomingQos2Table::receiveMaximum_data()
{
    QTest::addColumn<int>("maximum");
    QTest::addColumn<int>("effective");
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("3") << 3 << 3;
    QTest::newRow("0 means the default") << 0 << 65535;
}

void tst_IncomingQos2Table::receiveMaximum()
{
    QFETCH(int, maximum);
    QFETCH(int, effective);
    IncomingQos2Table table;
    table.setReceiveMaximum(quint16(maximum));
    QCOMPARE(table.receiveMaximum(), quint16(effective));
    const int fill = qMin(effective, 5);
    for (int id = 1; id <= fill; ++id)
        QVERIFY(table.store(quint16(id), Message(QStringLiteral("t"), QByteArray::number(id))));
    QCOMPARE(table.size(), fill);
    // One more distinct id is refused only when the table is full.
    QCOMPARE(table.store(100, Message(QStringLiteral("t"), "x")), fill < effective);
    QCOMPARE(table.size(), fill < effective ? fill + 1 : fill);
}

void tst_IncomingQos2Table::duplicateReplacesWithoutCounting()
{
    IncomingQos2Table table;
    table.setReceiveMaximum(1);
    QVERIFY(table.store(9, Message(QStringLiteral("t"), "first")));
    // A redelivered PUBLISH with the same id replaces the stored one, even when full.
    QVERIFY(table.store(9, Message(QStringLiteral("t"), "second")));
    QCOMPARE(table.size(), 1);
    const std::optional<Message> m = table.release(9);
    QVERIFY(m.has_value());
    QCOMPARE(m->payload(), QByteArray("second"));
}

void tst_IncomingQos2Table::releaseOnce()
{
    IncomingQos2Table table;
    QVERIFY(table.isEmpty());
    QVERIFY(table.store(4, Message(QStringLiteral("a/b"), "p")));
    QVERIFY(!table.release(5).has_value());
    const std::optional<Message> m = table.release(4);
    QVERIFY(m.has_value());
    QCOMPARE(m->topic(), QStringLiteral("a/b"));
    QVERIFY(!table.release(4).has_value()); // a second PUBREL finds nothing
    QVERIFY(table.isEmpty());
    QVERIFY(table.store(4, Message(QStringLiteral("c"), "q")));
    table.clear();
    QCOMPARE(table.size(), 0);
}

QTEST_APPLESS_MAIN(tst_IncomingQos2Table)
#include "tst_incomingqos2table.moc"
