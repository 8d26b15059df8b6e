#include "codec/encoder.h"
#include "packetfiltermodel.h"
#include "packetformatter.h"
#include "packetmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mqtt;

namespace {

CapturedPacket captured(const QByteArray &bytes, CapturedPacket::Direction direction,
                        ProtocolVersion version = ProtocolVersion::V311, qint64 time = 1000)
{
    CapturedPacket p;
    p.bytes = bytes;
    p.direction = direction;
    p.version = version;
    p.timestamp = time;
    return p;
}

// A QoS 0 PUBLISH "t" received, numbered by its payload so that rows can be told apart.
CapturedPacket publish(int i)
{
    PublishPacket p;
    p.topic = QStringLiteral("t");
    p.payload = QByteArray::number(i);
    return captured(encode(p, ProtocolVersion::V311), CapturedPacket::Direction::Received);
}

QList<CapturedPacket> publishes(int from, int count)
{
    QList<CapturedPacket> out;
    for (int i = 0; i < count; ++i)
        out << publish(from + i);
    return out;
}

// The tree as "Parent/Child = value" lines, depth first.
void flatten(const QList<PacketFormatter::Field> &fields, const QString &prefix, QStringList &out)
{
    for (const PacketFormatter::Field &f : fields) {
        const QString name = prefix.isEmpty() ? f.name : prefix + QLatin1Char('/') + f.name;
        out << QStringLiteral("%1 = %2").arg(name, f.value);
        flatten(f.children, name, out);
    }
}

QStringList flatten(const QList<PacketFormatter::Field> &fields)
{
    QStringList out;
    flatten(fields, QString(), out);
    return out;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

class tst_PacketModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ringBounds_data();
    void ringBounds();
    void appendsBetweenFlushesAreOneInsert();
    void timerFlushes();
    void columns();
    void clear();
    void filter_data();
    void filter();
    void fields_data();
    void fields();
    void passwordNeverShown();
    void passwordRange_data();
    void passwordRange();
    void hexDump_data();
    void hexDump();
};

void tst_PacketModel::ringBounds_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("batches");  // packets appended before each flush
    QTest::addColumn<QList<int>>("removed");  // rows removed per flush (0: no signal)
    QTest::addColumn<QList<int>>("inserted"); // rows inserted per flush
    QTest::addColumn<qint64>("firstNumber");  // capture number of the oldest row kept
    QTest::addColumn<qint64>("dropped");
    QTest::newRow("under") << 5 << QList<int>{3} << QList<int>{0} << QList<int>{3} << qint64(1) << qint64(0);
    QTest::newRow("exactly full") << 5 << QList<int>{2, 3} << QList<int>{0, 0} << QList<int>{2, 3} << qint64(1) << qint64(0);
    QTest::newRow("by count") << 5 << QList<int>{3, 4} << QList<int>{0, 2} << QList<int>{3, 4} << qint64(3) << qint64(2);
    QTest::newRow("batch over count") << 5 << QList<int>{3, 8} << QList<int>{0, 3} << QList<int>{3, 5} << qint64(7) << qint64(6);
    QTest::newRow("three flushes") << 4 << QList<int>{4, 1, 2} << QList<int>{0, 1, 2} << QList<int>{4, 1, 2} << qint64(4) << qint64(3);
    QTest::newRow("capacity 1") << 1 << QList<int>{1, 3} << QList<int>{0, 1} << QList<int>{1, 1} << qint64(4) << qint64(3);
}

// One beginInsertRows per flush and at most one beginRemoveRows for what the ring drops.
void tst_PacketModel::ringBounds()
{
    QFETCH(int, capacity);
    QFETCH(QList<int>, batches);
    QFETCH(QList<int>, removed);
    QFETCH(QList<int>, inserted);
    QFETCH(qint64, firstNumber);
    QFETCH(qint64, dropped);
    PacketModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(capacity);
    QSignalSpy insertedSpy(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removedSpy(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy counts(&model, &PacketModel::countsChanged);
    int next = 1;
    for (int b = 0; b < batches.size(); ++b) {
        insertedSpy.clear();
        removedSpy.clear();
        model.append(publishes(next, batches.at(b)));
        next += batches.at(b);
        QCOMPARE(insertedSpy.count(), 0); // append() only queues
        model.flush();
        QCOMPARE(insertedSpy.count(), 1);
        QCOMPARE(insertedSpy.at(0).at(2).toInt() - insertedSpy.at(0).at(1).toInt() + 1, inserted.at(b));
        QCOMPARE(removedSpy.count(), removed.at(b) ? 1 : 0);
        if (removed.at(b)) {
            QCOMPARE(removedSpy.at(0).at(1).toInt(), 0);
            QCOMPARE(removedSpy.at(0).at(2).toInt(), removed.at(b) - 1);
        }
    }
    QCOMPARE(counts.count(), batches.size());
    QVERIFY(model.rowCount() <= capacity);
    QCOMPARE(model.packetNumber(0), firstNumber);
    QCOMPARE(model.packetNumber(model.rowCount() - 1), qint64(next - 1));
    QCOMPARE(model.totalPackets(), qint64(next - 1));
    QCOMPARE(model.droppedPackets(), dropped);
    QCOMPARE(model.packet(0).bytes, publish(int(firstNumber)).bytes);
}

void tst_PacketModel::appendsBetweenFlushesAreOneInsert()
{
    PacketModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        model.append(publishes(i * 10, 10));
    QCOMPARE(model.pendingCount(), qint64(1000));
    model.flush();
    model.flush(); // nothing pending: no signal
    QCOMPARE(aboutToInsert.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999);
    QCOMPARE(model.rowCount(), 1000);
}

void tst_PacketModel::timerFlushes()
{
    PacketModel model;
    model.setFlushInterval(10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(publishes(1, 3));
    model.append(publishes(4, 3));
    QTRY_COMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.count(), 1);
}

void tst_PacketModel::columns()
{
    PacketModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubackPacket suback;
    suback.packetId = 7;
    suback.reasonCodes = {ReasonCode(1)};
    model.append({captured(QByteArray::fromHex("820800070003612f6201"), CapturedPacket::Direction::Sent),
                  captured(encode(suback, ProtocolVersion::V311), CapturedPacket::Direction::Received),
                  publish(42)});
    model.flush();
    QCOMPARE(column(model, PacketModel::NumberColumn), (QStringList{"1", "2", "3"}));
    QCOMPARE(column(model, PacketModel::TypeColumn), (QStringList{"SUBSCRIBE", "SUBACK", "PUBLISH"}));
    QCOMPARE(column(model, PacketModel::DirectionColumn),
             (QStringList{QStringLiteral("→ Sent"), QStringLiteral("← Received"), QStringLiteral("← Received")}));
    QCOMPARE(column(model, PacketModel::PacketIdColumn), (QStringList{"7", "7", ""}));
    QCOMPARE(column(model, PacketModel::SummaryColumn),
             (QStringList{"a/b (QoS 1)", "0x01 Granted QoS 1", "q0 t (2 B)"}));
    QCOMPARE(column(model, PacketModel::SizeColumn), (QStringList{"10 B", "5 B", "7 B"}));
    QCOMPARE(model.index(0, PacketModel::TypeColumn).data(PacketModel::TypeRole).toInt(), int(PacketType::Subscribe));
    QCOMPARE(model.index(1, 0).data(PacketModel::PacketRole).value<CapturedPacket>().bytes,
             encode(suback, ProtocolVersion::V311));
    QCOMPARE(model.headerData(PacketModel::SummaryColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Summary"));
}

void tst_PacketModel::clear()
{
    PacketModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(2);
    model.append(publishes(1, 5));
    model.flush();
    QCOMPARE(model.droppedPackets(), qint64(3));
    model.append(publishes(6, 1)); // pending, dropped by clear() too
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedPackets(), qint64(0));
    QCOMPARE(model.pendingCount(), qint64(0));
    model.append(publishes(1, 1));
    model.flush();
    QCOMPARE(model.packetNumber(0), qint64(1)); // numbering starts again
}

void tst_PacketModel::filter_data()
{
    QTest::addColumn<QList<int>>("hidden"); // packet types unchecked
    QTest::addColumn<QStringList>("types");
    QTest::newRow("all") << QList<int>{} << QStringList{"CONNECT", "CONNACK", "SUBSCRIBE", "SUBACK", "PUBLISH", "PUBLISH", "PINGREQ"};
    QTest::newRow("no PUBLISH") << QList<int>{3} << QStringList{"CONNECT", "CONNACK", "SUBSCRIBE", "SUBACK", "PINGREQ"};
    QTest::newRow("no CONNECT, PINGREQ") << QList<int>{1, 12} << QStringList{"CONNACK", "SUBSCRIBE", "SUBACK", "PUBLISH", "PUBLISH"};
    QTest::newRow("nothing") << QList<int>{1, 2, 3, 8, 9, 12} << QStringList{};
}

void tst_PacketModel::filter()
{
    QFETCH(QList<int>, hidden);
    QFETCH(QStringList, types);
    PacketModel model;
    PacketFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int type : hidden)
        proxy.setTypeVisible(PacketType(type), false);
    for (int type : hidden)
        QVERIFY(!proxy.isTypeVisible(PacketType(type)));
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    const auto S = CapturedPacket::Direction::Sent;
    const auto R = CapturedPacket::Direction::Received;
    model.append({captured(QByteArray::fromHex("101000044d5154540402003c000461626364"), S),
                  captured(QByteArray::fromHex("20020000"), R),
                  captured(QByteArray::fromHex("820800010003612f6201"), S),
                  captured(QByteArray::fromHex("9003000101"), R),
                  publish(1), publish(2),
                  captured(QByteArray::fromHex("c000"), S)});
    model.flush();
    QCOMPARE(column(proxy, PacketModel::TypeColumn), types);
    // The proxy passes the batch on as one insert (or none when everything is hidden).
    QCOMPARE(inserted.count(), types.isEmpty() ? 0 : 1);
    proxy.setVisibleTypes(PacketFilterModel::kAllTypes);
    QCOMPARE(proxy.rowCount(), 7);
}

void tst_PacketModel::fields_data()
{
    QTest::addColumn<CapturedPacket>("packet");
    QTest::addColumn<QStringList>("expected"); // the whole tree, flattened

    ConnectPacket connect;
    connect.clientId = QStringLiteral("probe");
    connect.keepAlive = 30;
    connect.cleanStart = true;
    connect.username = QStringLiteral("alice");
    connect.password = QByteArray("s3cret!");
    Will will;
    will.topic = QStringLiteral("status/probe");
    will.payload = "offline";
    will.qos = 1;
    will.retain = true;
    will.properties.setWillDelayInterval(5);
    connect.will = will;
    connect.properties.setSessionExpiryInterval(3600);
    const QByteArray connectBytes = encode(connect, ProtocolVersion::V5);
    QTest::newRow("5.0 CONNECT with will and password")
        << captured(connectBytes, CapturedPacket::Direction::Sent, ProtocolVersion::V5)
        << QStringList{
               "Fixed header = 0x10",
               "Fixed header/Packet type = CONNECT (1)",
               "Fixed header/Flags = 0x0",
               QStringLiteral("Fixed header/Remaining length = %1").arg(connectBytes.size() - 2),
               "Protocol = MQTT 5.0 (5)",
               "Clean start = yes",
               "Keep alive = 30 s",
               "Client identifier = probe",
               "User name = alice",
               QStringLiteral("Password = •••••• (7 bytes)"),
               "Will = status/probe",
               "Will/Topic = status/probe",
               "Will/QoS = 1",
               "Will/Retain = yes",
               "Will/Payload size = 7 bytes",
               "Will/Will properties = 1",
               "Will/Will properties/Will Delay Interval = 5",
               "Properties = 1",
               "Properties/Session Expiry Interval = 3600",
           };

    PublishPacket pub;
    pub.topic = QStringLiteral("sensors/t1");
    pub.payload = "21.5";
    pub.qos = 1;
    pub.retain = true;
    pub.dup = true;
    pub.packetId = 513;
    pub.properties.setPayloadFormatIndicator(1);
    pub.properties.setMessageExpiryInterval(60);
    pub.properties.setContentType(QStringLiteral("text/plain"));
    pub.properties.setResponseTopic(QStringLiteral("reply/t1"));
    pub.properties.setCorrelationData(QByteArray::fromHex("0102ff"));
    pub.properties.addUserProperty(QStringLiteral("unit"), QStringLiteral("C"));
    pub.properties.addUserProperty(QStringLiteral("unit"), QStringLiteral("K"));
    pub.properties.addSubscriptionIdentifier(9);
    const QByteArray pubBytes = encode(pub, ProtocolVersion::V5);
    QTest::newRow("5.0 PUBLISH with properties")
        << captured(pubBytes, CapturedPacket::Direction::Received, ProtocolVersion::V5)
        << QStringList{
               "Fixed header = 0x3b",
               "Fixed header/Packet type = PUBLISH (3)",
               "Fixed header/DUP = yes",
               "Fixed header/QoS = 1",
               "Fixed header/RETAIN = yes",
               QStringLiteral("Fixed header/Remaining length = %1").arg(pubBytes.size() - 2),
               "Topic = sensors/t1",
               "Packet identifier = 513",
               "Payload size = 4 bytes",
               "Properties = 8",
               "Properties/Payload Format Indicator = 1",
               "Properties/Message Expiry Interval = 60",
               "Properties/Content Type = text/plain",
               "Properties/Response Topic = reply/t1",
               "Properties/Correlation Data = 01 02 ff (3 bytes)",
               "Properties/User Property = unit = C",
               "Properties/User Property = unit = K",
               "Properties/Subscription Identifier = 9",
           };

    SubackPacket suback5;
    suback5.packetId = 3;
    suback5.reasonCodes = {ReasonCode(0), ReasonCode(2), ReasonCode(0x87), ReasonCode(0xA2)};
    suback5.properties.setReasonString(QStringLiteral("partly"));
    QTest::newRow("5.0 SUBACK reason codes")
        << captured(encode(suback5, ProtocolVersion::V5), CapturedPacket::Direction::Received, ProtocolVersion::V5)
        << QStringList{
               "Fixed header = 0x90",
               "Fixed header/Packet type = SUBACK (9)",
               "Fixed header/Flags = 0x0",
               "Fixed header/Remaining length = 16",
               "Packet identifier = 3",
               "Reason codes = 4",
               "Reason codes/#1 = 0x00 Granted QoS 0",
               "Reason codes/#2 = 0x02 Granted QoS 2",
               "Reason codes/#3 = 0x87 Not authorized",
               "Reason codes/#4 = 0xa2 Wildcard subscription not supported",
               "Properties = 1",
               "Properties/Reason String = partly",
           };

    QTest::newRow("3.1.1 SUBACK with a failure")
        << captured(QByteArray::fromHex("900400050180"), CapturedPacket::Direction::Received)
        << QStringList{
               "Fixed header = 0x90",
               "Fixed header/Packet type = SUBACK (9)",
               "Fixed header/Flags = 0x0",
               "Fixed header/Remaining length = 4",
               "Packet identifier = 5",
               "Reason codes = 2",
               "Reason codes/#1 = 0x01 Granted QoS 1",
               "Reason codes/#2 = 0x80 Failure",
           };

    QTest::newRow("3.1.1 CONNACK refused")
        << captured(QByteArray::fromHex("20020005"), CapturedPacket::Direction::Received)
        << QStringList{
               "Fixed header = 0x20",
               "Fixed header/Packet type = CONNACK (2)",
               "Fixed header/Flags = 0x0",
               "Fixed header/Remaining length = 2",
               "Session present = no",
               "Return code = 0x05 Connection Refused: not authorised.",
           };

    Subscription sub;
    sub.filter = QStringLiteral("a/#");
    sub.qos = 2;
    sub.noLocal = true;
    sub.retainHandling = 2;
    SubscribePacket subscribe;
    subscribe.packetId = 1;
    subscribe.subscriptions = {sub};
    QTest::newRow("5.0 SUBSCRIBE options")
        << captured(encode(subscribe, ProtocolVersion::V5), CapturedPacket::Direction::Sent, ProtocolVersion::V5)
        << QStringList{
               "Fixed header = 0x82",
               "Fixed header/Packet type = SUBSCRIBE (8)",
               "Fixed header/Flags = 0x2",
               "Fixed header/Remaining length = 9",
               "Packet identifier = 1",
               "Subscriptions = 1",
               "Subscriptions/Topic filter = a/#",
               "Subscriptions/Topic filter/Maximum QoS = 2",
               "Subscriptions/Topic filter/No Local = yes",
               "Subscriptions/Topic filter/Retain As Published = no",
               "Subscriptions/Topic filter/Retain Handling = 2: do not send retained",
               "Properties = none",
           };

    QTest::newRow("malformed")
        << captured(QByteArray::fromHex("20030000"), CapturedPacket::Direction::Received)
        << QStringList{};
}

void tst_PacketModel::fields()
{
    QFETCH(CapturedPacket, packet);
    QFETCH(QStringList, expected);
    const QStringList actual = flatten(PacketFormatter::fields(packet));
    if (expected.isEmpty()) { // a decode failure: the fixed header, then why
        QCOMPARE(actual.size(), 5);
        QVERIFY2(actual.last().startsWith(QStringLiteral("Decode error = ")), qPrintable(actual.last()));
        return;
    }
    if (actual != expected)
        qWarning().noquote() << actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, expected);
}

// Neither the tree, the summary nor the table show a password.
void tst_PacketModel::passwordNeverShown()
{
    ConnectPacket connect;
    connect.clientId = QStringLiteral("c");
    connect.username = QStringLiteral("u");
    connect.password = QByteArray("hunter2");
    const CapturedPacket p = captured(encode(connect, ProtocolVersion::V311), CapturedPacket::Direction::Sent);
    const QString all = flatten(PacketFormatter::fields(p)).join(QLatin1Char('\n'));
    QVERIFY(!all.contains(QStringLiteral("hunter2")));
    QVERIFY(all.contains(QStringLiteral("Password = •••••• (7 bytes)")));
    QVERIFY(!PacketFormatter::summary(p).contains(QStringLiteral("hunter2")));
    PacketModel model;
    model.append({p});
    model.flush();
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.index(0, c).data().toString().contains(QStringLiteral("hunter2")));
}

void tst_PacketModel::passwordRange_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("will");
    QTest::addColumn<bool>("user");
    QTest::addColumn<QByteArray>("password"); // null: none
    for (int version : {4, 5}) {
        for (bool will : {false, true}) {
            QTest::addRow("v%d%s password", version, will ? " will" : "") << version << will << true << QByteArray("pa55 word");
            if (version == 5) // 3.1.1 has no password without a user name [MQTT-3.1.2-22]
                QTest::addRow("v%d%s password, no user", version, will ? " will" : "") << version << will << false << QByteArray("x");
            QTest::addRow("v%d%s empty password", version, will ? " will" : "") << version << will << true << QByteArray("");
            QTest::addRow("v%d%s no password", version, will ? " will" : "") << version << will << true << QByteArray();
        }
    }
}

// The hex dump masks exactly the password's bytes, wherever the other fields put them.
void tst_PacketModel::passwordRange()
{
    QFETCH(int, version);
    QFETCH(bool, will);
    QFETCH(bool, user);
    QFETCH(QByteArray, password);
    const auto v = ProtocolVersion(version);
    ConnectPacket connect;
    connect.clientId = QStringLiteral("client-1");
    if (user)
        connect.username = QStringLiteral("alice");
    if (!password.isNull())
        connect.password = password;
    if (will) {
        Will w;
        w.topic = QStringLiteral("w/t");
        w.payload = "bye";
        w.properties.setWillDelayInterval(3);
        connect.will = w;
    }
    connect.properties.setSessionExpiryInterval(10);
    const CapturedPacket p = captured(encode(connect, v), CapturedPacket::Direction::Sent, v);
    QVERIFY(!p.bytes.isEmpty());
    const auto [from, length] = PacketFormatter::passwordRange(p);
    if (password.isNull()) {
        QCOMPARE(length, qsizetype(0));
        return;
    }
    QCOMPARE(length, password.size());
    QCOMPARE(from + length, p.bytes.size()); // the password is the last field
    QCOMPARE(p.bytes.mid(from, length), password);
    const QString dump = PacketFormatter::hexDump(p.bytes, 1024, from, length);
    QCOMPARE(dump.count(QStringLiteral(" ••")), int(length));
    if (length > 0)
        QVERIFY(!dump.contains(QString::fromLatin1(password.left(4))));
    QCOMPARE(PacketFormatter::passwordRange(publish(1)), (std::pair<qsizetype, qsizetype>(0, 0)));
}

void tst_PacketModel::hexDump_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << 1024 << QString();
    QTest::newRow("PINGREQ") << QByteArray::fromHex("c000") << 1024
                             << QStringLiteral("00000000  c0 00                                             |..|\n");
    QTest::newRow("exactly 16")
        << QByteArray("0123456789abcdef") << 1024
        << QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n");
    QTest::newRow("CONNECT, two lines")
        << QByteArray::fromHex("101000044d5154540402003c000461626364") << 1024
        << QStringLiteral("00000000  10 10 00 04 4d 51 54 54  04 02 00 3c 00 04 61 62  |....MQTT...<..ab|\n"
                          "00000010  63 64                                             |cd|\n");
    QTest::newRow("nine bytes: the middle gap")
        << QByteArray("ABCDEFGH\x7f", 9) << 1024
        << QStringLiteral("00000000  41 42 43 44 45 46 47 48  7f                       |ABCDEFGH.|\n");
    QTest::newRow("masked")
        << QByteArray("user\x00\x03pwd", 9) << 1024
        << QStringLiteral("00000000  75 73 65 72 00 03 •• ••  ••                       |user..•••|\n");
    QTest::newRow("elided")
        << QByteArray(40, 'x') << 16
        << QStringLiteral("00000000  78 78 78 78 78 78 78 78  78 78 78 78 78 78 78 78  |xxxxxxxxxxxxxxxx|\n"
                          "… 24 more bytes not shown\n");
}

void tst_PacketModel::hexDump()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxBytes);
    QFETCH(QString, expected);
    const bool masked = QByteArray(QTest::currentDataTag()) == "masked";
    QCOMPARE(PacketFormatter::hexDump(bytes, maxBytes, masked ? 6 : 0, masked ? 3 : 0), expected);
}

QTEST_GUILESS_MAIN(tst_PacketModel)
#include "tst_packetmodel.moc"
