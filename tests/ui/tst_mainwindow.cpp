#include "widgets/mainwindow.h"

#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "panemodel.h"
#include "testbroker.h"
#include "topicsearchmodel.h"
#include "topictreemodel.h"
#include "widgets/connectionstatusbar.h"
#include "widgets/connectiontab.h"
#include "widgets/filterpane.h"
#include "widgets/topicdetails.h"
#include "widgets/topictree.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <Qsci/qsciscintilla.h>

// The window against real brokers: the fixture's mosquitto and, for a second broker or a
// password file, a TestBroker of the test's own.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    static QString uniqueRoot()
    {
        static int serial = 0;
        return QStringLiteral("ui-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    }
    static ConnectionSettings settingsFor(quint16 port, const QString &filter)
    {
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.subscriptions = {{filter, 1}};
        return settings;
    }
    static bool publish(quint16 port, const QString &topic, const QString &payload,
                        bool retain = false)
    {
        QStringList args{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(port), QStringLiteral("-q"), QStringLiteral("1"),
                         QStringLiteral("-t"), topic, QStringLiteral("-m"), payload};
        if (retain)
            args << QStringLiteral("-r");
        return QProcess::execute(QStringLiteral("mosquitto_pub"), args) == 0;
    }
    static bool waitConnected(ConnectionTab *tab)
    {
        const bool subscribing = QTest::qWaitFor([tab] {
            return tab->connection()->status() == Connection::Status::Connected
                   && !tab->connection()->client()->subscriptions().isEmpty();
        }, 5000);
        QTest::qWait(300); // the SUBACK: publishing earlier could race the subscription
        return subscribing;
    }
    static QString payloadShown(TopicDetails *details)
    {
        QStringList texts;
        for (const QsciScintilla *editor : details->findChildren<QsciScintilla *>())
            texts << editor->text();
        return texts.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A developer's saved window layout must not leak into the tests.
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
    }

    // mosquitto_pub publishes a tree; the tree model shows it with counts, typing a filter
    // narrows it, selecting a topic shows its payload.
    void treeFilterAndDetails()
    {
        const quint16 port = fixtureBrokerPort();
        QVERIFY2(port, "run through ctest: needs the fixture broker");
        const QString root = uniqueRoot();
        // Retained before we subscribe: the broker then delivers it with RETAIN set.
        QVERIFY(publish(port, root + QStringLiteral("/garage/door"), QStringLiteral("open"), true));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionTab *tab = window.addConnection(settingsFor(port, root + QStringLiteral("/#")));
        QVERIFY(waitConnected(tab));
        QTRY_VERIFY(window.connectionStatusBar()->statusText().startsWith(QStringLiteral("Connected (MQTT 5.0): Success")));

        QVERIFY(publish(port, root + QStringLiteral("/kitchen/temp"), QStringLiteral("21.5")));
        QVERIFY(publish(port, root + QStringLiteral("/kitchen/temp"), QStringLiteral("21.7")));
        QVERIFY(publish(port, root + QStringLiteral("/kitchen/humidity"), QStringLiteral("{\"rh\":41}")));

        TopicTreeModel *model = tab->connection()->treeModel();
        QTRY_VERIFY(model->indexOfTopic(root + QStringLiteral("/garage/door")).isValid());
        QTRY_COMPARE(tab->connection()->store()->totalMessages(), qint64(4));
        QTRY_COMPARE(tab->connection()->store()->topicCount(), 3);
        const QModelIndex rootIndex = model->indexOfTopic(root);
        QVERIFY(rootIndex.isValid());
        QTRY_COMPARE(model->rowCount(rootIndex), 2); // kitchen, garage
        QCOMPARE(rootIndex.siblingAtColumn(TopicTreeModel::TopicsColumn).data(Qt::DisplayRole).toString(),
                 QStringLiteral("3"));
        QCOMPARE(rootIndex.siblingAtColumn(TopicTreeModel::MessagesColumn).data(Qt::DisplayRole).toString(),
                 QStringLiteral("4"));
        const QModelIndex door = model->indexOfTopic(root + QStringLiteral("/garage/door"));
        QVERIFY(!door.siblingAtColumn(TopicTreeModel::RetainedColumn).data().toString().isEmpty());

        // Typing a filter turns the tree into the list of matching topics.
        TopicTree *tree = tab->topicTree();
        QVERIFY(!tree->isShowingSearch());
        QTest::keyClicks(tree->filterEdit(), QStringLiteral("humid"));
        QTRY_VERIFY(tree->isShowingSearch());
        QTRY_COMPARE(tree->searchModel()->matchCount(), 1);
        QCOMPARE(tree->searchModel()->topicAt(0), root + QStringLiteral("/kitchen/humidity"));
        QCOMPARE(tree->findChild<QLabel *>(QStringLiteral("matchCount"))->text(), QStringLiteral("1 of 3"));
        // A topic that arrives later and matches joins the list.
        QVERIFY(publish(port, root + QStringLiteral("/garage/humidity"), QStringLiteral("55")));
        QTRY_COMPARE(tree->searchModel()->matchCount(), 2);
        // An MQTT wildcard filter.
        tree->setFilter(root + QStringLiteral("/+/temp"), 1);
        QTRY_COMPARE(tree->searchModel()->matchCount(), 1);
        QCOMPARE(tree->searchModel()->topicAt(0), root + QStringLiteral("/kitchen/temp"));
        // A payload search with a regular expression.
        tree->setFilter(QStringLiteral("^ope"), 2, true);
        QTRY_COMPARE(tree->searchModel()->matchCount(), 1);
        QCOMPARE(tree->searchModel()->topicAt(0), root + QStringLiteral("/garage/door"));
        // An invalid expression says so and keeps the last result.
        tree->setFilter(QStringLiteral("(unclosed"), 2);
        QCOMPARE(tree->findChild<QLabel *>(QStringLiteral("matchCount"))->text(), QStringLiteral("invalid"));
        QCOMPARE(tree->searchModel()->matchCount(), 1);
        tree->setFilter(QString());
        QVERIFY(!tree->isShowingSearch());

        // Selecting a topic shows its last payload; its history holds both messages.
        QVERIFY(tree->selectTopic(root + QStringLiteral("/kitchen/temp")));
        QCOMPARE(tab->details()->topic(), root + QStringLiteral("/kitchen/temp"));
        QTRY_VERIFY(payloadShown(tab->details()).contains(QStringLiteral("21.7")));

        // The details follow new messages on the shown topic.
        QVERIFY(publish(port, root + QStringLiteral("/kitchen/temp"), QStringLiteral("22.9")));
        QCOMPARE(tab->details()->topic(), root + QStringLiteral("/kitchen/temp"));
        QTRY_VERIFY(payloadShown(tab->details()).contains(QStringLiteral("22.9")));
    }

    // paho's routing in GUI form: a message matching two pane filters is in both; one that
    // matches none goes to the default pane only.
    void overlappingPanesBothReceive()
    {
        const quint16 port = fixtureBrokerPort();
        QVERIFY2(port, "run through ctest: needs the fixture broker");
        const QString root = uniqueRoot();
        MainWindow window;
        ConnectionTab *tab = window.addConnection(settingsFor(port, root + QStringLiteral("/#")));
        QVERIFY(waitConnected(tab));
        QString error;
        QVERIFY2(tab->openPane(root + QStringLiteral("/a/#"), 0, false, &error), qPrintable(error));
        QVERIFY2(tab->openPane(root + QStringLiteral("/+/x"), 0, false, &error), qPrintable(error));
        QVERIFY(!tab->openPane(root + QStringLiteral("/a/#"), 0, false, &error)); // already open
        QVERIFY(!tab->openPane(QStringLiteral("a/#/b"), 0, false, &error));       // invalid
        QVERIFY(!error.isEmpty());
        QCOMPARE(tab->paneTabs()->count(), 3);
        const QList<PaneModel *> panes = tab->connection()->panes();
        PaneModel *defaultPane = panes.at(0);
        PaneModel *subtree = panes.at(1);
        PaneModel *wildcard = panes.at(2);

        QVERIFY(publish(port, root + QStringLiteral("/a/x"), QStringLiteral("both")));
        QVERIFY(publish(port, root + QStringLiteral("/a/y"), QStringLiteral("subtree only")));
        QVERIFY(publish(port, root + QStringLiteral("/b/z"), QStringLiteral("none")));
        QTRY_COMPARE(tab->connection()->store()->totalMessages(), qint64(3));
        QTRY_COMPARE(subtree->rowCount(), 2);
        QTRY_COMPARE(wildcard->rowCount(), 1);
        QTRY_COMPARE(defaultPane->rowCount(), 1);
        QCOMPARE(wildcard->message(0).payload(), QByteArray("both"));
        QCOMPARE(defaultPane->message(0).payload(), QByteArray("none"));

        // Pause keeps counting; resume inserts what arrived meanwhile.
        FilterPane *pane = tab->paneFor(subtree);
        QVERIFY(pane);
        auto *pause = pane->findChild<QToolButton *>(QStringLiteral("pauseButton"));
        pause->click();
        QVERIFY(subtree->isPaused());
        QVERIFY(publish(port, root + QStringLiteral("/a/1"), QStringLiteral("p1")));
        QVERIFY(publish(port, root + QStringLiteral("/a/2"), QStringLiteral("p2")));
        QTRY_COMPARE(tab->connection()->store()->totalMessages(), qint64(5));
        QTRY_COMPARE(subtree->pendingCount(), qint64(2));
        QCOMPARE(subtree->rowCount(), 2);
        QTRY_VERIFY(pane->countsText().contains(QStringLiteral("2 new (paused)")));
        pause->click();
        QTRY_COMPARE(subtree->rowCount(), 4);
        QCOMPARE(subtree->message(3).payload(), QByteArray("p2"));

        // Closing a pane stops its routing: the default pane gets what only it matched.
        tab->connection()->removePane(subtree);
        QTRY_COMPARE(tab->paneTabs()->count(), 2);
        QVERIFY(publish(port, root + QStringLiteral("/a/y"), QStringLiteral("after close")));
        QTRY_COMPARE(defaultPane->rowCount(), 2);
    }

    // A refused connection says why, with paho's exact CONNACK string.
    void refusalIsExplained()
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
        ConnectionSettings settings = settingsFor(broker.port(), QStringLiteral("#"));
        settings.protocolVersion = mqtt::ProtocolVersion::V311;
        settings.userName = QStringLiteral("alice");
        settings.password = QByteArray("wrong");
        ConnectionTab *tab = window.addConnection(settings);
        QTRY_COMPARE(tab->connection()->status(), Connection::Status::Refused);
        QVERIFY2(window.connectionStatusBar()->statusText().startsWith(
                     QStringLiteral("Refused: Connection Refused: not authorised.")),
                 qPrintable(window.connectionStatusBar()->statusText()));
    }

    // Two brokers at once: each tab sees only its own broker's traffic, and closing one tab
    // leaves the other connected.
    void twoBrokersTwoTabs()
    {
        const quint16 port = fixtureBrokerPort();
        QVERIFY2(port, "run through ctest: needs the fixture broker");
        TestBroker second;
        QVERIFY2(second.start(), qPrintable(second.lastError()));
        const QString root = uniqueRoot();
        MainWindow window;
        ConnectionTab *a = window.addConnection(settingsFor(port, root + QStringLiteral("/#")),
                                                false);
        QCOMPARE(a->connection()->client()->setWill(root + QStringLiteral("/will"), "gone", 1),
                 mqtt::Error::Success);
        a->connection()->connectToBroker();
        ConnectionTab *b = window.addConnection(settingsFor(second.port(), root + QStringLiteral("/#")));
        QCOMPARE(window.tabs()->count(), 2);
        QVERIFY(waitConnected(a));
        QVERIFY(waitConnected(b));
        QVERIFY(publish(port, root + QStringLiteral("/on-a"), QStringLiteral("1")));
        QVERIFY(publish(second.port(), root + QStringLiteral("/on-b"), QStringLiteral("2")));
        QTRY_COMPARE(a->connection()->store()->totalMessages(), qint64(1));
        QTRY_COMPARE(b->connection()->store()->totalMessages(), qint64(1));
        QVERIFY(a->connection()->store()->node(root + QStringLiteral("/on-a")));
        QVERIFY(!a->connection()->store()->node(root + QStringLiteral("/on-b")));
        QVERIFY(b->connection()->store()->node(root + QStringLiteral("/on-b")));

        // Closing a tab disconnects cleanly: its will is not published.
        QProcess willWatch;
        willWatch.start(QStringLiteral("mosquitto_sub"),
                        {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(port), QStringLiteral("-t"), root + QStringLiteral("/will"),
                         QStringLiteral("-W"), QStringLiteral("2")});
        QVERIFY(willWatch.waitForStarted());
        QTest::qWait(300);
        window.closeTab(window.tabs()->indexOf(a));
        QCOMPARE(window.tabs()->count(), 1);
        QVERIFY(willWatch.waitForFinished(5000));
        QCOMPARE(willWatch.readAllStandardOutput(), QByteArray());
        QCOMPARE(b->connection()->status(), Connection::Status::Connected);
        QVERIFY(publish(second.port(), root + QStringLiteral("/on-b"), QStringLiteral("3")));
        QTRY_COMPARE(b->connection()->store()->totalMessages(), qint64(2));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
