#include "services/DashVectorApi.h"

#include "protocol/KeyMask.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

static const QString kProduct = u"DashVector"_s;
static constexpr int kMaxDescriptionLength = 128;
// The collections every new account's cluster starts with, so /v1/collections has an answer.
static const QStringList kSeedCollections {u"quickstart"_s, u"product_images"_s};

// The public DashVectorCode enum has no authentication code and the real answer to a bad key
// is unconfirmed (protocols.md §4); -49995 is "Unauthorized" in the older SDK enum.
static constexpr int kUnauthorizedCode = -49995;

static ApiError forbiddenRam()
{
    return {403,
            u"Forbidden.RAM"_s,
            u"Only the Alibaba Cloud account (root account) can manage DashVector API keys;"
            u" RAM users cannot create, list, view or delete them."_s,
            {}};
}

static ApiError apiKeyNotFound()
{
    return {404, u"ApiKey.NotFound"_s, u"The specified API key does not exist."_s, {}};
}

static QString utcDay(const QDateTime &time)
{
    return time.toUTC().date().toString(Qt::ISODate);
}

static QDateTime nextUtcMidnight(const QDateTime &time)
{
    return QDateTime(time.toUTC().date().addDays(1), QTime(0, 0), Qt::UTC);
}

QStringList DashVectorApi::schema() const
{
    return {
        u"CREATE TABLE IF NOT EXISTS dashvector_api_keys ("
        " api_key_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(account_id),"
        " value TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',"
        " created INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS dashvector_api_keys_account"
        " ON dashvector_api_keys (account_id)"_s,
        // Creations per account and UTC day: deleting a key gives no creation back.
        u"CREATE TABLE IF NOT EXISTS dashvector_creations ("
        " account_id TEXT NOT NULL REFERENCES accounts(account_id), day TEXT NOT NULL,"
        " count INTEGER NOT NULL, PRIMARY KEY (account_id, day))"_s,
        u"CREATE TABLE IF NOT EXISTS dashvector_collections ("
        " account_id TEXT NOT NULL REFERENCES accounts(account_id), name TEXT NOT NULL,"
        " PRIMARY KEY (account_id, name))"_s};
}

void DashVectorApi::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QString &action, HttpReply (DashVectorApi::*method)(ApiCall &)) {
        router.addRpcAction(kProduct, kVersion, action,
                            [this, method](ApiCall &call) { return (this->*method)(call); });
    };
    add(u"CreateApiKey"_s, &DashVectorApi::createApiKey);
    add(u"ListApiKeys"_s, &DashVectorApi::listApiKeys);
    add(u"DescribeApiKey"_s, &DashVectorApi::describeApiKey);
    add(u"DeleteApiKey"_s, &DashVectorApi::deleteApiKey);
    router.addRawRoute("GET", "/v1/collections",
                       [this](const HttpRequest &request, const QString &requestId) {
                           return listCollections(request, requestId);
                       });
}

void DashVectorApi::provisionAccount(const QString &accountId, QJsonObject &details)
{
    QJsonArray names;
    for (const QString &name : kSeedCollections) {
        m_context.store.run(
            u"INSERT INTO dashvector_collections (account_id, name) VALUES (?, ?)"_s,
            {accountId, name});
        names.append(name);
    }
    details.insert(u"dashvector"_s, QJsonObject {{u"collections"_s, names}});
}

void DashVectorApi::seedDemo(const QString &accountId, QJsonObject &demo)
{
    QJsonArray ids;
    const QStringList descriptions {u"Demo search service"_s, u"Demo batch import"_s};
    for (const QString &description : descriptions)
        ids.append(insertApiKey(accountId, description, m_context.clock.now()).apiKeyId);
    QJsonObject dashvector = demo.value(u"dashvector"_s).toObject();
    dashvector.insert(u"apiKeyIds"_s, ids);
    demo.insert(u"dashvector"_s, dashvector);
}

static QJsonObject apiKeyJson(const QString &id, const QString &value, const QString &description,
                              const QDateTime &created)
{
    return {{u"ApiKeyId"_s, id},
            {u"ApiKeyValue"_s, value},
            {u"Description"_s, description},
            {u"CreateTime"_s, Identity::isoDate(created)},
            {u"Status"_s, u"Active"_s}};
}

QList<DashVectorApi::ApiKeyRecord> DashVectorApi::apiKeys(const QString &accountId)
{
    QSqlQuery rows = m_context.store.run(
        u"SELECT api_key_id, value, description, created FROM dashvector_api_keys"
        u" WHERE account_id = ? ORDER BY created, rowid"_s,
        {accountId});
    QList<ApiKeyRecord> keys;
    while (rows.next())
        keys.append({rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                     QDateTime::fromSecsSinceEpoch(rows.value(3).toLongLong(), Qt::UTC)});
    return keys;
}

std::optional<DashVectorApi::ApiKeyRecord> DashVectorApi::apiKey(const QString &accountId,
                                                                 const QString &apiKeyId)
{
    for (const ApiKeyRecord &key : apiKeys(accountId)) {
        if (key.apiKeyId == apiKeyId)
            return key;
    }
    return std::nullopt;
}

int DashVectorApi::creationsOn(const QString &accountId, const QDateTime &day)
{
    QSqlQuery row = m_context.store.run(
        u"SELECT count FROM dashvector_creations WHERE account_id = ? AND day = ?"_s,
        {accountId, utcDay(day)});
    return row.next() ? row.value(0).toInt() : 0;
}

DashVectorApi::ApiKeyRecord DashVectorApi::insertApiKey(const QString &accountId,
                                                        const QString &description,
                                                        const QDateTime &now)
{
    ApiKeyRecord key {u"dvk-"_s + Identity::randomAlphanumeric(16),
                      u"sk-"_s + Identity::randomAlphanumeric(32), description, now};
    m_context.store.run(u"INSERT INTO dashvector_api_keys (api_key_id, account_id, value,"
                        u" description, created) VALUES (?, ?, ?, ?, ?)"_s,
                        {key.apiKeyId, accountId, key.value, description, now.toSecsSinceEpoch()});
    m_context.store.run(
        u"INSERT INTO dashvector_creations (account_id, day, count) VALUES (?, ?, 1)"
        u" ON CONFLICT (account_id, day) DO UPDATE SET count = count + 1"_s,
        {accountId, utcDay(now)});
    return key;
}

HttpReply DashVectorApi::createApiKey(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(forbiddenRam());
    const QString description = call.param(u"Description"_s);
    if (description.size() > kMaxDescriptionLength)
        return call.fail(ApiError::invalidParameter(
            u"Description"_s, u"It must be at most %1 characters."_s.arg(kMaxDescriptionLength)));
    const QString accountId = call.principal.accountId;
    std::optional<ApiError> error;
    ApiKeyRecord key;
    m_context.store.transaction([&] {
        if (apiKeys(accountId).size() >= kMaxApiKeys) {
            error = ApiError {409,
                              u"ApiKey.LimitExceeded"_s,
                              u"An account can have at most %1 DashVector API keys. Delete one"
                              u" before creating a new one."_s.arg(kMaxApiKeys),
                              {{u"MaxApiKeys"_s, kMaxApiKeys}}};
            return;
        }
        if (creationsOn(accountId, call.now) >= kDailyCreationLimit) {
            const QString reset = Identity::isoDate(nextUtcMidnight(call.now));
            error = ApiError {409,
                              u"ApiKey.DailyCreationLimitExceeded"_s,
                              u"An account can create at most %1 DashVector API keys a day (UTC);"
                              u" deleting keys does not give creations back. Try again after %2."_s
                                  .arg(kDailyCreationLimit)
                                  .arg(reset),
                              {{u"DailyCreationLimit"_s, kDailyCreationLimit},
                               {u"CreationCountResetTime"_s, reset}}};
            return;
        }
        key = insertApiKey(accountId, description, call.now);
    });
    if (error)
        return call.fail(*error);
    return call.ok(
        {{u"ApiKey"_s, apiKeyJson(key.apiKeyId, key.value, key.description, key.created)}});
}

HttpReply DashVectorApi::listApiKeys(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(forbiddenRam());
    const QString accountId = call.principal.accountId;
    QJsonArray list;
    int creations = 0;
    // One snapshot, so the count and the limits agree with the keys listed.
    m_context.store.transaction([&] {
        for (const ApiKeyRecord &key : apiKeys(accountId))
            list.append(apiKeyJson(key.apiKeyId, keydesk::protocol::maskKey(key.value),
                                   key.description, key.created));
        creations = creationsOn(accountId, call.now);
    });
    return call.ok({{u"ApiKeys"_s, QJsonObject {{u"ApiKey"_s, list}}},
                    {u"MaxApiKeys"_s, kMaxApiKeys},
                    {u"ApiKeyCount"_s, list.size()},
                    {u"DailyCreationLimit"_s, kDailyCreationLimit},
                    {u"CreationsToday"_s, creations},
                    {u"CreationsLeftToday"_s, std::max(0, kDailyCreationLimit - creations)},
                    {u"CreationCountResetTime"_s, Identity::isoDate(nextUtcMidnight(call.now))}});
}

std::optional<ApiError> DashVectorApi::verifiedKey(const ApiCall &call, ApiKeyRecord &key)
{
    if (!call.principal.isRoot())
        return forbiddenRam();
    const QString apiKeyId = call.param(u"ApiKeyId"_s);
    if (apiKeyId.isEmpty())
        return ApiError::missingParameter(u"ApiKeyId"_s);
    if (call.param(u"VerificationCode"_s).isEmpty())
        return ApiError::missingParameter(u"VerificationCode"_s);
    // The key is looked up first, so a mistyped id does not spend the code or count as a failure.
    const auto found = apiKey(call.principal.accountId, apiKeyId);
    if (!found)
        return apiKeyNotFound();
    if (auto error
        = m_context.mfa.verify(call.principal.accountId, call.param(u"VerificationCode"_s)))
        return error;
    key = *found;
    return std::nullopt;
}

HttpReply DashVectorApi::describeApiKey(ApiCall &call)
{
    ApiKeyRecord key;
    std::optional<ApiError> error;
    m_context.store.transaction([&] { error = verifiedKey(call, key); });
    if (error)
        return call.fail(*error);
    return call.ok(
        {{u"ApiKey"_s, apiKeyJson(key.apiKeyId, key.value, key.description, key.created)}});
}

HttpReply DashVectorApi::deleteApiKey(ApiCall &call)
{
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        ApiKeyRecord key;
        if ((error = verifiedKey(call, key)))
            return;
        m_context.store.run(u"DELETE FROM dashvector_api_keys WHERE api_key_id = ?"_s,
                            {key.apiKeyId});
    });
    if (error)
        return call.fail(*error);
    return call.ok();
}

// DashVector's own envelope (protocols.md §4): code, message, request_id (lower-case uuid).
static HttpReply dashVectorReply(int status, int code, const QString &message,
                                 const QString &requestId,
                                 const QJsonValue &output = QJsonValue::Undefined)
{
    QJsonObject body {
        {u"code"_s, code}, {u"message"_s, message}, {u"request_id"_s, requestId.toLower()}};
    if (!output.isUndefined())
        body.insert(u"output"_s, output);
    return HttpReply::json(status, body);
}

HttpReply DashVectorApi::listCollections(const HttpRequest &request, const QString &requestId)
{
    const QString token = QString::fromUtf8(request.header("dashvector-auth-token")).trimmed();
    if (token.isEmpty())
        return dashVectorReply(401, kUnauthorizedCode,
                               u"The dashvector-auth-token header is missing."_s, requestId);
    QSqlQuery owner = m_context.store.run(
        u"SELECT account_id FROM dashvector_api_keys WHERE value = ?"_s, {token});
    if (!owner.next())
        return dashVectorReply(401, kUnauthorizedCode,
                               u"Invalid API key: the key does not exist or was deleted."_s,
                               requestId);
    QSqlQuery rows = m_context.store.run(
        u"SELECT name FROM dashvector_collections WHERE account_id = ? ORDER BY name"_s,
        {owner.value(0).toString()});
    QJsonArray names;
    while (rows.next())
        names.append(rows.value(0).toString());
    return dashVectorReply(200, 0, u"success"_s, requestId, names);
}
