#include "KeyringSession.h"
#include "VaultTestSupport.h"
#include "vault/CredentialVault.h"
#include "vault/SecretServiceItems.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The items of a profile's keychain service, found and removed over the Secret Service's D-Bus
// API, in a private gnome-keyring (with-keyring); what is left is checked from outside with
// secret-tool.
class TestSecretServiceItems : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    CredentialVault m_vault;

    struct Outcome
    {
        bool finished = false;
        SecretServiceItems::Error error = SecretServiceItems::Error::Other;
        QString errorString;
        QStringList keys;
        int removed = -1;
        int locked = -1;
    };

    static Outcome run(SecretServiceItems *job)
    {
        Outcome outcome;
        QSignalSpy spy(job, &SecretServiceItems::finished);
        QObject::connect(job, &SecretServiceItems::finished, job, [&](SecretServiceItems *done) {
            outcome.finished = true;
            outcome.error = done->error();
            outcome.errorString = done->errorString();
            outcome.keys = done->keys();
            outcome.removed = done->removedCount();
            outcome.locked = done->lockedCount();
        });
        job->start();
        if (spy.isEmpty())
            spy.wait(20000);
        QTest::qWait(0); // let it delete itself; a second report would fail the count below
        if (spy.count() > 1)
            outcome.finished = false;
        return outcome;
    }

    bool store(const QString &profile, const QString &key)
    {
        const QByteArray value = "value of "_ba + key.toUtf8();
        return runJob(m_vault.writeSecret(profile, key, value)).vaultError
            == VaultJob::Error::NoError;
    }

    static QStringList keysOutside(const QString &profile)
    {
        const ToolOutput search = secretTool(
            {u"search"_s, u"--all"_s, u"server"_s, CredentialVault::serviceForProfile(profile)});
        // secret-tool prints the attributes on stderr: "attribute.user = kept:…".
        QStringList keys;
        const QRegularExpression user(u"^attribute\\.user = (.*)$"_s,
                                      QRegularExpression::MultilineOption);
        for (auto match = user.globalMatch(QString::fromUtf8(search.err + search.out));
             match.hasNext();)
            keys.append(match.next().captured(1).trimmed());
        keys.sort();
        return keys;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QVERIFY2(secretTool({u"search"_s, u"server"_s, u"nobody"_s}).exitCode >= 0,
                 "secret-tool is missing");
        for (const QString &key : {u"accessKeySecret"_s, u"kept:k1"_s, u"kept:k2"_s})
            QVERIFY(store(u"alpha"_s, key));
        for (const QString &key : {u"accessKeySecret"_s, u"kept:k1"_s})
            QVERIFY(store(u"beta"_s, key));
        // A prefix of another profile's service is not that service.
        QVERIFY(store(u"alphabet"_s, u"kept:k9"_s));
    }

    void listsTheKeysOfOneService()
    {
        const Outcome listed
            = run(SecretServiceItems::list(CredentialVault::serviceForProfile(u"alpha"_s)));
        QVERIFY(listed.finished);
        QCOMPARE(listed.error, SecretServiceItems::Error::NoError);
        QCOMPARE(listed.keys, (QStringList {u"accessKeySecret"_s, u"kept:k1"_s, u"kept:k2"_s}));
        QCOMPARE(listed.keys, keysOutside(u"alpha"_s));
        const Outcome none
            = run(SecretServiceItems::list(CredentialVault::serviceForProfile(u"nobody"_s)));
        QCOMPARE(none.error, SecretServiceItems::Error::NoError);
        QVERIFY(none.keys.isEmpty());
    }

    void removesTheGivenKeysOnly()
    {
        const Outcome removed = run(SecretServiceItems::remove(
            CredentialVault::serviceForProfile(u"alpha"_s), {u"kept:k2"_s, u"kept:absent"_s}));
        QVERIFY(removed.finished);
        QCOMPARE(removed.error, SecretServiceItems::Error::NoError);
        QCOMPARE(removed.removed, 1);
        QCOMPARE(keysOutside(u"alpha"_s), (QStringList {u"accessKeySecret"_s, u"kept:k1"_s}));
        QCOMPARE(keysOutside(u"beta"_s), (QStringList {u"accessKeySecret"_s, u"kept:k1"_s}));
    }

    void removesEveryItemOfTheService()
    {
        const Outcome removed
            = run(SecretServiceItems::remove(CredentialVault::serviceForProfile(u"alpha"_s)));
        QVERIFY(removed.finished);
        QCOMPARE(removed.error, SecretServiceItems::Error::NoError);
        QCOMPARE(removed.removed, 2);
        QVERIFY(keysOutside(u"alpha"_s).isEmpty());
        QCOMPARE(keysOutside(u"beta"_s), (QStringList {u"accessKeySecret"_s, u"kept:k1"_s}));
        QCOMPARE(keysOutside(u"alphabet"_s), QStringList {u"kept:k9"_s});
        const Outcome again
            = run(SecretServiceItems::remove(CredentialVault::serviceForProfile(u"alpha"_s)));
        QCOMPARE(again.error, SecretServiceItems::Error::NoError);
        QCOMPARE(again.removed, 0);
    }

    void emptyServiceIsRefused()
    {
        const Outcome refused = run(SecretServiceItems::remove(QString()));
        QVERIFY(refused.finished);
        QCOMPARE(refused.error, SecretServiceItems::Error::Other);
        QVERIFY(!refused.errorString.isEmpty());
    }

    // Last: the keyring stays locked (unlocking would need a prompt nobody can answer here).
    void lockedItemsStayAndAreCounted()
    {
        QDBusMessage lock = QDBusMessage::createMethodCall(
            u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
            u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
        lock << QVariant::fromValue(QList<QDBusObjectPath> {
            QDBusObjectPath(u"/org/freedesktop/secrets/aliases/default"_s)});
        const QDBusMessage locked = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));
        const Outcome removed
            = run(SecretServiceItems::remove(CredentialVault::serviceForProfile(u"beta"_s)));
        QVERIFY(removed.finished);
        QCOMPARE(removed.error, SecretServiceItems::Error::Locked);
        QCOMPARE(removed.locked, 2);
        QCOMPARE(removed.removed, 0);
        QVERIFY(removed.errorString.contains(u"locked"_s));
        // Still there: listing reads attributes only, which a locked item keeps readable.
        const Outcome listed
            = run(SecretServiceItems::list(CredentialVault::serviceForProfile(u"beta"_s)));
        QCOMPARE(listed.error, SecretServiceItems::Error::NoError);
        QCOMPARE(listed.keys, (QStringList {u"accessKeySecret"_s, u"kept:k1"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSecretServiceItems)
#include "TestSecretServiceItems.moc"
