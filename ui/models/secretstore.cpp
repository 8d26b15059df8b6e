#include "secretstore.h"

#include <QDBusConnection>
#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "mqtt.ui.secrets", QtWarningMsg)

SecretStore::Result resultOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError: return SecretStore::Result::Ok;
    case QKeychain::EntryNotFound: return SecretStore::Result::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented: return SecretStore::Result::NoService;
    default: return SecretStore::Result::Failed;
    }
}

// QtKeychain reports a missing D-Bus session or Secret Service as OtherError ("Unknown
// error", or a message naming D-Bus or the service): the user needs to hear "no keychain".
SecretStore::Result classify(const QKeychain::Job *job, QString *detail)
{
    SecretStore::Result result = resultOf(job->error());
    *detail = job->errorString();
    if (result == SecretStore::Result::Failed && !QDBusConnection::sessionBus().isConnected()) {
        // Already known to the connection QtKeychain tried: no waiting here.
        *detail = SecretStore::tr("there is no D-Bus session bus");
        return SecretStore::Result::NoService;
    }
    if (result == SecretStore::Result::Failed) {
        const QString text = job->errorString();
        if (text.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("secret service"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("kwallet"), Qt::CaseInsensitive))
            result = SecretStore::Result::NoService;
    }
    return result;
}

QString messageFor(SecretStore::Result result, const QString &detail, bool writing)
{
    switch (result) {
    case SecretStore::Result::Ok:
        return QString();
    case SecretStore::Result::NotFound:
        return SecretStore::tr("The keychain holds no saved secret for this profile.");
    case SecretStore::Result::NoService:
        return writing
            ? SecretStore::tr("No system keychain (secret service) is running, so the secret "
                              "cannot be saved (%1).").arg(detail)
            : SecretStore::tr("No system keychain (secret service) is running, so the saved "
                              "secret cannot be read (%1).").arg(detail);
    case SecretStore::Result::Failed:
        return SecretStore::tr("The system keychain failed: %1").arg(detail);
    }
    return detail;
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

QString SecretStore::passwordKey(const QString &profileId)
{
    return QStringLiteral("profile/%1/password").arg(profileId);
}

QString SecretStore::keyPassphraseKey(const QString &profileId)
{
    return QStringLiteral("profile/%1/key-passphrase").arg(profileId);
}

void SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        QString detail;
        const Result result = classify(j, &detail);
        if (result != Result::Ok && result != Result::NotFound)
            qCWarning(lcSecrets) << "reading" << key << "failed:" << j->errorString();
        Q_EMIT readFinished(key, result, result == Result::Ok ? readJob->binaryData() : QByteArray(),
                            messageFor(result, detail, false));
    });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        QString detail;
        const Result result = classify(j, &detail);
        if (result != Result::Ok)
            qCWarning(lcSecrets) << "writing" << key << "failed:" << j->errorString();
        Q_EMIT writeFinished(key, result, messageFor(result, detail, true));
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        QString detail;
        Result result = classify(j, &detail);
        if (result == Result::NotFound)
            result = Result::Ok; // nothing to delete is what we wanted
        Q_EMIT removeFinished(key, result, messageFor(result, detail, true));
    });
    job->start();
}
