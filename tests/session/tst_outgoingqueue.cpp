#include "session/outgoingqueue.h"

#include <QTest>

using namespace mqtt;

using Stage = OutgoingQueue::Stage;

namespace {

PublishPacket publish(quint16 id, int qos)
{
    PublishPacket p;
    p.topic = QStringLiteral("t/%1").arg(id);
    p.packetId = id;
    p.qos = quint8(qos);
    return p;
}

QList<quint16> order(OutgoingQueue &q)
{
    QList<quint16> ids;
    for (auto &entry : q)
        ids << entry.second.packet.packetId;
    return ids;
}

} // namespace

class tst_OutgoingQueue : public QObject
{
    Q_OBJECT
private slots:
    void markSent_data();
    void markSent();
    void publishOrderSurvivesRemoval();
    void requeueLeavesWindow();
    void removeUnknown();
};

void tst_OutgoingQueue::markSent_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<Stage>("stage");
    QTest::newRow("qos1 waits for PUBACK") << 1 << Stage::WaitPuback;
    QTest::newRow("qos2 waits for PUBREC") << 2 << Stage::WaitPubrec;
}

void tst_OutgoingQueue::markSent()
{
    QFETCH(int, qos);
    QFETCH(Stage, stage);
    OutgoingQueue q;
    OutgoingQueue::Entry &e = q.append(publish(1, qos));
    QCOMPARE(e.stage, Stage::Queued);
    QCOMPARE(q.size(), 1);
    QCOMPARE(q.inflightCount(), 0);
    QCOMPARE(q.queuedCount(), 1);
    q.markSent(e);
    QCOMPARE(e.stage, stage);
    QCOMPARE(q.inflightCount(), 1);
    QCOMPARE(q.queuedCount(), 0);
    q.markSent(e); // a re-send does not count twice
    QCOMPARE(q.inflightCount(), 1);
    QCOMPARE(q.find(1), &e);
    QVERIFY(q.contains(1));
    QVERIFY(q.remove(1));
    QCOMPARE(q.inflightCount(), 0);
    QCOMPARE(q.size(), 0);
    QVERIFY(!q.contains(1));
    QCOMPARE(q.find(1), nullptr);
}

void tst_OutgoingQueue::publishOrderSurvivesRemoval()
{
    OutgoingQueue q;
    // Ids wrap around, so publish order is not id order.
    q.append(publish(65535, 1));
    q.append(publish(1, 2));
    q.append(publish(2, 1));
    QCOMPARE(order(q), (QList<quint16>{65535, 1, 2}));
    QVERIFY(q.remove(1));
    q.append(publish(1, 1)); // an id used again goes to the back
    QCOMPARE(order(q), (QList<quint16>{65535, 2, 1}));
    QCOMPARE(q.find(1)->packet.qos, quint8(1));
}

void tst_OutgoingQueue::requeueLeavesWindow()
{
    OutgoingQueue q;
    OutgoingQueue::Entry &a = q.append(publish(1, 1));
    OutgoingQueue::Entry &b = q.append(publish(2, 2));
    q.markSent(a);
    q.markSent(b);
    a.packet.dup = true;
    QCOMPARE(q.inflightCount(), 2);
    q.requeue(a);
    QCOMPARE(a.stage, Stage::Queued);
    QVERIFY(!a.packet.dup); // sent again as new
    QCOMPARE(q.inflightCount(), 1);
    q.requeue(a); // already queued: no change
    QCOMPARE(q.inflightCount(), 1);
    QVERIFY(q.remove(1)); // a queued entry leaves the in-flight count alone
    QCOMPARE(q.inflightCount(), 1);
    QCOMPARE(q.queuedCount(), 0);
}

void tst_OutgoingQueue::removeUnknown()
{
    OutgoingQueue q;
    QVERIFY(!q.remove(3));
    q.append(publish(3, 1));
    QVERIFY(!q.remove(4));
    QCOMPARE(q.size(), 1);
}

QTEST_APPLESS_MAIN(tst_OutgoingQueue)
#include "tst_outgoingqueue.moc"
