#pragma once

#include "services/KeyService.h"

#include <QByteArray>
#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTimer;
class QToolButton;

namespace keydesk {

class ClipboardGuard;

// Shows a new key's value once: masked with a reveal toggle, Copy through the ClipboardGuard,
// "Keep a copy in the system keychain", and for a temporary key a live countdown. It cannot be
// closed by accident: Esc, the window's close button and reject() ask first until the value was
// copied or kept, or the person says they stored it elsewhere. Closing wipes the value.
class CreatedKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // The dialog keeps a copy of value of its own (the caller wipes theirs). secretExpires
    // valid: a temporary key, ending then. clipboard is the application's guard
    // (it must outlive the dialog, so a copy is cleared on time after the dialog has gone).
    CreatedKeyDialog(const ApiKey &key, const QByteArray &value, const QDateTime &secretExpires,
                     const ServiceCapabilities &capabilities, ClipboardGuard *clipboard,
                     QWidget *parent = nullptr);
    ~CreatedKeyDialog() override;

    bool isTemporary() const { return m_expires.isValid(); }
    bool keepInKeychain() const; // the person asked for a copy in the keychain
    bool valueSecured() const; // copied, kept, confirmed stored elsewhere, or expired

    void reject() override; // asks first while the value is not secured
    void done(int result) override; // wipes the value

Q_SIGNALS:
    void valueCopied();
    void keepInKeychainToggled(bool keep);
    // On closing with "Keep a copy" ticked, just before the value is wiped: the caller writes
    // it to the vault (a direct connection; copy what you keep, the value is wiped next).
    void keepCopyRequested(const QByteArray &value);

private:
    QWidget *makeValueRow();
    void copyValue();
    void revealToggled(bool revealed);
    void updateCountdown();
    void askBeforeClosing(int result);
    void wipeValue();

    ApiKey m_key;
    QByteArray m_value;
    QDateTime m_expires; // a temporary key's end
    ClipboardGuard *m_clipboard;
    bool m_copied = false;
    bool m_confirmedStored = false;
    bool m_expired = false;

    QLineEdit *m_valueField = nullptr;
    QToolButton *m_reveal = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copyStatus = nullptr;
    QLabel *m_countdown = nullptr;
    QCheckBox *m_keep = nullptr; // not for temporary keys
    QTimer *m_tick = nullptr;
    QMessageBox *m_confirm = nullptr; // "Did you store the value?" while it is open
};

} // namespace keydesk
