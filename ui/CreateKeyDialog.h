#pragma once

#include "services/KeyService.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace keydesk {

// Asks what a new key should be: only the fields the service has, from its ServiceCapabilities,
// each checked before anything is sent, with the reason under the field. It produces a
// CreateKeyRequest (or a temporary key's parameters) and calls no service: the caller runs the
// KeyJob and shows its outcome, so this dialog knows nothing of jobs, errors or the network.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateKeyDialog(const ServiceCapabilities &capabilities, QWidget *parent = nullptr);
    ~CreateKeyDialog() override;

    // The service's limit where it matters ("2 of 3 keys"); a non-empty blockedReason says why
    // no permanent key can be made now and keeps Create disabled (temporary keys are not
    // counted against it).
    void setUsage(const QString &usageText, const QString &blockedReason = {});
    // hasOwners: the RAM users the caller knows of, offered in the owner field.
    void setOwners(const QStringList &owners);
    // hasWorkspaces: (id, name) of each workspace; currentId is selected, empty: the profile's.
    void setWorkspaces(const QList<QPair<QString, QString>> &workspaces,
                       const QString &currentId = {});

    bool isTemporary() const; // the person asked for a temporary key
    CreateKeyRequest request() const; // a permanent key
    int temporarySeconds() const; // a temporary key: how long it lasts
    // A temporary key: the parent key's value; the field is wiped and emptied.
    QByteArray takeParentValue();

    bool isValid() const; // every field is acceptable and nothing blocks creation

    void accept() override; // checks again (time passes while the dialog is open)
    void done(int result) override; // wipes what was pasted

private:
    QWidget *makePermanentFields();
    QWidget *makeTemporaryFields();
    QLabel *makeErrorLabel(const QString &name);
    void addRow(QFormLayout *form, const QString &label, QWidget *field, QLabel *error);
    void modeChanged();
    void validate();
    QString nameProblem() const;
    QString expiryProblem() const;
    QString permissionProblem() const;
    QString ownerProblem() const;
    QString parentValueProblem() const;
    static void showProblem(QLabel *label, const QString &problem);
    void wipeParentValue();

    ServiceCapabilities m_capabilities;
    QString m_blockedReason;

    QLabel *m_usage = nullptr;
    QButtonGroup *m_mode = nullptr; // hasTemporaryKeys: permanent or temporary
    QWidget *m_permanentFields = nullptr;
    QWidget *m_temporaryFields = nullptr;

    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QCheckBox *m_expires = nullptr; // hasExpiry && !expiryRequired: whether the key expires
    QDateTimeEdit *m_expiry = nullptr;
    QLabel *m_expiryError = nullptr;
    QComboBox *m_permission = nullptr;
    QLabel *m_permissionError = nullptr;
    QComboBox *m_owner = nullptr;
    QLabel *m_ownerError = nullptr;
    QComboBox *m_workspace = nullptr;

    QLineEdit *m_parentValue = nullptr;
    QLabel *m_parentValueError = nullptr;
    QSpinBox *m_seconds = nullptr;

    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace keydesk
