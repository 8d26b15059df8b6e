// Encoder against byte vectors written by hand from the figures of MQTT 3.1.1 (§3.x) and
// 5.0 (§3.x), and round trips of every packet type and every property through the decoder.
#include "codectestutil.h"

#include "codec/encoder.h"
#include "codec/streamdecoder.h"

#include <QtTest>

using namespace mqtt;

namespace {

QList<StreamDecoder::Role> rolesFor(PacketType type, ProtocolVersion version = ProtocolVersion::V5)
{
    switch (type) {
    case PacketType::Disconnect:
        // 3.1.1 has no DISCONNECT from the server.
        if (version != ProtocolVersion::V5)
            return {StreamDecoder::Role::Server};
        return {StreamDecoder::Role::Client, StreamDecoder::Role::Server};
    case PacketType::Connect:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
    case PacketType::Pingreq:
        return {StreamDecoder::Role::Server};
    case PacketType::Connack:
    case PacketType::Suback:
    case PacketType::Unsuback:
    case PacketType::Pingresp:
        return {StreamDecoder::Role::Client};
    default:
        return {StreamDecoder::Role::Client, StreamDecoder::Role::Server};
    }
}

PublishPacket publish(const QString &topic, const QByteArray &payload, quint8 qos = 0,
                      quint16 id = 0)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    p.packetId = id;
    return p;
}

template<typename T>
Properties propertiesOf(const T &packet)
{
    if constexpr (std::is_same_v<T, ConnectPacket>) {
        // Will Properties count too: merge them after the CONNECT properties.
        Properties all = packet.properties;
        if (packet.will) {
            for (int i = 0; i < packet.will->properties.size(); ++i)
                all.append(packet.will->properties.at(i));
        }
        return all;
    } else if constexpr (std::is_same_v<T, PingreqPacket> || std::is_same_v<T, PingrespPacket>) {
        return Properties();
    } else {
        return packet.properties;
    }
}

} // namespace

class tst_Encoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specVectors_data();
    void specVectors();
    void remainingLengthBoundaries_data();
    void remainingLengthBoundaries();
    void everyProperty_data();
    void everyProperty();
    void roundTripRich_data();
    void roundTripRich();
    void rejectsUnencodable_data();
    void rejectsUnencodable();
    void encodeIntoAppends();
};

void tst_Encoder::specVectors_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QByteArray>("bytes");
    const auto V31 = ProtocolVersion::V31;
    const auto V311 = ProtocolVersion::V311;
    const auto V5 = ProtocolVersion::V5;

    ConnectPacket c;
    c.clientId = QStringLiteral("abc");
    QTest::newRow("CONNECT 3.1.1 minimal") << Packet(c) << V311
        << hex("10 0F 00 04 4D 51 54 54 04 02 00 3C 00 03 61 62 63");
    QTest::newRow("CONNECT 3.1 MQIsdp") << Packet(c) << V31
        << hex("10 11 00 06 4D 51 49 73 64 70 03 02 00 3C 00 03 61 62 63");
    QTest::newRow("CONNECT 5.0 minimal") << Packet(c) << V5
        << hex("10 10 00 04 4D 51 54 54 05 02 00 3C 00 00 03 61 62 63");

    // [S3] figure 3.6: flags 0xCE (user, password, will QoS 1, will, clean), keep alive 10.
    ConnectPacket full;
    full.clientId = QStringLiteral("c");
    full.keepAlive = 10;
    full.will = Will{QStringLiteral("w"), "p", 1, false, {}};
    full.username = QStringLiteral("u");
    full.password = QByteArray("pw");
    QTest::newRow("CONNECT 3.1.1 figure 3.6 flags") << Packet(full) << V311
        << hex("10 1A 00 04 4D 51 54 54 04 CE 00 0A 00 01 63 00 01 77 00 01 70 00 01 75 00 02 70 77");

    ConnectPacket c5;
    c5.clientId = QStringLiteral("c");
    c5.properties.setSessionExpiryInterval(10);
    Will w5{QStringLiteral("w"), "p", 0, true, {}};
    w5.properties.setWillDelayInterval(5);
    c5.will = w5;
    QTest::newRow("CONNECT 5.0 will properties") << Packet(c5) << V5
        << hex("10 1F 00 04 4D 51 54 54 05 26 00 3C 05 11 00 00 00 0A"
               "   00 01 63 05 18 00 00 00 05 00 01 77 00 01 70");

    ConnectPacket bridge;
    bridge.clientId = QStringLiteral("abc");
    bridge.bridge = true;
    bridge.cleanStart = false;
    QTest::newRow("CONNECT 3.1.1 bridge") << Packet(bridge) << V311
        << hex("10 0F 00 04 4D 51 54 54 84 00 00 3C 00 03 61 62 63");

    ConnectPacket pwOnly;
    pwOnly.clientId = QStringLiteral("");
    pwOnly.password = QByteArray("\x00\x01", 2);
    QTest::newRow("CONNECT 5.0 password without user") << Packet(pwOnly) << V5
        << hex("10 11 00 04 4D 51 54 54 05 42 00 3C 00 00 00 00 02 00 01");

    QTest::newRow("CONNACK 3.1.1 accepted") << Packet(ConnackPacket{}) << V311 << hex("20 02 00 00");
    QTest::newRow("CONNACK 3.1.1 session present") << Packet(ConnackPacket{true, 0, {}}) << V311 << hex("20 02 01 00");
    QTest::newRow("CONNACK 3.1.1 not authorised") << Packet(ConnackPacket{false, 5, {}}) << V311 << hex("20 02 00 05");
    ConnackPacket ca5;
    ca5.properties.setReceiveMaximum(10);
    ca5.properties.setAssignedClientIdentifier(QStringLiteral("id"));
    QTest::newRow("CONNACK 5.0 properties") << Packet(ca5) << V5
        << hex("20 0B 00 00 08 21 00 0A 12 00 02 69 64");
    QTest::newRow("CONNACK 5.0 refused") << Packet(ConnackPacket{false, 0x87, {}}) << V5 << hex("20 03 00 87 00");

    QTest::newRow("PUBLISH 3.1.1 QoS 0") << Packet(publish("a/b", "hi")) << V311 << hex("30 07 00 03 61 2F 62 68 69");
    QTest::newRow("PUBLISH 3.1.1 empty payload") << Packet(publish("a", "")) << V311 << hex("30 03 00 01 61");
    PublishPacket p1 = publish("a/b", "hi", 1, 10);
    p1.dup = true;
    p1.retain = true;
    QTest::newRow("PUBLISH 3.1.1 QoS 1 dup retain") << Packet(p1) << V311
        << hex("3B 09 00 03 61 2F 62 00 0A 68 69");
    QTest::newRow("PUBLISH 3.1.1 UTF-8 topic") << Packet(publish(QStringLiteral("\u00e9"), "x")) << V311
        << hex("30 05 00 02 C3 A9 78");
    PublishPacket p5 = publish("a/b", "hi", 2, 1);
    p5.properties.setTopicAlias(5);
    p5.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    QTest::newRow("PUBLISH 5.0 QoS 2 alias + user property") << Packet(p5) << V5
        << hex("34 14 00 03 61 2F 62 00 01 0A 23 00 05 26 00 01 6B 00 01 76 68 69");
    PublishPacket aliasOnly = publish("", "x");
    aliasOnly.properties.setTopicAlias(3);
    QTest::newRow("PUBLISH 5.0 alias only") << Packet(aliasOnly) << V5 << hex("30 07 00 00 03 23 00 03 78");
    QTest::newRow("PUBLISH 5.0 QoS 0 no properties") << Packet(publish("a/b", "hi")) << V5 << hex("30 08 00 03 61 2F 62 00 68 69");

    QTest::newRow("PUBACK 3.1.1") << Packet(PubackPacket{0x1234, 0, {}}) << V311 << hex("40 02 12 34");
    QTest::newRow("PUBACK 5.0 short form") << Packet(PubackPacket{0x1234, 0, {}}) << V5 << hex("40 02 12 34");
    QTest::newRow("PUBACK 5.0 reason only") << Packet(PubackPacket{0x1234, 0x10, {}}) << V5 << hex("40 03 12 34 10");
    Properties rs;
    rs.setReasonString(QStringLiteral("x"));
    QTest::newRow("PUBACK 5.0 reason string") << Packet(PubackPacket{0x1234, 0x10, rs}) << V5
        << hex("40 08 12 34 10 04 1F 00 01 78");
    QTest::newRow("PUBACK 5.0 success with property") << Packet(PubackPacket{1, 0, rs}) << V5
        << hex("40 08 00 01 00 04 1F 00 01 78");
    QTest::newRow("PUBREC 3.1.1") << Packet(PubrecPacket{1, 0, {}}) << V311 << hex("50 02 00 01");
    QTest::newRow("PUBREC 5.0 failure") << Packet(PubrecPacket{1, 0x80, {}}) << V5 << hex("50 03 00 01 80");
    QTest::newRow("PUBREL 3.1.1") << Packet(PubrelPacket{1, 0, {}}) << V311 << hex("62 02 00 01");
    QTest::newRow("PUBREL 5.0 not found") << Packet(PubrelPacket{1, 0x92, {}}) << V5 << hex("62 03 00 01 92");
    QTest::newRow("PUBCOMP 3.1.1") << Packet(PubcompPacket{0xFFFF, 0, {}}) << V311 << hex("70 02 FF FF");

    SubscribePacket s;
    s.packetId = 10;
    s.subscriptions = {Subscription{"a/b", 1, false, false, 0}, Subscription{"c/d", 2, false, false, 0}};
    QTest::newRow("SUBSCRIBE 3.1.1 two filters") << Packet(s) << V311
        << hex("82 0E 00 0A 00 03 61 2F 62 01 00 03 63 2F 64 02");
    SubscribePacket s5;
    s5.packetId = 10;
    s5.subscriptions = {Subscription{"a/b", 1, true, true, 2}};
    s5.properties.setSubscriptionIdentifier(7);
    QTest::newRow("SUBSCRIBE 5.0 options") << Packet(s5) << V5
        << hex("82 0B 00 0A 02 0B 07 00 03 61 2F 62 2D");
    SubscribePacket sRh1;
    sRh1.packetId = 2;
    sRh1.subscriptions = {Subscription{"#", 0, false, false, 1}};
    QTest::newRow("SUBSCRIBE 5.0 retain handling 1") << Packet(sRh1) << V5 << hex("82 07 00 02 00 00 01 23 10");

    QTest::newRow("SUBACK 3.1.1") << Packet(SubackPacket{10, {0, 1, 2, 0x80}, {}}) << V311
        << hex("90 06 00 0A 00 01 02 80");
    QTest::newRow("SUBACK 5.0") << Packet(SubackPacket{10, {1, 0x87, 0xA2}, {}}) << V5
        << hex("90 06 00 0A 00 01 87 A2");

    UnsubscribePacket u;
    u.packetId = 10;
    u.filters = QStringList{QStringLiteral("a/b"), QStringLiteral("c/d")};
    QTest::newRow("UNSUBSCRIBE 3.1.1") << Packet(u) << V311 << hex("A2 0C 00 0A 00 03 61 2F 62 00 03 63 2F 64");
    QTest::newRow("UNSUBSCRIBE 5.0") << Packet(u) << V5 << hex("A2 0D 00 0A 00 00 03 61 2F 62 00 03 63 2F 64");
    QTest::newRow("UNSUBACK 3.1.1") << Packet(UnsubackPacket{10, {}, {}}) << V311 << hex("B0 02 00 0A");
    QTest::newRow("UNSUBACK 5.0") << Packet(UnsubackPacket{10, {0x00, 0x11}, {}}) << V5 << hex("B0 05 00 0A 00 00 11");

    QTest::newRow("PINGREQ") << Packet(PingreqPacket{}) << V311 << hex("C0 00");
    QTest::newRow("PINGRESP") << Packet(PingrespPacket{}) << V5 << hex("D0 00");
    QTest::newRow("DISCONNECT 3.1.1") << Packet(DisconnectPacket{}) << V311 << hex("E0 00");
    QTest::newRow("DISCONNECT 5.0 normal") << Packet(DisconnectPacket{}) << V5 << hex("E0 00");
    QTest::newRow("DISCONNECT 5.0 session taken over") << Packet(DisconnectPacket{0x8E, {}}) << V5 << hex("E0 01 8E");
    Properties se;
    se.setSessionExpiryInterval(0);
    QTest::newRow("DISCONNECT 5.0 session expiry") << Packet(DisconnectPacket{0, se}) << V5
        << hex("E0 07 00 05 11 00 00 00 00");
    Properties am;
    am.setAuthenticationMethod(QStringLiteral("SCRAM"));
    QTest::newRow("AUTH 5.0 continue") << Packet(AuthPacket{0x18, am}) << V5
        << hex("F0 0A 18 08 15 00 05 53 43 52 41 4D");
    QTest::newRow("AUTH 5.0 success short") << Packet(AuthPacket{}) << V5 << hex("F0 00");
}

void tst_Encoder::specVectors()
{
    QFETCH(Packet, packet);
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);

    QString error;
    const QByteArray encoded = encode(packet, version, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(spacedHex(encoded), spacedHex(bytes));

    for (StreamDecoder::Role role : rolesFor(packetType(packet), version)) {
        DecodeError decodeError;
        const std::optional<Packet> decoded = decodePacket(bytes, version, role, &decodeError);
        QVERIFY2(decoded, qPrintable(decodeError.toString()));
        QVERIFY(*decoded == packet);
    }
}

void tst_Encoder::remainingLengthBoundaries_data()
{
    QTest::addColumn<int>("remainingLength");
    QTest::addColumn<QByteArray>("lengthBytes");
    // [S3] §2.2.3 / [S5] §1.5.5 table: boundaries of 1..4-byte encodings.
    QTest::newRow("0") << 0 << hex("00");
    QTest::newRow("127") << 127 << hex("7F");
    QTest::newRow("128") << 128 << hex("80 01");
    QTest::newRow("16383") << 16383 << hex("FF 7F");
    QTest::newRow("16384") << 16384 << hex("80 80 01");
    QTest::newRow("2097151") << 2097151 << hex("FF FF 7F");
    QTest::newRow("2097152") << 2097152 << hex("80 80 80 01");
}

void tst_Encoder::remainingLengthBoundaries()
{
    QFETCH(int, remainingLength);
    QFETCH(QByteArray, lengthBytes);
    QCOMPARE(variableByteIntegerSize(quint32(remainingLength)), lengthBytes.size());
    if (remainingLength < 3)
        return; // a PUBLISH needs at least a topic
    // QoS 0 PUBLISH, topic "a": 3 bytes of topic, the rest payload.
    const PublishPacket p = publish("a", QByteArray(remainingLength - 3, 'x'));
    const QByteArray encoded = encode(p, ProtocolVersion::V311);
    QCOMPARE(encoded.size(), 1 + lengthBytes.size() + remainingLength);
    QCOMPARE(spacedHex(encoded.mid(1, lengthBytes.size())), spacedHex(lengthBytes));
    StreamDecoder decoder;
    decoder.feed(encoded);
    const std::optional<Packet> decoded = decoder.next();
    QVERIFY2(decoded, qPrintable(decoder.error().toString()));
    QVERIFY(*decoded == Packet(p));
    QCOMPARE(decoder.lastPacketSize(), encoded.size());
}

void tst_Encoder::everyProperty_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<int>("propertyId");

    auto add = [](const char *name, Packet packet, PropertyId id) {
        QTest::newRow(name) << packet << int(id);
    };
    auto pub = [](auto setter) {
        PublishPacket p = publish("t", "x", 1, 1);
        setter(p.properties);
        return Packet(p);
    };
    auto connack = [](auto setter) {
        ConnackPacket c;
        setter(c.properties);
        return Packet(c);
    };
    auto connect = [](auto setter) {
        ConnectPacket c;
        c.clientId = QStringLiteral("id");
        setter(c.properties);
        return Packet(c);
    };
    auto will = [](auto setter) {
        ConnectPacket c;
        c.clientId = QStringLiteral("id");
        c.will = Will{QStringLiteral("w"), "bye", 1, false, {}};
        setter(c.will->properties);
        return Packet(c);
    };
    using P = Properties;
    add("Payload Format Indicator", pub([](P &p) { p.setPayloadFormatIndicator(1); }), PropertyId::PayloadFormatIndicator);
    add("Message Expiry Interval", pub([](P &p) { p.setMessageExpiryInterval(0xFFFFFFFF); }), PropertyId::MessageExpiryInterval);
    add("Content Type", pub([](P &p) { p.setContentType(QStringLiteral("application/json")); }), PropertyId::ContentType);
    add("Response Topic", pub([](P &p) { p.setResponseTopic(QStringLiteral("r/\u00fc")); }), PropertyId::ResponseTopic);
    add("Correlation Data", pub([](P &p) { p.setCorrelationData(QByteArray("\x00\xFF\x01", 3)); }), PropertyId::CorrelationData);
    add("Subscription Identifier (PUBLISH, repeated)", pub([](P &p) {
            p.addSubscriptionIdentifier(268435455);
            p.addSubscriptionIdentifier(1);
        }), PropertyId::SubscriptionIdentifier);
    SubscribePacket sub;
    sub.packetId = 3;
    sub.subscriptions = {Subscription{"a/#", 1, false, false, 0}};
    sub.properties.setSubscriptionIdentifier(16384);
    add("Subscription Identifier (SUBSCRIBE)", Packet(sub), PropertyId::SubscriptionIdentifier);
    add("Session Expiry Interval", connect([](P &p) { p.setSessionExpiryInterval(3600); }), PropertyId::SessionExpiryInterval);
    add("Assigned Client Identifier", connack([](P &p) { p.setAssignedClientIdentifier(QStringLiteral("auto-1")); }), PropertyId::AssignedClientIdentifier);
    add("Server Keep Alive", connack([](P &p) { p.setServerKeepAlive(0); }), PropertyId::ServerKeepAlive);
    add("Authentication Method", connect([](P &p) { p.setAuthenticationMethod(QStringLiteral("SCRAM-SHA-1")); }), PropertyId::AuthenticationMethod);
    add("Authentication Data", Packet(AuthPacket{0x18, [] {
            P p;
            p.setAuthenticationMethod(QStringLiteral("m"));
            p.setAuthenticationData(QByteArray(300, '\x01'));
            return p;
        }()}), PropertyId::AuthenticationData);
    add("Request Problem Information", connect([](P &p) { p.setRequestProblemInformation(0); }), PropertyId::RequestProblemInformation);
    add("Will Delay Interval", will([](P &p) { p.setWillDelayInterval(60); }), PropertyId::WillDelayInterval);
    add("Request Response Information", connect([](P &p) { p.setRequestResponseInformation(1); }), PropertyId::RequestResponseInformation);
    add("Response Information", connack([](P &p) { p.setResponseInformation(QStringLiteral("resp/")); }), PropertyId::ResponseInformation);
    add("Server Reference", Packet(DisconnectPacket{0x9C, [] {
            P p;
            p.setServerReference(QStringLiteral("other:1883"));
            return p;
        }()}), PropertyId::ServerReference);
    add("Reason String", Packet(PubrelPacket{9, 0x92, [] {
            P p;
            p.setReasonString(QStringLiteral("gone"));
            return p;
        }()}), PropertyId::ReasonString);
    add("Receive Maximum", connect([](P &p) { p.setReceiveMaximum(65535); }), PropertyId::ReceiveMaximum);
    add("Topic Alias Maximum", connack([](P &p) { p.setTopicAliasMaximum(10); }), PropertyId::TopicAliasMaximum);
    add("Topic Alias", pub([](P &p) { p.setTopicAlias(65535); }), PropertyId::TopicAlias);
    add("Maximum QoS", connack([](P &p) { p.setMaximumQoS(1); }), PropertyId::MaximumQoS);
    add("Retain Available", connack([](P &p) { p.setRetainAvailable(0); }), PropertyId::RetainAvailable);
    add("User Property (order, repeats)", Packet(SubackPacket{4, {0}, [] {
            P p;
            p.addUserProperty(QStringLiteral("b"), QStringLiteral("1"));
            p.addUserProperty(QStringLiteral("a"), QStringLiteral("2"));
            p.addUserProperty(QStringLiteral("b"), QStringLiteral("1"));
            p.addUserProperty(QString(), QString());
            return p;
        }()}), PropertyId::UserProperty);
    add("User Property in Will", will([](P &p) { p.addUserProperty(QStringLiteral("k"), QStringLiteral("v")); }), PropertyId::UserProperty);
    add("Maximum Packet Size", connack([](P &p) { p.setMaximumPacketSize(268435460); }), PropertyId::MaximumPacketSize);
    add("Wildcard Subscription Available", connack([](P &p) { p.setWildcardSubscriptionAvailable(0); }), PropertyId::WildcardSubscriptionAvailable);
    add("Subscription Identifier Available", connack([](P &p) { p.setSubscriptionIdentifierAvailable(1); }), PropertyId::SubscriptionIdentifierAvailable);
    add("Shared Subscription Available", connack([](P &p) { p.setSharedSubscriptionAvailable(0); }), PropertyId::SharedSubscriptionAvailable);
}

void tst_Encoder::everyProperty()
{
    QFETCH(Packet, packet);
    QFETCH(int, propertyId);

    QString error;
    const QByteArray bytes = encode(packet, ProtocolVersion::V5, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    StreamDecoder::Role role = rolesFor(packetType(packet)).constFirst();
    if (packetType(packet) == PacketType::Publish)
        role = StreamDecoder::Role::Client; // repeated Subscription Identifiers: server PUBLISH
    DecodeError decodeError;
    const std::optional<Packet> decoded = decodePacket(bytes, ProtocolVersion::V5, role, &decodeError);
    QVERIFY2(decoded, qPrintable(decodeError.toString()));
    QVERIFY(*decoded == packet);

    // The property really came back through the wire.
    const Properties props = std::visit([](const auto &p) { return propertiesOf(p); }, *decoded);
    QVERIFY(props.contains(PropertyId(propertyId)));
}

void tst_Encoder::roundTripRich_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<ProtocolVersion>("version");

    ConnectPacket c;
    c.clientId = QStringLiteral("client-\u00e4");
    c.cleanStart = false;
    c.keepAlive = 0;
    c.username = QStringLiteral("user");
    c.password = QByteArray(70000 / 2, '\xAA');
    c.will = Will{QStringLiteral("last/will"), QByteArray(1000, '\0'), 2, true, {}};
    c.properties.setReceiveMaximum(20);
    c.properties.setTopicAliasMaximum(5);
    c.properties.setMaximumPacketSize(1 << 20);
    c.properties.addUserProperty(QStringLiteral("x"), QStringLiteral("y"));
    c.will->properties.setContentType(QStringLiteral("text/plain"));
    c.will->properties.setMessageExpiryInterval(30);
    QTest::newRow("CONNECT 5.0 everything") << Packet(c) << ProtocolVersion::V5;
    ConnectPacket c3 = c;
    c3.properties = Properties();
    c3.will->properties = Properties();
    QTest::newRow("CONNECT 3.1.1 everything") << Packet(c3) << ProtocolVersion::V311;
    QTest::newRow("CONNECT 3.1 everything") << Packet(c3) << ProtocolVersion::V31;

    ConnackPacket ca;
    ca.sessionPresent = true;
    ca.properties.setServerKeepAlive(30);
    ca.properties.setAuthenticationMethod(QStringLiteral("m"));
    ca.properties.setAuthenticationData("data");
    ca.properties.setReasonString(QStringLiteral("welcome"));
    QTest::newRow("CONNACK 5.0 session present") << Packet(ca) << ProtocolVersion::V5;

    PublishPacket big = publish(QString(65535, QLatin1Char('t')), QByteArray(100000, 'p'), 2, 65535);
    QTest::newRow("PUBLISH longest topic") << Packet(big) << ProtocolVersion::V311;
    QTest::newRow("PUBLISH 5.0 longest topic") << Packet(big) << ProtocolVersion::V5;

    SubscribePacket s;
    s.packetId = 65535;
    for (int i = 0; i < 50; ++i)
        s.subscriptions.append(Subscription{QStringLiteral("f/%1/+").arg(i), quint8(i % 3), bool(i % 2), bool(i % 5), quint8(i % 3)});
    QTest::newRow("SUBSCRIBE 5.0 fifty filters") << Packet(s) << ProtocolVersion::V5;

    UnsubackPacket ua{7, {0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91}, {}};
    ua.properties.setReasonString(QStringLiteral("partly"));
    QTest::newRow("UNSUBACK 5.0 every code") << Packet(ua) << ProtocolVersion::V5;
    SubackPacket sa{8, {0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2}, {}};
    QTest::newRow("SUBACK 5.0 every code") << Packet(sa) << ProtocolVersion::V5;
    AuthPacket reauth{0x19, {}};
    reauth.properties.setAuthenticationMethod(QStringLiteral("m"));
    QTest::newRow("AUTH re-authenticate") << Packet(reauth) << ProtocolVersion::V5;
}

void tst_Encoder::roundTripRich()
{
    QFETCH(Packet, packet);
    QFETCH(ProtocolVersion, version);
    QString error;
    const QByteArray bytes = encode(packet, version, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    for (StreamDecoder::Role role : rolesFor(packetType(packet), version)) {
        DecodeError decodeError;
        const std::optional<Packet> decoded = decodePacket(bytes, version, role, &decodeError);
        QVERIFY2(decoded, qPrintable(decodeError.toString()));
        QVERIFY(*decoded == packet);
        QCOMPARE(encode(*decoded, version), bytes);
    }
}

void tst_Encoder::rejectsUnencodable_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("PUBLISH QoS 3") << Packet(publish("a", "", 3, 1)) << ProtocolVersion::V311 << "QoS";
    QTest::newRow("PUBLISH QoS 1 id 0") << Packet(publish("a", "", 1, 0)) << ProtocolVersion::V311 << "packet identifier";
    QTest::newRow("PUBLISH empty topic 3.1.1") << Packet(publish("", "x")) << ProtocolVersion::V311 << "topic";
    QTest::newRow("PUBLISH topic too long") << Packet(publish(QString(65536, QLatin1Char('a')), "")) << ProtocolVersion::V311 << "65535";
    ConnectPacket pw;
    pw.password = QByteArray("x");
    QTest::newRow("CONNECT 3.1.1 password without user") << Packet(pw) << ProtocolVersion::V311 << "MQTT-3.1.2-22";
    ConnectPacket wq;
    wq.will = Will{QStringLiteral("w"), "", 3, false, {}};
    QTest::newRow("CONNECT will QoS 3") << Packet(wq) << ProtocolVersion::V311 << "MQTT-3.1.2-14";
    QTest::newRow("SUBSCRIBE empty") << Packet(SubscribePacket{1, {}, {}}) << ProtocolVersion::V311 << "MQTT-3.8.3-3";
    QTest::newRow("SUBSCRIBE id 0") << Packet(SubscribePacket{0, {Subscription{"a", 0, false, false, 0}}, {}}) << ProtocolVersion::V311 << "packet identifier";
    QTest::newRow("UNSUBSCRIBE empty") << Packet(UnsubscribePacket{1, {}, {}}) << ProtocolVersion::V311 << "MQTT-3.10.3-2";
    QTest::newRow("PUBACK id 0") << Packet(PubackPacket{0, 0, {}}) << ProtocolVersion::V5 << "packet identifier";
    QTest::newRow("AUTH in 3.1.1") << Packet(AuthPacket{}) << ProtocolVersion::V311 << "5.0";
    Properties longString;
    longString.setReasonString(QString(70000, QLatin1Char('r')));
    QTest::newRow("property string too long") << Packet(DisconnectPacket{0x80, longString}) << ProtocolVersion::V5 << "65535";
}

void tst_Encoder::rejectsUnencodable()
{
    QFETCH(Packet, packet);
    QFETCH(ProtocolVersion, version);
    QFETCH(QString, errorContains);
    QString error;
    QVERIFY(encode(packet, version, &error).isEmpty());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void tst_Encoder::encodeIntoAppends()
{
    QByteArray out("prefix");
    QVERIFY(encodeInto(out, publish("a/b", "hi"), ProtocolVersion::V311));
    QCOMPARE(out, QByteArray("prefix") + hex("30 07 00 03 61 2F 62 68 69"));
    QString error;
    QVERIFY(!encodeInto(out, publish("a", "", 3, 1), ProtocolVersion::V311, &error));
    QCOMPARE(out.size(), 6 + 9); // unchanged on failure
    QVERIFY(!error.isEmpty());
}

QTEST_APPLESS_MAIN(tst_Encoder)
#include "tst_encoder.moc"
