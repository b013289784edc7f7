#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/TablestoreService.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

// The Tablestore adapter (the sandbox-defined Tablestore 2026-11-20 RPC API and the Knowledge
// Store data plane with x-ots-apikey) against a real sandbox: seed 000's rules (a value shown
// once, a required expiry, revoke instead of delete, root account only, HTTPS only) as typed
// KeyErrors.
class TestTablestoreService : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    std::unique_ptr<TablestoreService> service(const SandboxAccount &account,
                                               const protocol::AcsCredentials &credentials,
                                               const QUrl &dataPlane = {})
    {
        Profile profile = sandboxProfile(ServiceKind::Tablestore, m_sandbox.https(),
                                         QString::fromLatin1(credentials.accessKeyId));
        profile.dataEndpoint = dataPlane.isEmpty() ? m_sandbox.https() : dataPlane;
        profile.instanceName
            = account.details.value(u"tablestore"_s).toObject().value(u"instanceName"_s).toString();
        return std::make_unique<TablestoreService>(profile, credentials.accessKeySecret, &m_client);
    }

    std::unique_ptr<TablestoreService> service(const SandboxAccount &account)
    {
        return service(account, account.root);
    }

    static CreateKeyRequest request(qint64 lifetimeSeconds,
                                    const QString &description = u"build bot"_s)
    {
        CreateKeyRequest request;
        request.name = description;
        request.expires = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds);
        return request;
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

    void capabilitiesDescribeTablestore()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const ServiceCapabilities capabilities = service(account)->capabilities();
        QVERIFY(!capabilities.valueReadableAgain);
        QVERIFY(capabilities.hasExpiry);
        QVERIFY(capabilities.expiryRequired);
        QVERIFY(capabilities.deleteIsRevoke);
        QVERIFY(capabilities.rootAccountOnly);
        QVERIFY(!capabilities.canDisable);
        QVERIFY(capabilities.permissions.isEmpty());
        QCOMPARE(capabilities.maxNameLength, 256); // the Description
        QVERIFY(!capabilities.nameRequired);
    }

    // Seed 000: the value is shown when the key is made and never again; the list has no trace
    // of it, and asking for it again is refused without a request.
    void valueIsShownOnceAtCreation()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        const CreateKeyRequest wanted = request(3600);
        const KeyJobResult created = await(tablestore->createKey(wanted));
        QVERIFY(created.finished);
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        QVERIFY(created.secret.startsWith("ots-"));
        QCOMPARE(created.secret.size(), 52);
        QCOMPARE(created.key.status, KeyStatus::Active);
        QCOMPARE(created.key.name, u"build bot"_s);
        QCOMPARE(created.key.owner, u"ots-apikey-"_s + created.key.id);
        QCOMPARE(created.key.expires.toSecsSinceEpoch(), wanted.expires.toSecsSinceEpoch());
        QVERIFY(created.key.created.isValid());
        QVERIFY(!created.key.maskedValue.contains(QString::fromLatin1(created.secret)));

        const KeyJobResult listed = await(tablestore->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(listed.list.keys.size(), 1);
        const ApiKey &key = listed.list.keys.constFirst();
        QCOMPARE(key.id, created.key.id);
        QCOMPARE(key.status, KeyStatus::Active);
        QCOMPARE(key.owner, created.key.owner);
        QCOMPARE(key.service, ServiceKind::Tablestore);
        QCOMPARE(listed.list.usage.keyCount, 1);
        QVERIFY(listed.secret.isEmpty());
        const QString value = QString::fromLatin1(created.secret);
        for (const QString &field : {key.id, key.name, key.maskedValue, key.owner})
            QVERIFY(!field.contains(value.mid(4, 12)));

        const KeyJobResult revealed = await(tablestore->revealKey(key.id, {}));
        QCOMPARE(revealed.error.kind, KeyError::Kind::NotPermitted);
        QVERIFY(revealed.secret.isEmpty());
    }

    void createdKeyWorksOnTheDataPlane()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        const KeyJobResult created = await(tablestore->createKey(request(3600)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        const KeyJobResult tested = await(tablestore->testKey(created.secret));
        QVERIFY(tested.finished);
        QVERIFY2(!tested.error, qPrintable(describe(tested.error)));
    }

    // A key must expire, later than now: refused here, before any request, so nothing is made.
    void expiryIsCheckedBeforeAnyRequest_data()
    {
        QTest::addColumn<QDateTime>("expires");
        QTest::addColumn<QString>("description");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("none") << QDateTime() << u"no expiry"_s;
        QTest::newRow("an hour ago") << now.addSecs(-3600) << u"past"_s;
        QTest::newRow("a second ago") << now.addSecs(-1) << u"just past"_s;
        QTest::newRow("description too long") << now.addSecs(3600) << QString(257, u'x');
    }

    void expiryIsCheckedBeforeAnyRequest()
    {
        QFETCH(QDateTime, expires);
        QFETCH(QString, description);
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        CreateKeyRequest wanted;
        wanted.expires = expires;
        wanted.name = description;
        const KeyJobResult created = await(tablestore->createKey(wanted));
        QVERIFY(created.finished);
        QCOMPARE(created.error.kind, KeyError::Kind::InvalidInput);
        QVERIFY(!created.error.message.isEmpty());
        QCOMPARE(created.error.httpStatus, 0); // no request was made
        QVERIFY(created.error.requestId.isEmpty());
        QVERIFY(created.secret.isEmpty());

        const KeyJobResult listed = await(tablestore->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QVERIFY(listed.list.keys.isEmpty());
    }

    // Expiry is the service's, by its clock: a key made for 5 minutes is Active, and once the
    // sandbox's clock has passed its expiry the data plane refuses it and the list says Expired.
    // The clock moves 6 minutes only, so the console's signatures (system clock) stay within the
    // gateway's 15-minute window for this and every later test.
    void keyExpiresByTheServicesClock()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        const KeyJobResult created = await(tablestore->createKey(request(300, u"short-lived"_s)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        const KeyJobResult before = await(tablestore->listKeys());
        QVERIFY2(!before.error, qPrintable(describe(before.error)));
        QCOMPARE(findKey(before.list, created.key.id)->status, KeyStatus::Active);
        QVERIFY(!await(tablestore->testKey(created.secret)).error);

        m_sandbox.advanceClock(360);
        const KeyJobResult tested = await(tablestore->testKey(created.secret));
        QCOMPARE(tested.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(tested.error.serviceCode, u"OTSAuthFailed"_s);
        QVERIFY2(tested.error.message.contains(u"expired"_s), qPrintable(tested.error.message));
        QVERIFY(!tested.error.requestId.isEmpty());
        QCOMPARE(tested.error.httpStatus, 403);

        const KeyJobResult after = await(tablestore->listKeys());
        QVERIFY2(!after.error, qPrintable(describe(after.error)));
        const ApiKey *key = findKey(after.list, created.key.id);
        QVERIFY(key);
        QCOMPARE(key->status, KeyStatus::Expired);
        QCOMPARE(after.list.usage.keyCount, 0);
    }

    // Deleting revokes: the key stays listed as Revoked and the data plane refuses it at once.
    void revokedKeyIsRefusedAtOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        const KeyJobResult created = await(tablestore->createKey(request(3600)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        QVERIFY(!await(tablestore->testKey(created.secret)).error);

        const KeyJobResult revoked = await(tablestore->deleteKey(created.key.id, {}));
        QVERIFY2(!revoked.error, qPrintable(describe(revoked.error)));
        QCOMPARE(revoked.key.id, created.key.id);
        QCOMPARE(revoked.key.status, KeyStatus::Revoked);

        const KeyJobResult tested = await(tablestore->testKey(created.secret));
        QCOMPARE(tested.error.kind, KeyError::Kind::Credentials);
        QVERIFY2(tested.error.message.contains(u"revoked"_s), qPrintable(tested.error.message));

        const KeyJobResult listed = await(tablestore->listKeys());
        QVERIFY2(!listed.error, qPrintable(describe(listed.error)));
        QCOMPARE(listed.list.keys.size(), 1);
        QCOMPARE(listed.list.keys.constFirst().status, KeyStatus::Revoked);
        QCOMPARE(listed.list.usage.keyCount, 0);

        // Revoking again changes nothing and is not an error.
        const KeyJobResult again = await(tablestore->deleteKey(created.key.id, {}));
        QVERIFY2(!again.error, qPrintable(describe(again.error)));
        QCOMPARE(again.key.status, KeyStatus::Revoked);
    }

    void unknownKeyIsNotFound()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const KeyJobResult revoked = await(service(account)->deleteKey(u"nosuchkey0000000"_s, {}));
        QCOMPARE(revoked.error.kind, KeyError::Kind::NotFound);
        QCOMPARE(revoked.error.serviceCode, u"EntityNotExist.ApiKey"_s);
        QVERIFY(!revoked.error.requestId.isEmpty());
    }

    // The key must never cross the network in clear: over plain HTTP the adapter refuses before
    // connecting. A listening server proves no connection was even opened.
    void plainHttpDataPlaneIsRefusedLocally()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const KeyJobResult created = await(service(account)->createKey(request(3600)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));

        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QUrl plain(u"http://127.0.0.1"_s);
        plain.setPort(listener.serverPort());
        for (const QUrl &dataPlane : {plain, m_sandbox.http()}) {
            const KeyJobResult tested
                = await(service(account, account.root, dataPlane)->testKey(created.secret));
            QVERIFY(tested.finished);
            QCOMPARE(tested.error.kind, KeyError::Kind::InvalidInput);
            QVERIFY2(tested.error.message.contains(u"HTTPS"_s), qPrintable(tested.error.message));
            QCOMPARE(tested.error.httpStatus, 0);
        }
        QCoreApplication::processEvents();
        QVERIFY(!listener.hasPendingConnections());
        QVERIFY(!listener.waitForNewConnection(0));
    }

    void unknownKeyValueIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const KeyJobResult tested = await(
            service(account)->testKey("ots-000000000000000000000000000000000000000000000000"_ba));
        QCOMPARE(tested.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(tested.error.serviceCode, u"OTSAuthFailed"_s);
        QVERIFY(!tested.error.requestId.isEmpty());
    }

    // The key has its dedicated RAM user's rights: without AliyunOTSFullAccess it is refused.
    void keyWhoseUserLostItsPolicyIsNotPermitted()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        auto tablestore = service(account);
        const KeyJobResult created = await(tablestore->createKey(request(3600)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        const HttpResult detached = m_sandbox.net().rpc(
            m_sandbox.http(), account.root, u"2015-05-01"_s, u"DetachPolicyFromUser"_s,
            {{u"PolicyType"_s, u"System"_s},
             {u"PolicyName"_s, u"AliyunOTSFullAccess"_s},
             {u"UserName"_s, created.key.owner}});
        QCOMPARE(detached.status, 200);
        const KeyJobResult tested = await(tablestore->testKey(created.secret));
        QCOMPARE(tested.error.kind, KeyError::Kind::NotPermitted);
        QCOMPARE(tested.error.serviceCode, u"OTSNoPermissionAccess"_s);
    }

    // Only the root account manages Tablestore API keys.
    void ramUserIsNotPermitted_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("list") << u"list"_s;
        QTest::newRow("create") << u"create"_s;
        QTest::newRow("revoke") << u"revoke"_s;
    }

    void ramUserIsNotPermitted()
    {
        QFETCH(QString, operation);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const KeyJobResult created = await(service(account)->createKey(request(3600)));
        QVERIFY2(!created.error, qPrintable(describe(created.error)));
        auto asUser = service(account, m_sandbox.createRamUser(account, u"alice"_s));
        KeyJob *job = operation == u"list"_s ? asUser->listKeys()
            : operation == u"create"_s       ? asUser->createKey(request(3600))
                                             : asUser->deleteKey(created.key.id, {});
        const KeyJobResult outcome = await(job);
        QCOMPARE(outcome.error.kind, KeyError::Kind::NotPermitted);
        QCOMPARE(outcome.error.serviceCode, u"NoPermission"_s);
        QCOMPARE(outcome.error.httpStatus, 403);
        QVERIFY(!outcome.error.requestId.isEmpty());
        QVERIFY(outcome.secret.isEmpty());
    }

    void wrongSecretIsCredentials()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        protocol::AcsCredentials wrong = account.root;
        wrong.accessKeySecret = "not-the-secret";
        const KeyJobResult listed = await(service(account, wrong)->listKeys());
        QCOMPARE(listed.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(listed.error.serviceCode, u"SignatureDoesNotMatch"_s);
    }
};

QTEST_GUILESS_MAIN(TestTablestoreService)
#include "TestTablestoreService.moc"
