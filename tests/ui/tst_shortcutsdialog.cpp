#include "widgets/mainwindow.h"
#include "widgets/shortcutsdialog.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QTreeWidget>

// The shortcuts dialog lists what the menus really bind (read from the menu bar), once each,
// and filters by command or key.
class tst_ShortcutsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_shortcutsdialog"));
    }

    void listsCommand_data()
    {
        // The issue's list: connect/disconnect, new connection, new pane, focus filter,
        // publish, copy topic, delete retained, next/previous message; and the rest.
        QTest::addColumn<QString>("row");
        QTest::newRow("connect") << QStringLiteral("Connect\tCtrl+K");
        QTest::newRow("disconnect") << QStringLiteral("Disconnect\tCtrl+Shift+K");
        QTest::newRow("new connection") << QStringLiteral("New Connection\tCtrl+N");
        QTest::newRow("new pane") << QStringLiteral("New Pane\tCtrl+P");
        QTest::newRow("filter") << QStringLiteral("Filter Topics\tCtrl+F");
        QTest::newRow("publish") << QStringLiteral("Publish\tCtrl+Shift+M");
        QTest::newRow("copy topic") << QStringLiteral("Copy Topic\tCtrl+Shift+C");
        QTest::newRow("delete retained") << QStringLiteral("Delete Retained\tShift+Del");
        QTest::newRow("previous message") << QStringLiteral("Previous Message\tAlt+Up");
        QTest::newRow("next message") << QStringLiteral("Next Message\tAlt+Down");
        QTest::newRow("next area") << QStringLiteral("Next Area\tF6");
        QTest::newRow("record") << QStringLiteral("Record\tCtrl+R");
        QTest::newRow("open session") << QStringLiteral("Open Session\tCtrl+O");
        QTest::newRow("shortcuts") << QStringLiteral("Keyboard Shortcuts\tCtrl+/");
        QTest::newRow("in views") << QStringLiteral("Send the composed message (Publish dock)\tCtrl+Enter");
    }

    void listsCommand()
    {
        QFETCH(QString, row);
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        QVERIFY2(dialog.rows().contains(row), qPrintable(dialog.rows().join(QLatin1Char('\n'))));
    }

    void everyMenuShortcutOnce()
    {
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        const QStringList rows = dialog.rows();
        QList<QMenu *> menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->menu();
        int withShortcut = 0;
        while (!menus.isEmpty()) {
            QMenu *menu = menus.takeFirst();
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    menus << a->menu();
                else if (!a->shortcut().isEmpty())
                    ++withShortcut;
            }
        }
        int fromMenus = 0;
        const QTreeWidget *table = dialog.table();
        for (int i = 0; i < table->topLevelItemCount(); ++i) {
            if (table->topLevelItem(i)->text(0) != QStringLiteral("In views"))
                fromMenus += table->topLevelItem(i)->childCount();
        }
        QCOMPARE(fromMenus, withShortcut);
        QCOMPARE(QSet<QString>(rows.begin(), rows.end()).size(), rows.size());
    }

    void filter()
    {
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        dialog.findChild<QLineEdit *>(QStringLiteral("shortcutFilter"))->setText(QStringLiteral("alt+"));
        QStringList shown;
        const QTreeWidget *table = dialog.table();
        for (int i = 0; i < table->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *group = table->topLevelItem(i);
            for (int j = 0; j < group->childCount(); ++j) {
                if (!group->child(j)->isHidden())
                    shown << group->child(j)->text(0);
            }
        }
        QCOMPARE(shown, (QStringList{QStringLiteral("Copy Payload"), QStringLiteral("Previous Message"),
                                     QStringLiteral("Next Message")}));
    }
};

QTEST_MAIN(tst_ShortcutsDialog)
#include "tst_shortcutsdialog.moc"
