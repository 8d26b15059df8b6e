#include "widgets/sessionactions.h"

#include "capture/sessionreader.h"
#include "capture/sessionwriter.h"
#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "sessionjournal.h"
#include "sessionrecorder.h"
#include "sessiontesthelpers.h"
#include "topicnode.h"
#include "topictreemodel.h"
#include "widgets/connectionstatusbar.h"
#include "widgets/connectiontab.h"
#include "widgets/exportdialog.h"
#include "widgets/languagesettings.h"
#include "widgets/logconsole.h"
#include "widgets/mainwindow.h"
#include "widgets/replaydialog.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using mqtt::SessionEvent;
using namespace sessiontest;

namespace {

constexpr qint64 t0 = 1714564800000;

// A session file as `mqtt-inspector-cli record` writes it, with `bad` garbage lines inserted
// after every 100th event.
QString writeSession(const QString &path, int messages, int bad = 0)
{
    mqtt::SessionWriter writer;
    mqtt::SessionHeader header;
    header.broker = QStringLiteral("mqtt://recorded.example:1883");
    header.startTime = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC);
    header.protocol = QStringLiteral("mqttv5");
    if (!writer.open(path, header))
        return writer.errorString();
    for (int i = 0; i < messages; ++i) {
        SessionEvent e = SessionEvent::message(SessionEvent::Type::Received,
                                               QStringLiteral("plant/line%1/sensor%2").arg(i % 3).arg(i % 5),
                                               QByteArray("{\"v\": ") + QByteArray::number(i) + "}",
                                               i % 2, i % 10 == 0, t0 + i * 5);
        if (e.qos > 0)
            e.mid = i % 65535 + 1;
        writer.write(e);
    }
    writer.write(SessionEvent::log(mqtt::LogLevel::Info, QStringLiteral("recorded log line"),
                                   t0 + messages * 5));
    if (!writer.close())
        return writer.errorString();
    if (bad > 0) {
        // Insert garbage lines after the header, at lines 3, 5, ... (1-based).
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        for (int k = 0; k < bad; ++k)
            lines.insert(2 + 2 * k, QByteArray("{\"type\": oops}"));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(lines.join('\n'));
    }
    return QString();
}

// A tab on the fixture broker subscribed to root/#, once connected and its SUBACK is in.
ConnectionTab *openLiveTab(MainWindow *window, const QString &root)
{
    ConnectionSettings settings;
    settings.host = host();
    settings.port = fixtureBrokerPort();
    settings.subscriptions = {{root + QStringLiteral("/#"), 1}};
    ConnectionTab *tab = window->addConnection(settings);
    if (!QTest::qWaitFor([tab] { return tab->connection()->status() == Connection::Status::Connected; },
                         5000))
        return nullptr;
    QTest::qWait(300); // the SUBACK: a publish earlier could race the subscription
    return tab;
}

void closeMessageBoxes()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(w))
            box->close();
    }
}

QMessageBox *messageBox()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *box = qobject_cast<QMessageBox *>(w);
        if (box && box->isVisible())
            return box;
    }
    return nullptr;
}

} // namespace

// The File menu's sessions in the real window: a file (as the CLI records it) opens into an
// offline tab with its tree, bad lines are listed with their numbers, the open tab exports
// what it shows (export -> open round trip equal), a live tab records, and a file replays
// to a connected tab.
class tst_SessionActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void openIntoOfflineTab();
    void openReportsBadLines();
    void openMissingFile();
    void exportOpenRoundTrip();
    void recordFromWindow();
    void replayToConnectedTab();

private:
    QTemporaryDir m_dir;
    LanguageSettings m_language;
};

void tst_SessionActions::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessionactions"));
    // The English plural forms ("1 line"/"2 lines") come from mqtt-inspector_en.qm, as in the app.
    QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QVERIFY(m_dir.isValid());
}

void tst_SessionActions::cleanup()
{
    closeMessageBoxes();
}

void tst_SessionActions::openIntoOfflineTab()
{
    const QString path = m_dir.filePath(QStringLiteral("plant.jsonl"));
    QCOMPARE(writeSession(path, 3000), QString());
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.sessionActions(), &SessionActions::fileLoaded);
    ConnectionTab *tab = window.sessionActions()->openFile(path);
    QVERIFY(tab);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(1).toBool(), true);
    Connection *connection = tab->connection();
    QVERIFY(connection->isOffline());
    QCOMPARE(connection->status(), Connection::Status::Offline);
    QCOMPARE(window.tabs()->tabText(window.tabs()->indexOf(tab)), QStringLiteral("plant.jsonl"));
    MessageStore *store = connection->store();
    QCOMPARE(store->totalMessages(), 3000);
    QCOMPARE(store->topicCount(), 15);
    store->flush();
    QCOMPARE(connection->treeModel()->rowCount(), 1); // "plant"
    const TopicNode *node = store->node(QStringLiteral("plant/line1/sensor1"));
    QVERIFY(node);
    QCOMPARE(node->last.timestamp(), t0 + 2986 * 5); // file time, not load time
    QCOMPARE(connection->journal()->events().size(), 1); // the recorded log line
    QCOMPARE(window.connectionStatusBar()->statusText(),
             QStringLiteral("Offline: plant.jsonl · 3,000 messages, 3,001 events · recorded "
                            "from mqtt://recorded.example:1883 at 2024-05-01 12:00 UTC"));
    QVERIFY(!messageBox());
    // Offline: nothing to connect to or record.
    QVERIFY(!window.sessionActions()->recordAction()->isEnabled());
    QVERIFY(window.sessionActions()->exportAction()->isEnabled());
}

void tst_SessionActions::openReportsBadLines()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.jsonl"));
    QCOMPARE(writeSession(path, 50, 2), QString());
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.sessionActions(), &SessionActions::fileLoaded);
    ConnectionTab *tab = window.sessionActions()->openFile(path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(tab->connection()->store()->totalMessages(), 50);
    QVERIFY2(window.connectionStatusBar()->statusText().endsWith(QStringLiteral(" · 2 bad lines skipped")),
             qPrintable(window.connectionStatusBar()->statusText()));
    QTRY_VERIFY(messageBox());
    QMessageBox *box = messageBox();
    QVERIFY2(box->text().startsWith(QStringLiteral("2 lines of bad.jsonl could not be read and "
                                                   "were skipped; the other 51 events were loaded.")),
             qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("First: bad.jsonl:3: not valid JSON")),
             qPrintable(box->text()));
    QVERIFY(box->detailedText().contains(QStringLiteral("bad.jsonl:5: not valid JSON")));
    // The log console lists them too.
    QTRY_VERIFY(tab->logConsole()->view()->toPlainText().contains(QStringLiteral("bad.jsonl:3:")));
}

void tst_SessionActions::openMissingFile()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.sessionActions(), &SessionActions::fileLoaded);
    const QString path = m_dir.filePath(QStringLiteral("missing.jsonl"));
    ConnectionTab *tab = window.sessionActions()->openFile(path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY2(window.connectionStatusBar()->statusText().startsWith(
                     QStringLiteral("Cannot open missing.jsonl: Cannot open session file")),
             qPrintable(window.connectionStatusBar()->statusText()));
    QTRY_VERIFY(messageBox());
    QCOMPARE(tab->connection()->store()->totalMessages(), 0);
}

void tst_SessionActions::exportOpenRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("source.jsonl"));
    QCOMPARE(writeSession(path, 2000), QString());
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.sessionActions(), &SessionActions::fileLoaded);
    ConnectionTab *tab = window.sessionActions()->openFile(path);
    QVERIFY(loaded.wait(10000));

    // Export what the offline tab shows, through the dialog, and open that again.
    ExportDialog dialog(tab->connection());
    const QString exported = m_dir.filePath(QStringLiteral("exported.jsonl"));
    dialog.setPath(exported);
    QSignalSpy finished(dialog.exporter(), &SessionExporter::finished);
    QVERIFY(dialog.startExport());
    QVERIFY(finished.wait(10000));
    QCOMPARE(dialog.resultText(), QStringLiteral("Exported 2,001 events to %1.").arg(exported));

    QList<SessionEvent> original;
    QList<SessionEvent> again;
    QString error;
    QVERIFY2(mqtt::SessionReader::readAll(path, nullptr, &original, &error), qPrintable(error));
    QVERIFY2(mqtt::SessionReader::readAll(exported, nullptr, &again, &error), qPrintable(error));
    QCOMPARE(again.size(), original.size());
    for (int i = 0; i < original.size(); ++i)
        QVERIFY2(again.at(i) == original.at(i), qPrintable(QString::number(i)));

    // A subtree as CSV.
    ExportDialog csv(tab->connection());
    const QString csvPath = m_dir.filePath(QStringLiteral("line1.csv"));
    csv.setPath(csvPath);
    csv.setFormat(SessionExporter::Format::Csv);
    csv.setSubtree(QStringLiteral("plant/line1"));
    csv.setContent(ExportSource::Received);
    QSignalSpy csvFinished(csv.exporter(), &SessionExporter::finished);
    QVERIFY(csv.startExport());
    QVERIFY(csvFinished.wait(10000));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().split('\n');
    QCOMPARE(rows.size() - 2, 667); // header, 667 rows of plant/line1/..., final CRLF
    QVERIFY(rows.at(1).contains(",plant/line1/sensor1,"));

    // A subtree that does not exist says so.
    ExportDialog none(tab->connection());
    none.setSubtree(QStringLiteral("nope"));
    QVERIFY(!none.startExport());
    QCOMPARE(none.resultText(), QStringLiteral("There is no topic or level \"nope\"."));
}

void tst_SessionActions::recordFromWindow()
{
    if (!fixtureBrokerPort())
        QSKIP("run through ctest: needs the fixture broker");
    const QString root = uniqueRoot("winrec");
    MainWindow window;
    window.show();
    ConnectionTab *tab = openLiveTab(&window, root);
    QVERIFY(tab);
    QVERIFY(window.sessionActions()->recordAction()->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("window-rec.jsonl"));
    QVERIFY(window.sessionActions()->startRecording(path));
    QVERIFY(window.sessionActions()->recordAction()->isChecked());
    QCOMPARE(window.sessionActions()->recordAction()->text(), QStringLiteral("Stop &Recording"));
    QVERIFY(mosquittoPub(root + QStringLiteral("/x"), QStringLiteral("42"), 1));
    QTRY_COMPARE(tab->connection()->store()->totalMessages(), 1);
    QTRY_VERIFY(window.connectionStatusBar()->recordingText().startsWith(
            QStringLiteral("● REC window-rec.jsonl · ")));
    window.sessionActions()->recordAction()->trigger(); // stop
    QVERIFY(!tab->connection()->recorder()->isRecording());
    QVERIFY(!window.sessionActions()->recordAction()->isChecked());
    QTRY_COMPARE(window.connectionStatusBar()->recordingText(), QString());
    QList<SessionEvent> events;
    QString error;
    QVERIFY2(mqtt::SessionReader::readAll(path, nullptr, &events, &error), qPrintable(error));
    bool found = false;
    for (const SessionEvent &e : events)
        found = found || (e.type == SessionEvent::Type::Received && e.payload == "42");
    QVERIFY(found);
    QTRY_VERIFY(tab->logConsole()->view()->toPlainText().contains(QStringLiteral("Recorded ")));
}

void tst_SessionActions::replayToConnectedTab()
{
    if (!fixtureBrokerPort())
        QSKIP("run through ctest: needs the fixture broker");
    const QString path = m_dir.filePath(QStringLiteral("replay.jsonl"));
    QCOMPARE(writeSession(path, 500), QString());
    const QString root = uniqueRoot("winreplay");
    MainWindow window;
    window.show();
    ConnectionTab *live = openLiveTab(&window, root);
    QVERIFY(live);
    QSignalSpy loaded(window.sessionActions(), &SessionActions::fileLoaded);
    ConnectionTab *offline = window.sessionActions()->openFile(path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.currentTab(), offline);
    QVERIFY(window.sessionActions()->replayAction()->isEnabled());

    ReplayDialog dialog({live->connection()}, offline->connection()->sourceFile());
    dialog.setSpeed(0);
    dialog.setTopicPrefix(root + QLatin1Char('/'));
    QSignalSpy finished(dialog.replayer(), &SessionReplayer::finished);
    QVERIFY(dialog.startReplay());
    QVERIFY(finished.wait(20000));
    QCOMPARE(dialog.statusText(), QStringLiteral("Replayed 500 messages."));
    QTRY_COMPARE_WITH_TIMEOUT(live->connection()->store()->totalMessages(), 500, 10000);
    live->connection()->store()->flush();
    const TopicNode *node = live->connection()->store()->node(root + QStringLiteral("/plant/line2/sensor4"));
    QVERIFY(node);
    QCOMPARE(node->messageCount, 33); // i = 14 (mod 15) below 500
    // What was replayed is in the live tab's journal as sent.
    int sent = 0;
    for (const SessionEvent &e : live->connection()->journal()->events())
        sent += e.type == SessionEvent::Type::Sent ? 1 : 0;
    QCOMPARE(sent, 500);
}

QTEST_MAIN(tst_SessionActions)
#include "tst_sessionactions.moc"
