#include "ClipboardGuard.h"
#include "DemoProfiles.h"
#include "ErrorPanel.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "KeyringSession.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "SandboxFixture.h"
#include "SecretSearch.h"
#include "WidgetLookup.h"
#include "services/KeyService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QComboBox>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// Adding and editing profiles from the window, end to end: the real dialog driven through its
// widgets, a real ProfileStore on an INI file, the real keychain (a private Secret Service) and
// a real keydesk-sandbox with --demo whose demo account the profiles sign with.
class TestProfileEditing : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    // What the dialog's fields get: object name → text; "service" is chosen, not typed.
    struct Fields
    {
        ServiceKind service = ServiceKind::Ram;
        QList<QPair<QString, QString>> text;
    };

    SandboxFixture m_sandbox;
    std::unique_ptr<DemoProfiles> m_demo;
    CredentialVault m_vault;
    ConsolePassphrase m_passphrase; // set at first: a secret is kept only then
    ClipboardGuard *m_clipboard = nullptr;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ProfileStore> m_store;
    QString m_iniPath;
    int m_iniCount = 0;

    const Profile &demoProfile(ServiceKind service) const
    {
        for (const Profile &profile : m_demo->profiles()) {
            if (profile.service == service)
                return profile;
        }
        return m_demo->profiles().first();
    }

    QString demoSecret(ServiceKind service) const
    {
        QByteArray secret = m_demo->secret(demoProfile(service).id);
        QString text = QString::fromUtf8(secret);
        wipeSecret(secret);
        return text;
    }

    QString certificatePath() const
    {
        return QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
    }

    // The demo account's RAM pair on the sandbox's HTTPS endpoint, as a person would type it.
    Fields ramFields(const QString &name) const
    {
        return {ServiceKind::Ram,
                {{u"displayName"_s, name},
                 {u"endpoint"_s, m_sandbox.https().toString()},
                 {u"accessKeyId"_s, demoProfile(ServiceKind::Ram).accessKeyId},
                 {u"secret"_s, demoSecret(ServiceKind::Ram)},
                 {u"caCertificate"_s, certificatePath()}}};
    }

    std::unique_ptr<MainWindow> window(ProfileStore *store, const QList<Profile> &profiles = {})
    {
        auto window = std::make_unique<MainWindow>(
            profiles, KeyPageTools {&m_vault, &m_passphrase, m_clipboard}, store);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

    static ProfileDialog *openDialog(MainWindow &window, const QString &button)
    {
        QPushButton *open = window.sidebar()->findChild<QPushButton *>(button);
        if (!open || !open->isEnabled())
            return nullptr;
        QTest::mouseClick(open, Qt::LeftButton);
        return window.findChild<ProfileDialog *>(u"profileDialog"_s);
    }

    static void fill(ProfileDialog *dialog, const Fields &fields)
    {
        auto *service = byAccessibleName<QComboBox>(dialog, u"Service"_s);
        if (service->isEnabled())
            service->setCurrentIndex(service->findData(static_cast<int>(fields.service)));
        for (const auto &[name, text] : fields.text) {
            auto *edit = dialog->findChild<QLineEdit *>(name);
            QVERIFY2(edit && edit->isVisibleTo(dialog), qPrintable(name));
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::keyClicks(edit, text);
        }
    }

    static void clickSave(ProfileDialog *dialog)
    {
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
    }

    // Adds a profile through the dialog and returns its id, empty when that failed.
    static QString addThroughDialog(MainWindow &window, const Fields &fields)
    {
        QPointer<ProfileDialog> dialog = openDialog(window, u"addProfile"_s);
        if (!dialog)
            return {};
        fill(dialog, fields);
        clickSave(dialog);
        if (!QTest::qWaitFor([&] { return dialog.isNull(); }, 15000))
            return {};
        return window.sidebar()->currentProfileId();
    }

    static bool waitForKeys(KeyListPage *page)
    {
        return page && QTest::qWaitFor([page] { return !page->isLoading(); }, 20000)
            && page->state() == KeyListPage::State::Keys;
    }

    // The secret the keychain holds for the profile, or the job's error.
    QByteArray storedSecret(const QString &profileId, VaultJob::Error &error)
    {
        VaultJob *job = m_vault.readSecret(profileId, CredentialVault::accessKeySecretKey());
        QByteArray secret;
        error = VaultJob::Error::Other;
        connect(job, &VaultJob::finished, this, [&](VaultJob *done) {
            error = done->error();
            secret = done->takeSecret();
        });
        QSignalSpy finished(job, &VaultJob::finished);
        job->start();
        finished.wait(15000);
        return secret;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestProfileEditing"_s);
        QVERIFY2(m_sandbox.start({u"--demo"_s}), qPrintable(m_sandbox.errorString()));
        const QDir dir(m_sandbox.dataDir());
        m_demo = std::make_unique<DemoProfiles>(
            DemoProfiles::fromFile(dir.filePath(u"demo-account.json"_s), certificatePath()));
        QVERIFY2(!m_demo->error(), qPrintable(m_demo->error().message));
        QVERIFY(m_settingsDir.isValid());
        m_clipboard = new ClipboardGuard(this);
        PassphraseJob *set = m_passphrase.setInitial("profile editing");
        QSignalSpy setDone(set, &PassphraseJob::finished);
        set->start();
        QVERIFY(setDone.wait(15000));
    }

    void init()
    {
        // Each case on its own settings file, so none sees another's profiles.
        m_iniPath = m_settingsDir.filePath(u"profiles-%1.ini"_s.arg(++m_iniCount));
        m_store = std::make_unique<ProfileStore>(m_iniPath);
    }

    void cleanup() { m_store.reset(); }

    void addedProfileKeepsItsSecretInTheKeychainOnly()
    {
        const auto shown = window(m_store.get());
        QVERIFY(shown);
        QVERIFY(!shown->sidebar()->findChild<QPushButton *>(u"editProfile"_s)->isEnabled());
        QPointer<ProfileDialog> dialog = openDialog(*shown, u"addProfile"_s);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QLabel *>(u"sessionNote"_s)->isVisibleTo(dialog));
        const Fields fields = ramFields(u"RAM from the dialog"_s);
        fill(dialog, fields);
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);

        // The store holds the profile, without its secret.
        const ProfileStore::Loaded loaded = m_store->load();
        QCOMPARE(loaded.profiles.size(), 1);
        const Profile &saved = loaded.profiles.first();
        QCOMPARE(saved.displayName, u"RAM from the dialog"_s);
        QCOMPARE(saved.endpoint, m_sandbox.https());
        QCOMPARE(saved.accessKeyId, demoProfile(ServiceKind::Ram).accessKeyId);
        QCOMPARE(saved.caCertificatePath, certificatePath());
        QVERIFY(ProfileStore::isValidId(saved.id));
        QByteArray demoSecretBytes = m_demo->secret(demoProfile(ServiceKind::Ram).id);
        const QStringList found
            = findSecrets({m_settingsDir.path()}, {{u"AccessKey secret"_s, demoSecretBytes}});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        QFile ini(m_iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(ini.readAll().contains(saved.accessKeyId.toUtf8()));

        // The keychain holds it under the profile's id.
        VaultJob::Error error = VaultJob::Error::Other;
        QByteArray kept = storedSecret(saved.id, error);
        QCOMPARE(error, VaultJob::Error::NoError);
        QVERIFY(kept == demoSecretBytes);
        wipeSecret(kept);
        wipeSecret(demoSecretBytes);

        // The window shows it, selected, with the sandbox's keys.
        QCOMPARE(shown->sidebar()->currentProfileId(), saved.id);
        QVERIFY(shown->sidebar()->findChild<QPushButton *>(u"editProfile"_s)->isEnabled());
        KeyListPage *page = shown->currentPage();
        QVERIFY(page);
        QCOMPARE(page, shown->pageFor(saved.id));
        QVERIFY(waitForKeys(page));
        QVERIFY(page->table()->model()->rowCount() >= 1);
    }

    void editingRebuildsThePageWithTheNewSettings()
    {
        const auto shown = window(m_store.get());
        QVERIFY(shown);
        const QString id = addThroughDialog(*shown, ramFields(u"RAM before"_s));
        QVERIFY(!id.isEmpty());
        QPointer<KeyListPage> before = shown->pageFor(id);
        QVERIFY(waitForKeys(before));
        QCOMPARE(before->service()->profile().endpoint, m_sandbox.https());

        QPointer<ProfileDialog> dialog = openDialog(*shown, u"editProfile"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isEditing());
        QVERIFY(!byAccessibleName<QComboBox>(dialog, u"Service"_s)->isEnabled());
        QCOMPARE(dialog->findChild<QLineEdit *>(u"displayName"_s)->text(), u"RAM before"_s);
        // The secret is not shown again: an empty field keeps the stored one.
        QVERIFY(dialog->findChild<QLineEdit *>(u"secret"_s)->text().isEmpty());
        fill(dialog,
             {ServiceKind::Ram,
              {{u"displayName"_s, u"RAM after"_s}, {u"endpoint"_s, m_sandbox.http().toString()}}});
        clickSave(dialog);
        // The stored secret now goes elsewhere: the console passphrase first (sudo mode).
        QDialog *check = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((check = dialog->findChild<QDialog *>(u"verificationDialog"_s)),
                                 15000);
        QTest::keyClicks(byAccessibleName<QLineEdit>(check, u"Console passphrase"_s),
                         u"profile editing"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(check, u"Verify"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);

        const std::optional<Profile> stored = m_store->find(id);
        QVERIFY(stored);
        QCOMPARE(stored->displayName, u"RAM after"_s);
        QCOMPARE(stored->endpoint, m_sandbox.http());
        QCOMPARE(m_store->load().profiles.size(), 1);
        auto *tree = shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s);
        QCOMPARE(tree->currentItem()->text(0), u"RAM after"_s);

        // The old page went; the new one uses the new endpoint and the secret read back.
        QTRY_VERIFY(before.isNull());
        KeyListPage *after = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((after = shown->pageFor(id)), 15000);
        QCOMPARE(shown->currentPage(), after);
        QCOMPARE(after->service()->profile().endpoint, m_sandbox.http());
        QCOMPARE(after->service()->profile().displayName, u"RAM after"_s);
        QVERIFY(waitForKeys(after));
    }

    void wrongSecretOnEditShowsTheServicesRefusal()
    {
        const auto shown = window(m_store.get());
        QVERIFY(shown);
        const QString id = addThroughDialog(*shown, ramFields(u"RAM"_s));
        QVERIFY(!id.isEmpty());
        QVERIFY(waitForKeys(shown->pageFor(id)));

        // Double-clicking the profile edits it too.
        auto *tree = shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s);
        const QRect rect = tree->visualItemRect(tree->currentItem());
        // A double-click is a click, then the second press (QTest sends only the latter).
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QPointer<ProfileDialog> dialog;
        QTRY_VERIFY((dialog = shown->findChild<ProfileDialog *>(u"profileDialog"_s)));
        QVERIFY(dialog->isEditing());
        fill(dialog, {ServiceKind::Ram, {{u"secret"_s, u"WrongSecretForTheDemoAccount0"_s}}});
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);

        VaultJob::Error error = VaultJob::Error::Other;
        QByteArray kept = storedSecret(id, error);
        QCOMPARE(error, VaultJob::Error::NoError);
        QCOMPARE(kept, "WrongSecretForTheDemoAccount0"_ba);
        wipeSecret(kept);

        KeyListPage *page = shown->currentPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 20000);
        QCOMPARE(page->state(), KeyListPage::State::Error);
        const QString details = page->findChild<ErrorPanel *>(u"errorState"_s)->detailsText();
        QVERIFY2(details.contains(u"SignatureDoesNotMatch"_s), qPrintable(details));
    }

    void demoSessionProfilesLiveInTheWindowOnly()
    {
        // The sandbox demo's window: no store. Added and edited profiles work for the session.
        const auto shown = window(nullptr, m_demo->profiles());
        QVERIFY(shown);
        for (const Profile &profile : m_demo->profiles()) {
            QByteArray secret = m_demo->secret(profile.id);
            shown->setSecret(profile.id, secret);
            wipeSecret(secret);
        }
        QPointer<ProfileDialog> dialog = openDialog(*shown, u"addProfile"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel *>(u"sessionNote"_s)->isVisibleTo(dialog));
        fill(dialog,
             {ServiceKind::DashVector,
              {{u"displayName"_s, u"Second DashVector"_s},
               {u"endpoint"_s, m_sandbox.https().toString()},
               {u"accessKeyId"_s, demoProfile(ServiceKind::DashVector).accessKeyId},
               {u"secret"_s, demoSecret(ServiceKind::DashVector)},
               {u"caCertificate"_s, certificatePath()}}});
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        const QString id = shown->sidebar()->currentProfileId();
        QVERIFY(ProfileStore::isValidId(id));
        QVERIFY(!id.startsWith(u"sandbox-"_s));
        QVERIFY(waitForKeys(shown->pageFor(id)));
        QVERIFY(shown->currentPage()->table()->model()->rowCount() >= 2);

        // Nothing went to the keychain.
        VaultJob::Error error = VaultJob::Error::NoError;
        QByteArray nothing = storedSecret(id, error);
        QCOMPARE(error, VaultJob::Error::NotFound);
        QVERIFY(nothing.isEmpty());

        // Editing it rebuilds its page with the secret the session keeps.
        QPointer<KeyListPage> before = shown->pageFor(id);
        dialog = openDialog(*shown, u"editProfile"_s);
        QVERIFY(dialog);
        fill(dialog, {ServiceKind::DashVector, {{u"displayName"_s, u"DashVector renamed"_s}}});
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        QTRY_VERIFY(before.isNull());
        KeyListPage *after = shown->currentPage();
        QVERIFY(after);
        QCOMPARE(after->service()->profile().displayName, u"DashVector renamed"_s);
        QVERIFY(waitForKeys(after));

        // A demo profile edited the same way.
        const QString demoId = demoProfile(ServiceKind::OceanBase).id;
        shown->selectProfile(demoId);
        QVERIFY(waitForKeys(shown->currentPage()));
        dialog = openDialog(*shown, u"editProfile"_s);
        QVERIFY(dialog);
        fill(dialog, {ServiceKind::OceanBase, {{u"displayName"_s, u"OceanBase renamed"_s}}});
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 15000);
        QCOMPARE(shown->currentPage()->service()->profile().displayName, u"OceanBase renamed"_s);
        QVERIFY(waitForKeys(shown->currentPage()));
    }

    // Last: it locks the private keychain for good (unlocking would need a prompt).
    void lockedKeychainLeavesNothingHalfSaved()
    {
        const auto shown = window(m_store.get());
        QVERIFY(shown);
        QDBusMessage lock = QDBusMessage::createMethodCall(
            u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
            u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
        lock << QVariant::fromValue(QList<QDBusObjectPath> {
            QDBusObjectPath(u"/org/freedesktop/secrets/aliases/default"_s)});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));

        QPointer<ProfileDialog> dialog = openDialog(*shown, u"addProfile"_s);
        QVERIFY(dialog);
        fill(dialog, ramFields(u"RAM, keychain locked"_s));
        clickSave(dialog);
        auto *message = dialog->findChild<QLabel *>(u"problem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QVERIFY(dialog->isVisible());
        QVERIFY2(message->text().contains(u"locked"_s), qPrintable(message->text()));
        QVERIFY2(message->text().contains(u"not added"_s), qPrintable(message->text()));

        // Neither the store nor the window holds the profile.
        QVERIFY(m_store->load().profiles.isEmpty());
        QCOMPARE(shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s)->topLevelItemCount(), 0);
        QVERIFY(dialog->findChild<QLineEdit *>(u"secret"_s)->text().isEmpty());
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
    }
};

QTEST_MAIN(TestProfileEditing)
#include "TestProfileEditing.moc"
