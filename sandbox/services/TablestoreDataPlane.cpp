#include "services/TablestoreDataPlane.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

// Knowledge Store and Memory Store actions of the agent-storage SDK (protocols.md §6): the only
// APIs an API key reaches (seed 000). The sandbox implements the first four.
static const QList<QByteArray> kAgentStorageActions
    = QByteArray("CreateKnowledgeBase ListKnowledgeBase CreateMemoryStore ListMemoryStores"
                 " DeleteKnowledgeBase DescribeKnowledgeBase UpdateKnowledgeBase AddDocuments"
                 " UpdateDocument GetDocument ListDocuments DeleteDocuments Retrieve ListChunks"
                 " UpdateChunks GetMemoryStore UpdateMemoryStore DeleteMemoryStore AddMemories"
                 " SearchMemories ListMemories GetMemory UpdateMemory DeleteMemory"
                 " ListMemoryStoreMessages ListMemoryStoreRequests GetMemoryTask ListMemoryTasks"
                 " ListMemoryStoreScopes CreateMemoryDreamTask GetMemoryDreamTask"
                 " ListMemoryDreamTasks CancelMemoryDreamTask ListMemoryDreamActions"
                 " ApplyMemoryDreamActions AddItem ListItems GetItem UpdateItem DeleteItem"
                 " ListItemVersions GetItemVersion RedactItemVersion")
          .split(' ');

// Classic Tablestore APIs: routed only so that an API key sent to them gets the vendor's
// "API keys only support Knowledge Store and Memory Store APIs" refusal (seed 000).
static const QList<QByteArray> kClassicActions
    = QByteArray("ListTable CreateTable DescribeTable UpdateTable DeleteTable GetRow PutRow"
                 " UpdateRow DeleteRow GetRange BatchGetRow BatchWriteRow ComputeSplitPointsBySize"
                 " ListSearchIndex CreateSearchIndex DescribeSearchIndex DeleteSearchIndex Search"
                 " ParallelScan SQLQuery StartLocalTransaction CommitTransaction AbortTransaction"
                 " ListStream DescribeStream GetShardIterator GetStreamRecord")
          .split(' ');

static QString isoSeconds(qint64 seconds)
{
    return Identity::isoDate(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()));
}

QStringList TablestoreDataPlane::schema()
{
    return {
        u"CREATE TABLE IF NOT EXISTS tablestore_collections ("
        " instance_name TEXT NOT NULL REFERENCES tablestore_instances(instance_name),"
        " kind TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
        " created INTEGER NOT NULL, PRIMARY KEY (instance_name, kind, name))"_s,
    };
}

QString TablestoreDataPlane::valueHash(const QByteArray &value)
{
    return QString::fromLatin1(QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex());
}

void TablestoreDataPlane::registerRoutes(ApiRouter &router)
{
    // Every method is routed so that a wrong one gets Tablestore's 405, not the POP one.
    const QList<QByteArray> methods {"POST", "GET", "PUT", "DELETE", "PATCH"};
    const auto add = [&](const QList<QByteArray> &actions, bool agentStorage) {
        for (const QByteArray &action : actions) {
            for (const QByteArray &method : methods)
                router.addRawRoute(method, '/' + action,
                                   [this, action, agentStorage](const HttpRequest &request,
                                                                const QString &requestId) {
                                       return serve(action, agentStorage, request, requestId);
                                   });
        }
    };
    add(kAgentStorageActions, true);
    add(kClassicActions, false);
}

void TablestoreDataPlane::addCollection(const QString &instanceName, const QString &kind,
                                        const QString &name, const QString &description)
{
    m_context.store.run(u"INSERT INTO tablestore_collections (instance_name, kind, name,"
                        u" description, created) VALUES (?, ?, ?, ?, ?)"_s,
                        {instanceName, kind, name, description, m_context.clock.nowSeconds()});
}

// Tablestore's error body and request-id header (protocols.md §6); codes and messages from
// the vendor's error-code table where it has one.
static HttpReply otsReply(int status, const QJsonObject &body, const QString &requestId)
{
    HttpReply reply = HttpReply::json(status, body);
    reply.setHeader("x-ots-requestid", requestId.toLatin1());
    return reply;
}

static HttpReply otsError(const ApiError &error, const QString &requestId)
{
    return otsReply(error.status, {{u"code"_s, error.code}, {u"message"_s, error.message}},
                    requestId);
}

static ApiError authFailed(const QString &message)
{
    return {403, u"OTSAuthFailed"_s, message, {}};
}

static ApiError parameterInvalid(const QString &message)
{
    return {400, u"OTSParameterInvalid"_s, message, {}};
}

HttpReply TablestoreDataPlane::serve(const QByteArray &action, bool agentStorage,
                                     const HttpRequest &request, const QString &requestId)
{
    if (request.method != "POST")
        return otsError(
            {405, u"OTSMethodNotAllowed"_s, u"Only POST method for requests is supported."_s, {}},
            requestId);
    const bool hasApiKey = !request.header("x-ots-apikey").isEmpty();
    const QString actionName = QString::fromLatin1(action);
    if (!agentStorage && !hasApiKey)
        return otsError(
            parameterInvalid(u"Unsupported operation: %1. The sandbox serves only"
                             u" Knowledge Store and Memory Store with API keys."_s.arg(actionName)),
            requestId);
    // The key is not even looked at when it came in clear text.
    if (!request.tls)
        return otsError(authFailed(u"API key access requires HTTPS: send the request to the"
                                   u" https:// endpoint."_s),
                        requestId);
    if (!hasApiKey)
        return otsError(parameterInvalid(u"Missing header: x-ots-apikey. The sandbox accepts only"
                                         u" API-key authentication on this endpoint."_s),
                        requestId);
    if (request.header("x-ots-instancename").isEmpty())
        return otsError(parameterInvalid(u"Missing header: x-ots-instancename."_s), requestId);
    if (auto error = authenticate(request))
        return otsError(*error, requestId);
    if (!agentStorage)
        return otsError(authFailed(u"API keys only support Knowledge Store and Memory Store APIs."
                                   u" To access other Tablestore APIs such as %1, use AccessKey"
                                   u" authentication."_s.arg(actionName)),
                        requestId);

    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return otsError(parameterInvalid(u"The request body is not valid JSON: %1 at offset"
                                             u" %2."_s.arg(parseError.errorString())
                                                 .arg(parseError.offset)),
                            requestId);
        if (!document.isObject())
            return otsError(parameterInvalid(u"The request body must be a JSON object."_s),
                            requestId);
        body = document.object();
    }
    return runAction(action, QString::fromUtf8(request.header("x-ots-instancename")), body,
                     requestId);
}

// The key's checks in the order the vendor's table lists them: the key, the instance, the
// key's RAM user and its rights (seed 000: the key inherits that user's permissions).
std::optional<ApiError> TablestoreDataPlane::authenticate(const HttpRequest &request)
{
    QSqlQuery key
        = m_context.store.run(u"SELECT account_id, expiration, revoked, ram_user_name, ram_user_id"
                              u" FROM tablestore_api_keys WHERE value_sha256 = ?"_s,
                              {valueHash(request.header("x-ots-apikey"))});
    if (!key.next())
        return authFailed(u"The API key does not exist."_s);
    const QString accountId = key.value(0).toString();
    const qint64 expiration = key.value(1).toLongLong();
    if (!key.value(2).isNull())
        return authFailed(
            u"The API key has been revoked (at %1)."_s.arg(isoSeconds(key.value(2).toLongLong())));
    if (m_context.clock.nowSeconds() >= expiration)
        return authFailed(u"The API key expired at %1."_s.arg(isoSeconds(expiration)));

    const QString instanceName = QString::fromUtf8(request.header("x-ots-instancename"));
    QSqlQuery instance = m_context.store.run(
        u"SELECT account_id FROM tablestore_instances WHERE instance_name = ?"_s, {instanceName});
    if (!instance.next())
        return authFailed(u"The instance is not found: %1."_s.arg(instanceName));
    if (instance.value(0).toString() != accountId)
        return authFailed(
            u"The user has no privilege to access the instance %1: an API key"
            u" reaches only the instance of the account that created it."_s.arg(instanceName));

    const QString userName = key.value(3).toString();
    QSqlQuery user = m_context.store.run(
        u"SELECT user_id FROM ram_users WHERE account_id = ? AND user_name = ?"_s,
        {accountId, userName});
    if (!user.next() || user.value(0).toString() != key.value(4).toString())
        return authFailed(u"The user does not exist: %1, the dedicated RAM user of this API key,"
                          u" was deleted."_s.arg(userName));
    if (!m_context.identity.policies(accountId, userName).contains(kPolicy))
        return ApiError {403,
                         u"OTSNoPermissionAccess"_s,
                         u"You have no permission to access the requested resource, please"
                         u" contact the resource owner: the RAM user %1 of this API key no longer"
                         u" has the %2 policy."_s.arg(userName, kPolicy),
                         {}};
    return std::nullopt;
}

HttpReply TablestoreDataPlane::runAction(const QByteArray &action, const QString &instanceName,
                                         const QJsonObject &body, const QString &requestId)
{
    QString name;
    QJsonObject page;
    std::optional<ApiError> error;
    QJsonObject reply;
    // Knowledge-base answers are wrapped in "data" (seed 000's sample reads
    // response["data"]["knowledgeBases"]); memory-store ones are not, as the SDK types them
    // (protocols.md §6, unconfirmed).
    if (action == "CreateKnowledgeBase") {
        error = createCollection(kKnowledgeBase, u"knowledgeBaseName"_s, instanceName, body, name);
        reply = {{u"data"_s, QJsonObject {{u"knowledgeBaseName"_s, name}}}};
    } else if (action == "ListKnowledgeBase") {
        error = listCollections(kKnowledgeBase, u"knowledgeBaseName"_s, instanceName, body, page);
        if (page.contains(u"items"_s))
            page.insert(u"knowledgeBases"_s, page.take(u"items"_s));
        reply = {{u"data"_s, page}};
    } else if (action == "CreateMemoryStore") {
        error = createCollection(kMemoryStore, u"memoryStoreName"_s, instanceName, body, name);
        reply = {{u"memoryStoreName"_s, name}};
    } else if (action == "ListMemoryStores") {
        error = listCollections(kMemoryStore, u"memoryStoreName"_s, instanceName, body, page);
        if (page.contains(u"items"_s))
            page.insert(u"stores"_s, page.take(u"items"_s));
        reply = page;
    } else {
        error = parameterInvalid(u"Unsupported operation: %1. The sandbox implements"
                                 u" CreateKnowledgeBase, ListKnowledgeBase, CreateMemoryStore and"
                                 u" ListMemoryStores."_s.arg(QString::fromLatin1(action)));
    }
    if (error)
        return otsError(*error, requestId);
    return otsReply(200, reply, requestId);
}

// A field counts as given when it is there and not null (SDKs may send null for "unset").
static bool present(const QJsonObject &body, const QString &field)
{
    return body.contains(field) && !body.value(field).isNull();
}

std::optional<ApiError> TablestoreDataPlane::createCollection(const QString &kind,
                                                              const QString &nameField,
                                                              const QString &instanceName,
                                                              const QJsonObject &body,
                                                              QString &name)
{
    static const QRegularExpression allowed(u"^[A-Za-z_][A-Za-z0-9_-]{0,127}$"_s);
    if (!present(body, nameField))
        return parameterInvalid(u"Missing parameter: %1."_s.arg(nameField));
    name = body.value(nameField).toString();
    if (!body.value(nameField).isString() || !allowed.match(name).hasMatch())
        return parameterInvalid(u"Invalid %1: it must be 1 to 128 letters, digits, '_' or '-',"
                                u" starting with a letter or '_'."_s.arg(nameField));
    const QJsonValue description = body.value(u"description"_s);
    if (present(body, u"description"_s)
        && (!description.isString() || description.toString().size() > 1024))
        return parameterInvalid(u"Invalid description: it must be a string of at most 1024"
                                u" characters."_s);
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        if (m_context.store
                .run(u"SELECT 1 FROM tablestore_collections WHERE instance_name = ? AND kind = ?"
                     u" AND name = ?"_s,
                     {instanceName, kind, name})
                .next()) {
            error = ApiError {
                409,
                u"OTSObjectAlreadyExist"_s,
                u"The %1 %2 already exists."_s.arg(
                    kind == kKnowledgeBase ? u"knowledge base"_s : u"memory store"_s, name),
                {}};
            return;
        }
        addCollection(instanceName, kind, name, description.toString());
    });
    return error;
}

// Pages by name: maxResults (1-100, default 100) and the opaque nextToken of the last page.
std::optional<ApiError> TablestoreDataPlane::listCollections(const QString &kind,
                                                             const QString &nameField,
                                                             const QString &instanceName,
                                                             const QJsonObject &body,
                                                             QJsonObject &page)
{
    int maxResults = 100;
    if (present(body, u"maxResults"_s)) {
        const QJsonValue value = body.value(u"maxResults"_s);
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || number < 1 || number > 100)
            return parameterInvalid(u"Invalid maxResults: it must be an integer from 1 to 100."_s);
        maxResults = static_cast<int>(number);
    }
    QString after;
    if (present(body, u"nextToken"_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            body.value(u"nextToken"_s).toString().toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!body.value(u"nextToken"_s).isString() || !decoded || decoded.decoded.isEmpty())
            return parameterInvalid(u"Invalid nextToken: pass the nextToken of the previous"
                                    u" page unchanged."_s);
        after = QString::fromUtf8(*decoded);
    }
    QSqlQuery rows = m_context.store.run(
        u"SELECT name, description FROM tablestore_collections WHERE instance_name = ? AND"
        u" kind = ? AND name > ? ORDER BY name LIMIT ?"_s,
        {instanceName, kind, after, maxResults + 1});
    QJsonArray items;
    QString last;
    while (rows.next()) {
        if (items.size() == maxResults) {
            page.insert(u"nextToken"_s,
                        QString::fromLatin1(last.toUtf8().toBase64(QByteArray::Base64UrlEncoding)));
            break;
        }
        last = rows.value(0).toString();
        items.append(QJsonObject {{nameField, last}, {u"description"_s, rows.value(1).toString()}});
    }
    page.insert(u"items"_s, items);
    return std::nullopt;
}
