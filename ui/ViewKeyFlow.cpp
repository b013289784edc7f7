#include "ViewKeyFlow.h"

#include "ConsoleSettings.h"
#include "VerificationDialog.h"
#include "ViewKeyDialog.h"
#include "services/KeyService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

using namespace Qt::StringLiterals;

namespace keydesk {

ViewKeyFlow::ViewKeyFlow(KeyService *service, const KeyPageTools &tools, const ApiKey &key,
                         QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_tools(tools)
    , m_key(key)
    , m_window(window)
{
    const ServiceCapabilities capabilities = m_service->capabilities();
    m_serviceVerifies = capabilities.valueReadableAgain && capabilities.revealNeedsVerification;
}

void ViewKeyFlow::start()
{
    m_dialog
        = new VerificationDialog(m_serviceVerifies ? VerificationDialog::Mode::ServiceCode
                                                   : VerificationDialog::Mode::ConsolePassphrase,
                                 m_window);
    m_dialog->setObjectName(u"verificationDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setPrompt(tr("View key “%1”").arg(m_key.name.isEmpty() ? m_key.id : m_key.name));
    connect(m_dialog, &VerificationDialog::submitted, this, &ViewKeyFlow::submitted);
    connect(m_dialog, &QDialog::finished, this, &QObject::deleteLater);
    m_dialog->open();
}

void ViewKeyFlow::submitted()
{
    if (m_serviceVerifies) {
        fetchValue(m_dialog->code());
        return;
    }
    if (!m_tools.passphrase) {
        m_dialog->showError(KeyError::make(
            KeyError::Kind::NotPermitted,
            tr("No system keychain is available, so the console passphrase cannot be checked.")));
        return;
    }
    QByteArray passphrase = m_dialog->passphrase();
    PassphraseJob *job = m_tools.passphrase->verify(passphrase);
    wipeSecret(passphrase);
    connect(job, &PassphraseJob::finished, this, &ViewKeyFlow::passphraseChecked);
    job->start();
}

void ViewKeyFlow::passphraseChecked(PassphraseJob *job)
{
    if (!m_dialog)
        return;
    if (job->error() == PassphraseJob::Error::NotSet) {
        // Never set from a View (trust on first use would let whoever sits at the desk choose
        // it): it is set before the first secret enters the keychain, so none is kept yet.
        m_dialog->showError(KeyError::make(KeyError::Kind::NotPermitted, notSetReason()));
        return;
    }
    if (job->error() != PassphraseJob::Error::NoError) {
        m_dialog->showError(VerificationDialog::passphraseError(job->error(), job->retryAfter(),
                                                                job->errorString()));
        return;
    }
    fetchValue({});
}

QString ViewKeyFlow::notSetReason()
{
    return tr("No console passphrase is set, so no copy of a key is kept in the keychain and no "
              "value can be shown here. The passphrase is set when the first profile secret or "
              "kept copy is stored.");
}

void ViewKeyFlow::fetchValue(const QString &code)
{
    if (m_service->capabilities().valueReadableAgain) {
        KeyJob *job = m_service->revealKey(m_key.id, code);
        connect(job, &KeyJob::finished, this, &ViewKeyFlow::revealed);
        return;
    }
    if (!m_tools.vault) {
        m_dialog->showError(
            KeyError::make(KeyError::Kind::NotFound, tr("No system keychain is available.")));
        return;
    }
    VaultJob *job = m_tools.vault->readSecret(m_service->profile().id,
                                              CredentialVault::keptCopyKey(m_key.id));
    connect(job, &VaultJob::finished, this, &ViewKeyFlow::keptCopyRead);
    job->start();
}

void ViewKeyFlow::revealed(KeyJob *job)
{
    if (!m_dialog)
        return;
    if (job->error()) {
        m_dialog->showError(job->error());
        return;
    }
    showValue(detachedSecretCopy(job->secret()));
}

void ViewKeyFlow::keptCopyRead(VaultJob *job)
{
    if (!m_dialog)
        return;
    if (job->error() != VaultJob::Error::NoError) {
        m_dialog->showError(KeyError::make(
            KeyError::Kind::NotFound,
            job->error() == VaultJob::Error::NotFound
                ? tr("The service never shows this key's value again, and no copy of it is kept "
                     "in the keychain.")
                : job->errorString()));
        return;
    }
    showValue(job->takeSecret());
}

void ViewKeyFlow::showValue(QByteArray value)
{
    auto *view = new ViewKeyDialog(m_key, value, m_tools.clipboard,
                                   ConsoleSettings::viewingSeconds(), m_window);
    wipeSecret(value); // the session holds its own copy
    view->setObjectName(u"viewKeyDialog"_s);
    view->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->accept();
    view->open();
}

} // namespace keydesk
