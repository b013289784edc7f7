#include "services/TablestoreApi.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

static const QString kProduct = u"Tablestore"_s;
static constexpr int kMaxDescription = 256;

static QString lowerRandom(int count)
{
    return Identity::randomAlphanumeric(count).toLower();
}

static QString isoSeconds(qint64 seconds)
{
    return Identity::isoDate(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()));
}

static ApiError noPermission()
{
    return {403,
            u"NoPermission"_s,
            u"You are not authorized to do this action. Only the root account can manage"
            u" Tablestore API keys: each key creates a RAM user with AliyunOTSFullAccess."_s,
            {}};
}

static ApiError apiKeyNotFound()
{
    return {404, u"EntityNotExist.ApiKey"_s, u"The specified API key does not exist."_s, {}};
}

QStringList TablestoreApi::schema() const
{
    // Only the SHA-256 of a key's value is kept: the value is high-entropy, so a plain hash is
    // enough to find the key, and nothing the sandbox stores can show the value again.
    const QStringList tables {
        u"CREATE TABLE IF NOT EXISTS tablestore_instances ("
        " instance_name TEXT PRIMARY KEY,"
        " account_id TEXT NOT NULL UNIQUE REFERENCES accounts(account_id),"
        " created INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS tablestore_api_keys ("
        " api_key_id TEXT PRIMARY KEY,"
        " account_id TEXT NOT NULL REFERENCES accounts(account_id),"
        " value_sha256 TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',"
        " expiration INTEGER NOT NULL, created INTEGER NOT NULL, revoked INTEGER,"
        " ram_user_name TEXT NOT NULL, ram_user_id TEXT NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS tablestore_api_keys_account"
        " ON tablestore_api_keys (account_id, created)"_s,
    };
    return tables + TablestoreDataPlane::schema();
}

void TablestoreApi::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QString &action, HttpReply (TablestoreApi::*method)(ApiCall &)) {
        router.addRpcAction(kProduct, kVersion, action,
                            [this, method](ApiCall &call) { return (this->*method)(call); });
    };
    add(u"CreateApiKey"_s, &TablestoreApi::createApiKey);
    add(u"ListApiKeys"_s, &TablestoreApi::listApiKeys);
    add(u"DescribeApiKey"_s, &TablestoreApi::describeApiKey);
    add(u"RevokeApiKey"_s, &TablestoreApi::revokeApiKey);

    m_dataPlane.registerRoutes(router);
}

void TablestoreApi::provisionAccount(const QString &accountId, QJsonObject &details)
{
    // Instance names are global in Tablestore (they are part of the endpoint's host name).
    QString name;
    do {
        name = u"kd-"_s + lowerRandom(10);
    } while (
        m_context.store.run(u"SELECT 1 FROM tablestore_instances WHERE instance_name = ?"_s, {name})
            .next());
    m_context.store.run(u"INSERT INTO tablestore_instances (instance_name, account_id, created)"
                        u" VALUES (?, ?, ?)"_s,
                        {name, accountId, m_context.clock.nowSeconds()});
    details.insert(u"tablestore"_s, QJsonObject {{u"instanceName"_s, name}});
}

// ISO 8601 UTC to the second, as the sandbox's other dates: yyyy-MM-ddTHH:mm:ssZ.
static std::optional<QDateTime> parseUtcTime(const QString &text)
{
    static const QRegularExpression format(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"_s);
    if (!format.match(text).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(text.left(10), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(text.mid(11, 8), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

TablestoreApi::NewApiKey TablestoreApi::insertApiKey(const QString &accountId,
                                                     const QDateTime &expiration,
                                                     const QString &description)
{
    NewApiKey key;
    QString userName;
    do {
        key.apiKeyId = lowerRandom(16);
        userName = u"ots-apikey-"_s + key.apiKeyId;
    } while (m_context.store
                 .run(u"SELECT 1 FROM tablestore_api_keys WHERE api_key_id = ?"_s, {key.apiKeyId})
                 .next()
             || m_context.identity.userExists(accountId, userName));
    key.value = u"ots-"_s + Identity::randomAlphanumeric(48);
    // The key's rights are this user's (seed 000): its user id is kept so that a user deleted
    // and created again under the same name does not revive the key.
    const QString userId = m_context.identity.createUser(
        accountId, userName, u"Tablestore API key "_s + key.apiKeyId,
        u"Dedicated user of a Tablestore API key; the key has this user's rights."_s);
    m_context.identity.attachPolicy(accountId, userName, TablestoreDataPlane::kPolicy);
    m_context.store.run(
        u"INSERT INTO tablestore_api_keys (api_key_id, account_id, value_sha256,"
        u" description, expiration, created, ram_user_name, ram_user_id)"
        u" VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {key.apiKeyId, accountId, TablestoreDataPlane::valueHash(key.value.toLatin1()), description,
         expiration.toSecsSinceEpoch(), m_context.clock.nowSeconds(), userName, userId});
    return key;
}

static const QString kKeyColumns
    = u"api_key_id, description, expiration, created, revoked, ram_user_name"_s;

static QJsonObject keyFromRow(const QSqlQuery &row, qint64 now)
{
    const qint64 expiration = row.value(2).toLongLong();
    const bool revoked = !row.value(4).isNull();
    QJsonObject key {{u"ApiKeyId"_s, row.value(0).toString()},
                     {u"Description"_s, row.value(1).toString()},
                     {u"ExpirationTime"_s, isoSeconds(expiration)},
                     {u"CreateTime"_s, isoSeconds(row.value(3).toLongLong())},
                     {u"Status"_s,
                      revoked                 ? u"Revoked"_s
                          : now >= expiration ? u"Expired"_s
                                              : u"Active"_s},
                     {u"RamUserName"_s, row.value(5).toString()}};
    if (revoked)
        key.insert(u"RevokeTime"_s, isoSeconds(row.value(4).toLongLong()));
    return key;
}

std::optional<QJsonObject> TablestoreApi::apiKeyJson(const QString &accountId,
                                                     const QString &apiKeyId)
{
    QSqlQuery row = m_context.store.run(u"SELECT "_s + kKeyColumns
                                            + u" FROM tablestore_api_keys WHERE account_id = ?"
                                              u" AND api_key_id = ?"_s,
                                        {accountId, apiKeyId});
    if (!row.next())
        return std::nullopt;
    return keyFromRow(row, m_context.clock.nowSeconds());
}

HttpReply TablestoreApi::createApiKey(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    const QString expirationText = call.param(u"ExpirationTime"_s);
    if (expirationText.isEmpty())
        return call.fail(ApiError::missingParameter(u"ExpirationTime"_s));
    const auto expiration = parseUtcTime(expirationText);
    if (!expiration)
        return call.fail(ApiError::invalidParameter(
            u"ExpirationTime"_s,
            u"It must be an ISO 8601 UTC time in the form yyyy-MM-ddTHH:mm:ssZ,"
            u" for example 2027-01-31T00:00:00Z."_s));
    if (*expiration <= call.now)
        return call.fail(ApiError::invalidParameter(
            u"ExpirationTime"_s,
            u"It must be in the future; the time now is %1."_s.arg(Identity::isoDate(call.now))));
    const QString description = call.param(u"Description"_s);
    if (description.size() > kMaxDescription)
        return call.fail(ApiError::invalidParameter(
            u"Description"_s, u"It must be at most %1 characters."_s.arg(kMaxDescription)));
    NewApiKey key;
    QJsonObject json;
    m_context.store.transaction([&] {
        key = insertApiKey(call.principal.accountId, *expiration, description);
        json = *apiKeyJson(call.principal.accountId, key.apiKeyId);
    });
    json.insert(u"ApiKeyValue"_s, key.value);
    return call.ok({{u"ApiKey"_s, json}});
}

HttpReply TablestoreApi::listApiKeys(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    QSqlQuery rows = m_context.store.run(u"SELECT "_s + kKeyColumns
                                             + u" FROM tablestore_api_keys WHERE account_id = ?"
                                               u" ORDER BY created, api_key_id"_s,
                                         {call.principal.accountId});
    const qint64 now = call.now.toSecsSinceEpoch();
    QJsonArray keys;
    while (rows.next())
        keys.append(keyFromRow(rows, now));
    return call.ok({{u"ApiKeys"_s, keys}, {u"TotalCount"_s, keys.size()}});
}

HttpReply TablestoreApi::describeApiKey(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    const QString id = call.param(u"ApiKeyId"_s);
    if (id.isEmpty())
        return call.fail(ApiError::missingParameter(u"ApiKeyId"_s));
    const auto key = apiKeyJson(call.principal.accountId, id);
    if (!key)
        return call.fail(apiKeyNotFound());
    return call.ok({{u"ApiKey"_s, *key}});
}

// Revoking is idempotent: a second call answers the key as it is, with its first RevokeTime.
HttpReply TablestoreApi::revokeApiKey(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    const QString id = call.param(u"ApiKeyId"_s);
    if (id.isEmpty())
        return call.fail(ApiError::missingParameter(u"ApiKeyId"_s));
    std::optional<QJsonObject> key;
    m_context.store.transaction([&] {
        m_context.store.run(u"UPDATE tablestore_api_keys SET revoked = ? WHERE account_id = ? AND"
                            u" api_key_id = ? AND revoked IS NULL"_s,
                            {call.now.toSecsSinceEpoch(), call.principal.accountId, id});
        key = apiKeyJson(call.principal.accountId, id);
    });
    if (!key)
        return call.fail(apiKeyNotFound());
    return call.ok({{u"ApiKey"_s, *key}});
}

void TablestoreApi::seedDemo(const QString &accountId, QJsonObject &demo)
{
    const QDateTime now = m_context.clock.now();
    const NewApiKey active = insertApiKey(accountId, now.addDays(365), u"Demo key (active)"_s);
    const NewApiKey revoked = insertApiKey(accountId, now.addDays(30), u"Demo key (revoked)"_s);
    m_context.store.run(u"UPDATE tablestore_api_keys SET revoked = ? WHERE api_key_id = ?"_s,
                        {now.toSecsSinceEpoch(), revoked.apiKeyId});
    QJsonObject tablestore = demo.value(u"tablestore"_s).toObject();
    const QString instanceName = tablestore.value(u"instanceName"_s).toString();
    m_dataPlane.addCollection(instanceName, TablestoreDataPlane::kKnowledgeBase, u"product_docs"_s,
                              u"KeyDesk demo"_s);
    m_dataPlane.addCollection(instanceName, TablestoreDataPlane::kMemoryStore, u"chat_history"_s,
                              u"KeyDesk demo"_s);
    // The demo's own key is the one value the sandbox keeps, in the demo record, so that
    // demo-account.json can be written again at every start.
    tablestore.insert(u"demoApiKey"_s, active.value);
    tablestore.insert(u"demoApiKeyId"_s, active.apiKeyId);
    demo.insert(u"tablestore"_s, tablestore);
}
