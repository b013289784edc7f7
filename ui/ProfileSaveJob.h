#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QPointer>
#include <QString>

class CredentialVault;
class VaultJob;

namespace keydesk {

class ProfileStore;

// Saves one profile the ProfileDialog gives, in QtKeychain's shape (start with add() or
// update(), one finished(), then it deletes itself): its fields in the ProfileStore, its
// AccessKey secret in the keychain. Nothing is half-saved: when the keychain refuses the
// secret, the store is put back as it was (an added profile removed, an edited one restored).
//
// Without a store (the sandbox's demo) nothing is written anywhere: the profile and its secret
// live in the window for the session, so the job only hands them back.
class ProfileSaveJob : public QObject
{
    Q_OBJECT

public:
    ProfileSaveJob(ProfileStore *store, CredentialVault *vault, QObject *parent = nullptr);
    ~ProfileSaveJob() override; // wipes the secret it still holds

    // Whether after sends the profile's secrets somewhere else than before: an endpoint (the
    // data plane included) or the trusted CA certificate changed. Saving such an edit with the
    // stored secret needs the console passphrase first (DESIGN.md §4).
    static bool changesWhereSecretsGo(const Profile &before, const Profile &after);

    void add(const Profile &profile, QByteArrayView secret);
    // previous: the profile as stored now. An empty secret keeps the stored one.
    void update(const Profile &previous, const Profile &profile, QByteArrayView secret);

    bool failed() const { return !m_errorString.isEmpty(); }
    QString errorString() const { return m_errorString; } // for the person, says what to do
    const Profile &profile() const { return m_profile; } // added: with the id the store gave
    bool isNew() const { return m_adding; }
    // The secret that was saved (empty when the stored one was kept); the caller wipes it.
    QByteArray takeSecret();

Q_SIGNALS:
    void finished(ProfileSaveJob *job);

private:
    void writeSecret();
    void secretWritten(VaultJob *job);
    void finish(const QString &errorString);

    QPointer<CredentialVault> m_vault;
    ProfileStore *m_store;
    Profile m_previous;
    Profile m_profile;
    QByteArray m_secret;
    QString m_errorString;
    bool m_adding = false;
};

} // namespace keydesk
