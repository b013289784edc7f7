#pragma once

#include <QDialog>
#include <QPointer>

class ConsolePassphrase;
class PassphraseJob;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keydesk {

// Changes the console passphrase (Settings ▸ "Change console passphrase…"): the current one,
// then the new one twice, under SetPassphraseDialog's rules. Runs ConsolePassphrase::change(),
// so a wrong current passphrase counts like any wrong attempt and waits out its delay; accepts
// once the new verifier is in the keychain, else shows why in place. A console with no
// passphrase gets none here: it is set when the first secret enters the keychain. The fields
// are zeroed on every outcome.
class ChangePassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ChangePassphraseDialog(ConsolePassphrase *passphrase, QWidget *parent = nullptr);
    ~ChangePassphraseDialog() override;

    QString problem() const; // empty when the fields can be submitted

private:
    void updateState();
    void submit();
    void finished(PassphraseJob *job);
    void clearFields();

    QPointer<ConsolePassphrase> m_passphrase;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_change = nullptr;
    bool m_busy = false;
};

} // namespace keydesk
