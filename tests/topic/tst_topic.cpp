#include "topic.h"

#include <QTest>

// Topic matching and validation against the 51 vectors and the validity lists of the semantics
// reference §4 (/work/shared/reference/mqtt-client-semantics.md). Vector numbers are kept in
// the row names so a failure points at the table row.
class tst_Topic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void filterValidity_data();
    void filterValidity();
    void topicNameValidity_data();
    void topicNameValidity();
    void utf8Length();
    void sharedSubscription_data();
    void sharedSubscription();
    void errorMessageQuotesAndLocates();
};

void tst_Topic::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");

    struct Row { const char *name; const char *filter; const char *topic; bool match; };
    const Row rows[] = {
        {"01", "sport/tennis/player1/#", "sport/tennis/player1", true},
        {"02", "sport/tennis/player1/#", "sport/tennis/player1/ranking", true},
        {"03", "sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true},
        {"04", "sport/#", "sport", true},
        {"05", "sport/tennis/+", "sport/tennis/player1", true},
        {"06", "sport/tennis/+", "sport/tennis/player1/ranking", false},
        {"07", "sport/+", "sport", false},
        {"08", "sport/+", "sport/", true},
        {"09", "+/+", "/finance", true},
        {"10", "/+", "/finance", true},
        {"11", "+", "/finance", false},
        {"12", "#", "$SYS/monitor/Clients", false},
        {"13", "+/monitor/Clients", "$SYS/monitor/Clients", false},
        {"14", "$SYS/#", "$SYS/monitor/Clients", true},
        {"15", "$SYS/monitor/+", "$SYS/monitor/Clients", true},
        {"16", "foo/#", "foo/", true},
        {"17", "foo/#", "foo", true},
        {"18", "foo//bar", "foo//bar", true},
        {"19", "foo//+", "foo//bar", true},
        {"20", "foo/+/+/baz", "foo///baz", true},
        {"21", "foo/bar/+", "foo/bar/", true},
        {"22", "foo/+/#", "foo/bar", true},
        {"23", "foo/+/#", "foo/bar/baz", true},
        {"24", "A/B/+/#", "A/B/B/C", true},
        {"25", "#", "/foo/bar", true},
        {"26", "/#", "/foo/bar", true},
        {"27", "$SYS/bar", "$SYS/bar", true},
        {"28", "test/6/#", "test/3", false},
        {"29", "foo/bar", "foo", false},
        {"30", "foo/+", "foo/bar/baz", false},
        {"31", "foo/+/baz", "foo/bar/bar", false},
        {"32", "foo/+/#", "fo2/bar/baz", false},
        {"33", "/#", "foo/bar", false},
        {"34", "#", "$SYS/bar", false},
        {"35", "$BOB/bar", "$SYS/bar", false},
        // 36-42 and 51: invalid input never matches, although paho compares some literally.
        {"36 invalid filter (paho matches)", "foo+", "foo+", false},
        {"37 invalid filter (paho matches)", "+foo", "+foo", false},
        {"38 invalid filter", "foo#", "foo", false},
        {"39 invalid filter", "#a", "foo", false},
        {"40 wildcard in topic (paho matches)", "foo/#", "foo/+", false},
        {"41 wildcard in topic", "foo/+", "foo/#", false},
        {"42 invalid filter", "a/#/b", "a/x/b", false},
        {"42 invalid filter, literal topic (paho matches)", "a/#/b", "a/#/b", false},
        {"43", "$SYS/#", "$SYS", true},
        {"44", "+", "$SYS", false},
        {"45", "#", "/", true},
        {"46 two empty levels", "+", "/", false},
        {"47", "+/+", "/", true},
        {"48", "a/+/#", "a", false},
        {"49 case-sensitive", "foo", "Foo", false},
        {"50 $share prefix not stripped", "$share/g/a/b", "a/b", false},
        {"51 empty topic, + (paho matches)", "+", "", false},
        {"51 empty topic, # (paho matches)", "#", "", false},
        // Extra guards around the same rules.
        {"empty filter", "", "", false},
        {"empty filter, topic", "", "a", false},
        {"exact", "a/b/c", "a/b/c", true},
        {"longer filter", "a/b/c", "a/b", false},
        {"+ then # on parent", "a/+/#", "a/b", true},
        {"$ topic explicit level", "$SYS/+/x", "$SYS/a/x", true},
        {"$ inside later level is not special", "a/#", "a/$b", true},
        {"+ matches $ in later level", "a/+", "a/$b", true},
        {"non-ASCII", "caf\xc3\xa9/+", "caf\xc3\xa9/x", true},
        {"NUL in topic", "a/#", "a/\0b", false},
    };
    for (const Row &r : rows) {
        // The NUL row needs an explicit length.
        const QString topic = QByteArrayView(r.name) == "NUL in topic"
                ? QStringLiteral("a/") + QChar(0) + QStringLiteral("b")
                : QString::fromUtf8(r.topic);
        QTest::newRow(r.name) << QString::fromUtf8(r.filter) << topic << r.match;
    }
}

void tst_Topic::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);
    QCOMPARE(mqtt::topicMatchesSub(filter, topic), expected);
}

void tst_Topic::filterValidity_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("statement"); // empty: valid

    const QString plusId = QStringLiteral("MQTT-4.7.1-2 (5.0)");
    const QString hashId = QStringLiteral("MQTT-4.7.1-1 (5.0)");
    // Valid, from mosquitto's sub_topic_check vectors and the spec examples.
    for (const char *f : {"+", "#", "+/+/+", "+/+/+/#", "sub/+/topic/#", "sub//topic",
                          "sport/tennis/player1/#", "sport/#", "/", "//", "$SYS/#",
                          "$share/g/a/b", "$share/g/#", "$share/group/+/x"}) {
        QTest::newRow(f) << QString::fromUtf8(f) << QString();
    }
    // Invalid, from the same vectors and the spec text (§4.7.1.2-3).
    const struct { const char *filter; bool plus; } invalid[] = {
        {"+sub/topic", true}, {"sub+/topic", true}, {"sub/+topic", true}, {"sub/topic+", true},
        {"#sub/topic", false}, {"sub#/topic", false}, {"sub/#topic", false},
        {"sub/topic#", false}, {"#/sub/topic", false},
        {"sport/tennis#", false}, {"sport/tennis/#/ranking", false}, {"sport+", true},
        {"++", true}, {"##", false}, {"a/#/", false}, {"$share/g/a+", true},
    };
    for (const auto &r : invalid)
        QTest::newRow(r.filter) << QString::fromUtf8(r.filter) << (r.plus ? plusId : hashId);
    QTest::newRow("empty") << QString() << QStringLiteral("MQTT-4.7.3-1");
    QTest::newRow("NUL") << (QStringLiteral("a/") + QChar(0)) << QStringLiteral("MQTT-4.7.3-2");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QStringLiteral("MQTT-1.5.4-1");
    QTest::newRow("too long") << QString(65536, u'a') << QStringLiteral("MQTT-4.7.3-3");
    QTest::newRow("max length") << QString(65535, u'a') << QString();
}

void tst_Topic::filterValidity()
{
    QFETCH(QString, filter);
    QFETCH(QString, statement);
    const QString error = mqtt::validateTopicFilter(filter);
    QCOMPARE(mqtt::isValidTopicFilter(filter), statement.isEmpty());
    if (statement.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(error.contains(statement), qPrintable(error));
    }
}

void tst_Topic::topicNameValidity_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("statement");

    const QString wildcard = QStringLiteral("MQTT-4.7.0-1 (5.0)");
    QTest::newRow("plain") << QStringLiteral("a/b") << QString();
    QTest::newRow("slash") << QStringLiteral("/") << QString();
    QTest::newRow("$SYS") << QStringLiteral("$SYS/broker/uptime") << QString();
    QTest::newRow("space and unicode") << QStringLiteral("a b/\u00e9/\U0001F600") << QString();
    QTest::newRow("+ level") << QStringLiteral("a/+") << wildcard;
    QTest::newRow("# level") << QStringLiteral("#") << wildcard;
    QTest::newRow("+ inside") << QStringLiteral("foo+") << wildcard;
    QTest::newRow("empty") << QString() << QStringLiteral("MQTT-4.7.3-1");
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0)) << QStringLiteral("MQTT-4.7.3-2");
    QTest::newRow("lone low surrogate") << (QStringLiteral("a") + QChar(0xDC00))
                                        << QStringLiteral("MQTT-1.5.4-1");
    QTest::newRow("high surrogate at end") << (QStringLiteral("a") + QChar(0xD83D))
                                           << QStringLiteral("MQTT-1.5.4-1");
    QTest::newRow("65536 bytes") << QString(65536, u'x') << QStringLiteral("MQTT-4.7.3-3");
}

void tst_Topic::topicNameValidity()
{
    QFETCH(QString, topic);
    QFETCH(QString, statement);
    const QString error = mqtt::validateTopicName(topic);
    QCOMPARE(mqtt::isValidTopicName(topic), statement.isEmpty());
    if (statement.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(statement), qPrintable(error));
}

// The 65535 limit is in UTF-8 bytes [MQTT-4.7.3-3], not in UTF-16 code units.
void tst_Topic::utf8Length()
{
    QVERIFY(mqtt::isValidTopicName(QString(32767, QChar(0xE9)) + u'a'));   // 65535 bytes
    QVERIFY(!mqtt::isValidTopicName(QString(32768, QChar(0xE9))));         // 65536 bytes
    QVERIFY(mqtt::isValidTopicName(QString(21845, QChar(0x20AC))));        // 3 bytes each
    QVERIFY(!mqtt::isValidTopicName(QString(21845, QChar(0x20AC)) + u'a'));
    // A surrogate pair is 4 bytes: 16383 pairs = 65532 bytes, plus 3 more ASCII is 65535.
    QString pairs;
    for (int i = 0; i < 16383; ++i)
        pairs += QStringLiteral("\U0001F600");
    QVERIFY(mqtt::isValidTopicFilter(pairs + QStringLiteral("/#")));
    QVERIFY(!mqtt::isValidTopicFilter(pairs + QStringLiteral("/a/#")));
}

void tst_Topic::sharedSubscription_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("shareName");
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("statement"); // empty: valid

    QTest::newRow("simple") << "$share/g/a/b" << "g" << "a/b" << QString();
    QTest::newRow("wildcard inner") << "$share/workers/sensors/+/t" << "workers"
                                    << "sensors/+/t" << QString();
    QTest::newRow("# inner") << "$share/g/#" << "g" << "#" << QString();
    QTest::newRow("$ inner") << "$share/g/$SYS/#" << "g" << "$SYS/#" << QString();
    QTest::newRow("empty share name") << "$share//a" << "" << "" << "MQTT-4.8.2-1";
    QTest::newRow("nothing after prefix") << "$share/" << "" << "" << "MQTT-4.8.2-1";
    QTest::newRow("+ in share name") << "$share/g+/a" << "" << "" << "MQTT-4.8.2-2";
    QTest::newRow("# in share name") << "$share/#/a" << "" << "" << "MQTT-4.8.2-2";
    QTest::newRow("no filter") << "$share/g" << "" << "" << "MQTT-4.8.2-2";
    QTest::newRow("empty filter") << "$share/g/" << "" << "" << "MQTT-4.8.2-2";
    QTest::newRow("invalid filter") << "$share/g/a/#/b" << "" << "" << "MQTT-4.7.1-1 (5.0)";
}

void tst_Topic::sharedSubscription()
{
    QFETCH(QString, filter);
    QFETCH(QString, shareName);
    QFETCH(QString, inner);
    QFETCH(QString, statement);

    QVERIFY(mqtt::isSharedSubscription(filter));
    QStringView name;
    QStringView innerView;
    const QString error = mqtt::parseSharedSubscription(filter, &name, &innerView);
    const QString validation = mqtt::validateTopicFilter(filter);
    if (statement.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(validation.isEmpty(), qPrintable(validation));
        QCOMPARE(name.toString(), shareName);
        QCOMPARE(innerView.toString(), inner);
        QCOMPARE(mqtt::routingFilter(filter).toString(), inner);
    } else {
        QVERIFY2(error.contains(statement), qPrintable(error));
        QVERIFY2(validation.contains(statement), qPrintable(validation));
        QVERIFY(name.isNull());
        // An invalid shared filter is not routed as a shorter one.
        QCOMPARE(mqtt::routingFilter(filter).toString(), filter);
    }
}

void tst_Topic::errorMessageQuotesAndLocates()
{
    const QString e = mqtt::validateTopicFilter(u"sport/tennis#");
    QVERIFY2(e.startsWith(QStringLiteral("Topic filter \"sport/tennis#\" (at character 13)")),
             qPrintable(e));
    QVERIFY(!mqtt::parseSharedSubscription(u"a/b", nullptr, nullptr).isEmpty());
    QCOMPARE(mqtt::routingFilter(u"a/b").toString(), QStringLiteral("a/b"));
    // Long input is elided, so the message stays one readable line.
    const QString longError = mqtt::validateTopicName(QString(70000, u'a'));
    QVERIFY(longError.size() < 300);
    QVERIFY(longError.contains(QStringLiteral("...")));
}

QTEST_APPLESS_MAIN(tst_Topic)
#include "tst_topic.moc"
