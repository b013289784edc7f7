#include "CreateKeyFlow.h"

#include "CreateKeyDialog.h"
#include "CreatedKeyDialog.h"
#include "ErrorPanel.h"
#include "FirstPassphrase.h"
#include "PlainText.h"
#include "SetPassphraseDialog.h"
#include "services/ModelStudioService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace keydesk {

CreateKeyFlow::CreateKeyFlow(KeyService *service, const KeyPageTools &tools, QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_vault(tools.vault)
    , m_passphrase(tools.passphrase)
    , m_clipboard(tools.clipboard)
    , m_window(window)
{ }

CreateKeyFlow::~CreateKeyFlow()
{
    wipeSecret(m_parentValue);
    wipeSecret(m_heldValue);
}

void CreateKeyFlow::start(const QString &usageLine, const QString &blockedReason,
                          const QStringList &owners)
{
    m_usageLine = usageLine;
    m_blockedReason = blockedReason;
    m_owners = owners;
    auto *dialog = new CreateKeyDialog(m_service->capabilities(), m_window);
    dialog->setObjectName(u"createKeyDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUsage(usageLine, blockedReason);
    if (m_service->capabilities().hasOwners)
        dialog->setOwners(owners);
    if (auto *modelStudio = qobject_cast<ModelStudioService *>(m_service))
        offerWorkspaces(modelStudio, dialog);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result == QDialog::Accepted) {
            m_temporary = dialog->isTemporary();
            m_request = dialog->request();
            m_seconds = dialog->temporarySeconds();
            if (m_temporary)
                m_parentValue = dialog->takeParentValue();
        }
        detailsGiven(result);
    });
    dialog->open();
}

// The dialog opens at once with the profile's workspace; the others join the list when the
// service has named them. Failing to list them only leaves the profile's.
void CreateKeyFlow::offerWorkspaces(ModelStudioService *modelStudio, CreateKeyDialog *dialog)
{
    WorkspaceListJob *job = modelStudio->listWorkspaces();
    // Cancelled when the dialog closes, while it is still whole: a report that a cancel from
    // the dialog's destroyed() set off at once reached a half-destroyed dialog (no longer a
    // CreateKeyDialog). The dialog as context drops the report once it is gone.
    connect(dialog, &QDialog::finished, job, &WorkspaceListJob::cancel);
    const QString own = modelStudio->profile().workspaceId;
    connect(job, &WorkspaceListJob::finished, dialog, [dialog, own](WorkspaceListJob *listed) {
        if (listed->error())
            return;
        QList<QPair<QString, QString>> workspaces;
        for (const ModelStudioWorkspace &workspace : listed->workspaces()) {
            if (workspace.id != own) // already the first choice, "the profile's workspace"
                workspaces.append(qMakePair(workspace.id, workspace.name));
        }
        dialog->setWorkspaces(workspaces, dialog->request().workspaceId);
    });
}

void CreateKeyFlow::detailsGiven(int result)
{
    if (result != QDialog::Accepted) {
        end();
        return;
    }
    send();
}

void CreateKeyFlow::send()
{
    KeyJob *job = m_temporary ? m_service->createTemporaryKey(m_parentValue, m_seconds)
                              : m_service->createKey(m_request);
    connect(job, &KeyJob::finished, this, &CreateKeyFlow::sent);
}

void CreateKeyFlow::sent(KeyJob *job)
{
    if (job->error()) {
        showError(job->error());
        return;
    }
    wipeSecret(m_parentValue);
    m_created = !m_temporary;
    m_key = job->key();
    if (m_key.name.isEmpty() && m_temporary)
        m_key.name = tr("Temporary key");
    showValue(job->secret(), job->secretExpires());
}

void CreateKeyFlow::showError(const KeyError &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not create the key"),
                                tr("The key was not created."), QMessageBox::Cancel, m_window);
    box->setObjectName(u"createError"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(ErrorPanel::describe(error));
    showPlain(box); // the service's message
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPushButton *retry = box->addButton(QMessageBox::Retry);
    retry->setAccessibleName(tr("Retry"));
    box->button(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(retry);
    connect(box, &QMessageBox::finished, this, [this, box, retry] {
        if (box->clickedButton() == retry)
            send();
        else
            end();
    });
    box->open();
}

void CreateKeyFlow::showValue(const QByteArray &value, const QDateTime &expires)
{
    auto *dialog = new CreatedKeyDialog(m_key, value, expires, m_service->capabilities(),
                                        m_clipboard, m_window);
    dialog->setObjectName(u"createdKeyDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Direct: the dialog wipes the value right after the signal.
    connect(dialog, &CreatedKeyDialog::keepCopyRequested, this, &CreateKeyFlow::keepCopy,
            Qt::DirectConnection);
    connect(dialog, &QDialog::finished, this, &CreateKeyFlow::valueClosed);
    m_valueOpen = true;
    dialog->open();
}

void CreateKeyFlow::keepCopy(const QByteArray &value)
{
    // Held until the keychain has it: if it fails, the person still gets the value back.
    m_heldValue = detachedSecretCopy(value);
    m_writing = true; // the flow waits for the keychain's answer
    if (!m_vault) {
        keepFailed(tr("No system keychain is available, so no copy was kept."));
        return;
    }
    // The kept copy is viewed only after the console passphrase (DESIGN.md §6), so it is set
    // before the first copy enters the keychain; without it, nothing is kept.
    auto *first = new FirstPassphrase(
        m_passphrase,
        tr("A copy of the key is kept in the system keychain only once the console passphrase "
           "that guards it is set, and it is not set yet."),
        m_window);
    connect(first, &FirstPassphrase::ready, this, &CreateKeyFlow::writeCopy);
    connect(first, &FirstPassphrase::declined, this, [this] {
        keepFailed(tr("No copy was kept: the console passphrase that guards kept copies was not "
                      "set."));
    });
    connect(first, &FirstPassphrase::failed, this, [this](const QString &reason) {
        keepFailed(
            tr("No copy was kept: the console passphrase could not be checked: %1").arg(reason));
    });
    first->start();
}

void CreateKeyFlow::writeCopy()
{
    if (!m_vault) {
        keepFailed(tr("No system keychain is available, so no copy was kept."));
        return;
    }
    VaultJob *job = m_vault->writeSecret(m_service->profile().id,
                                         CredentialVault::keptCopyKey(m_key.id), m_heldValue);
    connect(job, &VaultJob::finished, this, &CreateKeyFlow::kept);
    job->start();
}

void CreateKeyFlow::kept(VaultJob *job)
{
    if (job->error() != VaultJob::Error::NoError) {
        keepFailed(
            tr("The copy could not be kept in the system keychain: %1").arg(job->errorString()));
        return;
    }
    wipeSecret(m_heldValue);
    m_writing = false;
    if (!m_valueOpen)
        end();
}

// The value is shown again rather than lost: the person copies it now.
void CreateKeyFlow::keepFailed(const QString &reason)
{
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("No copy kept"), {}, QMessageBox::Ok, m_window);
    box->setObjectName(u"keepFailed"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setText(reason + u'\n'
                 + tr("The value is shown again: copy it now, it will not be shown after this."));
    showPlain(box); // the keychain's message
    connect(box, &QMessageBox::finished, this, [this] {
        m_writing = false;
        const QByteArray held = m_heldValue;
        showValue(held, {});
        wipeSecret(m_heldValue);
    });
    box->open();
}

void CreateKeyFlow::valueClosed()
{
    m_valueOpen = false;
    if (!m_writing)
        end();
}

void CreateKeyFlow::end()
{
    Q_EMIT finished(m_created);
    deleteLater();
}

} // namespace keydesk
