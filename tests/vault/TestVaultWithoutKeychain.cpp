#include "VaultTestSupport.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The "no insecure fallback" guarantee (DESIGN.md §4): the same vault code with no D-Bus
// session bus at all fails every operation with NoBackend and a clear message, and leaves
// nothing behind. HOME, the XDG directories and TMPDIR point into one throwaway directory,
// which is searched byte by byte for every secret afterwards.
//
// Run by `with-keyring --no-secret-service` (CTest's TestVaultWithoutSecretService), it keeps
// that private bus, on which no Secret Service runs or can be started: a desktop without a
// keyring daemon. The same guarantee holds there.
class TestVaultWithoutKeychain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    CredentialVault m_vault;
    bool m_busWithoutSecretService = false;

    // Every form in which a fallback might have written a value.
    static QList<QByteArray> encodings(const QByteArray &secret)
    {
        return {secret, secret.toBase64(), secret.toHex(),
                QByteArray(reinterpret_cast<const char *>(QString::fromUtf8(secret).utf16()),
                           secret.size() * 2)};
    }

    // The files under HOME holding any of the secrets, in any of the forms above.
    QStringList filesContaining(const QList<QByteArray> &secrets) const
    {
        QStringList found;
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                found << path + u" (unreadable)"_s;
                continue;
            }
            const QByteArray bytes = file.readAll();
            for (const QByteArray &secret : secrets) {
                for (const QByteArray &form : encodings(secret)) {
                    if (bytes.contains(form))
                        found << path;
                }
            }
        }
        return found;
    }

    void verifyNoBackend(const JobResult &result) const
    {
        QVERIFY(result.finished);
        QCOMPARE(result.signalCount, 1);
        QVERIFY2(result.errorString.contains(u"No keychain is available"_s),
                 qPrintable(result.errorString));
        const QString reason = m_busWithoutSecretService
            ? u"no Secret Service (org.freedesktop.secrets) on the D-Bus session bus"_s
            : u"no D-Bus session bus"_s;
        QVERIFY2(result.errorString.contains(reason), qPrintable(result.errorString));
        QVERIFY(result.secret.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const QString home = m_home.path();
        for (const char *dir :
             {"/.config", "/.local/share", "/.cache", "/.local/state", "/run", "/tmp"}) {
            QVERIFY(QDir().mkpath(home + QLatin1String(dir)));
        }
        // Set before anything has touched D-Bus or libsecret in this process.
        qputenv("HOME", home.toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (home + u"/.config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", (home + u"/.local/share"_s).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", (home + u"/.cache"_s).toLocal8Bit());
        qputenv("XDG_STATE_HOME", (home + u"/.local/state"_s).toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", (home + u"/run"_s).toLocal8Bit());
        qputenv("TMPDIR", (home + u"/tmp"_s).toLocal8Bit());
        // A bus address that leads nowhere; no display, so nothing can autolaunch a bus.
        m_busWithoutSecretService = qEnvironmentVariable("KEYDESK_TEST_KEYRING") == u"none"_s;
        if (!m_busWithoutSecretService) {
            qputenv("DBUS_SESSION_BUS_ADDRESS",
                    (u"unix:path="_s + home + u"/run/no-bus"_s).toLocal8Bit());
        }
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("KEYDESK_TEST_KEYRING");
    }

    void writeFails()
    {
        const JobResult result = runJob(m_vault.writeSecret(
            u"offline"_s, CredentialVault::accessKeySecretKey(), "offline-write-Secret-7Qx"));
        QCOMPARE(result.vaultError, VaultJob::Error::NoBackend);
        verifyNoBackend(result);
    }

    void readFails()
    {
        const JobResult result
            = runJob(m_vault.readSecret(u"offline"_s, CredentialVault::accessKeySecretKey()));
        QCOMPARE(result.vaultError, VaultJob::Error::NoBackend);
        verifyNoBackend(result);
    }

    void deleteFails()
    {
        const JobResult result
            = runJob(m_vault.deleteSecret(u"offline"_s, CredentialVault::keptCopyKey(u"k1"_s)));
        QCOMPARE(result.vaultError, VaultJob::Error::NoBackend);
        verifyNoBackend(result);
    }

    void passphraseFails_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("check") << int(PassphraseJob::Operation::CheckIsSet);
        QTest::newRow("set") << int(PassphraseJob::Operation::SetInitial);
        QTest::newRow("verify") << int(PassphraseJob::Operation::Verify);
        QTest::newRow("change") << int(PassphraseJob::Operation::Change);
    }

    void passphraseFails()
    {
        QFETCH(int, operation);
        ConsolePassphrase passphrase;
        PassphraseJob *job = nullptr;
        switch (PassphraseJob::Operation(operation)) {
        case PassphraseJob::Operation::CheckIsSet:
            job = passphrase.checkIsSet();
            break;
        case PassphraseJob::Operation::SetInitial:
            job = passphrase.setInitial("offline passphrase one");
            break;
        case PassphraseJob::Operation::Verify:
            job = passphrase.verify("offline passphrase one");
            break;
        case PassphraseJob::Operation::Change:
            job = passphrase.change("offline passphrase one", "offline passphrase two");
            break;
        }
        const JobResult result = runJob(job);
        QCOMPARE(result.passphraseError, PassphraseJob::Error::NoBackend);
        verifyNoBackend(result);
        QCOMPARE(passphrase.failedAttempts(), 0); // the keychain's failure is not a wrong guess
    }

    // Every operation again with one set of values, then the whole of HOME searched for them.
    void nothingIsWrittenAnywhere()
    {
        const QList<QByteArray> secrets {"nowhere-AccessKeySecret-a8Yq2", "nowhere-kept-sk-55Lm",
                                         "nowhere passphrase 91", "nowhere passphrase 92"};
        const QString profile = u"nowhere"_s;
        const QString kept = CredentialVault::keptCopyKey(u"LTAI-nowhere"_s);
        QCOMPARE(
            runJob(m_vault.writeSecret(profile, CredentialVault::accessKeySecretKey(), secrets[0]))
                .vaultError,
            VaultJob::Error::NoBackend);
        QCOMPARE(runJob(m_vault.writeSecret(profile, kept, secrets[1])).vaultError,
                 VaultJob::Error::NoBackend);
        QCOMPARE(runJob(m_vault.readSecret(profile, kept)).vaultError, VaultJob::Error::NoBackend);
        QCOMPARE(runJob(m_vault.deleteSecret(profile, kept)).vaultError,
                 VaultJob::Error::NoBackend);
        ConsolePassphrase passphrase;
        QCOMPARE(runJob(passphrase.setInitial(secrets[2])).passphraseError,
                 PassphraseJob::Error::NoBackend);
        QCOMPARE(runJob(passphrase.change(secrets[2], secrets[3])).passphraseError,
                 PassphraseJob::Error::NoBackend);

        // The search itself must be able to find something.
        QFile probe(m_home.filePath(u".cache/probe"_s));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.write("xx" + secrets[1].toBase64() + "xx");
        probe.close();
        QCOMPARE(filesContaining(secrets), QStringList {probe.fileName()});
        QVERIFY(probe.remove());

        const QStringList leaks = filesContaining(secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestVaultWithoutKeychain)
#include "TestVaultWithoutKeychain.moc"
