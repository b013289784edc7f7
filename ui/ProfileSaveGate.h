#pragma once

#include <QObject>
#include <QPointer>

class ConsolePassphrase;

namespace keydesk {

class ProfileDialog;

// What a profile's save waits for (DESIGN.md §4), between the ProfileDialog's OK and the
// ProfileSaveJob: the console passphrase set before the first secret enters the keychain
// (FirstPassphrase), and the passphrase verified before an edit sends the stored secret
// somewhere else (an endpoint or the trusted CA changed, the secret not typed again: GitHub's
// sudo mode, through a PassphraseCheck). Other edits pass at once. When the person cancels or
// the keychain cannot answer, nothing is saved and the dialog says why, with what was typed.
// Emits cleared() when the save may go ahead; deletes itself either way.
class ProfileSaveGate : public QObject
{
    Q_OBJECT

public:
    // keepsSecrets: the secret goes to the keychain (false for the demo's session profiles).
    ProfileSaveGate(ConsolePassphrase *passphrase, bool keepsSecrets, ProfileDialog *dialog);

    void start();

Q_SIGNALS:
    void cleared();

private:
    void checkRedirect();
    void refuse(const QString &reason);
    void clear();

    QPointer<ConsolePassphrase> m_passphrase;
    bool m_keepsSecrets;
    ProfileDialog *m_dialog;
};

} // namespace keydesk
