#pragma once

#include <QDialog>

class ConsolePassphrase;
class QComboBox;
class QSpinBox;

namespace keydesk {

class ClipboardGuard;

// The console's settings (ConsoleSettings): how long a viewing session lasts, how long a copied
// value stays on the clipboard, after how long without input the console locks, and the
// console's language. OK saves them; the clipboard guard, when given, takes the new time at
// once, the window its new idle time when told (QDialog::accepted), the next viewing session
// uses the new length, and the next start the new language (the window sets its texts once, when
// it is built). "Change console passphrase…" opens a ChangePassphraseDialog, which needs the
// current one.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // passphrase may be null (no keychain): the passphrase cannot be changed then.
    explicit SettingsDialog(ClipboardGuard *clipboard, QWidget *parent = nullptr,
                            ConsolePassphrase *passphrase = nullptr);

    void accept() override;

private:
    ClipboardGuard *m_clipboard;
    ConsolePassphrase *m_passphrase;
    QSpinBox *m_viewing;
    QSpinBox *m_clipboardSeconds;
    QSpinBox *m_lockMinutes;
    QComboBox *m_language;
};

} // namespace keydesk
