#include "models/payloadformat.h"
#include "widgets/payloadview.h"
#include "widgets/topicdetails.h"

#include <Qsci/qsciscintilla.h>

#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

mqtt::Message jsonMessage(int i, qint64 timestamp)
{
    mqtt::Message message(QStringLiteral("home/kitchen/temperature"),
                          QStringLiteral(R"({"value": %1, "unit": "C", "env": {"temp": %2}})")
                              .arg(20 + i)
                              .arg(i * 2)
                              .toUtf8(),
                          1, true);
    message.setTimestamp(timestamp);
    message.setMid(100 + i);
    return message;
}

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &name)
{
    const auto items = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return items.value(0);
}

} // namespace

class tst_TopicDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonPayloadIsPrettyPrinted();
    void repeatedCallsRenderOnlyOnChange();
    void propertiesInOrder();
    void chartOffersNumericFields();
    void diffShowsChangedLine();
    void levelWithoutMessages();
    void largePayloadDoesNotBlock();
};

void tst_TopicDetails::jsonPayloadIsPrettyPrinted()
{
    TopicDetails details;
    details.resize(800, 600);
    details.show();
    const QList<mqtt::Message> history{jsonMessage(1, 1000)};
    details.setMessages(QStringLiteral("home/kitchen/temperature"), history);
    QCOMPARE(details.topic(), QStringLiteral("home/kitchen/temperature"));
    auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
    QVERIFY(view);
    QCOMPARE(view->text(), PayloadFormat::renderJson(history.last().payload()));
    QVERIFY(view->text().contains(QStringLiteral("\n    \"value\": 21")));
    QCOMPARE(view->shownFormat(), PayloadFormat::Json);
    QCOMPARE(view->formatLabel(), QStringLiteral("Auto (JSON)"));
    const QString meta = details.findChild<QLabel *>(QStringLiteral("metaLabel"))->text();
    QVERIFY2(meta.contains(QStringLiteral("QoS 1")) && meta.contains(QStringLiteral("retained")),
             qPrintable(meta));

    // Switching the format re-renders the same payload.
    view->setFormat(PayloadFormat::Hex);
    QVERIFY(view->text().startsWith(QStringLiteral("00000000: 7b22")));
    QCOMPARE(view->formatLabel(), QStringLiteral("Hex"));
}

void tst_TopicDetails::repeatedCallsRenderOnlyOnChange()
{
    TopicDetails details;
    auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
    QList<mqtt::Message> history{jsonMessage(1, 1000)};
    details.setMessages(QStringLiteral("t"), history);
    QSignalSpy rendered(view, &PayloadView::rendered);
    details.setMessages(QStringLiteral("t"), history);
    details.setMessages(QStringLiteral("t"), history);
    QCOMPARE(rendered.size(), 0);
    history.append(jsonMessage(2, 2000));
    details.setMessages(QStringLiteral("t"), history);
    QCOMPARE(rendered.size(), 1);
    QVERIFY(view->text().contains(QStringLiteral("\"value\": 22")));
}

void tst_TopicDetails::propertiesInOrder()
{
    TopicDetails details;
    mqtt::Message message = jsonMessage(1, 1000);
    mqtt::Properties properties;
    properties.setContentType(QStringLiteral("application/json"));
    properties.addUserProperty(QStringLiteral("zeta"), QStringLiteral("1"));
    properties.addUserProperty(QStringLiteral("alpha"), QStringLiteral("2"));
    properties.addUserProperty(QStringLiteral("zeta"), QStringLiteral("3"));
    properties.setCorrelationData(QByteArray::fromHex("cafe01"));
    properties.setMessageExpiryInterval(60);
    message.setProperties(properties);
    details.setMessages(QStringLiteral("t"), {message});

    auto *tree = details.findChild<QTreeWidget *>(QStringLiteral("properties"));
    QVERIFY(tree);
    QTreeWidgetItem *contentType = findItem(tree, QStringLiteral("Content Type"));
    QVERIFY(contentType);
    QCOMPARE(contentType->text(1), QStringLiteral("application/json"));
    QCOMPARE(findItem(tree, QStringLiteral("Correlation Data"))->text(1),
             QStringLiteral("ca fe 01"));
    QCOMPARE(findItem(tree, QStringLiteral("Message Expiry Interval"))->text(1),
             QStringLiteral("60 s"));
    QCOMPARE(findItem(tree, QStringLiteral("Packet id"))->text(1), QStringLiteral("101"));
    QTreeWidgetItem *user = findItem(tree, QStringLiteral("User Property"));
    QVERIFY(user);
    QCOMPARE(user->childCount(), 3);
    const QStringList expected{"zeta=1", "alpha=2", "zeta=3"};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(user->child(i)->text(0) + QLatin1Char('=') + user->child(i)->text(1),
                 expected.at(i));
    }
    const QString meta = details.findChild<QLabel *>(QStringLiteral("metaLabel"))->text();
    QVERIFY2(meta.contains(QStringLiteral("6 v5 props")), qPrintable(meta));
}

void tst_TopicDetails::chartOffersNumericFields()
{
    TopicDetails details;
    details.resize(800, 600);
    details.show();
    QList<mqtt::Message> history;
    for (int i = 0; i < 7; ++i)
        history.append(jsonMessage(i, 1000 + i * 1000));
    details.setMessages(QStringLiteral("t"), history);
    details.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(3);

    auto *field = details.findChild<QComboBox *>(QStringLiteral("chartField"));
    QVERIFY(field);
    QStringList fields;
    for (int i = 0; i < field->count(); ++i)
        fields << field->itemText(i);
    QCOMPARE(fields, (QStringList{"env.temp", "value"}));
    auto *chartView = details.findChild<QChartView *>(QStringLiteral("chartView"));
    auto *series = qobject_cast<QLineSeries *>(chartView->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->count(), 7);
    // "value" is preferred over the alphabetically first field.
    QCOMPARE(field->currentText(), QStringLiteral("value"));
    QCOMPARE(series->at(6), QPointF(7000, 26));
    QVERIFY(chartView->isVisible());

    field->setCurrentIndex(0);
    emit field->activated(0);
    QCOMPARE(series->at(6), QPointF(7000, 12)); // env.temp = 2 * 6
    field->setCurrentIndex(1);
    emit field->activated(1);

    // More messages while the tab is shown: the chart follows within a refresh interval.
    history.append(jsonMessage(7, 8000));
    details.setMessages(QStringLiteral("t"), history);
    QTRY_COMPARE(series->count(), 8);
    QCOMPARE(field->currentText(), QStringLiteral("value"));

    // Text payloads: no chart and a reason.
    mqtt::Message text(QStringLiteral("u"), "on");
    details.setMessages(QStringLiteral("u"), {text});
    auto *note = details.findChild<QLabel *>(QStringLiteral("chartNote"));
    QTRY_VERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("neither a number")));
}

void tst_TopicDetails::diffShowsChangedLine()
{
    TopicDetails details;
    details.resize(800, 600);
    details.show();
    details.setMessages(QStringLiteral("t"), {jsonMessage(1, 1000), jsonMessage(2, 2000)});
    details.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(2);
    auto *diff = details.findChild<QPlainTextEdit *>(QStringLiteral("diffView"));
    QVERIFY(diff);
    const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("-     \"value\": 21")), qPrintable(lines.join('|')));
    QVERIFY(lines.contains(QStringLiteral("+     \"value\": 22")));
    QVERIFY(lines.contains(QStringLiteral("-         \"temp\": 2")));
    QVERIFY(lines.contains(QStringLiteral("      \"unit\": \"C\",")));
    QCOMPARE(diff->extraSelections().size(), 4);
    const QString summary = details.findChild<QLabel *>(QStringLiteral("diffSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("2 lines added")), qPrintable(summary));
}

void tst_TopicDetails::levelWithoutMessages()
{
    TopicDetails details;
    details.setMessages(QStringLiteral("home/kitchen"), {});
    auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
    QCOMPARE(view->text(), QString());
    const QString meta = details.findChild<QLabel *>(QStringLiteral("metaLabel"))->text();
    QVERIFY2(meta.contains(QStringLiteral("No message on this level")), qPrintable(meta));
    details.clear();
    QCOMPARE(details.topic(), QString());
}

void tst_TopicDetails::largePayloadDoesNotBlock()
{
    TopicDetails details;
    details.resize(800, 600);
    details.show();
    QByteArray payload;
    payload.reserve(16 * 1024 * 1024);
    while (payload.size() < 16 * 1024 * 1024)
        payload.append("The quick brown fox jumps over the lazy dog 0123456789 abcdefghijk\n");
    payload.truncate(16 * 1024 * 1024);
    mqtt::Message message(QStringLiteral("big"), payload);
    message.setTimestamp(1000);

    auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
    // The window must answer throughout, not only when setMessages returns: a 10 ms probe
    // records the longest gap until the text is on screen.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = qMax(longestGap, now - lastTick);
        lastTick = now;
    });
    probe.start();
    lastTick = clock.elapsed();
    QElapsedTimer timer;
    timer.start();
    details.setMessages(QStringLiteral("big"), {message});
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(view->isRendering());
    const QString busy = view->findChild<QLabel *>(QStringLiteral("payloadNote"))->text();
    QCOMPARE(busy, QStringLiteral("Formatting 16.0 MiB…"));
    // Called again while rendering (store flushes): still quick, and no second job.
    timer.restart();
    details.setMessages(QStringLiteral("big"), {message});
    QVERIFY(timer.elapsed() < 100);

    QTRY_VERIFY_WITH_TIMEOUT(!view->isRendering(), 60000);
    QTest::qWait(200); // what follows the text on screen (layout, paint) counts too
    probe.stop();
    QVERIFY2(longestGap < 110, qPrintable(QStringLiteral("longest GUI stall %1 ms").arg(longestGap)));
    QCOMPARE(view->text(), QString::fromUtf8(payload)); // whole, in parts
    QCOMPARE(view->shownFormat(), PayloadFormat::Text);
    // Shown in parts of about a megabyte that together are the whole text.
    QCOMPARE(view->pageCount(), int((payload.size() + PayloadView::pageChars - 1) / PayloadView::pageChars));
    QString joined;
    for (int page = 0; page < view->pageCount(); ++page) {
        view->setPage(page);
        QCOMPARE(view->currentPage(), page);
        joined += view->editor()->text();
    }
    QCOMPARE(joined, QString::fromUtf8(payload));
}

QTEST_MAIN(tst_TopicDetails)
#include "tst_topicdetails.moc"
