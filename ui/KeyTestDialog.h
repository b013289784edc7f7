#pragma once

#include "KeyPageTools.h"
#include "domain/ApiKey.h"
#include "domain/KeyError.h"

#include <QByteArray>
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class VaultJob;

namespace keydesk {

class KeyJob;
class KeyService;
class PassphraseCheck;

// "Does this key work?": calls the service's data plane with the key's value, pasted into a
// masked field (the default) or taken from the copy kept in the keychain, and shows the answer.
// Every use of the kept copy asks for the console passphrase first (DESIGN.md §4): the copy is
// read only after it matched. The value is wiped once the call is over.
class KeyTestDialog : public QDialog
{
    Q_OBJECT

public:
    // tools.vault or tools.passphrase null: only a pasted value can be tested.
    KeyTestDialog(KeyService *service, const KeyPageTools &tools, const ApiKey &key,
                  QWidget *parent = nullptr);
    ~KeyTestDialog() override;

    bool isBusy() const { return m_busy; }
    QString resultText() const;

    void done(int result) override; // wipes the pasted value

Q_SIGNALS:
    void tested(bool works);

private:
    void runTest();
    void verifyForKeptCopy();
    void keptCopyRead(VaultJob *job);
    void send(QByteArray value);
    void answered(KeyJob *job);
    void setBusy(bool busy);
    void updateButtons();
    void wipeField();

    KeyService *m_service;
    QPointer<CredentialVault> m_vault;
    QPointer<ConsolePassphrase> m_passphrase;
    QPointer<PassphraseCheck> m_check; // while the console passphrase is asked for
    ApiKey m_key;
    bool m_busy = false;
    QRadioButton *m_useKept = nullptr;
    QRadioButton *m_usePasted = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_test = nullptr;
};

} // namespace keydesk
