// The packet inspector against the fixture broker: with capture on, the CONNECT, CONNACK,
// SUBSCRIBE, SUBACK and a mosquitto_pub's PUBLISH appear in order with the bytes the codec
// encodes for the same fields; the type filter; capture off records nothing; the table
// follows the tail only while left at the bottom; the window's View menu.
#include "codec/encoder.h"
#include "connection.h"
#include "messagestore.h"
#include "packetfiltermodel.h"
#include "packetmodel.h"
#include "sessiontesthelpers.h"
#include "widgets/mainwindow.h"
#include "widgets/packetinspector.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace mqtt;
using namespace sessiontest;

namespace {

// The packets of the inspector's table (through its filter), keepalive traffic left out.
QList<CapturedPacket> shownPackets(const PacketInspector &inspector)
{
    QList<CapturedPacket> out;
    const QAbstractItemModel *model = inspector.table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto p = model->index(row, 0).data(PacketModel::PacketRole).value<CapturedPacket>();
        if (p.type() != PacketType::Pingreq && p.type() != PacketType::Pingresp)
            out << p;
    }
    return out;
}

QStringList typeNames(const QList<CapturedPacket> &packets)
{
    QStringList out;
    for (const CapturedPacket &p : packets)
        out << QString::fromLatin1(packetTypeName(p.type()));
    return out;
}

std::unique_ptr<Connection> makeConnection(const QString &filter)
{
    ConnectionSettings settings;
    settings.host = host();
    settings.port = fixtureBrokerPort();
    settings.clientId = uniqueRoot("inspector");
    settings.subscriptions = {{filter, 1}};
    return std::make_unique<Connection>(settings);
}

bool waitSubscribed(Connection *connection)
{
    bool subscribed = false;
    QObject ctx;
    QObject::connect(connection->client(), &Client::subscribed, &ctx, [&] { subscribed = true; });
    connection->connectToBroker();
    return QTest::qWaitFor([&] { return subscribed; }, 5000);
}

QTreeWidgetItem *findField(QTreeWidget *tree, const QString &name)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace

class tst_PacketInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void capturesExchange();
    void filterByType();
    void captureOffRecordsNothing();
    void followsTail();
    void droppedLabel();
    void detailsMaskPassword();
    void windowMenu();
};

void tst_PacketInspector::init()
{
    if (!fixtureBrokerPort())
        QSKIP("run through ctest: needs the fixture broker");
}

void tst_PacketInspector::capturesExchange()
{
    const QString root = uniqueRoot("pkt");
    auto connection = makeConnection(root + QStringLiteral("/#"));
    PacketInspector inspector;
    inspector.resize(1000, 500);
    inspector.show();
    inspector.setConnection(connection.get());
    QVERIFY(!inspector.captureAction()->isChecked()); // off by default
    inspector.captureAction()->trigger();
    QVERIFY(connection->packetCapture());
    QVERIFY(connection->client()->packetObserver());
    QVERIFY(waitSubscribed(connection.get()));
    QVERIFY(mosquittoPub(root + QStringLiteral("/a"), QStringLiteral("hello inspector")));
    QTRY_COMPARE_WITH_TIMEOUT(connection->store()->totalMessages(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(shownPackets(inspector).size(), 5, 2000);

    const QList<CapturedPacket> packets = shownPackets(inspector);
    QCOMPARE(typeNames(packets), (QStringList{"CONNECT", "CONNACK", "SUBSCRIBE", "SUBACK", "PUBLISH"}));
    const auto S = CapturedPacket::Direction::Sent;
    const auto R = CapturedPacket::Direction::Received;
    QCOMPARE(packets.at(0).direction, S);
    QCOMPARE(packets.at(1).direction, R);
    QCOMPARE(packets.at(2).direction, S);
    QCOMPARE(packets.at(3).direction, R);
    QCOMPARE(packets.at(4).direction, R);

    // CONNECT: exactly what the codec encodes for the connection's settings.
    Client *client = connection->client();
    ConnectPacket connect;
    connect.clientId = client->clientId();
    connect.cleanStart = client->cleanSession();
    connect.keepAlive = quint16(connection->settings().keepAlive);
    connect.properties = client->connectProperties();
    QCOMPARE(packets.at(0).bytes.toHex(), encode(connect, ProtocolVersion::V5).toHex());
    // CONNACK accepted (a 5.0 CONNACK carries the broker's properties after these 4 bytes).
    QCOMPARE(packets.at(1).bytes.left(1).toHex(), QByteArray("20"));
    QCOMPARE(quint8(packets.at(1).bytes.at(3)), quint8(0));
    // SUBSCRIBE root/# at QoS 1, and the SUBACK granting it for the same packet id.
    SubscribePacket subscribe;
    subscribe.packetId = quint16(std::get<SubscribePacket>(*packets.at(2).decode()).packetId);
    subscribe.subscriptions = {{root + QStringLiteral("/#"), 1}};
    QCOMPARE(packets.at(2).bytes.toHex(), encode(subscribe, ProtocolVersion::V5).toHex());
    const auto suback = std::get<SubackPacket>(*packets.at(3).decode());
    QCOMPARE(suback.packetId, subscribe.packetId);
    QCOMPARE(suback.reasonCodes, QList<ReasonCode>{ReasonCode(1)});
    // PUBLISH: mosquitto_pub's topic and payload, QoS 0, no properties.
    PublishPacket publish;
    publish.topic = root + QStringLiteral("/a");
    publish.payload = "hello inspector";
    QCOMPARE(packets.at(4).bytes.toHex(), encode(publish, ProtocolVersion::V5).toHex());

    // The table's cells and the detail view of the selected PUBLISH.
    QAbstractItemModel *model = inspector.table()->model();
    int publishRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, PacketModel::TypeColumn).data().toString() == u"PUBLISH")
            publishRow = row;
    }
    QVERIFY(publishRow >= 0);
    QCOMPARE(model->index(publishRow, PacketModel::SummaryColumn).data().toString(),
             QStringLiteral("q0 %1/a (15 B)").arg(root));
    inspector.table()->selectRow(publishRow);
    QTreeWidgetItem *topic = findField(inspector.fieldsView(), QStringLiteral("Topic"));
    QVERIFY(topic);
    QCOMPARE(topic->text(1), root + QStringLiteral("/a"));
    QTreeWidgetItem *size = findField(inspector.fieldsView(), QStringLiteral("Payload size"));
    QVERIFY(size);
    QCOMPARE(size->text(1), QStringLiteral("15 bytes"));
    QVERIFY(inspector.hexView()->toPlainText().startsWith(QStringLiteral("00000000  30 ")));
    QVERIFY(inspector.hexView()->toPlainText().contains(QStringLiteral("|")));
    QCOMPARE(inspector.countLabel()->text(), QStringLiteral("%1 packets").arg(model->rowCount()));
    QCOMPARE(inspector.droppedLabel()->text(), QStringLiteral("0 dropped"));

    // Turning capture off stops the observer; what was captured stays.
    const int rows = connection->packetModel()->rowCount();
    inspector.captureAction()->trigger();
    QVERIFY(!client->packetObserver());
    QVERIFY(mosquittoPub(root + QStringLiteral("/b"), QStringLiteral("not captured")));
    QTRY_COMPARE_WITH_TIMEOUT(connection->store()->totalMessages(), 2, 5000);
    connection->packetModel()->flush();
    QCOMPARE(connection->packetModel()->rowCount(), rows);

    inspector.clearAction()->trigger();
    QCOMPARE(connection->packetModel()->rowCount(), 0);
    QCOMPARE(inspector.countLabel()->text(), QStringLiteral("0 packets"));
}

void tst_PacketInspector::filterByType()
{
    const QString root = uniqueRoot("pktfilter");
    auto connection = makeConnection(root + QStringLiteral("/#"));
    connection->setPacketCapture(true);
    PacketInspector inspector;
    inspector.setConnection(connection.get());
    QVERIFY(inspector.captureAction()->isChecked()); // follows the connection
    QVERIFY(waitSubscribed(connection.get()));
    QVERIFY(mosquittoPub(root + QStringLiteral("/x"), QStringLiteral("1")));
    QVERIFY(mosquittoPub(root + QStringLiteral("/y"), QStringLiteral("2")));
    QTRY_COMPARE_WITH_TIMEOUT(shownPackets(inspector).size(), 6, 5000);
    QCOMPARE(inspector.typeButton()->text(), QStringLiteral("Types: all"));

    QAction *publishAction = inspector.typeActions().at(int(PacketType::Publish) - 1);
    QCOMPARE(publishAction->text(), QStringLiteral("PUBLISH"));
    publishAction->setChecked(false);
    QCOMPARE(typeNames(shownPackets(inspector)), (QStringList{"CONNECT", "CONNACK", "SUBSCRIBE", "SUBACK"}));
    QCOMPARE(inspector.typeButton()->text(), QStringLiteral("Types: 14 of 15"));

    for (QAction *a : inspector.typeActions())
        a->setChecked(a == publishAction);
    QCOMPARE(typeNames(shownPackets(inspector)), (QStringList{"PUBLISH", "PUBLISH"}));
    QCOMPARE(inspector.typeButton()->text(), QStringLiteral("Types: 1 of 15"));

    inspector.typeButton()->menu()->actions().first()->trigger(); // Show All Types
    QCOMPARE(shownPackets(inspector).size(), 6);
    QCOMPARE(inspector.filterModel()->visibleTypes(), PacketFilterModel::kAllTypes);
}

void tst_PacketInspector::captureOffRecordsNothing()
{
    const QString root = uniqueRoot("pktoff");
    auto connection = makeConnection(root + QStringLiteral("/#"));
    PacketInspector inspector;
    inspector.setConnection(connection.get());
    QSignalSpy observed(connection->client(), &Client::packetsObserved);
    QVERIFY(!connection->packetCapture());
    QVERIFY(waitSubscribed(connection.get()));
    QVERIFY(mosquittoPub(root + QStringLiteral("/a"), QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(connection->store()->totalMessages(), 1, 5000);
    connection->packetModel()->flush();
    QCOMPARE(observed.count(), 0);
    QCOMPARE(connection->packetModel()->rowCount(), 0);
    QCOMPARE(connection->packetModel()->totalPackets(), qint64(0));
    QCOMPARE(inspector.table()->model()->rowCount(), 0);
}

void tst_PacketInspector::followsTail()
{
    ConnectionSettings settings;
    Connection connection(settings); // never connects: packets are appended by hand
    PacketInspector inspector;
    inspector.resize(900, 400);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    inspector.setConnection(&connection);
    PacketModel *model = connection.packetModel();
    auto batch = [](int n) {
        QList<CapturedPacket> out;
        for (int i = 0; i < n; ++i) {
            CapturedPacket p;
            p.bytes = QByteArray::fromHex("c000");
            p.direction = CapturedPacket::Direction::Sent;
            out << p;
        }
        return out;
    };
    QSignalSpy inserted(inspector.table()->model(), &QAbstractItemModel::rowsInserted);
    model->append(batch(500));
    model->append(batch(500));
    model->flush();
    QCOMPARE(inserted.count(), 1); // one batch reaches the view as one insert
    QScrollBar *bar = inspector.table()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(inspector.isFollowingTail());

    bar->setValue(10); // the user scrolls up: new rows leave the view where it is
    QVERIFY(!inspector.isFollowingTail());
    model->append(batch(200));
    model->flush();
    QCOMPARE(bar->value(), 10);

    bar->setValue(bar->maximum()); // back at the bottom: follows again
    QVERIFY(inspector.isFollowingTail());
    model->append(batch(200));
    model->flush();
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(model->rowCount(), 1400);
}

void tst_PacketInspector::droppedLabel()
{
    ConnectionSettings settings;
    Connection connection(settings);
    connection.packetModel()->setCapacity(3);
    PacketInspector inspector;
    inspector.setConnection(&connection);
    QList<CapturedPacket> five(5);
    for (CapturedPacket &p : five)
        p.bytes = QByteArray::fromHex("d000");
    connection.packetModel()->append(five);
    connection.packetModel()->flush();
    QCOMPARE(inspector.countLabel()->text(), QStringLiteral("3 packets"));
    QCOMPARE(inspector.droppedLabel()->text(), QStringLiteral("2 dropped"));
    QVERIFY(inspector.droppedLabel()->isEnabled());
    inspector.setConnection(nullptr);
    QVERIFY(!inspector.captureAction()->isEnabled());
    QCOMPARE(inspector.countLabel()->text(), QStringLiteral("0 packets"));
}

// Neither the decoded fields nor the hex dump of a CONNECT show its password.
void tst_PacketInspector::detailsMaskPassword()
{
    ConnectionSettings settings;
    Connection connection(settings);
    PacketInspector inspector;
    inspector.setConnection(&connection);
    ConnectPacket connect;
    connect.clientId = QStringLiteral("c");
    connect.username = QStringLiteral("demo");
    connect.password = QByteArray("secret");
    CapturedPacket p;
    p.direction = CapturedPacket::Direction::Sent;
    p.version = ProtocolVersion::V5;
    p.bytes = encode(connect, ProtocolVersion::V5);
    connection.packetModel()->append({p});
    connection.packetModel()->flush();
    inspector.table()->selectRow(0);
    QTreeWidgetItem *password = findField(inspector.fieldsView(), QStringLiteral("Password"));
    QVERIFY(password);
    QCOMPARE(password->text(1), QStringLiteral("•••••• (6 bytes)"));
    const QString hex = inspector.hexView()->toPlainText();
    QCOMPARE(hex.count(QStringLiteral(" ••")), 6);
    QVERIFY(!hex.contains(QStringLiteral("secret")));
    QVERIFY(!hex.contains(QStringLiteral("73 65 63 72 65 74")));
}

void tst_PacketInspector::windowMenu()
{
    MainWindow window;
    QVERIFY(window.packetDock()->isHidden()); // until asked for
    QAction *toggle = window.packetDock()->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QMenu *view = nullptr;
    for (QAction *a : window.menuBar()->actions()) {
        if (a->text() == u"&View")
            view = a->menu();
    }
    QVERIFY(view);
    QVERIFY(view->actions().contains(toggle));
    window.show();
    toggle->trigger();
    QVERIFY(window.packetDock()->isVisible());
    ConnectionSettings settings;
    ConnectionTab *tab = window.addConnection(settings, false);
    QVERIFY(tab);
    QVERIFY(window.packetInspector()->connection() != nullptr);
    QVERIFY(!window.packetInspector()->captureAction()->isChecked());
}

QTEST_MAIN(tst_PacketInspector)
#include "tst_packetinspector.moc"
