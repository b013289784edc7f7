#include "DeleteKeyFlow.h"

#include "DeleteKeyDialog.h"
#include "services/KeyService.h"
#include "vault/CredentialVault.h"

using namespace Qt::StringLiterals;

namespace keydesk {

DeleteKeyFlow::DeleteKeyFlow(KeyService *service, const KeyPageTools &tools, const ApiKey &key,
                             QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_tools(tools)
    , m_key(key)
    , m_window(window)
{ }

void DeleteKeyFlow::start()
{
    m_dialog = new DeleteKeyDialog(m_key, m_service->capabilities(), m_window);
    m_dialog->setObjectName(u"deleteKeyDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &DeleteKeyDialog::submitted, this, &DeleteKeyFlow::submitted);
    connect(m_dialog, &QDialog::finished, this, [this] {
        Q_EMIT finished(m_changed);
        deleteLater();
    });
    m_dialog->open();
}

void DeleteKeyFlow::submitted()
{
    KeyJob *job = m_dialog->choice() == DeleteKeyDialog::Choice::Disable
        ? m_service->setKeyEnabled(m_key.id, false)
        : m_service->deleteKey(m_key.id, m_dialog->code());
    connect(job, &KeyJob::finished, this, &DeleteKeyFlow::answered);
}

void DeleteKeyFlow::answered(KeyJob *job)
{
    if (!m_dialog)
        return;
    if (job->error()) {
        m_dialog->showError(job->error());
        return;
    }
    m_changed = true;
    if (m_dialog->choice() == DeleteKeyDialog::Choice::Delete && m_tools.vault) {
        // A kept copy of a deleted key is of no use; nothing kept is not an error.
        VaultJob *forget = m_tools.vault->deleteSecret(m_service->profile().id,
                                                       CredentialVault::keptCopyKey(m_key.id));
        forget->start();
    }
    m_dialog->accept();
}

} // namespace keydesk
