#pragma once

#include "VerificationDialog.h"
#include "domain/KeyError.h"

#include <QObject>
#include <QPointer>
#include <QString>

class ConsolePassphrase;
class PassphraseJob;
class QWidget;

namespace keydesk {

// A fresh check of the console passphrase before a guarded step (DESIGN.md §4, §6): the use of
// a kept copy, or changing where a profile's secrets go (as GitHub's sudo mode). Opens a
// VerificationDialog in passphrase mode ("verificationDialog", window-modal over parent) and
// emits verified() once the passphrase matched; the caller then does the step and ends the
// check with done() or fail(). A console with no passphrase set never offers to set one here:
// the dialog says notSetReason. Emits closed() when the dialog has gone, then deletes itself.
class PassphraseCheck : public QObject
{
    Q_OBJECT

public:
    // passphrase may be null (no keychain): nothing can be verified then, and the dialog says so.
    PassphraseCheck(ConsolePassphrase *passphrase, const QString &prompt,
                    const QString &notSetReason, QWidget *parent);

    void start();
    void done(); // the step succeeded: the dialog closes
    void fail(const KeyError &error); // the step failed after all: shown in the dialog
    VerificationDialog *dialog() const { return m_dialog; }
    bool wasVerified() const { return m_verified; }

Q_SIGNALS:
    void verified();
    void closed(bool verified); // verified: done() was called after verified()

private:
    void submitted();
    void checked(PassphraseJob *job);

    QPointer<ConsolePassphrase> m_passphrase;
    QString m_prompt;
    QString m_notSetReason;
    QWidget *m_parent;
    QPointer<VerificationDialog> m_dialog;
    bool m_verified = false;
};

} // namespace keydesk
