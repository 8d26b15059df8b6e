#include "connection.h"
#include "messagestore.h"
#include "panemodel.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"
#include "widgets/payloadview.h"
#include "widgets/topicdetails.h"

#include <QComboBox>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

ConnectionSettings broker(const QString &host)
{
    ConnectionSettings settings;
    settings.host = host;
    settings.port = 1;
    return settings;
}

QStringList paneFilters(const Connection *connection)
{
    QStringList filters;
    for (const Connection::PaneSpec &spec : connection->paneSpecs())
        filters << QStringLiteral("%1 q%2 %3").arg(spec.filter).arg(spec.qos)
                           .arg(spec.subscribe ? QStringLiteral("sub") : QStringLiteral("view"));
    return filters;
}

} // namespace

// What the window remembers between runs: each broker's panes (by URL), the payload format
// chosen per topic, window and dock state.
class tst_WindowSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Settings Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowsettings"));
    }

    void panesPerBroker()
    {
        {
            MainWindow window;
            ConnectionTab *a = window.addConnection(broker(QStringLiteral("10.0.0.1")), false);
            QVERIFY(a->openPane(QStringLiteral("sensors/+/temp"), 1, true));
            QVERIFY(a->openPane(QStringLiteral("alerts/#"), 0, false));
            ConnectionTab *b = window.addConnection(broker(QStringLiteral("10.0.0.2")), false);
            QVERIFY(b->openPane(QStringLiteral("other/#"), 2, true));
            window.close(); // saves
        }
        MainWindow window;
        ConnectionTab *a = window.addConnection(broker(QStringLiteral("10.0.0.1")), false);
        QCOMPARE(paneFilters(a->connection()),
                 (QStringList{"sensors/+/temp q1 sub", "alerts/# q0 view"}));
        ConnectionTab *c = window.addConnection(broker(QStringLiteral("10.0.0.3")), false);
        QCOMPARE(paneFilters(c->connection()), QStringList());
        // Closing a tab keeps what it had at that moment.
        a->connection()->removePane(a->connection()->panes().at(2));
        window.closeTab(window.tabs()->indexOf(a));
        MainWindow again;
        ConnectionTab *a2 = again.addConnection(broker(QStringLiteral("10.0.0.1")), false);
        QCOMPARE(paneFilters(a2->connection()), QStringList{"sensors/+/temp q1 sub"});
    }

    void payloadFormatPerTopic()
    {
        const auto chooseHex = [](TopicDetails &details) {
            auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
            auto *combo = view->findChild<QComboBox *>(QStringLiteral("formatCombo"));
            const int hex = combo->findData(int(PayloadFormat::Hex));
            combo->setCurrentIndex(hex);
            Q_EMIT combo->activated(hex);
        };
        mqtt::Message a(QStringLiteral("a/b"), "{\"x\":1}");
        mqtt::Message other(QStringLiteral("c/d"), "text");
        {
            TopicDetails details;
            details.setMessages(QStringLiteral("a/b"), {a});
            chooseHex(details);
            auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
            QCOMPARE(view->format(), PayloadFormat::Hex);
            details.setMessages(QStringLiteral("c/d"), {other});
            QCOMPARE(view->format(), PayloadFormat::Auto);
        }
        TopicDetails details; // a new window: the choice is back for that topic only
        auto *view = details.findChild<PayloadView *>(QStringLiteral("payloadView"));
        details.setMessages(QStringLiteral("a/b"), {a});
        QCOMPARE(view->format(), PayloadFormat::Hex);
        auto *history = details.findChild<PayloadView *>(QStringLiteral("historyPayloadView"));
        QCOMPARE(history->format(), PayloadFormat::Hex);
        details.setMessages(QStringLiteral("c/d"), {other});
        QCOMPARE(view->format(), PayloadFormat::Auto);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_WindowSettings)
#include "tst_windowsettings.moc"
