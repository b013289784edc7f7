#include "SetPassphraseDialog.h"

#include "PlainText.h"
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

QLineEdit *SetPassphraseDialog::passphraseField(const QString &accessibleName, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                               | Qt::ImhNoAutoUppercase);
    field->setAccessibleName(accessibleName);
    return field;
}

void SetPassphraseDialog::clearField(QLineEdit *field)
{
    // The copy shares the field's buffer: wiping it zeroes what the field held.
    QString typed = field->text();
    wipeSecret(typed);
    field->clear();
}

SetPassphraseDialog::SetPassphraseDialog(ConsolePassphrase *passphrase, const QString &why,
                                         QWidget *parent)
    : QDialog(parent)
    , m_passphrase(passphrase)
{
    setWindowTitle(tr("Set the console passphrase"));
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *intro = new QLabel(this);
    showPlain(intro);
    intro->setWordWrap(true);
    intro->setText(why + u"\n\n"_s
                   + tr("Choose a passphrase of at least %1 characters. The console keeps only "
                        "a verifier of it, never the passphrase: if it is forgotten, the kept "
                        "copies cannot be viewed.")
                         .arg(minimumLength));
    intro->setObjectName(u"passphraseIntro"_s);

    m_first = passphraseField(tr("New console passphrase"), this);
    m_second = passphraseField(tr("Repeat the console passphrase"), this);

    m_status = new QLabel(this);
    showPlain(m_status); // the keychain's message
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Passphrase problem"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_set = m_buttons->addButton(tr("&Set passphrase"), QDialogButtonBox::AcceptRole);
    m_set->setDefault(true);
    m_set->setAccessibleName(tr("Set passphrase"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_first);
    form->addRow(tr("&Repeat:"), m_second);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_first, m_second);
    setTabOrder(m_second, m_set);
    setTabOrder(m_set, m_buttons->button(QDialogButtonBox::Cancel));

    connect(m_first, &QLineEdit::textChanged, this, &SetPassphraseDialog::updateState);
    connect(m_second, &QLineEdit::textChanged, this, &SetPassphraseDialog::updateState);
    connect(m_set, &QPushButton::clicked, this, &SetPassphraseDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, &SetPassphraseDialog::clearFields);
    updateState();
}

SetPassphraseDialog::~SetPassphraseDialog()
{
    clearFields();
}

QString SetPassphraseDialog::problem() const
{
    return choiceProblem(m_first->text(), m_second->text());
}

QString SetPassphraseDialog::choiceProblem(const QString &first, const QString &second)
{
    if (first.size() < minimumLength)
        return tr("The passphrase needs at least %1 characters.").arg(minimumLength);
    if (first.trimmed().isEmpty())
        return tr("The passphrase cannot be only spaces.");
    if (second != first)
        return tr("The two passphrases differ.");
    return {};
}

void SetPassphraseDialog::updateState()
{
    if (m_busy)
        return;
    const QString wrong = problem();
    // Nothing to say before anything is typed; after that, the reason stays in view.
    m_status->setText(m_first->text().isEmpty() && m_second->text().isEmpty() ? QString() : wrong);
    m_set->setEnabled(wrong.isEmpty());
}

void SetPassphraseDialog::submit()
{
    if (m_busy || !problem().isEmpty())
        return;
    if (!m_passphrase) {
        m_status->setText(tr("No system keychain is available, so no passphrase can be set."));
        return;
    }
    QByteArray chosen = m_first->text().toUtf8();
    PassphraseJob *job = m_passphrase->setInitial(chosen);
    wipeSecret(chosen);
    m_busy = true;
    m_set->setEnabled(false);
    m_first->setEnabled(false);
    m_second->setEnabled(false);
    m_status->setText(tr("Saving the verifier in the system keychain…"));
    connect(job, &PassphraseJob::finished, this, &SetPassphraseDialog::finished);
    job->start();
}

void SetPassphraseDialog::finished(PassphraseJob *job)
{
    m_busy = false;
    m_first->setEnabled(true);
    m_second->setEnabled(true);
    if (job->error() == PassphraseJob::Error::NoError) {
        accept();
        return;
    }
    clearFields();
    m_status->setText(job->error() == PassphraseJob::Error::AlreadySet
                          ? tr("A console passphrase is already set: use it.")
                          : tr("The passphrase was not set: %1").arg(job->errorString()));
    m_set->setEnabled(false);
    m_first->setFocus();
}

void SetPassphraseDialog::clearFields()
{
    for (QLineEdit *field : {m_first, m_second})
        clearField(field);
}

} // namespace keydesk
