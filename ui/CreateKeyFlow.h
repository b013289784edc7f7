#pragma once

#include "KeyPageTools.h"
#include "services/KeyService.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;
class VaultJob;
class CredentialVault;
class ConsolePassphrase;

namespace keydesk {

class ClipboardGuard;
class CreateKeyDialog;
class CreatedKeyDialog;
class ModelStudioService;

// Creating a key from the key list, start to end: the CreateKeyDialog, the service's job, the
// show-once CreatedKeyDialog with its copy kept in the keychain on request, and the error with
// Retry. Every dialog is opened window-modal and never exec()'d, so the window keeps running.
// The flow deletes itself after finished().
class CreateKeyFlow : public QObject
{
    Q_OBJECT

public:
    // tools.vault may be null: no keychain, a kept copy is refused with the reason. Before the
    // first copy is kept, the console passphrase that guards it is set; cancelling that keeps
    // nothing and shows the value again.
    CreateKeyFlow(KeyService *service, const KeyPageTools &tools, QWidget *window);
    ~CreateKeyFlow() override; // wipes what it holds

    void start(const QString &usageLine, const QString &blockedReason, const QStringList &owners);

Q_SIGNALS:
    void finished(bool created); // created: the list should be read again

private:
    void offerWorkspaces(ModelStudioService *modelStudio, CreateKeyDialog *dialog);
    void detailsGiven(int result);
    void send();
    void sent(KeyJob *job);
    void showError(const KeyError &error);
    void showValue(const QByteArray &value, const QDateTime &expires);
    void keepCopy(const QByteArray &value);
    void writeCopy();
    void kept(VaultJob *job);
    void keepFailed(const QString &reason);
    void valueClosed();
    void end();

    KeyService *m_service;
    QPointer<CredentialVault> m_vault;
    QPointer<ConsolePassphrase> m_passphrase;
    ClipboardGuard *m_clipboard;
    QWidget *m_window;
    QString m_usageLine;
    QString m_blockedReason;
    QStringList m_owners;

    CreateKeyRequest m_request;
    bool m_temporary = false;
    int m_seconds = 0;
    QByteArray m_parentValue; // a temporary key's parent, kept for Retry
    ApiKey m_key;
    QByteArray m_heldValue; // while the keychain writes the kept copy
    bool m_created = false;
    bool m_writing = false;
    bool m_valueOpen = false;
};

} // namespace keydesk
