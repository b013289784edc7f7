#pragma once

#include "domain/ApiKey.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class CredentialVault;
class QLabel;
class QPushButton;

namespace keydesk {

// A line on a key list page, shown only when the profile's keychain service holds kept copies
// ("kept:<keyId>") of keys its listing no longer contains (deleted elsewhere, or through
// another profile of the same account): it says how many and of which keys, and Remove… (after
// a confirmation) deletes them from the keychain. The items are found over the Secret Service
// (SecretServiceItems); where none answers, the line stays hidden.
class StaleKeptCopies : public QWidget
{
    Q_OBJECT

public:
    StaleKeptCopies(CredentialVault *vault, const QString &profileId, QWidget *parent = nullptr);

    // After a successful listing: looks for kept copies of keys not in listed.
    void check(const QList<ApiKey> &listed);
    QStringList staleKeyIds() const { return m_stale; } // what the line offers to remove

Q_SIGNALS:
    void checked(); // a check (or a removal) has finished and the line shows its outcome

private:
    void confirmRemoval();
    void remove();
    void display(const QStringList &stale, const QString &problem);

    QPointer<CredentialVault> m_vault;
    QString m_profileId;
    QStringList m_stale; // key ids
    QStringList m_listed;
    bool m_busy = false;
    QLabel *m_text;
    QPushButton *m_remove;
};

} // namespace keydesk
