#include "widgets/mainwindow.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTest>

class tst_MainWindow : public QObject
{
    Q_OBJECT

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
        QVERIFY(texts.contains(QStringLiteral("Connected")));
        auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("messageLog"));
        QVERIFY(log);
        QCOMPARE(log->toPlainText(), QStringLiteral("a/b 42"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
