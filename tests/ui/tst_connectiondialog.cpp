#include "connectionprofile.h"
#include "profilestore.h"
#include "secretstore.h"
#include "widgets/connectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

// The connection dialog driven with QTest: filling the form, inline validation messages, the
// insecure switch, the client id generator, the From URL field, OK (Connect) giving the right
// profile, and a password the keychain cannot take (none runs here) kept for this session only
// after asking, with nothing written to the settings.
class tst_ConnectionDialog : public QObject
{
    Q_OBJECT

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    static bool settingsContain(const QByteArray &needle)
    {
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDirIterator it(config, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain, as on CI
        QCoreApplication::setOrganizationName(QStringLiteral("tst_connectiondialog"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
    }

    void init()
    {
        QSettings().clear();
    }

    void fillAndConnect()
    {
        ProfileStore store;
        SecretStore secrets(QStringLiteral("tst_connectiondialog"));
        ConnectionDialog dialog(&store, &secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(dialog.nameEdit(), QStringLiteral("Lab"));
        type(dialog.hostEdit(), QStringLiteral("broker.lab"));
        dialog.portSpin()->setValue(1884);
        dialog.protocolCombo()->setCurrentIndex(dialog.protocolCombo()->findData(int(mqtt::ProtocolVersion::V311)));
        type(dialog.userEdit(), QStringLiteral("bob"));
        type(dialog.passwordEdit(), QStringLiteral("pw-123"));
        dialog.willCheck()->setChecked(true);
        type(dialog.willTopicEdit(), QStringLiteral("lab/inspector/status"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
        QVERIFY(dialog.connectButton()->isEnabled());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        const ConnectionProfile p = dialog.acceptedProfile();
        QCOMPARE(p.name, QStringLiteral("Lab"));
        QCOMPARE(p.host, QStringLiteral("broker.lab"));
        QCOMPARE(p.port, 1884);
        QCOMPARE(p.protocolVersion, mqtt::ProtocolVersion::V311);
        QCOMPARE(p.userName, QStringLiteral("bob"));
        QCOMPARE(p.password, QByteArray("pw-123"));
        QVERIFY(!p.savePassword);
        QVERIFY(p.willEnabled);
        QCOMPARE(p.willTopic, QStringLiteral("lab/inspector/status"));
        QCOMPARE(store.count(), 1);
        // Saved in the settings, without the password.
        ProfileStore back;
        QSettings settings;
        QCOMPARE(back.load(settings), QStringList());
        QCOMPARE(back.profile(0), p.withoutSecrets());
        QVERIFY(!settingsContain("pw-123"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("no host") << "host" << "Host: enter the broker's host name or address";
        QTest::newRow("no name") << "name" << "Name: a profile needs a name";
        QTest::newRow("will wildcard") << "will" << "Will topic: ";
        QTest::newRow("bad filter") << "filter" << "Subscriptions: ";
        QTest::newRow("ws path") << "wspath" << "WebSocket path: must start with /";
        QTest::newRow("CA file missing") << "ca" << "CA file: choose the CA file, or trust the system's certificates";
        QTest::newRow("password without user") << "password" << "Password: a password needs a user name";
    }
    void validation()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        ProfileStore store;
        ConnectionDialog dialog(&store, nullptr);
        dialog.show();
        type(dialog.nameEdit(), QStringLiteral("x"));
        QVERIFY(dialog.problems().isEmpty());
        if (what == QLatin1String("host"))
            type(dialog.hostEdit(), QString());
        if (what == QLatin1String("name"))
            type(dialog.nameEdit(), QString());
        if (what == QLatin1String("will")) {
            dialog.willCheck()->setChecked(true);
            type(dialog.willTopicEdit(), QStringLiteral("a/+/b"));
        }
        if (what == QLatin1String("filter"))
            dialog.subscriptionsTable()->item(0, 0)->setText(QStringLiteral("a/#/b"));
        if (what == QLatin1String("wspath")) {
            dialog.transportCombo()->setCurrentIndex(2);
            QLineEdit *path = dialog.webSocketPathEdit();
            QVERIFY(path->isEnabled());
            type(path, QStringLiteral("mqtt"));
        }
        if (what == QLatin1String("ca")) {
            dialog.transportCombo()->setCurrentIndex(1);
            dialog.trustCombo()->setCurrentIndex(1);
        }
        if (what == QLatin1String("password"))
            type(dialog.passwordEdit(), QStringLiteral("pw"));
        QCOMPARE(dialog.problems().size(), 1);
        QVERIFY2(dialog.problems().first().startsWith(message), qPrintable(dialog.problems().first()));
        QVERIFY(dialog.problemsLabel()->isVisible());
        QVERIFY(dialog.problemsLabel()->text().startsWith(message));
        QVERIFY(!dialog.connectButton()->isEnabled());
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void insecureSwitch()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store, nullptr);
        dialog.show();
        type(dialog.nameEdit(), QStringLiteral("tls"));
        dialog.transportCombo()->setCurrentIndex(1); // mqtts
        QCOMPARE(dialog.portSpin()->value(), 8883); // follows the transport
        dialog.tabs()->setCurrentIndex(1);
        QVERIFY(!dialog.insecureCheck()->isChecked()); // verification on by default
        QVERIFY(!dialog.insecureWarning()->isVisible());
        QVERIFY(!dialog.formProfile().insecure);
        QTest::mouseClick(dialog.insecureCheck(), Qt::LeftButton,
                          {}, QPoint(8, dialog.insecureCheck()->height() / 2));
        QVERIFY(dialog.insecureCheck()->isChecked());
        QVERIFY(dialog.insecureWarning()->isVisible());
        QVERIFY(dialog.insecureWarning()->text().contains(QStringLiteral("Verification is OFF")));
        QVERIFY(dialog.tabs()->tabText(1).contains(QStringLiteral("insecure")));
        QVERIFY(dialog.formProfile().insecure);
        QVERIFY(dialog.formProfile().toSettings().transport.tls.insecure);
        dialog.insecureCheck()->setChecked(false);
        QVERIFY(!dialog.insecureWarning()->isVisible());
        QCOMPARE(dialog.tabs()->tabText(1), QStringLiteral("&TLS"));
    }

    void generateClientId()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store, nullptr);
        dialog.show();
        QVERIFY(dialog.clientIdEdit()->text().isEmpty());
        QTest::mouseClick(dialog.generateClientIdButton(), Qt::LeftButton);
        const QString first = dialog.clientIdEdit()->text();
        QVERIFY2(first.startsWith(QStringLiteral("mqtt-inspector-")), qPrintable(first));
        QTest::mouseClick(dialog.generateClientIdButton(), Qt::LeftButton);
        QVERIFY(dialog.clientIdEdit()->text() != first);
        QCOMPARE(dialog.formProfile().clientId, dialog.clientIdEdit()->text());
    }

    void fromUrl()
    {
        ProfileStore store;
        ConnectionDialog dialog(&store, nullptr);
        dialog.show();
        type(dialog.urlEdit(), QStringLiteral("wss://carol:pw@ws.example:8443/sensors/#"));
        QTest::keyClick(dialog.urlEdit(), Qt::Key_Return);
        QCOMPARE(store.count(), 0); // Return filled the form; it did not connect
        QVERIFY(dialog.isVisible());
        const ConnectionProfile p = dialog.formProfile();
        QCOMPARE(p.host, QStringLiteral("ws.example"));
        QCOMPARE(p.port, 8443);
        QCOMPARE(p.transport, ConnectionProfile::Transport::Wss);
        QCOMPARE(p.userName, QStringLiteral("carol"));
        QCOMPARE(p.password, QByteArray("pw"));
        QVERIFY(!p.name.isEmpty());
        type(dialog.urlEdit(), QStringLiteral("http://nope"));
        QTest::keyClick(dialog.urlEdit(), Qt::Key_Return);
        QVERIFY2(dialog.problemsLabel()->text().startsWith(QStringLiteral("URL: ")),
                 qPrintable(dialog.problemsLabel()->text()));
        QCOMPARE(dialog.formProfile().host, QStringLiteral("ws.example")); // unchanged
    }

    // Switching profiles keeps what was typed into the one left.
    void profileListKeepsEdits()
    {
        ProfileStore store;
        ConnectionProfile a;
        a.name = QStringLiteral("a");
        ConnectionProfile b;
        b.name = QStringLiteral("b");
        store.add(a);
        store.add(b);
        ConnectionDialog dialog(&store, nullptr);
        dialog.show();
        QCOMPARE(dialog.currentRow(), 0);
        type(dialog.hostEdit(), QStringLiteral("edited.host"));
        dialog.selectProfile(1);
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("b"));
        QCOMPARE(store.profile(0).host, QStringLiteral("edited.host"));
        dialog.selectProfile(0);
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("edited.host"));
    }

    // No secret service: the dialog says so, asks, and keeps the password for this session.
    void passwordWithoutKeychain()
    {
        ProfileStore store;
        SecretStore secrets(QStringLiteral("tst_connectiondialog"));
        ConnectionDialog dialog(&store, &secrets);
        dialog.show();
        type(dialog.nameEdit(), QStringLiteral("secret"));
        type(dialog.userEdit(), QStringLiteral("alice"));
        type(dialog.passwordEdit(), QStringLiteral("keychain-pw-42"));
        dialog.savePasswordCheck()->setChecked(true);
        QSignalSpy notSaved(&dialog, &ConnectionDialog::secretNotSaved);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(notSaved.wait(20000));
        QVERIFY2(notSaved.first().at(0).toString().startsWith(
                         QStringLiteral("No system keychain (secret service) is running, so the secret cannot be saved")),
                 qPrintable(notSaved.first().at(0).toString()));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("secretNotSavedBox"))));
        QVERIFY(box->text().contains(QStringLiteral("Keep it for this session only?")));
        QCOMPARE(accepted.count(), 0); // nothing happens without an answer
        QPushButton *keep = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().contains(QStringLiteral("Session Only")))
                keep = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        QTRY_COMPARE(accepted.count(), 1);
        QCOMPARE(dialog.acceptedProfile().password, QByteArray("keychain-pw-42"));
        QVERIFY(!dialog.acceptedProfile().savePassword);
        QVERIFY(!store.profile(0).savePassword);
        QCOMPARE(store.profile(0).password, QByteArray("keychain-pw-42")); // in memory only
        QVERIFY(!settingsContain("keychain-pw-42"));
    }
};

QTEST_MAIN(tst_ConnectionDialog)
#include "tst_connectiondialog.moc"
