#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace keydesk {

struct KeyError;

// What a locked console shows over its whole window: "KeyDesk is locked", the console passphrase
// and Unlock. It checks nothing itself: Unlock (or Return) emits unlockRequested(), and the
// window takes the passphrase (takePassphrase(), which wipes the field) and answers with
// showError() or by unlocking.
class LockedPage : public QWidget
{
    Q_OBJECT

public:
    explicit LockedPage(QWidget *parent = nullptr);

    // Back to its first state: an empty field, no error, Unlock enabled, the field focused.
    void reset();
    QByteArray takePassphrase();
    void setBusy(bool busy);
    void showError(const KeyError &error);
    void showMessage(const QString &text);

Q_SIGNALS:
    void unlockRequested();

private:
    QLineEdit *m_passphrase;
    QPushButton *m_unlock;
    QLabel *m_error;
};

} // namespace keydesk
