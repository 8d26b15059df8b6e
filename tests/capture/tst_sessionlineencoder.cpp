#include "capture/sessionlineencoder.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using mqtt::SessionEvent;
using mqtt::SessionLineEncoder;

namespace {

// The reference: what SessionWriter wrote before it had its own encoder.
QByteArray viaQJsonDocument(const SessionEvent &event)
{
    return QJsonDocument(mqtt::capture::eventToJson(event)).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray randomBytes(QRandomGenerator &rng, int size, bool asciiHeavy)
{
    QByteArray b(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i) {
        const quint32 r = rng.bounded(100);
        if (asciiHeavy && r < 80)
            b[i] = char(rng.bounded(0x00, 0x80));
        else if (asciiHeavy && r < 95)
            b[i] = char(rng.bounded(0x80, 0x100));
        else
            b[i] = char(rng.bounded(0x100));
    }
    return b;
}

// Valid UTF-8 of every length class (1 to 4 bytes), so random events also take the text path.
QByteArray randomUtf8(QRandomGenerator &rng, int chars)
{
    QString s;
    for (int i = 0; i < chars; ++i) {
        switch (rng.bounded(5)) {
        case 0:
            s += QChar(char16_t(rng.bounded(0x00, 0x80)));
            break;
        case 1:
            s += QChar(char16_t(rng.bounded(0x80, 0x800)));
            break;
        case 2:
            s += QChar(char16_t(rng.bounded(0xe000, 0x10000)));
            break;
        case 3:
            s += QString::fromUcs4(std::array<char32_t, 1>{char32_t(rng.bounded(0x10000, 0x110000))}.data(), 1);
            break;
        default:
            s += QLatin1String("ab\"\\/\n");
            break;
        }
    }
    return s.toUtf8();
}

QString randomUtf16(QRandomGenerator &rng, int units)
{
    QString s(units, Qt::Uninitialized);
    for (int i = 0; i < units; ++i) {
        // Lone and paired surrogates included: Qt escapes the ones with no UTF-8 form.
        s[i] = QChar(char16_t(rng.bounded(4) == 0 ? rng.bounded(0xd800, 0xe000)
                                                  : rng.bounded(0x10000)));
    }
    return s;
}

SessionEvent randomEvent(QRandomGenerator &rng)
{
    using T = SessionEvent::Type;
    const qint64 t = qint64(rng.bounded(2000000000)) * 1000 + rng.bounded(1000);
    switch (rng.bounded(6)) {
    case 0:
        return SessionEvent::log(mqtt::LogLevel(1 << rng.bounded(5)),
                                 randomUtf16(rng, rng.bounded(40)), t);
    case 1:
        return SessionEvent::connection(QStringLiteral("disconnected"), rng.bounded(-1, 70000),
                                        randomUtf16(rng, rng.bounded(3)), t);
    default:
        break;
    }
    const int size = rng.bounded(3) == 0 ? rng.bounded(2000) : rng.bounded(70);
    const QByteArray payload = rng.bounded(2) ? randomUtf8(rng, size)
                                              : randomBytes(rng, size, rng.bounded(2));
    SessionEvent e = SessionEvent::message(rng.bounded(2) ? T::Received : T::Sent,
                                           randomUtf16(rng, rng.bounded(1, 20)), payload,
                                           rng.bounded(3), rng.bounded(2), t);
    e.dup = rng.bounded(2);
    e.mid = rng.bounded(3) ? rng.bounded(65536) : 0;
    if (rng.bounded(2)) {
        auto &p = e.properties;
        p.payloadFormatIndicator = rng.bounded(-1, 2);
        p.messageExpiryInterval = rng.bounded(2) ? -1 : qint64(rng.generate());
        if (rng.bounded(2))
            p.contentType = randomUtf16(rng, rng.bounded(10));
        if (rng.bounded(2))
            p.responseTopic = randomUtf16(rng, rng.bounded(10));
        if (rng.bounded(2))
            p.correlationData = rng.bounded(2) ? randomUtf8(rng, rng.bounded(8))
                                               : randomBytes(rng, rng.bounded(8), false);
        p.topicAlias = rng.bounded(2) ? 0 : rng.bounded(1, 65536);
        for (int i = rng.bounded(4); i > 0; --i)
            p.subscriptionIdentifiers.append(rng.bounded(1, 268435456));
        for (int i = rng.bounded(4); i > 0; --i)
            p.userProperties.append({randomUtf16(rng, rng.bounded(5)),
                                     randomUtf16(rng, rng.bounded(5))});
    }
    return e;
}

} // namespace

class tst_SessionLineEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQJsonDocument_data();
    void sameBytesAsQJsonDocument();
    void randomEventsInOneStream();
    void appendsToExistingBuffer();
};

void tst_SessionLineEncoder::sameBytesAsQJsonDocument_data()
{
    QTest::addColumn<SessionEvent>("event");
    using T = SessionEvent::Type;
    const qint64 t = 1714564800123;

    QTest::newRow("text") << SessionEvent::message(T::Received, "a/b", "hello", 0, false, t);
    QTest::newRow("sent, retained") << SessionEvent::message(T::Sent, "a", "x", 1, true, t);
    QTest::newRow("empty payload") << SessionEvent::message(T::Received, "a", "", 1, true, t);
    QTest::newRow("null payload") << SessionEvent::message(T::Received, "a", QByteArray(), 0,
                                                           false, t);
    QTest::newRow("utf-8 2/3/4 bytes") << SessionEvent::message(
            T::Received, QStringLiteral("caf\u00e9/\u20ac/\U0001F600"),
            "gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x98\x80", 2, false, t);
    QTest::newRow("max code point") << SessionEvent::message(T::Received, "m", "\xf4\x8f\xbf\xbf",
                                                             0, false, t);
    QTest::newRow("above max code point") << SessionEvent::message(T::Received, "m",
                                                                   "\xf4\x90\x80\x80", 0, false, t);
    QTest::newRow("non-characters") << SessionEvent::message(T::Received, "n",
                                                             "\xef\xbf\xbe\xef\xbf\xbf", 0,
                                                             false, t);
    QTest::newRow("json text") << SessionEvent::message(T::Received, "j", "{\"a\":[1,\"\\n\"]}",
                                                        0, false, t);
    QByteArray controls;
    for (int c = 0; c < 0x20; ++c)
        controls.append(char(c));
    controls.append("\"\\/\x7f");
    QTest::newRow("control chars") << SessionEvent::message(T::Received, "c", controls, 0, false,
                                                            t);
    QTest::newRow("NUL byte") << SessionEvent::message(T::Received, "n", QByteArray("a\0b", 3),
                                                       0, false, t);
    QTest::newRow("binary 1 mod 3") << SessionEvent::message(T::Received, "b",
                                                             QByteArray::fromHex("ff"), 1,
                                                             false, t);
    QTest::newRow("binary 2 mod 3") << SessionEvent::message(T::Received, "b",
                                                             QByteArray::fromHex("00ff"), 1,
                                                             false, t);
    QTest::newRow("binary 0 mod 3") << SessionEvent::message(T::Received, "b",
                                                             QByteArray::fromHex("00ff80c0fe80"),
                                                             1, false, t);
    QTest::newRow("overlong") << SessionEvent::message(T::Received, "o", "\xc0\xaf", 0, false, t);
    QTest::newRow("cesu surrogate") << SessionEvent::message(T::Received, "s", "\xed\xa0\x80", 0,
                                                             false, t);
    QTest::newRow("truncated sequence at end") << SessionEvent::message(T::Received, "s",
                                                                        "ab\xe2\x82", 0, false, t);
    QTest::newRow("BOM") << SessionEvent::message(T::Received, "bom", "\xef\xbb\xbfx", 0, false,
                                                  t);
    QTest::newRow("BOM not first") << SessionEvent::message(T::Received, "bom", "x\xef\xbb\xbf",
                                                            0, false, t);
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("all bytes") << SessionEvent::message(T::Received, "all", all, 0, false, t);
    QTest::newRow("large") << SessionEvent::message(T::Received, "big", QByteArray(300000, 'x'),
                                                    0, false, t);
    QTest::newRow("topic with escapes") << SessionEvent::message(
            T::Received, QStringLiteral("a\"b\\c\nd\u0001"), "x", 0, false, t);
    QTest::newRow("topic with lone surrogates") << SessionEvent::message(
            T::Received, QString(QChar(0xd800)) + QChar('a') + QChar(0xdc00) + QChar(0xd83d),
            "x", 0, false, t);
    SessionEvent dupMid = SessionEvent::message(T::Received, "d", "x", 2, false, t);
    dupMid.dup = true;
    dupMid.mid = 65535;
    QTest::newRow("dup and mid") << dupMid;

    SessionEvent withProps = SessionEvent::message(T::Received, "p", "x", 1, false, t);
    withProps.mid = 42;
    withProps.dup = true;
    withProps.properties.payloadFormatIndicator = 1;
    withProps.properties.messageExpiryInterval = 4294967295LL;
    withProps.properties.contentType = QStringLiteral("application/json");
    withProps.properties.responseTopic = QStringLiteral("reply/here");
    withProps.properties.correlationData = QByteArray::fromHex("0001ff");
    withProps.properties.topicAlias = 7;
    withProps.properties.subscriptionIdentifiers = {1, 268435455};
    withProps.properties.userProperties = {{"k", "v1"}, {"k", "v2"}, {"a", ""},
                                           {QStringLiteral("\u00e9\n"), QStringLiteral("\"")}};
    QTest::newRow("all properties") << withProps;
    SessionEvent textCorrelation = SessionEvent::message(T::Sent, "p", "x", 0, false, t);
    textCorrelation.properties.correlationData = "req-1";
    textCorrelation.properties.contentType = QStringLiteral("");
    QTest::newRow("text correlation, empty content type") << textCorrelation;
    SessionEvent emptyCorrelation = SessionEvent::message(T::Sent, "p", "", 0, false, t);
    emptyCorrelation.properties.correlationData = QByteArray("");
    emptyCorrelation.properties.messageExpiryInterval = 0;
    emptyCorrelation.properties.payloadFormatIndicator = 0;
    QTest::newRow("empty correlation, zero expiry") << emptyCorrelation;
    SessionEvent onlyIds = SessionEvent::message(T::Received, "p", "x", 0, false, t);
    onlyIds.properties.subscriptionIdentifiers = {5};
    QTest::newRow("only a subscription identifier") << onlyIds;
    SessionEvent negativeAlias = SessionEvent::message(T::Received, "p", "x", 0, false, t);
    negativeAlias.properties.topicAlias = -1; // not empty, yet no key: "properties":{}
    QTest::newRow("properties object with no keys") << negativeAlias;

    QTest::newRow("log") << SessionEvent::log(mqtt::LogLevel::Debug,
                                              "Sending PUBLISH (d0, q1, r0, m3), 'a/b', ... "
                                              "(5 bytes)", t);
    QTest::newRow("log error, newline") << SessionEvent::log(mqtt::LogLevel::Err, "x\ny", t);
    QTest::newRow("log empty text") << SessionEvent::log(mqtt::LogLevel::Warning, QString(), t);
    QTest::newRow("log notice") << SessionEvent::log(mqtt::LogLevel::Notice, "n", t);
    QTest::newRow("connected") << SessionEvent::connection("connected", 0,
                                                           "Connection Accepted.", t);
    QTest::newRow("refused") << SessionEvent::connection("refused", 5,
                                                         "Connection Refused: not authorised.",
                                                         t);
    QTest::newRow("connecting, no code") << SessionEvent::connection("connecting", -1, "", t);
    QTest::newRow("null event name") << SessionEvent::connection(QString(), 65535, "x", t);

    QTest::newRow("epoch") << SessionEvent::log(mqtt::LogLevel::Info, "x", 0);
    QTest::newRow("999 ms") << SessionEvent::log(mqtt::LogLevel::Info, "x", 999);
    QTest::newRow("before 1970") << SessionEvent::log(mqtt::LogLevel::Info, "x", -1);
    QTest::newRow("before 1970, whole second") << SessionEvent::log(mqtt::LogLevel::Info, "x",
                                                                    -86400000);
    QTest::newRow("last ms of 9999") << SessionEvent::log(mqtt::LogLevel::Info, "x",
                                                          253402300799999LL);
    QTest::newRow("year 10000") << SessionEvent::log(mqtt::LogLevel::Info, "x",
                                                     253402300800000LL);
    QTest::newRow("leap day") << SessionEvent::log(mqtt::LogLevel::Info, "x", 951782400007LL);

    QRandomGenerator rng(14);
    for (int i = 0; i < 300; ++i)
        QTest::addRow("random %d", i) << randomEvent(rng);
}

void tst_SessionLineEncoder::sameBytesAsQJsonDocument()
{
    QFETCH(SessionEvent, event);
    SessionLineEncoder encoder;
    QByteArray out;
    encoder.append(out, event);
    QCOMPARE(out, viaQJsonDocument(event));
    // Again on the same encoder: the second goes through its cached time prefix.
    out.clear();
    encoder.append(out, event);
    QCOMPARE(out, viaQJsonDocument(event));
}

// One encoder over a long stream whose timestamps move forwards, backwards and stay within a
// second, as a writer sees them: the cached second must never leak into another one.
void tst_SessionLineEncoder::randomEventsInOneStream()
{
    QRandomGenerator rng(1414);
    SessionLineEncoder encoder;
    QByteArray fast;
    QByteArray reference;
    qint64 t = 1714564800000;
    for (int i = 0; i < 20000; ++i) {
        SessionEvent e = randomEvent(rng);
        t += rng.bounded(8) == 0 ? qint64(rng.bounded(-3000, 3000)) : rng.bounded(3);
        e.timestamp = t;
        encoder.append(fast, e);
        reference += viaQJsonDocument(e);
    }
    QCOMPARE(fast.size(), reference.size());
    QVERIFY(fast == reference);
}

void tst_SessionLineEncoder::appendsToExistingBuffer()
{
    SessionLineEncoder encoder;
    QByteArray out("previous line\n");
    const SessionEvent e = SessionEvent::message(SessionEvent::Type::Received, "t",
                                                 QByteArray::fromHex("ff00"), 0, false, 5);
    encoder.append(out, e);
    QCOMPARE(out, "previous line\n" + viaQJsonDocument(e));
}

QTEST_GUILESS_MAIN(tst_SessionLineEncoder)
#include "tst_sessionlineencoder.moc"
