#include "CredentialVault.h"

using namespace Qt::StringLiterals;

CredentialVault::CredentialVault(QObject *parent)
    : QObject(parent)
{ }

QString CredentialVault::serviceForProfile(const QString &profileId)
{
    // An empty id gives an empty service, which the job refuses with a clear error.
    return profileId.isEmpty() ? QString() : u"KeyDesk/"_s + profileId;
}

QString CredentialVault::accessKeySecretKey()
{
    return u"accessKeySecret"_s;
}

QString CredentialVault::keptCopyKey(const QString &keyId)
{
    return keyId.isEmpty() ? QString() : u"kept:"_s + keyId;
}

QString CredentialVault::keyIdOfKeptCopy(const QString &key)
{
    const QString prefix = u"kept:"_s;
    return key.startsWith(prefix) ? key.mid(prefix.size()) : QString();
}

VaultJob *CredentialVault::readSecret(const QString &profileId, const QString &key)
{
    return makeJob(VaultJob::Operation::Read, profileId, key);
}

VaultJob *CredentialVault::writeSecret(const QString &profileId, const QString &key,
                                       QByteArrayView secret)
{
    VaultJob *job = makeJob(VaultJob::Operation::Write, profileId, key);
    job->setSecret(secret);
    return job;
}

VaultJob *CredentialVault::deleteSecret(const QString &profileId, const QString &key)
{
    return makeJob(VaultJob::Operation::Delete, profileId, key);
}

VaultJob *CredentialVault::makeJob(VaultJob::Operation operation, const QString &profileId,
                                   const QString &key)
{
    // No parent: like QtKeychain's jobs, each deletes itself after reporting.
    return new VaultJob(operation, serviceForProfile(profileId), key);
}
