#include "connection.h"
#include "messagestore.h"
#include "widgets/connectiondialog.h"
#include "widgets/connectionstatusbar.h"
#include "widgets/connectiontab.h"
#include "widgets/exportdialog.h"
#include "widgets/mainwindow.h"
#include "widgets/newpanedialog.h"
#include "widgets/replaydialog.h"
#include "widgets/shortcutsdialog.h"

#include <QAccessible>
#include <QLabel>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

namespace {

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Tree:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Link:
        return true;
    default:
        return false;
    }
}

// Every interactive node under `iface` without a name, as "Role objectName (class) in parent".
void collectUnnamed(QAccessibleInterface *iface, QStringList *unnamed, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 40)
        return;
    // Hidden pages (other tabs, collapsed docks) count too: a user gets there.
    QObject *object = iface->object();
    // Qt's own parts are named by their owner: a combo box's popup list, a line edit's clear
    // button, a tool bar's overflow button.
    const bool qtPart = object && (object->inherits("QComboBoxListView")
                                   || object->inherits("QLineEditIconButton")
                                   || object->inherits("QToolBarExtension"));
    if (!qtPart && isInteractive(iface->role()) && iface->text(QAccessible::Name).trimmed().isEmpty()) {
        QString where;
        for (QObject *o = object; o && where.size() < 120; o = o->parent()) {
            if (!o->objectName().isEmpty())
                where += QLatin1Char('/') + o->objectName();
        }
        unnamed->append(QStringLiteral("%1 %2%3")
                            .arg(int(iface->role()), 0, 16)
                            .arg(object ? QString::fromLatin1(object->metaObject()->className())
                                        : QStringLiteral("?"),
                                 where));
    }
    // Rows and cells of big views are many: their text comes from the model, checked below.
    if (iface->role() == QAccessible::Tree || iface->role() == QAccessible::Table
        || iface->role() == QAccessible::List)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), unnamed, depth + 1);
}

QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    collectUnnamed(QAccessible::queryAccessibleInterface(root), &unnamed);
    return unnamed;
}

} // namespace

// The accessibility tree of the main window and its dialogs, as a screen reader sees it
// (Qt's QAccessible interfaces, which AT-SPI exposes on Linux): no interactive control
// without a name; tree rows and table cells carry their text.
class tst_Accessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
    }

    void window_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("main window") << QStringLiteral("main");
        QTest::newRow("main window, docks shown") << QStringLiteral("docks");
        QTest::newRow("new pane dialog") << QStringLiteral("newpane");
        QTest::newRow("export dialog") << QStringLiteral("export");
        QTest::newRow("replay dialog") << QStringLiteral("replay");
        QTest::newRow("shortcuts dialog") << QStringLiteral("shortcuts");
        QTest::newRow("connection dialog") << QStringLiteral("connection");
    }

    void window()
    {
        QFETCH(QString, which);
        MainWindow window;
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = 1; // never connected: the controls are what count
        ConnectionTab *tab = window.addConnection(settings, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *root = &window;
        std::unique_ptr<QWidget> dialog;
        if (which == u"docks") {
            window.publishDock()->show();
            window.logDock()->show();
            window.packetDock()->show();
        } else if (which == u"newpane") {
            dialog = std::make_unique<NewPaneDialog>(&window);
        } else if (which == u"export") {
            dialog = std::make_unique<ExportDialog>(tab->connection(), &window);
        } else if (which == u"replay") {
            dialog = std::make_unique<ReplayDialog>(QList<Connection *>{tab->connection()},
                                                    QString(), &window);
        } else if (which == u"shortcuts") {
            dialog = std::make_unique<ShortcutsDialog>(window.menuBar(), &window);
        } else if (which == u"connection") {
            dialog = std::make_unique<ConnectionDialog>(window.profileStore(), window.secretStore(), &window);
        }
        if (dialog) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            root = dialog.get();
        }
        QTest::qWait(50);
        const QStringList unnamed = unnamedControls(root);
        for (const QString &u : unnamed)
            qWarning("unnamed: %s", qPrintable(u));
        QCOMPARE(unnamed.size(), 0);
    }

    void menusNamed()
    {
        MainWindow window;
        QStringList unnamed;
        for (QAction *top : window.menuBar()->actions()) {
            QVERIFY(!top->text().isEmpty());
            for (QAction *action : top->menu()->actions()) {
                if (!action->isSeparator() && action->text().isEmpty())
                    unnamed << top->text();
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char(' '))));
    }

    // A status change is announced (an Alert accessibility event on the status label), not
    // only redrawn; a redraw with the same text is not announced again.
    void statusAnnounced()
    {
        MainWindow window;
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = 1;
        ConnectionTab *tab = window.addConnection(settings, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy announced(window.connectionStatusBar(), &ConnectionStatusBar::statusAnnounced);
        tab->connection()->setOffline(QStringLiteral("x.jsonl"), QStringLiteral("Offline: x.jsonl"));
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().first().toString(), QStringLiteral("Offline: x.jsonl"));
        tab->connection()->setOffline(QStringLiteral("x.jsonl"), QStringLiteral("Offline: x.jsonl"));
        QCOMPARE(announced.size(), 1);
        QLabel *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
        QCOMPARE(QAccessible::queryAccessibleInterface(status)->text(QAccessible::Name),
                 QStringLiteral("Offline: x.jsonl"));
    }

    // A screen reader reads a tree row's cells from the model.
    void treeRowsHaveText()
    {
        MainWindow window;
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = 1;
        ConnectionTab *tab = window.addConnection(settings, false);
        mqtt::Message m(QStringLiteral("home/kitchen/temp"), "21.5");
        tab->connection()->store()->add(m);
        tab->connection()->store()->flush();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAccessibleInterface *tree = nullptr;
        QList<QAccessibleInterface *> todo{QAccessible::queryAccessibleInterface(&window)};
        while (!todo.isEmpty() && !tree) {
            QAccessibleInterface *i = todo.takeFirst();
            if (i->role() == QAccessible::Tree && i->object()
                && i->object()->objectName() == u"topicTreeView")
                tree = i;
            for (int c = 0; c < i->childCount(); ++c)
                todo << i->child(c);
        }
        QVERIFY(tree);
        QAccessibleTableInterface *table = tree->tableInterface();
        QVERIFY(table);
        QVERIFY(table->rowCount() >= 1);
        QAccessibleInterface *cell = table->cellAt(0, 0);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name), QStringLiteral("home"));
    }
};

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
