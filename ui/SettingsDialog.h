#pragma once

#include <QDialog>

class QSpinBox;

namespace keydesk {

class ClipboardGuard;

// The console's settings (ConsoleSettings): how long a viewing session lasts and how long a
// copied value stays on the clipboard. OK saves them; the clipboard guard, when given, takes the
// new time at once, and the next viewing session uses the new length.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(ClipboardGuard *clipboard, QWidget *parent = nullptr);

    void accept() override;

private:
    ClipboardGuard *m_clipboard;
    QSpinBox *m_viewing;
    QSpinBox *m_clipboardSeconds;
};

} // namespace keydesk
