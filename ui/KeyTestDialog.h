#pragma once

#include "domain/ApiKey.h"
#include "domain/KeyError.h"

#include <QByteArray>
#include <QDialog>
#include <QPointer>

class CredentialVault;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class VaultJob;

namespace keydesk {

class KeyJob;
class KeyService;

// "Does this key work?": calls the service's data plane with the key's value, taken from the
// copy kept in the keychain or pasted into a masked field, and shows the answer. The value is
// wiped as soon as the call has it.
class KeyTestDialog : public QDialog
{
    Q_OBJECT

public:
    // vault may be null: only a pasted value can be tested.
    KeyTestDialog(KeyService *service, CredentialVault *vault, const ApiKey &key,
                  QWidget *parent = nullptr);
    ~KeyTestDialog() override;

    bool isBusy() const { return m_busy; }
    QString resultText() const;

    void done(int result) override; // wipes the pasted value

Q_SIGNALS:
    void tested(bool works);

private:
    void runTest();
    void keptCopyRead(VaultJob *job);
    void send(QByteArray value);
    void answered(KeyJob *job);
    void setBusy(bool busy);
    void updateButtons();
    void wipeField();

    KeyService *m_service;
    QPointer<CredentialVault> m_vault;
    ApiKey m_key;
    bool m_busy = false;
    QRadioButton *m_useKept = nullptr;
    QRadioButton *m_usePasted = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_test = nullptr;
};

} // namespace keydesk
