#pragma once

#include "domain/KeyError.h"
#include "vault/PassphraseJob.h"

#include <QByteArray>
#include <QDateTime>
#include <QDialog>
#include <QString>

#include <chrono>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace keydesk {

// Asks for a fresh verification before a value is shown or a key deleted (DESIGN.md §6): the
// service's 6-digit code, or the console passphrase for kept copies. It runs nothing itself:
// Verify emits submitted() and waits (busy) until the caller, who ran the operation with
// code() or passphrase(), either accept()s or calls showError(). So one dialog sees every
// wrong try through, with the attempts left, a lock or a delay shown in place.
class VerificationDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { ServiceCode, ConsolePassphrase };
    Q_ENUM(Mode)

    explicit VerificationDialog(Mode mode, QWidget *parent = nullptr);
    ~VerificationDialog() override;

    Mode mode() const { return m_mode; }
    void setPrompt(const QString &text); // what is verified for, e.g. "View key “prod”"

    QString code() const; // ServiceCode: the 6 digits
    QByteArray passphrase() const; // ConsolePassphrase: UTF-8, the caller wipes it
    bool isBusy() const { return m_busy; }

    // A failed try: the reason, the attempts left, or until when no try is possible (the
    // input stays disabled until then). Clears the input for the next try.
    void showError(const KeyError &error);

    // A passphrase job's refusal as a KeyError: a wrong passphrase is VerificationWrong, a
    // delay in force sets until; the keychain's own errors keep their message.
    static KeyError passphraseError(PassphraseJob::Error error,
                                    std::chrono::milliseconds retryAfter,
                                    const QString &errorString);
    static constexpr int codeLength = 6;
    // Makes field take a 6-digit code (digits only, sensitive), as this dialog's and the delete
    // confirmation's code fields do.
    static void makeCodeField(QLineEdit *field);

    // How showError() writes the end of a lock: "HH:mm", local time.
    static QString lockedUntilText(const QDateTime &until);

Q_SIGNALS:
    void submitted(); // run the operation with code() or passphrase() now

private:
    void clearInput();
    void updateVerifyButton();
    void submit();
    void setBusy(bool busy);
    void updateWait();
    bool waiting() const;

    Mode m_mode;
    QLabel *m_prompt = nullptr;
    QLabel *m_inputLabel = nullptr;
    QLineEdit *m_input = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_verify = nullptr;
    QTimer *m_waitTimer = nullptr; // re-enables the input once m_waitUntil has passed
    QDateTime m_waitUntil;
    QString m_waitReason;
    bool m_locked = false; // VerificationLocked: no try until m_waitUntil, or at all
    bool m_busy = false;
};

} // namespace keydesk
