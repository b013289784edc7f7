#pragma once

#include "RevealSession.h"
#include "domain/ApiKey.h"

#include <QByteArrayView>
#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace keydesk {

class ClipboardGuard;

// The viewing session after a verification (DESIGN.md §6): the value masked with a reveal
// toggle, Copy through the ClipboardGuard, and a visible countdown. When the session ends, by
// the clock or by closing the dialog, the value is wiped from the field and from memory, and
// from the clipboard if what we copied is still there. The dialog never gets the value back:
// viewing again means a new verification and a new dialog.
class ViewKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // value: the revealed value, copied into the session (the caller wipes its own).
    ViewKeyDialog(const ApiKey &key, QByteArrayView value, ClipboardGuard *clipboard,
                  int sessionSeconds = RevealSession::defaultSeconds, QWidget *parent = nullptr);
    ~ViewKeyDialog() override;

    RevealSession *session() const { return m_session; }
    bool isRevealed() const;

    void done(int result) override; // ends the session

private:
    void setRevealed(bool revealed);
    void copy();
    void showRemaining(int seconds);
    void sessionEnded();
    void wipeField();

    ApiKey m_key;
    RevealSession *m_session;
    QPointer<ClipboardGuard> m_clipboard;
    bool m_copied = false;
    QLineEdit *m_value = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_copy = nullptr;
    QProgressBar *m_countdown = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace keydesk
