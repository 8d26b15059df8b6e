#include "mqttstrings.h"

#include <QTest>

// paho's connack_string / error_string, character for character (semantics reference §5).
class tst_Strings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connackString_data();
    void connackString();
    void errorString_data();
    void errorString();
};

void tst_Strings::connackString_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0 << "Connection Accepted.";
    QTest::newRow("1") << 1 << "Connection Refused: unacceptable protocol version.";
    QTest::newRow("2") << 2 << "Connection Refused: identifier rejected.";
    QTest::newRow("3") << 3 << "Connection Refused: broker unavailable.";
    QTest::newRow("4") << 4 << "Connection Refused: bad user name or password.";
    QTest::newRow("5") << 5 << "Connection Refused: not authorised.";
    for (int code : {6, 255, 0x80, 0x87, -1, 1000})
        QTest::newRow(qPrintable(QString::number(code)))
                << code << "Connection Refused: unknown reason.";
}

void tst_Strings::connackString()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QCOMPARE(mqtt::connackString(code), text);
}

void tst_Strings::errorString_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    const char *texts[] = {
        "No error.",
        "Out of memory.",
        "A network protocol error occurred when communicating with the broker.",
        "Invalid function arguments provided.",
        "The client is not currently connected.",
        "The connection was refused.",
        "Message not found (internal error).",
        "The connection was lost.",
        "A TLS error occurred.",
        "Payload too large.",
        "This feature is not supported.",
        "Authorisation failed.",
        "Access denied by ACL.",
        "Unknown error.",
        "Error defined by errno.",
        "Message queue full.",
        "Client or broker did not communicate in the keepalive interval.",
    };
    for (int code = 0; code <= 16; ++code)
        QTest::newRow(qPrintable(QString::number(code))) << code << QString::fromUtf8(texts[code]);
    // paho has no string for AGAIN (-1) and none past KEEPALIVE.
    for (int code : {-1, -2, 17, 19, 255, 100000})
        QTest::newRow(qPrintable(QString::number(code))) << code << "Unknown error.";
}

void tst_Strings::errorString()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QCOMPARE(mqtt::errorString(code), text);
    // The enum overload must agree for every enumerator.
    if (code >= -1 && code <= 16)
        QCOMPARE(mqtt::errorString(static_cast<mqtt::Error>(code)), text);
}

QTEST_APPLESS_MAIN(tst_Strings)
#include "tst_strings.moc"
