#include "ClipboardGuard.h"
#include "DemoProfiles.h"
#include "KeyringSession.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "SandboxFixture.h"
#include "WidgetLookup.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {
const QByteArray kPassphrase = "redirect guard";
} // namespace

// Where a profile's secrets go, end to end in the window with a real store, the real keychain
// (a private Secret Service), the real ConsolePassphrase and a sandbox --demo: the passphrase is
// set before the first profile's secret is kept, and an edit of an endpoint or the trusted CA
// with the stored secret needs the passphrase (sudo mode) or the secret typed again.
class TestProfileRedirect : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    SandboxFixture m_sandbox;
    std::unique_ptr<DemoProfiles> m_demo;
    CredentialVault m_vault;
    std::unique_ptr<ConsolePassphrase> m_passphrase;
    ClipboardGuard *m_clipboard = nullptr;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    int m_iniCount = 0;

    const Profile &demoRam() const
    {
        for (const Profile &profile : m_demo->profiles()) {
            if (profile.service == ServiceKind::Ram)
                return profile;
        }
        return m_demo->profiles().first();
    }
    QString certificatePath() const
    {
        return QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
    }
    QString ramSecret() const
    {
        QByteArray secret = m_demo->secret(demoRam().id);
        QString text = QString::fromUtf8(secret);
        wipeSecret(secret);
        return text;
    }

    VaultJob::Error runVault(VaultJob *job)
    {
        VaultJob::Error error = VaultJob::Error::Other;
        connect(job, &VaultJob::finished, this, [&](VaultJob *done) { error = done->error(); });
        QSignalSpy finished(job, &VaultJob::finished);
        job->start();
        return finished.wait(15000) ? error : VaultJob::Error::Other;
    }
    PassphraseJob::Error runPassphrase(PassphraseJob *job)
    {
        PassphraseJob::Error error = PassphraseJob::Error::Other;
        connect(job, &PassphraseJob::finished, this,
                [&](PassphraseJob *done) { error = done->error(); });
        QSignalSpy finished(job, &PassphraseJob::finished);
        job->start();
        return finished.wait(15000) ? error : PassphraseJob::Error::Other;
    }

    ProfileDialog *openDialog(const QString &button)
    {
        QTest::mouseClick(m_window->sidebar()->findChild<QPushButton *>(button), Qt::LeftButton);
        return m_window->findChild<ProfileDialog *>(u"profileDialog"_s);
    }
    static void type(ProfileDialog *dialog, const QString &name, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>(name);
        QVERIFY2(edit, qPrintable(name));
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    static void save(ProfileDialog *dialog)
    {
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
    }
    void fillRam(ProfileDialog *dialog)
    {
        type(dialog, u"displayName"_s, u"RAM"_s);
        type(dialog, u"endpoint"_s, m_sandbox.https().toString());
        type(dialog, u"accessKeyId"_s, demoRam().accessKeyId);
        type(dialog, u"secret"_s, ramSecret());
        type(dialog, u"caCertificate"_s, certificatePath());
    }
    // The dialog over parent, once shown; null if parent went first (saved without asking).
    template<typename T>
    T *opened(const QPointer<ProfileDialog> &parent, const QString &name)
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return parent && (found = parent->findChild<T *>(name)) && found->isVisible(); },
            15000);
        return shown && parent ? found : nullptr;
    }
    static QString problem(ProfileDialog *dialog)
    {
        return dialog->findChild<QLabel *>(u"problem"_s)->text();
    }

    // A RAM profile added through the dialog while a passphrase is set; its id.
    QString addRam()
    {
        QPointer<ProfileDialog> dialog = openDialog(u"addProfile"_s);
        fillRam(dialog);
        save(dialog);
        if (!QTest::qWaitFor([&] { return dialog.isNull(); }, 15000))
            return {};
        return m_window->sidebar()->currentProfileId();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestProfileRedirect"_s);
        QVERIFY2(m_sandbox.start({u"--demo"_s}), qPrintable(m_sandbox.errorString()));
        m_demo = std::make_unique<DemoProfiles>(DemoProfiles::fromFile(
            QDir(m_sandbox.dataDir()).filePath(u"demo-account.json"_s), certificatePath()));
        QVERIFY2(!m_demo->error(), qPrintable(m_demo->error().message));
        m_clipboard = new ClipboardGuard(this);
    }

    // No passphrase; each case sets one if it needs it, on a store of its own.
    void init()
    {
        QCOMPARE(
            runVault(new VaultJob(VaultJob::Operation::Delete, ConsolePassphrase::serviceName(),
                                  ConsolePassphrase::keyName())),
            VaultJob::Error::NoError);
        m_passphrase = std::make_unique<ConsolePassphrase>();
        m_store = std::make_unique<ProfileStore>(
            m_settingsDir.filePath(u"profiles-%1.ini"_s.arg(++m_iniCount)));
        m_window = std::make_unique<MainWindow>(
            QList<Profile>(), KeyPageTools {&m_vault, m_passphrase.get(), m_clipboard},
            m_store.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_store.reset();
    }

    // The first profile's secret waits for the passphrase; cancelling it saves nothing.
    void theFirstProfileSetsThePassphraseFirst()
    {
        QPointer<ProfileDialog> dialog = openDialog(u"addProfile"_s);
        QVERIFY(dialog);
        fillRam(dialog);
        save(dialog);
        auto *setup = opened<QDialog>(dialog, u"setPassphraseDialog"_s);
        QVERIFY(setup);
        QVERIFY(m_store->load().profiles.isEmpty()); // nothing saved while it is asked for
        setup->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QVERIFY2(problem(dialog).startsWith(u"The profile was not added."_s),
                 qPrintable(problem(dialog)));
        QVERIFY(m_store->load().profiles.isEmpty());
        QCOMPARE(runPassphrase(m_passphrase->checkIsSet()), PassphraseJob::Error::NoError);

        // Nothing typed was lost: Save again, and the passphrase is set this time.
        QCOMPARE(dialog->findChild<QLineEdit *>(u"secret"_s)->text(), ramSecret());
        save(dialog);
        setup = opened<QDialog>(dialog, u"setPassphraseDialog"_s);
        QVERIFY(setup);
        for (const QString &field :
             {u"New console passphrase"_s, u"Repeat the console passphrase"_s})
            QTest::keyClicks(byAccessibleName<QLineEdit>(setup, field),
                             QString::fromUtf8(kPassphrase));
        QTest::mouseClick(byAccessibleName<QPushButton>(setup, u"Set passphrase"_s),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 20000);
        QCOMPARE(m_store->load().profiles.size(), 1);
        QCOMPARE(runPassphrase(m_passphrase->verify(kPassphrase)), PassphraseJob::Error::NoError);
        const QString id = m_window->sidebar()->currentProfileId();
        QCOMPARE(runVault(m_vault.readSecret(id, CredentialVault::accessKeySecretKey())),
                 VaultJob::Error::NoError);
    }

    // A new endpoint with the stored secret: the passphrase first, or nothing is changed.
    void aNewEndpointNeedsThePassphrase()
    {
        QCOMPARE(runPassphrase(m_passphrase->setInitial(kPassphrase)),
                 PassphraseJob::Error::NoError);
        const QString id = addRam();
        QVERIFY(!id.isEmpty());
        const QString elsewhere = m_sandbox.http().toString();

        QPointer<ProfileDialog> dialog = openDialog(u"editProfile"_s);
        QVERIFY(dialog);
        type(dialog, u"endpoint"_s, elsewhere);
        save(dialog);
        auto *check = opened<QDialog>(dialog, u"verificationDialog"_s);
        QVERIFY(check);
        QCOMPARE(m_store->find(id)->endpoint, m_sandbox.https()); // not yet
        check->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QVERIFY2(problem(dialog).startsWith(u"The profile was not changed."_s),
                 qPrintable(problem(dialog)));
        QCOMPARE(m_store->find(id)->endpoint, m_sandbox.https());

        save(dialog);
        check = opened<QDialog>(dialog, u"verificationDialog"_s);
        QVERIFY(check);
        auto *input = byAccessibleName<QLineEdit>(check, u"Console passphrase"_s);
        QTest::keyClicks(input, u"not it"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(check, u"Verify"_s), Qt::LeftButton);
        auto *status = byAccessibleName<QLabel>(check, u"Verification result"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Wrong passphrase."_s), 15000);
        QCOMPARE(m_store->find(id)->endpoint, m_sandbox.https());
        QTest::keyClicks(input, QString::fromUtf8(kPassphrase));
        QTest::mouseClick(byAccessibleName<QPushButton>(check, u"Verify"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        QCOMPARE(m_store->find(id)->endpoint.toString(), elsewhere);
    }

    // The trusted CA is part of where the secret goes; a name or the secret typed again is not.
    void theCaNeedsItTooButARenameOrATypedSecretDoesNot()
    {
        QCOMPARE(runPassphrase(m_passphrase->setInitial(kPassphrase)),
                 PassphraseJob::Error::NoError);
        const QString id = addRam();
        QVERIFY(!id.isEmpty());

        QPointer<ProfileDialog> dialog = openDialog(u"editProfile"_s);
        type(dialog, u"caCertificate"_s, QString());
        save(dialog);
        auto *check = opened<QDialog>(dialog, u"verificationDialog"_s);
        QVERIFY(check);
        check->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QCOMPARE(m_store->find(id)->caCertificatePath, certificatePath());
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        dialog = openDialog(u"editProfile"_s);
        type(dialog, u"displayName"_s, u"RAM renamed"_s);
        save(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        QCOMPARE(m_store->find(id)->displayName, u"RAM renamed"_s);

        dialog = openDialog(u"editProfile"_s);
        type(dialog, u"endpoint"_s, m_sandbox.http().toString());
        type(dialog, u"secret"_s, ramSecret());
        save(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        QCOMPARE(m_store->find(id)->endpoint, m_sandbox.http());
    }
};

QTEST_MAIN(TestProfileRedirect)
#include "TestProfileRedirect.moc"
