#include "widgets/publishpanel.h"

#include "client.h"
#include "connection.h"
#include "echotracker.h"
#include "messagestore.h"
#include "testbroker.h"
#include "topicnode.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"

#include <Qsci/qsciscintilla.h>

#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

// The composer in a MainWindow against the fixture's mosquitto: what it sends arrives in the
// store through our own subscription, exactly.
class tst_PublishPanel : public QObject
{
    Q_OBJECT

private:
    static QString uniqueRoot()
    {
        static int serial = 0;
        return QStringLiteral("compose-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    }
    static ConnectionSettings settingsFor(const QString &filter)
    {
        ConnectionSettings settings;
        const QString host = qEnvironmentVariable("MQTT_TEST_BROKER_HOST");
        settings.host = host.isEmpty() ? QStringLiteral("127.0.0.1") : host;
        settings.port = fixtureBrokerPort();
        settings.subscriptions = {{filter, 2}};
        return settings;
    }
    static bool waitConnected(ConnectionTab *tab)
    {
        const bool ok = QTest::qWaitFor([tab] {
            return tab->connection()->status() == Connection::Status::Connected
                   && !tab->connection()->client()->subscriptions().isEmpty();
        }, 5000);
        QTest::qWait(300); // the SUBACK
        return ok;
    }
    static const TopicNode *node(ConnectionTab *tab, const QString &topic)
    {
        const TopicNode *n = tab->connection()->store()->node(topic);
        return n && n->isTopic() ? n : nullptr;
    }

    std::unique_ptr<MainWindow> m_window;
    ConnectionTab *m_tab = nullptr;
    PublishPanel *m_panel = nullptr;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
    }

    void init()
    {
        if (!fixtureBrokerPort())
            QSKIP("run through ctest: needs the fixture broker");
        m_root = uniqueRoot();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_tab = m_window->addConnection(settingsFor(m_root + QStringLiteral("/#")));
        QVERIFY(waitConnected(m_tab));
        m_window->showPublish();
        m_panel = m_window->publishPanel();
        QVERIFY(m_window->publishDock()->isVisible());
        QCOMPARE(m_panel->connection(), m_tab->connection());
    }

    void cleanup()
    {
        m_window.reset();
        m_tab = nullptr;
        m_panel = nullptr;
    }

    void sendsEachQos_data()
    {
        QTest::addColumn<int>("qos");
        QTest::addColumn<QString>("result");
        QTest::newRow("QoS 0") << 0 << QStringLiteral("Sent (QoS 0)");
        QTest::newRow("QoS 1") << 1 << QStringLiteral("Delivered: PUBACK");
        QTest::newRow("QoS 2") << 2 << QStringLiteral("Delivered: PUBCOMP");
    }
    void sendsEachQos()
    {
        QFETCH(int, qos);
        QFETCH(QString, result);
        const QString topic = m_root + QStringLiteral("/qos%1").arg(qos);
        const QByteArray payload = "{\"qos\": " + QByteArray::number(qos) + ", \"text\": \"grüß\"}";
        QTest::keyClicks(m_panel->topicEdit(), topic);
        m_panel->setQos(qos);
        m_panel->setPayload(payload);
        QSignalSpy completed(m_panel, &PublishPanel::completed);
        QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
        QVERIFY(completed.wait(5000));
        QCOMPARE(completed.first().at(1).toBool(), true);
        QCOMPARE(m_panel->resultText(), result);
        QTRY_VERIFY(node(m_tab, topic));
        const mqtt::Message last = node(m_tab, topic)->last;
        QCOMPARE(last.payload(), payload);
        QCOMPARE(last.qos(), qos);
        QCOMPARE(last.retain(), false);
        // It came back on our subscription: the round trip is shown for it.
        QTRY_VERIFY2(m_panel->latencyText().startsWith(QStringLiteral("round trip ")),
                     qPrintable(m_panel->latencyText()));
        QVERIFY(m_panel->latencyText().endsWith(QStringLiteral("s"))); // µs, ms or s
        QCOMPARE(m_panel->historyList()->count(), 1);
    }

    void properties5ArriveIntact()
    {
        QVERIFY(m_panel->propertiesEnabled());
        const QString topic = m_root + QStringLiteral("/props");
        m_panel->setTopic(topic);
        m_panel->setQos(1);
        m_panel->setPayload("{\"id\":7}");
        m_panel->findChild<QLineEdit *>(QStringLiteral("contentTypeEdit"))->setText(QStringLiteral("application/json"));
        m_panel->findChild<QComboBox *>(QStringLiteral("formatIndicatorCombo"))->setCurrentIndex(2); // UTF-8
        m_panel->findChild<QLineEdit *>(QStringLiteral("responseTopicEdit"))->setText(m_root + QStringLiteral("/reply"));
        m_panel->findChild<QComboBox *>(QStringLiteral("correlationModeCombo"))->setCurrentIndex(1); // hex
        m_panel->findChild<QLineEdit *>(QStringLiteral("correlationEdit"))->setText(QStringLiteral("00 01 fe ff"));
        // Order kept, duplicate names included.
        const QList<mqtt::UserProperty> user{{"zeta", "1"}, {"alpha", "2"}, {"zeta", "3"}, {"ü", "ß"}};
        QTableWidget *table = m_panel->userPropertiesTable();
        auto *add = m_panel->findChild<QPushButton *>(QStringLiteral("addUserPropertyButton"));
        for (int i = 0; i < user.size(); ++i) {
            add->click();
            table->item(i, 0)->setText(user.at(i).first);
            table->item(i, 1)->setText(user.at(i).second);
        }
        // An added row left blank is not sent.
        add->click();
        QCOMPARE(table->rowCount(), user.size() + 1);

        QVERIFY(m_panel->send());
        QTRY_VERIFY(node(m_tab, topic));
        const mqtt::Properties props = node(m_tab, topic)->last.properties();
        QCOMPARE(props.contentType().value_or(QString()), QStringLiteral("application/json"));
        QCOMPARE(props.payloadFormatIndicator().value_or(0xff), quint8(1));
        QCOMPARE(props.responseTopic().value_or(QString()), m_root + QStringLiteral("/reply"));
        QCOMPARE(props.correlationData().value_or(QByteArray()), QByteArray("\x00\x01\xfe\xff", 4));
        QCOMPARE(props.userProperties(), user);
        QVERIFY(!props.messageExpiryInterval()); // not set in the form: not sent
    }

    void ctrlEnterSends_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<int>("key");
        QTest::newRow("editor, Return") << QStringLiteral("editor") << int(Qt::Key_Return);
        QTest::newRow("editor, Enter") << QStringLiteral("editor") << int(Qt::Key_Enter);
        QTest::newRow("topic, Return") << QStringLiteral("topic") << int(Qt::Key_Return);
    }
    void ctrlEnterSends()
    {
        QFETCH(QString, widget);
        QFETCH(int, key);
        const QString topic = m_root + QStringLiteral("/keys");
        m_panel->setTopic(topic);
        m_panel->setPayload("line one");
        QWidget *target = widget == QLatin1String("editor") ? static_cast<QWidget *>(m_panel->editor())
                                                            : m_panel->topicEdit();
        target->setFocus();
        QTRY_VERIFY(target->hasFocus());
        QSignalSpy sent(m_panel, &PublishPanel::sent);
        QTest::keyClick(target, Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(sent.count(), 1);
        QTRY_VERIFY(node(m_tab, topic));
        // The editor did not take the key as a newline.
        QCOMPARE(m_panel->editor()->text(), QStringLiteral("line one"));
    }

    void invalidJsonShowsPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("missing value") << QStringLiteral("{\n  \"a\": 1,\n  \"b\": }") << QStringLiteral("line 3, column 8");
        QTest::newRow("missing colon") << QStringLiteral("{\"a\" 1}") << QStringLiteral("line 1, column 6");
        QTest::newRow("unterminated") << QStringLiteral("[1,\n 2") << QStringLiteral("line 2, column 2");
    }
    void invalidJsonShowsPosition()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        // Typed line by line (QTest has no key for '\n'): validation follows every keystroke.
        m_panel->editor()->setFocus();
        m_panel->editor()->clear();
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(m_panel->editor(), Qt::Key_Return);
            QTest::keyClicks(m_panel->editor(), lines.at(i));
        }
        // Scintilla's auto-indent adds the previous line's indentation after Return.
        m_panel->editor()->setText(text);
        QVERIFY2(m_panel->validationText().startsWith(QStringLiteral("JSON error at ") + where),
                 qPrintable(m_panel->validationText()));
        QVERIFY(m_panel->findChild<QComboBox *>(QStringLiteral("modeCombo"))->currentText() == QStringLiteral("Auto (JSON)"));
        // Fixing it clears the error.
        m_panel->setPayload("{\"a\": [1, 2]}");
        QVERIFY2(m_panel->validationText().startsWith(QStringLiteral("Valid JSON")), qPrintable(m_panel->validationText()));
        QVERIFY(m_panel->formatPayload());
        QCOMPARE(m_panel->editor()->text(), QStringLiteral("{\n    \"a\": [\n        1,\n        2\n    ]\n}"));
    }

    void formatKeepsKeyOrder()
    {
        m_panel->setPayload("{\"z\":1,\"a\":{\"y\":[],\"b\":\"x, y: {z}\"}}");
        QVERIFY(m_panel->formatPayload());
        QCOMPARE(m_panel->editor()->text(),
                 QStringLiteral("{\n    \"z\": 1,\n    \"a\": {\n        \"y\": [],\n        \"b\": \"x, y: {z}\"\n    }\n}"));
    }

    void hexMode_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("isText");
        QTest::newRow("spaced") << QStringLiteral("00 ff 10") << QByteArray("\x00\xff\x10", 3) << QString() << false;
        QTest::newRow("packed") << QStringLiteral("DEADbeef") << QByteArray("\xde\xad\xbe\xef", 4) << QString() << false;
        QTest::newRow("0x and colons") << QStringLiteral("0x68:0x69") << QByteArray("hi") << QString() << true;
        QTest::newRow("utf-8 text") << QStringLiteral("c3 bc 21") << QByteArray("\xc3\xbc!") << QString() << true;
        QTest::newRow("bad digit") << QStringLiteral("01 zz") << QByteArray() << QStringLiteral("Hex: 'z' at character 4 is not a hex digit") << false;
        QTest::newRow("odd") << QStringLiteral("01 2") << QByteArray() << QStringLiteral("Hex: odd number of digits (the last byte has one)") << false;
    }
    void hexMode()
    {
        QFETCH(QString, typed);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const QString topic = m_root + QStringLiteral("/hex");
        m_panel->setTopic(topic);
        m_panel->setMode(PublishPanel::Hex);
        m_panel->editor()->setText(typed);
        if (!error.isEmpty()) {
            QCOMPARE(m_panel->validationText(), error);
            QVERIFY(!m_panel->send());
            QCOMPARE(m_panel->resultText(), QStringLiteral("Not sent: ") + error);
            return;
        }
        QCOMPARE(m_panel->validationText(), QStringLiteral("Hex · %1 bytes").arg(bytes.size()));
        QVERIFY(m_panel->send());
        QTRY_VERIFY(node(m_tab, topic));
        QCOMPARE(node(m_tab, topic)->last.payload(), bytes);
        // Leaving Hex keeps the bytes: text becomes text, anything else stays in Hex.
        QFETCH(bool, isText);
        m_panel->setMode(PublishPanel::Text);
        QCOMPARE(m_panel->mode(), isText ? PublishPanel::Text : PublishPanel::Hex);
        if (isText)
            QCOMPARE(m_panel->editor()->text(), QString::fromUtf8(bytes));
        else
            QCOMPARE(m_panel->resultText(), QStringLiteral("The payload is not UTF-8 text: it stays in Hex"));
        m_panel->setMode(PublishPanel::Hex);
        QByteArray again;
        QVERIFY(m_panel->payload(&again));
        QCOMPARE(again, bytes);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("disconnect");
        QTest::addColumn<QString>("result");
        QTest::newRow("disconnected") << QStringLiteral("/ok") << true
                                      << QStringLiteral("Not sent: not connected to the broker");
        QTest::newRow("wildcard topic") << QStringLiteral("/a/+/b") << false
                                        << QStringLiteral("Not sent: invalid topic: ");
        QTest::newRow("empty topic") << QString() << false << QStringLiteral("Not sent: the topic is empty");
    }
    void refusals()
    {
        QFETCH(QString, topic);
        QFETCH(bool, disconnect);
        QFETCH(QString, result);
        if (disconnect) {
            m_tab->connection()->disconnectFromBroker();
            QTRY_COMPARE(m_tab->connection()->status(), Connection::Status::Disconnected);
        }
        m_panel->setTopic(topic.isEmpty() ? QString() : m_root + topic);
        m_panel->setQos(1);
        m_panel->setPayload("x");
        QSignalSpy sent(m_panel, &PublishPanel::sent);
        QVERIFY(!m_panel->send());
        QVERIFY2(m_panel->resultText().startsWith(result), qPrintable(m_panel->resultText()));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(m_panel->historyList()->count(), 0);
    }

    void seriesReportsDistribution()
    {
        m_panel->setTopic(m_root + QStringLiteral("/series"));
        m_panel->setQos(1);
        m_panel->setPayload("ping");
        m_panel->startSeries(20, 6);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->seriesText().startsWith(QStringLiteral("Series: 6 of 6 sent, 6 came back")), 10000);
        QVERIFY(!m_panel->isSeriesRunning());
        QVERIFY2(m_panel->seriesText().contains(QStringLiteral("round trip min ")), qPrintable(m_panel->seriesText()));
        QVERIFY(m_panel->seriesText().contains(QStringLiteral(" · p99 ")));
        QTRY_COMPARE(m_tab->connection()->store()->node(m_root + QStringLiteral("/series"))->messageCount, qint64(6));
        QCOMPARE(m_panel->historyList()->count(), 1); // one entry per series
    }

    void statsAreNearestRank()
    {
        QList<qint64> ns;
        for (int i = 100; i >= 1; --i)
            ns << qint64(i) * 1000000; // 1..100 ms, unsorted
        const EchoTracker::Stats s = EchoTracker::stats(ns);
        QCOMPARE(s.count, 100);
        QCOMPARE(s.minMs, 1.0);
        QCOMPARE(s.medianMs, 50.0);
        QCOMPARE(s.p99Ms, 99.0);
        QCOMPARE(s.maxMs, 100.0);
    }

    void historyRestores()
    {
        m_panel->setTopic(m_root + QStringLiteral("/first"));
        m_panel->setQos(2);
        m_panel->setRetain(false);
        m_panel->setPayload("<a>1</a>");
        QVERIFY(m_panel->send());
        m_panel->setTopic(m_root + QStringLiteral("/second"));
        m_panel->setQos(0);
        m_panel->setPayload("other");
        QVERIFY(m_panel->send());
        QListWidget *history = m_panel->historyList();
        QCOMPARE(history->count(), 2);
        QListWidgetItem *first = history->item(1); // newest on top
        QVERIFY(first->text().contains(m_root + QStringLiteral("/first")));
        Q_EMIT history->itemDoubleClicked(first);
        QCOMPARE(m_panel->topic(), m_root + QStringLiteral("/first"));
        QCOMPARE(m_panel->editor()->text(), QStringLiteral("<a>1</a>"));
        QCOMPARE(m_panel->findChild<QComboBox *>(QStringLiteral("qosCombo"))->currentIndex(), 2);
        QCOMPARE(m_panel->findChild<QComboBox *>(QStringLiteral("modeCombo"))->currentText(), QStringLiteral("Auto (XML)"));
    }

    void loadFile()
    {
        QTemporaryDir dir;
        QVERIFY(!m_panel->loadFile(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY2(m_panel->resultText().startsWith(QStringLiteral("Cannot read missing.json: ")), qPrintable(m_panel->resultText()));
        QFile binary(dir.filePath(QStringLiteral("blob.bin")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray("\x00\x01\x80", 3));
        binary.close();
        QVERIFY(m_panel->loadFile(binary.fileName()));
        QCOMPARE(m_panel->mode(), PublishPanel::Hex);
        QByteArray bytes;
        QVERIFY(m_panel->payload(&bytes));
        QCOMPARE(bytes, QByteArray("\x00\x01\x80", 3));
    }

    void completionFromStore()
    {
        const QString topic = m_root + QStringLiteral("/sensors/temp");
        m_panel->setTopic(topic);
        m_panel->setPayload("21");
        QVERIFY(m_panel->send());
        QTRY_VERIFY(node(m_tab, topic));
        m_panel->topicEdit()->clear();
        m_panel->focusTopic();
        m_panel->topicEdit()->clearFocus();
        m_panel->focusTopic(); // focus-in refreshes the list
        QTRY_VERIFY(m_panel->completer()->model()->rowCount() >= 1);
        QVERIFY(m_panel->completer()->model()->match(m_panel->completer()->model()->index(0, 0),
                                                     Qt::DisplayRole, topic, 1, Qt::MatchExactly).size() == 1);
    }
};

QTEST_MAIN(tst_PublishPanel)
#include "tst_publishpanel.moc"
