#include "widgets/aboutdialog.h"
#include "widgets/mainwindow.h"

#include "mqttcoreglobal.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <Qsci/qsciglobal.h>
#include <openssl/crypto.h>

class tst_AboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The main window reads and writes its state: keep it away from the user's settings.
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aboutdialog"));
    }

    // Each label against the source of truth, read here independently of the dialog.
    void versionLabels_data()
    {
        QTest::addColumn<QString>("objectName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ours") << "applicationVersion" << QStringLiteral(MQTTCORE_VERSION_STRING);
        QTest::newRow("qt runtime") << "qtVersion" << QString::fromLatin1(qVersion());
        QTest::newRow("qscintilla") << "qscintillaVersion" << QStringLiteral(QSCINTILLA_VERSION_STR);
        QTest::newRow("openssl runtime")
            << "opensslVersion"
            << QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)).mid(int(qstrlen("OpenSSL ")));
    }

    void versionLabels()
    {
        QFETCH(QString, objectName);
        QFETCH(QString, expected);
        AboutDialog dialog;
        auto *label = dialog.findChild<QLabel *>(objectName);
        QVERIFY(label);
        // Qt's label may add "(built with x)" when the runtime differs from the headers.
        QVERIFY2(label->text().startsWith(expected),
                 qPrintable(label->text() + QLatin1String(" vs ") + expected));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+")).match(label->text()).hasMatch());
    }

    void titleAndLink()
    {
        AboutDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("About MQTT Inspector"));
        auto *title = dialog.findChild<QLabel *>(QStringLiteral("aboutTitle"));
        QVERIFY(title);
        QVERIFY(title->text().contains(QStringLiteral("MQTT Inspector " MQTTCORE_VERSION_STRING)));
        auto *link = dialog.findChild<QLabel *>(QStringLiteral("projectLink"));
        QVERIFY(link);
        QVERIFY(link->openExternalLinks());
        QVERIFY(link->text().contains(QStringLiteral("href=\"https://")));
        QVERIFY(link->text().contains(AboutDialog::projectUrl()));
    }

    void copyPutsReportOnClipboard()
    {
        AboutDialog dialog;
        QApplication::clipboard()->clear();
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyVersions"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString text = QApplication::clipboard()->text();
        QCOMPARE(text, AboutDialog::versionReport());
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0), QStringLiteral("MQTT Inspector " MQTTCORE_VERSION_STRING));
        QVERIFY(lines.at(1).startsWith(QLatin1String("Qt ") + QLatin1String(qVersion())));
        QCOMPARE(lines.at(2), QStringLiteral("QScintilla " QSCINTILLA_VERSION_STR));
        QCOMPARE(lines.at(3), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("copiedNote"));
        QVERIFY(note);
        QVERIFY(!note->text().isEmpty());
    }

    // Help > About opens this dialog, not a message box.
    void helpMenuOpensDialog()
    {
        MainWindow window;
        QAction *about = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                if (action->text() == QLatin1String("&About MQTT Inspector"))
                    about = action;
            }
        }
        QVERIFY(about);
        bool seen = false;
        QTimer::singleShot(0, &window, [&seen] {
            auto *dialog = qobject_cast<AboutDialog *>(QApplication::activeModalWidget());
            seen = dialog != nullptr;
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        about->trigger();
        QVERIFY(seen);
    }
};

QTEST_MAIN(tst_AboutDialog)
#include "tst_aboutdialog.moc"
