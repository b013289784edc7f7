#include "PassphraseCheck.h"

#include "VerificationDialog.h"
#include "vault/ConsolePassphrase.h"
#include "vault/SecretBytes.h"

using namespace Qt::StringLiterals;

namespace keydesk {

PassphraseCheck::PassphraseCheck(ConsolePassphrase *passphrase, const QString &prompt,
                                 const QString &notSetReason, QWidget *parent)
    : QObject(parent)
    , m_passphrase(passphrase)
    , m_prompt(prompt)
    , m_notSetReason(notSetReason)
    , m_parent(parent)
{ }

void PassphraseCheck::start()
{
    m_dialog = new VerificationDialog(VerificationDialog::Mode::ConsolePassphrase, m_parent);
    m_dialog->setObjectName(u"verificationDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setPrompt(m_prompt);
    connect(m_dialog, &VerificationDialog::submitted, this, &PassphraseCheck::submitted);
    // The result comes with the signal: the dialog deletes itself on close and is not read.
    connect(m_dialog, &QDialog::finished, this, [this](int result) {
        m_dialog = nullptr;
        Q_EMIT closed(m_verified && result == QDialog::Accepted);
        deleteLater();
    });
    m_dialog->open();
}

void PassphraseCheck::submitted()
{
    if (!m_passphrase) {
        fail(KeyError::make(
            KeyError::Kind::NotPermitted,
            tr("No system keychain is available, so the console passphrase cannot be checked.")));
        return;
    }
    QByteArray passphrase = m_dialog->passphrase();
    PassphraseJob *job = m_passphrase->verify(passphrase);
    wipeSecret(passphrase);
    connect(job, &PassphraseJob::finished, this, &PassphraseCheck::checked);
    job->start();
}

void PassphraseCheck::checked(PassphraseJob *job)
{
    if (!m_dialog)
        return;
    if (job->error() == PassphraseJob::Error::NotSet) {
        fail(KeyError::make(KeyError::Kind::NotPermitted, m_notSetReason));
        return;
    }
    if (job->error() != PassphraseJob::Error::NoError) {
        fail(VerificationDialog::passphraseError(job->error(), job->retryAfter(),
                                                 job->errorString()));
        return;
    }
    m_verified = true;
    Q_EMIT verified();
}

void PassphraseCheck::done()
{
    if (m_dialog)
        m_dialog->accept();
}

void PassphraseCheck::fail(const KeyError &error)
{
    m_verified = false;
    if (m_dialog)
        m_dialog->showError(error);
}

} // namespace keydesk
