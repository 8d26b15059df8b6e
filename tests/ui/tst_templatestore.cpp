#include "templatestore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The saved publish templates: the tree model under QAbstractItemModelTester with exact
// structural signal counts, QSettings and JSON round trips that keep every byte and the order
// of repeated user properties, and damaged import files that each say what is wrong and change
// nothing.
class tst_TemplateStore : public QObject
{
    Q_OBJECT

private:
    // One spy per structural signal, so that a change from one signal to many (or a reset)
    // fails a test.
    struct Spies
    {
        explicit Spies(TemplateStore *store)
            : aboutToInsert(store, &QAbstractItemModel::rowsAboutToBeInserted)
            , inserted(store, &QAbstractItemModel::rowsInserted)
            , aboutToRemove(store, &QAbstractItemModel::rowsAboutToBeRemoved)
            , removed(store, &QAbstractItemModel::rowsRemoved)
            , aboutToMove(store, &QAbstractItemModel::rowsAboutToBeMoved)
            , moved(store, &QAbstractItemModel::rowsMoved)
            , changed(store, &QAbstractItemModel::dataChanged)
            , reset(store, &QAbstractItemModel::modelReset)
        {
        }
        // inserted, removed, moved, changed; the "about to" twins must match.
        QList<int> counts() const
        {
            return {int(inserted.count()), int(removed.count()), int(moved.count()), int(changed.count()), int(reset.count())};
        }
        bool paired() const
        {
            return aboutToInsert.count() == inserted.count() && aboutToRemove.count() == removed.count()
                   && aboutToMove.count() == moved.count();
        }
        void clear()
        {
            for (QSignalSpy *spy : {&aboutToInsert, &inserted, &aboutToRemove, &removed, &aboutToMove, &moved, &changed, &reset})
                spy->clear();
        }
        QSignalSpy aboutToInsert, inserted, aboutToRemove, removed, aboutToMove, moved, changed, reset;
    };

    static PublishTemplate make(const QString &group, const QString &name, const QString &topic = QStringLiteral("t"))
    {
        PublishTemplate t;
        t.group = group;
        t.name = name;
        t.topic = topic;
        t.payload = name.toUtf8();
        return t;
    }

    // Every field set, a payload of all 256 byte values, correlation data that is not text,
    // and user properties with a repeated name out of alphabetical order.
    static PublishTemplate full()
    {
        PublishTemplate t;
        t.group = QStringLiteral("Binary ü");
        t.name = QStringLiteral("all bytes");
        t.topic = QStringLiteral("lab/bytes/ü");
        for (int i = 0; i < 256; ++i)
            t.payload.append(char(i));
        t.qos = 2;
        t.retain = true;
        t.mode = PublishTemplate::EditorMode::Hex;
        t.contentType = QStringLiteral("application/octet-stream");
        t.payloadFormatIndicator = 0;
        t.messageExpiryInterval = 4294967295u;
        t.responseTopic = QStringLiteral("lab/reply");
        t.correlationData = QByteArray("\x00\xff\x01", 3);
        t.correlationHex = true;
        t.userProperties = {{QStringLiteral("zeta"), QStringLiteral("1")},
                            {QStringLiteral("alpha"), QStringLiteral("2")},
                            {QStringLiteral("zeta"), QStringLiteral("3")},
                            {QStringLiteral("ü"), QString()}};
        return t;
    }

    static PublishTemplate text()
    {
        PublishTemplate t;
        t.group = QStringLiteral("Kitchen");
        t.name = QStringLiteral("light on");
        t.topic = QStringLiteral("home/kitchen/light/set");
        t.payload = "{\"on\": true, \"note\": \"grüß\"}\n";
        t.qos = 1;
        t.mode = PublishTemplate::EditorMode::Json;
        t.contentType = QStringLiteral("application/json");
        t.payloadFormatIndicator = 1;
        t.correlationData = QByteArray("req-1");
        return t;
    }

    static void fill(TemplateStore *store)
    {
        store->addTemplate(text());
        store->addTemplate(full());
        store->addGroup(QStringLiteral("Empty"));
        PublishTemplate minimal;
        minimal.group = QStringLiteral("Kitchen");
        minimal.name = QStringLiteral("empty payload");
        minimal.topic = QStringLiteral("home/kitchen/ping");
        store->addTemplate(minimal);
    }

    static QByteArray withHeader(const QByteArray &templates)
    {
        return "{\"format\": \"mqtt-inspector-publish-templates\", \"version\": 1, \"templates\": " + templates + "}";
    }

private Q_SLOTS:
    void structuralSignals()
    {
        TemplateStore store;
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&store);
        using Counts = QList<int>; // inserted, removed, moved, changed, reset

        // A template in a new group: the group row, then the template row.
        const QModelIndex first = store.addTemplate(make(QStringLiteral("A"), QStringLiteral("one")));
        QCOMPARE(spies.counts(), Counts({2, 0, 0, 0, 0}));
        QCOMPARE(first.parent(), store.groupIndex(QStringLiteral("A")));
        QCOMPARE(first.data().toString(), QStringLiteral("one"));
        spies.clear();

        store.addTemplate(make(QStringLiteral("A"), QStringLiteral("two")));
        QCOMPARE(spies.counts(), Counts({1, 0, 0, 0, 0}));
        QCOMPARE(spies.inserted.first().at(1).toInt(), 1);
        spies.clear();

        // The same name again: kept, with a suffix.
        const QModelIndex clash = store.addTemplate(make(QStringLiteral("A"), QStringLiteral("one")));
        QCOMPARE(clash.data().toString(), QStringLiteral("one (2)"));
        QCOMPARE(spies.counts(), Counts({1, 0, 0, 0, 0}));
        spies.clear();

        // Reorder within the group: one move each way.
        QVERIFY(store.moveDown(store.findTemplate(QStringLiteral("A"), QStringLiteral("one"))));
        QCOMPARE(spies.counts(), Counts({0, 0, 1, 0, 0}));
        QCOMPARE(store.findTemplate(QStringLiteral("A"), QStringLiteral("one")).row(), 1);
        QVERIFY(store.moveUp(store.findTemplate(QStringLiteral("A"), QStringLiteral("one"))));
        QCOMPARE(store.findTemplate(QStringLiteral("A"), QStringLiteral("one")).row(), 0);
        QVERIFY(!store.moveUp(store.findTemplate(QStringLiteral("A"), QStringLiteral("one"))));
        QVERIFY(!store.moveDown(store.findTemplate(QStringLiteral("A"), QStringLiteral("one (2)"))));
        QCOMPARE(spies.counts(), Counts({0, 0, 2, 0, 0}));
        spies.clear();

        // To a new group: the group is inserted, the template moved (not removed and added).
        const QModelIndex moved = store.moveToGroup(store.findTemplate(QStringLiteral("A"), QStringLiteral("two")), QStringLiteral("B"));
        QCOMPARE(spies.counts(), Counts({1, 0, 1, 0, 0}));
        QCOMPARE(moved.data(TemplateStore::GroupNameRole).toString(), QStringLiteral("B"));
        QCOMPARE(store.templateAt(moved).group, QStringLiteral("B"));
        QCOMPARE(store.rowCount(store.groupIndex(QStringLiteral("A"))), 2);
        spies.clear();

        const QModelIndex copy = store.duplicate(moved);
        QCOMPARE(copy.data().toString(), QStringLiteral("two (copy)"));
        QCOMPARE(copy.row(), moved.row() + 1);
        QCOMPARE(spies.counts(), Counts({1, 0, 0, 0, 0}));
        spies.clear();

        // Renames: one dataChanged; a taken name is refused with no signal.
        QVERIFY(store.rename(copy, QStringLiteral("three")));
        QCOMPARE(spies.counts(), Counts({0, 0, 0, 1, 0}));
        QString error;
        QVERIFY(!store.rename(copy, QStringLiteral("two"), &error));
        QCOMPARE(error, QStringLiteral("\"B\" already has a template named \"two\""));
        QVERIFY(!store.rename(store.groupIndex(QStringLiteral("B")), QStringLiteral("A"), &error));
        QCOMPARE(error, QStringLiteral("A group named \"A\" exists already"));
        QVERIFY(!store.setData(copy, QStringLiteral("  ")));
        QCOMPARE(spies.counts(), Counts({0, 0, 0, 1, 0}));
        QVERIFY(store.rename(store.groupIndex(QStringLiteral("B")), QStringLiteral("Bee")));
        QCOMPARE(store.templateAt(store.findTemplate(QStringLiteral("Bee"), QStringLiteral("three"))).group, QStringLiteral("Bee"));
        spies.clear();

        // Groups reorder among themselves.
        QVERIFY(store.moveUp(store.groupIndex(QStringLiteral("Bee"))));
        QCOMPARE(store.groupNames(), QStringList({QStringLiteral("Bee"), QStringLiteral("A")}));
        QCOMPARE(spies.counts(), Counts({0, 0, 1, 0, 0}));
        spies.clear();

        // A template, then a group with its templates: one removal each.
        QVERIFY(store.remove(store.findTemplate(QStringLiteral("Bee"), QStringLiteral("three"))));
        QCOMPARE(spies.counts(), Counts({0, 1, 0, 0, 0}));
        QVERIFY(store.remove(store.groupIndex(QStringLiteral("A"))));
        QCOMPARE(spies.counts(), Counts({0, 2, 0, 0, 0}));
        QCOMPARE(store.templateCount(), 1);
        QCOMPARE(store.groupNames(), QStringList({QStringLiteral("Bee")}));
        QVERIFY(spies.paired());
    }

    void moveIntoClashKeepsBoth()
    {
        TemplateStore store;
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store.addTemplate(make(QStringLiteral("A"), QStringLiteral("same"), QStringLiteral("a")));
        store.addTemplate(make(QStringLiteral("B"), QStringLiteral("same"), QStringLiteral("b")));
        Spies spies(&store);
        const QModelIndex moved = store.moveToGroup(store.findTemplate(QStringLiteral("B"), QStringLiteral("same")), QStringLiteral("A"));
        // One move and the renamed row's dataChanged; nothing removed or overwritten.
        QCOMPARE(spies.counts(), QList<int>({0, 0, 1, 1, 0}));
        QCOMPARE(moved.data().toString(), QStringLiteral("same (2)"));
        QCOMPARE(store.templateAt(moved).topic, QStringLiteral("b"));
        QCOMPARE(store.templateAt(store.findTemplate(QStringLiteral("A"), QStringLiteral("same"))).topic, QStringLiteral("a"));
        QCOMPARE(store.rowCount(store.groupIndex(QStringLiteral("B"))), 0);
    }

    void dragAndDrop()
    {
        TemplateStore store;
        QAbstractItemModelTester tester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store.addTemplate(make(QStringLiteral("A"), QStringLiteral("one")));
        store.addTemplate(make(QStringLiteral("A"), QStringLiteral("two")));
        store.addTemplate(make(QStringLiteral("B"), QStringLiteral("three")));
        Spies spies(&store);
        const auto drag = [&](const QModelIndex &index) {
            return std::unique_ptr<QMimeData>(store.mimeData({index}));
        };

        // Onto another group: appended there, by one move.
        auto data = drag(store.findTemplate(QStringLiteral("A"), QStringLiteral("two")));
        QVERIFY(data);
        const QModelIndex groupB = store.groupIndex(QStringLiteral("B"));
        QVERIFY(store.canDropMimeData(data.get(), Qt::MoveAction, -1, 0, groupB));
        QVERIFY(!store.canDropMimeData(data.get(), Qt::CopyAction, -1, 0, groupB));
        QVERIFY(!store.canDropMimeData(data.get(), Qt::MoveAction, -1, 0, QModelIndex())); // not top-level
        QVERIFY(!store.dropMimeData(data.get(), Qt::MoveAction, -1, 0, groupB)); // false: the view removes nothing
        QCOMPARE(spies.counts(), QList<int>({0, 0, 1, 0, 0}));
        QCOMPARE(store.findTemplate(QStringLiteral("B"), QStringLiteral("two")).row(), 1);

        // Onto a template: before it.
        data = drag(store.findTemplate(QStringLiteral("B"), QStringLiteral("two")));
        store.dropMimeData(data.get(), Qt::MoveAction, -1, 0, store.findTemplate(QStringLiteral("B"), QStringLiteral("three")));
        QCOMPARE(store.findTemplate(QStringLiteral("B"), QStringLiteral("two")).row(), 0);
        QCOMPARE(spies.counts(), QList<int>({0, 0, 2, 0, 0}));

        // Onto itself or right below itself: no move.
        data = drag(store.findTemplate(QStringLiteral("B"), QStringLiteral("two")));
        QVERIFY(!store.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, groupB));
        QVERIFY(!store.canDropMimeData(data.get(), Qt::MoveAction, 1, 0, groupB));
        QVERIFY(store.canDropMimeData(data.get(), Qt::MoveAction, 2, 0, groupB));

        // A group before another.
        data = drag(groupB);
        store.dropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex());
        QCOMPARE(store.groupNames(), QStringList({QStringLiteral("B"), QStringLiteral("A")}));
        QCOMPARE(spies.counts(), QList<int>({0, 0, 3, 0, 0}));
        QVERIFY(spies.paired());
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("templates.ini"));
        TemplateStore store;
        fill(&store);
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("Other/key"), 42); // not ours: must survive
            store.save(settings);
        }
        TemplateStore loaded;
        QAbstractItemModelTester tester(&loaded, QAbstractItemModelTester::FailureReportingMode::QtTest);
        {
            QSettings settings(path, QSettings::IniFormat);
            loaded.load(settings);
            QCOMPARE(settings.value(QStringLiteral("Other/key")).toInt(), 42);
        }
        QCOMPARE(loaded.groupNames(), store.groupNames());
        QCOMPARE(loaded.templates(), store.templates());
        QCOMPARE(loaded.templateAt(loaded.findTemplate(QStringLiteral("Binary ü"), QStringLiteral("all bytes"))), full());

        // Deleting and saving again leaves nothing behind of the deleted one.
        store.remove(store.groupIndex(QStringLiteral("Binary ü")));
        {
            QSettings settings(path, QSettings::IniFormat);
            store.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        loaded.load(settings);
        QCOMPARE(loaded.templates(), store.templates());
        QCOMPARE(loaded.groupNames(), QStringList({QStringLiteral("Kitchen"), QStringLiteral("Empty")}));
    }

    void jsonRoundTrip()
    {
        TemplateStore store;
        fill(&store);
        const QByteArray json = store.toJson();
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("mqtt-inspector-publish-templates"));
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        const QJsonArray templates = root.value(QLatin1String("templates")).toArray();
        QCOMPARE(templates.size(), 3);
        // Text stays readable, bytes that are not text go as base64.
        QCOMPARE(templates.at(0).toObject().value(QLatin1String("payload")).toString(), QString::fromUtf8(text().payload));
        QVERIFY(templates.at(2).toObject().contains(QLatin1String("payloadBase64")));
        QVERIFY(!templates.at(2).toObject().contains(QLatin1String("payload")));

        TemplateStore imported;
        QAbstractItemModelTester tester(&imported, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        TemplateStore::ImportResult result;
        QVERIFY2(imported.importJson(json, &error, &result), qPrintable(error));
        QCOMPARE(result.added, 3);
        QVERIFY(result.renamed.isEmpty());
        QCOMPARE(imported.groupNames(), store.groupNames()); // the empty group too
        QCOMPARE(imported.templates(), store.templates());
        QCOMPARE(imported.templateAt(imported.findTemplate(QStringLiteral("Binary ü"), QStringLiteral("all bytes"))).userProperties,
                 full().userProperties);

        // Through a file as well.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        QVERIFY2(store.exportFile(path, &error), qPrintable(error));
        TemplateStore fromFile;
        QVERIFY2(fromFile.importFile(path, &error), qPrintable(error));
        QCOMPARE(fromFile.templates(), store.templates());
    }

    void importKeepsExistingNames()
    {
        TemplateStore store;
        fill(&store);
        const QList<PublishTemplate> before = store.templates();
        QString error;
        TemplateStore::ImportResult result;
        QVERIFY(store.importJson(store.toJson(), &error, &result));
        QCOMPARE(result.added, 3);
        QCOMPARE(result.renamed, QStringList({QStringLiteral("Kitchen/light on → light on (2)"),
                                              QStringLiteral("Kitchen/empty payload → empty payload (2)"),
                                              QStringLiteral("Binary ü/all bytes → all bytes (2)")}));
        QCOMPARE(store.templateCount(), 6);
        // The originals are untouched and first.
        QCOMPARE(store.templateAt(store.findTemplate(QStringLiteral("Kitchen"), QStringLiteral("light on"))), text());
        PublishTemplate copy = text();
        copy.name = QStringLiteral("light on (2)");
        QCOMPARE(store.templateAt(store.findTemplate(QStringLiteral("Kitchen"), QStringLiteral("light on (2)"))), copy);
        QCOMPARE(store.templates().mid(0, 2), before.mid(0, 2));
    }

    void importDefaults()
    {
        // Only name and topic are needed; the rest has the composer's defaults.
        TemplateStore store;
        QString error;
        QVERIFY2(store.importJson(withHeader("[{\"name\": \"n\", \"topic\": \"a/b\"}]"), &error), qPrintable(error));
        PublishTemplate expected;
        expected.name = QStringLiteral("n");
        expected.topic = QStringLiteral("a/b");
        expected.group = TemplateStore::defaultGroupName();
        QCOMPARE(store.templates(), QList<PublishTemplate>({expected}));
    }

    void documentedExampleImports()
    {
        // The example in docs/publish-templates.md is a file this build reads.
        const QString source = qEnvironmentVariable("MQTTI_SOURCE_DIR");
        if (source.isEmpty())
            QSKIP("run through ctest: needs MQTTI_SOURCE_DIR");
        QFile doc(source + QStringLiteral("/docs/publish-templates.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QByteArray text = doc.readAll();
        const qsizetype start = text.indexOf("```json\n");
        QVERIFY(start >= 0);
        const qsizetype end = text.indexOf("```", start + 8);
        TemplateStore store;
        QString error;
        QVERIFY2(store.importJson(text.mid(start + 8, end - start - 8), &error), qPrintable(error));
        QCOMPARE(store.groupNames(), QStringList({QStringLiteral("Kitchen"), QStringLiteral("Lab")}));
        const PublishTemplate raw = store.templateAt(store.findTemplate(QStringLiteral("Lab"), QStringLiteral("raw frame")));
        QCOMPARE(raw.payload, QByteArray("\x00\x01\xfe\xff", 4));
        QCOMPARE(raw.correlationData.value_or(QByteArray()), QByteArray("\x00\xff", 2));
        const PublishTemplate light = store.templateAt(store.findTemplate(QStringLiteral("Kitchen"), QStringLiteral("light on")));
        QCOMPARE(light.userProperties.size(), 2);
        QCOMPARE(light.properties().messageExpiryInterval().value_or(0), 60u);
    }

    void damagedImport_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray ok = "{\"name\": \"ok\", \"topic\": \"a\"}";
        QTest::newRow("empty file") << QByteArray(" \n") << QStringLiteral("The file is empty");
        QTest::newRow("truncated") << QByteArray("{\"format\": \"mqtt-inspector-publish-templates\", \"templates\": [")
                                   << QStringLiteral("Not a JSON file: unterminated array at byte 61");
        QTest::newRow("array") << QByteArray("[]")
                               << QStringLiteral("Not a templates file: the JSON is not an object");
        QTest::newRow("no format") << QByteArray("{\"version\": 1, \"templates\": []}")
                                   << QStringLiteral("Not a templates file: \"format\" is missing (expected \"mqtt-inspector-publish-templates\")");
        QTest::newRow("other format") << QByteArray("{\"format\": \"mqttx\", \"version\": 1, \"templates\": []}")
                                      << QStringLiteral("Not a templates file: \"format\" is \"mqttx\", expected \"mqtt-inspector-publish-templates\"");
        QTest::newRow("newer version") << QByteArray("{\"format\": \"mqtt-inspector-publish-templates\", \"version\": 2, \"templates\": []}")
                                       << QStringLiteral("Version 2 of the templates format is not supported (this program reads version 1)");
        QTest::newRow("version as text") << QByteArray("{\"format\": \"mqtt-inspector-publish-templates\", \"version\": \"1\", \"templates\": []}")
                                         << QStringLiteral("\"version\" is missing or not a number");
        QTest::newRow("no templates") << QByteArray("{\"format\": \"mqtt-inspector-publish-templates\", \"version\": 1}")
                                      << QStringLiteral("\"templates\" is missing or not an array");
        QTest::newRow("groups not names") << QByteArray("{\"format\": \"mqtt-inspector-publish-templates\", \"version\": 1, \"groups\": [\"a\", 3], \"templates\": []}")
                                          << QStringLiteral("Group 2: the name is missing or not a string");
        QTest::newRow("template not an object") << withHeader("[" + ok + ", 5]")
                                                << QStringLiteral("Template 2: not a JSON object");
        QTest::newRow("no name") << withHeader("[" + ok + ", {\"topic\": \"a\"}]")
                                 << QStringLiteral("Template 2: \"name\" is missing or empty");
        QTest::newRow("no topic") << withHeader("[{\"name\": \"Light\"}]")
                                  << QStringLiteral("Template 1 (\"Light\"): \"topic\" is missing or not a string");
        QTest::newRow("qos 3") << withHeader("[" + ok + ", " + ok + ", {\"name\": \"Light\", \"topic\": \"a\", \"qos\": 3}]")
                               << QStringLiteral("Template 3 (\"Light\"): \"qos\" must be 0, 1 or 2");
        QTest::newRow("qos 1.5") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"qos\": 1.5}]")
                                 << QStringLiteral("Template 1 (\"L\"): \"qos\" must be 0, 1 or 2");
        QTest::newRow("retain as text") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"retain\": \"yes\"}]")
                                        << QStringLiteral("Template 1 (\"L\"): \"retain\" must be true or false");
        QTest::newRow("unknown mode") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"mode\": \"binary\"}]")
                                      << QStringLiteral("Template 1 (\"L\"): \"mode\" must be one of auto, text, json, xml, hex");
        QTest::newRow("bad base64") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"payloadBase64\": \"@@@\"}]")
                                    << QStringLiteral("Template 1 (\"L\"): \"payloadBase64\" is not valid base64");
        QTest::newRow("two payloads") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"payload\": \"x\", \"payloadBase64\": \"eA==\"}]")
                                      << QStringLiteral("Template 1 (\"L\"): \"payload\" and \"payloadBase64\" are both set; keep one");
        QTest::newRow("payload a number") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"payload\": 5}]")
                                          << QStringLiteral("Template 1 (\"L\"): \"payload\" must be a string");
        QTest::newRow("properties a list") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": []}]")
                                           << QStringLiteral("Template 1 (\"L\"): \"properties\" must be an object");
        QTest::newRow("format indicator 2") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": {\"payloadFormatIndicator\": 2}}]")
                                            << QStringLiteral("Template 1 (\"L\"): \"properties.payloadFormatIndicator\" must be 0 or 1");
        QTest::newRow("negative expiry") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": {\"messageExpiryInterval\": -1}}]")
                                         << QStringLiteral("Template 1 (\"L\"): \"properties.messageExpiryInterval\" must be a whole number of seconds from 0 to 4294967295");
        QTest::newRow("content type a number") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": {\"contentType\": 1}}]")
                                               << QStringLiteral("Template 1 (\"L\"): \"properties.contentType\" must be a string");
        QTest::newRow("bad correlation") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": {\"correlationDataBase64\": \"***\"}}]")
                                         << QStringLiteral("Template 1 (\"L\"): \"properties.correlationDataBase64\" is not valid base64");
        QTest::newRow("user property without value") << withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"properties\": {\"userProperties\": [{\"name\": \"a\", \"value\": \"b\"}, {\"name\": \"c\"}]}}]")
                                                     << QStringLiteral("Template 1 (\"L\"): \"properties.userProperties[1]\" must be an object with a string \"name\" and \"value\"");
    }
    void damagedImport()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        TemplateStore store;
        fill(&store);
        const QList<PublishTemplate> before = store.templates();
        const QStringList groups = store.groupNames();
        Spies spies(&store);
        QString error;
        TemplateStore::ImportResult result;
        result.added = -1;
        QVERIFY(!store.importJson(json, &error, &result));
        QCOMPARE(error, message);
        QCOMPARE(result.added, -1); // untouched
        QCOMPARE(spies.counts(), QList<int>({0, 0, 0, 0, 0}));
        QCOMPARE(store.templates(), before);
        QCOMPARE(store.groupNames(), groups);
    }

    void fileErrors()
    {
        TemplateStore store;
        fill(&store);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!store.importFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QCOMPARE(error, QStringLiteral("Cannot read missing.json: No such file or directory"));
        QVERIFY(!store.exportFile(dir.filePath(QStringLiteral("no/such/dir/t.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot write t.json: ")), qPrintable(error));
        // A damaged file names itself and the problem.
        const QString damaged = dir.filePath(QStringLiteral("damaged.json"));
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(withHeader("[{\"name\": \"L\", \"topic\": \"a\", \"qos\": 7}]"));
        file.close();
        QVERIFY(!store.importFile(damaged, &error));
        QCOMPARE(error, QStringLiteral("damaged.json: Template 1 (\"L\"): \"qos\" must be 0, 1 or 2"));
        QCOMPARE(store.templateCount(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_TemplateStore)
#include "tst_templatestore.moc"
