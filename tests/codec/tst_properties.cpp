// Properties (shared value type, order and repeats, typed accessors, tables) and reason code
// names as in paho's reasoncodes.py.
#include "codec/properties.h"
#include "codec/reasoncode.h"

#include <QVariant>
#include <QtTest>

using namespace mqtt;

class tst_Properties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAllocatesNothingAndCompares();
    void implicitSharingDetaches();
    void userPropertiesKeepOrderAndRepeats();
    void settersReplaceFirst();
    void typedAccessors();
    void genericAccessRespectsType();
    void removeAndCount();
    void metatype();
    void propertyTable_data();
    void propertyTable();
    void reasonCodeNames_data();
    void reasonCodeNames();
    void reasonCodesFromServer_data();
    void reasonCodesFromServer();
    void connackReturnCodeMapping_data();
    void connackReturnCodeMapping();
};

void tst_Properties::emptyAllocatesNothingAndCompares()
{
    Properties a;
    QVERIFY(a.isEmpty());
    QCOMPARE(a.size(), 0);
    QVERIFY(a.toList().isEmpty());
    Properties b;
    b.setReasonString(QStringLiteral("x"));
    b.clear();
    QVERIFY(a == b);
    QVERIFY(!a.contains(PropertyId::ReasonString));
    QVERIFY(!a.reasonString());
}

void tst_Properties::implicitSharingDetaches()
{
    Properties a;
    a.setReceiveMaximum(5);
    Properties b = a;
    QVERIFY(a == b);
    b.setReceiveMaximum(6);
    QCOMPARE(*a.receiveMaximum(), quint16(5));
    QCOMPARE(*b.receiveMaximum(), quint16(6));
    QVERIFY(a != b);
}

void tst_Properties::userPropertiesKeepOrderAndRepeats()
{
    Properties p;
    p.addUserProperty(QStringLiteral("z"), QStringLiteral("1"));
    p.setContentType(QStringLiteral("c"));
    p.addUserProperty(QStringLiteral("a"), QStringLiteral("2"));
    p.addUserProperty(QStringLiteral("z"), QStringLiteral("1"));
    const QList<UserProperty> expected{{"z", "1"}, {"a", "2"}, {"z", "1"}};
    QCOMPARE(p.userProperties(), expected);
    QCOMPARE(p.count(PropertyId::UserProperty), 3);
    QCOMPARE(p.at(1).id, PropertyId::ContentType); // wire order kept across ids
    Properties reordered;
    reordered.addUserProperty(QStringLiteral("a"), QStringLiteral("2"));
    reordered.addUserProperty(QStringLiteral("z"), QStringLiteral("1"));
    reordered.setContentType(QStringLiteral("c"));
    reordered.addUserProperty(QStringLiteral("z"), QStringLiteral("1"));
    QVERIFY(p != reordered); // order matters [MQTT-1.5.7-1]
}

void tst_Properties::settersReplaceFirst()
{
    Properties p;
    p.setSessionExpiryInterval(1);
    p.setSessionExpiryInterval(2);
    QCOMPARE(p.size(), 1);
    QCOMPARE(*p.sessionExpiryInterval(), 2u);
    p.addSubscriptionIdentifier(3);
    p.addSubscriptionIdentifier(4);
    QCOMPARE(p.subscriptionIdentifiers(), (QList<quint32>{3, 4}));
    QCOMPARE(*p.subscriptionIdentifier(), 3u);
    p.setSubscriptionIdentifier(9);
    QCOMPARE(p.subscriptionIdentifiers(), (QList<quint32>{9, 4}));
}

void tst_Properties::typedAccessors()
{
    Properties p;
    p.setPayloadFormatIndicator(1);
    p.setMessageExpiryInterval(0xFFFFFFFF);
    p.setContentType(QStringLiteral("ct"));
    p.setResponseTopic(QStringLiteral("rt"));
    p.setCorrelationData("cd");
    p.setSessionExpiryInterval(7);
    p.setAssignedClientIdentifier(QStringLiteral("aci"));
    p.setServerKeepAlive(65535);
    p.setAuthenticationMethod(QStringLiteral("am"));
    p.setAuthenticationData("ad");
    p.setRequestProblemInformation(0);
    p.setWillDelayInterval(8);
    p.setRequestResponseInformation(1);
    p.setResponseInformation(QStringLiteral("ri"));
    p.setServerReference(QStringLiteral("sr"));
    p.setReasonString(QStringLiteral("rs"));
    p.setReceiveMaximum(9);
    p.setTopicAliasMaximum(10);
    p.setTopicAlias(11);
    p.setMaximumQoS(1);
    p.setRetainAvailable(0);
    p.setMaximumPacketSize(12);
    p.setWildcardSubscriptionAvailable(1);
    p.setSubscriptionIdentifierAvailable(0);
    p.setSharedSubscriptionAvailable(1);
    QCOMPARE(p.size(), 25);
    QCOMPARE(*p.payloadFormatIndicator(), quint8(1));
    QCOMPARE(*p.messageExpiryInterval(), 0xFFFFFFFFu);
    QCOMPARE(*p.contentType(), QStringLiteral("ct"));
    QCOMPARE(*p.responseTopic(), QStringLiteral("rt"));
    QCOMPARE(*p.correlationData(), QByteArray("cd"));
    QCOMPARE(*p.sessionExpiryInterval(), 7u);
    QCOMPARE(*p.assignedClientIdentifier(), QStringLiteral("aci"));
    QCOMPARE(*p.serverKeepAlive(), quint16(65535));
    QCOMPARE(*p.authenticationMethod(), QStringLiteral("am"));
    QCOMPARE(*p.authenticationData(), QByteArray("ad"));
    QCOMPARE(*p.requestProblemInformation(), quint8(0));
    QCOMPARE(*p.willDelayInterval(), 8u);
    QCOMPARE(*p.requestResponseInformation(), quint8(1));
    QCOMPARE(*p.responseInformation(), QStringLiteral("ri"));
    QCOMPARE(*p.serverReference(), QStringLiteral("sr"));
    QCOMPARE(*p.reasonString(), QStringLiteral("rs"));
    QCOMPARE(*p.receiveMaximum(), quint16(9));
    QCOMPARE(*p.topicAliasMaximum(), quint16(10));
    QCOMPARE(*p.topicAlias(), quint16(11));
    QCOMPARE(*p.maximumQoS(), quint8(1));
    QCOMPARE(*p.retainAvailable(), quint8(0));
    QCOMPARE(*p.maximumPacketSize(), 12u);
    QCOMPARE(*p.wildcardSubscriptionAvailable(), quint8(1));
    QCOMPARE(*p.subscriptionIdentifierAvailable(), quint8(0));
    QCOMPARE(*p.sharedSubscriptionAvailable(), quint8(1));
}

void tst_Properties::genericAccessRespectsType()
{
    Properties p;
    p.setReasonString(QStringLiteral("r"));
    p.setReceiveMaximum(3);
    QVERIFY(!p.integer(PropertyId::ReasonString));
    QVERIFY(!p.string(PropertyId::ReceiveMaximum));
    QVERIFY(!p.binary(PropertyId::ReasonString));
    QCOMPARE(*p.integer(PropertyId::ReceiveMaximum), 3u);
    QCOMPARE(*p.string(PropertyId::ReasonString), QStringLiteral("r"));
}

void tst_Properties::removeAndCount()
{
    Properties p;
    p.addUserProperty(QStringLiteral("a"), QStringLiteral("b"));
    p.setTopicAlias(1);
    p.addUserProperty(QStringLiteral("c"), QStringLiteral("d"));
    p.remove(PropertyId::UserProperty);
    QCOMPARE(p.size(), 1);
    QCOMPARE(p.count(PropertyId::UserProperty), 0);
    QVERIFY(p.contains(PropertyId::TopicAlias));
}

void tst_Properties::metatype()
{
    Properties p;
    p.setReasonString(QStringLiteral("through a QVariant"));
    const QVariant v = QVariant::fromValue(p);
    QVERIFY(v.value<Properties>() == p);
    const QVariant rc = QVariant::fromValue(ReasonCode(0x87));
    QCOMPARE(rc.value<ReasonCode>().value, quint8(0x87));
}

void tst_Properties::propertyTable_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("packet");
    QTest::addColumn<bool>("inWill");
    QTest::addColumn<bool>("allowed");
    // A few lines of [S5] table 2-4, allowed and not.
    QTest::newRow("Topic Alias in PUBLISH") << 0x23 << int(PropertyType::TwoByteInteger) << "Topic Alias" << int(PacketType::Publish) << false << true;
    QTest::newRow("Topic Alias in PUBACK") << 0x23 << int(PropertyType::TwoByteInteger) << "Topic Alias" << int(PacketType::Puback) << false << false;
    QTest::newRow("Will Delay in Will") << 0x18 << int(PropertyType::FourByteInteger) << "Will Delay Interval" << int(PacketType::Connect) << true << true;
    QTest::newRow("Will Delay in CONNECT") << 0x18 << int(PropertyType::FourByteInteger) << "Will Delay Interval" << int(PacketType::Connect) << false << false;
    QTest::newRow("Subscription Identifier in SUBSCRIBE") << 0x0B << int(PropertyType::VariableByteInteger) << "Subscription Identifier" << int(PacketType::Subscribe) << false << true;
    QTest::newRow("User Property in AUTH") << 0x26 << int(PropertyType::Utf8StringPair) << "User Property" << int(PacketType::Auth) << false << true;
    QTest::newRow("User Property in PINGREQ") << 0x26 << int(PropertyType::Utf8StringPair) << "User Property" << int(PacketType::Pingreq) << false << false;
    QTest::newRow("Correlation Data in Will") << 0x09 << int(PropertyType::BinaryData) << "Correlation Data" << int(PacketType::Connect) << true << true;
    QTest::newRow("Reason String in CONNECT") << 0x1F << int(PropertyType::Utf8String) << "Reason String" << int(PacketType::Connect) << false << false;
    QTest::newRow("Server Reference in DISCONNECT") << 0x1C << int(PropertyType::Utf8String) << "Server Reference" << int(PacketType::Disconnect) << false << true;
}

void tst_Properties::propertyTable()
{
    QFETCH(int, id);
    QFETCH(int, type);
    QFETCH(QString, name);
    QFETCH(int, packet);
    QFETCH(bool, inWill);
    QFETCH(bool, allowed);
    QVERIFY(isKnownProperty(quint8(id)));
    QCOMPARE(int(propertyType(PropertyId(id))), type);
    QCOMPARE(QString::fromLatin1(propertyName(PropertyId(id))), name);
    QCOMPARE(isPropertyAllowed(PropertyId(id), PacketType(packet), inWill), allowed);
    QVERIFY(!isKnownProperty(0x00));
    QVERIFY(!isKnownProperty(0x04));
    QVERIFY(!isKnownProperty(0x2B));
}

void tst_Properties::reasonCodeNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("packet");
    QTest::addColumn<QString>("name");
    QTest::newRow("0 PUBACK") << 0 << int(PacketType::Puback) << "Success";
    QTest::newRow("0 DISCONNECT") << 0 << int(PacketType::Disconnect) << "Normal disconnection";
    QTest::newRow("0 SUBACK") << 0 << int(PacketType::Suback) << "Granted QoS 0";
    QTest::newRow("2 SUBACK") << 2 << int(PacketType::Suback) << "Granted QoS 2";
    QTest::newRow("0x04 DISCONNECT") << 0x04 << int(PacketType::Disconnect) << "Disconnect with will message";
    QTest::newRow("0x18 AUTH") << 0x18 << int(PacketType::Auth) << "Continue authentication";
    QTest::newRow("0x80 SUBACK") << 0x80 << int(PacketType::Suback) << "Unspecified error";
    QTest::newRow("0x87 CONNACK") << 0x87 << int(PacketType::Connack) << "Not authorized";
    QTest::newRow("0x8E DISCONNECT") << 0x8E << int(PacketType::Disconnect) << "Session taken over";
    QTest::newRow("0x92 PUBCOMP") << 0x92 << int(PacketType::Pubcomp) << "Packet identifier not found";
    QTest::newRow("0x9E SUBACK") << 0x9E << int(PacketType::Suback) << "Shared subscription not supported";
    QTest::newRow("0xA2 DISCONNECT") << 0xA2 << int(PacketType::Disconnect) << "Wildcard subscription not supported";
    QTest::newRow("0x99 CONNACK (spec, not paho)") << 0x99 << int(PacketType::Connack) << "Payload format invalid";
    QTest::newRow("0x92 PUBACK undefined") << 0x92 << int(PacketType::Puback) << "";
    QTest::newRow("0x03 SUBACK undefined") << 0x03 << int(PacketType::Suback) << "";
    QTest::newRow("0xFF undefined") << 0xFF << int(PacketType::Disconnect) << "";
}

void tst_Properties::reasonCodeNames()
{
    QFETCH(int, code);
    QFETCH(int, packet);
    QFETCH(QString, name);
    QCOMPARE(reasonCodeName(ReasonCode(quint8(code)), PacketType(packet)), name);
    QCOMPARE(isReasonCodeAllowed(ReasonCode(quint8(code)), PacketType(packet)), !name.isEmpty());
    QCOMPARE(ReasonCode(quint8(code)).isFailure(), code >= 0x80);
}

void tst_Properties::reasonCodesFromServer_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("packet");
    QTest::addColumn<bool>("v5");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("3.1.1 SUBACK 0x80") << 0x80 << int(PacketType::Suback) << false << true;
    QTest::newRow("3.1.1 SUBACK 0x87") << 0x87 << int(PacketType::Suback) << false << false;
    QTest::newRow("3.1.1 CONNACK 5") << 5 << int(PacketType::Connack) << false << true;
    QTest::newRow("3.1.1 CONNACK 6") << 6 << int(PacketType::Connack) << false << false;
    QTest::newRow("5.0 SUBACK 0x87") << 0x87 << int(PacketType::Suback) << true << true;
    QTest::newRow("5.0 DISCONNECT 0x04") << 0x04 << int(PacketType::Disconnect) << true << false;
    QTest::newRow("5.0 DISCONNECT 0x8B") << 0x8B << int(PacketType::Disconnect) << true << true;
    QTest::newRow("5.0 PUBREL 0x92") << 0x92 << int(PacketType::Pubrel) << true << true;
}

void tst_Properties::reasonCodesFromServer()
{
    QFETCH(int, code);
    QFETCH(int, packet);
    QFETCH(bool, v5);
    QFETCH(bool, allowed);
    QCOMPARE(isReasonCodeAllowedFromServer(ReasonCode(quint8(code)), PacketType(packet),
                                           v5 ? ProtocolVersion::V5 : ProtocolVersion::V311),
             allowed);
}

void tst_Properties::connackReturnCodeMapping_data()
{
    QTest::addColumn<int>("returnCode");
    QTest::addColumn<int>("reason");
    // paho v2 API: _handle_connack's conversion of 3.1.1 return codes.
    QTest::newRow("0") << 0 << 0x00;
    QTest::newRow("1") << 1 << 0x84;
    QTest::newRow("2") << 2 << 0x85;
    QTest::newRow("3") << 3 << 0x88;
    QTest::newRow("4") << 4 << 0x86;
    QTest::newRow("5") << 5 << 0x87;
    QTest::newRow("6") << 6 << 0x80;
}

void tst_Properties::connackReturnCodeMapping()
{
    QFETCH(int, returnCode);
    QFETCH(int, reason);
    QCOMPARE(int(reasonCodeFromConnackReturnCode(quint8(returnCode)).value), reason);
}

QTEST_APPLESS_MAIN(tst_Properties)
#include "tst_properties.moc"
