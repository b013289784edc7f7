#include "ProfileSaveJob.h"

#include "ProfileStore.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QTimer>

namespace keydesk {

ProfileSaveJob::ProfileSaveJob(ProfileStore *store, CredentialVault *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_store(store)
{ }

ProfileSaveJob::~ProfileSaveJob()
{
    wipeSecret(m_secret);
}

bool ProfileSaveJob::changesWhereSecretsGo(const Profile &before, const Profile &after)
{
    // Every request of a profile goes to its endpoint or its data plane, checked against the
    // system's CAs and the extra one; nothing else in a profile names a host.
    return before.endpoint != after.endpoint || before.dataPlane() != after.dataPlane()
        || before.caCertificatePath != after.caCertificatePath;
}

void ProfileSaveJob::add(const Profile &profile, QByteArrayView secret)
{
    m_adding = true;
    m_profile = profile;
    m_secret = detachedSecretCopy(secret);
    if (!m_store) {
        if (m_profile.id.isEmpty())
            m_profile.id = ProfileStore::newId();
        finish({});
        return;
    }
    // Checked before the store is touched, so a profile without a keychain is never written.
    if (!m_vault) {
        finish(tr("There is no system keychain to keep the AccessKey secret, so the profile was "
                  "not saved. Start a keyring (e.g. GNOME Keyring) and add it again."));
        return;
    }
    if (const ProfileStore::Error error = m_store->add(m_profile)) {
        finish(tr("The profile was not saved: %1").arg(error.message));
        return;
    }
    writeSecret();
}

void ProfileSaveJob::update(const Profile &previous, const Profile &profile, QByteArrayView secret)
{
    m_previous = previous;
    m_profile = profile;
    m_secret = detachedSecretCopy(secret);
    if (!m_store) {
        finish({});
        return;
    }
    if (!m_secret.isEmpty() && !m_vault) {
        finish(tr("There is no system keychain to keep the new AccessKey secret, so the profile "
                  "was not changed."));
        return;
    }
    if (const ProfileStore::Error error = m_store->update(m_profile)) {
        finish(tr("The profile was not changed: %1").arg(error.message));
        return;
    }
    if (m_secret.isEmpty()) {
        finish({});
        return;
    }
    writeSecret();
}

QByteArray ProfileSaveJob::takeSecret()
{
    QByteArray secret = m_secret;
    m_secret = QByteArray(); // the caller's copy is now the only one
    return secret;
}

void ProfileSaveJob::writeSecret()
{
    VaultJob *job
        = m_vault->writeSecret(m_profile.id, CredentialVault::accessKeySecretKey(), m_secret);
    connect(job, &VaultJob::finished, this, &ProfileSaveJob::secretWritten);
    job->start();
}

void ProfileSaveJob::secretWritten(VaultJob *job)
{
    if (job->error() == VaultJob::Error::NoError) {
        finish({});
        return;
    }
    // Put the store back, so that no profile is left whose secret is not where it says.
    const ProfileStore::Error undone
        = m_adding ? m_store->remove(m_profile.id) : m_store->update(m_previous);
    QString message = m_adding
        ? tr("The keychain did not take the AccessKey secret, so the profile was not added: %1")
        : tr("The keychain did not take the new AccessKey secret, so the profile was not "
             "changed: %1");
    message = message.arg(job->errorString());
    if (undone)
        message += u'\n' + tr("Putting the settings back failed too: %1").arg(undone.message);
    finish(message);
}

void ProfileSaveJob::finish(const QString &errorString)
{
    m_errorString = errorString;
    if (failed())
        wipeSecret(m_secret);
    // Always from the event loop, as VaultJob does, so a caller connects after add()/update().
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished(this);
        deleteLater();
    });
}

} // namespace keydesk
