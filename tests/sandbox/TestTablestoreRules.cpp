#include "SandboxFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// Tablestore API keys (seed 000, DESIGN.md §1): the sandbox-defined management actions and
// the Knowledge Store / Memory Store data plane with x-ots-apikey (protocols.md §6), over
// real HTTP(S) on loopback.
class TestTablestoreRules : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_version = u"2026-11-20"_s;
    const QString m_ram = u"2015-05-01"_s;

    struct CreatedKey
    {
        HttpResult result;
        QString id;
        QString value;
        QString ramUserName;
    };

    HttpResult manage(const protocol::AcsCredentials &credentials, const QString &action,
                      const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.https(), credentials, m_version, action, params);
    }

    // An ISO 8601 UTC time relative to the sandbox's (movable) clock.
    QString serverTime(qint64 secondsFromNow)
    {
        return QDateTime::fromSecsSinceEpoch(m_sandbox.serverNowSeconds() + secondsFromNow,
                                             QTimeZone::utc())
                   .toString(u"yyyy-MM-ddTHH:mm:ss"_s)
            + u'Z';
    }

    CreatedKey createKey(const SandboxAccount &account, qint64 lifetimeSeconds = 3600,
                         const QString &description = u"test key"_s)
    {
        CreatedKey key;
        key.result = manage(
            account.root, u"CreateApiKey"_s,
            {{u"ExpirationTime"_s, serverTime(lifetimeSeconds)}, {u"Description"_s, description}});
        const QJsonObject json = key.result.json.value(u"ApiKey"_s).toObject();
        key.id = json.value(u"ApiKeyId"_s).toString();
        key.value = json.value(u"ApiKeyValue"_s).toString();
        key.ramUserName = json.value(u"RamUserName"_s).toString();
        return key;
    }

    static QString instanceOf(const SandboxAccount &account)
    {
        return account.details[u"tablestore"_s][u"instanceName"_s].toString();
    }

    HttpResult dataPlane(const QUrl &base, const QString &action, const QString &apiKey,
                         const QString &instanceName, const QByteArray &body = "{}")
    {
        QUrl url = base;
        url.setPath(u"/"_s + action);
        protocol::HttpHeaders headers {{"content-type", "application/json"}};
        if (!apiKey.isNull())
            headers.append(qMakePair("x-ots-apikey"_ba, apiKey.toLatin1()));
        if (!instanceName.isNull())
            headers.append(qMakePair("x-ots-instancename"_ba, instanceName.toUtf8()));
        return m_sandbox.net().send("POST", url, headers, body);
    }

    HttpResult listKnowledgeBases(const CreatedKey &key, const SandboxAccount &account)
    {
        return dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, instanceOf(account));
    }

    QJsonObject describe(const SandboxAccount &account, const QString &id)
    {
        return manage(account.root, u"DescribeApiKey"_s, {{u"ApiKeyId"_s, id}})
            .json.value(u"ApiKey"_s)
            .toObject();
    }

    // Tablestore's error shape: {"code","message"} and the request id in x-ots-requestid.
    static void expectOtsError(const HttpResult &result, int status, const QString &code,
                               const QString &messagePart)
    {
        QCOMPARE(result.status, status);
        QCOMPARE(result.json.value(u"code"_s).toString(), code);
        QVERIFY2(
            result.json.value(u"message"_s).toString().contains(messagePart, Qt::CaseInsensitive),
            qPrintable(result.json.value(u"message"_s).toString()));
        QVERIFY(!result.header("x-ots-requestid").isEmpty());
    }

    static void expectPopError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.code(), code);
        QCOMPARE(result.status, status);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
        QVERIFY(!result.json.value(u"Message"_s).toString().isEmpty());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void accountsGetUniqueInstances()
    {
        const SandboxAccount a = m_sandbox.createAccount(false);
        const SandboxAccount b = m_sandbox.createAccount(false);
        QVERIFY(!instanceOf(a).isEmpty());
        QVERIFY(!instanceOf(b).isEmpty());
        QVERIFY(instanceOf(a) != instanceOf(b));
    }

    void createReturnsTheValueOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QString expiration = serverTime(7200);
        const HttpResult result
            = manage(account.root, u"CreateApiKey"_s,
                     {{u"ExpirationTime"_s, expiration}, {u"Description"_s, u"for the bot"_s}});
        QCOMPARE(result.status, 200);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
        const QJsonObject key = result.json.value(u"ApiKey"_s).toObject();
        QVERIFY(!key.value(u"ApiKeyId"_s).toString().isEmpty());
        QVERIFY(key.value(u"ApiKeyValue"_s).toString().size() >= 32);
        QCOMPARE(key.value(u"ExpirationTime"_s).toString(), expiration);
        QCOMPARE(key.value(u"Description"_s).toString(), u"for the bot"_s);
        QCOMPARE(key.value(u"Status"_s).toString(), u"Active"_s);
        QVERIFY(!key.value(u"CreateTime"_s).toString().isEmpty());
        QCOMPARE(key.value(u"RamUserName"_s).toString(),
                 u"ots-apikey-"_s + key.value(u"ApiKeyId"_s).toString());
        // Two keys never share a value.
        QVERIFY(createKey(account).value != key.value(u"ApiKeyValue"_s).toString());
    }

    void listAndDescribeNeverShowTheValue()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account, 3600, u"listed"_s);
        QCOMPARE(key.result.status, 200);

        const HttpResult list = manage(account.root, u"ListApiKeys"_s);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(key.value.toLatin1()));
        const QJsonArray keys = list.json.value(u"ApiKeys"_s).toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(list.json.value(u"TotalCount"_s).toInt(), 1);
        const QJsonObject listed = keys.at(0).toObject();
        QCOMPARE(listed.value(u"ApiKeyId"_s).toString(), key.id);
        QCOMPARE(listed.value(u"Description"_s).toString(), u"listed"_s);
        QCOMPARE(listed.value(u"Status"_s).toString(), u"Active"_s);
        QCOMPARE(listed.value(u"RamUserName"_s).toString(), key.ramUserName);
        QVERIFY(!listed.contains(u"ApiKeyValue"_s));

        const HttpResult described
            = manage(account.root, u"DescribeApiKey"_s, {{u"ApiKeyId"_s, key.id}});
        QCOMPARE(described.status, 200);
        QVERIFY(!described.body.contains(key.value.toLatin1()));
        QCOMPARE(described.json.value(u"ApiKey"_s).toObject(), listed);
    }

    void storeNeverHoldsTheValue()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QCOMPARE(key.result.status, 200);
        QByteArray stored;
        for (const QString &name : {u"sandbox.sqlite"_s, u"sandbox.sqlite-wal"_s}) {
            QFile file(QDir(m_sandbox.dataDir()).filePath(name));
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        // The key itself was written (so these are the right files), its value was not.
        QVERIFY(stored.contains(key.id.toLatin1()));
        QVERIFY(!stored.contains(key.value.toLatin1()));
    }

    void dedicatedRamUserHasOtsFullAccess()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QVERIFY(!key.ramUserName.isEmpty());
        const HttpResult policies
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, u"ListPoliciesForUser"_s,
                                  {{u"UserName"_s, key.ramUserName}});
        QCOMPARE(policies.status, 200);
        QStringList names;
        for (const QJsonValue policy : policies.json[u"Policies"_s][u"Policy"_s].toArray())
            names.append(policy[u"PolicyName"_s].toString());
        QVERIFY2(names.contains(u"AliyunOTSFullAccess"_s), qPrintable(names.join(u',')));
    }

    void ramUsersCannotManageKeys_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("CreateApiKey") << u"CreateApiKey"_s;
        QTest::newRow("ListApiKeys") << u"ListApiKeys"_s;
        QTest::newRow("DescribeApiKey") << u"DescribeApiKey"_s;
        QTest::newRow("RevokeApiKey") << u"RevokeApiKey"_s;
    }

    void ramUsersCannotManageKeys()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        const HttpResult result = manage(
            alice, action, {{u"ApiKeyId"_s, key.id}, {u"ExpirationTime"_s, serverTime(3600)}});
        expectPopError(result, 403, u"NoPermission"_s);
        QCOMPARE(describe(account, key.id).value(u"Status"_s).toString(), u"Active"_s);
    }

    void missingParametersAreRefused_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("CreateApiKey") << u"CreateApiKey"_s << u"ExpirationTime"_s;
        QTest::newRow("DescribeApiKey") << u"DescribeApiKey"_s << u"ApiKeyId"_s;
        QTest::newRow("RevokeApiKey") << u"RevokeApiKey"_s << u"ApiKeyId"_s;
    }

    void missingParametersAreRefused()
    {
        QFETCH(QString, action);
        QFETCH(QString, parameter);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult result = manage(account.root, action);
        expectPopError(result, 400, u"MissingParameter"_s);
        QVERIFY(result.json.value(u"Message"_s).toString().contains(parameter));
    }

    void unknownKeyIdIsNotFound_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("DescribeApiKey") << u"DescribeApiKey"_s;
        QTest::newRow("RevokeApiKey") << u"RevokeApiKey"_s;
    }

    void unknownKeyIdIsNotFound()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const SandboxAccount other = m_sandbox.createAccount(false);
        const CreatedKey othersKey = createKey(other);
        expectPopError(manage(account.root, action, {{u"ApiKeyId"_s, u"nosuchkey"_s}}), 404,
                       u"EntityNotExist.ApiKey"_s);
        // Another account's key is as unknown as a key that never existed.
        expectPopError(manage(account.root, action, {{u"ApiKeyId"_s, othersKey.id}}), 404,
                       u"EntityNotExist.ApiKey"_s);
        QCOMPARE(describe(other, othersKey.id).value(u"Status"_s).toString(), u"Active"_s);
    }

    void dataPlaneWorksWithTheKeyOverHttps_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("ListKnowledgeBase {}") << u"ListKnowledgeBase"_s << "{}"_ba;
        QTest::newRow("ListKnowledgeBase empty body") << u"ListKnowledgeBase"_s << QByteArray();
        QTest::newRow("ListMemoryStores {}") << u"ListMemoryStores"_s << "{}"_ba;
    }

    void dataPlaneWorksWithTheKeyOverHttps()
    {
        QFETCH(QString, action);
        QFETCH(QByteArray, body);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        const HttpResult result
            = dataPlane(m_sandbox.https(), action, key.value, instanceOf(account), body);
        QCOMPARE(result.status, 200);
        QVERIFY(!result.header("x-ots-requestid").isEmpty());
        if (action == u"ListKnowledgeBase"_s)
            QVERIFY(result.json[u"data"_s][u"knowledgeBases"_s].isArray());
        else
            QVERIFY(result.json[u"stores"_s].isArray());
    }

    void createdKnowledgeBasesAndMemoryStoresAreListed()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        const QUrl https = m_sandbox.https();
        QCOMPARE(dataPlane(https, u"CreateKnowledgeBase"_s, key.value, instanceOf(account),
                           R"({"knowledgeBaseName":"product_docs"})")
                     .status,
                 200);
        QCOMPARE(dataPlane(https, u"CreateMemoryStore"_s, key.value, instanceOf(account),
                           R"({"memoryStoreName":"chat"})")
                     .status,
                 200);
        expectOtsError(dataPlane(https, u"CreateKnowledgeBase"_s, key.value, instanceOf(account),
                                 R"({"knowledgeBaseName":"product_docs"})"),
                       409, u"OTSObjectAlreadyExist"_s, u"product_docs"_s);

        const HttpResult bases = listKnowledgeBases(key, account);
        const QJsonArray knowledgeBases = bases.json[u"data"_s][u"knowledgeBases"_s].toArray();
        QCOMPARE(knowledgeBases.size(), 1);
        QCOMPARE(knowledgeBases.at(0)[u"knowledgeBaseName"_s].toString(), u"product_docs"_s);
        const HttpResult stores
            = dataPlane(https, u"ListMemoryStores"_s, key.value, instanceOf(account));
        const QJsonArray memoryStores = stores.json[u"stores"_s].toArray();
        QCOMPARE(memoryStores.size(), 1);
        QCOMPARE(memoryStores.at(0)[u"memoryStoreName"_s].toString(), u"chat"_s);
    }

    void listsArePaged()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        for (const char *name : {"kb_a", "kb_b", "kb_c"})
            dataPlane(m_sandbox.https(), u"CreateKnowledgeBase"_s, key.value, instanceOf(account),
                      R"({"knowledgeBaseName":")" + QByteArray(name) + R"("})");
        const HttpResult first = dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value,
                                           instanceOf(account), R"({"maxResults":2})");
        QCOMPARE(first.json[u"data"_s][u"knowledgeBases"_s].toArray().size(), 2);
        const QString token = first.json[u"data"_s][u"nextToken"_s].toString();
        QVERIFY(!token.isEmpty());
        const HttpResult second = dataPlane(
            m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, instanceOf(account),
            QJsonDocument(QJsonObject {{u"maxResults"_s, 2}, {u"nextToken"_s, token}}).toJson());
        const QJsonArray rest = second.json[u"data"_s][u"knowledgeBases"_s].toArray();
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.at(0)[u"knowledgeBaseName"_s].toString(), u"kb_c"_s);
        QVERIFY(!second.json[u"data"_s].toObject().contains(u"nextToken"_s));
    }

    void dataPlaneIsRefusedOverPlainHttp()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        expectOtsError(
            dataPlane(m_sandbox.http(), u"ListKnowledgeBase"_s, key.value, instanceOf(account)),
            403, u"OTSAuthFailed"_s, u"requires HTTPS"_s);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
    }

    void expiredKeyIsRefusedAndListedExpired()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account, 600);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
        m_sandbox.advanceClock(601);
        expectOtsError(listKnowledgeBases(key, account), 403, u"OTSAuthFailed"_s, u"expired"_s);
        QCOMPARE(describe(account, key.id).value(u"Status"_s).toString(), u"Expired"_s);
        const HttpResult list = manage(account.root, u"ListApiKeys"_s);
        QCOMPARE(list.json[u"ApiKeys"_s][0][u"Status"_s].toString(), u"Expired"_s);
    }

    void expirationInThePastIsRefused_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("now") << qint64(0);
        QTest::newRow("a minute ago") << qint64(-60);
        QTest::newRow("a year ago") << qint64(-365LL * 86400);
    }

    void expirationInThePastIsRefused()
    {
        QFETCH(qint64, offset);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult result
            = manage(account.root, u"CreateApiKey"_s, {{u"ExpirationTime"_s, serverTime(offset)}});
        expectPopError(result, 400, u"InvalidParameter.ExpirationTime"_s);
        QVERIFY(result.json.value(u"Message"_s).toString().contains(u"future"_s));
        QCOMPARE(manage(account.root, u"ListApiKeys"_s).json.value(u"TotalCount"_s).toInt(), 0);
    }

    void malformedExpirationIsRefused_data()
    {
        QTest::addColumn<QString>("expiration");
        QTest::newRow("date only") << u"2099-01-01"_s;
        QTest::newRow("no zone") << u"2099-01-01T00:00:00"_s;
        QTest::newRow("offset zone") << u"2099-01-01T00:00:00+08:00"_s;
        QTest::newRow("milliseconds") << u"2099-01-01T00:00:00.000Z"_s;
        QTest::newRow("month 13") << u"2099-13-01T00:00:00Z"_s;
        QTest::newRow("February 30") << u"2099-02-30T00:00:00Z"_s;
        QTest::newRow("hour 24") << u"2099-01-01T24:00:00Z"_s;
        QTest::newRow("epoch seconds") << u"4102444800"_s;
        QTest::newRow("words") << u"next year"_s;
    }

    void malformedExpirationIsRefused()
    {
        QFETCH(QString, expiration);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult result
            = manage(account.root, u"CreateApiKey"_s, {{u"ExpirationTime"_s, expiration}});
        expectPopError(result, 400, u"InvalidParameter.ExpirationTime"_s);
        QVERIFY(result.json.value(u"Message"_s).toString().contains(u"yyyy-MM-ddTHH:mm:ssZ"_s));
    }

    void overlongDescriptionIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult result = manage(
            account.root, u"CreateApiKey"_s,
            {{u"ExpirationTime"_s, serverTime(3600)}, {u"Description"_s, QString(257, u'd')}});
        expectPopError(result, 400, u"InvalidParameter.Description"_s);
    }

    void revokedKeyIsRefusedAtOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
        const HttpResult revoked
            = manage(account.root, u"RevokeApiKey"_s, {{u"ApiKeyId"_s, key.id}});
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.json[u"ApiKey"_s][u"Status"_s].toString(), u"Revoked"_s);
        QVERIFY(!revoked.body.contains(key.value.toLatin1()));
        expectOtsError(listKnowledgeBases(key, account), 403, u"OTSAuthFailed"_s, u"revoked"_s);
        QCOMPARE(describe(account, key.id).value(u"Status"_s).toString(), u"Revoked"_s);
    }

    void revokingTwiceIsIdempotent()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        const HttpResult first = manage(account.root, u"RevokeApiKey"_s, {{u"ApiKeyId"_s, key.id}});
        m_sandbox.advanceClock(5);
        const HttpResult second
            = manage(account.root, u"RevokeApiKey"_s, {{u"ApiKeyId"_s, key.id}});
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json[u"ApiKey"_s][u"Status"_s].toString(), u"Revoked"_s);
        const QString revokeTime = first.json[u"ApiKey"_s][u"RevokeTime"_s].toString();
        QVERIFY(!revokeTime.isEmpty());
        QCOMPARE(second.json[u"ApiKey"_s][u"RevokeTime"_s].toString(), revokeTime);
    }

    void wrongInstanceIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const SandboxAccount other = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        expectOtsError(
            dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, instanceOf(other)), 403,
            u"OTSAuthFailed"_s, u"no privilege to access the instance"_s);
        expectOtsError(
            dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, u"no-such-instance"_s),
            403, u"OTSAuthFailed"_s, u"instance is not found"_s);
    }

    void unknownKeyIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        expectOtsError(dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s,
                                 u"ots-thisIsNotAKeyTheSandboxEverIssued"_s, instanceOf(account)),
                       403, u"OTSAuthFailed"_s, u"does not exist"_s);
    }

    void missingHeadersAreRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        expectOtsError(dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, QString()),
                       400, u"OTSParameterInvalid"_s, u"Missing header: x-ots-instancename"_s);
        expectOtsError(
            dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, QString(), instanceOf(account)),
            400, u"OTSParameterInvalid"_s, u"Missing header: x-ots-apikey"_s);
    }

    void deletingTheDedicatedRamUserInvalidatesTheKey()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
        const HttpResult deleted
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, u"DeleteUser"_s,
                                  {{u"UserName"_s, key.ramUserName}});
        QCOMPARE(deleted.status, 200);
        expectOtsError(listKnowledgeBases(key, account), 403, u"OTSAuthFailed"_s, key.ramUserName);
        // A new user under the same name is another user: the key stays invalid.
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"CreateUser"_s,
                          {{u"UserName"_s, key.ramUserName}})
                     .status,
                 200);
        expectOtsError(listKnowledgeBases(key, account), 403, u"OTSAuthFailed"_s, u"deleted"_s);
    }

    void keyLosesItsRightsWithTheUsersPolicy()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
        const protocol::QueryItems policy {{u"UserName"_s, key.ramUserName},
                                           {u"PolicyType"_s, u"System"_s},
                                           {u"PolicyName"_s, u"AliyunOTSFullAccess"_s}};
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"DetachPolicyFromUser"_s, policy)
                     .status,
                 200);
        expectOtsError(listKnowledgeBases(key, account), 403, u"OTSNoPermissionAccess"_s,
                       u"AliyunOTSFullAccess"_s);
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"AttachPolicyToUser"_s, policy)
                     .status,
                 200);
        QCOMPARE(listKnowledgeBases(key, account).status, 200);
    }

    void apiKeysReachOnlyKnowledgeAndMemoryStores_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("ListTable") << u"ListTable"_s;
        QTest::newRow("GetRow") << u"GetRow"_s;
        QTest::newRow("PutRow") << u"PutRow"_s;
        QTest::newRow("CreateTable") << u"CreateTable"_s;
    }

    void apiKeysReachOnlyKnowledgeAndMemoryStores()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        expectOtsError(dataPlane(m_sandbox.https(), action, key.value, instanceOf(account)), 403,
                       u"OTSAuthFailed"_s,
                       u"API keys only support Knowledge Store and Memory Store APIs"_s);
    }

    void malformedBodyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << "{"_ba << u"not valid JSON"_s;
        QTest::newRow("not JSON") << "maxResults=10"_ba << u"not valid JSON"_s;
        QTest::newRow("array") << "[]"_ba << u"JSON object"_s;
        QTest::newRow("maxResults string") << R"({"maxResults":"ten"})"_ba << u"maxResults"_s;
        QTest::newRow("maxResults huge") << R"({"maxResults":1e300})"_ba << u"maxResults"_s;
        QTest::newRow("maxResults fraction") << R"({"maxResults":1.5})"_ba << u"maxResults"_s;
        QTest::newRow("nextToken number") << R"({"nextToken":7})"_ba << u"nextToken"_s;
    }

    void malformedBodyIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        expectOtsError(dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value,
                                 instanceOf(account), body),
                       400, u"OTSParameterInvalid"_s, messagePart);
    }

    void wrongMethodIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        QUrl url = m_sandbox.https();
        url.setPath(u"/ListKnowledgeBase"_s);
        expectOtsError(m_sandbox.net().send("GET", url,
                                            {{"x-ots-apikey", key.value.toLatin1()},
                                             {"x-ots-instancename", instanceOf(account).toUtf8()}}),
                       405, u"OTSMethodNotAllowed"_s, u"POST"_s);
    }

    void errorsCarryTheOtsRequestId()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const CreatedKey key = createKey(account);
        const QList<HttpResult> errors {
            dataPlane(m_sandbox.http(), u"ListKnowledgeBase"_s, key.value, instanceOf(account)),
            dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, u"ots-bogus"_s,
                      instanceOf(account)),
            dataPlane(m_sandbox.https(), u"ListKnowledgeBase"_s, key.value, instanceOf(account),
                      "{"),
            dataPlane(m_sandbox.https(), u"ListTable"_s, key.value, instanceOf(account))};
        QSet<QByteArray> ids;
        for (const HttpResult &error : errors) {
            QVERIFY(error.status >= 400);
            const QByteArray id = error.header("x-ots-requestid");
            QVERIFY(!id.isEmpty());
            ids.insert(id);
            // Only Tablestore's two fields: the SDK reads code and message (protocols.md §6).
            QCOMPARE(error.json.keys(), (QStringList {u"code"_s, u"message"_s}));
        }
        QCOMPARE(ids.size(), errors.size());
    }
};

QTEST_GUILESS_MAIN(TestTablestoreRules)
#include "TestTablestoreRules.moc"
