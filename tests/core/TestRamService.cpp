#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/RamService.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

Q_DECLARE_METATYPE(keydesk::KeyError::Kind)

// The RAM adapter (RAM 2015-05-01, protocols.md §2) against a real sandbox: seed 004's rules
// as typed KeyErrors.
class TestRamService : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    std::unique_ptr<RamService> service(const protocol::AcsCredentials &credentials,
                                        const QUrl &endpoint = {})
    {
        const Profile profile
            = sandboxProfile(ServiceKind::Ram, endpoint.isEmpty() ? m_sandbox.http() : endpoint,
                             QString::fromLatin1(credentials.accessKeyId));
        return std::make_unique<RamService>(profile, credentials.accessKeySecret, &m_client);
    }

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, u"2015-05-01"_s, action, params);
    }

    static KeyJobResult create(RamService &ram, const QString &owner = {})
    {
        CreateKeyRequest request;
        request.owner = owner;
        return await(ram.createKey(request));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void capabilitiesDescribeRam()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const ServiceCapabilities capabilities = service(account.root)->capabilities();
        QVERIFY(capabilities.canDisable);
        QVERIFY(capabilities.hasOwners);
        QVERIFY(!capabilities.valueReadableAgain);
        QVERIFY(!capabilities.revealNeedsVerification);
        QVERIFY(!capabilities.deleteNeedsVerification);
        QVERIFY(!capabilities.hasExpiry);
        QVERIFY(!capabilities.hasWorkspaces);
        QVERIFY(!capabilities.rootAccountOnly);
        QVERIFY(capabilities.permissions.isEmpty());
        QVERIFY(!capabilities.hasTemporaryKeys);
        QVERIFY(capabilities.ownerChosenOnCreate);
        QCOMPARE(capabilities.maxNameLength, 0); // AccessKeys have no name
        // What it cannot do, it says without sending anything.
        expectLocal(await(service(account.root, closedPort())->createTemporaryKey("x", 60)),
                    KeyError::Kind::NotPermitted);
        expectLocal(await(service(account.root, closedPort())->revealKey(u"id"_s, {})),
                    KeyError::Kind::NotPermitted);
    }

    void listHasTheRootAccountsAndEveryUsersKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto bob = m_sandbox.createRamUser(account, u"bob"_s);
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        const HttpResult second
            = ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, u"bob"_s}});
        QCOMPARE(second.status, 200);
        const QString bobSecond = second.json[u"AccessKey"_s][u"AccessKeyId"_s].toString();
        ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"carol"_s}}); // no keys

        auto root = service(account.root);
        QCOMPARE(root->caller(), RamService::Caller::Unknown);
        const KeyJobResult result = await(root->listKeys());
        expectOk(result);
        const QList<ApiKey> &keys = result.list.keys;
        // The root account's first, then the users in ListUsers' order, keys as created.
        // bob's two keys: by creation date, then id (made within the same second or not).
        QStringList bobs {QString::fromLatin1(bob.accessKeyId), bobSecond};
        if (keys.size() == 4 && keys[2].created == keys[3].created)
            bobs.sort();
        const QStringList ids {QString::fromLatin1(account.root.accessKeyId),
                               QString::fromLatin1(alice.accessKeyId), bobs[0], bobs[1]};
        const QStringList owners {QString(), u"alice"_s, u"bob"_s, u"bob"_s};
        QCOMPARE(keys.size(), ids.size());
        const QDateTime now = QDateTime::fromSecsSinceEpoch(m_sandbox.serverNowSeconds());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            QCOMPARE(keys[i].id, ids[i]);
            QCOMPARE(keys[i].owner, owners[i]);
            QCOMPARE(keys[i].service, ServiceKind::Ram);
            QCOMPARE(keys[i].status, KeyStatus::Active);
            QVERIFY(keys[i].created.isValid());
            QVERIFY(qAbs(keys[i].created.secsTo(now)) < 600);
            QVERIFY(!keys[i].expires.isValid());
            QVERIFY(keys[i].maskedValue.isEmpty()); // nothing of the secret, not even masked
        }
        QCOMPARE(result.list.usage.keyCount, 4);
        QCOMPARE(result.progressDone, 4); // ListAccessKeys: the caller and three users
        QCOMPARE(result.progressTotal, 4);
        QCOMPARE(root->caller(), RamService::Caller::RootAccount);
    }

    void listPagesThroughManyUsers_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("maxInFlight");
        QTest::newRow("pages of 3, one call at a time") << 3 << 1;
        QTest::newRow("pages of 4, eight at once") << 4 << 8;
        QTest::newRow("one page") << 1000 << 8;
    }

    void listPagesThroughManyUsers()
    {
        QFETCH(int, pageSize);
        QFETCH(int, maxInFlight);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QStringList expected {QString::fromLatin1(account.root.accessKeyId)};
        for (int i = 0; i < 11; ++i)
            expected.append(QString::fromLatin1(
                m_sandbox.createRamUser(account, u"user%1"_s.arg(i, 2, 10, QChar(u'0')))
                    .accessKeyId));
        auto root = service(account.root);
        root->setListPageSize(pageSize);
        root->setMaxInFlight(maxInFlight);
        const KeyJobResult result = await(root->listKeys());
        expectOk(result);
        QStringList ids;
        for (const ApiKey &key : result.list.keys)
            ids.append(key.id);
        QCOMPARE(ids, expected);
        QCOMPARE(result.list.keys.last().owner, u"user10"_s);
    }

    void listOverHttps()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        m_sandbox.createRamUser(account, u"alice"_s);
        const KeyJobResult result = await(service(account.root, m_sandbox.https())->listKeys());
        expectOk(result);
        QCOMPARE(result.list.keys.size(), 2);
    }

    // A client that does not trust the sandbox reaches it with the profile's own CA.
    void listOverHttpsWithTheProfilesCa()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        HttpClient untrusting;
        Profile profile = sandboxProfile(ServiceKind::Ram, m_sandbox.https(),
                                         QString::fromLatin1(account.root.accessKeyId));
        RamService refused(profile, account.root.accessKeySecret, &untrusting);
        const KeyJobResult refusedResult = await(refused.listKeys());
        QCOMPARE(refusedResult.error.kind, KeyError::Kind::Tls);
        QVERIFY(refusedResult.error.details.contains(u"SHA-256"_s));
        profile.caCertificatePath = QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
        RamService trusted(profile, account.root.accessKeySecret, &untrusting);
        const KeyJobResult result = await(trusted.listKeys());
        expectOk(result);
        QCOMPARE(result.list.keys.size(), 1);
    }

    void createAnswersTheSecretOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        m_sandbox.createRamUser(account, u"alice"_s);
        auto root = service(account.root);
        const KeyJobResult created = create(*root, u"alice"_s);
        expectOk(created);
        QVERIFY(!created.key.id.isEmpty());
        QCOMPARE(created.key.owner, u"alice"_s);
        QCOMPARE(created.key.status, KeyStatus::Active);
        QVERIFY(created.key.created.isValid());
        QVERIFY(created.secret.size() >= 20);

        // The pair works, and nothing that lists keys holds the secret again.
        expectOk(await(root->testKey(RamService::testValue(created.key.id, created.secret))));
        // The secret alone (a kept copy) is tested with the listed key's id; a pasted pair too.
        expectOk(await(root->testKeyOf(created.key, created.secret)));
        expectOk(await(
            root->testKeyOf(created.key, RamService::testValue(created.key.id, created.secret))));
        QByteArray wrong = created.secret;
        wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
        QCOMPARE(await(root->testKeyOf(created.key, wrong)).error.kind,
                 KeyError::Kind::Credentials);
        const KeyJobResult listed = await(root->listKeys());
        expectOk(listed);
        const ApiKey *key = findKey(listed.list, created.key.id);
        QVERIFY(key);
        QCOMPARE(key->owner, u"alice"_s);
        QCOMPARE(key->created, created.key.created);
        const QString secret = QString::fromLatin1(created.secret);
        for (const ApiKey &each : listed.list.keys) {
            for (const QString &field : {each.id, each.name, each.maskedValue, each.owner})
                QVERIFY(!field.contains(secret));
        }
        const HttpResult raw
            = ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"alice"_s}});
        QVERIFY(!raw.body.contains(created.secret));
    }

    void createForTheCallerHasNoOwner()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto root = service(account.root);
        const KeyJobResult created = create(*root);
        expectOk(created);
        QVERIFY(created.key.owner.isEmpty());
        const KeyJobResult listed = await(root->listKeys());
        const ApiKey *key = findKey(listed.list, created.key.id);
        QVERIFY(key);
        QVERIFY(key->owner.isEmpty());
    }

    void aThirdKeyIsLimitReached_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::newRow("RAM user") << u"alice"_s;
        QTest::newRow("root account") << QString();
    }

    void aThirdKeyIsLimitReached()
    {
        QFETCH(QString, owner);
        const SandboxAccount account = m_sandbox.createAccount(false);
        m_sandbox.createRamUser(account, u"alice"_s); // alice and the root account: one key each
        auto root = service(account.root);
        expectOk(create(*root, owner));
        expectError(create(*root, owner), KeyError::Kind::LimitReached,
                    u"LimitExceeded.User.AccessKey"_s, 409);
        const KeyJobResult listed = await(root->listKeys());
        int owned = 0;
        for (const ApiKey &key : listed.list.keys)
            owned += key.owner == owner ? 1 : 0;
        QCOMPARE(owned, RamService::kMaxKeysPerOwner);
    }

    void createForAMissingUserIsNotFound()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        expectError(create(*service(account.root), u"nobody"_s), KeyError::Kind::NotFound,
                    u"EntityNotExist.User"_s, 404);
    }

    void disabledKeyIsInactiveAndFailsItsTest()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        m_sandbox.createRamUser(account, u"alice"_s);
        auto root = service(account.root);
        const KeyJobResult created = create(*root, u"alice"_s);
        expectOk(created);
        const QByteArray pair = RamService::testValue(created.key.id, created.secret);

        const KeyJobResult disabled = await(root->setKeyEnabled(created.key.id, false));
        expectOk(disabled);
        QCOMPARE(disabled.key.status, KeyStatus::Inactive);
        KeyJobResult listed = await(root->listKeys());
        QCOMPARE(findKey(listed.list, created.key.id)->status, KeyStatus::Inactive);
        expectError(await(root->testKey(pair)), KeyError::Kind::Credentials,
                    u"InvalidAccessKeyId.Inactive"_s, 400);

        expectOk(await(root->setKeyEnabled(created.key.id, true)));
        listed = await(root->listKeys());
        QCOMPARE(findKey(listed.list, created.key.id)->status, KeyStatus::Active);
        expectOk(await(root->testKey(pair)));
    }

    void ownersAreRememberedFromTheList()
    {
        // A new adapter knows nothing of bob's key until it lists: the list tells it the owner
        // that UpdateAccessKey must name.
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QString bobKey
            = QString::fromLatin1(m_sandbox.createRamUser(account, u"bob"_s).accessKeyId);
        auto root = service(account.root);
        expectError(await(root->setKeyEnabled(bobKey, false)), KeyError::Kind::NotFound,
                    u"EntityNotExist.User.AccessKey"_s, 404);
        expectOk(await(root->listKeys()));
        expectOk(await(root->setKeyEnabled(bobKey, false)));
        const HttpResult raw = ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"bob"_s}});
        QCOMPARE(raw.json[u"AccessKeys"_s][u"AccessKey"_s][0][u"Status"_s].toString(),
                 u"Inactive"_s);
    }

    void deleteRemovesTheKey()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        m_sandbox.createRamUser(account, u"alice"_s);
        auto root = service(account.root);
        const KeyJobResult created = create(*root, u"alice"_s);
        expectOk(created);
        expectOk(await(root->deleteKey(created.key.id, u"ignored"_s)));
        const KeyJobResult listed = await(root->listKeys());
        expectOk(listed);
        QVERIFY(!findKey(listed.list, created.key.id));
        QCOMPARE(listed.list.keys.size(), 2); // the root account's and alice's first
        expectError(await(root->testKey(RamService::testValue(created.key.id, created.secret))),
                    KeyError::Kind::Credentials, u"InvalidAccessKeyId.NotFound"_s, 404);
        expectError(await(root->deleteKey(created.key.id, {})), KeyError::Kind::NotFound,
                    u"EntityNotExist.User.AccessKey"_s, 404);
    }

    void ramUserSeesOnlyItsOwnKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        m_sandbox.createRamUser(account, u"bob"_s);
        auto asAlice = service(alice);
        const KeyJobResult created = create(*asAlice);
        expectOk(created);

        const KeyJobResult listed = await(asAlice->listKeys());
        expectOk(listed);
        QCOMPARE(asAlice->caller(), RamService::Caller::RamUser);
        QCOMPARE(listed.list.keys.size(), 2);
        QVERIFY(findKey(listed.list, QString::fromLatin1(alice.accessKeyId)));
        QVERIFY(findKey(listed.list, created.key.id));
        QCOMPARE(listed.list.usage.keyCount, 2);
        QCOMPARE(listed.list.usage.maxKeys, RamService::kMaxKeysPerOwner);

        expectError(create(*asAlice, u"bob"_s), KeyError::Kind::NotPermitted, u"NoPermission"_s,
                    403);
        expectError(create(*asAlice), KeyError::Kind::LimitReached,
                    u"LimitExceeded.User.AccessKey"_s, 409);
        // Its own keys it manages without naming itself.
        expectOk(await(asAlice->setKeyEnabled(created.key.id, false)));
        expectOk(await(asAlice->deleteKey(created.key.id, {})));
    }

    void callerTellsTheRootAccountFromARamUser()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        auto root = service(account.root);
        auto asAlice = service(alice);
        expectOk(await(root->listKeys()));
        expectOk(await(asAlice->listKeys()));
        QCOMPARE(root->caller(), RamService::Caller::RootAccount);
        QCOMPARE(asAlice->caller(), RamService::Caller::RamUser);
    }

    void testKeyChecksThePair_data()
    {
        QTest::addColumn<int>("pair");
        QTest::addColumn<KeyError::Kind>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("good") << 0 << KeyError::Kind::None << QString();
        QTest::newRow("wrong secret")
            << 1 << KeyError::Kind::Credentials << u"SignatureDoesNotMatch"_s;
        QTest::newRow("unknown id")
            << 2 << KeyError::Kind::Credentials << u"InvalidAccessKeyId.NotFound"_s;
        QTest::newRow("no colon") << 3 << KeyError::Kind::InvalidInput << QString();
        QTest::newRow("no secret") << 4 << KeyError::Kind::InvalidInput << QString();
        QTest::newRow("id with a line break") << 5 << KeyError::Kind::InvalidInput << QString();
    }

    void testKeyChecksThePair()
    {
        QFETCH(int, pair);
        QFETCH(KeyError::Kind, kind);
        QFETCH(QString, code);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        const QString id = QString::fromLatin1(alice.accessKeyId);
        const QList<QByteArray> values {
            RamService::testValue(id, alice.accessKeySecret),
            RamService::testValue(id, alice.accessKeySecret + "x"),
            RamService::testValue(u"LTAI5tNoSuchKey000000000"_s, alice.accessKeySecret),
            alice.accessKeySecret,
            RamService::testValue(id, {}),
            "LTAI\r\nx-evil: 1:" + alice.accessKeySecret};
        // A RAM user's profile tests any pair: the pair signs, not the profile.
        const KeyJobResult result = await(service(alice)->testKey(values[pair]));
        QVERIFY(result.finished);
        QVERIFY2(result.error.kind == kind, qPrintable(result.error.summary()));
        QCOMPARE(result.error.serviceCode, code);
        QVERIFY(!result.error.message.contains(QString::fromLatin1(alice.accessKeySecret)));
    }

    void wrongProfileSecretIsCredentials()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        protocol::AcsCredentials wrong = account.root;
        wrong.accessKeySecret = "not-the-secret";
        expectError(await(service(wrong)->listKeys()), KeyError::Kind::Credentials,
                    u"SignatureDoesNotMatch"_s, 400);
    }

    void cancelledListFinishesOnceAsCancelled()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        for (int i = 0; i < 5; ++i)
            m_sandbox.createRamUser(account, u"user%1"_s.arg(i));
        auto root = service(account.root);
        KeyJob *job = root->listKeys();
        KeyJobResult result;
        collect(job, result);
        QSignalSpy finished(job, &KeyJob::finished);
        job->cancel();
        QVERIFY(QTest::qWaitFor([&result] { return result.finished; }, 10000));
        QCOMPARE(result.error.kind, KeyError::Kind::Cancelled);
        QVERIFY(result.list.keys.isEmpty());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(root->caller(), RamService::Caller::Unknown);
    }
};

QTEST_MAIN(TestRamService)
#include "TestRamService.moc"
