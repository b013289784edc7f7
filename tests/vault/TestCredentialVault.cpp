#include "KeyringSession.h"
#include "VaultTestSupport.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// The vault against the real Secret Service (gnome-keyring-daemon in a private D-Bus session,
// see KeyringSession.h). What it stores is checked from outside with secret-tool, through the
// attributes of QtKeychain's libsecret backend: schema org.qt.keychain, server = the service,
// user = the key, type = base64 (the vault stores every value as binary data).
class TestCredentialVault : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    CredentialVault m_vault;

    JobResult write(const QString &profile, const QString &key, const QByteArray &value)
    {
        return runJob(m_vault.writeSecret(profile, key, value));
    }
    JobResult read(const QString &profile, const QString &key)
    {
        return runJob(m_vault.readSecret(profile, key));
    }
    JobResult remove(const QString &profile, const QString &key)
    {
        return runJob(m_vault.deleteSecret(profile, key));
    }

    // The value another program gets from the keychain, decoded from QtKeychain's base64.
    static ToolOutput lookUp(const QString &profile, const QString &key)
    {
        ToolOutput output = secretTool({u"lookup"_s, u"xdg:schema"_s, u"org.qt.keychain"_s,
                                        u"server"_s, CredentialVault::serviceForProfile(profile),
                                        u"user"_s, key, u"type"_s, u"base64"_s});
        output.out = QByteArray::fromBase64(output.out.trimmed());
        return output;
    }
    // Every item of a profile, as secret-tool prints them ("[/path]" starts each one).
    static ToolOutput searchAll(const QString &profile)
    {
        return secretTool(
            {u"search"_s, u"--all"_s, u"server"_s, CredentialVault::serviceForProfile(profile)});
    }
    static qsizetype itemCount(const ToolOutput &search)
    {
        return QString::fromUtf8(search.out)
            .count(QRegularExpression(u"^\\[/"_s, QRegularExpression::MultilineOption));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QVERIFY2(searchAll(u"nobody"_s).exitCode >= 0, "secret-tool is missing");
    }

    void namesFollowTheProfile()
    {
        QCOMPARE(CredentialVault::serviceForProfile(u"ram-prod"_s), u"KeyDesk/ram-prod"_s);
        QCOMPARE(CredentialVault::accessKeySecretKey(), u"accessKeySecret"_s);
        QCOMPARE(CredentialVault::keptCopyKey(u"LTAI5tAbc"_s), u"kept:LTAI5tAbc"_s);
    }

    void writeThenRead()
    {
        const QByteArray secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        const JobResult written = write(u"round-trip"_s, u"accessKeySecret"_s, secret);
        QVERIFY(written.finished);
        QCOMPARE(written.vaultError, VaultJob::Error::NoError);
        QVERIFY(written.errorString.isEmpty());

        const JobResult readBack = read(u"round-trip"_s, u"accessKeySecret"_s);
        QCOMPARE(readBack.vaultError, VaultJob::Error::NoError);
        QCOMPARE(readBack.secret, secret);
    }

    void storedItemIsVisibleFromOutside()
    {
        const QByteArray secret = "outside-check-Zq81";
        QCOMPARE(write(u"outside"_s, u"accessKeySecret"_s, secret).vaultError,
                 VaultJob::Error::NoError);

        const ToolOutput value = lookUp(u"outside"_s, u"accessKeySecret"_s);
        QCOMPARE(value.exitCode, 0);
        QCOMPARE(value.out, secret);

        const ToolOutput items = searchAll(u"outside"_s);
        QCOMPARE(items.exitCode, 0);
        QCOMPARE(itemCount(items), 1);
        QVERIFY(items.out.contains("label = KeyDesk/outside\n"));
        QVERIFY(items.out.contains("schema = org.qt.keychain\n"));
        // secret-tool prints the attributes on stderr.
        QVERIFY(items.err.contains("attribute.server = KeyDesk/outside\n"));
        QVERIFY(items.err.contains("attribute.user = accessKeySecret\n"));
        QVERIFY(items.err.contains("attribute.type = base64\n"));
    }

    void overwriteReplacesTheValue()
    {
        QCOMPARE(write(u"overwrite"_s, u"accessKeySecret"_s, "first-value").vaultError,
                 VaultJob::Error::NoError);
        QCOMPARE(write(u"overwrite"_s, u"accessKeySecret"_s, "second-value").vaultError,
                 VaultJob::Error::NoError);

        QCOMPARE(read(u"overwrite"_s, u"accessKeySecret"_s).secret, "second-value"_ba);
        QCOMPARE(lookUp(u"overwrite"_s, u"accessKeySecret"_s).out, "second-value"_ba);
        QCOMPARE(itemCount(searchAll(u"overwrite"_s)), 1); // replaced, not added
    }

    void deleteRemovesTheItem()
    {
        QCOMPARE(write(u"delete"_s, u"kept:LTAI-delete"_s, "to-be-deleted").vaultError,
                 VaultJob::Error::NoError);
        QCOMPARE(lookUp(u"delete"_s, u"kept:LTAI-delete"_s).exitCode, 0);

        const JobResult removed = remove(u"delete"_s, u"kept:LTAI-delete"_s);
        QVERIFY(removed.finished);
        QCOMPARE(removed.vaultError, VaultJob::Error::NoError);

        QCOMPARE(read(u"delete"_s, u"kept:LTAI-delete"_s).vaultError, VaultJob::Error::NotFound);
        const ToolOutput after = lookUp(u"delete"_s, u"kept:LTAI-delete"_s);
        QVERIFY(after.exitCode != 0);
        QVERIFY(after.out.isEmpty());
        QCOMPARE(itemCount(searchAll(u"delete"_s)), 0);
    }

    // Deleting what is not there leaves the keychain as asked: not an error.
    void deletingAMissingSecretSucceeds()
    {
        QCOMPARE(remove(u"never-written"_s, u"accessKeySecret"_s).vaultError,
                 VaultJob::Error::NoError);
    }

    void readingAMissingSecretIsNotFound()
    {
        const JobResult missing = read(u"never-written"_s, u"kept:LTAI-none"_s);
        QVERIFY(missing.finished);
        QCOMPARE(missing.vaultError, VaultJob::Error::NotFound);
        QVERIFY(missing.secret.isEmpty());
        QVERIFY2(missing.errorString.contains(u"KeyDesk/never-written"_s)
                     && missing.errorString.contains(u"kept:LTAI-none"_s),
                 qPrintable(missing.errorString));
    }

    void profilesDoNotSeeEachOther()
    {
        const QString key = CredentialVault::accessKeySecretKey();
        QCOMPARE(write(u"alpha"_s, key, "alpha-secret").vaultError, VaultJob::Error::NoError);
        QCOMPARE(write(u"beta"_s, key, "beta-secret").vaultError, VaultJob::Error::NoError);
        QCOMPARE(read(u"alpha"_s, key).secret, "alpha-secret"_ba);
        QCOMPARE(read(u"beta"_s, key).secret, "beta-secret"_ba);
        QCOMPARE(read(u"gamma"_s, key).vaultError, VaultJob::Error::NotFound);
        // A prefix of another profile's name is another profile.
        QCOMPARE(read(u"alph"_s, key).vaultError, VaultJob::Error::NotFound);

        QCOMPARE(remove(u"alpha"_s, key).vaultError, VaultJob::Error::NoError);
        QCOMPARE(read(u"alpha"_s, key).vaultError, VaultJob::Error::NotFound);
        QCOMPARE(read(u"beta"_s, key).secret, "beta-secret"_ba);
        QCOMPARE(itemCount(searchAll(u"beta"_s)), 1);
    }

    void keysOfOneProfileAreSeparate()
    {
        const QString profile = u"kept-copies"_s;
        const QString first = CredentialVault::keptCopyKey(u"key-1"_s);
        const QString second = CredentialVault::keptCopyKey(u"key-2"_s);
        QCOMPARE(write(profile, first, "value-one").vaultError, VaultJob::Error::NoError);
        QCOMPARE(write(profile, second, "value-two").vaultError, VaultJob::Error::NoError);
        QCOMPARE(write(profile, CredentialVault::accessKeySecretKey(), "ak-secret").vaultError,
                 VaultJob::Error::NoError);

        QCOMPARE(remove(profile, first).vaultError, VaultJob::Error::NoError);
        QCOMPARE(read(profile, first).vaultError, VaultJob::Error::NotFound);
        QCOMPARE(read(profile, second).secret, "value-two"_ba);
        QCOMPARE(read(profile, CredentialVault::accessKeySecretKey()).secret, "ak-secret"_ba);
        QCOMPARE(itemCount(searchAll(profile)), 2);
    }

    void anyBytesSurvive_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("NUL bytes") << QByteArray("\0lead\0middle\0\0trail\0", 20);
        QByteArray everyByte;
        for (int byte = 255; byte >= 0; --byte)
            everyByte.append(char(byte));
        QTest::newRow("every byte value") << everyByte;
        QTest::newRow("unicode") << u"密钥 – ключ – مفتاح – 🔑"_s.toUtf8();
        QTest::newRow("spaces and newlines") << "  padded\r\nvalue\t "_ba;
        QTest::newRow("64 KiB") << QByteArray(qsizetype(64) * 1024, 'k');
    }

    void anyBytesSurvive()
    {
        QFETCH(QByteArray, value);
        const QString key = u"bytes:"_s + QString::fromLatin1(QTest::currentDataTag());
        QCOMPARE(write(u"bytes"_s, key, value).vaultError, VaultJob::Error::NoError);
        QCOMPARE(read(u"bytes"_s, key).secret, value);
        QCOMPARE(lookUp(u"bytes"_s, key).out, value);
    }

    void unicodeNamesWork()
    {
        const QString profile = u"profil-é-配置"_s;
        QCOMPARE(write(profile, u"kept:键"_s, "unicode-names").vaultError,
                 VaultJob::Error::NoError);
        QCOMPARE(read(profile, u"kept:键"_s).secret, "unicode-names"_ba);
        QCOMPARE(lookUp(profile, u"kept:键"_s).out, "unicode-names"_ba);
    }

    void invalidRequestsFailWithoutTouchingTheKeychain_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        const int write = int(VaultJob::Operation::Write);
        QTest::newRow("no profile") << write << QString() << u"accessKeySecret"_s << "v"_ba;
        QTest::newRow("no key") << write << u"invalid"_s << QString() << "v"_ba;
        QTest::newRow("empty value")
            << write << u"invalid"_s << u"accessKeySecret"_s << QByteArray();
        QTest::newRow("read, no key")
            << int(VaultJob::Operation::Read) << u"invalid"_s << QString() << QByteArray();
        QTest::newRow("delete, no profile") << int(VaultJob::Operation::Delete) << QString()
                                            << u"accessKeySecret"_s << QByteArray();
    }

    void invalidRequestsFailWithoutTouchingTheKeychain()
    {
        QFETCH(int, operation);
        QFETCH(QString, profile);
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        VaultJob *job = nullptr;
        switch (VaultJob::Operation(operation)) {
        case VaultJob::Operation::Read:
            job = m_vault.readSecret(profile, key);
            break;
        case VaultJob::Operation::Write:
            job = m_vault.writeSecret(profile, key, value);
            break;
        case VaultJob::Operation::Delete:
            job = m_vault.deleteSecret(profile, key);
            break;
        }
        const JobResult result = runJob(job);
        QVERIFY(result.finished);
        QCOMPARE(result.vaultError, VaultJob::Error::Other);
        QVERIFY(!result.errorString.isEmpty());
        QCOMPARE(itemCount(searchAll(u"invalid"_s)), 0);
    }

    // QtKeychain's shape: nothing reported from start(), one finished() from the event loop,
    // then the job deletes itself.
    void jobReportsOnceThenDeletesItself()
    {
        QPointer<VaultJob> job = m_vault.writeSecret(u"shape"_s, u"accessKeySecret"_s, "shape");
        QVERIFY(job->autoDelete());
        QSignalSpy spy(job.data(), &VaultJob::finished);
        job->start();
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(20000));
        QTRY_VERIFY(job.isNull());
        QCOMPARE(spy.count(), 1);

        // Started twice, it still reports once.
        VaultJob *again = m_vault.readSecret(u"shape"_s, u"accessKeySecret"_s);
        again->setAutoDelete(false);
        QSignalSpy twice(again, &VaultJob::finished);
        again->start();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"started twice"_s));
        again->start();
        QVERIFY(twice.wait(20000));
        QTest::qWait(50);
        QCOMPARE(twice.count(), 1);
        QCOMPARE(again->takeSecret(), "shape"_ba);
        QVERIFY(again->takeSecret().isEmpty()); // handed over: the job keeps no copy
        delete again;
    }

    // The caller's value is copied, never wiped behind its back; the vault's own copies are.
    void wipingZeroesSharedBuffersOnly()
    {
        QByteArray secret = detachedSecretCopy("wipe-me");
        const QByteArray sharer = secret;
        wipeSecret(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(sharer, QByteArray(7, '\0'));

        QByteArray literal = "literal-data"_ba; // read-only memory: left alone, not crashed on
        wipeSecret(literal);
        QVERIFY(literal.isEmpty());

        const QByteArray callers = "callers-value"_ba + QByteArray("!");
        VaultJob *job = m_vault.writeSecret(u"wipe"_s, u"accessKeySecret"_s, callers);
        QCOMPARE(runJob(job).vaultError, VaultJob::Error::NoError);
        QCOMPARE(callers, "callers-value!"_ba);
    }
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "TestCredentialVault.moc"
