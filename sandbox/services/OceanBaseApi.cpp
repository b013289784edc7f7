#include "services/OceanBaseApi.h"

#include "Identity.h"
#include "SandboxLog.h"
#include "protocol/KeyMask.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

static const QByteArray kKeysPath = "/api/v2/maas/apikeys";
static const QString kListAction = u"ListAIServiceAPIKeys"_s;
static const QStringList kKeyActions {u"read"_s, u"write"_s, u"all"_s};

static ApiError invalidParameter(const QString &message)
{
    return {400, u"INVALID_PARAMETER"_s, message, {}};
}

static QString lowerRandom(int count)
{
    return Identity::randomAlphanumeric(count).toLower();
}

static QString valueHash(const QString &value)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex());
}

OceanBaseApi::OceanBaseApi(SandboxContext &context)
    : ServiceApi(context)
    , m_auth(context.store, context.clock)
{ }

QStringList OceanBaseApi::schema() const
{
    return {
        u"CREATE TABLE IF NOT EXISTS oceanbase_orgs ("
        " org_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(account_id),"
        " created INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS oceanbase_projects ("
        " project_id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES oceanbase_orgs(org_id),"
        " created INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS oceanbase_access_keys ("
        " access_key_id TEXT PRIMARY KEY, secret TEXT NOT NULL,"
        " org_id TEXT NOT NULL REFERENCES oceanbase_orgs(org_id), created INTEGER NOT NULL)"_s,
        // Only a hash of each key's value is kept: the value is shown once, at creation.
        u"CREATE TABLE IF NOT EXISTS oceanbase_api_keys ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
        " project_id TEXT NOT NULL REFERENCES oceanbase_projects(project_id),"
        " name TEXT NOT NULL, action TEXT NOT NULL, value_hash TEXT NOT NULL UNIQUE,"
        " masked TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
        " expires INTEGER)"_s,
        u"CREATE INDEX IF NOT EXISTS oceanbase_api_keys_project"
        " ON oceanbase_api_keys (project_id, seq)"_s,
    };
}

void OceanBaseApi::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QByteArray &method, const QString &action, Handler handler) {
        router.addRawRoute(
            method, kKeysPath,
            [this, action, handler](const HttpRequest &request, const QString &requestId) {
                return serve(request, requestId, action, handler);
            });
    };
    add("POST", u"CreateAIServiceAPIKey"_s, &OceanBaseApi::createKey);
    add("GET", kListAction, &OceanBaseApi::listKeys);
    add("DELETE", u"DeleteAIServiceAPIKey"_s, &OceanBaseApi::deleteKey);
    for (const QByteArray &method : {"PUT"_ba, "PATCH"_ba}) {
        router.addRawRoute(method, kKeysPath,
                           [this, method](const HttpRequest &request, const QString &requestId) {
                               const OceanBaseCall call {
                                   request, oceanBaseRequestId(request, requestId), {}, {}, {}};
                               return fail(call,
                                           {405,
                                            u"METHOD_NOT_ALLOWED"_s,
                                            u"The method %1 is not allowed here."_s.arg(
                                                QString::fromLatin1(method)),
                                            {}});
                           });
    }
    router.addRawRoute("GET", "/oceanbase/maas/v1/models",
                       [this](const HttpRequest &request, const QString &requestId) {
                           HttpReply reply = listModels(request);
                           reply.setHeader("x-request-id", requestId.toLatin1());
                           return reply;
                       });
}

void OceanBaseApi::provisionAccount(const QString &accountId, QJsonObject &details)
{
    const qint64 now = m_context.clock.nowSeconds();
    const QString orgId = u"org-"_s + lowerRandom(8);
    const QString projectId = u"proj-"_s + lowerRandom(8);
    const QString accessKeyId = Identity::randomAlphanumeric(24);
    const QString secret = Identity::randomAlphanumeric(32);
    m_context.store.run(
        u"INSERT INTO oceanbase_orgs (org_id, account_id, created) VALUES (?, ?, ?)"_s,
        {orgId, accountId, now});
    m_context.store.run(u"INSERT INTO oceanbase_projects (project_id, org_id, created)"
                        u" VALUES (?, ?, ?)"_s,
                        {projectId, orgId, now});
    m_context.store.run(
        u"INSERT INTO oceanbase_access_keys (access_key_id, secret, org_id, created)"
        u" VALUES (?, ?, ?, ?)"_s,
        {accessKeyId, secret, orgId, now});
    details.insert(u"oceanbase"_s,
                   QJsonObject {{u"accessKeyId"_s, accessKeyId},
                                {u"accessKeySecret"_s, secret},
                                {u"orgId"_s, orgId},
                                {u"projectId"_s, projectId}});
}

void OceanBaseApi::seedDemo(const QString &accountId, QJsonObject &demo)
{
    Q_UNUSED(demo) // the demo file's "oceanbase" object comes from provisionAccount
    QSqlQuery row = m_context.store.run(u"SELECT p.project_id FROM oceanbase_projects p"
                                        u" JOIN oceanbase_orgs o ON o.org_id = p.org_id"
                                        u" WHERE o.account_id = ? ORDER BY p.created LIMIT 1"_s,
                                        {accountId});
    if (!row.next())
        return;
    const QString projectId = row.value(0).toString();
    insertKey(projectId, u"demo-read"_s, u"read"_s);
    insertKey(projectId, u"demo-write"_s, u"write"_s);
}

HttpReply OceanBaseApi::serve(const HttpRequest &request, const QString &routerRequestId,
                              const QString &action, Handler handler)
{
    OceanBaseCall call {request, oceanBaseRequestId(request, routerRequestId), action, {}, {}};
    try {
        const OceanBaseAuthOutcome outcome = m_auth.authenticate(request);
        if (const auto *refused = std::get_if<OceanBaseAuthRefusal>(&outcome))
            return fail(call, refused->error, refused->stale);
        call.caller = std::get<OceanBaseCaller>(outcome);
        if (auto error = checkScope(call))
            return fail(call, *error);
        // The vendor answers INVALID_PARAMETER for a uid that is sent but empty (seed 002).
        if (request.hasQuery(u"uid"_s) && request.queryValue(u"uid"_s).trimmed().isEmpty())
            return fail(call, invalidParameter(u"The query parameter uid must not be empty."_s));
        return (this->*handler)(call);
    } catch (const StoreError &error) {
        qCCritical(lcSandbox) << "store failure:" << error.what();
        return fail(call, {500, u"E001R000"_s, u"Unknown Error"_s, {}});
    }
}

std::optional<ApiError> OceanBaseApi::checkScope(OceanBaseCall &call)
{
    const QString orgId = QString::fromUtf8(call.http.header("x-ob-org-id")).trimmed();
    const QString projectId = QString::fromUtf8(call.http.header("x-ob-project-id")).trimmed();
    if (orgId.isEmpty())
        return ApiError {400, u"MISSING_HEADER"_s, u"The header X-OB-Org-Id is required."_s, {}};
    if (projectId.isEmpty())
        return ApiError {
            400, u"MISSING_HEADER"_s, u"The header X-OB-Project-Id is required."_s, {}};
    if (orgId != call.caller.orgId)
        return ApiError {403,
                         u"PERMISSION_DENIED"_s,
                         u"The AccessKey does not belong to the organization in X-OB-Org-Id."_s,
                         {}};
    if (!m_context.store
             .run(u"SELECT 1 FROM oceanbase_projects WHERE project_id = ? AND org_id = ?"_s,
                  {projectId, orgId})
             .next())
        return ApiError {403,
                         u"PERMISSION_DENIED"_s,
                         u"The project in X-OB-Project-Id is not in the AccessKey's"
                         u" organization."_s,
                         {}};
    call.projectId = projectId;
    return std::nullopt;
}

static std::optional<ApiError> validateNewKey(const QJsonObject &body)
{
    const QJsonValue name = body.value(u"name"_s);
    if (name.isUndefined() || name.isNull())
        return invalidParameter(u"The field name is required."_s);
    if (!name.isString())
        return invalidParameter(u"The field name must be a string."_s);
    if (name.toString().trimmed().isEmpty())
        return invalidParameter(u"The field name must not be empty."_s);
    if (name.toString().size() > OceanBaseApi::kMaxNameLength)
        return invalidParameter(
            u"The field name must be at most %1 characters."_s.arg(OceanBaseApi::kMaxNameLength));
    static const QRegularExpression control(u"[\\x00-\\x1f\\x7f]"_s);
    if (control.match(name.toString()).hasMatch())
        return invalidParameter(u"The field name must not contain control characters."_s);
    const QJsonValue action = body.value(u"action"_s);
    if (action.isUndefined() || action.isNull())
        return invalidParameter(u"The field action is required."_s);
    if (!action.isString())
        return invalidParameter(u"The field action must be a string."_s);
    if (!kKeyActions.contains(action.toString()))
        return invalidParameter(u"The field action must be one of: read, write, all."_s);
    return std::nullopt;
}

HttpReply OceanBaseApi::createKey(OceanBaseCall &call)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(call.http.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(call,
                    {400,
                     u"INVALID_REQUEST_BODY"_s,
                     u"The request body is not valid JSON: "_s + parseError.errorString(),
                     {}});
    if (!document.isObject())
        return fail(
            call,
            {400, u"INVALID_REQUEST_BODY"_s, u"The request body must be a JSON object."_s, {}});
    const QJsonObject body = document.object();
    if (auto error = validateNewKey(body))
        return fail(call, *error);
    const QString name = body.value(u"name"_s).toString();
    std::optional<ApiError> error;
    NewKey key;
    m_context.store.transaction([&] {
        QSqlQuery count = m_context.store.run(
            u"SELECT COUNT(*) FROM oceanbase_api_keys WHERE project_id = ?"_s, {call.projectId});
        if (count.next() && count.value(0).toInt() >= kMaxKeysPerProject) {
            error = ApiError {409,
                              u"API_KEY_LIMIT_EXCEEDED"_s,
                              u"A project can have at most %1 API keys: delete one first."_s.arg(
                                  kMaxKeysPerProject),
                              {}};
            return;
        }
        key = insertKey(call.projectId, name, body.value(u"action"_s).toString());
    });
    if (error)
        return fail(call, *error);
    return oceanBaseSuccess(call,
                            QJsonObject {{u"id"_s, key.id},
                                         {u"apiKey"_s, key.value},
                                         {u"name"_s, name},
                                         {u"createdAt"_s, Identity::isoDate(key.created)}});
}

OceanBaseApi::NewKey OceanBaseApi::insertKey(const QString &projectId, const QString &name,
                                             const QString &action)
{
    NewKey key {u"ak-"_s + lowerRandom(16), u"sk_"_s + Identity::randomAlphanumeric(32),
                m_context.clock.now()};
    const qint64 now = key.created.toSecsSinceEpoch();
    m_context.store.run(u"INSERT INTO oceanbase_api_keys (id, project_id, name, action,"
                        u" value_hash, masked, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {key.id, projectId, name, action, valueHash(key.value),
                         keydesk::protocol::maskKey(key.value), now, now});
    return key;
}

// A page parameter: a whole number >= 1; digits too many for 64 bits count as the largest.
static std::optional<ApiError> pageParameter(const HttpRequest &request, const QString &name,
                                             qint64 fallback, qint64 &value)
{
    value = fallback;
    if (!request.hasQuery(name))
        return std::nullopt;
    const QString text = request.queryValue(name).trimmed();
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    if (!digits.match(text).hasMatch())
        return invalidParameter(
            u"The query parameter %1 must be a whole number from 1."_s.arg(name));
    bool ok = false;
    value = text.toLongLong(&ok);
    if (!ok)
        value = std::numeric_limits<qint64>::max();
    if (value < 1)
        return invalidParameter(
            u"The query parameter %1 must be a whole number from 1."_s.arg(name));
    return std::nullopt;
}

HttpReply OceanBaseApi::listKeys(OceanBaseCall &call)
{
    // Action=ListAIServiceAPIKeys may come as a query parameter or a header; it is echoed.
    QString action = call.http.queryValue(u"Action"_s);
    if (action.isEmpty())
        action = QString::fromUtf8(call.http.header("action"));
    if (!action.isEmpty() && action != kListAction)
        return fail(call, invalidParameter(u"Action must be ListAIServiceAPIKeys."_s));
    qint64 pageNumber = 1;
    qint64 pageSize = kDefaultPageSize;
    if (auto error = pageParameter(call.http, u"pageNumber"_s, 1, pageNumber))
        return fail(call, *error);
    if (auto error = pageParameter(call.http, u"pageSize"_s, kDefaultPageSize, pageSize))
        return fail(call, *error);
    // The vendor's list page: "maximum 100; if exceeded, the server forces 20" (protocols.md §3).
    if (pageSize > kMaxPageSize)
        pageSize = kOversizePageSize;

    QSqlQuery count = m_context.store.run(
        u"SELECT COUNT(*) FROM oceanbase_api_keys WHERE project_id = ?"_s, {call.projectId});
    const qint64 total = count.next() ? count.value(0).toLongLong() : 0;
    QJsonArray list;
    if (pageNumber - 1 <= total / pageSize) {
        QSqlQuery rows = m_context.store.run(
            u"SELECT id, name, action, created, updated, expires, masked FROM oceanbase_api_keys"
            u" WHERE project_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?"_s,
            {call.projectId, pageSize, (pageNumber - 1) * pageSize});
        while (rows.next()) {
            const auto date = [&rows](int column) -> QJsonValue {
                if (rows.value(column).isNull())
                    return QJsonValue::Null;
                return Identity::isoDate(QDateTime::fromSecsSinceEpoch(
                    rows.value(column).toLongLong(), QTimeZone::utc()));
            };
            list.append(QJsonObject {{u"id"_s, rows.value(0).toString()},
                                     {u"name"_s, rows.value(1).toString()},
                                     {u"action"_s, rows.value(2).toString()},
                                     {u"createdAt"_s, date(3)},
                                     {u"updatedAt"_s, date(4)},
                                     {u"expiresAt"_s, date(5)},
                                     {u"maskedKey"_s, rows.value(6).toString()}});
        }
    }
    return oceanBaseSuccess(call,
                            QJsonObject {{u"list"_s, list},
                                         {u"totalCount"_s, total},
                                         {u"pageNumber"_s, pageNumber},
                                         {u"pageSize"_s, pageSize}});
}

HttpReply OceanBaseApi::deleteKey(OceanBaseCall &call)
{
    const QString id = call.http.queryValue(u"id"_s).trimmed();
    if (id.isEmpty())
        return fail(call, invalidParameter(u"The query parameter id is required."_s));
    bool deleted = false;
    m_context.store.transaction([&] {
        QSqlQuery query = m_context.store.run(
            u"DELETE FROM oceanbase_api_keys WHERE id = ? AND project_id = ?"_s,
            {id, call.projectId});
        deleted = query.numRowsAffected() > 0;
    });
    if (!deleted)
        return fail(
            call,
            {404, u"API_KEY_NOT_FOUND"_s, u"No API key with this id exists in the project."_s, {}});
    return oceanBaseSuccess(call, QJsonObject {});
}

// Sandbox-defined "test this key" probe in the OpenAI-compatible shape (protocols.md §3).
HttpReply OceanBaseApi::listModels(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization").trimmed();
    bool valid = false;
    if (header.toLower().startsWith("bearer ")) {
        const QString value = QString::fromUtf8(header.mid(7).trimmed());
        valid = !value.isEmpty()
            && m_context.store
                   .run(u"SELECT 1 FROM oceanbase_api_keys WHERE value_hash = ?"_s,
                        {valueHash(value)})
                   .next();
    }
    if (!valid)
        return HttpReply::json(401,
                               {{u"error"_s,
                                 QJsonObject {{u"code"_s, u"unauthorized"_s},
                                              {u"message"_s, u"Invalid API key."_s}}}});
    QJsonArray models;
    for (const QString &id : {u"deepseek-v3"_s, u"qwen3-235b-a22b"_s, u"text-embedding-v4"_s})
        models.append(QJsonObject {{u"id"_s, id},
                                   {u"object"_s, u"model"_s},
                                   {u"created"_s, 1735689600},
                                   {u"owned_by"_s, u"oceanbase"_s}});
    return HttpReply::json(200, {{u"object"_s, u"list"_s}, {u"data"_s, models}});
}

HttpReply OceanBaseApi::fail(const OceanBaseCall &call, const ApiError &error, bool stale)
{
    return oceanBaseFailure(call, error,
                            error.status == 401 ? m_auth.challenges(stale) : QList<QByteArray> {});
}
