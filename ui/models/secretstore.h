#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

// Passwords and key passphrases in the system keychain (QtKeychain: Secret Service, KWallet),
// never in settings files. Every call starts an asynchronous job and returns at once; the
// result comes as a signal, so the GUI thread never waits for the keychain. When no secret
// service runs, the jobs fail with Result::NoService and a message saying so: nothing falls
// back to plain text (the insecure fallback of QtKeychain stays off).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Result { Ok, NotFound, NoService, Failed };
    Q_ENUM(Result)

    // service: the keychain's name for our entries; tests use their own.
    explicit SecretStore(const QString &service = QStringLiteral("mqtt-inspector"),
                         QObject *parent = nullptr);

    // Keychain entry names of a profile's two secrets (by ConnectionProfile::id).
    static QString passwordKey(const QString &profileId);
    static QString keyPassphraseKey(const QString &profileId);

    void read(const QString &key);
    void write(const QString &key, const QByteArray &secret);
    void remove(const QString &key);

    QString service() const { return m_service; }

Q_SIGNALS:
    // message: empty for Ok; otherwise one sentence for the user (what failed and why).
    void readFinished(const QString &key, SecretStore::Result result, const QByteArray &secret,
                      const QString &message);
    void writeFinished(const QString &key, SecretStore::Result result, const QString &message);
    void removeFinished(const QString &key, SecretStore::Result result, const QString &message);

private:
    QString m_service;
};
