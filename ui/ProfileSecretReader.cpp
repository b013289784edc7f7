#include "ProfileSecretReader.h"

#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

namespace keydesk {

ProfileSecretReader::ProfileSecretReader(CredentialVault *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{ }

void ProfileSecretReader::start(const QList<Profile> &profiles)
{
    m_pending = profiles;
    readNext();
}

void ProfileSecretReader::readNext()
{
    if (m_pending.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    const Profile profile = m_pending.first();
    if (!m_vault) {
        m_pending.removeFirst();
        Q_EMIT secretMissing(profile.id, tr("no system keychain"));
        readNext();
        return;
    }
    VaultJob *job = m_vault->readSecret(profile.id, CredentialVault::accessKeySecretKey());
    connect(job, &VaultJob::finished, this, &ProfileSecretReader::read);
    job->start();
}

void ProfileSecretReader::read(VaultJob *job)
{
    const QString id = m_pending.takeFirst().id;
    if (job->error() == VaultJob::Error::NoError) {
        QByteArray secret = job->takeSecret();
        Q_EMIT secretRead(id, secret);
        wipeSecret(secret);
    } else {
        Q_EMIT secretMissing(id,
                             job->error() == VaultJob::Error::NotFound
                                 ? tr("no secret in the keychain")
                                 : job->errorString());
    }
    readNext();
}

} // namespace keydesk
