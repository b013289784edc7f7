#include "KeyTestDialog.h"

#include "ErrorPanel.h"
#include "PassphraseCheck.h"
#include "PlainText.h"
#include "SecretField.h"
#include "services/KeyService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

KeyTestDialog::KeyTestDialog(KeyService *service, const KeyPageTools &tools, const ApiKey &key,
                             QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_vault(tools.vault)
    , m_passphrase(tools.passphrase)
    , m_key(key)
{
    setWindowTitle(tr("Test a key"));
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    setAccessibleName(windowTitle());
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Test “%1” with the cheapest call of the service that uses the key's value.")
            .arg(key.name.isEmpty() ? key.id : key.name),
        this);
    intro->setWordWrap(true);
    showPlain(intro); // the key's name comes from the service
    layout->addWidget(intro);

    m_useKept = new QRadioButton(tr("Use the copy &kept in the system keychain"), this);
    m_useKept->setObjectName(u"useKept"_s);
    m_useKept->setAccessibleName(tr("Use the kept copy"));
    // Only a kept copy the console passphrase guards can be used; it is never the default, so
    // a key with no copy kept is not tested with one by surprise.
    m_useKept->setEnabled(m_vault && m_passphrase);
    m_usePasted = new QRadioButton(tr("&Paste the value:"), this);
    m_usePasted->setObjectName(u"usePasted"_s);
    m_usePasted->setAccessibleName(tr("Paste the value"));
    m_usePasted->setChecked(true);
    m_value = new QLineEdit(this);
    m_value->setObjectName(u"value"_s);
    m_value->setAccessibleName(tr("Value to test"));
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setPlaceholderText(tr("The key's value"));
    layout->addWidget(m_useKept);
    layout->addWidget(m_usePasted);
    layout->addWidget(m_value);
    connect(m_value, &QLineEdit::textEdited, this, [this] { m_usePasted->setChecked(true); });
    connect(m_value, &QLineEdit::textChanged, this, &KeyTestDialog::updateButtons);
    connect(m_usePasted, &QRadioButton::toggled, this, &KeyTestDialog::updateButtons);

    m_result = new QLabel(this);
    m_result->setObjectName(u"result"_s);
    m_result->setAccessibleName(tr("Test result"));
    m_result->setWordWrap(true);
    showPlain(m_result); // the service's message
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_test = buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(u"test"_s);
    m_test->setAccessibleName(tr("Test"));
    m_test->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_test, &QPushButton::clicked, this, &KeyTestDialog::runTest);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButtons();
}

KeyTestDialog::~KeyTestDialog()
{
    wipeField();
}

QString KeyTestDialog::resultText() const
{
    return m_result->text();
}

void KeyTestDialog::done(int result)
{
    wipeField();
    QDialog::done(result);
}

void KeyTestDialog::runTest()
{
    setBusy(true);
    m_result->setText(tr("Testing…"));
    if (m_usePasted->isChecked()) {
        QByteArray value = m_value->text().toUtf8();
        wipeField();
        send(std::move(value));
        return;
    }
    verifyForKeptCopy();
}

// A fresh verification for each use: the copy is read only once the passphrase matched.
void KeyTestDialog::verifyForKeptCopy()
{
    m_check = new PassphraseCheck(
        m_passphrase,
        tr("Test key “%1” with its kept copy").arg(m_key.name.isEmpty() ? m_key.id : m_key.name),
        tr("No console passphrase is set, so no copy of this key is kept: paste its value."), this);
    connect(m_check, &PassphraseCheck::verified, this, [this] {
        if (!m_vault) {
            m_check->fail(
                KeyError::make(KeyError::Kind::NotFound, tr("No system keychain is available.")));
            return;
        }
        VaultJob *job
            = m_vault->readSecret(m_service->profile().id, CredentialVault::keptCopyKey(m_key.id));
        connect(job, &VaultJob::finished, this, &KeyTestDialog::keptCopyRead);
        job->start();
    });
    connect(m_check, &PassphraseCheck::closed, this, [this](bool verified) {
        if (verified)
            return; // the test is under way
        setBusy(false);
        m_result->setText(tr("Not tested: the kept copy is used only after the console "
                             "passphrase."));
    });
    m_check->start();
}

void KeyTestDialog::keptCopyRead(VaultJob *job)
{
    if (!m_check)
        return; // the verification was cancelled meanwhile
    if (job->error() != VaultJob::Error::NoError) {
        m_check->fail(
            KeyError::make(KeyError::Kind::NotFound,
                           job->error() == VaultJob::Error::NotFound
                               ? tr("No copy of this key is kept in the keychain: paste its value.")
                               : tr("The keychain could not be read: %1").arg(job->errorString())));
        return;
    }
    QByteArray value = job->takeSecret();
    m_check->done();
    send(std::move(value));
}

void KeyTestDialog::send(QByteArray value)
{
    KeyJob *job = m_service->testKeyOf(m_key, value);
    // Wiped once the job is over, not before: an adapter may send this very buffer (a header
    // shares it), and wiping it now sent zeros instead of the key (DashVector, Tablestore).
    connect(job, &QObject::destroyed, [value]() mutable { wipeSecret(value); });
    connect(job, &KeyJob::finished, this, &KeyTestDialog::answered);
}

void KeyTestDialog::answered(KeyJob *job)
{
    setBusy(false);
    const bool works = !job->error();
    m_result->setText(works
                          ? tr("The key works: the service accepted it.")
                          : tr("The key was refused.\n%1").arg(ErrorPanel::describe(job->error())));
    Q_EMIT tested(works);
}

void KeyTestDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void KeyTestDialog::updateButtons()
{
    m_test->setEnabled(!m_busy && (!m_usePasted->isChecked() || !m_value->text().isEmpty()));
}

void KeyTestDialog::wipeField()
{
    wipeLineEdit(m_value);
}

} // namespace keydesk
