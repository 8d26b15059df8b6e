#include "connectionprofile.h"
#include "profilestore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The profile list: a list model under QAbstractItemModelTester, QSettings and JSON file round
// trips that keep every field and no secret, and damaged files and settings entries that each
// name the problem while the other profiles load.
class tst_ProfileStore : public QObject
{
    Q_OBJECT

    static ConnectionProfile make(const QString &name, const QString &host = QStringLiteral("h"))
    {
        ConnectionProfile p;
        p.name = name;
        p.host = host;
        p.userName = QStringLiteral("alice");
        p.password = "top-secret-pw";
        p.savePassword = true;
        p.keyPassphrase = "top-secret-phrase";
        p.willEnabled = true;
        p.willTopic = QStringLiteral("will/") + name;
        p.subscriptions = {{QStringLiteral("a/#"), 1, true, false, 1, 7}};
        return p;
    }

    static QList<ConnectionProfile> withoutSecrets(const ProfileStore &store)
    {
        QList<ConnectionProfile> list;
        for (const ConnectionProfile &p : store.profiles())
            list << p.withoutSecrets();
        return list;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void editing()
    {
        ProfileStore store;
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&store, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&store, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&store, &QAbstractItemModel::dataChanged);
        QCOMPARE(store.add(make(QStringLiteral("a"))), 0);
        QCOMPARE(store.add(make(QStringLiteral("a"))), 1);
        QCOMPARE(store.profile(1).name, QStringLiteral("a (2)"));
        QCOMPARE(store.duplicate(0), 1);
        QCOMPARE(store.profile(1).name, QStringLiteral("a (copy)"));
        QCOMPARE(inserted.count(), 3);
        QString error;
        QVERIFY(!store.rename(1, QStringLiteral("a"), &error));
        QCOMPARE(error, QStringLiteral("There is a profile called \"a\" already."));
        QVERIFY(!store.rename(1, QStringLiteral("  "), &error));
        QVERIFY(store.setData(store.index(1), QStringLiteral("b")));
        QCOMPARE(store.data(store.index(1)).toString(), QStringLiteral("b"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.indexOf(QStringLiteral("b")), 1);
        QCOMPARE(store.data(store.index(0), ProfileStore::UrlRole).toString(), QStringLiteral("mqtt://h:1883"));
        ConnectionProfile p = store.profile(0);
        p.name = QStringLiteral("b");
        QVERIFY(store.update(0, p));
        QCOMPARE(store.profile(0).name, QStringLiteral("b (2)"));
        // Every profile has its own id (the key of its keychain entries); a rename and an
        // update keep it, a duplicate gets a new one.
        QVERIFY(!store.profile(0).id.isEmpty());
        QVERIFY(store.profile(0).id != store.profile(1).id);
        QVERIFY(store.profile(1).id != store.profile(2).id);
        const QString id = store.profile(1).id;
        QVERIFY(store.rename(1, QStringLiteral("renamed")));
        QCOMPARE(store.profile(1).id, id);
        ConnectionProfile other = store.profile(2);
        other.id = QStringLiteral("something else");
        QVERIFY(store.update(1, other));
        QCOMPARE(store.profile(1).id, id);
        QCOMPARE(store.indexOfId(id), 1);
        QVERIFY(store.remove(1));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(store.count(), 2);
    }

    void settingsRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings.ini"));
        ProfileStore store;
        store.add(tst_ProfileStore::make(QStringLiteral("one")));
        ConnectionProfile two = make(QStringLiteral("two"), QStringLiteral("broker"));
        two.transport = ConnectionProfile::Transport::Mqtts;
        two.connectAtLaunch = true;
        store.add(two);
        {
            QSettings settings(path, QSettings::IniFormat);
            store.save(settings);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("top-secret"));
        QVERIFY(text.contains("will/one"));

        ProfileStore back;
        QAbstractItemModelTester tester(&back, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(back.load(settings), QStringList());
        QCOMPARE(back.count(), 2);
        QCOMPARE(back.profile(0), store.profile(0).withoutSecrets());
        QCOMPARE(back.profile(1), store.profile(1).withoutSecrets());
        QVERIFY(back.profile(1).connectAtLaunch);
    }

    // The application's own QSettings (XDG_CONFIG_HOME, which ctest sets for each test).
    void defaultSettingsRoundTrip()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("tst_profilestore"));
        ProfileStore store;
        store.add(make(QStringLiteral("x")));
        {
            QSettings settings;
            store.save(settings);
        }
        QSettings settings;
        ProfileStore back;
        QCOMPARE(back.load(settings), QStringList());
        QCOMPARE(back.profiles(), withoutSecrets(store));
    }

    void damagedSettingsEntry()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.ini"));
        {
            ProfileStore store;
            store.add(make(QStringLiteral("one")));
            store.add(make(QStringLiteral("two")));
            store.add(make(QStringLiteral("three")));
            QSettings settings(path, QSettings::IniFormat);
            store.save(settings);
            settings.setValue(QStringLiteral("ConnectionProfiles/2/json"), QStringLiteral("{\"name\": \"two\", \"port\": "));
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore back;
        const QStringList errors = back.load(settings);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QStringLiteral("Saved profile 2: not JSON")), qPrintable(errors.first()));
        QCOMPARE(back.count(), 2);
        QCOMPARE(back.profile(0).name, QStringLiteral("one"));
        QCOMPARE(back.profile(1).name, QStringLiteral("three"));

        // A parsable entry with a bad field is named.
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("ConnectionProfiles/2/json"),
                              QStringLiteral("{\"name\": \"two\", \"port\": \"x\"}"));
        }
        QSettings again(path, QSettings::IniFormat);
        QCOMPARE(back.load(again), QStringList{QStringLiteral(
                         "Saved profile 2 (\"two\"): \"port\" must be a whole number from 1 to 65535")});
        QCOMPARE(back.count(), 2);
    }

    void fileRoundTrip()
    {
        ProfileStore store;
        store.add(make(QStringLiteral("one")));
        store.add(make(QStringLiteral("two")));
        const QString path = m_dir.filePath(QStringLiteral("profiles.json"));
        QString error;
        QVERIFY2(store.exportFile(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("top-secret"));
        QVERIFY(text.contains("\"format\": \"mqtt-inspector-profiles\""));

        ProfileStore back;
        QAbstractItemModelTester tester(&back, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList errors;
        QCOMPARE(back.importFile(path, &errors), 2);
        QCOMPARE(errors, QStringList());
        QCOMPARE(back.profiles(), withoutSecrets(store));
        // Importing again keeps both copies, renamed.
        QCOMPARE(back.importFile(path, &errors), 2);
        QCOMPARE(back.profile(2).name, QStringLiteral("one (2)"));
        QVERIFY(back.profile(2).id != back.profile(0).id); // its own keychain entries
    }

    void exportFailure()
    {
        ProfileStore store;
        QString error;
        QVERIFY(!store.exportFile(m_dir.filePath(QStringLiteral("no/such/dir/p.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot write ")), qPrintable(error));
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("loaded");  // names that still load
        QTest::addColumn<QStringList>("messages");
        const QByteArray head = R"({"format":"mqtt-inspector-profiles","version":1,"profiles":[)";
        const QByteArray good1 = R"({"name":"good1","host":"a"})";
        const QByteArray good2 = R"({"name":"good2","host":"b"})";
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringList()
                                  << QStringList{"The file is not JSON: unterminated object at offset 11."};
        QTest::newRow("other format") << QByteArray(R"({"format":"something","profiles":[]})") << QStringList()
                                      << QStringList{"The file is not a profiles file: \"format\" is not \"mqtt-inspector-profiles\"."};
        QTest::newRow("future version") << QByteArray(R"({"format":"mqtt-inspector-profiles","version":9,"profiles":[]})")
                                        << QStringList()
                                        << QStringList{"The file's version 9 is not one this version reads (1 to 1)."};
        QTest::newRow("no list") << QByteArray(R"({"format":"mqtt-inspector-profiles","version":1})") << QStringList()
                                 << QStringList{"The file has no \"profiles\" list."};
        QTest::newRow("bad port") << head + good1 + R"(,{"name":"broken","port":99999},)" + good2 + "]}"
                                  << QStringList{"good1", "good2"}
                                  << QStringList{"Profile 2 (\"broken\"): \"port\" must be a whole number from 1 to 65535"};
        QTest::newRow("no name") << head + good1 + R"(,{"host":"x"},)" + good2 + "]}"
                                 << QStringList{"good1", "good2"}
                                 << QStringList{"Profile 2: \"name\" is missing or empty"};
        QTest::newRow("not an object") << head + R"(42,)" + good1 + "]}" << QStringList{"good1"}
                                       << QStringList{"Profile 1: not a JSON object"};
        QTest::newRow("two damaged") << head + R"({"name":"t","transport":"udp"},)" + good2
                                                + R"(,{"name":"w","will":{"qos":7}}]})"
                                     << QStringList{"good2"}
                                     << QStringList{"Profile 1 (\"t\"): \"transport\" is \"udp\"; expected mqtt, mqtts, ws or wss",
                                                    "Profile 3 (\"w\"): will: \"qos\" must be a whole number from 0 to 2"};
    }
    void damagedFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, loaded);
        QFETCH(QStringList, messages);
        const QString path = m_dir.filePath(QStringLiteral("damaged.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        ProfileStore store;
        store.add(make(QStringLiteral("existing")));
        QStringList errors;
        QCOMPARE(store.importFile(path, &errors), loaded.size());
        QCOMPARE(errors, messages);
        QStringList names;
        for (const ConnectionProfile &p : store.profiles())
            names << p.name;
        QCOMPARE(names, QStringList{"existing"} + loaded);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
