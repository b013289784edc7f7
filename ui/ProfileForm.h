#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <utility>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace keydesk {

// The fields of one profile: its service, display name, only the fields its service uses (with
// the vendor's endpoints filled in where the vendor has them) and its AccessKey secret. It reads
// them back into a Profile and shows each field's problem under the field; its window decides
// when problems show and saves.
//
// It is built with every row shown and empty: a window that takes its size from it then fits
// every service's rows. fill() shows the profile and only the rows of its service.
class ProfileForm : public QWidget
{
    Q_OBJECT

public:
    // original: the profile to edit (its service then stays as it is), or an empty one to add.
    explicit ProfileForm(const Profile &original, QWidget *parent = nullptr);
    ~ProfileForm() override; // wipes the secret field

    bool isEditing() const { return !m_original.id.isEmpty(); }
    void fill(); // the original profile; adding: the first service with its defaults

    // The profile as the fields describe it; when adding, its id is empty (the store gives one).
    Profile profile() const;
    // The typed AccessKey secret, UTF-8; the field and the form's copies are wiped. Empty when
    // editing and nothing was typed: keep the stored secret.
    QByteArray takeSecret();
    void wipeSecretField();
    bool hasTypedSecret() const; // a secret (not only spaces) is typed in its field

    bool isValid() const; // every field is acceptable, and so is the whole profile
    bool showFieldProblems(); // each field's problem under it; true when none has one
    QString profileProblem() const; // ProfileStore::validate() on the whole profile
    void focusFirstProblem(); // the first field whose problem shows
    void setReadOnly(bool readOnly); // nothing changes while the window saves
    QWidget *lastField() const; // the last of the form in the tab order

    // A label for the problem with what accessibleName names, hidden until there is one.
    static QLabel *makeProblemLabel(const QString &name, const QString &accessibleName,
                                    QWidget *parent);
    static void showProblem(QLabel *label, const QString &problem);

Q_SIGNALS:
    void edited(); // a field's text, the service or the region changed

private:
    void build();
    QLineEdit *addLineEdit(const QString &name, const QString &accessibleName, const QString &label,
                           QLabel **error);
    void addRow(const QString &label, QWidget *field, QLabel *error);
    void serviceChanged();
    void regionChanged();
    void browseCaCertificate();
    ServiceKind service() const;
    QString region() const;

    QList<std::pair<QLabel *, QString>> fieldProblems() const;

    Profile m_original; // editing: the profile as it was; adding: empty
    ServiceKind m_shownService = ServiceKind::Ram; // whose defaults the fields hold
    QString m_shownRegion;

    QFormLayout *m_form = nullptr;
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
};

} // namespace keydesk
