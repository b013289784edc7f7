#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "protocol/KeyMask.h"
#include "services/OceanBaseService.h"

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

namespace {

// An OceanBase organization, project and AccessKey of one sandbox account.
struct ObAccount
{
    QString accessKeyId;
    QByteArray secret;
    QString orgId;
    QString projectId;
};

} // namespace

// The OceanBase Cloud MaaS adapter (POST/GET/DELETE /api/v2/maas/apikeys with HTTP Digest
// through HttpClient's QAuthenticator, and the Bearer data plane) against a real sandbox:
// seed 002's rules and the required org/project headers as typed KeyErrors.
class TestOceanBaseService : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    ObAccount newAccount()
    {
        const QJsonObject ob
            = m_sandbox.createAccount(false).details.value(u"oceanbase"_s).toObject();
        return {ob.value(u"accessKeyId"_s).toString(),
                ob.value(u"accessKeySecret"_s).toString().toLatin1(),
                ob.value(u"orgId"_s).toString(), ob.value(u"projectId"_s).toString()};
    }

    std::unique_ptr<OceanBaseService> service(const ObAccount &account,
                                              HttpClient *client = nullptr)
    {
        Profile profile
            = sandboxProfile(ServiceKind::OceanBase, m_sandbox.https(), account.accessKeyId);
        profile.dataEndpoint = m_sandbox.https();
        profile.orgId = account.orgId;
        profile.projectId = account.projectId;
        // 50 Digest-signed creates at once take over 5 s under the sanitizers (asan preset).
        profile.timeoutMs = 12000;
        return std::make_unique<OceanBaseService>(profile, account.secret,
                                                  client ? client : &m_client);
    }

    static CreateKeyRequest request(const QString &name, const QString &permission = u"read"_s)
    {
        CreateKeyRequest request;
        request.name = name;
        request.permission = permission;
        return request;
    }

    // Starts every create at once and waits for all of them.
    QList<KeyJobResult> createMany(OceanBaseService &oceanBase, int count)
    {
        QList<KeyJobResult> outcomes(count);
        int finished = 0;
        for (int i = 0; i < count; ++i) {
            KeyJob *job = oceanBase.createKey(request(u"key-%1"_s.arg(i)));
            collect(job, outcomes[i]);
            QObject::connect(job, &KeyJob::finished, job, [&finished] { ++finished; });
        }
        if (!QTest::qWaitFor([&finished, count] { return finished == count; }, 60000))
            qWarning("only %d of %d creates finished", finished, count);
        return outcomes;
    }

    static QList<QString> ids(const KeyList &list)
    {
        QList<QString> result;
        for (const ApiKey &key : list.keys)
            result.append(key.id);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
        RetryPolicy noRetries;
        noRetries.maxAttempts = 1;
        m_client.setRetryPolicy(noRetries);
    }

    // A client that does not trust the sandbox reaches it with the profile's own CA, through
    // the Digest handshake too.
    void listWithTheProfilesCa()
    {
        const ObAccount account = newAccount();
        HttpClient untrusting;
        Profile profile
            = sandboxProfile(ServiceKind::OceanBase, m_sandbox.https(), account.accessKeyId);
        profile.orgId = account.orgId;
        profile.projectId = account.projectId;
        OceanBaseService refused(profile, account.secret, &untrusting);
        const KeyJobResult refusedResult = await(refused.listKeys());
        QCOMPARE(refusedResult.error.kind, KeyError::Kind::Tls);
        QVERIFY(refusedResult.error.details.contains(u"SHA-256"_s));
        profile.caCertificatePath = QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
        OceanBaseService trusted(profile, account.secret, &untrusting);
        expectOk(await(trusted.listKeys()));
    }

    void capabilitiesDescribeOceanBase()
    {
        const ServiceCapabilities capabilities = service(newAccount())->capabilities();
        QVERIFY(!capabilities.valueReadableAgain);
        QCOMPARE(capabilities.permissions, (QStringList {u"read"_s, u"write"_s, u"all"_s}));
        QVERIFY(!capabilities.hasExpiry);
        QVERIFY(!capabilities.canDisable);
        QVERIFY(!capabilities.rootAccountOnly);
        QVERIFY(!capabilities.deleteNeedsVerification);
        QCOMPARE(capabilities.maxNameLength, 64);
        QVERIFY(capabilities.nameRequired);
    }

    // Create, list and delete, each through the Digest handshake of the console's HttpClient;
    // the value comes only with the create, the list has its masked form.
    void createListAndDeleteOverDigest()
    {
        auto oceanBase = service(newAccount());
        const KeyJobResult created
            = await(oceanBase->createKey(request(u"build-bot"_s, u"write"_s)));
        QVERIFY(created.finished);
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        QVERIFY(created.secret.startsWith("sk_"));
        QVERIFY(created.key.id.startsWith(u"ak-"_s));
        QCOMPARE(created.key.name, u"build-bot"_s);
        QCOMPARE(created.key.permission, u"write"_s);
        QCOMPARE(created.key.status, KeyStatus::Active);
        QVERIFY(created.key.created.isValid());

        const KeyJobResult listed = await(oceanBase->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(ids(listed.list), QList<QString> {created.key.id});
        const ApiKey &key = listed.list.keys.constFirst();
        QCOMPARE(key.service, ServiceKind::OceanBase);
        QCOMPARE(key.name, u"build-bot"_s);
        QCOMPARE(key.permission, u"write"_s);
        QCOMPARE(key.maskedValue, protocol::maskKey(QString::fromLatin1(created.secret)));
        QCOMPARE(key.maskedValue, created.key.maskedValue);
        QVERIFY(!key.maskedValue.contains(QString::fromLatin1(created.secret)));
        QVERIFY(!key.expires.isValid());
        QCOMPARE(listed.list.usage.keyCount, 1);
        QVERIFY(listed.secret.isEmpty());

        const KeyJobResult deleted = await(oceanBase->deleteKey(created.key.id, {}));
        QVERIFY2(!deleted.error, qPrintable(describe(deleted.error)));
        const KeyJobResult after = await(oceanBase->listKeys());
        QVERIFY2(!after.error, qPrintable(describe(after.error)));
        QVERIFY(after.list.keys.isEmpty());
        QCOMPARE(after.list.usage.keyCount, 0);
    }

    void permissionIsKept_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::newRow("read") << u"read"_s;
        QTest::newRow("write") << u"write"_s;
        QTest::newRow("all") << u"all"_s;
    }

    void permissionIsKept()
    {
        QFETCH(QString, permission);
        auto oceanBase = service(newAccount());
        const KeyJobResult created = await(oceanBase->createKey(request(u"k"_s, permission)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        QCOMPARE(created.key.permission, permission);
        const KeyJobResult listed = await(oceanBase->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(listed.list.keys.size(), 1);
        QCOMPARE(listed.list.keys.constFirst().permission, permission);
    }

    // A new key works on the data plane at once; a deleted one is refused at once.
    void deletedKeyIsRefusedByTheDataPlane()
    {
        auto oceanBase = service(newAccount());
        const KeyJobResult created = await(oceanBase->createKey(request(u"probe"_s)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        const KeyJobResult working = await(oceanBase->testKey(created.secret));
        QVERIFY(working.finished);
        QVERIFY2(!working.error, qPrintable(describe(working.error)));

        QVERIFY(!await(oceanBase->deleteKey(created.key.id, {})).error);
        const KeyJobResult refused = await(oceanBase->testKey(created.secret));
        QCOMPARE(refused.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(refused.error.httpStatus, 401);
        QVERIFY(!refused.error.requestId.isEmpty());
        QVERIFY(!refused.error.message.isEmpty());
    }

    void unknownKeyValueIsRefused()
    {
        const KeyJobResult refused
            = await(service(newAccount())->testKey("sk_00000000000000000000000000000000"_ba));
        QCOMPARE(refused.error.kind, KeyError::Kind::Credentials);
    }

    void deletingAnUnknownKeyIsNotFound()
    {
        const KeyJobResult deleted
            = await(service(newAccount())->deleteKey(u"ak-0000000000000000"_s, {}));
        QCOMPARE(deleted.error.kind, KeyError::Kind::NotFound);
        QCOMPARE(deleted.error.serviceCode, u"API_KEY_NOT_FOUND"_s);
        QCOMPARE(deleted.error.httpStatus, 404);
        QVERIFY(!deleted.error.requestId.isEmpty());
    }

    // Name and permission are required and checked before any request: nothing is created.
    void createIsCheckedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("permission");
        QTest::newRow("no name") << QString() << u"read"_s;
        QTest::newRow("blank name") << u"   "_s << u"read"_s;
        QTest::newRow("name too long") << QString(65, u'n') << u"read"_s;
        QTest::newRow("control character") << u"a\tb"_s << u"read"_s;
        QTest::newRow("no permission") << u"k"_s << QString();
        QTest::newRow("unknown permission") << u"k"_s << u"admin"_s;
        QTest::newRow("upper-case permission") << u"k"_s << u"Read"_s;
    }

    void createIsCheckedBeforeAnyRequest()
    {
        QFETCH(QString, name);
        QFETCH(QString, permission);
        auto oceanBase = service(newAccount());
        const KeyJobResult created = await(oceanBase->createKey(request(name, permission)));
        QVERIFY(created.finished);
        QCOMPARE(created.error.kind, KeyError::Kind::InvalidInput);
        QCOMPARE(created.error.httpStatus, 0);
        QVERIFY(created.secret.isEmpty());
        const KeyJobResult listed = await(oceanBase->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QVERIFY(listed.list.keys.isEmpty());
    }

    // X-OB-Org-Id and X-OB-Project-Id are required on every call: a profile without them is
    // refused before anything is sent, with the header named; the service itself would answer
    // 400 MISSING_HEADER, which maps to the same kind.
    void orgAndProjectAreRequired_data()
    {
        QTest::addColumn<QString>("orgId");
        QTest::addColumn<QString>("projectId");
        QTest::addColumn<QString>("header");
        QTest::newRow("no org") << QString() << u"keep"_s << u"X-OB-Org-Id"_s;
        QTest::newRow("blank org") << u"  "_s << u"keep"_s << u"X-OB-Org-Id"_s;
        QTest::newRow("no project") << u"keep"_s << QString() << u"X-OB-Project-Id"_s;
    }

    void orgAndProjectAreRequired()
    {
        QFETCH(QString, orgId);
        QFETCH(QString, projectId);
        QFETCH(QString, header);
        ObAccount account = newAccount();
        if (orgId != u"keep"_s)
            account.orgId = orgId;
        if (projectId != u"keep"_s)
            account.projectId = projectId;
        auto oceanBase = service(account);
        for (int operation = 0; operation < 3; ++operation) {
            const KeyJobResult outcome
                = await(operation == 0       ? oceanBase->listKeys()
                            : operation == 1 ? oceanBase->createKey(request(u"k"_s))
                                             : oceanBase->deleteKey(u"ak-0000000000000000"_s, {}));
            QVERIFY(outcome.finished);
            QCOMPARE(outcome.error.kind, KeyError::Kind::InvalidInput);
            QVERIFY2(outcome.error.message.contains(header), qPrintable(outcome.error.message));
            QCOMPARE(outcome.error.httpStatus, 0);
        }

        // What the service answers a call without the header, read as the adapter reads it.
        const ObAccount complete = newAccount();
        QUrl url = m_sandbox.http();
        url.setPath(u"/api/v2/maas/apikeys"_s);
        protocol::HttpHeaders headers {qMakePair(
            "Authorization"_ba,
            "Basic "_ba
                + QByteArray(complete.accessKeyId.toLatin1() + ':' + complete.secret).toBase64())};
        if (header != u"X-OB-Org-Id"_s)
            headers.append(qMakePair("X-OB-Org-Id"_ba, complete.orgId.toLatin1()));
        if (header != u"X-OB-Project-Id"_s)
            headers.append(qMakePair("X-OB-Project-Id"_ba, complete.projectId.toLatin1()));
        const HttpResult answer = m_sandbox.net().send("GET", url, headers);
        QCOMPARE(answer.status, 400);
        const QString code = answer.json.value(u"errorCode"_s).toString();
        QCOMPARE(code, u"MISSING_HEADER"_s);
        QCOMPARE(KeyError::fromService(400, code, {}, {}).kind, KeyError::Kind::InvalidInput);
    }

    // An organization or project that is not the AccessKey's is refused as not permitted.
    void anotherOrganizationIsNotPermitted_data()
    {
        QTest::addColumn<bool>("foreignOrg");
        QTest::newRow("another org") << true;
        QTest::newRow("a project of another org") << false;
    }

    void anotherOrganizationIsNotPermitted()
    {
        QFETCH(bool, foreignOrg);
        ObAccount account = newAccount();
        const ObAccount other = newAccount();
        if (foreignOrg) {
            account.orgId = other.orgId;
            account.projectId = other.projectId;
        } else {
            account.projectId = other.projectId;
        }
        auto oceanBase = service(account);
        const KeyJobResult listed = await(oceanBase->listKeys());
        QCOMPARE(listed.error.kind, KeyError::Kind::NotPermitted);
        QCOMPARE(listed.error.serviceCode, u"PERMISSION_DENIED"_s);
        QCOMPARE(listed.error.httpStatus, 403);
        QVERIFY(!listed.error.requestId.isEmpty());
        const KeyJobResult created = await(oceanBase->createKey(request(u"k"_s)));
        QCOMPARE(created.error.kind, KeyError::Kind::NotPermitted);
        QVERIFY(created.secret.isEmpty());

        // Nothing was made in the other account's project.
        const KeyJobResult theirs = await(service(other)->listKeys());
        QVERIFY2(!theirs.error, qPrintable(describe(theirs.error)));
        QVERIFY(theirs.list.keys.isEmpty());
    }

    // A wrong secret fails the Digest handshake, also on a client that has just authenticated
    // with the right one to the same server (no credentials reused across requests).
    void wrongSecretIsCredentials_data()
    {
        QTest::addColumn<bool>("afterSuccess");
        QTest::newRow("fresh client") << false;
        QTest::newRow("client that authenticated before") << true;
    }

    void wrongSecretIsCredentials()
    {
        QFETCH(bool, afterSuccess);
        HttpClient client;
        QVERIFY(trustSandbox(client, m_sandbox));
        const ObAccount account = newAccount();
        if (afterSuccess) {
            const KeyJobResult ok = await(service(account, &client)->listKeys());
            QVERIFY2(!ok.error, qPrintable(describe(ok.error)));
        }
        ObAccount wrong = account;
        wrong.secret = "0123456789abcdef0123456789abcdef";
        auto oceanBase = service(wrong, &client);
        const KeyJobResult listed = await(oceanBase->listKeys());
        QCOMPARE(listed.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(listed.error.httpStatus, 401);
        const KeyJobResult created = await(oceanBase->createKey(request(u"k"_s)));
        QCOMPARE(created.error.kind, KeyError::Kind::Credentials);
        QVERIFY(created.secret.isEmpty());

        ObAccount unknown = account;
        unknown.accessKeyId = u"000000000000000000000000"_s;
        QCOMPARE(await(service(unknown, &client)->listKeys()).error.kind,
                 KeyError::Kind::Credentials);
    }

    // Two profiles on one HttpClient, in turns: each call answers its own challenge with its
    // own AccessKey, never with the other profile's.
    void twoProfilesOnOneClientStayApart()
    {
        auto first = service(newAccount());
        auto second = service(newAccount());
        QVERIFY(!await(first->listKeys()).error);
        QVERIFY(!await(second->listKeys()).error);
        const KeyJobResult created = await(first->createKey(request(u"first's"_s)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        const KeyJobResult secondList = await(second->listKeys());
        QVERIFY2(!secondList.error, qPrintable(describe(secondList.error)));
        QVERIFY(secondList.list.keys.isEmpty());
        const KeyJobResult firstList = await(first->listKeys());
        QVERIFY2(!firstList.error, qPrintable(describe(firstList.error)));
        QCOMPARE(ids(firstList.list), QList<QString> {created.key.id});
        QCOMPARE(await(second->deleteKey(created.key.id, {})).error.kind, KeyError::Kind::NotFound);
    }

    // 50 keys a project (sandbox-defined limit): all 50 made at once succeed, the 51st is
    // LimitReached, and the list has each of the 50 exactly once.
    void fiftyKeysAProjectThenLimitReached()
    {
        auto oceanBase = service(newAccount());
        const QList<KeyJobResult> outcomes = createMany(*oceanBase, 50);
        QSet<QString> made;
        for (const KeyJobResult &outcome : outcomes) {
            QVERIFY(outcome.finished);
            QVERIFY2(!outcome.error, qPrintable(describe(outcome.error)));
            made.insert(outcome.key.id);
        }
        QCOMPARE(made.size(), 50);

        const KeyJobResult refused = await(oceanBase->createKey(request(u"one-too-many"_s)));
        QCOMPARE(refused.error.kind, KeyError::Kind::LimitReached);
        QCOMPARE(refused.error.serviceCode, u"API_KEY_LIMIT_EXCEEDED"_s);
        QCOMPARE(refused.error.httpStatus, 409);
        QVERIFY(!refused.error.requestId.isEmpty());
        QVERIFY(refused.secret.isEmpty());

        const KeyJobResult listed = await(oceanBase->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(listed.list.keys.size(), 50);
        const QList<QString> listedIds = ids(listed.list);
        QCOMPARE(QSet<QString>(listedIds.cbegin(), listedIds.cend()), made);
        QCOMPARE(listed.list.usage.keyCount, 50);
    }

    // The list follows every page, whatever the page size, with no key twice or missing.
    void listFollowsEveryPage_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("100 (one page)") << 100;
        QTest::newRow("23 (exactly one page)") << 23;
        QTest::newRow("7 (four pages)") << 7;
        QTest::newRow("1 (23 pages)") << 1;
    }

    void listFollowsEveryPage()
    {
        QFETCH(int, pageSize);
        auto oceanBase = service(newAccount());
        QSet<QString> made;
        for (const KeyJobResult &outcome : createMany(*oceanBase, 23)) {
            QVERIFY2(!outcome.error, qPrintable(describe(outcome.error)));
            made.insert(outcome.key.id);
        }
        oceanBase->setPageSize(pageSize);
        KeyJob *job = oceanBase->listKeys();
        QSignalSpy progress(job, &KeyJob::progress);
        const KeyJobResult listed = await(job);
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(listed.list.keys.size(), 23);
        const QList<QString> listedIds = ids(listed.list);
        QCOMPARE(QSet<QString>(listedIds.cbegin(), listedIds.cend()), made);
        QCOMPARE(progress.size(), (23 + pageSize - 1) / pageSize);
        QCOMPARE(progress.constLast().at(0).toInt(), 23);
    }

    // The sandbox's Digest nonces live 300 s: calls after that still authenticate (each call
    // answers a fresh challenge, or renews a stale nonce) without failing.
    void callsOutliveTheNonceLifetime()
    {
        auto oceanBase = service(newAccount());
        QVERIFY(!await(oceanBase->listKeys()).error);
        m_sandbox.advanceClock(301);
        const KeyJobResult listed = await(oceanBase->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        const KeyJobResult created = await(oceanBase->createKey(request(u"after-renewal"_s)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
    }
};

QTEST_GUILESS_MAIN(TestOceanBaseService)
#include "TestOceanBaseService.moc"
