#include "LockedPage.h"

#include "ErrorPanel.h"
#include "SecretField.h"
#include "domain/KeyError.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

LockedPage::LockedPage(QWidget *parent)
    : QWidget(parent)
    , m_passphrase(new QLineEdit(this))
    , m_unlock(new QPushButton(tr("&Unlock"), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"lockedPage"_s);
    setAccessibleName(tr("KeyDesk is locked"));
    auto *title = new QLabel(tr("KeyDesk is locked"), this);
    title->setObjectName(u"lockedTitle"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *note = new QLabel(tr("The keys' values were closed and the profiles' secrets cleared "
                               "from memory. Enter the console passphrase to read them from the "
                               "keychain again."),
                            this);
    note->setWordWrap(true);
    note->setAlignment(Qt::AlignCenter);

    m_passphrase->setObjectName(u"lockPassphrase"_s);
    m_passphrase->setAccessibleName(tr("Console passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setContextMenuPolicy(Qt::NoContextMenu);
    m_unlock->setObjectName(u"unlock"_s);
    m_unlock->setAccessibleName(tr("Unlock"));
    m_unlock->setDefault(true);
    m_error->setObjectName(u"lockError"_s);
    m_error->setTextFormat(Qt::PlainText); // may carry the keychain's own words
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    auto *column = new QWidget(this);
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 60);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(title);
    columnLayout->addWidget(note);
    columnLayout->addLayout(form);
    columnLayout->addWidget(m_unlock, 0, Qt::AlignRight);
    columnLayout->addWidget(m_error);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(column, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_unlock, &QPushButton::clicked, this, &LockedPage::unlockRequested);
    connect(m_passphrase, &QLineEdit::returnPressed, m_unlock, &QPushButton::click);
}

void LockedPage::reset()
{
    wipeLineEdit(m_passphrase);
    m_error->clear();
    m_error->hide();
    setBusy(false);
    m_passphrase->setFocus();
}

QByteArray LockedPage::takePassphrase()
{
    QString text = m_passphrase->text();
    QByteArray passphrase = text.toUtf8();
    text = QString(); // shares the field's buffer, which wipeLineEdit zeroes
    wipeLineEdit(m_passphrase);
    return passphrase;
}

void LockedPage::setBusy(bool busy)
{
    m_unlock->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
    if (!busy)
        m_passphrase->setFocus();
}

void LockedPage::showError(const KeyError &error)
{
    showMessage(ErrorPanel::describe(error));
}

void LockedPage::showMessage(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace keydesk
