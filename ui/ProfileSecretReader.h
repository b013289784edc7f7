#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class CredentialVault;
class VaultJob;

namespace keydesk {

// Reads each profile's own secret from the keychain (CredentialVault::accessKeySecretKey()),
// one job after another, and says which profiles lack theirs and why.
class ProfileSecretReader : public QObject
{
    Q_OBJECT

public:
    ProfileSecretReader(CredentialVault *vault, QObject *parent = nullptr);

    void start(const QList<Profile> &profiles);

Q_SIGNALS:
    // Receivers copy what they keep (detachedSecretCopy): secret is wiped after the signal.
    void secretRead(const QString &profileId, const QByteArray &secret);
    void secretMissing(const QString &profileId, const QString &reason);
    void finished();

private:
    void readNext();
    void read(VaultJob *job);

    QPointer<CredentialVault> m_vault;
    QList<Profile> m_pending;
};

} // namespace keydesk
