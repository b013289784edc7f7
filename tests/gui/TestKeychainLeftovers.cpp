#include "ClipboardGuard.h"
#include "DemoSandbox.h"
#include "KeyJobWait.h"
#include "KeyListPage.h"
#include "KeyringSession.h"
#include "MainWindow.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "StaleKeptCopies.h"
#include "services/ServiceFactory.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// The keys of a keychain service's items, read from outside with secret-tool.
QStringList keysOutside(const QString &profileId)
{
    QProcess tool;
    tool.start(
        u"secret-tool"_s,
        {u"search"_s, u"--all"_s, u"server"_s, CredentialVault::serviceForProfile(profileId)});
    if (!tool.waitForFinished(20000))
        return {u"secret-tool failed"_s};
    const QString printed
        = QString::fromUtf8(tool.readAllStandardError() + tool.readAllStandardOutput());
    QStringList keys;
    const QRegularExpression user(u"^attribute\\.user = (.*)$"_s,
                                  QRegularExpression::MultilineOption);
    for (auto match = user.globalMatch(printed); match.hasNext();)
        keys.append(match.next().captured(1).trimmed());
    keys.sort();
    return keys;
}

// Clicks the button named button in the open message box named box.
bool answer(const QString &box, const QString &button)
{
    QMessageBox *open = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                for (QWidget *widget : QApplication::topLevelWidgets()) {
                    if (widget->objectName() == box && widget->isVisible())
                        open = qobject_cast<QMessageBox *>(widget);
                }
                return open != nullptr;
            },
            5000))
        return false;
    auto *clicked = open->findChild<QAbstractButton *>(button);
    if (!clicked)
        return false;
    clicked->click();
    return true;
}

} // namespace

// What the keychain keeps of keys and profiles that are gone, in a private keyring
// (with-keyring) against a keydesk-sandbox with --demo: removing a profile removes every item
// of its keychain service, and a kept copy whose key no longer exists is offered for removal.
class TestKeychainLeftovers : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    DemoSandbox m_demo;
    CredentialVault m_vault;
    ClipboardGuard *m_clipboard = nullptr;
    QTemporaryDir m_settings;

    bool store(const QString &profileId, const QString &key, const QByteArray &value)
    {
        VaultJob *job = m_vault.writeSecret(profileId, key, value);
        QSignalSpy spy(job, &VaultJob::finished);
        bool ok = false;
        connect(job, &VaultJob::finished, this,
                [&](VaultJob *done) { ok = done->error() == VaultJob::Error::NoError; });
        job->start();
        return (!spy.isEmpty() || spy.wait(20000)) && ok;
    }

    // A second profile of the demo's OceanBase account: another id, the same account and keys.
    Profile twin(const QString &id) const
    {
        Profile profile = m_demo.profile(ServiceKind::OceanBase);
        profile.id = id;
        profile.displayName = u"OceanBase, second profile"_s;
        return profile;
    }

    std::unique_ptr<KeyListPage> listedPage(const Profile &profile)
    {
        QByteArray secret = m_demo.secret(ServiceKind::OceanBase);
        auto page = std::make_unique<KeyListPage>(makeKeyService(profile, secret, &m_demo.client()),
                                                  KeyPageTools {&m_vault, nullptr, m_clipboard});
        wipeSecret(secret);
        page->resize(900, 500);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        if (!QTest::qWaitFor([&] { return !page->isLoading(); }, 20000))
            return nullptr;
        return page;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestKeychainLeftovers"_s);
        QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
        QVERIFY(m_settings.isValid());
        m_clipboard = new ClipboardGuard(this);
    }

    void removingAProfileRemovesEveryItemOfItsService()
    {
        ProfileStore profiles(m_settings.filePath(u"profiles.ini"_s));
        Profile profile = m_demo.profile(ServiceKind::OceanBase);
        QVERIFY(!profiles.add(profile));
        QByteArray secret = m_demo.secret(ServiceKind::OceanBase);
        QVERIFY(store(profile.id, CredentialVault::accessKeySecretKey(), secret));
        wipeSecret(secret);
        QVERIFY(store(profile.id, CredentialVault::keptCopyKey(u"key-one"_s), "value one"_ba));
        QVERIFY(store(profile.id, CredentialVault::keptCopyKey(u"key-two"_s), "value two"_ba));
        QVERIFY(store(u"another"_s, CredentialVault::keptCopyKey(u"key-one"_s), "theirs"_ba));
        QCOMPARE(keysOutside(profile.id).size(), 3);

        MainWindow window({profile}, KeyPageTools {&m_vault, nullptr, m_clipboard}, &profiles);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sidebar()->selectProfile(profile.id);
        auto *remove = window.sidebar()->findChild<QPushButton *>(u"removeProfile"_s);
        QVERIFY(remove && remove->isEnabled());
        remove->click();
        QVERIFY(answer(u"confirmRemoval"_s, u"remove"_s));

        QTRY_VERIFY_WITH_TIMEOUT(keysOutside(profile.id).isEmpty(), 15000);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(u": 3 item"_s));
        QCOMPARE(keysOutside(u"another"_s), QStringList {u"kept:key-one"_s});
        QVERIFY(profiles.load().profiles.isEmpty());
    }

    void keptCopyOfAGoneKeyIsOfferedForRemoval()
    {
        const Profile first = m_demo.profile(ServiceKind::OceanBase);
        const Profile second = twin(u"oceanbase-second"_s);
        // A key made through the first profile, its copy kept through the second one.
        CreateKeyRequest request;
        request.name = u"kept elsewhere"_s;
        request.permission = u"read"_s;
        const KeyJobResult created
            = await(m_demo.service(ServiceKind::OceanBase)->createKey(request));
        expectOk(created);
        QVERIFY(!QTest::currentTestFailed());
        const QString keyId = created.key.id;
        QVERIFY(store(second.id, CredentialVault::keptCopyKey(keyId), created.secret));
        QVERIFY(store(second.id, CredentialVault::keptCopyKey(u"never-existed"_s), "old"_ba));
        QVERIFY(store(second.id, CredentialVault::accessKeySecretKey(), "the profile's"_ba));

        const auto page = listedPage(second);
        QVERIFY(page);
        auto *stale = page->findChild<StaleKeptCopies *>();
        QVERIFY(stale);
        QTRY_COMPARE(stale->staleKeyIds(), QStringList {u"never-existed"_s});
        QVERIFY(stale->isVisible());

        // Deleted through the first profile: the second's copy is now of a key that is gone.
        expectOk(await(m_demo.service(ServiceKind::OceanBase)->deleteKey(keyId, {})));
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy checked(stale, &StaleKeptCopies::checked);
        page->refresh();
        QVERIFY(checked.wait(20000));
        QCOMPARE(sorted(stale->staleKeyIds()), sorted({keyId, u"never-existed"_s}));
        QVERIFY(stale->isVisible());

        auto *remove = stale->findChild<QPushButton *>(u"removeStaleKeptCopies"_s);
        QVERIFY(remove);
        remove->click();
        QVERIFY(answer(u"confirmStaleRemoval"_s, u"remove"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!stale->isVisible(), 15000);
        QCOMPARE(keysOutside(second.id), QStringList {CredentialVault::accessKeySecretKey()});
        QVERIFY(first.id != second.id);
    }
};

QTEST_MAIN(TestKeychainLeftovers)
#include "TestKeychainLeftovers.moc"
