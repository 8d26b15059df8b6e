#include "widgets/mainwindow.h"

#include "client.h"
#include "socketloop.h"
#include "testbroker.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    static QString statusText(const MainWindow &window)
    {
        // The permanent status-bar label is the last label created.
        return window.findChildren<QLabel *>().last()->text();
    }
    static QString logText(const MainWindow &window)
    {
        return window.findChild<QPlainTextEdit *>(QStringLiteral("messageLog"))->toPlainText();
    }

private Q_SLOTS:
    void showsBrokerStatusAndLog()
    {
        MainWindow window;
        window.setBrokerDescription(QStringLiteral("Broker: 127.0.0.1:1883"));
        window.setConnectionStatus(QStringLiteral("Connected"));
        window.appendLogLine(QStringLiteral("a/b 42"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const auto labels = window.findChildren<QLabel *>();
        QStringList texts;
        for (const QLabel *label : labels)
            texts << label->text();
        QVERIFY(texts.contains(QStringLiteral("Broker: 127.0.0.1:1883")));
        QCOMPARE(statusText(window), QStringLiteral("Connected"));
        QTRY_COMPARE(logText(window), QStringLiteral("a/b 42"));
    }

    void floodIsBatchedAndCapped()
    {
        MainWindow window;
        auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("messageLog"));
        for (int i = 0; i < 25000; ++i)
            window.appendLogLine(QString::number(i));
        // Nothing is painted per line: it all waits for the next flush, capped.
        QCOMPARE(log->document()->blockCount(), 1);
        QCOMPARE(window.pendingLineCount(), 9999);
        QTRY_COMPARE(window.pendingLineCount(), 0);
        QVERIFY(log->document()->blockCount() <= 10000);
        const QString text = log->toPlainText();
        QVERIFY(text.endsWith(QStringLiteral("\n24999")));
        QVERIFY(text.contains(QStringLiteral("15001 earlier line(s) not shown")));
    }

    void followsTailUntilUserScrollsUp()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("messageLog"));
        QScrollBar *bar = log->verticalScrollBar();
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 200; ++i)
                window.appendLogLine(QStringLiteral("line %1.%2").arg(round).arg(i));
            QTRY_COMPARE(window.pendingLineCount(), 0);
            QVERIFY(bar->maximum() > 0);
            QCOMPARE(bar->value(), bar->maximum());
        }
        // The user scrolls up: new lines must not pull the view away from what they read.
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QVERIFY(!window.isFollowingTail());
        window.appendLogLine(QStringLiteral("more"));
        QTRY_COMPARE(window.pendingLineCount(), 0);
        QCOMPARE(bar->value(), 0);
        // Back at the bottom, following resumes.
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QVERIFY(window.isFollowingTail());
        for (int i = 0; i < 100; ++i)
            window.appendLogLine(QStringLiteral("again %1").arg(i));
        QTRY_COMPARE(window.pendingLineCount(), 0);
        QCOMPARE(bar->value(), bar->maximum());
    }

    void showsMessagesFromRealBroker()
    {
        const quint16 port = fixtureBrokerPort();
        QVERIFY2(port, "run through ctest: needs the fixture broker");
        MainWindow window;
        mqtt::Client client;
        mqtt::SocketNotifierLoop loop(&client);
        window.attachClient(&client);
        QSignalSpy subscribed(&client, &mqtt::Client::subscribed);
        QObject::connect(&client, &mqtt::Client::connected, &window,
                         [&client](mqtt::ConnectFlags, mqtt::ReasonCode, const mqtt::Properties &) {
                             client.subscribe(QStringLiteral("ui-test/#"), 1);
                         });
        QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), port), mqtt::Error::Success);
        QTRY_COMPARE(statusText(window), QStringLiteral("Connected"));
        QTRY_COMPARE(subscribed.count(), 1);

        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_pub"),
                                   {QStringLiteral("-p"), QString::number(port),
                                    QStringLiteral("-t"), QStringLiteral("ui-test/temp"),
                                    QStringLiteral("-m"), QStringLiteral("21.5")}),
                 0);
        QTRY_VERIFY(logText(window).contains(QStringLiteral("ui-test/temp  q0  (4 bytes)  21.5")));
    }

    void showsWhyConnectionWasRefused()
    {
        TestBroker broker;
        QTemporaryDir dir;
        const QString passwd = dir.filePath(QStringLiteral("passwd"));
        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_passwd"),
                                   {QStringLiteral("-c"), QStringLiteral("-b"), passwd,
                                    QStringLiteral("alice"), QStringLiteral("secret")}),
                 0);
        broker.setListenerConfig(QStringLiteral("allow_anonymous false\npassword_file %1").arg(passwd));
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));

        MainWindow window;
        mqtt::Client client;
        mqtt::SocketNotifierLoop loop(&client);
        loop.setAutoReconnect(false);
        window.attachClient(&client);
        client.setCredentials(QStringLiteral("alice"), QByteArray("wrong"));
        QCOMPARE(client.connect(QStringLiteral("127.0.0.1"), broker.port()), mqtt::Error::Success);
        QTRY_COMPARE(statusText(window),
                     QStringLiteral("Refused: Connection Refused: not authorised."));
        QTRY_VERIFY(logText(window).contains(QStringLiteral("Connection refused: Connection Refused: not authorised.")));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
