// MainWindow's locking and unlocking (MainWindow.h): the rest of the window is MainWindow.cpp.
#include "AccessKeyInventoryPage.h"
#include "ClipboardGuard.h"
#include "ConsoleLock.h"
#include "DemoProfiles.h"
#include "KeyListPage.h"
#include "LockedPage.h"
#include "MainWindow.h"
#include "ProfileSecretReader.h"
#include "ProfileSidebar.h"
#include "RevealSession.h"
#include "VerificationDialog.h"
#include "vault/ConsolePassphrase.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>

#include <utility>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
Q_LOGGING_CATEGORY(lockLog, "keydesk.lock")
}

void MainWindow::makeLock(QMenu *console)
{
    QAction *lockAction = console->addAction(tr("&Lock"));
    lockAction->setObjectName(u"lockConsole"_s);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    // From the window's dialogs too: a person leaving the desk need not close them first.
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(lockAction, &QAction::triggered, m_lock, [this] { m_lock->lockNow(u"shortcut"_s); });
    m_lockAction = lockAction;
    connect(m_lock, &ConsoleLock::lockRequested, this, &MainWindow::lock);
    connect(m_lockedPage, &LockedPage::unlockRequested, this, &MainWindow::unlockRequested);
}

void MainWindow::setDemoAccount(const QString &demoAccountPath, const QString &certificatePath)
{
    m_demoAccountPath = demoAccountPath;
    m_demoCertificatePath = certificatePath;
}

void MainWindow::lock(const QString &reason)
{
    if (m_locked)
        return;
    qCInfo(lockLog) << "locking the console:" << reason;
    m_locked = true;
    m_lock->setActive(false);
    // Every viewing session ends first: each wipes its value and its dialog's field.
    const QList<RevealSession *> sessions = findChildren<RevealSession *>();
    for (RevealSession *session : sessions)
        session->end();
    if (m_tools.clipboard)
        m_tools.clipboard->clearIfOurs();
    // The adapters hold the profile secrets: each wipes its copy when it goes, cancelling its
    // requests. The pages' flows and dialogs go with them (a created key's dialog too, its
    // value wiped unseen; the key stays on the service).
    qDeleteAll(std::exchange(m_inventoryPages, {}));
    qDeleteAll(std::exchange(m_pages, {}));
    // Then the window's own dialogs (a profile being edited with its secret, the settings, a
    // question of the sidebar): nothing is answered behind the locked page.
    const QList<QDialog *> dialogs = findChildren<QDialog *>();
    for (QDialog *dialog : dialogs) {
        if (dialog->isVisible())
            dialog->reject();
    }
    for (QHash<QString, QByteArray> *secrets : {&m_secrets, &m_sessionSecrets}) {
        for (QByteArray &secret : *secrets)
            wipeSecret(secret);
        secrets->clear();
    }
    m_stack->setCurrentWidget(m_placeholder);
    m_placeholder->setText(tr("Reading the profile's secret from the keychain…"));
    m_settingsAction->setEnabled(false);
    m_lockAction->setEnabled(false);
    m_screens->setCurrentWidget(m_lockedPage);
    m_lockedPage->reset();
}

// Unlocking needs the console passphrase. A console that has none yet (nothing was kept that
// asks for it) unlocks with an empty field: the lock still wiped everything, and there is no
// passphrase to check against; the keychain itself stays as the desktop session left it.
void MainWindow::unlockRequested()
{
    if (!m_locked)
        return;
    QByteArray passphrase = m_lockedPage->takePassphrase();
    if (!m_tools.passphrase) {
        wipeSecret(passphrase);
        finishUnlock();
        return;
    }
    m_lockedPage->setBusy(true);
    m_lockedPage->showMessage({});
    PassphraseJob *job = passphrase.isEmpty() ? m_tools.passphrase->checkIsSet()
                                              : m_tools.passphrase->verify(passphrase);
    wipeSecret(passphrase);
    connect(job, &PassphraseJob::finished, this, &MainWindow::unlockChecked);
    job->start();
}

void MainWindow::unlockChecked(PassphraseJob *job)
{
    if (!m_locked)
        return;
    m_lockedPage->setBusy(false);
    const bool checkedIsSet = job->operation() == PassphraseJob::Operation::CheckIsSet;
    const bool none = job->error() == PassphraseJob::Error::NotSet
        || (checkedIsSet && job->error() == PassphraseJob::Error::NoError && !job->isSet());
    if (none || (!checkedIsSet && job->error() == PassphraseJob::Error::NoError)) {
        finishUnlock();
        return;
    }
    if (checkedIsSet && job->error() == PassphraseJob::Error::NoError) {
        m_lockedPage->showError(KeyError::make(KeyError::Kind::VerificationNeeded,
                                               tr("Enter the console passphrase to unlock.")));
        return;
    }
    m_lockedPage->showError(
        VerificationDialog::passphraseError(job->error(), job->retryAfter(), job->errorString()));
}

void MainWindow::finishUnlock()
{
    qCInfo(lockLog) << "unlocked";
    m_locked = false;
    m_lockedPage->reset();
    m_screens->setCurrentWidget(m_splitter);
    m_settingsAction->setEnabled(true);
    m_lockAction->setEnabled(true);
    m_lock->setActive(true);
    readSecretsAgain();
}

void MainWindow::readSecretsAgain()
{
    if (!m_demoAccountPath.isEmpty()) {
        const DemoProfiles demo = DemoProfiles::fromFile(m_demoAccountPath, m_demoCertificatePath);
        for (const Profile &shown : std::as_const(m_profiles)) {
            QByteArray secret = demo.error() ? QByteArray() : demo.secret(shown.id);
            if (secret.isEmpty())
                setSecretMissing(
                    shown.id, demo.error() ? demo.error().message : tr("not in the demo account"));
            else
                setSecret(shown.id, secret);
            wipeSecret(secret);
        }
        return;
    }
    auto *reader = new ProfileSecretReader(m_tools.vault, this);
    connect(reader, &ProfileSecretReader::secretRead, this, &MainWindow::setSecret);
    connect(reader, &ProfileSecretReader::secretMissing, this, &MainWindow::setSecretMissing);
    connect(reader, &ProfileSecretReader::finished, reader, &QObject::deleteLater);
    reader->start(m_profiles);
}

} // namespace keydesk
