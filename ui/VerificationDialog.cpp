#include "VerificationDialog.h"

#include "PlainText.h"
#include "vault/SecretBytes.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// Up to this many seconds a wait is shown as a countdown, beyond it as a time of day.
constexpr qint64 kCountdownLimit = 120;

} // namespace

void VerificationDialog::makeCodeField(QLineEdit *field)
{
    field->setMaxLength(codeLength);
    field->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,6}"_s), field));
    field->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    field->setPlaceholderText(u"123456"_s);
    field->setAccessibleName(tr("Verification code"));
}

QString VerificationDialog::lockedUntilText(const QDateTime &until)
{
    return until.toLocalTime().toString(u"HH:mm"_s);
}

VerificationDialog::VerificationDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    const bool code = mode == Mode::ServiceCode;
    setWindowTitle(tr("Verify it is you"));
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 52);

    m_prompt = new QLabel(this);
    showPlain(m_prompt);
    m_prompt->setWordWrap(true);
    m_prompt->setText(code ? tr("Enter the 6-digit code from the account's authenticator app.")
                           : tr("Enter the console passphrase."));

    m_input = new QLineEdit(this);
    if (code) {
        makeCodeField(m_input);
    } else {
        m_input->setEchoMode(QLineEdit::Password);
        m_input->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                     | Qt::ImhNoAutoUppercase);
        m_input->setAccessibleName(tr("Console passphrase"));
    }
    m_inputLabel = new QLabel(code ? tr("&Code:") : tr("&Passphrase:"), this);
    m_inputLabel->setBuddy(m_input);

    m_status = new QLabel(this);
    showPlain(m_status); // the service's message
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Verification result"));
    m_status->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_verify = m_buttons->addButton(tr("&Verify"), QDialogButtonBox::AcceptRole);
    m_verify->setDefault(true);
    m_verify->setAccessibleName(tr("Verify"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_inputLabel);
    layout->addWidget(m_input);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_input, m_verify);
    setTabOrder(m_verify, m_buttons->button(QDialogButtonBox::Cancel));

    m_waitTimer = new QTimer(this);
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, &VerificationDialog::updateWait);
    connect(m_input, &QLineEdit::textChanged, this, &VerificationDialog::updateVerifyButton);
    // Verify only submits: the dialog is accepted by the caller once the operation succeeded.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VerificationDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateVerifyButton();
    m_input->setFocus();
}

VerificationDialog::~VerificationDialog()
{
    clearInput();
}

// A passphrase is zeroed where the field keeps it (QLineEdit::text() shares that buffer;
// passphrase() gave the caller a UTF-8 copy of its own). A code is only cleared: the caller
// may still hold code()'s text, which shares the field's buffer, and a used code is worthless.
void VerificationDialog::clearInput()
{
    if (m_mode == Mode::ConsolePassphrase) {
        QString typed = m_input->text();
        wipeSecret(typed);
    }
    m_input->clear();
}

void VerificationDialog::setPrompt(const QString &text)
{
    m_prompt->setText(text);
}

QString VerificationDialog::code() const
{
    return m_mode == Mode::ServiceCode ? m_input->text() : QString();
}

QByteArray VerificationDialog::passphrase() const
{
    return m_mode == Mode::ConsolePassphrase ? m_input->text().toUtf8() : QByteArray();
}

void VerificationDialog::showError(const KeyError &error)
{
    QString text;
    switch (error.kind) {
    case KeyError::Kind::VerificationWrong:
        if (error.serviceCode == u"VerificationCodeUsed"_s)
            text = tr("This code was used already. Wait for the next code and try again.");
        else
            text = m_mode == Mode::ServiceCode ? tr("Wrong code.") : tr("Wrong passphrase.");
        if (error.attemptsLeft == 0)
            text += u' ' + tr("No attempts left.");
        else if (error.attemptsLeft == 1)
            text += u' ' + tr("1 attempt left.");
        else if (error.attemptsLeft > 1)
            text += u' ' + tr("%n attempts left.", "", error.attemptsLeft);
        break;
    case KeyError::Kind::VerificationLocked:
        text = tr("Too many wrong attempts: verification is locked.");
        break;
    case KeyError::Kind::VerificationNeeded:
        text = m_mode == Mode::ServiceCode ? tr("Enter the code.") : tr("Enter the passphrase.");
        break;
    case KeyError::Kind::Throttled:
        text = error.message.isEmpty() ? tr("Too many attempts.") : error.message;
        break;
    default:
        // The service's code and request id help a person quoting them; a local error has none.
        text = error.serviceCode.isEmpty() && !error.message.isEmpty() ? error.message
                                                                       : error.summary();
        break;
    }
    m_waitReason = text;
    m_locked = error.kind == KeyError::Kind::VerificationLocked;
    m_waitUntil = error.until.isValid() && error.until > QDateTime::currentDateTimeUtc()
        ? error.until
        : QDateTime();
    clearInput();
    setBusy(false);
    m_status->show();
    updateWait();
    if (waiting())
        m_waitTimer->start();
    else
        m_input->setFocus();
}

KeyError VerificationDialog::passphraseError(PassphraseJob::Error error,
                                             std::chrono::milliseconds retryAfter,
                                             const QString &errorString)
{
    KeyError result;
    switch (error) {
    case PassphraseJob::Error::NoError:
        return result;
    case PassphraseJob::Error::WrongPassphrase:
        result = KeyError::make(KeyError::Kind::VerificationWrong, errorString);
        break;
    case PassphraseJob::Error::TooSoon:
        result = KeyError::make(KeyError::Kind::Throttled, tr("Too many wrong attempts."));
        break;
    case PassphraseJob::Error::EmptyPassphrase:
        result = KeyError::make(KeyError::Kind::VerificationNeeded, errorString);
        break;
    default:
        result = KeyError::make(KeyError::Kind::NotPermitted, errorString);
        break;
    }
    if (retryAfter.count() > 0)
        result.until = QDateTime::currentDateTimeUtc().addMSecs(retryAfter.count());
    return result;
}

void VerificationDialog::updateVerifyButton()
{
    const QString text = m_input->text();
    const bool complete = m_mode == Mode::ServiceCode ? text.size() == codeLength : !text.isEmpty();
    m_verify->setEnabled(complete && !m_busy && !waiting());
}

void VerificationDialog::submit()
{
    if (!m_verify->isEnabled())
        return; // Enter on an incomplete code
    m_status->hide();
    setBusy(true);
    Q_EMIT submitted();
}

void VerificationDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_input->setEnabled(!busy && !waiting());
    if (busy) {
        m_status->setText(tr("Verifying…"));
        m_status->show();
    }
    updateVerifyButton();
}

// A lock without an end stays until the dialog is closed: the service will say when to retry.
bool VerificationDialog::waiting() const
{
    if (!m_waitUntil.isValid())
        return m_locked;
    return m_waitUntil > QDateTime::currentDateTimeUtc();
}

// Shows the reason and, while a lock or delay is in force, until when; ends the wait.
void VerificationDialog::updateWait()
{
    QString text = m_waitReason;
    if (waiting() && !m_waitUntil.isValid()) {
        text += u' ' + tr("Try again later.");
    } else if (waiting()) {
        const qint64 seconds = (QDateTime::currentDateTimeUtc().msecsTo(m_waitUntil) + 999) / 1000;
        if (m_locked || seconds > kCountdownLimit)
            text += u' ' + tr("Locked until %1.").arg(lockedUntilText(m_waitUntil));
        else
            text += u' '
                + (seconds == 1 ? tr("Try again in 1 second.")
                                : tr("Try again in %n seconds.", "", int(seconds)));
    } else {
        m_waitTimer->stop();
        if (m_waitUntil.isValid()) {
            m_waitUntil = {};
            m_locked = false;
            text += u' ' + tr("You can try again now.");
            m_input->setFocus();
        }
    }
    m_status->setText(text);
    m_input->setEnabled(!m_busy && !waiting());
    updateVerifyButton();
}

} // namespace keydesk
