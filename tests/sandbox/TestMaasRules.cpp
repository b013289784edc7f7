#include "SandboxFixture.h"
#include "protocol/KeyMask.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// Model Studio's rules (DESIGN.md §1, seed 003) on the MaaS 2026-03-18 API and the DashScope
// data plane (protocols.md §5), against a real sandbox over loopback.
class TestMaasRules : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_version = u"2026-03-18"_s;

    HttpResult maas(const protocol::AcsCredentials &credentials, const QString &action,
                    const QByteArray &method, const QByteArray &path,
                    const protocol::QueryItems &query = {})
    {
        return m_sandbox.net().roa(m_sandbox.http(), credentials, m_version, action, method, path,
                                   query);
    }

    HttpResult createKey(const protocol::AcsCredentials &credentials, const QString &workspaceId,
                         const QString &description = u"test key"_s)
    {
        return maas(credentials, u"CreateApiKey"_s, "POST", "/maas/apikeys",
                    {{u"description"_s, description}, {u"workspaceId"_s, workspaceId}});
    }

    HttpResult onKey(const protocol::AcsCredentials &credentials, const QString &action,
                     const QByteArray &method, qint64 apiKeyId,
                     const protocol::QueryItems &query = {})
    {
        return maas(credentials, action, method, "/maas/apikeys/" + QByteArray::number(apiKeyId),
                    query);
    }

    HttpResult listKeys(const protocol::AcsCredentials &credentials,
                        const protocol::QueryItems &query = {})
    {
        return maas(credentials, u"ListApiKeys"_s, "GET", "/maas/apikeys", query);
    }

    HttpResult createWorkspace(const protocol::AcsCredentials &credentials, const QString &name)
    {
        return maas(credentials, u"CreateWorkspace"_s, "POST", "/maas/workspaces",
                    {{u"workspaceName"_s, name}});
    }

    HttpResult membership(const SandboxAccount &account, const QString &action,
                          const QString &workspaceId, const QString &userName)
    {
        const QByteArray base = "/maas/workspaces/" + workspaceId.toLatin1() + "/members";
        if (action == u"AddWorkspaceMember"_s)
            return maas(account.root, action, "POST", base, {{u"userName"_s, userName}});
        return maas(account.root, action, "DELETE", base + '/' + userName.toLatin1());
    }

    // A call on the data plane with "Authorization: Bearer <bearer>" (no header when null).
    HttpResult bearer(const QByteArray &method, const QString &pathAndQuery, const QString &value)
    {
        QUrl url = m_sandbox.http();
        const QStringList parts = pathAndQuery.split(u'?');
        url.setPath(parts.at(0));
        if (parts.size() > 1)
            url.setQuery(parts.at(1));
        protocol::HttpHeaders headers;
        if (!value.isNull())
            headers.append({"Authorization", "Bearer " + value.toLatin1()});
        return m_sandbox.net().send(method, url, headers);
    }

    HttpResult models(const QString &value) { return bearer("GET", u"/api/v1/models"_s, value); }
    HttpResult compatibleModels(const QString &value)
    {
        return bearer("GET", u"/compatible-mode/v1/models"_s, value);
    }

    static QString defaultWorkspace(const SandboxAccount &account)
    {
        return account.details[u"modelStudio"_s][u"defaultWorkspaceId"_s].toString();
    }

    static QJsonObject apiKey(const HttpResult &result)
    {
        return result.json[u"apiKey"_s].toObject();
    }
    static qint64 keyId(const HttpResult &result)
    {
        return result.json[u"apiKey"_s][u"apiKeyId"_s].toInteger();
    }
    static QString keyValue(const HttpResult &result)
    {
        return result.json[u"apiKey"_s][u"apiKeyValue"_s].toString();
    }

    static void expectSuccess(const HttpResult &result)
    {
        QVERIFY2(result.status == 200, result.body.constData());
        QCOMPARE(result.json[u"success"_s].toBool(), true);
        QCOMPARE(result.json[u"httpStatusCode"_s].toInt(), 200);
        QVERIFY(!result.json[u"requestId"_s].toString().isEmpty());
    }

    // A MaaS business error: the camelCase envelope with success false and the real status.
    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QVERIFY2(result.status == status, result.body.constData());
        QCOMPARE(result.json[u"code"_s].toString(), code);
        QCOMPARE(result.json[u"success"_s].toBool(true), false);
        QCOMPARE(result.json[u"httpStatusCode"_s].toInt(), status);
        QVERIFY(!result.json[u"message"_s].toString().isEmpty());
        QVERIFY(!result.json[u"requestId"_s].toString().isEmpty());
    }

    static void expectNativeUnauthorized(const HttpResult &result, const QString &message)
    {
        QVERIFY2(result.status == 401, result.body.constData());
        QCOMPARE(result.json[u"code"_s].toString(), u"InvalidApiKey"_s);
        QCOMPARE(result.json[u"message"_s].toString(), message);
        QVERIFY(!result.json[u"request_id"_s].toString().isEmpty());
    }

    static void expectCompatibleUnauthorized(const HttpResult &result)
    {
        QVERIFY2(result.status == 401, result.body.constData());
        const QJsonObject error = result.json[u"error"_s].toObject();
        QVERIFY(error[u"message"_s].toString().startsWith(u"Incorrect API key provided."_s));
        QCOMPARE(error[u"type"_s].toString(), u"invalid_request_error"_s);
        QVERIFY(error.contains(u"param"_s) && error[u"param"_s].isNull());
        QCOMPARE(error[u"code"_s].toString(), u"invalid_api_key"_s);
        QVERIFY(!result.json[u"request_id"_s].toString().isEmpty());
    }

    // Deletes a RAM user the way an administrator must: its AccessKeys first (RAM 2015-05-01).
    void deleteRamUser(const SandboxAccount &account, const protocol::AcsCredentials &user,
                       const QString &userName)
    {
        const QString ram = u"2015-05-01"_s;
        const HttpResult key
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, ram, u"DeleteAccessKey"_s,
                                  {{u"UserName"_s, userName},
                                   {u"UserAccessKeyId"_s, QString::fromLatin1(user.accessKeyId)}});
        QVERIFY2(key.status == 200, key.body.constData());
        const HttpResult deleted = m_sandbox.net().rpc(
            m_sandbox.http(), account.root, ram, u"DeleteUser"_s, {{u"UserName"_s, userName}});
        QVERIFY2(deleted.status == 200, deleted.body.constData());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void accountHasDefaultWorkspace()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString id = defaultWorkspace(account);
        QVERIFY(id.startsWith(u"llm-"_s));
        const HttpResult result
            = maas(account.root, u"ListWorkspaces"_s, "GET", "/maas/workspaces");
        expectSuccess(result);
        const QJsonArray workspaces = result.json[u"workspaces"_s].toArray();
        QCOMPARE(workspaces.size(), 1);
        QCOMPARE(result.json[u"totalCount"_s].toInt(), 1);
        const QJsonObject workspace = workspaces.at(0).toObject();
        QCOMPARE(workspace[u"workspaceId"_s].toString(), id);
        QCOMPARE(workspace[u"region"_s].toString(),
                 account.details[u"modelStudio"_s][u"region"_s].toString());
        for (const QString &field :
             {u"apiHost"_s, u"regionName"_s, u"serviceSite"_s, u"workspaceName"_s})
            QVERIFY2(!workspace[field].toString().isEmpty(), qPrintable(field));
        QVERIFY(workspace[u"gmtCreate"_s].toInteger() > 0);
    }

    void keyRoundTrip()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const HttpResult created = createKey(account.root, defaultWorkspace(account), u"first"_s);
        expectSuccess(created);
        const QJsonObject key = apiKey(created);
        QVERIFY(key[u"apiKeyId"_s].isDouble());
        QVERIFY(QRegularExpression(u"^sk-[0-9a-f]{32}$"_s).match(keyValue(created)).hasMatch());
        QCOMPARE(key[u"creator"_s].toString(), account.accountId);
        QCOMPARE(key[u"description"_s].toString(), u"first"_s);
        QCOMPARE(key[u"workspaceId"_s].toString(), defaultWorkspace(account));
        const qint64 nowMs = m_sandbox.serverNowSeconds() * 1000;
        QVERIFY(qAbs(key[u"gmtCreate"_s].toInteger() - nowMs) < 10000); // epoch milliseconds

        const HttpResult listed = listKeys(account.root);
        expectSuccess(listed);
        QCOMPARE(listed.json[u"totalCount"_s].toInt(), 1);
        QCOMPARE(listed.json[u"apiKeys"_s][0][u"apiKeyId"_s].toInteger(), keyId(created));

        expectSuccess(onKey(account.root, u"UpdateApiKey"_s, "PUT", keyId(created),
                            {{u"description"_s, u"renamed"_s}}));
        const HttpResult fetched = onKey(account.root, u"GetApiKey"_s, "GET", keyId(created));
        expectSuccess(fetched);
        QCOMPARE(apiKey(fetched)[u"description"_s].toString(), u"renamed"_s);
        QCOMPARE(apiKey(fetched)[u"isBlocked"_s].toInt(-1), 0);

        expectSuccess(onKey(account.root, u"DeleteApiKey"_s, "DELETE", keyId(created)));
        expectError(onKey(account.root, u"GetApiKey"_s, "GET", keyId(created)), 404,
                    u"EntityNotExist.ApiKey"_s);
        QCOMPARE(listKeys(account.root).json[u"apiKeys"_s].toArray().size(), 0);
    }

    void valueMaskedInListFullInGet()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const HttpResult created = createKey(account.root, defaultWorkspace(account));
        const QString value = keyValue(created);
        const QString listed
            = listKeys(account.root).json[u"apiKeys"_s][0][u"apiKeyValue"_s].toString();
        QCOMPARE(listed, protocol::maskKey(value));
        QVERIFY(!listed.contains(value.mid(3, 28)));
        QCOMPARE(keyValue(onKey(account.root, u"GetApiKey"_s, "GET", keyId(created))), value);
    }

    void twentyKeysPerWorkspace()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString workspace = defaultWorkspace(account);
        qint64 first = 0;
        for (int i = 0; i < 20; ++i) {
            const HttpResult created = createKey(account.root, workspace);
            QVERIFY2(created.status == 200, created.body.constData());
            if (i == 0)
                first = keyId(created);
        }
        expectError(createKey(account.root, workspace), 409, u"LimitExceeded.ApiKey"_s);
        // The limit is per workspace: another one still has room, and deleting makes room.
        const HttpResult other = createWorkspace(account.root, u"second"_s);
        expectSuccess(other);
        expectSuccess(
            createKey(account.root, other.json[u"workspace"_s][u"workspaceId"_s].toString()));
        expectSuccess(onKey(account.root, u"DeleteApiKey"_s, "DELETE", first));
        expectSuccess(createKey(account.root, workspace));
    }

    void tenWorkspacesPerAccount()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        for (int i = 1; i < 10; ++i) // the default workspace is the first of ten
            expectSuccess(createWorkspace(account.root, u"team %1"_s.arg(i)));
        expectError(createWorkspace(account.root, u"team 10"_s), 409, u"LimitExceeded.Workspace"_s);
        const HttpResult listed
            = maas(account.root, u"ListWorkspaces"_s, "GET", "/maas/workspaces");
        QCOMPARE(listed.json[u"totalCount"_s].toInt(), 10);
    }

    void ramUserSeesOnlyOwnKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        const HttpResult rootKey = createKey(account.root, defaultWorkspace(account));
        const HttpResult aliceKey = createKey(alice, defaultWorkspace(account));
        expectSuccess(aliceKey);
        QCOMPARE(apiKey(aliceKey)[u"creator"_s].toString(), u"alice"_s);

        const QJsonArray seenByAlice = listKeys(alice).json[u"apiKeys"_s].toArray();
        QCOMPARE(seenByAlice.size(), 1);
        QCOMPARE(seenByAlice.at(0)[u"apiKeyId"_s].toInteger(), keyId(aliceKey));
        QCOMPARE(listKeys(account.root).json[u"apiKeys"_s].toArray().size(), 2);

        expectError(onKey(alice, u"GetApiKey"_s, "GET", keyId(rootKey)), 404,
                    u"EntityNotExist.ApiKey"_s);
        expectError(onKey(alice, u"UpdateApiKey"_s, "PUT", keyId(rootKey),
                          {{u"description"_s, u"mine now"_s}}),
                    404, u"EntityNotExist.ApiKey"_s);
        expectError(onKey(alice, u"DeleteApiKey"_s, "DELETE", keyId(rootKey)), 404,
                    u"EntityNotExist.ApiKey"_s);
        const HttpResult still = onKey(account.root, u"GetApiKey"_s, "GET", keyId(rootKey));
        expectSuccess(still);
        QCOMPARE(apiKey(still)[u"description"_s].toString(), u"test key"_s);
        expectSuccess(onKey(account.root, u"GetApiKey"_s, "GET", keyId(aliceKey)));
    }

    void deletedRamUserKeyIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto bob = m_sandbox.createRamUser(account, u"bob"_s);
        const HttpResult created = createKey(bob, defaultWorkspace(account));
        expectSuccess(created);
        QCOMPARE(models(keyValue(created)).status, 200);

        deleteRamUser(account, bob, u"bob"_s);
        expectNativeUnauthorized(models(keyValue(created)), u"Invalid API-key provided."_s);
        expectCompatibleUnauthorized(compatibleModels(keyValue(created)));
        const HttpResult listed = listKeys(account.root);
        QCOMPARE(listed.json[u"apiKeys"_s][0][u"isBlocked"_s].toInt(), 1);
        // A new user with the same name is another user: the old key stays invalid.
        m_sandbox.createRamUser(account, u"bob"_s);
        expectNativeUnauthorized(models(keyValue(created)), u"Invalid API-key provided."_s);
    }

    void removedFromWorkspaceKeyIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        const HttpResult team = createWorkspace(account.root, u"team"_s);
        const QString teamId = team.json[u"workspace"_s][u"workspaceId"_s].toString();
        // Not a member yet: alice may not create keys there.
        expectError(createKey(alice, teamId), 403, u"NoPermission"_s);
        expectSuccess(membership(account, u"AddWorkspaceMember"_s, teamId, u"alice"_s));
        const HttpResult teamKey = createKey(alice, teamId);
        expectSuccess(teamKey);
        const HttpResult defaultKey = createKey(alice, defaultWorkspace(account));
        QCOMPARE(models(keyValue(teamKey)).status, 200);

        expectSuccess(membership(account, u"RemoveWorkspaceMember"_s, teamId, u"alice"_s));
        expectNativeUnauthorized(models(keyValue(teamKey)), u"Invalid API-key provided."_s);
        QCOMPARE(apiKey(onKey(account.root, u"GetApiKey"_s, "GET", keyId(teamKey)))[u"isBlocked"_s]
                     .toInt(),
                 1);
        QCOMPARE(models(keyValue(defaultKey)).status, 200); // other workspaces unaffected

        // RAM users start in the default workspace and can be removed from it too.
        expectSuccess(
            membership(account, u"RemoveWorkspaceMember"_s, defaultWorkspace(account), u"alice"_s));
        expectNativeUnauthorized(models(keyValue(defaultKey)), u"Invalid API-key provided."_s);
        expectSuccess(membership(account, u"AddWorkspaceMember"_s, teamId, u"alice"_s));
        QCOMPARE(models(keyValue(teamKey)).status, 200);
    }

    void temporaryKeyDefaultsToSixtySeconds()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString parent = keyValue(createKey(account.root, defaultWorkspace(account)));
        const qint64 before = m_sandbox.serverNowSeconds();
        const HttpResult token = bearer("POST", u"/api/v1/tokens"_s, parent);
        QVERIFY2(token.status == 200, token.body.constData());
        QVERIFY(QRegularExpression(u"^st-[0-9a-f]{32}$"_s)
                    .match(token.json[u"token"_s].toString())
                    .hasMatch());
        const qint64 expiresAt = token.json[u"expires_at"_s].toInteger();
        QVERIFY2(expiresAt >= before + 60 && expiresAt <= m_sandbox.serverNowSeconds() + 60,
                 qPrintable(QString::number(expiresAt - before)));
    }

    void temporaryKeyLifetimeBounds_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("0") << u"0"_s << 400;
        QTest::newRow("1801") << u"1801"_s << 400;
        QTest::newRow("abc") << u"abc"_s << 400;
        QTest::newRow("negative") << u"-5"_s << 400;
        QTest::newRow("empty") << u""_s << 400;
        QTest::newRow("huge") << u"99999999999999999999"_s << 400;
        QTest::newRow("1") << u"1"_s << 200;
        QTest::newRow("1800") << u"1800"_s << 200;
    }

    void temporaryKeyLifetimeBounds()
    {
        QFETCH(QString, value);
        QFETCH(int, status);
        const SandboxAccount account = m_sandbox.createAccount();
        const QString parent = keyValue(createKey(account.root, defaultWorkspace(account)));
        const qint64 before = m_sandbox.serverNowSeconds();
        const HttpResult token
            = bearer("POST", u"/api/v1/tokens?expire_in_seconds="_s + value, parent);
        QVERIFY2(token.status == status, token.body.constData());
        if (status == 200) {
            const qint64 lifetime = token.json[u"expires_at"_s].toInteger() - before;
            QVERIFY(lifetime >= value.toInt() && lifetime <= value.toInt() + 2);
        } else {
            QCOMPARE(token.json[u"code"_s].toString(), u"InvalidParameter"_s);
            QVERIFY(token.json[u"message"_s].toString().contains(u"expire_in_seconds"_s));
            QVERIFY(!token.json[u"request_id"_s].toString().isEmpty());
        }
    }

    void temporaryKeyWorksUntilExpiry()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString parent = keyValue(createKey(account.root, defaultWorkspace(account)));
        const QString token = bearer("POST", u"/api/v1/tokens?expire_in_seconds=120"_s, parent)
                                  .json[u"token"_s]
                                  .toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(models(token).status, 200);
        QCOMPARE(compatibleModels(token).status, 200);
        m_sandbox.advanceClock(110);
        QCOMPARE(models(token).status, 200);
        m_sandbox.advanceClock(15);
        expectNativeUnauthorized(models(token), u"Invalid API-key provided."_s);
        expectCompatibleUnauthorized(compatibleModels(token));
        QCOMPARE(models(parent).status, 200); // the permanent key never expires
    }

    void temporaryKeySurvivesParentDeletion()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const HttpResult created = createKey(account.root, defaultWorkspace(account));
        const QString token
            = bearer("POST", u"/api/v1/tokens?expire_in_seconds=300"_s, keyValue(created))
                  .json[u"token"_s]
                  .toString();
        QVERIFY(!token.isEmpty());
        expectSuccess(onKey(account.root, u"DeleteApiKey"_s, "DELETE", keyId(created)));
        expectNativeUnauthorized(models(keyValue(created)), u"Invalid API-key provided."_s);
        QCOMPARE(models(token).status, 200); // temporary keys cannot be revoked
        m_sandbox.advanceClock(301);
        expectNativeUnauthorized(models(token), u"Invalid API-key provided."_s);
    }

    void temporaryKeyCannotIssueTokens()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString parent = keyValue(createKey(account.root, defaultWorkspace(account)));
        const QString token
            = bearer("POST", u"/api/v1/tokens"_s, parent).json[u"token"_s].toString();
        QVERIFY(!token.isEmpty());
        expectNativeUnauthorized(bearer("POST", u"/api/v1/tokens"_s, token),
                                 u"Invalid API-key provided."_s);
    }

    void validKeyListsModels()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString value = keyValue(createKey(account.root, defaultWorkspace(account)));
        const HttpResult native = models(value);
        QCOMPARE(native.status, 200);
        QVERIFY(!native.json[u"request_id"_s].toString().isEmpty());
        QVERIFY(!native.json[u"output"_s][u"models"_s].toArray().isEmpty());
        const HttpResult compatible = compatibleModels(value);
        QCOMPARE(compatible.status, 200);
        QCOMPARE(compatible.json[u"object"_s].toString(), u"list"_s);
        const QJsonObject first = compatible.json[u"data"_s][0].toObject();
        QVERIFY(!first[u"id"_s].toString().isEmpty());
        QCOMPARE(first[u"object"_s].toString(), u"model"_s);
    }

    void invalidOrMissingKeyIsRefused_data()
    {
        QTest::addColumn<QString>("value"); // null: no Authorization header
        QTest::addColumn<QString>("nativeMessage");
        QTest::newRow("missing") << QString() << u"No API-key provided."_s;
        QTest::newRow("empty") << u""_s << u"No API-key provided."_s;
        QTest::newRow("unknown") << u"sk-0123456789abcdef0123456789abcdef"_s
                                 << u"Invalid API-key provided."_s;
        QTest::newRow("garbage") << u"not a key"_s << u"Invalid API-key provided."_s;
    }

    void invalidOrMissingKeyIsRefused()
    {
        QFETCH(QString, value);
        QFETCH(QString, nativeMessage);
        expectNativeUnauthorized(models(value), nativeMessage);
        expectNativeUnauthorized(bearer("POST", u"/api/v1/tokens"_s, value), nativeMessage);
        expectCompatibleUnauthorized(compatibleModels(value));
    }

    void unknownApiKeyIdIsNotFound()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const qint64 unknown = 987654321012LL;
        expectError(onKey(account.root, u"GetApiKey"_s, "GET", unknown), 404,
                    u"EntityNotExist.ApiKey"_s);
        expectError(
            onKey(account.root, u"UpdateApiKey"_s, "PUT", unknown, {{u"description"_s, u"x"_s}}),
            404, u"EntityNotExist.ApiKey"_s);
        expectError(onKey(account.root, u"DeleteApiKey"_s, "DELETE", unknown), 404,
                    u"EntityNotExist.ApiKey"_s);
        // Another account's key is not found either.
        const SandboxAccount other = m_sandbox.createAccount();
        const HttpResult theirs = createKey(other.root, defaultWorkspace(other));
        expectError(onKey(account.root, u"GetApiKey"_s, "GET", keyId(theirs)), 404,
                    u"EntityNotExist.ApiKey"_s);
        expectError(createKey(account.root, defaultWorkspace(other)), 404,
                    u"EntityNotExist.Workspace"_s);
    }

    void malformedParametersAreRefused_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<protocol::QueryItems>("query");
        QTest::addColumn<QString>("code");
        const auto list = [](const QString &name, const QString &value) {
            return protocol::QueryItems {{name, value}};
        };
        const QString keys = u"ListApiKeys"_s;
        QTest::newRow("maxResults 0") << keys << "GET"_ba
                                      << "/maas/apikeys"_ba << list(u"maxResults"_s, u"0"_s)
                                      << u"InvalidParameter.maxResults"_s;
        QTest::newRow("maxResults 101") << keys << "GET"_ba
                                        << "/maas/apikeys"_ba << list(u"maxResults"_s, u"101"_s)
                                        << u"InvalidParameter.maxResults"_s;
        QTest::newRow("maxResults abc") << keys << "GET"_ba
                                        << "/maas/apikeys"_ba << list(u"maxResults"_s, u"abc"_s)
                                        << u"InvalidParameter.maxResults"_s;
        QTest::newRow("maxResults empty") << keys << "GET"_ba
                                          << "/maas/apikeys"_ba << list(u"maxResults"_s, u""_s)
                                          << u"InvalidParameter.maxResults"_s;
        QTest::newRow("nextToken forged")
            << keys << "GET"_ba
            << "/maas/apikeys"_ba << list(u"nextToken"_s, u"%%not-a-token"_s)
            << u"InvalidParameter.nextToken"_s;
        QTest::newRow("apiKeyId filter") << keys << "GET"_ba
                                         << "/maas/apikeys"_ba << list(u"apiKeyId"_s, u"12x"_s)
                                         << u"InvalidParameter.apiKeyId"_s;
        QTest::newRow("workspaces maxResults")
            << u"ListWorkspaces"_s << "GET"_ba
            << "/maas/workspaces"_ba << list(u"maxResults"_s, u"1000"_s)
            << u"InvalidParameter.maxResults"_s;
        QTest::newRow("path apiKeyId")
            << u"GetApiKey"_s << "GET"_ba
            << "/maas/apikeys/abc"_ba << protocol::QueryItems {} << u"InvalidParameter.apiKeyId"_s;
        QTest::newRow("huge apiKeyId") << u"DeleteApiKey"_s << "DELETE"_ba
                                       << "/maas/apikeys/99999999999999999999999"_ba
                                       << protocol::QueryItems {} << u"InvalidParameter.apiKeyId"_s;
        QTest::newRow("long description")
            << u"CreateApiKey"_s << "POST"_ba
            << "/maas/apikeys"_ba << list(u"description"_s, QString(201, u'd'))
            << u"InvalidParameter.description"_s;
        QTest::newRow("update without description")
            << u"UpdateApiKey"_s << "PUT"_ba
            << "/maas/apikeys/1"_ba << protocol::QueryItems {} << u"MissingParameter"_s;
        QTest::newRow("workspace without name")
            << u"CreateWorkspace"_s << "POST"_ba
            << "/maas/workspaces"_ba << protocol::QueryItems {} << u"MissingParameter"_s;
        QTest::newRow("workspace region")
            << u"CreateWorkspace"_s << "POST"_ba
            << "/maas/workspaces"_ba
            << protocol::QueryItems {{u"workspaceName"_s, u"x"_s}, {u"region"_s, u"mars-1"_s}}
            << u"InvalidParameter.region"_s;
    }

    void malformedParametersAreRefused()
    {
        QFETCH(QString, action);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(protocol::QueryItems, query);
        QFETCH(QString, code);
        const SandboxAccount account = m_sandbox.createAccount();
        expectError(maas(account.root, action, method, path, query), 400, code);
    }

    void pagingWalksEveryKeyOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        for (int i = 0; i < 5; ++i)
            expectSuccess(createKey(account.root, defaultWorkspace(account)));
        QSet<qint64> seen;
        QString token;
        int pages = 0;
        do {
            protocol::QueryItems query {{u"maxResults"_s, u"2"_s}};
            if (!token.isEmpty())
                query.append({u"nextToken"_s, token});
            const HttpResult page = listKeys(account.root, query);
            expectSuccess(page);
            QCOMPARE(page.json[u"totalCount"_s].toInt(), 5);
            QCOMPARE(page.json[u"maxResults"_s].toInt(), 2);
            for (const QJsonValue key : page.json[u"apiKeys"_s].toArray())
                seen.insert(key[u"apiKeyId"_s].toInteger());
            token = page.json[u"nextToken"_s].toString();
            ++pages;
        } while (!token.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
    }

    void workspaceIsChosenByRootOnly()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto alice = m_sandbox.createRamUser(account, u"alice"_s);
        expectError(createWorkspace(alice, u"mine"_s), 403, u"NoPermission"_s);
        const HttpResult team = createWorkspace(account.root, u"team"_s);
        expectSuccess(team);
        expectError(createWorkspace(account.root, u"team"_s), 409,
                    u"EntityAlreadyExists.Workspace"_s);
        // A RAM user lists only the workspaces it belongs to.
        const HttpResult seen = maas(alice, u"ListWorkspaces"_s, "GET", "/maas/workspaces");
        expectSuccess(seen);
        QCOMPARE(seen.json[u"workspaces"_s].toArray().size(), 1);
        QCOMPARE(seen.json[u"workspaces"_s][0][u"workspaceId"_s].toString(),
                 defaultWorkspace(account));
    }
};

QTEST_GUILESS_MAIN(TestMaasRules)
#include "TestMaasRules.moc"
