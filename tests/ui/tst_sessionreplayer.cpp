#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "sessionreplayer.h"
#include "sessiontesthelpers.h"
#include "topicnode.h"

#include <QSignalSpy>
#include <QTest>

using mqtt::Message;
using namespace sessiontest;

namespace {

constexpr qint64 t0 = 1714564800000;

QList<Message> series(int count, qint64 spacingMs, int qos)
{
    QList<Message> messages;
    for (int i = 0; i < count; ++i) {
        Message m(QStringLiteral("s/%1").arg(i % 7), QByteArray::number(i), qos, false);
        m.setTimestamp(t0 + i * spacingMs);
        messages << m;
    }
    return messages;
}

} // namespace

// SessionReplayer against the fixture broker: what it publishes comes back on a
// subscription (topics under a prefix, payloads, QoS, MQTT 5 properties); recorded spacing,
// pause, cancel and a lost connection.
class tst_SessionReplayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void asFastAsPossible_data();
    void asFastAsPossible();
    void propertiesArrive();
    void recordedSpacing();
    void pauseAndResume();
    void cancel();
    void connectionLost();
    void notConnected();
};

void tst_SessionReplayer::init()
{
    if (!fixtureBrokerPort())
        QSKIP("run through ctest: needs the fixture broker");
}

void tst_SessionReplayer::asFastAsPossible_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<int>("count");
    QTest::newRow("QoS 0") << 0 << 5000;
    QTest::newRow("QoS 1") << 1 << 3000;
    QTest::newRow("QoS 2") << 2 << 1500;
}

void tst_SessionReplayer::asFastAsPossible()
{
    QFETCH(int, qos);
    QFETCH(int, count);
    const QString root = uniqueRoot("replay");
    auto connection = connectTo(root + QStringLiteral("/#"), 2);
    QVERIFY(connection);
    SessionReplayer replayer;
    replayer.setSliceSize(500);
    replayer.setMaxOutstanding(100);
    QSignalSpy finished(&replayer, &SessionReplayer::finished);
    QVERIFY(replayer.start(connection->client(), series(count, 1000, qos), 0,
                           root + QLatin1Char('/')));
    QVERIFY(finished.wait(30000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().value<SessionReplayer::State>(),
             SessionReplayer::State::Finished);
    QCOMPARE(replayer.sent(), count);
    QCOMPARE(replayer.acknowledged(), qos > 0 ? count : 0);
    QTRY_COMPARE_WITH_TIMEOUT(connection->store()->totalMessages(), qint64(count), 10000);
    // Per topic, in order and whole.
    MessageStore *store = connection->store();
    store->flush();
    const TopicNode *node = store->node(root + QStringLiteral("/s/3"));
    QVERIFY(node);
    QCOMPARE(node->history.first().payload(), QByteArray("3"));
    QCOMPARE(node->history.at(1).payload(), QByteArray("10"));
    QCOMPARE(node->history.first().qos(), qos);
}

void tst_SessionReplayer::propertiesArrive()
{
    const QString root = uniqueRoot("replayprops");
    auto connection = connectTo(root + QStringLiteral("/#"), 1);
    QVERIFY(connection);
    Message m(QStringLiteral("p"), QByteArray("\x00\x01{}", 4), 1, false);
    m.setTimestamp(t0);
    mqtt::Properties props;
    props.setContentType(QStringLiteral("application/octet-stream"));
    props.addUserProperty(QStringLiteral("a"), QStringLiteral("1"));
    props.addUserProperty(QStringLiteral("a"), QStringLiteral("2"));
    // As recorded on receipt; a client must not send these in PUBLISH [MQTT-3.3.4-6]: the
    // broker would close the connection and nothing would arrive.
    props.setTopicAlias(4);
    props.addSubscriptionIdentifier(9);
    m.setProperties(props);
    SessionReplayer replayer;
    QSignalSpy finished(&replayer, &SessionReplayer::finished);
    QVERIFY(replayer.start(connection->client(), {m}, 0, root + QLatin1Char('/')));
    QVERIFY(finished.wait(5000) || !finished.isEmpty());
    QCOMPARE(replayer.state(), SessionReplayer::State::Finished);
    QTRY_COMPARE(connection->store()->totalMessages(), 1);
    const Message got = connection->store()->node(root + QStringLiteral("/p"))->last;
    QCOMPARE(got.payload(), m.payload());
    QCOMPARE(got.properties().contentType(), QStringLiteral("application/octet-stream"));
    const auto users = got.properties().userProperties();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(1).second, QStringLiteral("2"));
    QCOMPARE(connection->status(), Connection::Status::Connected);
}

void tst_SessionReplayer::recordedSpacing()
{
    const QString root = uniqueRoot("replayspacing");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    SessionReplayer replayer;
    // Two messages 1.6 s apart at 2x: the second is due 0.8 s after the first.
    QVERIFY(replayer.start(connection->client(), series(2, 1600, 0), 2.0, root + QLatin1Char('/')));
    QCOMPARE(replayer.sent(), 1);
    QTest::qWait(300);
    QCOMPARE(replayer.sent(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(replayer.state(), SessionReplayer::State::Finished, 5000);
    QCOMPARE(replayer.sent(), 2);
}

void tst_SessionReplayer::pauseAndResume()
{
    const QString root = uniqueRoot("replaypause");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    SessionReplayer replayer;
    QSignalSpy states(&replayer, &SessionReplayer::stateChanged);
    QVERIFY(replayer.start(connection->client(), series(3, 200, 0), 1.0, root + QLatin1Char('/')));
    replayer.pause();
    QCOMPARE(replayer.state(), SessionReplayer::State::Paused);
    QTest::qWait(700); // the schedule would have sent all three by now
    QCOMPARE(replayer.sent(), 1);
    replayer.resume();
    QTRY_COMPARE_WITH_TIMEOUT(replayer.state(), SessionReplayer::State::Finished, 5000);
    QCOMPARE(replayer.sent(), 3);
    QTRY_COMPARE(connection->store()->totalMessages(), 3);
    QList<SessionReplayer::State> seen;
    for (const QList<QVariant> &s : states)
        seen << s.first().value<SessionReplayer::State>();
    QCOMPARE(seen, (QList<SessionReplayer::State>{SessionReplayer::State::Running,
                                                  SessionReplayer::State::Paused,
                                                  SessionReplayer::State::Running,
                                                  SessionReplayer::State::Finished}));
}

void tst_SessionReplayer::cancel()
{
    const QString root = uniqueRoot("replaycancel");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    SessionReplayer replayer;
    QSignalSpy finished(&replayer, &SessionReplayer::finished);
    QVERIFY(replayer.start(connection->client(), series(10, 1000, 0), 1.0, root + QLatin1Char('/')));
    replayer.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(replayer.state(), SessionReplayer::State::Cancelled);
    QCOMPARE(finished.first().at(1).toString(),
             QStringLiteral("Replay cancelled after 1 of 10 messages."));
    QTest::qWait(1300);
    QCOMPARE(replayer.sent(), 1);
}

void tst_SessionReplayer::connectionLost()
{
    const QString root = uniqueRoot("replaylost");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    SessionReplayer replayer;
    QSignalSpy finished(&replayer, &SessionReplayer::finished);
    QVERIFY(replayer.start(connection->client(), series(5, 1000, 0), 1.0, root + QLatin1Char('/')));
    connection->disconnectFromBroker();
    QVERIFY(finished.wait(5000) || !finished.isEmpty());
    QCOMPARE(replayer.state(), SessionReplayer::State::Failed);
    QCOMPARE(replayer.errorString(),
             QStringLiteral("The connection was lost after 1 of 5 messages."));
}

void tst_SessionReplayer::notConnected()
{
    ConnectionSettings settings;
    settings.host = host();
    settings.port = fixtureBrokerPort();
    Connection connection(settings);
    SessionReplayer replayer;
    QVERIFY(!replayer.start(connection.client(), series(2, 10, 0), 0));
    QCOMPARE(replayer.state(), SessionReplayer::State::Failed);
    QCOMPARE(replayer.errorString(), QStringLiteral("Not connected to a broker."));
}

QTEST_MAIN(tst_SessionReplayer)
#include "tst_sessionreplayer.moc"
