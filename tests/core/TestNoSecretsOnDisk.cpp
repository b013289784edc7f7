#include "../vault/VaultTestSupport.h"
#include "KeyJobWait.h"
#include "KeyringSession.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "SecretSearch.h"
#include "net/HttpClient.h"
#include "services/DashVectorService.h"
#include "services/ModelStudioService.h"
#include "services/OceanBaseService.h"
#include "services/RamService.h"
#include "services/TablestoreService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// DESIGN.md §4 for the whole console core: a full create, reveal, test and delete cycle on
// every service, with the profiles' own secrets and kept copies of the created values in the
// real Secret Service and the console passphrase set and checked, under a throwaway HOME
// (tests/support/with-keyring, KeyringSession.h). After each cycle every file under HOME and
// the keyring's runtime directory is searched for every secret used so far, raw and encoded
// (SecretSearch.h): none may be found. The sandbox keeps its data (it stores keys, as the
// services do) outside that HOME. Every service's value is kept in the vault, even where the
// console would read it from the service again, to give the keyring more to hold.
class TestNoSecretsOnDisk : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    SandboxFixture m_sandbox; // its data directory is made now, before TMPDIR moves into HOME
    HttpClient m_client;
    CredentialVault m_vault;
    ConsolePassphrase m_passphrase;
    const QByteArray m_passphraseValue = "no-secrets-on-disk passphrase 4471";
    QString m_home;
    QStringList m_roots; // what is searched
    QList<NamedSecret> m_secrets; // every secret used so far

    void use(const QString &name, const QByteArray &value)
    {
        QVERIFY2(value.size() >= 8, qPrintable(name)); // shorter would match by chance
        m_secrets.append({name, value});
    }

    // The account's root AccessKey secret and, with an MFA device, its TOTP secret, raw and
    // as the sandbox hands it out (base32).
    void useAccount(const QString &service, const SandboxAccount &account)
    {
        use(service + u" root AccessKey secret"_s, account.root.accessKeySecret);
        if (!account.mfaSecret.isEmpty()) {
            use(service + u" TOTP secret"_s, account.mfaSecret);
            use(service + u" TOTP secret (base32)"_s,
                account.details.value(u"mfaSecret"_s).toString().toLatin1());
        }
    }

    // What the console does with a profile before it makes the adapter: its secret goes to
    // the vault, and the adapter gets it from there.
    QByteArray storeProfileSecret(const QString &profileId, const QByteArray &secret)
    {
        const QString key = CredentialVault::accessKeySecretKey();
        const JobResult written = runJob(m_vault.writeSecret(profileId, key, secret));
        if (written.vaultError != VaultJob::Error::NoError)
            qWarning("writing the profile secret: %s", qPrintable(written.errorString));
        return runJob(m_vault.readSecret(profileId, key)).secret;
    }

    // A kept copy of a created value (docs/vault.md), shown again only after the passphrase.
    void keepAndShowAgain(const QString &profileId, const KeyJobResult &created)
    {
        const QString key = CredentialVault::keptCopyKey(created.key.id);
        const JobResult kept = runJob(m_vault.writeSecret(profileId, key, created.secret));
        QVERIFY2(kept.vaultError == VaultJob::Error::NoError, qPrintable(kept.errorString));
        const JobResult verified = runJob(m_passphrase.verify(m_passphraseValue));
        QVERIFY2(verified.passphraseError == PassphraseJob::Error::NoError,
                 qPrintable(verified.errorString));
        const JobResult shown = runJob(m_vault.readSecret(profileId, key));
        QVERIFY2(shown.vaultError == VaultJob::Error::NoError, qPrintable(shown.errorString));
        QCOMPARE(shown.secret, created.secret);
    }

    // Deleting a key deletes its kept copy.
    void forgetKeptCopy(const QString &profileId, const QString &keyId)
    {
        const JobResult removed
            = runJob(m_vault.deleteSecret(profileId, CredentialVault::keptCopyKey(keyId)));
        QVERIFY2(removed.vaultError == VaultJob::Error::NoError, qPrintable(removed.errorString));
    }

    void verifyNothingOnDisk()
    {
        // The search must cover where the data went: the keyring file is under HOME.
        const QStringList files = filesUnder(m_roots);
        const QString keyring = m_home + u"/.local/share/keyrings/login.keyring"_s;
        QVERIFY2(files.contains(keyring), qPrintable(files.join(u", "_s)));
        QVERIFY(!m_secrets.isEmpty());
        const QStringList found = findSecrets(m_roots, m_secrets);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u"; "_s)));
    }

    // A profile of the account's root AccessKey on this service; the account's secrets count
    // as used.
    Profile rootProfile(ServiceKind service, const QUrl &endpoint, const SandboxAccount &account)
    {
        const QString name = serviceDisplayName(service);
        useAccount(name, account);
        Profile profile
            = sandboxProfile(service, endpoint, QString::fromLatin1(account.root.accessKeyId));
        profile.id = name.toLower().remove(u' ');
        return profile;
    }

    // The adapter, made as the console makes it: with the secret it stored in the vault.
    template<typename Service>
    std::unique_ptr<Service> adapter(const Profile &profile, const QByteArray &secret)
    {
        return std::make_unique<Service>(profile, storeProfileSecret(profile.id, secret),
                                         &m_client);
    }

    // One key's life as the console leads it, asking the adapter what its service can do:
    // create, keep a copy and show it again, show the value from the service where it can
    // (with the account's MFA code where it asks), test it, disable it where it can, delete it
    // (with a code where it asks). The disk is searched with the key alive and once it is gone.
    void fullCycle(KeyService &service, const CreateKeyRequest &request,
                   const SandboxAccount &account)
    {
        const ServiceCapabilities can = service.capabilities();
        const QString name = serviceDisplayName(service.kind());
        const KeyJobResult created = await(service.createKey(request));
        expectOk(created);
        if (QTest::currentTestFailed())
            return;
        use(u"created "_s + name + u" key"_s, created.secret);
        keepAndShowAgain(service.profile().id, created);
        if (can.valueReadableAgain) {
            const QString code = can.revealNeedsVerification ? m_sandbox.totp(account) : QString();
            const KeyJobResult revealed = await(service.revealKey(created.key.id, code));
            expectOk(revealed);
            QCOMPARE(revealed.secret, created.secret);
        }
        // RAM's "key" is the pair, AccessKey id and secret.
        const QByteArray value = service.kind() == ServiceKind::Ram
            ? RamService::testValue(created.key.id, created.secret)
            : created.secret;
        expectOk(await(service.testKey(value)));
        verifyNothingOnDisk();

        if (can.canDisable) // the console offers delete only for a disabled key
            expectOk(await(service.setKeyEnabled(created.key.id, false)));
        // Each code is good once: the delete takes the next one.
        const QString code = can.deleteNeedsVerification ? m_sandbox.totp(account, 1) : QString();
        expectOk(await(service.deleteKey(created.key.id, code)));
        forgetKeptCopy(service.profile().id, created.key.id);
        verifyNothingOnDisk();
    }

    static bool isUnder(const QString &path, const QString &root)
    {
        return QDir::cleanPath(path).startsWith(QDir::cleanPath(root) + u'/');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QCoreApplication::setOrganizationName(u"KeyDesk"_s); // as the console (app/main.cpp)
        QCoreApplication::setApplicationName(u"KeyDesk"_s);
        m_home = QDir::cleanPath(qEnvironmentVariable("HOME"));
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY2(!isUnder(m_sandbox.dataDir(), m_home), "the sandbox's data is in HOME");
        QVERIFY(trustSandbox(m_client, m_sandbox));

        // Everything this process might write goes into HOME. The sandbox, started above,
        // keeps its own TMPDIR; the keyring daemon keeps its runtime directory, searched too.
        for (const char *variable :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            QVERIFY2(isUnder(qEnvironmentVariable(variable), m_home), variable);
        }
        m_roots = {m_home};
        const QString keyringRuntime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!keyringRuntime.isEmpty() && !isUnder(keyringRuntime, m_home))
            m_roots.append(keyringRuntime);
        for (const QString &dir : {u"/tmp"_s, u"/run"_s}) {
            QVERIFY(QDir().mkpath(m_home + dir));
            QVERIFY(QFile::setPermissions(m_home + dir,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        qputenv("TMPDIR", (m_home + u"/tmp"_s).toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", (m_home + u"/run"_s).toLocal8Bit());
        QCOMPARE(QDir::cleanPath(QDir::tempPath()), m_home + u"/tmp"_s);

        use(u"console passphrase"_s, m_passphraseValue);
        const JobResult set = runJob(m_passphrase.setInitial(m_passphraseValue));
        QVERIFY2(set.passphraseError == PassphraseJob::Error::NoError, qPrintable(set.errorString));
    }

    // The search itself must find a secret, raw or inside base64 at any offset.
    void searchFindsAPlantedSecret()
    {
        const QList<NamedSecret> planted {{u"planted"_s, "planted-Secret-value-0123456789"}};
        const QString raw = m_home + u"/.cache/planted-raw"_s;
        const QString encoded = m_home + u"/.config/planted-base64"_s;
        QVERIFY(QDir().mkpath(m_home + u"/.cache"_s) && QDir().mkpath(m_home + u"/.config"_s));
        QFile rawFile(raw);
        QVERIFY(rawFile.open(QIODevice::WriteOnly));
        rawFile.write("before " + planted[0].value + " after");
        rawFile.close();
        QFile encodedFile(encoded);
        QVERIFY(encodedFile.open(QIODevice::WriteOnly));
        // The value at offset 7 of the encoded bytes, not at the start of a base64 group.
        const QByteArray json = "{\"id\":\"" + planted[0].value + "\"}";
        encodedFile.write(json.toBase64());
        encodedFile.close();
        QStringList found = findSecrets(m_roots, planted);
        found.sort();
        QCOMPARE(found, (QStringList {raw + u": planted"_s, encoded + u": planted"_s}));
        QVERIFY(rawFile.remove());
        QVERIFY(encodedFile.remove());
        QVERIFY(findSecrets(m_roots, planted).isEmpty());
    }

    void ramAccessKey()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const Profile profile = rootProfile(ServiceKind::Ram, m_sandbox.http(), account);
        fullCycle(*adapter<RamService>(profile, account.root.accessKeySecret), {}, account);
    }

    void modelStudioKey()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        Profile profile = rootProfile(ServiceKind::ModelStudio, m_sandbox.http(), account);
        profile.workspaceId = account.details[u"modelStudio"_s][u"defaultWorkspaceId"_s].toString();
        fullCycle(*adapter<ModelStudioService>(profile, account.root.accessKeySecret),
                  {u"no secrets on disk"_s, {}, {}, {}, {}}, account);
    }

    void dashVectorKey()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const Profile profile = rootProfile(ServiceKind::DashVector, m_sandbox.http(), account);
        fullCycle(*adapter<DashVectorService>(profile, account.root.accessKeySecret),
                  {u"no secrets on disk"_s, {}, {}, {}, {}}, account);
    }

    void tablestoreKey()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        Profile profile = rootProfile(ServiceKind::Tablestore, m_sandbox.https(), account);
        profile.instanceName = account.details[u"tablestore"_s][u"instanceName"_s].toString();
        const QDateTime inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600);
        fullCycle(*adapter<TablestoreService>(profile, account.root.accessKeySecret),
                  {u"no secrets on disk"_s, inAnHour, {}, {}, {}}, account);
    }

    // OceanBase signs with an AccessKey of its own (HTTP Digest), not the Alibaba Cloud one.
    void oceanBaseKey()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QJsonObject ob = account.details[u"oceanbase"_s].toObject();
        Profile profile = rootProfile(ServiceKind::OceanBase, m_sandbox.https(), account);
        profile.accessKeyId = ob[u"accessKeyId"_s].toString();
        profile.orgId = ob[u"orgId"_s].toString();
        profile.projectId = ob[u"projectId"_s].toString();
        const QByteArray secret = ob[u"accessKeySecret"_s].toString().toLatin1();
        use(u"OceanBase AccessKey secret"_s, secret);
        fullCycle(*adapter<OceanBaseService>(profile, secret),
                  {u"no-secrets-on-disk"_s, {}, u"read"_s, {}, {}}, account);
    }
};

QTEST_GUILESS_MAIN(TestNoSecretsOnDisk)
#include "TestNoSecretsOnDisk.moc"
