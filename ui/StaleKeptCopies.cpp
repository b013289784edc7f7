#include "StaleKeptCopies.h"

#include "vault/CredentialVault.h"
#include "vault/SecretServiceItems.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace keydesk {

StaleKeptCopies::StaleKeptCopies(CredentialVault *vault, const QString &profileId, QWidget *parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_profileId(profileId)
    , m_text(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    setObjectName(u"staleKeptCopies"_s);
    m_text->setObjectName(u"staleKeptCopiesText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // key ids come from the keychain
    m_remove->setObjectName(u"removeStaleKeptCopies"_s);
    m_remove->setAccessibleName(tr("Remove the kept copies of deleted keys"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_remove);
    connect(m_remove, &QPushButton::clicked, this, &StaleKeptCopies::confirmRemoval);
    setVisible(false);
}

void StaleKeptCopies::check(const QList<ApiKey> &listed)
{
    if (!m_vault || m_busy)
        return;
    m_listed.clear();
    for (const ApiKey &key : listed)
        m_listed.append(key.id);
    m_busy = true;
    SecretServiceItems *job
        = SecretServiceItems::list(CredentialVault::serviceForProfile(m_profileId));
    connect(job, &SecretServiceItems::finished, this, [this](SecretServiceItems *done) {
        m_busy = false;
        QStringList stale;
        if (done->error() == SecretServiceItems::Error::NoError) {
            for (const QString &key : done->keys()) {
                const QString id = CredentialVault::keyIdOfKeptCopy(key);
                if (!id.isEmpty() && !m_listed.contains(id))
                    stale.append(id);
            }
        }
        // No keychain to search (or it failed): nothing to offer, the rest of the page works.
        display(stale, QString());
    });
    job->start();
}

void StaleKeptCopies::confirmRemoval()
{
    if (m_stale.isEmpty() || m_busy)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove kept copies"),
        tr("Remove the kept copies of %n deleted key(s) from the keychain? Their values are "
           "lost; the keys no longer exist on the service.",
           nullptr, int(m_stale.size())),
        QMessageBox::Cancel, this);
    box->setObjectName(u"confirmStaleRemoval"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(m_stale.join(u", "_s));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"remove"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, remove] {
        if (box->clickedButton() == remove)
            this->remove();
    });
    box->open();
}

void StaleKeptCopies::remove()
{
    QStringList keys;
    for (const QString &id : std::as_const(m_stale))
        keys.append(CredentialVault::keptCopyKey(id));
    m_busy = true;
    m_remove->setEnabled(false);
    SecretServiceItems *job
        = SecretServiceItems::remove(CredentialVault::serviceForProfile(m_profileId), keys);
    connect(job, &SecretServiceItems::finished, this, [this](SecretServiceItems *done) {
        m_busy = false;
        m_remove->setEnabled(true);
        if (done->error() != SecretServiceItems::Error::NoError) {
            display(m_stale, done->errorString());
            return;
        }
        display({}, QString());
    });
    job->start();
}

void StaleKeptCopies::display(const QStringList &stale, const QString &problem)
{
    m_stale = stale;
    if (m_stale.isEmpty()) {
        setVisible(false);
        Q_EMIT checked();
        return;
    }
    QString text = tr("The keychain holds kept copies of %n key(s) that no longer exist: %1",
                      nullptr, int(m_stale.size()))
                       .arg(m_stale.join(u", "_s));
    if (!problem.isEmpty())
        text += u"\n"_s + problem;
    m_text->setText(text);
    m_text->setAccessibleName(text);
    setVisible(true);
    Q_EMIT checked();
}

} // namespace keydesk
