#include "ViewKeyDialog.h"

#include "ClipboardGuard.h"
#include "PlainText.h"
#include "ScreenCaptureGuard.h"
#include "SecretField.h"
#include "vault/SecretBytes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

ViewKeyDialog::ViewKeyDialog(const ApiKey &key, QByteArrayView value, ClipboardGuard *clipboard,
                             int sessionSeconds, QWidget *parent)
    : QDialog(parent)
    , m_key(key)
    , m_session(new RevealSession(value, sessionSeconds, this))
    , m_clipboard(clipboard)
{
    setWindowTitle(tr("View key"));
    ScreenCaptureGuard::protect(this); // out of screenshots and screen sharing
    const QString name = key.name.isEmpty() ? key.id : key.name;

    auto *heading = new QLabel(
        tr("%1 key “%2” (%3)").arg(serviceDisplayName(key.service), name, key.id), this);
    heading->setWordWrap(true);
    showPlain(heading); // the key's name comes from the service
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_value = new QLineEdit(this);
    m_value->setReadOnly(true);
    m_value->setAccessibleName(tr("Key value"));
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(u'x') * 48);
    // Ctrl+C and the menu's Copy go through the guard; no selection, drag or X11 PRIMARY.
    new SecretFieldGuard(m_value, [this] { copy(); });

    m_reveal = new QPushButton(tr("&Show"), this);
    m_reveal->setCheckable(true);
    m_reveal->setAccessibleName(tr("Show the value"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setAccessibleName(tr("Copy the value"));
    m_copy->setVisible(clipboard != nullptr);

    m_countdown = new QProgressBar(this);
    m_countdown->setRange(0, m_session->lengthSeconds());
    m_countdown->setAccessibleName(tr("Time left in this viewing session"));

    m_status = new QLabel(this);
    showPlain(m_status);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Session status"));
    m_status->setText(tr("Closing this window ends the session and clears a copied value "
                         "from the clipboard."));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_reveal);
    valueRow->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(valueRow);
    layout->addWidget(m_countdown);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_value, m_reveal);
    setTabOrder(m_reveal, m_copy);
    setTabOrder(m_copy, m_buttons->button(QDialogButtonBox::Close));

    connect(m_reveal, &QPushButton::toggled, this, &ViewKeyDialog::setRevealed);
    connect(m_copy, &QPushButton::clicked, this, &ViewKeyDialog::copy);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_session, &RevealSession::remainingChanged, this, &ViewKeyDialog::showRemaining);
    connect(m_session, &RevealSession::ended, this, &ViewKeyDialog::sessionEnded);
    setRevealed(false);
    showRemaining(m_session->remainingSeconds());
    m_reveal->setFocus();
}

ViewKeyDialog::~ViewKeyDialog()
{
    wipeField();
    // m_session, a child, wipes its copy as it goes.
}

bool ViewKeyDialog::isRevealed() const
{
    return m_reveal->isChecked() && m_session->isActive();
}

void ViewKeyDialog::done(int result)
{
    m_session->end();
    QDialog::done(result);
}

// Masked, the field holds only the service's masked form: the value enters a widget only
// while it is shown.
void ViewKeyDialog::setRevealed(bool revealed)
{
    wipeField();
    if (revealed && m_session->isActive()) {
        m_value->setText(QString::fromUtf8(m_session->value()));
        m_reveal->setText(tr("&Hide"));
        m_reveal->setAccessibleName(tr("Hide the value"));
    } else {
        // A buffer of its own, as wipeField() zeroes whatever the field shares.
        const QString &masked = m_key.maskedValue;
        m_value->setText(masked.isEmpty() ? QString(24, QChar(0x2022))
                                          : QString(masked.constData(), masked.size()));
        m_reveal->setText(tr("&Show"));
        m_reveal->setAccessibleName(tr("Show the value"));
    }
}

void ViewKeyDialog::copy()
{
    if (!m_clipboard || !m_session->isActive())
        return;
    m_clipboard->copySecret(m_session->value());
    m_copied = true;
    m_status->setText(tr("Copied. The clipboard is cleared in %n seconds, or when this "
                         "session ends.",
                         "", m_clipboard->clearAfterMs() / 1000));
}

void ViewKeyDialog::showRemaining(int seconds)
{
    m_countdown->setValue(seconds);
    m_countdown->setFormat(seconds == 1 ? tr("Session ends in 1 second")
                                        : tr("Session ends in %n seconds", "", seconds));
}

void ViewKeyDialog::sessionEnded()
{
    m_reveal->setChecked(false); // back to the masked form, through setRevealed()
    wipeField();
    m_value->setText(tr("Session ended"));
    m_reveal->setEnabled(false);
    m_copy->setEnabled(false);
    m_countdown->setValue(0);
    m_countdown->setFormat(tr("Session ended"));
    if (m_copied && m_clipboard && m_clipboard->holdsSecret())
        m_clipboard->clearIfOurs();
    m_status->setText(tr("Session ended: the value was wiped. To see it again, verify again."));
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

// QLineEdit::text() shares the field's own buffer: zeroing it in place reaches the copy the
// widget holds, which setText() alone would only release.
void ViewKeyDialog::wipeField()
{
    QString shown = m_value->text();
    wipeSecret(shown);
    m_value->clear();
}

} // namespace keydesk
