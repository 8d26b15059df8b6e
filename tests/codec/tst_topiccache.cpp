#include "codec/topiccache.h"

#include <QTest>

using namespace mqtt;

namespace {

const QString *lookup(const TopicCache &cache, const QByteArray &key)
{
    return cache.find(key.constData(), key.size(), TopicCache::hash(key.constData(), key.size()));
}

void put(TopicCache &cache, const QByteArray &key)
{
    cache.insert(key.constData(), key.size(), TopicCache::hash(key.constData(), key.size()),
                 QString::fromUtf8(key));
}

} // namespace

class tst_TopicCache : public QObject
{
    Q_OBJECT
private slots:
    void findAfterInsert_data();
    void findAfterInsert();
    void boundedUnderEviction();
};

void tst_TopicCache::findAfterInsert_data()
{
    // Keys around the 8-byte steps of the hash, and near misses that must not hit.
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("miss");
    QTest::newRow("1 byte") << QByteArray("a") << QByteArray("b");
    QTest::newRow("7 bytes") << QByteArray("a/b/c/d") << QByteArray("a/b/c/e");
    QTest::newRow("8 bytes") << QByteArray("a/b/c/de") << QByteArray("a/b/c/d");
    QTest::newRow("9 bytes, last byte differs") << QByteArray("sensors/x") << QByteArray("sensors/y");
    QTest::newRow("UTF-8") << QByteArray("t/\xc3\xa9") << QByteArray("t/\xc3\xa8");
    QTest::newRow("longer key, same prefix") << QByteArray("room/1") << QByteArray("room/10");
}

void tst_TopicCache::findAfterInsert()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, miss);
    TopicCache cache;
    QCOMPARE(lookup(cache, key), nullptr);
    QCOMPARE(cache.size(), 0);
    put(cache, key);
    QCOMPARE(cache.size(), 1);
    const QString *hit = lookup(cache, key);
    QVERIFY(hit);
    QCOMPARE(*hit, QString::fromUtf8(key));
    QCOMPARE(lookup(cache, miss), nullptr);
    QVERIFY(TopicCache::hash(key.constData(), key.size())
            != TopicCache::hash(miss.constData(), miss.size()));
}

void tst_TopicCache::boundedUnderEviction()
{
    TopicCache cache;
    const int distinct = TopicCache::Slots * 2;
    for (int i = 0; i < distinct; ++i)
        put(cache, QByteArrayLiteral("t/") + QByteArray::number(i));
    QVERIFY(cache.size() <= TopicCache::Slots);
    // The most recent topic is always found; whatever is found is the right topic.
    const QByteArray last = QByteArrayLiteral("t/") + QByteArray::number(distinct - 1);
    QVERIFY(lookup(cache, last));
    int hits = 0;
    for (int i = 0; i < distinct; ++i) {
        const QByteArray key = QByteArrayLiteral("t/") + QByteArray::number(i);
        if (const QString *topic = lookup(cache, key)) {
            QCOMPARE(*topic, QString::fromLatin1(key));
            ++hits;
        }
    }
    QVERIFY(hits > 0 && hits <= TopicCache::Slots);
}

QTEST_APPLESS_MAIN(tst_TopicCache)
#include "tst_topiccache.moc"
