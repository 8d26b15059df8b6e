#include "retainedcleaner.h"

#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "testbroker.h"
#include "topicnode.h"
#include "widgets/topictree.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

// Deleting retained messages against the fixture's mosquitto, checked with mosquitto_sub
// --retained-only: what the broker still keeps, not what we think we sent.
class tst_RetainedCleaner : public QObject
{
    Q_OBJECT

private:
    static QString uniqueRoot()
    {
        static int serial = 0;
        return QStringLiteral("retained-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    }
    static QString host()
    {
        const QString h = qEnvironmentVariable("MQTT_TEST_BROKER_HOST");
        return h.isEmpty() ? QStringLiteral("127.0.0.1") : h;
    }
    static bool publish(quint16 port, const QString &topic, const QString &payload, bool retain)
    {
        QStringList args{QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(port),
                         QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), topic,
                         QStringLiteral("-m"), payload};
        if (retain)
            args << QStringLiteral("-r");
        return QProcess::execute(QStringLiteral("mosquitto_pub"), args) == 0;
    }
    // The topics the broker holds retained under `filter`, sorted.
    static QStringList brokerRetained(quint16 port, const QString &filter)
    {
        QProcess sub;
        sub.start(QStringLiteral("mosquitto_sub"),
                  {QStringLiteral("--retained-only"), QStringLiteral("-W"), QStringLiteral("2"),
                   QStringLiteral("-v"), QStringLiteral("-t"), filter, QStringLiteral("-h"), host(),
                   QStringLiteral("-p"), QString::number(port)});
        if (!sub.waitForFinished(10000))
            return {QStringLiteral("<mosquitto_sub did not end>")};
        QStringList topics;
        const QList<QByteArray> lines = sub.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.isEmpty())
                topics << QString::fromUtf8(line.left(line.indexOf(' ')));
        }
        topics.sort();
        return topics;
    }
    static std::unique_ptr<Connection> connectTo(quint16 port, const QString &filter)
    {
        ConnectionSettings settings;
        settings.host = host();
        settings.port = port;
        settings.subscriptions = {{filter, 1}};
        auto connection = std::make_unique<Connection>(settings);
        connection->connectToBroker();
        const bool ok = QTest::qWaitFor([&] {
            return connection->status() == Connection::Status::Connected
                   && !connection->client()->subscriptions().isEmpty();
        }, 5000);
        if (!ok)
            return nullptr;
        QTest::qWait(300); // the SUBACK: a live publish earlier could race the subscription
        return connection;
    }

private Q_SLOTS:
    void init()
    {
        if (!fixtureBrokerPort())
            QSKIP("run through ctest: needs the fixture broker");
    }

    // Which topics count: retained on delivery, at or under the node, not empty.
    void countsRetainedTopics_data()
    {
        QTest::addColumn<QString>("under"); // relative to the test's root; "" = the root
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("root") << QString() << QStringList{"a", "b/c", "b/d", "b/d/e"};
        QTest::newRow("level") << QStringLiteral("b") << QStringList{"b/c", "b/d", "b/d/e"};
        QTest::newRow("topic with children") << QStringLiteral("b/d") << QStringList{"b/d", "b/d/e"};
        QTest::newRow("leaf") << QStringLiteral("a") << QStringList{"a"};
        QTest::newRow("live only") << QStringLiteral("live") << QStringList{};
        QTest::newRow("absent") << QStringLiteral("nope") << QStringList{};
    }
    void countsRetainedTopics()
    {
        QFETCH(QString, under);
        QFETCH(QStringList, expected);
        const quint16 port = fixtureBrokerPort();
        const QString root = uniqueRoot();
        for (const char *t : {"a", "b/c", "b/d", "b/d/e"})
            QVERIFY(publish(port, root + QLatin1Char('/') + QLatin1String(t), QStringLiteral("v"), true));
        // A sibling outside the root must not count.
        QVERIFY(publish(port, root + QStringLiteral("x/a"), QStringLiteral("v"), true));
        auto connection = connectTo(port, root + QStringLiteral("/#"));
        QVERIFY(connection);
        QVERIFY(publish(port, root + QStringLiteral("/live"), QStringLiteral("v"), false));
        QTRY_COMPARE(connection->store()->topicCount(), 5);

        RetainedCleaner cleaner(connection->client(), connection->store());
        QStringList want;
        for (const QString &t : expected)
            want << root + QLatin1Char('/') + t;
        QCOMPARE(cleaner.retainedTopicsUnder(under.isEmpty() ? root : root + QLatin1Char('/') + under), want);
        QCOMPARE(cleaner.hasRetained(root + QStringLiteral("/live")), false);
        QCOMPARE(cleaner.hasRetained(root + QStringLiteral("/b")), false); // a level, no message
        QCOMPARE(cleaner.hasRetained(root + QStringLiteral("/b/d")), true);

        // Leave the broker clean for the other rows.
        QSignalSpy done(&cleaner, &RetainedCleaner::finished);
        QCOMPARE(cleaner.clear(cleaner.retainedTopicsUnder(root)), 4);
        QVERIFY(done.wait(5000));
        QVERIFY(publish(port, root + QStringLiteral("x/a"), QString(), true));
    }

    // The subtree goes, the rest stays, and the store sees the deletion.
    void deleteSubtree()
    {
        const quint16 port = fixtureBrokerPort();
        const QString root = uniqueRoot();
        const QStringList retained{root + "/keep", root + "/zone/a", root + "/zone/b/c", root + "/zone/b/d"};
        for (const QString &t : retained)
            QVERIFY(publish(port, t, QStringLiteral("{\"on\":true}"), true));
        QCOMPARE(brokerRetained(port, root + QStringLiteral("/#")), retained);

        auto connection = connectTo(port, root + QStringLiteral("/#"));
        QVERIFY(connection);
        QTRY_COMPARE(connection->store()->topicCount(), 4);
        RetainedCleaner cleaner(connection->client(), connection->store());
        const QStringList zone = cleaner.retainedTopicsUnder(root + QStringLiteral("/zone"));
        QCOMPARE(zone.size(), 3);

        QSignalSpy done(&cleaner, &RetainedCleaner::finished);
        QString error;
        QCOMPARE(cleaner.clear(zone, &error), 3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toInt(), 3); // deleted
        QCOMPARE(done.first().at(1).toInt(), 0); // failed

        QCOMPARE(brokerRetained(port, root + QStringLiteral("/#")), QStringList{root + "/keep"});
        // Our subscription got the empty messages: the store no longer counts them.
        QTRY_COMPARE(cleaner.retainedTopicsUnder(root), QStringList{root + "/keep"});

        QVERIFY(cleaner.clear({root + "/keep"}) == 1);
        QVERIFY(done.wait(5000));
        QCOMPARE(brokerRetained(port, root + QStringLiteral("/#")), QStringList());
    }

    void refusedWhenDisconnected()
    {
        ConnectionSettings settings;
        settings.host = host();
        settings.port = fixtureBrokerPort();
        Connection connection(settings); // never connected
        RetainedCleaner cleaner(connection.client(), connection.store());
        QSignalSpy done(&cleaner, &RetainedCleaner::finished);
        QString error;
        QCOMPARE(cleaner.clear({QStringLiteral("a/b")}, &error), 0);
        QCOMPARE(error, QStringLiteral("not connected to the broker"));
        QCOMPARE(done.count(), 0);
    }

    // The tree's context action: the confirmation names the exact count; Cancel sends nothing,
    // Delete empties the subtree on the broker.
    void treeConfirmation_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::newRow("cancel") << false;
        QTest::newRow("delete") << true;
    }
    void treeConfirmation()
    {
        QFETCH(bool, confirm);
        const quint16 port = fixtureBrokerPort();
        const QString root = uniqueRoot();
        for (int i = 0; i < 7; ++i)
            QVERIFY(publish(port, root + QStringLiteral("/dev/%1/state").arg(i), QStringLiteral("ok"), true));
        auto connection = connectTo(port, root + QStringLiteral("/#"));
        QVERIFY(connection);
        QVERIFY(publish(port, root + QStringLiteral("/dev/live"), QStringLiteral("x"), false));
        QTRY_COMPARE(connection->store()->topicCount(), 8);

        TopicTree tree(connection.get());
        QString shownText;
        QString informative;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            shownText = box->text();
            informative = box->informativeText();
            if (confirm)
                box->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
            else
                box->button(QMessageBox::Cancel)->click();
        });
        const int sent = tree.deleteRetainedUnder(root + QStringLiteral("/dev"));
        QCOMPARE(shownText, QStringLiteral("Delete the retained messages of 7 topics under %1/dev?").arg(root));
        QVERIFY(informative.contains(root + QStringLiteral("/dev/0/state")));
        QVERIFY(!informative.contains(QStringLiteral("/dev/live")));
        QCOMPARE(sent, confirm ? 7 : 0);
        QTest::qWait(300);
        QCOMPARE(brokerRetained(port, root + QStringLiteral("/#")).size(), confirm ? 0 : 7);
        if (!confirm) {
            QSignalSpy done(tree.retainedCleaner(), &RetainedCleaner::finished);
            tree.retainedCleaner()->clear(tree.retainedCleaner()->retainedTopicsUnder(root));
            QVERIFY(done.wait(5000));
        }
    }
};

QTEST_MAIN(tst_RetainedCleaner)
#include "tst_retainedcleaner.moc"
