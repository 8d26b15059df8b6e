#include "client.h"
#include "messagestore.h"
#include "socketloop.h"
#include "testbroker.h"
#include "topictreemodel.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

// A real broker end to end: Client -> messagesReceived -> MessageStore -> TopicTreeModel.
class tst_StoreIntegration : public QObject
{
    Q_OBJECT

private:
    static QString tree(const QAbstractItemModel &model, const QModelIndex &parent)
    {
        QStringList parts;
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex name = model.index(row, TopicTreeModel::NameColumn, parent);
            QString s = QStringLiteral("%1[%2,%3%4]")
                                .arg(name.data().toString(),
                                     name.siblingAtColumn(TopicTreeModel::TopicsColumn)
                                             .data().toString(),
                                     name.siblingAtColumn(TopicTreeModel::MessagesColumn)
                                             .data().toString(),
                                     name.siblingAtColumn(TopicTreeModel::RetainedColumn)
                                             .data().toString());
            if (model.rowCount(name) > 0)
                s += QLatin1Char('{') + tree(model, name) + QLatin1Char('}');
            parts << s;
        }
        return parts.join(QLatin1Char(','));
    }

    static bool publish(quint16 port, const QString &topic, const QString &payload,
                        bool retain = false)
    {
        QStringList args{QStringLiteral("-h"), qEnvironmentVariable("MQTT_TEST_BROKER_HOST",
                                                                    QStringLiteral("127.0.0.1")),
                         QStringLiteral("-p"), QString::number(port), QStringLiteral("-t"), topic,
                         QStringLiteral("-m"), payload};
        if (retain)
            args << QStringLiteral("-r");
        return QProcess::execute(QStringLiteral("mosquitto_pub"), args) == 0;
    }

private Q_SLOTS:
    void treeFromRealBroker()
    {
        const quint16 port = fixtureBrokerPort();
        if (!port)
            QSKIP("needs the fixture broker (run through ctest)");
        const QString root = QStringLiteral("storeit-%1")
                                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        // Retained before we subscribe: it must arrive with the retain flag.
        QVERIFY(publish(port, root + QStringLiteral("/config"), QStringLiteral("on"), true));

        MessageStore store;
        store.setFlushInterval(10);
        TopicTreeModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        mqtt::Client client;
        mqtt::SocketNotifierLoop loop(&client);
        connect(&client, &mqtt::Client::messagesReceived, &store, &MessageStore::addBatch);
        QSignalSpy subscribed(&client, &mqtt::Client::subscribed);
        connect(&client, &mqtt::Client::connected, &store,
                [&client, root](mqtt::ConnectFlags, mqtt::ReasonCode, const mqtt::Properties &) {
                    client.subscribe(root + QStringLiteral("/#"), 1);
                });
        const QString host =
                qEnvironmentVariable("MQTT_TEST_BROKER_HOST", QStringLiteral("127.0.0.1"));
        QCOMPARE(client.connect(host, port), mqtt::Error::Success);
        QTRY_COMPARE(subscribed.count(), 1);

        QVERIFY(publish(port, root + QStringLiteral("/home/kitchen/temp"), QStringLiteral("21")));
        QVERIFY(publish(port, root + QStringLiteral("/home/kitchen/temp"), QStringLiteral("22")));
        QVERIFY(publish(port, root + QStringLiteral("/home/hall/lamp"), QStringLiteral("off")));

        const QString expected = QStringLiteral(
                "%1[3,4]{config[1,1*],home[2,3]{kitchen[1,2]{temp[1,2]},hall[1,1]{lamp[1,1]}}}")
                                         .arg(root);
        QTRY_COMPARE(tree(model, QModelIndex()), expected);
        const QModelIndex temp = model.indexOfTopic(root + QStringLiteral("/home/kitchen/temp"));
        QCOMPARE(temp.siblingAtColumn(TopicTreeModel::PayloadColumn).data().toString(),
                 QStringLiteral("22"));
        QVERIFY(!temp.siblingAtColumn(TopicTreeModel::UpdatedColumn).data().toString().isEmpty());
        QCOMPARE(store.node(root + QStringLiteral("/home/kitchen/temp"))->history.size(), 2);

        // Clean up the retained message for the next run.
        QVERIFY(QProcess::execute(QStringLiteral("mosquitto_pub"),
                                  {QStringLiteral("-h"), host, QStringLiteral("-p"),
                                   QString::number(port), QStringLiteral("-t"),
                                   root + QStringLiteral("/config"), QStringLiteral("-r"),
                                   QStringLiteral("-n")})
                == 0);
        client.disconnect();
    }
};

QTEST_MAIN(tst_StoreIntegration)
#include "tst_storeintegration.moc"
