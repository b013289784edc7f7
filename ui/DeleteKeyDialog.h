#pragma once

#include "domain/ApiKey.h"
#include "domain/KeyError.h"
#include "services/KeyService.h"

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keydesk {

// The deliberate confirmation before a key is deleted: it names the key and its service, says
// what stops working and when the key was last used, and enables Delete only once the key's
// name (or the last 4 characters of its id) is typed, and the 6-digit code where the service
// verifies deletes. Cancel is the default button, so Enter never deletes. Where keys can be
// disabled it offers that instead. Driven by ServiceCapabilities alone.
//
// Like VerificationDialog it runs nothing: Delete (or Disable instead) emits submitted() and
// waits, busy, until the caller ran the operation and accept()s or calls showError().
class DeleteKeyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Delete, Disable };
    Q_ENUM(Choice)

    DeleteKeyDialog(const ApiKey &key, const ServiceCapabilities &capabilities,
                    QWidget *parent = nullptr);
    ~DeleteKeyDialog() override;

    // What the person chose; None until Delete or Disable instead was pressed.
    Choice choice() const { return m_choice; }
    QString code() const; // the 6 digits, where deletes need verification
    // What must be typed: the key's name, or the last 4 characters of its id.
    QString expectedConfirmation() const { return m_expected; }
    bool isBusy() const { return m_busy; }

    // A failed delete or disable: the reason (attempts left, locked until); the dialog stays.
    void showError(const KeyError &error);

Q_SIGNALS:
    void submitted(); // run choice() now, with code() for a delete

private:
    QString describeLastUse() const;
    void updateButtons();
    void choose(Choice choice);
    void setBusy(bool busy);

    ApiKey m_key;
    ServiceCapabilities m_capabilities;
    QString m_expected;
    Choice m_choice = Choice::None;
    bool m_busy = false;
    bool m_locked = false; // verification locked: no delete from this dialog
    QLineEdit *m_confirmation = nullptr;
    QLineEdit *m_code = nullptr; // null where deletes need no verification
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_disable = nullptr; // null where keys cannot be disabled
};

} // namespace keydesk
