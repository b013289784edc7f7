#include "ChangePassphraseDialog.h"

#include "SetPassphraseDialog.h"
#include "vault/ConsolePassphrase.h"
#include "vault/SecretBytes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

ChangePassphraseDialog::ChangePassphraseDialog(ConsolePassphrase *passphrase, QWidget *parent)
    : QDialog(parent)
    , m_passphrase(passphrase)
{
    setWindowTitle(tr("Change the console passphrase"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *intro = new QLabel(tr("Enter the current console passphrase, then the new one twice "
                                "(at least %1 characters).")
                                 .arg(SetPassphraseDialog::minimumLength),
                             this);
    intro->setWordWrap(true);
    m_current = SetPassphraseDialog::passphraseField(tr("Current console passphrase"), this);
    m_first = SetPassphraseDialog::passphraseField(tr("New console passphrase"), this);
    m_second = SetPassphraseDialog::passphraseField(tr("Repeat the console passphrase"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Passphrase problem"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_change = buttons->addButton(tr("&Change passphrase"), QDialogButtonBox::AcceptRole);
    m_change->setDefault(true);
    m_change->setAccessibleName(tr("Change passphrase"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("C&urrent:"), m_current);
    form->addRow(tr("&New:"), m_first);
    form->addRow(tr("&Repeat:"), m_second);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    for (QLineEdit *field : {m_current, m_first, m_second})
        connect(field, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateState);
    connect(m_change, &QPushButton::clicked, this, &ChangePassphraseDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, &ChangePassphraseDialog::clearFields);
    updateState();
}

ChangePassphraseDialog::~ChangePassphraseDialog()
{
    clearFields();
}

QString ChangePassphraseDialog::problem() const
{
    if (m_current->text().isEmpty())
        return tr("Enter the current passphrase.");
    return SetPassphraseDialog::choiceProblem(m_first->text(), m_second->text());
}

void ChangePassphraseDialog::updateState()
{
    if (m_busy)
        return;
    const QString wrong = problem();
    // Nothing to say before anything is typed; after that, the reason stays in view.
    const bool untouched
        = m_current->text().isEmpty() && m_first->text().isEmpty() && m_second->text().isEmpty();
    m_status->setText(untouched ? QString() : wrong);
    m_change->setEnabled(wrong.isEmpty());
}

void ChangePassphraseDialog::submit()
{
    if (m_busy || !problem().isEmpty())
        return;
    if (!m_passphrase) {
        m_status->setText(tr("No system keychain is available, so the passphrase cannot be "
                             "changed."));
        return;
    }
    QByteArray current = m_current->text().toUtf8();
    QByteArray chosen = m_first->text().toUtf8();
    PassphraseJob *job = m_passphrase->change(current, chosen);
    wipeSecret(current);
    wipeSecret(chosen);
    m_busy = true;
    for (QLineEdit *field : {m_current, m_first, m_second})
        field->setEnabled(false);
    m_change->setEnabled(false);
    m_status->setText(tr("Checking the current passphrase…"));
    connect(job, &PassphraseJob::finished, this, &ChangePassphraseDialog::finished);
    job->start();
}

void ChangePassphraseDialog::finished(PassphraseJob *job)
{
    m_busy = false;
    for (QLineEdit *field : {m_current, m_first, m_second})
        field->setEnabled(true);
    if (job->error() == PassphraseJob::Error::NoError) {
        accept();
        return;
    }
    // The new pair stays for another try at the current one; a wrong one is typed again.
    SetPassphraseDialog::clearField(m_current);
    QString reason = job->errorString();
    if (job->error() == PassphraseJob::Error::NotSet)
        reason = tr("No console passphrase is set yet. It is set when the first profile secret "
                    "or kept copy is stored in the keychain.");
    else if (job->error() == PassphraseJob::Error::WrongPassphrase
             || job->error() == PassphraseJob::Error::TooSoon)
        reason += u' ' + tr("Nothing was changed.");
    m_status->setText(reason);
    m_change->setEnabled(false);
    m_current->setFocus();
}

void ChangePassphraseDialog::clearFields()
{
    for (QLineEdit *field : {m_current, m_first, m_second})
        SetPassphraseDialog::clearField(field);
}

} // namespace keydesk
