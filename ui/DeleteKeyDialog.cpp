#include "DeleteKeyDialog.h"

#include "PlainText.h"
#include "VerificationDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr int kIdSuffixLength = 4;

} // namespace

DeleteKeyDialog::DeleteKeyDialog(const ApiKey &key, const ServiceCapabilities &capabilities,
                                 QWidget *parent)
    : QDialog(parent)
    , m_key(key)
    , m_capabilities(capabilities)
    , m_expected(key.name.isEmpty() ? key.id.right(kIdSuffixLength) : key.name)
{
    const bool revoke = capabilities.deleteIsRevoke;
    setWindowTitle(revoke ? tr("Revoke key") : tr("Delete key"));
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    const QString service = serviceDisplayName(key.service);

    auto *question = new QLabel(this);
    question->setWordWrap(true);
    question->setTextFormat(Qt::PlainText);
    question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString named = key.name.isEmpty() ? key.id : u"“%1” (%2)"_s.arg(key.name, key.id);
    question->setText(revoke ? tr("Revoke the key %1 in %2?").arg(named, service)
                             : tr("Delete the key %1 from %2?").arg(named, service));

    auto *consequence = new QLabel(this);
    showPlain(consequence);
    consequence->setWordWrap(true);
    consequence->setText(tr("Every call that uses this key will be refused.") + u' '
                         + (revoke ? tr("The key stays listed as revoked; this cannot be undone.")
                                   : tr("This cannot be undone.")));

    auto *lastUsed = new QLabel(describeLastUse(), this);
    showPlain(lastUsed);
    lastUsed->setAccessibleName(tr("Last used"));

    m_confirmation = new QLineEdit(this);
    m_confirmation->setAccessibleName(tr("Confirmation"));
    m_confirmation->setAccessibleDescription(tr("Type %1 to confirm").arg(m_expected));
    const QString confirmLabel = key.name.isEmpty()
        ? tr("Type the last 4 characters of the key's ID, “%1”, to confirm:").arg(m_expected)
        : tr("Type the key's name, “%1”, to confirm:").arg(m_expected);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *confirmBuddy = new QLabel(confirmLabel, this);
    confirmBuddy->setWordWrap(true);
    confirmBuddy->setBuddy(m_confirmation);
    form->addRow(confirmBuddy, m_confirmation);
    if (capabilities.deleteNeedsVerification) {
        m_code = new QLineEdit(this);
        VerificationDialog::makeCodeField(m_code);
        auto *codeBuddy
            = new QLabel(tr("6-digit &code from the account's authenticator app:"), this);
        codeBuddy->setBuddy(m_code);
        form->addRow(codeBuddy, m_code);
    }

    m_status = new QLabel(this);
    showPlain(m_status); // the service's message
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Result"));
    m_status->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = m_buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setAccessibleName(tr("Cancel"));
    m_delete = m_buttons->addButton(revoke ? tr("&Revoke") : tr("&Delete"),
                                    QDialogButtonBox::DestructiveRole);
    m_delete->setAccessibleName(revoke ? tr("Revoke the key") : tr("Delete the key"));
    if (capabilities.canDisable) {
        m_disable = m_buttons->addButton(tr("D&isable instead"), QDialogButtonBox::ActionRole);
        m_disable->setAccessibleName(tr("Disable the key instead"));
        m_disable->setToolTip(tr("Calls with the key are refused until it is enabled again."));
        m_disable->setAutoDefault(false);
    }
    // Enter presses the default button: Cancel, never the destructive one, even when focused.
    m_delete->setAutoDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(consequence);
    layout->addWidget(lastUsed);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    QWidget *previous = m_confirmation;
    for (QWidget *next : {static_cast<QWidget *>(m_code), static_cast<QWidget *>(m_cancel),
                          static_cast<QWidget *>(m_disable), static_cast<QWidget *>(m_delete)}) {
        if (next) {
            setTabOrder(previous, next);
            previous = next;
        }
    }

    connect(m_confirmation, &QLineEdit::textChanged, this, &DeleteKeyDialog::updateButtons);
    if (m_code)
        connect(m_code, &QLineEdit::textChanged, this, &DeleteKeyDialog::updateButtons);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, [this] { choose(Choice::Delete); });
    if (m_disable)
        connect(m_disable, &QPushButton::clicked, this, [this] { choose(Choice::Disable); });
    updateButtons();
    m_confirmation->setFocus();
}

DeleteKeyDialog::~DeleteKeyDialog() = default;

QString DeleteKeyDialog::code() const
{
    return m_code ? m_code->text() : QString();
}

void DeleteKeyDialog::showError(const KeyError &error)
{
    QString text;
    if (error.kind == KeyError::Kind::VerificationWrong) {
        text = error.serviceCode == u"VerificationCodeUsed"_s
            ? tr("This code was used already. Wait for the next code and try again.")
            : tr("Wrong code.");
        if (error.attemptsLeft == 1)
            text += u' ' + tr("1 attempt left.");
        else if (error.attemptsLeft >= 0)
            text += u' ' + tr("%n attempts left.", "", error.attemptsLeft);
    } else if (error.kind == KeyError::Kind::VerificationLocked) {
        m_locked = true;
        text = tr("Too many wrong codes: verification is locked.");
        if (error.until.isValid())
            text += u' '
                + tr("Locked until %1.").arg(VerificationDialog::lockedUntilText(error.until));
    } else {
        text = error.summary();
    }
    m_choice = Choice::None;
    if (m_code)
        m_code->clear();
    m_status->setText(text);
    m_status->show();
    setBusy(false);
}

QString DeleteKeyDialog::describeLastUse() const
{
    // ApiKey cannot tell "never used" from "the service does not say": say no more than known.
    if (!m_key.lastUsed.isValid())
        return tr("Last used: unknown (never, or the service does not report it).");
    return tr("Last used: %1.")
        .arg(QLocale().toString(m_key.lastUsed.toLocalTime(), QLocale::LongFormat));
}

void DeleteKeyDialog::updateButtons()
{
    const bool typed = m_confirmation->text().trimmed() == m_expected;
    const bool codeReady = !m_code || m_code->text().size() == VerificationDialog::codeLength;
    m_confirmation->setEnabled(!m_busy);
    if (m_code)
        m_code->setEnabled(!m_busy && !m_locked);
    m_delete->setEnabled(!m_busy && !m_locked && typed && codeReady);
    if (m_disable)
        m_disable->setEnabled(!m_busy && m_key.status == KeyStatus::Active);
}

void DeleteKeyDialog::choose(Choice choice)
{
    m_choice = choice;
    m_status->hide();
    setBusy(true);
    Q_EMIT submitted();
}

void DeleteKeyDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_status->setText(m_choice == Choice::Disable ? tr("Disabling…") : tr("Deleting…"));
        m_status->show();
    }
    updateButtons();
}

} // namespace keydesk
