#include "CreatedKeyDialog.h"

#include "ClipboardGuard.h"
#include "PlainText.h"
#include "ScreenCaptureGuard.h"
#include "SecretField.h"
#include "vault/SecretBytes.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr int kTickMs = 250; // the countdown shows whole seconds; a quarter keeps it on time

QLabel *makeLabel(const QString &name, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    showPlain(label); // the key's name comes from the service
    label->setText(text);
    label->setObjectName(name);
    label->setAccessibleName(text);
    label->setWordWrap(true);
    return label;
}

} // namespace

CreatedKeyDialog::CreatedKeyDialog(const ApiKey &key, const QByteArray &value,
                                   const QDateTime &secretExpires,
                                   const ServiceCapabilities &capabilities,
                                   ClipboardGuard *clipboard, QWidget *parent)
    : QDialog(parent)
    , m_key(key)
    , m_value(detachedSecretCopy(value)) // a buffer of its own, wiped when the dialog closes
    , m_expires(secretExpires)
    , m_clipboard(clipboard)
{
    setWindowTitle(isTemporary() ? tr("Temporary key created") : tr("Key created"));
    ScreenCaptureGuard::protect(this); // out of screenshots and screen sharing
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    setAccessibleName(windowTitle());
    auto *layout = new QVBoxLayout(this);

    const QString who = key.name.isEmpty() ? key.id : u"%1 (%2)"_s.arg(key.name, key.id);
    auto *intro = makeLabel(u"intro"_s,
                            who.isEmpty() ? tr("The key was created. Its value:")
                                          : tr("The key %1 was created. Its value:").arg(who),
                            this);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro);
    layout->addWidget(makeValueRow());

    m_copyStatus = makeLabel(u"copyStatus"_s, QString(), this);
    m_copyStatus->hide();
    layout->addWidget(m_copyStatus);

    // Only where it is true: a service that shows the value again after verification does not
    // need the warning, and a temporary key is never shown again.
    if (isTemporary() || !capabilities.valueReadableAgain) {
        auto *warning = makeLabel(u"notShownAgain"_s,
                                  tr("This value will not be shown again. Store it now."), this);
        QFont bold = warning->font();
        bold.setBold(true);
        warning->setFont(bold);
        layout->addWidget(warning);
    }

    if (isTemporary()) {
        m_countdown = makeLabel(u"countdown"_s, QString(), this);
        m_countdown->setAccessibleName(tr("Time left"));
        layout->addWidget(m_countdown);
        m_tick = new QTimer(this);
        m_tick->setInterval(kTickMs);
        connect(m_tick, &QTimer::timeout, this, &CreatedKeyDialog::updateCountdown);
        m_tick->start();
        updateCountdown();
    } else {
        m_keep = new QCheckBox(tr("&Keep a copy in the system keychain"), this);
        m_keep->setObjectName(u"keepCopy"_s);
        m_keep->setAccessibleName(tr("Keep a copy in the system keychain"));
        connect(m_keep, &QCheckBox::toggled, this, &CreatedKeyDialog::keepInKeychainToggled);
        layout->addWidget(m_keep);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    buttons->setObjectName(u"buttons"_s);
    QPushButton *doneButton = buttons->button(QDialogButtonBox::Ok);
    doneButton->setText(tr("&Done"));
    doneButton->setAccessibleName(tr("Done"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CreatedKeyDialog::accept);
    layout->addWidget(buttons);

    // Copy first: the one thing a person must do here.
    setTabOrder(m_copy, m_reveal);
    setTabOrder(m_reveal, m_valueField);
    if (m_keep) {
        setTabOrder(m_valueField, m_keep);
        setTabOrder(m_keep, doneButton);
    } else {
        setTabOrder(m_valueField, doneButton);
    }
    m_copy->setFocus();
}

CreatedKeyDialog::~CreatedKeyDialog()
{
    wipeValue();
}

QWidget *CreatedKeyDialog::makeValueRow()
{
    auto *row = new QWidget(this);
    auto *box = new QHBoxLayout(row);
    box->setContentsMargins(0, 0, 0, 0);

    m_valueField = new QLineEdit(QString::fromUtf8(m_value), row);
    m_valueField->setObjectName(u"value"_s);
    m_valueField->setAccessibleName(tr("Key value"));
    m_valueField->setReadOnly(true);
    m_valueField->setEchoMode(QLineEdit::Password);
    // Ctrl+C and the menu's Copy go through the guard (marked secret, cleared later); no
    // selection, drag or X11 PRIMARY can take the value around it.
    new SecretFieldGuard(m_valueField, [this] { copyValue(); });
    box->addWidget(m_valueField, 1);

    m_reveal = new QToolButton(row);
    m_reveal->setObjectName(u"reveal"_s);
    m_reveal->setAccessibleName(tr("Show the value"));
    m_reveal->setCheckable(true);
    m_reveal->setText(tr("&Show"));
    connect(m_reveal, &QToolButton::toggled, this, &CreatedKeyDialog::revealToggled);
    box->addWidget(m_reveal);

    m_copy = new QPushButton(tr("&Copy"), row);
    m_copy->setObjectName(u"copy"_s);
    m_copy->setAccessibleName(tr("Copy the value"));
    m_copy->setAutoDefault(false);
    m_copy->setEnabled(m_clipboard != nullptr);
    connect(m_copy, &QPushButton::clicked, this, &CreatedKeyDialog::copyValue);
    box->addWidget(m_copy);
    return row;
}

bool CreatedKeyDialog::keepInKeychain() const
{
    return m_keep && m_keep->isChecked();
}

bool CreatedKeyDialog::valueSecured() const
{
    return m_copied || keepInKeychain() || m_confirmedStored || m_expired;
}

void CreatedKeyDialog::copyValue()
{
    if (!m_clipboard || m_value.isEmpty())
        return;
    m_clipboard->copySecret(m_value);
    m_copied = true;
    m_copyStatus->setText(tr("Copied. The clipboard is cleared in %n second(s).", nullptr,
                             m_clipboard->clearAfterMs() / 1000));
    m_copyStatus->show();
    Q_EMIT valueCopied();
}

void CreatedKeyDialog::revealToggled(bool revealed)
{
    m_valueField->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("&Hide") : tr("&Show"));
    m_reveal->setAccessibleName(revealed ? tr("Hide the value") : tr("Show the value"));
}

void CreatedKeyDialog::updateCountdown()
{
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expires);
    if (left > 0) {
        m_countdown->setText(
            tr("Valid for another %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
        return;
    }
    // An expired value is worth nothing: gone from the dialog, which may now close freely.
    m_expired = true;
    m_tick->stop();
    m_countdown->setText(tr("This temporary key has expired."));
    wipeValue();
    m_copy->setEnabled(false);
    m_reveal->setEnabled(false);
}

void CreatedKeyDialog::reject()
{
    done(Rejected);
}

void CreatedKeyDialog::done(int result)
{
    if (!valueSecured()) {
        askBeforeClosing(result);
        return;
    }
    if (keepInKeychain() && !m_value.isEmpty())
        Q_EMIT keepCopyRequested(m_value);
    wipeValue();
    if (m_tick)
        m_tick->stop();
    QDialog::done(result);
}

void CreatedKeyDialog::askBeforeClosing(int result)
{
    if (m_confirm)
        return;
    // Not exec(): the dialog keeps running (the countdown too) while the question is open.
    m_confirm = new QMessageBox(QMessageBox::Warning, tr("Close without the value?"),
                                tr("Did you store the value? It will not be shown again."),
                                QMessageBox::NoButton, this);
    m_confirm->setObjectName(u"confirmClose"_s);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stored = m_confirm->addButton(tr("I &stored it"), QMessageBox::AcceptRole);
    stored->setObjectName(u"stored"_s);
    stored->setAccessibleName(tr("I stored it"));
    QPushButton *back = m_confirm->addButton(tr("&Go back"), QMessageBox::RejectRole);
    back->setObjectName(u"goBack"_s);
    back->setAccessibleName(tr("Go back"));
    m_confirm->setDefaultButton(back);
    m_confirm->setEscapeButton(back);
    connect(m_confirm, &QMessageBox::buttonClicked, this,
            [this, stored, result](QAbstractButton *clicked) {
                m_confirm = nullptr;
                if (clicked != stored)
                    return;
                m_confirmedStored = true;
                done(result);
            });
    m_confirm->open();
}

void CreatedKeyDialog::wipeValue()
{
    wipeLineEdit(m_valueField);
    wipeSecret(m_value);
}

} // namespace keydesk
