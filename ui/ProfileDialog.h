#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;

namespace keydesk {

class ProfileForm;

// Adds a profile, or edits one (its service then stays as it is), in a ProfileForm. Each field is
// checked before anything is saved, with the reason under the field; ProfileStore::validate()
// has the last word on the whole profile.
//
// It saves nothing itself: OK emits submitted() and waits (busy) until the caller, who saved
// profile() and takeSecret(), either calls saved() or showSaveError(). So a keychain that
// refuses the secret leaves the person in the dialog with what they typed, the secret aside.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(QWidget *parent = nullptr); // add a new profile
    explicit ProfileDialog(const Profile &profile, QWidget *parent = nullptr); // edit it
    ~ProfileDialog() override; // wipes the secret field

    bool isEditing() const;
    // Profiles of a window without a store (the sandbox's demo) last for the session only; the
    // dialog says so.
    void setSessionOnly(bool sessionOnly);

    // The profile as the fields describe it; when adding, its id is empty (the store gives one).
    Profile profile() const;
    // The typed AccessKey secret, UTF-8; the field and the dialog's copies are wiped. Empty when
    // editing and nothing was typed: keep the stored secret.
    QByteArray takeSecret();
    bool hasTypedSecret() const; // before takeSecret(): a secret is typed
    // Editing: an endpoint or the trusted CA changed and no secret is typed, so the stored one
    // would go where the edit points: saving needs the console passphrase first.
    bool redirectsStoredSecret() const;

    bool isValid() const; // every field is acceptable, and so is the whole profile
    bool isBusy() const { return m_busy; }

    void saved(); // the caller saved it: the dialog closes as accepted
    void showSaveError(const QString &message); // the caller could not: the dialog stays

    void accept() override; // checks every field, then emits submitted()
    void done(int result) override; // refused while busy; wipes the secret field

Q_SIGNALS:
    void submitted(); // save profile() and takeSecret() now

private:
    void build(const Profile &profile);
    void validate();
    void setBusy(bool busy);

    Profile m_original; // editing: the profile as it was
    bool m_checked = false; // OK was pressed once: problems show as they change
    bool m_busy = false;

    QLabel *m_sessionNote = nullptr;
    ProfileForm *m_form = nullptr;
    QLabel *m_problem = nullptr; // the whole profile's, or the caller's save error
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace keydesk
