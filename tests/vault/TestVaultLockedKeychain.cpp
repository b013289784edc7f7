#include "KeyringSession.h"
#include "VaultTestSupport.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QTest>

using namespace Qt::StringLiterals;

// A keychain that is there but locked (the Secret Service's default collection locked, with
// no display to ask for the password on): every operation fails with Locked and a message
// that says to unlock it, never with "not found" and never by writing somewhere else.
class TestVaultLockedKeychain : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    CredentialVault m_vault;

    static ToolOutput searchAll(const QString &profile)
    {
        return secretTool(
            {u"search"_s, u"--all"_s, u"server"_s, CredentialVault::serviceForProfile(profile)});
    }

    static void verifyLocked(const JobResult &result)
    {
        QVERIFY(result.finished);
        QVERIFY2(result.errorString.contains(u"locked"_s), qPrintable(result.errorString));
        QVERIFY2(result.errorString.contains(u"Unlock it"_s), qPrintable(result.errorString));
        QVERIFY(result.secret.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QCOMPARE(runJob(m_vault.writeSecret(u"locked"_s, u"accessKeySecret"_s, "before-lock"))
                     .vaultError,
                 VaultJob::Error::NoError);
        ConsolePassphrase passphrase;
        QCOMPARE(runJob(passphrase.setInitial("locked passphrase")).passphraseError,
                 PassphraseJob::Error::NoError);

        // org.freedesktop.Secret.Service.Lock: locking needs no prompt (unlocking would).
        QDBusMessage lock = QDBusMessage::createMethodCall(
            u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
            u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
        lock << QVariant::fromValue(QList<QDBusObjectPath> {
            QDBusObjectPath(u"/org/freedesktop/secrets/aliases/default"_s)});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    void readIsLockedNotMissing()
    {
        const JobResult result = runJob(m_vault.readSecret(u"locked"_s, u"accessKeySecret"_s));
        QCOMPARE(result.vaultError, VaultJob::Error::Locked);
        verifyLocked(result);
    }

    void writeIsLocked()
    {
        const JobResult result
            = runJob(m_vault.writeSecret(u"locked"_s, u"kept:new"_s, "written-while-locked"));
        QCOMPARE(result.vaultError, VaultJob::Error::Locked);
        verifyLocked(result);
        const ToolOutput items = searchAll(u"locked"_s);
        QVERIFY(!items.err.contains("kept:new"));
    }

    void deleteIsLocked()
    {
        const JobResult result = runJob(m_vault.deleteSecret(u"locked"_s, u"accessKeySecret"_s));
        QCOMPARE(result.vaultError, VaultJob::Error::Locked);
        verifyLocked(result);
        QVERIFY(searchAll(u"locked"_s).err.contains("attribute.user = accessKeySecret"));
    }

    void passphraseIsLocked()
    {
        ConsolePassphrase passphrase;
        const JobResult result = runJob(passphrase.verify("locked passphrase"));
        QCOMPARE(result.passphraseError, PassphraseJob::Error::Locked);
        verifyLocked(result);
        QCOMPARE(passphrase.failedAttempts(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVaultLockedKeychain)
#include "TestVaultLockedKeychain.moc"
