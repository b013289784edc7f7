#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace keydesk {

// Adds a profile, or edits one (its service then stays as it is): the display name and only the
// fields its service uses, with the vendor's endpoints filled in where the vendor has them, and
// its AccessKey secret. Each field is checked before anything is saved, with the reason under
// the field; ProfileStore::validate() has the last word on the whole profile.
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

    bool isEditing() const { return !m_original.id.isEmpty(); }
    // Profiles of a window without a store (the sandbox's demo) last for the session only; the
    // dialog says so.
    void setSessionOnly(bool sessionOnly);

    // The profile as the fields describe it; when adding, its id is empty (the store gives one).
    Profile profile() const;
    // The typed AccessKey secret, UTF-8; the field and the dialog's copies are wiped. Empty when
    // editing and nothing was typed: keep the stored secret.
    QByteArray takeSecret();

    bool isValid() const; // every field is acceptable, and so is the whole profile
    bool isBusy() const { return m_busy; }

    void saved(); // the caller saved it: the dialog closes as accepted
    void showSaveError(const QString &message); // the caller could not: the dialog stays

    void accept() override; // checks every field, then emits submitted()
    void done(int result) override; // refused while busy; wipes the secret field

Q_SIGNALS:
    void submitted(); // save profile() and takeSecret() now

private:
    void build();
    QLineEdit *addLineEdit(const QString &name, const QString &accessibleName, const QString &label,
                           QLabel **error);
    QLabel *makeErrorLabel(const QString &name, const QString &accessibleName);
    void addRow(const QString &label, QWidget *field, QLabel *error);
    void fill(const Profile &profile);
    void serviceChanged();
    void regionChanged();
    void browseCaCertificate();
    void validate();
    void setBusy(bool busy);
    void wipeSecretField();
    ServiceKind service() const;
    QString region() const;

    QString displayNameProblem() const;
    QString endpointProblem() const;
    QString dataEndpointProblem() const;
    QString accessKeyIdProblem() const;
    QString secretProblem() const;
    QString workspaceProblem() const;
    QString orgIdProblem() const;
    QString projectIdProblem() const;
    QString instanceProblem() const;
    QString caCertificateProblem() const;
    QString profileProblem() const;
    static void showProblem(QLabel *label, const QString &problem);

    Profile m_original; // editing: the profile as it was; adding: empty
    ServiceKind m_shownService = ServiceKind::Ram; // whose defaults the fields hold
    QString m_shownRegion;
    bool m_checked = false; // OK was pressed once: problems show as they change
    bool m_busy = false;

    QFormLayout *m_form = nullptr;
    QLabel *m_sessionNote = nullptr;
    QComboBox *m_service = nullptr;
    QLabel *m_serviceHint = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLabel *m_displayNameError = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLabel *m_endpointError = nullptr;
    QLineEdit *m_dataEndpoint = nullptr;
    QLabel *m_dataEndpointError = nullptr;
    QLineEdit *m_accessKeyId = nullptr;
    QLabel *m_accessKeyIdError = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretError = nullptr;
    QLineEdit *m_workspaceId = nullptr;
    QLabel *m_workspaceError = nullptr;
    QLineEdit *m_orgId = nullptr;
    QLabel *m_orgIdError = nullptr;
    QLineEdit *m_projectId = nullptr;
    QLabel *m_projectIdError = nullptr;
    QLineEdit *m_instanceName = nullptr;
    QLabel *m_instanceError = nullptr;
    QWidget *m_caRow = nullptr;
    QLineEdit *m_caCertificate = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_caCertificateError = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_problem = nullptr; // the whole profile's, or the caller's save error
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace keydesk
