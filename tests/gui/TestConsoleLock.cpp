#include "ClipboardGuard.h"
#include "ConsoleLock.h"
#include "ConsoleSettings.h"
#include "CreatedKeyDialog.h"
#include "DemoProfiles.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "KeyringSession.h"
#include "LockedPage.h"
#include "MainWindow.h"
#include "ProfileSecretReader.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "SandboxFixture.h"
#include "ViewKeyDialog.h"
#include "WidgetLookup.h"
#include "services/KeyService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QClipboard>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDialog>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The console locks when the desktop's screen locks (a signal emitted on the private session
// bus of tests/support/with-keyring, by a connection that owns the screensaver's name), on
// Ctrl+L and after idle time; unlocking takes the console passphrase and reads the profile's
// secret from the real keychain (a private Secret Service) again. The profile is the demo
// account's RAM profile on a real keydesk-sandbox.
class TestConsoleLock : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

public Q_SLOTS:
    void heard(bool) { ++m_heard; }

private:
    static constexpr auto kPassphrase = "correct horse battery";

    SandboxFixture m_sandbox;
    std::unique_ptr<DemoProfiles> m_demo;
    CredentialVault m_vault;
    ConsolePassphrase m_passphrase;
    ClipboardGuard *m_clipboard = nullptr;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    Profile m_profile;
    int m_heard = 0;

    static bool waitVault(VaultJob *job)
    {
        QSignalSpy done(job, &VaultJob::finished);
        job->start();
        return done.wait(15000)
            && done.first().first().value<VaultJob *>()->error() == VaultJob::Error::NoError;
    }

    // The window as `keydesk` opens it: profiles from the store, secrets from the keychain.
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(
            QList<Profile> {m_profile}, KeyPageTools {&m_vault, &m_passphrase, m_clipboard},
            m_store.get());
        auto *reader = new ProfileSecretReader(&m_vault, window.get());
        connect(reader, &ProfileSecretReader::secretRead, window.get(), &MainWindow::setSecret);
        reader->start({m_profile});
        window->selectProfile(m_profile.id);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
        return window;
    }

    static bool listed(const MainWindow &window, const QString &profileId)
    {
        const KeyListPage *page = window.pageFor(profileId);
        return page && page->state() == KeyListPage::State::Keys
            && page->keyModel()->rowCount() > 0;
    }

    static void emitSignal(const QDBusConnection &bus, const QString &path,
                           const QString &interface, const QString &member,
                           const QVariantList &arguments)
    {
        QDBusMessage signal = QDBusMessage::createSignal(path, interface, member);
        signal.setArguments(arguments);
        QVERIFY(bus.send(signal));
    }

    static void typeAndUnlock(MainWindow &window, const QString &passphrase)
    {
        auto *field = window.lockedPage()->findChild<QLineEdit *>(u"lockPassphrase"_s);
        QVERIFY(field && field->isVisible() && field->isEnabled());
        QTest::keyClicks(field, passphrase);
        QTest::mouseClick(window.lockedPage()->findChild<QPushButton *>(u"unlock"_s),
                          Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestConsoleLock"_s);
        QVERIFY2(m_sandbox.start({u"--demo"_s}), qPrintable(m_sandbox.errorString()));
        const QDir dir(m_sandbox.dataDir());
        m_demo = std::make_unique<DemoProfiles>(DemoProfiles::fromFile(
            dir.filePath(u"demo-account.json"_s), dir.filePath(u"tls/sandbox-cert.pem"_s)));
        QVERIFY2(!m_demo->error(), qPrintable(m_demo->error().message));
        m_profile = m_demo->profiles().first();
        QCOMPARE(m_profile.service, ServiceKind::Ram);
        m_profile.id.clear();
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(u"profiles.ini"_s));
        QVERIFY(!m_store->add(m_profile));
        QByteArray secret = m_demo->secret(m_demo->profiles().first().id);
        QVERIFY(waitVault(
            m_vault.writeSecret(m_profile.id, CredentialVault::accessKeySecretKey(), secret)));
        wipeSecret(secret);
        PassphraseJob *set = m_passphrase.setInitial(kPassphrase);
        QSignalSpy setDone(set, &PassphraseJob::finished);
        set->start();
        QVERIFY(setDone.wait(30000));
        m_clipboard = new ClipboardGuard(this);
    }

    void screenLockEndsEverySessionAndWipesSecrets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::newRow("freedesktop")
            << u"org.freedesktop.ScreenSaver"_s << u"/org/freedesktop/ScreenSaver"_s;
        QTest::newRow("gnome") << u"org.gnome.ScreenSaver"_s << u"/org/gnome/ScreenSaver"_s;
    }

    void screenLockEndsEverySessionAndWipesSecrets()
    {
        QFETCH(QString, name);
        QFETCH(QString, path);
        // Another program on the session bus, as the desktop's screensaver is.
        QDBusConnection screensaver
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"screensaver-"_s + name);
        QVERIFY(screensaver.isConnected());
        QVERIFY(screensaver.registerService(name));
        const auto release = qScopeGuard([&] {
            screensaver.unregisterService(name);
            QDBusConnection::disconnectFromBus(u"screensaver-"_s + name);
        });

        const auto window = openWindow();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, m_profile.id), 15000);
        KeyListPage *page = window->pageFor(m_profile.id);
        const QPointer<KeyService> service = page->service();
        const ApiKey key = page->keyModel()->keyAt(0);

        // A value on view, copied to the clipboard through the guard.
        const QByteArray value = "LTAIviewedValue-0123456789abcdef"_ba;
        QPointer<ViewKeyDialog> view = new ViewKeyDialog(key, value, m_clipboard, 60, page);
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->open();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QTest::mouseClick(byAccessibleName<QPushButton>(view, u"Copy the value"_s), Qt::LeftButton);
        QVERIFY(m_clipboard->holdsSecret());
        bool wipedWhenEnded = false;
        connect(view->session(), &RevealSession::ended, this, [&] {
            const auto *field = byAccessibleName<QLineEdit>(view, u"Key value"_s);
            wipedWhenEnded = view->session()->value().isEmpty()
                && !field->text().contains(QString::fromUtf8(value));
        });
        // A created key's value, not yet stored by anyone.
        QPointer<CreatedKeyDialog> created = new CreatedKeyDialog(
            key, "LTAIcreatedValue-0123456789"_ba, {}, service->capabilities(), m_clipboard, page);
        created->open();

        emitSignal(screensaver, path, name, u"ActiveChanged"_s, {true});
        QTRY_VERIFY(window->isLocked());
        QVERIFY(wipedWhenEnded);
        QVERIFY(!view);
        QVERIFY(!created);
        QVERIFY(!m_clipboard->holdsSecret());
        QVERIFY(!QGuiApplication::clipboard()->text().contains(QString::fromUtf8(value)));
        // The adapter that held the profile secret is gone, and nothing can list without it.
        QVERIFY(!service);
        QVERIFY(!window->pageFor(m_profile.id));
        QVERIFY(!window->currentPage());
        QVERIFY(window->lockedPage()->isVisible());
        QVERIFY(!window->findChild<QLabel *>(u"placeholder"_s)->isVisible());
        QVERIFY(!window->sidebar()->isVisible());
        QVERIFY(!window->findChild<QAction *>(u"settings"_s)->isEnabled());
    }

    void screenSaverEndingDoesNotLock()
    {
        QDBusConnection screensaver
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"screensaver-off"_s);
        QVERIFY(screensaver.registerService(u"org.freedesktop.ScreenSaver"_s));
        const auto release = qScopeGuard([&] {
            screensaver.unregisterService(u"org.freedesktop.ScreenSaver"_s);
            QDBusConnection::disconnectFromBus(u"screensaver-off"_s);
        });
        const auto window = openWindow();
        QVERIFY(window);
        // The test hears the signal after the window's lock (connected later): once it has,
        // the lock has had it too.
        m_heard = 0;
        QVERIFY(QDBusConnection::sessionBus().connect(u"org.freedesktop.ScreenSaver"_s, {},
                                                      u"org.freedesktop.ScreenSaver"_s,
                                                      u"ActiveChanged"_s, this, SLOT(heard(bool))));
        QSignalSpy requested(window->consoleLock(), &ConsoleLock::lockRequested);
        emitSignal(screensaver, u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s,
                   u"ActiveChanged"_s, {false});
        QTRY_COMPARE(m_heard, 1);
        QVERIFY(requested.isEmpty());
        QVERIFY(!window->isLocked());
        QDBusConnection::sessionBus().disconnect(u"org.freedesktop.ScreenSaver"_s, {},
                                                 u"org.freedesktop.ScreenSaver"_s,
                                                 u"ActiveChanged"_s, this, SLOT(heard(bool)));
    }

    void wrongPassphraseRefusedRightOneReadsTheKeychainAgain()
    {
        const auto window = openWindow();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, m_profile.id), 15000);
        // Ctrl+L, from the Console menu's Lock.
        auto *lockAction = window->findChild<QAction *>(u"lockConsole"_s);
        QVERIFY(lockAction);
        QCOMPARE(lockAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(window->isLocked());
        QVERIFY(!window->pageFor(m_profile.id));

        auto *error = window->lockedPage()->findChild<QLabel *>(u"lockError"_s);
        typeAndUnlock(*window, u"not the passphrase"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QVERIFY(window->isLocked());
        QVERIFY(!window->pageFor(m_profile.id));
        QCOMPARE(m_passphrase.failedAttempts(), 1);
        // The field was wiped after the attempt.
        QVERIFY(
            window->lockedPage()->findChild<QLineEdit *>(u"lockPassphrase"_s)->text().isEmpty());

        typeAndUnlock(*window, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY_WITH_TIMEOUT(!window->isLocked(), 15000);
        QCOMPARE(m_passphrase.failedAttempts(), 0);
        // The secret came from the keychain again: a new adapter lists the keys with it.
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, m_profile.id), 15000);
        QCOMPARE(window->currentPage(), window->pageFor(m_profile.id));
    }

    // A lock in the middle of things: a listing on its way and a create dialog open.
    void lockDuringFlowsEndsThemSafely()
    {
        const auto window = openWindow();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, m_profile.id), 15000);
        KeyListPage *page = window->pageFor(m_profile.id);
        page->action(u"create"_s)->trigger();
        QPointer<QDialog> create = page->findChild<QDialog *>(u"createKeyDialog"_s);
        QVERIFY(create && create->isVisible());
        page->refresh();
        QVERIFY(page->isLoading());
        window->lock(u"test"_s);
        QVERIFY(!create);
        QVERIFY(!window->pageFor(m_profile.id));
        typeAndUnlock(*window, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, m_profile.id), 15000);
        QVERIFY(!window->findChild<QDialog *>(u"createKeyDialog"_s));
    }

    void idleTimeLocks()
    {
        const auto window = openWindow();
        QVERIFY(window);
        ConsoleLock *lock = window->consoleLock();
        QCOMPARE(lock->idleMs(), ConsoleSettings::lockIdleMinutes() * 60 * 1000);
        // Input restarts the clock.
        lock->setIdleMs(60000);
        QTRY_VERIFY(lock->idleRemainingMs() < 59700);
        QTest::keyClick(window.get(), Qt::Key_Down);
        QVERIFY2(lock->idleRemainingMs() > 59800,
                 qPrintable(QString::number(lock->idleRemainingMs())));
        QVERIFY(!window->isLocked());
        QSignalSpy requested(lock, &ConsoleLock::lockRequested);
        lock->setIdleMs(200);
        QTRY_VERIFY(window->isLocked());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), u"idle"_s);
        QCOMPARE(lock->idleRemainingMs(), -1); // no second lock while locked
    }
    void idleTimeIsABoundedSetting()
    {
        QSettings settings;
        settings.setValue(u"security/lockIdleMinutes"_s, 0);
        QCOMPARE(ConsoleSettings::lockIdleMinutes(), ConsoleSettings::minimumLockIdleMinutes);
        settings.setValue(u"security/lockIdleMinutes"_s, 100000);
        QCOMPARE(ConsoleSettings::lockIdleMinutes(), ConsoleSettings::maximumLockIdleMinutes);
        settings.setValue(u"security/lockIdleMinutes"_s, u"soon"_s);
        QCOMPARE(ConsoleSettings::lockIdleMinutes(), 10);
        settings.remove(u"security/lockIdleMinutes"_s);

        const auto window = openWindow();
        QVERIFY(window);
        window->findChild<QAction *>(u"settings"_s)->trigger();
        auto *dialog = window->findChild<QDialog *>(u"settingsDialog"_s);
        QVERIFY(dialog);
        auto *minutes = dialog->findChild<QSpinBox *>(u"lockIdleMinutes"_s);
        QVERIFY(minutes);
        QCOMPARE(minutes->value(), 10);
        minutes->setValue(3);
        dialog->accept();
        QCOMPARE(ConsoleSettings::lockIdleMinutes(), 3);
        QCOMPARE(window->consoleLock()->idleMs(), 3 * 60 * 1000);
        settings.remove(u"security/lockIdleMinutes"_s);
    }

    // `keydesk --sandbox`: the demo's secrets are never in the keychain; unlocking reads them
    // from the sandbox's demo account file again.
    void demoProfilesReadTheAccountFileAgain()
    {
        const QDir dir(m_sandbox.dataDir());
        auto window = std::make_unique<MainWindow>(
            m_demo->profiles(), KeyPageTools {&m_vault, &m_passphrase, m_clipboard}, nullptr);
        window->setDemoAccount(dir.filePath(u"demo-account.json"_s),
                               dir.filePath(u"tls/sandbox-cert.pem"_s));
        for (const Profile &profile : m_demo->profiles()) {
            QByteArray secret = m_demo->secret(profile.id);
            window->setSecret(profile.id, secret);
            wipeSecret(secret);
        }
        const QString ram = m_demo->profiles().first().id;
        window->selectProfile(ram);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, ram), 15000);
        window->lock(u"test"_s);
        QVERIFY(!window->pageFor(ram));
        typeAndUnlock(*window, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY_WITH_TIMEOUT(listed(*window, ram), 15000);
        // Every demo profile has its secret again: none is noted as lacking it.
        QVERIFY(!window->statusBar()->currentMessage().contains(u"lack"_s));
    }
};

QTEST_MAIN(TestConsoleLock)
#include "TestConsoleLock.moc"
