#include "KeyJobWait.h"
#include "KeyTestDialog.h"
#include "KeyringSession.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "WidgetLookup.h"
#include "net/HttpClient.h"
#include "services/RamService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {
const QByteArray kPassphrase = "test dialog guard";
const QString kWorks = u"The key works: the service accepted it."_s;
} // namespace

// Testing a key with its kept copy is a use of that copy (DESIGN.md §4): the key test dialog
// asks for the console passphrase before it reads the copy from the keychain, every time, and
// never uses a kept copy unless asked to. A real RAM account on a sandbox, the copy in a
// private Secret Service, the real ConsolePassphrase.
class TestKeyTestVerification : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    CredentialVault m_vault;
    std::unique_ptr<ConsolePassphrase> m_passphrase;
    std::unique_ptr<RamService> m_ram;
    ApiKey m_key;

    std::unique_ptr<KeyTestDialog> dialog()
    {
        auto shown = std::make_unique<KeyTestDialog>(
            m_ram.get(), KeyPageTools {&m_vault, m_passphrase.get(), nullptr}, m_key);
        shown->show();
        if (!QTest::qWaitForWindowExposed(shown.get()))
            return nullptr;
        return shown;
    }

    static QDialog *verification(QWidget *parent)
    {
        QDialog *found = parent->findChild<QDialog *>(u"verificationDialog"_s);
        return found && found->isVisible() ? found : nullptr;
    }

    static void testWithTheKeptCopy(KeyTestDialog *shown)
    {
        auto *kept = byAccessibleName<QRadioButton>(shown, u"Use the kept copy"_s);
        QVERIFY(kept && kept->isEnabled());
        kept->setChecked(true);
        QTest::mouseClick(byAccessibleName<QPushButton>(shown, u"Test"_s), Qt::LeftButton);
    }

    static void enter(QDialog *check, const QString &passphrase)
    {
        auto *input = byAccessibleName<QLineEdit>(check, u"Console passphrase"_s);
        QTRY_VERIFY_WITH_TIMEOUT(input->isEnabled(), 15000);
        QTest::keyClicks(input, passphrase);
        QTest::mouseClick(byAccessibleName<QPushButton>(check, u"Verify"_s), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_passphrase = std::make_unique<ConsolePassphrase>();
        PassphraseJob *set = m_passphrase->setInitial(kPassphrase);
        QSignalSpy setDone(set, &PassphraseJob::finished);
        set->start();
        QVERIFY(setDone.wait(15000));

        const SandboxAccount account = m_sandbox.createAccount(false);
        Profile profile = sandboxProfile(ServiceKind::Ram, m_sandbox.http(),
                                         QString::fromLatin1(account.root.accessKeyId));
        profile.id = u"key-test-"_s + account.accountId;
        m_ram = std::make_unique<RamService>(profile, account.root.accessKeySecret, &m_client);
        KeyJobResult made = await(m_ram->createKey({}));
        QVERIFY(!made.error);
        m_key = made.key;
        VaultJob *write
            = m_vault.writeSecret(profile.id, CredentialVault::keptCopyKey(m_key.id), made.secret);
        QSignalSpy written(write, &VaultJob::finished);
        write->start();
        QVERIFY(written.wait(15000));
        wipeSecret(made.secret);
    }

    // A pasted value is the default: the kept copy is used only when chosen.
    void theKeptCopyIsNotTheDefault()
    {
        const auto shown = dialog();
        QVERIFY(shown);
        QVERIFY(byAccessibleName<QRadioButton>(shown.get(), u"Paste the value"_s)->isChecked());
        QVERIFY(!byAccessibleName<QRadioButton>(shown.get(), u"Use the kept copy"_s)->isChecked());
        QVERIFY(!byAccessibleName<QPushButton>(shown.get(), u"Test"_s)->isEnabled());
    }

    // The passphrase before the copy is read; a wrong one reads nothing, and the next use asks
    // again.
    void theKeptCopyIsUsedOnlyAfterThePassphrase()
    {
        const auto shown = dialog();
        QVERIFY(shown);
        testWithTheKeptCopy(shown.get());
        QDialog *check = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((check = verification(shown.get())), 5000);
        QVERIFY(shown->isBusy());
        QVERIFY(shown->resultText() != kWorks);

        enter(check, u"not the passphrase"_s);
        auto *status = byAccessibleName<QLabel>(check, u"Verification result"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Wrong passphrase."_s), 15000);
        QVERIFY(verification(shown.get()));
        QVERIFY(shown->resultText() != kWorks);

        enter(check, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(shown->resultText(), kWorks, 20000);
        QVERIFY(!verification(shown.get()));

        // Each use is verified afresh.
        testWithTheKeptCopy(shown.get());
        QTRY_VERIFY_WITH_TIMEOUT((check = verification(shown.get())), 5000);
        QVERIFY(shown->isBusy());
        check->reject();
        QTRY_VERIFY(!shown->isBusy());
        QVERIFY2(shown->resultText().startsWith(u"Not tested"_s), qPrintable(shown->resultText()));
    }

    // A key with no copy kept: said in the verification, after the passphrase, nothing sent.
    void aKeyWithNoCopySaysSo()
    {
        const ApiKey kept = m_key;
        m_key.id = u"LTAI-no-such-copy"_s;
        const auto shown = dialog();
        m_key = kept;
        QVERIFY(shown);
        testWithTheKeptCopy(shown.get());
        QDialog *check = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((check = verification(shown.get())), 5000);
        enter(check, QString::fromUtf8(kPassphrase));
        auto *status = byAccessibleName<QLabel>(check, u"Verification result"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"No copy of this key is kept"_s), 15000);
        QVERIFY(shown->resultText() != kWorks);
    }
};

QTEST_MAIN(TestKeyTestVerification)
#include "TestKeyTestVerification.moc"
