#include "ProfileItemsRemoval.h"

#include "vault/CredentialVault.h"
#include "vault/SecretServiceItems.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

class ProfileItemsRemoval
{
    Q_DECLARE_TR_FUNCTIONS(keydesk::ProfileItemsRemoval)

public:
    static void report(SecretServiceItems *job, const QString &profileId, const QString &name,
                       CredentialVault *vault, QMainWindow *window);
};

void ProfileItemsRemoval::report(SecretServiceItems *job, const QString &profileId,
                                 const QString &name, CredentialVault *vault, QMainWindow *window)
{
    if (job->error() == SecretServiceItems::Error::NoBackend) {
        if (vault)
            vault->deleteSecret(profileId, CredentialVault::accessKeySecretKey())->start();
        return;
    }
    if (!window)
        return;
    window->statusBar()->showMessage(
        tr("Profile “%1” removed: %n item(s) removed from the keychain.", nullptr,
           job->removedCount())
            .arg(name));
    if (job->error() == SecretServiceItems::Error::NoError)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Keychain items left"),
        tr("Not every keychain item of the removed profile “%1” was removed.").arg(name),
        QMessageBox::Ok, window);
    box->setObjectName(u"profileItemsLeft"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(job->errorString());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

void removeProfileItems(const QString &profileId, const QString &profileName,
                        CredentialVault *vault, QMainWindow *window)
{
    SecretServiceItems *job
        = SecretServiceItems::remove(CredentialVault::serviceForProfile(profileId));
    QObject::connect(job, &SecretServiceItems::finished, window,
                     [profileId, profileName, vault = QPointer<CredentialVault>(vault),
                      window](SecretServiceItems *done) {
                         ProfileItemsRemoval::report(done, profileId, profileName, vault, window);
                     });
    job->start();
}

} // namespace keydesk
