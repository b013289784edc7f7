#include "ProfileSaveGate.h"

#include "FirstPassphrase.h"
#include "PassphraseCheck.h"
#include "ProfileDialog.h"
#include "vault/ConsolePassphrase.h"
#include "vault/SecretBytes.h"

namespace keydesk {

ProfileSaveGate::ProfileSaveGate(ConsolePassphrase *passphrase, bool keepsSecrets,
                                 ProfileDialog *dialog)
    : QObject(dialog)
    , m_passphrase(passphrase)
    , m_keepsSecrets(keepsSecrets)
    , m_dialog(dialog)
{ }

void ProfileSaveGate::start()
{
    if (!m_keepsSecrets || !m_dialog->hasTypedSecret()) {
        checkRedirect();
        return;
    }
    auto *first = new FirstPassphrase(
        m_passphrase,
        tr("The profile's AccessKey secret is about to be kept in the system keychain. The "
           "console passphrase, which guards what is kept there, is set first."),
        m_dialog);
    connect(first, &FirstPassphrase::ready, this, &ProfileSaveGate::checkRedirect);
    connect(first, &FirstPassphrase::declined, this, [this] {
        refuse(tr("The console passphrase is set before the first secret is kept in the "
                  "keychain, and it was not set."));
    });
    connect(first, &FirstPassphrase::failed, this, [this](const QString &reason) {
        // As when the keychain refuses the secret itself: the rest stays, the secret aside.
        QByteArray secret = m_dialog->takeSecret();
        wipeSecret(secret);
        refuse(tr("The console passphrase could not be checked: %1").arg(reason));
    });
    first->start();
}

void ProfileSaveGate::checkRedirect()
{
    if (!m_dialog->redirectsStoredSecret()) {
        clear();
        return;
    }
    auto *check = new PassphraseCheck(
        m_passphrase,
        tr("The edit changes where the profile “%1” sends its AccessKey secret. Enter the console "
           "passphrase to save it, or cancel and type the secret again.")
            .arg(m_dialog->profile().displayName),
        tr("No console passphrase is set: type the AccessKey secret again to change where it "
           "goes."),
        m_dialog);
    connect(check, &PassphraseCheck::verified, check, &PassphraseCheck::done);
    connect(check, &PassphraseCheck::closed, this, [this](bool verified) {
        if (verified)
            clear();
        else
            refuse(tr("A changed endpoint or CA certificate needs the console passphrase, or "
                      "the AccessKey secret typed again."));
    });
    check->start();
}

void ProfileSaveGate::refuse(const QString &reason)
{
    m_dialog->showSaveError((m_dialog->isEditing() ? tr("The profile was not changed.")
                                                   : tr("The profile was not added."))
                            + u' ' + reason);
    deleteLater();
}

void ProfileSaveGate::clear()
{
    Q_EMIT cleared();
    deleteLater();
}

} // namespace keydesk
