#include "widgets/templatespanel.h"

#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "templatestore.h"
#include "testbroker.h"
#include "topicnode.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"
#include "widgets/publishpanel.h"
#include "widgets/templatesenddelegate.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The composer's Templates page in a MainWindow against the fixture's mosquitto: a template
// saved from the composer goes out with one click on its row's Send button and arrives on our
// own subscription with its topic, payload, QoS and properties; templates outlive the window
// (QSettings in a temporary folder); a damaged import changes nothing.
class tst_TemplatesPanel : public QObject
{
    Q_OBJECT

private:
    static QString uniqueRoot()
    {
        static int serial = 0;
        return QStringLiteral("template-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
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

    // Where the Send button of a template row is on screen, in viewport coordinates.
    QPoint sendButtonCenter(const QModelIndex &index) const
    {
        QTreeView *view = m_templates->view();
        const QModelIndex cell = index.siblingAtColumn(TemplateStore::TopicColumn);
        view->scrollTo(cell);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(cell);
        option.widget = view;
        return m_templates->sendDelegate()->buttonRect(option, cell).center();
    }

    void startWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_tab = m_window->addConnection(settingsFor(m_root + QStringLiteral("/#")));
        QVERIFY(waitConnected(m_tab));
        m_window->showPublish();
        m_panel = m_window->publishPanel();
        m_templates = m_panel->templatesPanel();
        QVERIFY(m_templates);
        QCOMPARE(m_panel->connection(), m_tab->connection());
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
    ConnectionTab *m_tab = nullptr;
    PublishPanel *m_panel = nullptr;
    TemplatesPanel *m_templates = nullptr;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_templatespanel"));
        // Templates are saved to QSettings: never into the user's real configuration.
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        if (!fixtureBrokerPort())
            QSKIP("run through ctest: needs the fixture broker");
        QSettings().remove(TemplateStore::settingsGroup());
        m_root = uniqueRoot();
        startWindow();
    }

    void cleanup()
    {
        m_window.reset();
        m_tab = nullptr;
        m_panel = nullptr;
        m_templates = nullptr;
    }

    void emptyStateHint()
    {
        QCOMPARE(m_templates->store()->templateCount(), 0);
        m_panel->showTemplates();
        QTRY_VERIFY(m_templates->findChild<QWidget *>(QStringLiteral("templatesEmptyHint"))->isVisible());
        QVERIFY(!m_templates->view()->isVisible());
    }

    void sendWithOneClick_data()
    {
        QTest::addColumn<int>("qos");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("result");
        QTest::newRow("QoS 0, JSON") << 0 << int(PublishPanel::Json) << QByteArray("{\"on\": true, \"text\": \"grüß\"}") << QStringLiteral("Sent (QoS 0)");
        QTest::newRow("QoS 1, text") << 1 << int(PublishPanel::Text) << QByteArray("line one\nline two") << QStringLiteral("Delivered: PUBACK");
        QTest::newRow("QoS 2, binary") << 2 << int(PublishPanel::Hex) << QByteArray("\x00\x01\xfe\xff\x80", 5) << QStringLiteral("Delivered: PUBCOMP");
    }
    void sendWithOneClick()
    {
        QFETCH(int, qos);
        QFETCH(int, mode);
        QFETCH(QByteArray, payload);
        QFETCH(QString, result);
        const QString topic = m_root + QStringLiteral("/saved/qos%1").arg(qos);
        m_panel->setTopic(topic);
        m_panel->setQos(qos);
        m_panel->setRetain(false);
        m_panel->setMode(PublishPanel::Mode(mode));
        m_panel->setPayload(payload);
        mqtt::Properties props;
        props.setContentType(QStringLiteral("application/x-test"));
        props.setPayloadFormatIndicator(mode == PublishPanel::Hex ? 0 : 1);
        props.setMessageExpiryInterval(3600);
        props.setResponseTopic(m_root + QStringLiteral("/reply"));
        props.setCorrelationData(QByteArray("\x00\x01\xfe\xff", 4));
        // Order kept, duplicate names included.
        const QList<mqtt::UserProperty> user{{"zeta", "1"}, {"alpha", "2"}, {"zeta", "3"}, {"ü", "ß"}};
        for (const mqtt::UserProperty &pair : user)
            props.addUserProperty(pair.first, pair.second);
        m_panel->setProperties(props, true);

        const QModelIndex saved = m_templates->saveCurrent(QStringLiteral("Saved %1").arg(qos), QStringLiteral("Tests"));
        QVERIFY2(saved.isValid(), qPrintable(m_templates->statusText()));
        QCOMPARE(m_templates->statusText(), QStringLiteral("Saved “Saved %1” in Tests").arg(qos));
        const PublishTemplate t = m_templates->store()->templateAt(saved);
        QCOMPARE(t.topic, topic);
        QCOMPARE(t.payload, payload);
        QCOMPARE(t.qos, qos);
        QCOMPARE(t.userProperties, user);

        // The composer moves on to something else; the template's message is what goes out.
        m_panel->setTopic(m_root + QStringLiteral("/other"));
        m_panel->setQos(0);
        m_panel->setMode(PublishPanel::Text);
        m_panel->setPayload("something else");
        m_panel->setProperties(mqtt::Properties(), false);

        m_panel->showTemplates();
        QTRY_VERIFY(m_templates->view()->isVisible());
        QTest::qWait(50); // layout of the tree
        QSignalSpy completed(m_panel, &PublishPanel::completed);
        QSignalSpy clicked(m_templates->sendDelegate(), &TemplateSendDelegate::sendClicked);
        const QPoint at = sendButtonCenter(saved);
        QVERIFY(!at.isNull());
        QTest::mouseClick(m_templates->view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QVERIFY(completed.wait(5000));
        QCOMPARE(completed.first().at(1).toBool(), true);
        QCOMPARE(m_panel->resultText(), result); // the composer's result line, as for Send
        QCOMPARE(m_panel->sections()->currentWidget(), m_templates); // sending does not leave the page

        QTRY_VERIFY(node(m_tab, topic));
        const mqtt::Message last = node(m_tab, topic)->last;
        QCOMPARE(last.topic(), topic);
        QCOMPARE(last.payload(), payload);
        QCOMPARE(last.qos(), qos);
        QCOMPARE(last.retain(), false);
        const mqtt::Properties got = last.properties();
        QCOMPARE(got.contentType().value_or(QString()), QStringLiteral("application/x-test"));
        QCOMPARE(got.payloadFormatIndicator().value_or(0xff), quint8(mode == PublishPanel::Hex ? 0 : 1));
        QVERIFY(got.messageExpiryInterval().value_or(0) > 3500); // the broker counts it down
        QCOMPARE(got.responseTopic().value_or(QString()), m_root + QStringLiteral("/reply"));
        QCOMPARE(got.correlationData().value_or(QByteArray()), QByteArray("\x00\x01\xfe\xff", 4));
        QCOMPARE(got.userProperties(), user);
        QVERIFY(!node(m_tab, m_root + QStringLiteral("/other")));
        // In the history like any send.
        QCOMPARE(m_panel->historyList()->count(), 1);
    }

    void contextSendAndLoad()
    {
        const QString topic = m_root + QStringLiteral("/bar");
        m_panel->setTopic(topic);
        m_panel->setQos(1);
        m_panel->setPayload("from the bar");
        const QModelIndex saved = m_templates->saveCurrent(QStringLiteral("bar"), QString());
        QCOMPARE(saved.data(TemplateStore::GroupNameRole).toString(), TemplateStore::defaultGroupName());
        m_panel->setTopic(QString());
        m_panel->setPayload("");
        m_panel->showTemplates();
        // The context menu's Send Now acts on the selected template: the one just saved.
        auto *send = m_templates->findChild<QAction *>(QStringLiteral("sendTemplateAction"));
        QVERIFY(send);
        QVERIFY(send->isEnabled());
        QCOMPARE(m_templates->currentTemplate(), saved);
        QSignalSpy completed(m_panel, &PublishPanel::completed);
        send->trigger();
        QVERIFY(completed.wait(5000));
        QCOMPARE(m_panel->resultText(), QStringLiteral("Delivered: PUBACK"));
        QTRY_VERIFY(node(m_tab, topic));
        QCOMPARE(node(m_tab, topic)->last.payload(), QByteArray("from the bar"));

        // A double click loads it into the composer and shows the payload.
        m_panel->setTopic(QString());
        m_panel->setPayload("");
        QTreeView *view = m_templates->view();
        const QPoint name = view->visualRect(saved).center();
        // The view wants the press of a double click on the same index first.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, name);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, name);
        QCOMPARE(m_panel->topic(), topic);
        QCOMPARE(m_panel->editor()->text(), QStringLiteral("from the bar"));
        QCOMPARE(m_panel->sections()->currentIndex(), 0);
        QVERIFY(m_panel->historyList()->count() == 1); // loading is not sending
    }

    void keptAcrossWindows()
    {
        m_panel->setTopic(m_root + QStringLiteral("/kept"));
        m_panel->setMode(PublishPanel::Hex);
        m_panel->setPayload(QByteArray("\x00\xff", 2));
        m_templates->saveCurrent(QStringLiteral("kept"), QStringLiteral("Group B"));
        m_panel->setMode(PublishPanel::Text);
        m_panel->setPayload("text");
        m_templates->saveCurrent(QStringLiteral("kept"), QStringLiteral("Group A"));
        const QList<PublishTemplate> before = m_templates->store()->templates();
        QCOMPARE(before.size(), 2);
        cleanup(); // the window closes right after the change
        startWindow();
        QCOMPARE(m_templates->store()->templates(), before);
        QCOMPARE(m_templates->store()->groupNames(), QStringList({QStringLiteral("Group B"), QStringLiteral("Group A")}));
    }

    void damagedImportKeepsTemplates()
    {
        m_panel->setTopic(m_root + QStringLiteral("/x"));
        m_templates->saveCurrent(QStringLiteral("mine"), QStringLiteral("G"));
        const QList<PublishTemplate> before = m_templates->store()->templates();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"mqtt-inspector-publish-templates\", \"version\": 1, \"templates\": "
                   "[{\"name\": \"a\", \"topic\": \"t\"}, {\"name\": \"b\", \"topic\": \"t\", \"payloadBase64\": \"!\"}]}");
        file.close();
        QVERIFY(!m_templates->importFile(path));
        QCOMPARE(m_templates->statusText(),
                 QStringLiteral("Nothing imported. broken.json: Template 2 (\"b\"): \"payloadBase64\" is not valid base64"));
        QCOMPARE(m_templates->store()->templates(), before);

        // Export, then import the same file: both copies are kept.
        const QString exported = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(m_templates->exportFile(exported));
        QVERIFY(m_templates->importFile(exported));
        QCOMPARE(m_templates->statusText(),
                 QStringLiteral("Imported 1 template; names already taken were kept with a suffix: G/mine → mine (2)"));
        QCOMPARE(m_templates->store()->templateCount(), 2);
    }
};

QTEST_MAIN(tst_TemplatesPanel)
#include "tst_templatespanel.moc"
