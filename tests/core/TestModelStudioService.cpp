#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/ModelStudioService.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

Q_DECLARE_METATYPE(keydesk::KeyError::Kind)

namespace {

struct WorkspaceResult
{
    bool finished = false;
    KeyError error;
    QList<ModelStudioWorkspace> workspaces;
};

WorkspaceResult await(WorkspaceListJob *job)
{
    WorkspaceResult result;
    const QMetaObject::Connection connection
        = QObject::connect(job, &WorkspaceListJob::finished, [&result](WorkspaceListJob *done) {
              result.finished = true;
              result.error = done->error();
              result.workspaces = done->workspaces();
          });
    if (!QTest::qWaitFor([&result] { return result.finished; }, 10000))
        qWarning("The job did not finish within 10 s.");
    QObject::disconnect(connection);
    return result;
}

} // namespace

// The Model Studio adapter (MaaS 2026-03-18 and the DashScope data plane) against a real
// sandbox: every rule of seed 003 surfaces as a typed KeyError.
class TestModelStudioService : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    const QString m_version = u"2026-03-18"_s;

    static QString defaultWorkspace(const SandboxAccount &account)
    {
        return account.details[u"modelStudio"_s][u"defaultWorkspaceId"_s].toString();
    }

    std::unique_ptr<ModelStudioService> service(const protocol::AcsCredentials &credentials,
                                                const QString &workspaceId = {},
                                                const QUrl &endpoint = {})
    {
        Profile profile = sandboxProfile(ServiceKind::ModelStudio,
                                         endpoint.isEmpty() ? m_sandbox.http() : endpoint,
                                         QString::fromLatin1(credentials.accessKeyId));
        profile.workspaceId = workspaceId;
        return std::make_unique<ModelStudioService>(profile, credentials.accessKeySecret,
                                                    &m_client);
    }

    KeyJobResult create(ModelStudioService &studio, const QString &description,
                        const QString &workspaceId = {})
    {
        CreateKeyRequest request;
        request.name = description;
        request.workspaceId = workspaceId;
        return await(studio.createKey(request));
    }

    QString createWorkspace(const SandboxAccount &account, const QString &name)
    {
        const HttpResult result
            = m_sandbox.net().roa(m_sandbox.http(), account.root, m_version, u"CreateWorkspace"_s,
                                  "POST", "/maas/workspaces", {{u"workspaceName"_s, name}});
        return result.json[u"workspace"_s][u"workspaceId"_s].toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void capabilitiesDescribeModelStudio()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const ServiceCapabilities capabilities = service(account.root)->capabilities();
        QVERIFY(capabilities.valueReadableAgain);
        QVERIFY(capabilities.hasWorkspaces);
        QVERIFY(capabilities.hasOwners);
        QVERIFY(capabilities.hasTemporaryKeys);
        QVERIFY(!capabilities.revealNeedsVerification);
        QVERIFY(!capabilities.deleteNeedsVerification);
        QVERIFY(!capabilities.rootAccountOnly);
        QVERIFY(!capabilities.hasExpiry);
        QVERIFY(!capabilities.canDisable);
        QCOMPARE(capabilities.maxNameLength, 200); // the description
        QVERIFY(!capabilities.nameRequired);
        // Keys belong to the account or a RAM user, but a create makes the caller's.
        QVERIFY(!capabilities.ownerChosenOnCreate);
    }

    void createListRevealDelete()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto studio = service(account.root, defaultWorkspace(account));
        const KeyJobResult created = create(*studio, u"backend"_s);
        expectOk(created);
        const QString value = QString::fromLatin1(created.secret);
        QVERIFY2(QRegularExpression(u"^sk-[0-9a-f]{32}$"_s).match(value).hasMatch(),
                 "the created value");
        QVERIFY(!created.key.id.isEmpty());
        QCOMPARE(created.key.service, ServiceKind::ModelStudio);
        QCOMPARE(created.key.name, u"backend"_s);
        QCOMPARE(created.key.maskedValue, u"sk-****"_s + value.right(4));
        QCOMPARE(created.key.workspaceId, defaultWorkspace(account));
        QVERIFY(created.key.owner.isEmpty()); // the root account
        QVERIFY(qAbs(created.key.created.toSecsSinceEpoch() - m_sandbox.serverNowSeconds()) < 10);

        const KeyJobResult listed = await(studio->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 1);
        const ApiKey &key = listed.list.keys.first();
        QCOMPARE(key.id, created.key.id);
        QCOMPARE(key.maskedValue, created.key.maskedValue);
        QVERIFY(!key.maskedValue.contains(value));
        QCOMPARE(key.status, KeyStatus::Active);
        QVERIFY(key.owner.isEmpty());
        QCOMPARE(key.created, created.key.created);
        QVERIFY(listed.secret.isEmpty());
        QCOMPARE(listed.list.usage.keyCount, 1);
        QCOMPARE(listed.list.usage.maxKeys, 20);

        // No verification code on the service side: the console checks the person itself.
        const KeyJobResult revealed = await(studio->revealKey(created.key.id, {}));
        expectOk(revealed);
        QCOMPARE(revealed.secret, created.secret);
        QCOMPARE(revealed.key.id, created.key.id);

        expectOk(await(studio->deleteKey(created.key.id, {})));
        const KeyJobResult after = await(studio->listKeys());
        expectOk(after);
        QVERIFY(after.list.keys.isEmpty());
        QCOMPARE(after.list.usage.keyCount, 0);
        expectError(await(studio->revealKey(created.key.id, {})), KeyError::Kind::NotFound,
                    u"EntityNotExist.ApiKey"_s, 404);
        expectError(await(studio->deleteKey(created.key.id, {})), KeyError::Kind::NotFound,
                    u"EntityNotExist.ApiKey"_s, 404);
    }

    void listFollowsPagesAcrossWorkspaces()
    {
        // 105 keys need two pages of 100; no workspace in the profile lists them all.
        const SandboxAccount account = m_sandbox.createAccount();
        QStringList workspaces {defaultWorkspace(account)};
        for (int i = 1; i < 6; ++i)
            workspaces << createWorkspace(account, u"team %1"_s.arg(i));
        QSet<QString> ids;
        for (int i = 0; i < 105; ++i) {
            const HttpResult result
                = m_sandbox.net().roa(m_sandbox.http(), account.root, m_version, u"CreateApiKey"_s,
                                      "POST", "/maas/apikeys",
                                      {{u"description"_s, u"key %1"_s.arg(i)},
                                       {u"workspaceId"_s, workspaces.at(i % workspaces.size())}});
            QVERIFY2(result.status == 200, result.body.constData());
            ids.insert(QString::number(result.json[u"apiKey"_s][u"apiKeyId"_s].toInteger()));
        }
        const KeyJobResult listed = await(service(account.root)->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 105);
        QSet<QString> seen;
        for (const ApiKey &key : listed.list.keys)
            seen.insert(key.id);
        QCOMPARE(seen, ids);
        QCOMPARE(listed.list.usage.keyCount, -1); // the limit is per workspace
        QCOMPARE(listed.list.usage.maxKeys, 20);
    }

    void workspacesSeparateKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString team = createWorkspace(account, u"team"_s);
        QVERIFY(team.startsWith(u"llm-"_s));
        const auto inDefault = service(account.root, defaultWorkspace(account));
        expectOk(create(*inDefault, u"default 1"_s));
        expectOk(create(*inDefault, u"default 2"_s));
        // The request's workspace wins over the profile's.
        const KeyJobResult teamKey = create(*inDefault, u"team 1"_s, team);
        expectOk(teamKey);
        QCOMPARE(teamKey.key.workspaceId, team);

        const KeyJobResult defaultList = await(inDefault->listKeys());
        expectOk(defaultList);
        QCOMPARE(defaultList.list.keys.size(), 2);
        QCOMPARE(defaultList.list.usage.keyCount, 2);
        const KeyJobResult teamList = await(service(account.root, team)->listKeys());
        expectOk(teamList);
        QCOMPARE(teamList.list.keys.size(), 1);
        QCOMPARE(teamList.list.keys.first().workspaceId, team);
        QCOMPARE(teamList.list.usage.keyCount, 1);

        expectError(create(*inDefault, u"nowhere"_s, u"llm-doesnotexist"_s),
                    KeyError::Kind::NotFound, u"EntityNotExist.Workspace"_s, 404);
    }

    void twentyKeysPerWorkspace()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto studio = service(account.root, defaultWorkspace(account));
        for (int i = 0; i < 20; ++i)
            expectOk(create(*studio, u"key %1"_s.arg(i)));
        const KeyJobResult refused = create(*studio, u"one too many"_s);
        expectError(refused, KeyError::Kind::LimitReached, u"LimitExceeded.ApiKey"_s, 409);
        QVERIFY(refused.secret.isEmpty());
        const KeyJobResult listed = await(studio->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.usage.keyCount, 20);
        QCOMPARE(listed.list.usage.maxKeys, 20);
        // Another workspace has its own 20.
        expectOk(create(*studio, u"elsewhere"_s, createWorkspace(account, u"other"_s)));
    }

    void ramUserSeesOnlyItsOwnKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto root = service(account.root, defaultWorkspace(account));
        const auto alice
            = service(m_sandbox.createRamUser(account, u"alice"_s), defaultWorkspace(account));
        const KeyJobResult rootKey = create(*root, u"root's"_s);
        expectOk(rootKey);
        const KeyJobResult aliceKey = create(*alice, u"alice's"_s);
        expectOk(aliceKey);
        QCOMPARE(aliceKey.key.owner, u"alice"_s);

        const KeyJobResult aliceList = await(alice->listKeys());
        expectOk(aliceList);
        QCOMPARE(aliceList.list.keys.size(), 1);
        QCOMPARE(aliceList.list.keys.first().id, aliceKey.key.id);
        QCOMPARE(aliceList.list.keys.first().owner, u"alice"_s);

        const KeyJobResult rootList = await(root->listKeys());
        expectOk(rootList);
        QCOMPARE(rootList.list.keys.size(), 2);
        for (const ApiKey &key : rootList.list.keys)
            QCOMPARE(key.owner, key.id == aliceKey.key.id ? u"alice"_s : QString());

        // Another's key is answered as if it did not exist.
        expectError(await(alice->revealKey(rootKey.key.id, {})), KeyError::Kind::NotFound,
                    u"EntityNotExist.ApiKey"_s, 404);
        expectError(await(alice->deleteKey(rootKey.key.id, {})), KeyError::Kind::NotFound,
                    u"EntityNotExist.ApiKey"_s, 404);
        const KeyJobResult own = await(alice->revealKey(aliceKey.key.id, {}));
        expectOk(own);
        QCOMPARE(own.secret, aliceKey.secret);
    }

    void ramUserOutsideWorkspaceIsNotPermitted()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString team = createWorkspace(account, u"team"_s);
        const auto bob = service(m_sandbox.createRamUser(account, u"bob"_s), team);
        expectError(create(*bob, u"bob's"_s), KeyError::Kind::NotPermitted, u"NoPermission"_s, 403);
    }

    void keyOfRemovedMemberIsInvalid()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto carol
            = service(m_sandbox.createRamUser(account, u"carol"_s), defaultWorkspace(account));
        const KeyJobResult key = create(*carol, u"carol's"_s);
        expectOk(key);
        const HttpResult removed = m_sandbox.net().roa(
            m_sandbox.http(), account.root, m_version, u"RemoveWorkspaceMember"_s, "DELETE",
            "/maas/workspaces/" + defaultWorkspace(account).toLatin1() + "/members/carol");
        QVERIFY2(removed.status == 200, removed.body.constData());
        const KeyJobResult listed = await(service(account.root)->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 1);
        QCOMPARE(listed.list.keys.first().status, KeyStatus::Invalid);
        expectError(await(carol->testKey(key.secret)), KeyError::Kind::Credentials,
                    u"InvalidApiKey"_s, 401);
    }

    void listWorkspaces()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString team = createWorkspace(account, u"Team"_s);
        const WorkspaceResult root = await(service(account.root)->listWorkspaces());
        QVERIFY(root.finished);
        QVERIFY2(!root.error, qPrintable(root.error.summary()));
        QCOMPARE(root.workspaces.size(), 2);
        QCOMPARE(root.workspaces.at(0).id, defaultWorkspace(account));
        QVERIFY(root.workspaces.at(0).isDefault);
        QCOMPARE(root.workspaces.at(0).region, u"ap-southeast-1"_s);
        QVERIFY(!root.workspaces.at(0).regionName.isEmpty());
        QVERIFY(!root.workspaces.at(0).apiHost.isEmpty());
        QVERIFY(root.workspaces.at(0).created.isValid());
        QCOMPARE(root.workspaces.at(1).id, team);
        QCOMPARE(root.workspaces.at(1).name, u"Team"_s);
        QVERIFY(!root.workspaces.at(1).isDefault);

        // A RAM user lists only the workspaces it belongs to.
        const WorkspaceResult dave
            = await(service(m_sandbox.createRamUser(account, u"dave"_s))->listWorkspaces());
        QVERIFY(dave.finished);
        QVERIFY2(!dave.error, qPrintable(dave.error.summary()));
        QCOMPARE(dave.workspaces.size(), 1);
        QCOMPARE(dave.workspaces.at(0).id, defaultWorkspace(account));
    }

    void testKeyAcceptsALiveKeyAndRefusesADeletedOne()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto studio = service(account.root);
        const KeyJobResult created = create(*studio, u"to delete"_s);
        expectOk(created);
        expectOk(await(studio->testKey(created.secret)));
        expectOk(await(studio->deleteKey(created.key.id, {})));
        expectError(await(studio->testKey(created.secret)), KeyError::Kind::Credentials,
                    u"InvalidApiKey"_s, 401);
    }

    void testKeyRefusesUnknownValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("made up") << "sk-00000000000000000000000000000000"_ba;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not a key") << "hello"_ba;
    }

    void testKeyRefusesUnknownValues()
    {
        QFETCH(QByteArray, value);
        const SandboxAccount account = m_sandbox.createAccount();
        expectError(await(service(account.root)->testKey(value)), KeyError::Kind::Credentials,
                    u"InvalidApiKey"_s, 401);
    }

    void testKeyRefusesValuesThatCannotBeSent()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        expectLocal(await(service(account.root, {}, closedPort())->testKey("sk-1\r\nX-Evil: 1")),
                    KeyError::Kind::InvalidInput);
    }

    void wrongSecretIsCredentials()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        protocol::AcsCredentials wrong = account.root;
        wrong.accessKeySecret = "not-the-secret";
        expectError(await(service(wrong)->listKeys()), KeyError::Kind::Credentials,
                    u"SignatureDoesNotMatch"_s, 400);
    }

    void refusedLocally_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("argument");
        QTest::newRow("reveal letters") << u"reveal"_s << u"abc"_s;
        QTest::newRow("reveal path") << u"reveal"_s << u"1/../2"_s;
        QTest::newRow("reveal zero") << u"reveal"_s << u"0"_s;
        QTest::newRow("delete empty") << u"delete"_s << QString();
        QTest::newRow("delete huge") << u"delete"_s << u"1234567890123456789"_s;
        QTest::newRow("long description") << u"create"_s << QString(201, u'x');
    }

    void refusedLocally()
    {
        QFETCH(QString, operation);
        QFETCH(QString, argument);
        const SandboxAccount account = m_sandbox.createAccount();
        const auto studio = service(account.root, {}, closedPort());
        KeyJob *job = nullptr;
        if (operation == u"reveal"_s)
            job = studio->revealKey(argument, {});
        else if (operation == u"delete"_s)
            job = studio->deleteKey(argument, {});
        else
            job = studio->createKey({argument, {}, {}, {}, {}});
        expectLocal(await(job), KeyError::Kind::InvalidInput);
    }

    void temporaryKeyBounds_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -5;
        QTest::newRow("1801") << 1801;
    }

    void temporaryKeyBounds()
    {
        QFETCH(int, seconds);
        const SandboxAccount account = m_sandbox.createAccount();
        const KeyJobResult result
            = await(service(account.root, {}, closedPort())
                        ->createTemporaryKey("sk-00000000000000000000000000000000", seconds));
        expectLocal(result, KeyError::Kind::InvalidInput);
        QVERIFY(result.error.message.contains(u"1800"_s));
        QVERIFY(result.secret.isEmpty());
    }

    // Last: it moves the sandbox's clock. The console signs with the system clock, so every
    // signed call comes before the move; the data plane's Bearer calls are not signed.
    void temporaryKeyWorksUntilItExpires()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto studio = service(account.root);
        const KeyJobResult parent = create(*studio, u"parent"_s);
        expectOk(parent);
        const KeyJobResult temporary = await(studio->createTemporaryKey(parent.secret, 60));
        expectOk(temporary);
        QVERIFY(temporary.secret.startsWith("st-"));
        QVERIFY(temporary.secretExpires.isValid());
        QVERIFY(
            qAbs(temporary.secretExpires.toSecsSinceEpoch() - (m_sandbox.serverNowSeconds() + 60))
            < 10);
        QCOMPARE(temporary.key.expires, temporary.secretExpires);
        QVERIFY(!temporary.key.maskedValue.contains(QString::fromLatin1(temporary.secret)));
        expectOk(await(studio->testKey(temporary.secret)));
        // Only a permanent key issues temporary keys.
        expectError(await(studio->createTemporaryKey(temporary.secret, 60)),
                    KeyError::Kind::Credentials, u"InvalidApiKey"_s, 401);

        // Deleting the parent does not end the temporary key: only time does.
        expectOk(await(studio->deleteKey(parent.key.id, {})));
        expectError(await(studio->testKey(parent.secret)), KeyError::Kind::Credentials,
                    u"InvalidApiKey"_s, 401);
        expectOk(await(studio->testKey(temporary.secret)));
        m_sandbox.advanceClock(61);
        expectError(await(studio->testKey(temporary.secret)), KeyError::Kind::Credentials,
                    u"InvalidApiKey"_s, 401);
    }
};

QTEST_GUILESS_MAIN(TestModelStudioService)
#include "TestModelStudioService.moc"
