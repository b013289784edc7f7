#include "FirstPassphrase.h"

#include "SetPassphraseDialog.h"
#include "vault/ConsolePassphrase.h"

using namespace Qt::StringLiterals;

namespace keydesk {

FirstPassphrase::FirstPassphrase(ConsolePassphrase *passphrase, const QString &why, QWidget *parent)
    : QObject(parent)
    , m_passphrase(passphrase)
    , m_why(why)
    , m_parent(parent)
{ }

void FirstPassphrase::start()
{
    if (!m_passphrase) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT failed(tr("The console passphrase is not available, so nothing can be "
                                 "kept in the keychain."));
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    PassphraseJob *job = m_passphrase->checkIsSet();
    connect(job, &PassphraseJob::finished, this, &FirstPassphrase::checked);
    job->start();
}

void FirstPassphrase::checked(PassphraseJob *job)
{
    if (job->error() != PassphraseJob::Error::NoError) {
        Q_EMIT failed(job->errorString());
        deleteLater();
        return;
    }
    if (job->isSet()) {
        report(&FirstPassphrase::ready);
        return;
    }
    auto *dialog = new SetPassphraseDialog(m_passphrase, m_why, m_parent);
    dialog->setObjectName(u"setPassphraseDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The result comes with the signal: the dialog deletes itself once closed.
    connect(dialog, &QDialog::finished, this, [this](int result) {
        report(result == QDialog::Accepted ? &FirstPassphrase::ready : &FirstPassphrase::declined);
    });
    dialog->open();
}

void FirstPassphrase::report(void (FirstPassphrase::*signal)())
{
    Q_EMIT(this->*signal)();
    deleteLater();
}

} // namespace keydesk
