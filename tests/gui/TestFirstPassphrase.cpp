#include "CreateKeyFlow.h"
#include "KeyJobWait.h"
#include "KeyringSession.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "SetPassphraseDialog.h"
#include "ViewKeyFlow.h"
#include "WidgetLookup.h"
#include "net/HttpClient.h"
#include "services/RamService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The console passphrase set before the first secret enters the keychain (DESIGN.md §4, §6), in
// a private Secret Service against a real sandbox: the dialog's own rules, the first copy kept
// after a create waiting for it (cancelling keeps nothing), and a View before any passphrase
// exists offering none. Each test starts with no passphrase set.
class TestFirstPassphrase : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    CredentialVault m_vault;
    std::unique_ptr<ConsolePassphrase> m_passphrase;
    QWidget m_window;

    KeyPageTools tools() { return {&m_vault, m_passphrase.get(), nullptr}; }

    std::unique_ptr<RamService> ramService()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        Profile profile = sandboxProfile(ServiceKind::Ram, m_sandbox.http(),
                                         QString::fromLatin1(account.root.accessKeyId));
        profile.id = u"first-passphrase-"_s + account.accountId;
        return std::make_unique<RamService>(profile, account.root.accessKeySecret, &m_client);
    }

    PassphraseJob::Error run(PassphraseJob *job)
    {
        PassphraseJob::Error error = PassphraseJob::Error::Other;
        connect(job, &PassphraseJob::finished, this,
                [&](PassphraseJob *done) { error = done->error(); });
        QSignalSpy finished(job, &PassphraseJob::finished);
        job->start();
        if (!finished.wait(15000))
            return PassphraseJob::Error::Other;
        return error;
    }

    template<typename T>
    static T *openDialog(const QString &objectName)
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->objectName() == objectName && widget->isVisible())
                return qobject_cast<T *>(widget);
        }
        return nullptr;
    }

    // Creates a key through the create flow, keeps its copy and closes the show-once dialog;
    // the flow's finished() goes to finished. The set-passphrase dialog then opened, or null.
    QDialog *createKeepingACopy(RamService *ram, std::unique_ptr<QSignalSpy> &finished)
    {
        auto *flow = new CreateKeyFlow(ram, tools(), &m_window);
        finished = std::make_unique<QSignalSpy>(flow, &CreateKeyFlow::finished);
        flow->start(QString(), QString(), {});
        QWidget *create = nullptr;
        if (!QTest::qWaitFor([&] { return (create = openDialog<QDialog>(u"createKeyDialog"_s)); }))
            return nullptr;
        QTest::mouseClick(byAccessibleName<QPushButton>(create, u"Create"_s), Qt::LeftButton);
        QWidget *created = nullptr;
        if (!QTest::qWaitFor([&] { return (created = openDialog<QDialog>(u"createdKeyDialog"_s)); },
                             15000))
            return nullptr;
        auto *keep = byAccessibleName<QCheckBox>(created, u"Keep a copy in the system keychain"_s);
        if (!keep)
            return nullptr;
        keep->setChecked(true);
        QTest::mouseClick(byAccessibleName<QPushButton>(created, u"Done"_s), Qt::LeftButton);
        QDialog *setup = nullptr;
        const bool opened = QTest::qWaitFor(
            [&] { return (setup = openDialog<QDialog>(u"setPassphraseDialog"_s)); }, 15000);
        return opened ? setup : nullptr;
    }

    // Whether the key the flow created (not the profile's own) has a copy in the keychain.
    VaultJob::Error keptCopyOfNewKey(RamService *ram)
    {
        const KeyJobResult listed = await(ram->listKeys());
        if (listed.error || listed.list.keys.size() != 2)
            return VaultJob::Error::Other;
        const ApiKey &made = listed.list.keys.at(0).id == ram->profile().accessKeyId
            ? listed.list.keys.at(1)
            : listed.list.keys.at(0);
        VaultJob *read
            = m_vault.readSecret(ram->profile().id, CredentialVault::keptCopyKey(made.id));
        VaultJob::Error error = VaultJob::Error::Other;
        connect(read, &VaultJob::finished, this, [&](VaultJob *done) {
            error = done->error();
            QByteArray kept = done->takeSecret();
            wipeSecret(kept);
        });
        QSignalSpy readDone(read, &VaultJob::finished);
        read->start();
        return readDone.wait(15000) ? error : VaultJob::Error::Other;
    }

    static void choose(QWidget *dialog, const QString &first, const QString &second)
    {
        auto *one = byAccessibleName<QLineEdit>(dialog, u"New console passphrase"_s);
        auto *two = byAccessibleName<QLineEdit>(dialog, u"Repeat the console passphrase"_s);
        QVERIFY(one && two);
        one->clear();
        two->clear();
        QTest::keyClicks(one, first);
        QTest::keyClicks(two, second);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_window.resize(800, 600);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    }

    // No passphrase, and a console that never saw a wrong attempt.
    void init()
    {
        QKeychain::DeletePasswordJob forget(ConsolePassphrase::serviceName());
        forget.setAutoDelete(false);
        forget.setKey(ConsolePassphrase::keyName());
        QSignalSpy done(&forget, &QKeychain::Job::finished);
        forget.start();
        QVERIFY(done.wait(15000));
        QVERIFY2(forget.error() == QKeychain::NoError || forget.error() == QKeychain::EntryNotFound,
                 qPrintable(forget.errorString()));
        m_passphrase = std::make_unique<ConsolePassphrase>();
        QCOMPARE(run(m_passphrase->verify("anything at all")), PassphraseJob::Error::NotSet);
    }

    void refusesShortMismatchedAndBlankPassphrases()
    {
        SetPassphraseDialog dialog(m_passphrase.get(), u"Why"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *set = byAccessibleName<QPushButton>(&dialog, u"Set passphrase"_s);
        auto *problem = byAccessibleName<QLabel>(&dialog, u"Passphrase problem"_s);
        QVERIFY(set && problem);
        QVERIFY(!set->isEnabled());
        QVERIFY(problem->text().isEmpty()); // nothing typed, nothing to blame

        choose(&dialog, u"short"_s, u"short"_s);
        QVERIFY(!set->isEnabled());
        QCOMPARE(problem->text(), u"The passphrase needs at least 8 characters."_s);

        choose(&dialog, u"          "_s, u"          "_s);
        QVERIFY(!set->isEnabled());
        QCOMPARE(problem->text(), u"The passphrase cannot be only spaces."_s);

        choose(&dialog, u"long enough one"_s, u"long enough two"_s);
        QVERIFY(!set->isEnabled());
        QCOMPARE(problem->text(), u"The two passphrases differ."_s);

        // Enter on a refused pair sets nothing.
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(run(m_passphrase->verify("long enough one")), PassphraseJob::Error::NotSet);

        choose(&dialog, u"long enough one"_s, u"long enough one"_s);
        QVERIFY(set->isEnabled());
        QVERIFY(problem->text().isEmpty());
        QTest::mouseClick(set, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        // What was typed is gone from the fields, and only the verifier was kept.
        for (QLineEdit *field : dialog.findChildren<QLineEdit *>())
            QVERIFY(field->text().isEmpty());
        QCOMPARE(run(m_passphrase->verify("long enough one")), PassphraseJob::Error::NoError);
    }

    void anExistingPassphraseIsNotReplaced()
    {
        QCOMPARE(run(m_passphrase->setInitial("the first one")), PassphraseJob::Error::NoError);
        SetPassphraseDialog dialog(m_passphrase.get(), u"Why"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        choose(&dialog, u"a second one"_s, u"a second one"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Set passphrase"_s),
                          Qt::LeftButton);
        auto *problem = byAccessibleName<QLabel>(&dialog, u"Passphrase problem"_s);
        QTRY_COMPARE_WITH_TIMEOUT(problem->text(),
                                  u"A console passphrase is already set: use it."_s, 15000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(run(m_passphrase->verify("the first one")), PassphraseJob::Error::NoError);
    }

    // The first copy kept is the passphrase's first use: it is set before the copy is written.
    void keepingTheFirstCopySetsThePassphraseFirst()
    {
        const auto ram = ramService();
        std::unique_ptr<QSignalSpy> finished;
        QDialog *setup = createKeepingACopy(ram.get(), finished);
        QVERIFY(setup);
        QVERIFY(setup->findChild<QLabel *>(u"passphraseIntro"_s)
                    ->text()
                    .startsWith(u"A copy of the key is kept in the system keychain only once"_s));
        QCOMPARE(finished->size(), 0); // the flow waits for the answer
        QCOMPARE(keptCopyOfNewKey(ram.get()), VaultJob::Error::NotFound); // not before
        choose(setup, u"kept copies guard"_s, u"kept copies guard"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(setup, u"Set passphrase"_s),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished->size(), 1, 15000);
        QCOMPARE(finished->first().first().toBool(), true);
        QCOMPARE(run(m_passphrase->verify("kept copies guard")), PassphraseJob::Error::NoError);
        QCOMPARE(keptCopyOfNewKey(ram.get()), VaultJob::Error::NoError);
    }

    // The question cannot be skipped around: cancelling keeps no copy, and the value (shown
    // once) is shown again so that it is not lost.
    void cancellingThePassphraseKeepsNoCopy()
    {
        const auto ram = ramService();
        std::unique_ptr<QSignalSpy> finished;
        QDialog *setup = createKeepingACopy(ram.get(), finished);
        QVERIFY(setup);
        setup->reject();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = openDialog<QMessageBox>(u"keepFailed"_s)), 15000);
        QVERIFY2(box->text().startsWith(u"No copy was kept"_s), qPrintable(box->text()));
        box->accept();
        QDialog *again = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((again = openDialog<QDialog>(u"createdKeyDialog"_s)), 15000);
        QCOMPARE(finished->size(), 0);
        QCOMPARE(run(m_passphrase->verify("anything at all")), PassphraseJob::Error::NotSet);
        QCOMPARE(keptCopyOfNewKey(ram.get()), VaultJob::Error::NotFound);
        QTest::mouseClick(byAccessibleName<QPushButton>(again, u"Done"_s), Qt::LeftButton);
        QMessageBox *confirm = nullptr; // nothing copied, nothing kept: "I stored it"
        QTRY_VERIFY((confirm = again->findChild<QMessageBox *>(u"confirmClose"_s)));
        QTest::mouseClick(byAccessibleName<QPushButton>(confirm, u"I stored it"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished->size(), 1, 15000);
    }

    // A View never sets the passphrase (whoever sits at the desk would choose it): with none
    // set, it says that nothing is kept and offers none.
    void viewingWithNoPassphraseOffersNone()
    {
        const auto ram = ramService();
        KeyJobResult made = await(ram->createKey({}));
        QVERIFY(!made.error);
        VaultJob *write = m_vault.writeSecret(
            ram->profile().id, CredentialVault::keptCopyKey(made.key.id), made.secret);
        QSignalSpy written(write, &VaultJob::finished);
        write->start();
        QVERIFY(written.wait(15000));
        wipeSecret(made.secret);

        auto *flow = new ViewKeyFlow(ram.get(), tools(), made.key, &m_window);
        flow->start();
        QPointer<QDialog> verification;
        QTRY_VERIFY((verification = openDialog<QDialog>(u"verificationDialog"_s)));
        auto *input = byAccessibleName<QLineEdit>(verification, u"Console passphrase"_s);
        QTest::keyClicks(input, u"never set"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(verification, u"Verify"_s), Qt::LeftButton);
        auto *status = byAccessibleName<QLabel>(verification, u"Verification result"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"No console passphrase is set"_s),
                                 15000);
        QVERIFY(!openDialog<QDialog>(u"setPassphraseDialog"_s));
        QVERIFY(!verification->findChild<QDialog *>(u"setPassphraseDialog"_s));
        QVERIFY(!openDialog<QDialog>(u"viewKeyDialog"_s));
        QCOMPARE(run(m_passphrase->verify("never set")), PassphraseJob::Error::NotSet);
        verification->reject();
        QTRY_VERIFY(verification.isNull());
    }
};

QTEST_MAIN(TestFirstPassphrase)
#include "TestFirstPassphrase.moc"
