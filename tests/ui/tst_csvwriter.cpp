#include "csvwriter.h"
#include "rfc4180reader.h"

#include <QTest>

using mqtt::SessionEvent;

// CsvWriter's rows read back with a strict RFC 4180 reader: every payload, topic and text
// comes back byte for byte, binary payloads in their own base64 column.
class tst_CsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data();
    void field();
    void payloadRoundTrip_data();
    void payloadRoundTrip();
    void logAndConnectionRows();
    void propertiesColumn();
    void readerRejects_data();
    void readerRejects();
};

void tst_CsvWriter::field_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << QByteArray("21.5") << QByteArray("21.5");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("LF") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("CRLF") << QByteArray("a\r\nb") << QByteArray("\"a\r\nb\"");
    QTest::newRow("only quote") << QByteArray("\"") << QByteArray("\"\"\"\"");
    QTest::newRow("spaces kept") << QByteArray(" x ") << QByteArray(" x ");
}

void tst_CsvWriter::field()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QByteArray written;
    CsvWriter::appendField(written, in);
    QCOMPARE(written, out);
}

void tst_CsvWriter::payloadRoundTrip_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("binary");
    QTest::newRow("number") << QByteArray("21.5") << false;
    QTest::newRow("json with quotes and commas")
        << QByteArray("{\"a\": 1, \"b\": \"x,y\"}") << false;
    QTest::newRow("multi-line") << QByteArray("line 1\nline 2\r\nline 3\r") << false;
    QTest::newRow("utf-8") << QByteArray("温度 23 °C") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("binary") << QByteArray("\x00\xff\x10\"\n,", 6) << true;
    QTest::newRow("invalid utf-8") << QByteArray("\xc3\x28") << true;
}

void tst_CsvWriter::payloadRoundTrip()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, binary);
    SessionEvent e = SessionEvent::message(SessionEvent::Type::Received,
                                           QStringLiteral("a,b/\"c\""), payload, 1, true,
                                           1714564800123);
    e.mid = 7;
    QByteArray csv = CsvWriter::headerRow();
    CsvWriter::appendRow(csv, e);
    QList<rfc4180::Record> records;
    QString error;
    QVERIFY2(rfc4180::parse(csv, &records, &error), qPrintable(error));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0), CsvWriter::columns());
    const rfc4180::Record &r = records.at(1);
    QCOMPARE(r.at(0), QByteArray("2024-05-01T12:00:00.123Z"));
    QCOMPARE(r.at(1), QByteArray("received"));
    QCOMPARE(r.at(2), QByteArray("a,b/\"c\""));
    QCOMPARE(r.at(3), QByteArray("1"));
    QCOMPARE(r.at(4), QByteArray("true"));
    QCOMPARE(r.at(5), QByteArray("7"));
    if (binary) {
        QCOMPARE(r.at(6), QByteArray());
        QCOMPARE(QByteArray::fromBase64(r.at(7)), payload);
    } else {
        QCOMPARE(r.at(6), payload);
        QCOMPARE(r.at(7), QByteArray());
    }
}

void tst_CsvWriter::logAndConnectionRows()
{
    QByteArray csv = CsvWriter::headerRow();
    CsvWriter::appendRow(csv, SessionEvent::log(mqtt::LogLevel::Warning,
                                                QStringLiteral("a \"quoted\", line\nnext"), 1000000000000));
    CsvWriter::appendRow(csv, SessionEvent::connection(QStringLiteral("refused"), 5,
                                                       QStringLiteral("Connection Refused: not authorised."),
                                                       1000000000001));
    QList<rfc4180::Record> records;
    QString error;
    QVERIFY2(rfc4180::parse(csv, &records, &error), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(1).at(1), QByteArray("log"));
    QCOMPARE(records.at(1).at(9), QByteArray("warning"));
    QCOMPARE(records.at(1).at(12), QByteArray("a \"quoted\", line\nnext"));
    QCOMPARE(records.at(2).at(1), QByteArray("connection"));
    QCOMPARE(records.at(2).at(10), QByteArray("refused"));
    QCOMPARE(records.at(2).at(11), QByteArray("5"));
    QCOMPARE(records.at(2).at(12), QByteArray("Connection Refused: not authorised."));
}

void tst_CsvWriter::propertiesColumn()
{
    SessionEvent e = SessionEvent::message(SessionEvent::Type::Sent, QStringLiteral("t"),
                                           QByteArray("x"), 0, false, 1000000000000);
    e.properties.contentType = QStringLiteral("application/json");
    e.properties.userProperties = {{QStringLiteral("k"), QStringLiteral("v,1")},
                                   {QStringLiteral("k"), QStringLiteral("v\"2")}};
    QByteArray csv = CsvWriter::headerRow();
    CsvWriter::appendRow(csv, e);
    QList<rfc4180::Record> records;
    QString error;
    QVERIFY2(rfc4180::parse(csv, &records, &error), qPrintable(error));
    QCOMPARE(records.at(1).at(1), QByteArray("sent"));
    QCOMPARE(records.at(1).at(8),
             QByteArray("{\"content-type\":\"application/json\",\"user-properties\":"
                        "[[\"k\",\"v,1\"],[\"k\",\"v\\\"2\"]]}"));
}

// The reader the CSV tests rely on must itself refuse what RFC 4180 does not allow.
void tst_CsvWriter::readerRejects_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("bare LF") << QByteArray("a,b\nc,d\r\n");
    QTest::newRow("quote in plain field") << QByteArray("a,b\"c\r\n");
    QTest::newRow("unterminated quote") << QByteArray("a,\"b\r\n");
    QTest::newRow("text after quote") << QByteArray("a,\"b\"c\r\n");
    QTest::newRow("field count") << QByteArray("a,b\r\nc\r\n");
    QTest::newRow("no final CRLF") << QByteArray("a,b");
}

void tst_CsvWriter::readerRejects()
{
    QFETCH(QByteArray, csv);
    QList<rfc4180::Record> records;
    QString error;
    QVERIFY(!rfc4180::parse(csv, &records, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
