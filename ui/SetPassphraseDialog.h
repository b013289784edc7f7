#pragma once

#include <QDialog>
#include <QPointer>

class ConsolePassphrase;
class PassphraseJob;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keydesk {

// Sets the console passphrase on first use (DESIGN.md §6): the passphrase that guards the
// copies kept in the keychain. Asked twice; at least minimumLength characters; runs
// ConsolePassphrase::setInitial() itself and accept()s once the verifier is in the keychain,
// or shows the keychain's refusal in place. Nothing typed outlives the dialog: the fields are
// cleared on every outcome and the bytes handed to the job are wiped.
class SetPassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int minimumLength = 8;

    SetPassphraseDialog(ConsolePassphrase *passphrase, const QString &why,
                        QWidget *parent = nullptr);
    ~SetPassphraseDialog() override;

    // Empty when the two fields can be submitted, else what is wrong with them.
    QString problem() const;
    // The same rule for any new passphrase typed twice (ChangePassphraseDialog's too).
    static QString choiceProblem(const QString &first, const QString &second);
    // A masked field for a passphrase, with input-method hints for sensitive data.
    static QLineEdit *passphraseField(const QString &accessibleName, QWidget *parent);
    static void clearField(QLineEdit *field); // zeroes what it held, then empties it

private:
    void updateState();
    void submit();
    void finished(PassphraseJob *job);
    void clearFields();

    QPointer<ConsolePassphrase> m_passphrase;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_set = nullptr;
    bool m_busy = false;
};

} // namespace keydesk
