#pragma once

#include "VaultJob.h"

#include <QByteArrayView>
#include <QObject>
#include <QString>

// The console's secrets in the system keychain (QtKeychain over the Secret Service): one
// keychain service per profile, "KeyDesk/<profileId>", and one key per secret in it:
// "accessKeySecret" (a profile's AccessKey secret; for OceanBase the SK of its AK:SK),
// "kept:<keyId>" (a kept copy of a created key's value). Nothing secret goes anywhere else: no
// QSettings, no log, no cache, no temp file (DESIGN.md §4, docs/vault.md).
//
// Each call returns a job that has not started yet: connect VaultJob::finished, then start().
class CredentialVault : public QObject
{
    Q_OBJECT

public:
    explicit CredentialVault(QObject *parent = nullptr);

    static QString serviceForProfile(const QString &profileId); // "KeyDesk/<profileId>"
    static QString accessKeySecretKey(); // "accessKeySecret"
    static QString keptCopyKey(const QString &keyId); // "kept:<keyId>"
    static QString keyIdOfKeptCopy(const QString &key); // "kept:<keyId>" → keyId, else empty

    VaultJob *readSecret(const QString &profileId, const QString &key);
    VaultJob *writeSecret(const QString &profileId, const QString &key, QByteArrayView secret);
    VaultJob *deleteSecret(const QString &profileId, const QString &key);

private:
    VaultJob *makeJob(VaultJob::Operation operation, const QString &profileId, const QString &key);
};
