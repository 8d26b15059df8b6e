// Broker failure: mosquitto with persistence is killed with SIGKILL and restarted ten times
// while two clients (fixed ids, clean session false) exchange QoS 1 and QoS 2 messages in both
// directions. Every message carries a sequence number; at the end each receiver must have every
// sequence number of each stream: QoS 1 at least once, QoS 2 exactly once.
//
// Why the clients are cut off before the kill: mosquitto acknowledges a message (PUBACK,
// PUBREC, PUBCOMP) before its next database save, even with autosave_on_changes true and
// autosave_interval 1, so SIGKILL with live connections can lose an acknowledged message or
// forget that a QoS 2 delivery completed (and deliver it again after the restart). Those
// would be the broker's losses, not the client's, and would make an exact count impossible.
// So each cycle (1) cuts every connection abruptly through a TCP relay (the clients see what
// a dying broker looks like: in-flight packets lost both ways, PUBLISH/PUBREL unacknowledged,
// QoS 2 receptions awaiting PUBREL), (2) waits until mosquitto has seen both clients go, (3)
// forces a database save with SIGUSR1 and waits for it, then (4) kills it with SIGKILL and
// restarts it from the saved file. The saved state then equals the broker's state at the kill,
// and every loss or duplicate is the client's fault.
#include "client.h"
#include "socketloop.h"
#include "tcpproxy.h"
#include "testbroker.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace mqtt;

namespace {

const QString kPrefix = QStringLiteral("rel/kill9/");

// One side: publishes "<seq>" on <peer>/1 (QoS 1) and <peer>/2 (QoS 2) every `intervalMs`,
// and counts what arrives on its own <me>/#.
class Peer : public QObject
{
public:
    Peer(const QString &me, const QString &peer, quint16 port)
        : m_client(QStringLiteral("rel-kill9-") + me), m_loop(&m_client), m_me(me), m_peer(peer)
    {
        m_client.setCleanSession(false);
        m_client.setMaxInflightMessages(20);
        m_loop.setReconnectDelayMs(50, 400);
        m_loop.setMiscInterval(200);
        QObject::connect(&m_client, &Client::messageReceived, this, [this](const Message &m) {
            const int qos = m.topic().endsWith(QLatin1String("/2")) ? 2 : 1;
            if (m.qos() != qos)
                ++m_wrongQos;
            bool ok = false;
            const int seq = m.payload().toInt(&ok);
            if (!ok)
                ++m_garbage;
            else
                ++m_received[qos][seq];
        });
        QObject::connect(&m_client, &Client::published, this, [this] { ++m_completed; });
        QObject::connect(&m_client, &Client::connected, this,
                         [this](ConnectFlags f, ReasonCode rc, const Properties &) {
                             if (rc.value == 0)
                                 ++m_connacks;
                             if (rc.value == 0 && m_connacks > 1 && !f.sessionPresent)
                                 ++m_sessionsLost;
                         });
        QObject::connect(&m_client, &Client::disconnected, this, [this] { ++m_disconnects; });
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { publishNext(); });
        m_client.connect(QStringLiteral("127.0.0.1"), port, 5);
    }

    bool subscribe()
    {
        if (!QTest::qWaitFor([this] { return m_client.isConnected(); }, 10000))
            return false;
        bool done = false;
        QMetaObject::Connection c = QObject::connect(
            &m_client, &Client::subscribed, this,
            [&done](int, const QList<ReasonCode> &g) { done = g.size() == 1 && g[0].value == 2; });
        m_client.subscribe(kPrefix + m_me + QStringLiteral("/#"), 2);
        const bool ok = QTest::qWaitFor([&done] { return done; }, 10000);
        QObject::disconnect(c);
        return ok;
    }

    void publishNext()
    {
        for (int qos = 1; qos <= 2; ++qos) {
            const RequestResult r = m_client.publish(kPrefix + m_peer + QLatin1Char('/')
                                                         + QString::number(qos),
                                                     QByteArray::number(m_sent[qos]), qos);
            // Offline, QoS>0 is queued and returns NO_CONN with a mid, as in paho (it goes
            // out after the next CONNACK): that counts as sent.
            if (r.ok() || (r.rc == Error::NoConn && r.mid > 0)) {
                ++m_sent[qos];
                m_queuedOffline += !r.ok();
            } else {
                ++m_refused;
            }
        }
    }

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    Client &client() { return m_client; }

    Client m_client;
    SocketNotifierLoop m_loop;
    QTimer m_timer;
    QString m_me;
    QString m_peer;
    int m_sent[3] = {0, 0, 0};
    QHash<int, int> m_received[3];
    int m_completed = 0;
    int m_refused = 0;
    int m_queuedOffline = 0;
    int m_wrongQos = 0;
    int m_garbage = 0;
    int m_connacks = 0;
    int m_sessionsLost = 0;
    int m_disconnects = 0;
};

// The pid of the mosquitto started for `broker` (found by its config path; only ours).
qint64 brokerPid(const TestBroker &broker)
{
    const QByteArray conf = QFile::encodeName(QDir(broker.dataDir()).filePath(
        QStringLiteral("mosquitto.conf")));
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().split('\0').contains(conf))
            return pid;
    }
    return -1;
}

int countOf(const QString &text, const QString &needle)
{
    return int(text.count(needle));
}

} // namespace

class tst_BrokerKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killNineTenTimes();
};

void tst_BrokerKill::killNineTenTimes()
{
    TestBroker broker;
    // Save on every change as well; the forced save below is what makes the count exact.
    broker.setGlobalConfig(QStringLiteral("persistence true\nautosave_on_changes true\n"
                                          "autosave_interval 1\nmax_queued_messages 0\n"
                                          "max_inflight_messages 20\n"));
    QVERIFY2(broker.start(), qPrintable(broker.lastError()));
    TcpProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setUpstreamPort(broker.port());

    Peer a(QStringLiteral("a"), QStringLiteral("b"), proxy.port());
    Peer b(QStringLiteral("b"), QStringLiteral("a"), proxy.port());
    QVERIFY(a.subscribe());
    QVERIFY(b.subscribe());
    a.start();
    b.start();

    const QString dbPath = QDir(broker.dataDir()).filePath(QStringLiteral("mosquitto.db"));
    for (int cycle = 0; cycle < 10; ++cycle) {
        // Traffic flows for a while on a (re)connected pair.
        QVERIFY2(QTest::qWaitFor([&] { return a.client().isConnected() && b.client().isConnected(); },
                                 15000),
                 qPrintable(QStringLiteral("cycle %1: clients did not reconnect").arg(cycle)));
        const int before = a.m_received[2].size() + b.m_received[2].size();
        QTest::qWait(700);
        QVERIFY2(a.m_received[2].size() + b.m_received[2].size() > before,
                 qPrintable(QStringLiteral("cycle %1: no traffic").arg(cycle)));

        // (1) cut both clients off mid-traffic, (2) until mosquitto has noticed.
        const int logBefore = int(broker.logText().size());
        proxy.setUpstreamPort(0);
        proxy.cutAll();
        QVERIFY2(QTest::qWaitFor([&] {
                     const QString log = broker.logText().mid(logBefore);
                     return log.contains(QLatin1String("rel-kill9-a"))
                            && log.contains(QLatin1String("rel-kill9-b"));
                 }, 10000),
                 qPrintable(broker.logText().right(2000)));
        // (3) a forced save, (4) SIGKILL and restart from it.
        const qint64 pid = brokerPid(broker);
        QVERIFY(pid > 0);
        const int saves = countOf(broker.logText(), QStringLiteral("Saving in-memory database"));
        QCOMPARE(::kill(pid_t(pid), SIGUSR1), 0);
        QVERIFY2(QTest::qWaitFor([&] {
                     return countOf(broker.logText(), QStringLiteral("Saving in-memory database"))
                            > saves;
                 }, 10000),
                 qPrintable(broker.logText().right(2000)));
        QTest::qWait(100); // the save ends with a rename; give it time to finish
        broker.kill();
        QVERIFY(QFileInfo::exists(dbPath));
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        proxy.setUpstreamPort(broker.port());
    }

    // Drain: stop publishing, wait until every publish completed and everything arrived.
    a.stop();
    b.stop();
    auto allIn = [](Peer &receiver, Peer &sender) {
        for (int qos = 1; qos <= 2; ++qos) {
            if (receiver.m_received[qos].size() < sender.m_sent[qos])
                return false;
        }
        return true;
    };
    QVERIFY2(QTest::qWaitFor([&] {
                 return a.m_completed == a.m_sent[1] + a.m_sent[2]
                        && b.m_completed == b.m_sent[1] + b.m_sent[2] && allIn(a, b) && allIn(b, a);
             }, 60000),
             qPrintable(QStringLiteral("a: sent %1/%2 completed %3 got %4/%5; b: sent %6/%7 "
                                       "completed %8 got %9/%10")
                            .arg(a.m_sent[1]).arg(a.m_sent[2]).arg(a.m_completed)
                            .arg(a.m_received[1].size()).arg(a.m_received[2].size())
                            .arg(b.m_sent[1]).arg(b.m_sent[2]).arg(b.m_completed)
                            .arg(b.m_received[1].size()).arg(b.m_received[2].size())));
    QTest::qWait(500); // late duplicates would arrive now

    for (Peer *receiver : {&a, &b}) {
        Peer *sender = receiver == &a ? &b : &a;
        QCOMPARE(receiver->m_wrongQos, 0);
        QCOMPARE(receiver->m_garbage, 0);
        QCOMPARE(receiver->m_sessionsLost, 0);
        QVERIFY(receiver->m_disconnects >= 10);
        int qos1Duplicates = 0;
        for (int qos = 1; qos <= 2; ++qos) {
            QVERIFY(sender->m_sent[qos] > 100);
            for (int seq = 0; seq < sender->m_sent[qos]; ++seq) {
                const int n = receiver->m_received[qos].value(seq);
                QVERIFY2(n >= 1, qPrintable(QStringLiteral("%1 lost QoS %2 message %3")
                                                .arg(receiver->m_me).arg(qos).arg(seq)));
                if (qos == 2)
                    QVERIFY2(n == 1, qPrintable(QStringLiteral("%1 got QoS 2 message %2 %3 times")
                                                    .arg(receiver->m_me).arg(seq).arg(n)));
                else
                    qos1Duplicates += n - 1;
            }
            QCOMPARE(receiver->m_received[qos].size(), sender->m_sent[qos]); // nothing unknown
        }
        qInfo("%s received %d QoS 1 (%d duplicates, allowed) and %d QoS 2 messages exactly once; "
              "%d reconnects; %d of them queued while offline",
              qPrintable(receiver->m_me), sender->m_sent[1], qos1Duplicates, sender->m_sent[2],
              receiver->m_connacks - 1, sender->m_queuedOffline);
        QCOMPARE(sender->m_refused, 0);
    }
}

QTEST_MAIN(tst_BrokerKill)
#include "tst_brokerkill.moc"
