#include "topic.h"
#include "topicfiltertrie.h"

#include <QRandomGenerator>
#include <QTest>

using mqtt::TopicFilterTrie;

// The trie must agree with topicMatchesSub() on WHICH filters match and with paho's
// matcher.py on the ORDER (semantics reference §2).
class tst_TopicFilterTrie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void order_data();
    void order();
    void replaceKeepsPosition();
    void remove();
    void rejectsInvalidFilters();
    void invalidTopicsMatchNothing();
    void sharedSubscriptionRoutesOnInnerFilter();
    void dollarRule();
    void agreesWithTopicMatchesSub();
};

// Filters are inserted with key = their index in `filters`; `expected` lists the filters
// match() must return, in order.
void tst_TopicFilterTrie::order_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QStringList>("expected");

    // The verified paho example.
    QTest::newRow("paho example")
            << QStringList{"#", "+/b", "a/#", "a/+", "a/b", "+/+", "a/b/#"} << "a/b"
            << QStringList{"a/b", "a/b/#", "a/+", "a/#", "+/b", "+/+", "#"};
    QTest::newRow("registration order does not matter")
            << QStringList{"a/b/#", "+/+", "a/b", "a/+", "a/#", "+/b", "#"} << "a/b"
            << QStringList{"a/b", "a/b/#", "a/+", "a/#", "+/b", "+/+", "#"};
    QTest::newRow("# matches parent level")
            << QStringList{"sport/#", "sport/+", "sport"} << "sport"
            << QStringList{"sport", "sport/#"};
    QTest::newRow("empty levels")
            << QStringList{"+/+", "/+", "+", "#", "/#"} << "/"
            << QStringList{"/+", "/#", "+/+", "#"};
    QTest::newRow("deep")
            << QStringList{"a/+/c/#", "a/b/c/d", "+/+/+/+", "a/#", "x/#"} << "a/b/c/d"
            << QStringList{"a/b/c/d", "a/+/c/#", "a/#", "+/+/+/+"};
    QTest::newRow("no match")
            << QStringList{"a/b", "a/+/c", "b/#"} << "a/b/c/d" << QStringList{};
}

void tst_TopicFilterTrie::order()
{
    QFETCH(QStringList, filters);
    QFETCH(QString, topic);
    QFETCH(QStringList, expected);

    TopicFilterTrie trie;
    for (int i = 0; i < filters.size(); ++i)
        QVERIFY(trie.insert(filters[i], quint64(i)));
    QCOMPARE(trie.size(), filters.size());
    QStringList got;
    for (quint64 key : trie.match(topic))
        got << filters.at(int(key));
    QCOMPARE(got, expected);
}

void tst_TopicFilterTrie::replaceKeepsPosition()
{
    TopicFilterTrie trie;
    QVERIFY(trie.insert("a/+", 1));
    QVERIFY(trie.insert("$share/g/a/+", 2));
    QVERIFY(trie.insert("a/#", 3));
    QCOMPARE(trie.match(u"a/b"), (QList<quint64>{1, 2, 3}));
    // Same literal string again replaces the key (paho #336) and keeps the call order.
    QVERIFY(trie.insert("a/+", 10));
    QCOMPARE(trie.size(), 3);
    QCOMPARE(trie.value("a/+"), quint64(10));
    QCOMPARE(trie.match(u"a/b"), (QList<quint64>{10, 2, 3}));
}

void tst_TopicFilterTrie::remove()
{
    TopicFilterTrie trie;
    const QStringList filters{"a/b", "a/+", "a/#", "+/b", "#", "$share/g/a/b", "a/b/c"};
    for (int i = 0; i < filters.size(); ++i)
        QVERIFY(trie.insert(filters[i], quint64(i)));

    QVERIFY(!trie.remove("nope"));
    QVERIFY(!trie.remove("a/b/"));  // a different literal string
    QVERIFY(trie.remove("a/b"));
    QVERIFY(!trie.contains("a/b"));
    QVERIFY(trie.contains("$share/g/a/b")); // shares the node, must survive
    QCOMPARE(trie.match(u"a/b"), (QList<quint64>{5, 1, 2, 3, 4}));
    QVERIFY(!trie.remove("a/b"));

    QVERIFY(trie.remove("a/b/c"));
    QCOMPARE(trie.match(u"a/b/c"), (QList<quint64>{2, 4}));
    QVERIFY(trie.remove("#"));
    QVERIFY(trie.remove("$share/g/a/b"));
    QCOMPARE(trie.match(u"a/b"), (QList<quint64>{1, 2, 3}));
    QCOMPARE(trie.size(), 3);

    // Re-adding after pruning works.
    QVERIFY(trie.insert("a/b/c", 99));
    QCOMPARE(trie.match(u"a/b/c"), (QList<quint64>{99, 2}));

    for (const QString &f : {QStringLiteral("a/+"), QStringLiteral("a/#"),
                             QStringLiteral("+/b"), QStringLiteral("a/b/c")})
        QVERIFY(trie.remove(f));
    QVERIFY(trie.isEmpty());
    QVERIFY(trie.match(u"a/b").isEmpty());
    QVERIFY(trie.insert("#", 7));
    QCOMPARE(trie.match(u"x"), (QList<quint64>{7}));
    trie.clear();
    QVERIFY(trie.match(u"x").isEmpty());
    QCOMPARE(trie.size(), 0);
}

void tst_TopicFilterTrie::rejectsInvalidFilters()
{
    TopicFilterTrie trie;
    for (const char *f : {"", "a/#/b", "sport+", "a#", "$share//x", "$share/g", "$share/g+/x"})
        QVERIFY2(!trie.insert(QString::fromUtf8(f), 1), f);
    QCOMPARE(trie.size(), 0);
    // "foo+" is a literal for paho; for us it is invalid and never matches "foo+".
    QVERIFY(trie.match(u"foo+").isEmpty());
}

void tst_TopicFilterTrie::invalidTopicsMatchNothing()
{
    TopicFilterTrie trie;
    QVERIFY(trie.insert("#", 1));
    QVERIFY(trie.insert("+", 2));
    QVERIFY(trie.insert("foo/#", 3));
    QVERIFY(trie.match(u"").isEmpty());
    QVERIFY(trie.match(u"foo/+").isEmpty());
    QVERIFY(trie.match(u"foo/#").isEmpty());
    QVERIFY(trie.match(QStringLiteral("foo/") + QChar(0)).isEmpty());
    QCOMPARE(trie.match(u"foo"), (QList<quint64>{3, 2, 1})); // literal child first
}

// Our deliberate fix of paho #472: the broker delivers "$share/g/x" messages as topic "x".
void tst_TopicFilterTrie::sharedSubscriptionRoutesOnInnerFilter()
{
    TopicFilterTrie trie;
    QVERIFY(trie.insert("$share/g/sensors/+", 1));
    QVERIFY(trie.insert("$share/h/sensors/+", 2));
    QVERIFY(trie.insert("$share/g/#", 3));
    QCOMPARE(trie.size(), 3);
    QCOMPARE(trie.match(u"sensors/t1"), (QList<quint64>{1, 2, 3}));
    // The prefix is not a routing path, and "#" never matches a '$' topic.
    QVERIFY(trie.match(u"$share/g/sensors/t1").isEmpty());
    QVERIFY(trie.contains("$share/g/sensors/+"));
    QVERIFY(!trie.contains("sensors/+"));
    QVERIFY(!trie.remove("sensors/+"));
    QVERIFY(trie.remove("$share/g/sensors/+"));
    QCOMPARE(trie.match(u"sensors/t1"), (QList<quint64>{2, 3}));
}

void tst_TopicFilterTrie::dollarRule()
{
    TopicFilterTrie trie;
    QVERIFY(trie.insert("#", 1));
    QVERIFY(trie.insert("+/monitor/Clients", 2));
    QVERIFY(trie.insert("$SYS/#", 3));
    QVERIFY(trie.insert("$SYS/monitor/+", 4));
    QVERIFY(trie.insert("$share/g/#", 5));
    QCOMPARE(trie.match(u"$SYS/monitor/Clients"), (QList<quint64>{4, 3}));
    QCOMPARE(trie.match(u"$SYS"), (QList<quint64>{3}));
    QCOMPARE(trie.match(u"x/monitor/Clients"), (QList<quint64>{2, 1, 5}));
}

// Randomised cross-check of membership against topicMatchesSub; order is covered above.
void tst_TopicFilterTrie::agreesWithTopicMatchesSub()
{
    const QStringList levels{"a", "b", "", "$x", "c"};
    QRandomGenerator rng(12345);
    auto randomPath = [&](bool filter) {
        const int n = 1 + int(rng.bounded(4));
        QStringList parts;
        for (int i = 0; i < n; ++i) {
            const int pick = int(rng.bounded(filter ? 7 : 5));
            if (pick == 5)
                parts << "+";
            else if (pick == 6 && i == n - 1)
                parts << "#";
            else
                parts << levels[pick % 5];
        }
        return parts.join(u'/');
    };
    TopicFilterTrie trie;
    QStringList filters;
    while (filters.size() < 60) {
        const QString f = randomPath(true);
        if (!filters.contains(f) && mqtt::isValidTopicFilter(f)) {
            QVERIFY(trie.insert(f, quint64(filters.size())));
            filters << f;
        }
    }
    for (int t = 0; t < 500; ++t) {
        const QString topic = randomPath(false);
        QList<quint64> got = trie.match(topic);
        std::sort(got.begin(), got.end());
        QList<quint64> want;
        for (int i = 0; i < filters.size(); ++i) {
            if (mqtt::topicMatchesSub(filters[i], topic))
                want << quint64(i);
        }
        QVERIFY2(got == want, qPrintable(topic));
    }
}

QTEST_APPLESS_MAIN(tst_TopicFilterTrie)
#include "tst_topicfiltertrie.moc"
