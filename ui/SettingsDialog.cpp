#include "SettingsDialog.h"

#include "ChangePassphraseDialog.h"
#include "ClipboardGuard.h"
#include "ConsoleSettings.h"
#include "ConsoleTranslations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

QSpinBox *secondsBox(const QString &name, const QString &accessibleName, int minimum, int maximum,
                     int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessibleName);
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(SettingsDialog::tr(" s"));
    return box;
}

// Each language named in its own language, so that a person finds theirs whatever the console
// speaks now.
QString nativeName(const QString &language)
{
    if (language == u"zh_CN"_s)
        return u"简体中文"_s;
    return u"English"_s;
}

QComboBox *languageBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(u"language"_s);
    box->setAccessibleName(SettingsDialog::tr("Language"));
    box->addItem(SettingsDialog::tr("System default"), QString());
    for (const QString &language : consoleLanguages())
        box->addItem(nativeName(language), language);
    box->setCurrentIndex(box->findData(ConsoleSettings::language()));
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(ClipboardGuard *clipboard, QWidget *parent,
                               ConsolePassphrase *passphrase)
    : QDialog(parent)
    , m_clipboard(clipboard)
    , m_passphrase(passphrase)
    , m_viewing(secondsBox(
          u"viewingSeconds"_s, tr("Viewing session length"), ConsoleSettings::minimumViewingSeconds,
          ConsoleSettings::maximumViewingSeconds, ConsoleSettings::viewingSeconds(), this))
    , m_clipboardSeconds(secondsBox(u"clipboardSeconds"_s, tr("Clipboard clearing time"),
                                    ConsoleSettings::minimumClipboardSeconds,
                                    ConsoleSettings::maximumClipboardSeconds,
                                    ConsoleSettings::clipboardSeconds(), this))
    , m_lockMinutes(secondsBox(u"lockIdleMinutes"_s, tr("Idle time before locking"),
                               ConsoleSettings::minimumLockIdleMinutes,
                               ConsoleSettings::maximumLockIdleMinutes,
                               ConsoleSettings::lockIdleMinutes(), this))
    , m_language(languageBox(this))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *intro = new QLabel(
        tr("A key's value is shown for a limited time after each verification, and a copied value "
           "is cleared from the clipboard after a while (unless something else was copied since)."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Show a value for:"), m_viewing);
    form->addRow(tr("Clear the clipboard after:"), m_clipboardSeconds);
    m_lockMinutes->setSuffix(tr(" min"));
    form->addRow(tr("Lock after no input for:"), m_lockMinutes);
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote
        = new QLabel(tr("A new language is used the next time KeyDesk starts."), this);
    languageNote->setObjectName(u"languageNote"_s);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);
    auto *changePassphrase = new QPushButton(tr("C&hange console passphrase…"), this);
    changePassphrase->setObjectName(u"changePassphrase"_s);
    changePassphrase->setAccessibleName(tr("Change console passphrase"));
    changePassphrase->setAutoDefault(false);
    changePassphrase->setEnabled(m_passphrase);
    connect(changePassphrase, &QPushButton::clicked, this, [this] {
        auto *change = new ChangePassphraseDialog(m_passphrase, this);
        change->setObjectName(u"changePassphraseDialog"_s);
        change->setAttribute(Qt::WA_DeleteOnClose);
        change->open();
    });
    form->addRow(tr("Console passphrase:"), changePassphrase);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    ConsoleSettings::setViewingSeconds(m_viewing->value());
    ConsoleSettings::setClipboardSeconds(m_clipboardSeconds->value());
    ConsoleSettings::setLockIdleMinutes(m_lockMinutes->value());
    ConsoleSettings::setLanguage(m_language->currentData().toString());
    if (m_clipboard)
        m_clipboard->setClearAfterMs(ConsoleSettings::clipboardSeconds() * 1000);
    QDialog::accept();
}

} // namespace keydesk
