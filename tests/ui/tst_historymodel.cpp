#include "models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

mqtt::Message makeMessage(const QString &topic, const QByteArray &payload, qint64 timestamp,
                          int qos = 0, bool retain = false)
{
    mqtt::Message message(topic, payload, qos, retain);
    message.setTimestamp(timestamp);
    return message;
}

QList<mqtt::Message> history(const QString &topic, int from, int count)
{
    QList<mqtt::Message> messages;
    for (int i = from; i < from + count; ++i)
        messages.append(makeMessage(topic, QByteArray::number(i), 1000 + i));
    return messages;
}

} // namespace

class tst_HistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendIsOneInsert();
    void sameListIsNoSignal();
    void changes_data();
    void changes();
    void displayData();
    void preview_data();
    void preview();

private:
    HistoryModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_HistoryModel::init()
{
    m_model = new HistoryModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void tst_HistoryModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_HistoryModel::appendIsOneInsert()
{
    QList<mqtt::Message> messages = history(QStringLiteral("a/b"), 0, 3);
    m_model->setMessages(messages);
    QCOMPARE(m_model->rowCount(), 3);

    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    messages += history(QStringLiteral("a/b"), 3, 5);
    m_model->setMessages(messages);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(inserted.at(0).at(2).toInt(), 7);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->rowCount(), 8);
    QCOMPARE(m_model->message(7).payload(), QByteArray("7"));
    QCOMPARE(m_model->message(8), mqtt::Message());

    // A deep copy (other shared pointers, equal values) is still recognised as grown.
    QList<mqtt::Message> copy;
    for (const mqtt::Message &m : messages)
        copy.append(makeMessage(m.topic(), m.payload(), m.timestamp()));
    copy += history(QStringLiteral("a/b"), 8, 1);
    m_model->setMessages(copy);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(reset.size(), 0);
}

void tst_HistoryModel::sameListIsNoSignal()
{
    const QList<mqtt::Message> messages = history(QStringLiteral("a"), 0, 4);
    m_model->setMessages(messages);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setMessages(messages);
    m_model->setMessages(QList<mqtt::Message>(messages));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(reset.size(), 0);
}

void tst_HistoryModel::changes_data()
{
    QTest::addColumn<QList<mqtt::Message>>("before");
    QTest::addColumn<QList<mqtt::Message>>("after");
    QTest::addColumn<int>("inserts");
    QTest::addColumn<int>("resets");

    const QString t = QStringLiteral("t");
    QTest::newRow("from empty") << QList<mqtt::Message>() << history(t, 0, 2) << 0 << 1;
    QTest::newRow("grown") << history(t, 0, 2) << history(t, 0, 5) << 1 << 0;
    QTest::newRow("front dropped") << history(t, 0, 5) << history(t, 2, 6) << 0 << 1;
    QTest::newRow("front dropped, same size") << history(t, 0, 5) << history(t, 1, 5) << 0 << 1;
    QTest::newRow("other topic") << history(t, 0, 3) << history(QStringLiteral("u"), 0, 4) << 0
                                 << 1;
    QTest::newRow("shrunk") << history(t, 0, 5) << history(t, 0, 3) << 0 << 1;
    QTest::newRow("cleared") << history(t, 0, 5) << QList<mqtt::Message>() << 0 << 1;
    QTest::newRow("empty to empty") << QList<mqtt::Message>() << QList<mqtt::Message>() << 0
                                    << 0;
}

void tst_HistoryModel::changes()
{
    QFETCH(QList<mqtt::Message>, before);
    QFETCH(QList<mqtt::Message>, after);
    QFETCH(int, inserts);
    QFETCH(int, resets);
    m_model->setMessages(before);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setMessages(after);
    QCOMPARE(inserted.size(), inserts);
    QCOMPARE(reset.size(), resets);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(m_model->rowCount(), after.size());
    for (int row = 0; row < after.size(); ++row)
        QCOMPARE(m_model->message(row), after.at(row));
}

void tst_HistoryModel::displayData()
{
    const QDateTime when(QDate(2026, 12, 2), QTime(10, 31, 7, 412));
    m_model->setMessages({makeMessage(QStringLiteral("t"), QByteArray("{\"value\": 21.5}"),
                                      when.toMSecsSinceEpoch(), 1, true)});
    auto text = [this](int column) {
        return m_model->index(0, column).data().toString();
    };
    QCOMPARE(m_model->columnCount(), int(HistoryModel::ColumnCount));
    QCOMPARE(text(HistoryModel::TimeColumn), QStringLiteral("10:31:07.412"));
    QCOMPARE(text(HistoryModel::QosColumn), QStringLiteral("1"));
    QCOMPARE(text(HistoryModel::RetainColumn), QStringLiteral("R"));
    QCOMPARE(text(HistoryModel::SizeColumn), QStringLiteral("15 B"));
    QCOMPARE(text(HistoryModel::PayloadColumn), QStringLiteral("{\"value\": 21.5}"));
    QCOMPARE(m_model->index(0, 0).data(HistoryModel::MessageRole).value<mqtt::Message>()
                 .payload(),
             QByteArray("{\"value\": 21.5}"));
    QCOMPARE(m_model->headerData(HistoryModel::SizeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Size"));
}

void tst_HistoryModel::preview_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("on") << QStringLiteral("on");
    QTest::newRow("multi-line json") << QByteArray("{\n  \"a\": 1\n}")
                                     << QStringLiteral("{ \"a\": 1 }");
    QTest::newRow("binary") << QByteArray::fromHex("0001ff") << QStringLiteral("00 01 ff");
    QTest::newRow("long") << QByteArray(10 * 1024 * 1024, 'x')
                          << QString(120, QLatin1Char('x')) + QStringLiteral("…");
    QTest::newRow("empty") << QByteArray() << QString();
}

void tst_HistoryModel::preview()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, expected);
    QCOMPARE(HistoryModel::preview(payload), expected);
}

QTEST_GUILESS_MAIN(tst_HistoryModel)
#include "tst_historymodel.moc"
