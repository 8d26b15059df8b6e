#include "secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The keychain without a secret service, for real: this machine and CI run none (and the test
// removes any D-Bus session address), so each job fails. The failure must say that no keychain
// runs, and nothing may land in a settings file instead (QtKeychain's insecure fallback would
// write to QSettings).
class tst_SecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No session bus: what a desktop without a keychain (and CI) has.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QCoreApplication::setOrganizationName(QStringLiteral("tst_secretstore"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_secretstore"));
    }

    void keys()
    {
        QCOMPARE(SecretStore::passwordKey(QStringLiteral("Plant")), QStringLiteral("profile/Plant/password"));
        QCOMPARE(SecretStore::keyPassphraseKey(QStringLiteral("Plant")),
                 QStringLiteral("profile/Plant/key-passphrase"));
    }

    void writeFailsWithoutService()
    {
        SecretStore store(QStringLiteral("tst_secretstore"));
        QSignalSpy written(&store, &SecretStore::writeFinished);
        store.write(SecretStore::passwordKey(QStringLiteral("p")), "very-secret-value");
        QVERIFY(written.wait(20000));
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.first().at(0).toString(), QStringLiteral("profile/p/password"));
        const auto result = written.first().at(1).value<SecretStore::Result>();
        const QString message = written.first().at(2).toString();
        QCOMPARE(result, SecretStore::Result::NoService);
        QVERIFY2(message == (QStringLiteral("No system keychain (secret service) is running, "
                                                   "so the secret cannot be saved (there is no D-Bus session bus).")),
                 qPrintable(message));
    }

    void readFailsWithoutService()
    {
        SecretStore store(QStringLiteral("tst_secretstore"));
        QSignalSpy read(&store, &SecretStore::readFinished);
        store.read(SecretStore::passwordKey(QStringLiteral("p")));
        QVERIFY(read.wait(20000));
        QCOMPARE(read.first().at(1).value<SecretStore::Result>(), SecretStore::Result::NoService);
        QVERIFY(read.first().at(2).toByteArray().isEmpty());
        QVERIFY2(read.first().at(3).toString().contains(QStringLiteral("cannot be read")),
                 qPrintable(read.first().at(3).toString()));
    }

    void removeFailsWithoutService()
    {
        SecretStore store(QStringLiteral("tst_secretstore"));
        QSignalSpy removed(&store, &SecretStore::removeFinished);
        store.remove(SecretStore::passwordKey(QStringLiteral("p")));
        QVERIFY(removed.wait(20000));
        QCOMPARE(removed.first().at(1).value<SecretStore::Result>(), SecretStore::Result::NoService);
    }

    // The secret went nowhere: no settings file under the test's config directory holds it.
    void nothingInSettings()
    {
        QSettings settings;
        settings.sync();
        QSettings fallback(QCoreApplication::organizationName(), QStringLiteral("tst_secretstore"));
        QVERIFY(fallback.allKeys().isEmpty());
        QVERIFY(settings.allKeys().isEmpty());
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDirIterator it(config, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("very-secret-value"), qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
