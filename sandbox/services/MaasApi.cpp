#include "services/MaasApi.h"

#include "protocol/KeyMask.h"
#include "services/MaasEnvelope.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString kDefaultRegion = u"ap-southeast-1"_s;

ApiError keyNotFound()
{
    return {404, u"EntityNotExist.ApiKey"_s, u"The API key does not exist."_s, {}};
}

std::optional<ApiError> validateDescription(const QString &description)
{
    if (description.size() > 200)
        return ApiError::invalidParameter(u"description"_s,
                                          u"It must be at most 200 characters."_s);
    return std::nullopt;
}

// apiKeyId is an integer in the MaaS models (protocols.md §5); anything else is malformed.
std::optional<qint64> parseKeyId(const QString &text)
{
    static const QRegularExpression digits(u"^[0-9]{1,18}$"_s);
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

ApiError malformedKeyId()
{
    return ApiError::invalidParameter(u"apiKeyId"_s, u"It must be a positive integer."_s);
}

const QString kKeyColumns = u"k.api_key_id, k.value, k.account_id, k.owner_user, k.description,"
                            u" k.created_ms, k.workspace_id, "_s;

QString keysFrom()
{
    return u" FROM maas_api_keys k JOIN maas_workspaces w ON w.workspace_id = k.workspace_id"_s;
}

// creator is the owner: the root account's id, or the RAM user's name (docs/sandbox-api.md).
QJsonObject keyJson(const QSqlQuery &row, bool masked)
{
    const QString value = row.value(1).toString();
    const QString owner = row.value(3).toString();
    return {{u"apiKeyId"_s, row.value(0).toLongLong()},
            {u"apiKeyValue"_s, masked ? keydesk::protocol::maskKey(value) : value},
            {u"creator"_s, owner.isEmpty() ? row.value(2).toString() : owner},
            {u"description"_s, row.value(4).toString()},
            {u"gmtCreate"_s, row.value(5).toLongLong()},
            {u"workspaceId"_s, row.value(6).toString()},
            {u"isBlocked"_s, row.value(7).toInt()}};
}

} // namespace

MaasApi::MaasApi(SandboxContext &context)
    : ServiceApi(context)
    , m_workspaces(context)
    , m_dataPlane(context)
{ }

QStringList MaasApi::schema() const
{
    QStringList statements = MaasWorkspaces::schema();
    statements << u"CREATE TABLE IF NOT EXISTS maas_api_keys ("
                  " api_key_id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL UNIQUE,"
                  " account_id TEXT NOT NULL REFERENCES accounts(account_id),"
                  " workspace_id TEXT NOT NULL, owner_user TEXT NOT NULL DEFAULT '',"
                  " owner_user_id TEXT NOT NULL DEFAULT '',"
                  " description TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL)"_s
               << u"CREATE INDEX IF NOT EXISTS maas_api_keys_account"
                  " ON maas_api_keys (account_id, workspace_id)"_s;
    return statements + MaasDataPlane::schema();
}

void MaasApi::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QString &action, const QByteArray &method, const QString &pattern,
                         HttpReply (MaasApi::*handler)(ApiCall &)) {
        router.addRoaRoute(maas::kProduct, maas::kVersion, action, method, pattern,
                           [this, handler](ApiCall &call) { return (this->*handler)(call); });
    };
    add(u"CreateApiKey"_s, "POST", u"/maas/apikeys"_s, &MaasApi::createApiKey);
    add(u"ListApiKeys"_s, "GET", u"/maas/apikeys"_s, &MaasApi::listApiKeys);
    add(u"GetApiKey"_s, "GET", u"/maas/apikeys/{apiKeyId}"_s, &MaasApi::getApiKey);
    add(u"UpdateApiKey"_s, "PUT", u"/maas/apikeys/{apiKeyId}"_s, &MaasApi::updateApiKey);
    add(u"DeleteApiKey"_s, "DELETE", u"/maas/apikeys/{apiKeyId}"_s, &MaasApi::deleteApiKey);
    m_workspaces.registerRoutes(router);
    m_dataPlane.registerRoutes(router);
}

void MaasApi::provisionAccount(const QString &accountId, QJsonObject &details)
{
    const QString id = m_workspaces.create(accountId, u"Default Workspace"_s, kDefaultRegion, true);
    details.insert(u"modelStudio"_s,
                   QJsonObject {{u"defaultWorkspaceId"_s, id}, {u"region"_s, kDefaultRegion}});
}

qint64 MaasApi::insertKey(const QString &accountId, const QString &workspaceId,
                          const QString &ownerUserName, const QString &description)
{
    const QString ownerId
        = ownerUserName.isEmpty() ? QString() : m_workspaces.userId(accountId, ownerUserName);
    QSqlQuery insert = m_context.store.run(
        u"INSERT INTO maas_api_keys (value, account_id, workspace_id, owner_user, owner_user_id,"
        u" description, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {MaasDataPlane::randomValue(u"sk-"_s), accountId, workspaceId, ownerUserName, ownerId,
         description, m_context.clock.now().toMSecsSinceEpoch()});
    return insert.lastInsertId().toLongLong();
}

HttpReply MaasApi::createApiKey(ApiCall &call)
{
    const QString description = call.param(u"description"_s);
    if (auto error = validateDescription(description))
        return maas::fail(call, *error);
    const QString &account = call.principal.accountId;
    std::optional<ApiError> error;
    QJsonObject key;
    m_context.store.transaction([&] {
        // Without workspaceId the key goes to the default workspace.
        QString workspaceId = call.param(u"workspaceId"_s);
        if (!call.has(u"workspaceId"_s)) {
            QSqlQuery row = m_context.store.run(u"SELECT workspace_id FROM maas_workspaces"
                                                u" WHERE account_id = ? AND is_default = 1"_s,
                                                {account});
            workspaceId = row.next() ? row.value(0).toString() : QString();
        }
        const auto workspace = m_workspaces.find(account, workspaceId);
        if (!workspace) {
            error = ApiError {
                404, u"EntityNotExist.Workspace"_s, u"The workspace does not exist."_s, {}};
            return;
        }
        if (!call.principal.isRoot()
            && !m_workspaces.isMember(*workspace,
                                      m_workspaces.userId(account, call.principal.userName))) {
            error = ApiError {
                403, u"NoPermission"_s, u"You are not a member of this workspace."_s, {}};
            return;
        }
        QSqlQuery count = m_context.store.run(
            u"SELECT COUNT(*) FROM maas_api_keys WHERE workspace_id = ?"_s, {workspace->id});
        if (count.next() && count.value(0).toInt() >= kMaxKeysPerWorkspace) {
            error = ApiError {
                409, u"LimitExceeded.ApiKey"_s, u"A workspace can have at most 20 API keys."_s, {}};
            return;
        }
        const qint64 id = insertKey(account, workspace->id, call.principal.userName, description);
        QSqlQuery row
            = m_context.store.run(u"SELECT "_s + kKeyColumns + MaasWorkspaces::blockedSql()
                                      + keysFrom() + u" WHERE k.api_key_id = ?"_s,
                                  {id});
        row.next();
        key = keyJson(row, false);
    });
    if (error)
        return maas::fail(call, *error);
    return maas::ok(call, {{u"apiKey"_s, key}});
}

HttpReply MaasApi::listApiKeys(ApiCall &call)
{
    maas::Page page;
    if (auto error = maas::readPage(call, 'k', page))
        return maas::fail(call, *error);
    QString where = u" WHERE k.account_id = ?"_s;
    QVariantList bindings {call.principal.accountId};
    // A RAM user sees only the keys it created (seed 003).
    if (!call.principal.isRoot()) {
        where += u" AND k.owner_user = ? AND k.owner_user_id = ?"_s;
        bindings << call.principal.userName
                 << m_workspaces.userId(call.principal.accountId, call.principal.userName);
    }
    if (call.has(u"apiKeyId"_s)) {
        const auto id = parseKeyId(call.param(u"apiKeyId"_s));
        if (!id)
            return maas::fail(call, malformedKeyId());
        where += u" AND k.api_key_id = ?"_s;
        bindings << *id;
    }
    if (call.has(u"workspaceId"_s)) {
        where += u" AND k.workspace_id = ?"_s;
        bindings << call.param(u"workspaceId"_s);
    }
    if (const QString description = call.param(u"description"_s); !description.isEmpty()) {
        where += u" AND instr(lower(k.description), lower(?)) > 0"_s;
        bindings << description;
    }
    QSqlQuery count = m_context.store.run(u"SELECT COUNT(*)"_s + keysFrom() + where, bindings);
    const qint64 total = count.next() ? count.value(0).toLongLong() : 0;
    bindings << page.after << page.maxResults + 1;
    QSqlQuery rows = m_context.store.run(u"SELECT "_s + kKeyColumns + MaasWorkspaces::blockedSql()
                                             + keysFrom() + where
                                             + u" AND k.api_key_id > ? ORDER BY k.api_key_id"
                                               u" LIMIT ?"_s,
                                         bindings);
    QJsonArray keys;
    qint64 last = 0;
    bool more = false;
    while (rows.next()) {
        if (keys.size() == page.maxResults) {
            more = true;
            break;
        }
        keys.append(keyJson(rows, true)); // values masked in lists (docs/sandbox-api.md)
        last = rows.value(0).toLongLong();
    }
    return maas::ok(call,
                    {{u"apiKeys"_s, keys},
                     {u"maxResults"_s, page.maxResults},
                     {u"nextToken"_s, more ? maas::pageToken('k', last) : QString()},
                     {u"totalCount"_s, total}});
}

std::optional<ApiError> MaasApi::findVisibleKey(const ApiCall &call, QJsonObject &key)
{
    const auto id = parseKeyId(call.pathParams.value(u"apiKeyId"_s));
    if (!id)
        return malformedKeyId();
    QSqlQuery row = m_context.store.run(u"SELECT "_s + kKeyColumns + MaasWorkspaces::blockedSql()
                                            + u", k.owner_user_id"_s + keysFrom()
                                            + u" WHERE k.api_key_id = ? AND k.account_id = ?"_s,
                                        {*id, call.principal.accountId});
    if (!row.next())
        return keyNotFound();
    // Someone else's key is answered as if it did not exist, as the console hides it.
    if (!call.principal.isRoot()
        && (row.value(3).toString() != call.principal.userName
            || row.value(8).toString()
                != m_workspaces.userId(call.principal.accountId, call.principal.userName)))
        return keyNotFound();
    key = keyJson(row, false);
    return std::nullopt;
}

HttpReply MaasApi::getApiKey(ApiCall &call)
{
    // Model Studio lets a key's value be read again: GetApiKey returns it in full.
    QJsonObject key;
    if (auto error = findVisibleKey(call, key))
        return maas::fail(call, *error);
    return maas::ok(call, {{u"apiKey"_s, key}});
}

HttpReply MaasApi::updateApiKey(ApiCall &call)
{
    if (!call.has(u"description"_s))
        return maas::fail(call, ApiError::missingParameter(u"description"_s));
    const QString description = call.param(u"description"_s);
    if (auto error = validateDescription(description))
        return maas::fail(call, *error);
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        QJsonObject key;
        if ((error = findVisibleKey(call, key)))
            return;
        m_context.store.run(u"UPDATE maas_api_keys SET description = ? WHERE api_key_id = ?"_s,
                            {description, key.value(u"apiKeyId"_s).toInteger()});
    });
    if (error)
        return maas::fail(call, *error);
    return maas::ok(call);
}

HttpReply MaasApi::deleteApiKey(ApiCall &call)
{
    // Temporary keys issued from this key live on until they expire (protocols.md §5).
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        QJsonObject key;
        if ((error = findVisibleKey(call, key)))
            return;
        m_context.store.run(u"DELETE FROM maas_api_keys WHERE api_key_id = ?"_s,
                            {key.value(u"apiKeyId"_s).toInteger()});
    });
    if (error)
        return maas::fail(call, *error);
    return maas::ok(call);
}

void MaasApi::seedDemo(const QString &accountId, QJsonObject &demo)
{
    // RamApi::seedDemo has already created alice and bob; alice also joins the sub-workspace.
    QJsonObject studio = demo.value(u"modelStudio"_s).toObject();
    const QString defaultId = studio.value(u"defaultWorkspaceId"_s).toString();
    const QString teamId = m_workspaces.create(accountId, u"Team Sandbox"_s, kDefaultRegion, false);
    insertKey(accountId, defaultId, {}, u"Production backend"_s);
    insertKey(accountId, teamId, {}, u"Batch evaluation jobs"_s);
    if (const QString alice = m_workspaces.userId(accountId, u"alice"_s); !alice.isEmpty()) {
        m_workspaces.setMember(teamId, alice, true);
        insertKey(accountId, defaultId, u"alice"_s, u"Alice's laptop"_s);
        insertKey(accountId, teamId, u"alice"_s, u"Alice's experiments"_s);
    }
    studio.insert(u"teamWorkspaceId"_s, teamId);
    demo.insert(u"modelStudio"_s, studio);
}
