#include "VaultJob.h"

#include "SecretBytes.h"
#include "SecretServiceDiagnosis.h"
#include "VaultLog.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

VaultJob::VaultJob(Operation operation, const QString &service, const QString &key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_service(service)
    , m_key(key)
{ }

VaultJob::~VaultJob()
{
    // A write still queued in QtKeychain shares this buffer and has yet to send it: zeroing
    // it now would store zeros, so only the reference is dropped.
    if (m_keychainJob)
        m_secret = QByteArray();
    else
        wipeSecret(m_secret);
}

void VaultJob::setSecret(QByteArrayView secret)
{
    wipeSecret(m_secret);
    m_secret = detachedSecretCopy(secret);
}

QByteArray VaultJob::takeSecret()
{
    return std::exchange(m_secret, QByteArray());
}

void VaultJob::start()
{
    if (m_started) {
        qCWarning(lcVault) << "a vault job was started twice:" << m_operation << m_service << m_key;
        return;
    }
    m_started = true;
    qCDebug(lcVault) << m_operation << "service" << m_service << "key" << m_key;

    QString invalid;
    if (m_service.isEmpty() || m_key.isEmpty())
        invalid = tr("A keychain entry needs a service and a key name.");
    else if (m_operation == Operation::Write && m_secret.isEmpty())
        invalid = tr("An empty value cannot be stored in the keychain.");
    if (!invalid.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, invalid] { finish(Error::Other, invalid); }, Qt::QueuedConnection);
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (m_operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        // Binary, never text: QtKeychain passes text to libsecret as a C string, which would
        // cut a value at its first NUL byte.
        write->setBinaryData(m_secret);
        job = write;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Not a child of this job: libsecret calls back into the QtKeychain job, so it must live
    // until it has finished even if this job is deleted first. It deletes itself.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_key);
    connect(job, &QKeychain::Job::finished, this, &VaultJob::keychainFinished);
    m_keychainJob = job;
    job->start();
}

void VaultJob::keychainFinished(QKeychain::Job *job)
{
    m_keychainJob = nullptr;
    if (m_operation == Operation::Write)
        wipeSecret(m_secret); // also zeroes the QtKeychain job's copy, which shares the buffer

    const QString message = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        if (m_operation == Operation::Read)
            m_secret = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
        // libsecret "deletes" an item of a locked collection by finding nothing to delete.
        if (m_operation == Operation::Delete)
            diagnose(Error::NoError, QString());
        else
            finish(Error::NoError, QString());
        return;
    case QKeychain::EntryNotFound:
        if (m_operation == Operation::Delete) {
            // Deleting what is not there leaves the keychain as asked.
            finish(Error::NoError, QString());
            return;
        }
        // libsecret answers "not found" for an item in a locked collection too.
        diagnose(m_operation == Operation::Read ? Error::NotFound : Error::Other, message);
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        finish(Error::Locked, describe(Error::Locked, message));
        return;
    case QKeychain::NoBackendAvailable:
        finish(Error::NoBackend, describe(Error::NoBackend, message));
        return;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        diagnose(Error::Other, message);
        return;
    }
    diagnose(Error::Other, message);
}

void VaultJob::diagnose(Error fallback, const QString &keychainMessage)
{
    m_fallbackError = fallback;
    m_keychainMessage = keychainMessage;
    m_diagnosis = new SecretServiceDiagnosis(this);
    connect(m_diagnosis, &SecretServiceDiagnosis::finished, this, &VaultJob::diagnosed);
    m_diagnosis->start();
}

void VaultJob::diagnosed()
{
    const SecretServiceDiagnosis::State state = m_diagnosis->state();
    const QString detail = m_diagnosis->detail();
    m_diagnosis->deleteLater();
    m_diagnosis = nullptr;
    if (state == SecretServiceDiagnosis::State::Locked) {
        finish(Error::Locked, describe(Error::Locked, QString()));
        return;
    }
    // After a success (a delete) only a lock is news: QtKeychain may be using KWallet, which
    // owns no Secret Service name.
    if (m_fallbackError == Error::NoError || state == SecretServiceDiagnosis::State::Available) {
        finish(m_fallbackError, describe(m_fallbackError, m_keychainMessage));
        return;
    }
    QString reason = state == SecretServiceDiagnosis::State::NoSessionBus
        ? tr("no D-Bus session bus")
        : tr("no Secret Service (org.freedesktop.secrets) on the D-Bus session bus");
    if (!detail.isEmpty())
        reason += u": "_s + detail;
    finish(Error::NoBackend, describe(Error::NoBackend, reason));
}

QString VaultJob::describe(Error error, const QString &detail) const
{
    switch (error) {
    case Error::NoError:
        return QString();
    case Error::NoBackend:
        return tr("No keychain is available (%1). KeyDesk keeps secrets only in the system "
                  "keychain: start a Secret Service such as GNOME Keyring, KeePassXC or KWallet, "
                  "then try again.")
            .arg(detail);
    case Error::Locked:
        return detail.isEmpty()
            ? tr("The keychain is locked or refused access. Unlock it, then try again.")
            : tr("The keychain is locked or refused access (%1). Unlock it, then try again.")
                  .arg(detail);
    case Error::NotFound:
        return tr("Nothing is stored in the keychain under \"%1\", key \"%2\".")
            .arg(m_service, m_key);
    case Error::Other:
        break;
    }
    return tr("The keychain failed: %1").arg(detail.isEmpty() ? tr("unknown error") : detail);
}

void VaultJob::finish(Error error, const QString &errorString)
{
    m_error = error;
    m_errorString = errorString;
    // Not found is an everyday answer (is there a kept copy?), not a problem.
    if (error == Error::NoError || error == Error::NotFound)
        qCDebug(lcVault).noquote() << m_operation << m_service << m_key << "done:" << error;
    else
        qCWarning(lcVault).noquote()
            << m_operation << m_service << m_key << "failed:" << error << errorString;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}
