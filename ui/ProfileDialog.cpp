#include "ProfileDialog.h"

#include "ProfileForm.h"
#include "ProfileSaveJob.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

ProfileDialog::ProfileDialog(QWidget *parent)
    : ProfileDialog(Profile(), parent)
{ }

ProfileDialog::ProfileDialog(const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
{
    build(profile);
    // Sized before the form shows only its service's rows: as tall as every row, so it does not
    // grow when the person picks a service with more.
    resize(560, sizeHint().height());
    m_form->fill();
}

ProfileDialog::~ProfileDialog()
{
    m_form->wipeSecretField();
}

void ProfileDialog::build(const Profile &profile)
{
    auto *layout = new QVBoxLayout(this);

    m_sessionNote = new QLabel(tr("This is a demo session: profiles added or changed here are not "
                                  "saved. They and their secrets last until the console closes."),
                               this);
    m_sessionNote->setObjectName(u"sessionNote"_s);
    m_sessionNote->setAccessibleName(tr("Demo session"));
    m_sessionNote->setWordWrap(true);
    m_sessionNote->hide();
    layout->addWidget(m_sessionNote);

    m_form = new ProfileForm(profile, this);
    connect(m_form, &ProfileForm::edited, this, &ProfileDialog::validate);
    layout->addWidget(m_form);
    setWindowTitle(isEditing() ? tr("Edit profile") : tr("Add profile"));
    setAccessibleName(windowTitle());

    m_problem = ProfileForm::makeProblemLabel(u"problem"_s, tr("Profile"), this);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttons"_s);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(isEditing() ? tr("&Save") : tr("&Add"));
    ok->setAccessibleName(isEditing() ? tr("Save") : tr("Add"));
    ok->setDefault(true);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_form->lastField(), ok);
    setTabOrder(ok, cancel);
}

bool ProfileDialog::isEditing() const
{
    return m_form->isEditing();
}

void ProfileDialog::setSessionOnly(bool sessionOnly)
{
    m_sessionNote->setVisible(sessionOnly);
}

Profile ProfileDialog::profile() const
{
    return m_form->profile();
}

QByteArray ProfileDialog::takeSecret()
{
    return m_form->takeSecret();
}

bool ProfileDialog::hasTypedSecret() const
{
    return m_form->hasTypedSecret();
}

bool ProfileDialog::redirectsStoredSecret() const
{
    return isEditing() && ProfileSaveJob::changesWhereSecretsGo(m_original, m_form->profile())
        && !m_form->hasTypedSecret();
}

void ProfileDialog::validate()
{
    if (!m_checked)
        return; // problems show once OK was pressed, not while the person starts typing
    const bool fieldsFine = m_form->showFieldProblems();
    ProfileForm::showProblem(m_problem, fieldsFine ? m_form->profileProblem() : QString());
}

bool ProfileDialog::isValid() const
{
    return m_form->isValid();
}

void ProfileDialog::accept()
{
    if (m_busy)
        return;
    m_checked = true;
    validate();
    if (!isValid()) {
        m_form->focusFirstProblem();
        return;
    }
    setBusy(true);
    Q_EMIT submitted();
}

void ProfileDialog::saved()
{
    setBusy(false);
    QDialog::accept();
}

void ProfileDialog::showSaveError(const QString &message)
{
    setBusy(false);
    ProfileForm::showProblem(m_problem, message);
}

void ProfileDialog::setBusy(bool busy)
{
    m_busy = busy;
    // While the keychain writes, nothing may change what is being saved or close the dialog.
    m_form->setReadOnly(busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        ProfileForm::showProblem(m_problem, tr("Saving…"));
}

void ProfileDialog::done(int result)
{
    if (m_busy)
        return; // the caller's save is under way; it ends with saved() or showSaveError()
    m_form->wipeSecretField();
    QDialog::done(result);
}

} // namespace keydesk
