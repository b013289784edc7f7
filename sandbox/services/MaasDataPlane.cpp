#include "services/MaasDataPlane.h"

#include "services/MaasWorkspaces.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

struct Model
{
    QString id;
    QString name;
    QString description;
};

// Every workspace of the sandbox may call the same few models.
const QList<Model> &models()
{
    static const QList<Model> all {
        {u"qwen-max"_s, u"Qwen-Max"_s, u"The most capable Qwen model."_s},
        {u"qwen-plus"_s, u"Qwen-Plus"_s, u"Balanced capability, speed and cost."_s},
        {u"qwen-turbo"_s, u"Qwen-Turbo"_s, u"Fast and low-cost."_s},
        {u"qwen3-coder-plus"_s, u"Qwen3-Coder-Plus"_s, u"Code generation."_s},
        {u"text-embedding-v3"_s, u"Text Embedding v3"_s, u"Text embeddings."_s}};
    return all;
}

HttpReply nativeError(int status, const QString &code, const QString &message,
                      const QString &requestId)
{
    return HttpReply::json(
        status, {{u"code"_s, code}, {u"message"_s, message}, {u"request_id"_s, requestId}});
}

} // namespace

MaasDataPlane::MaasDataPlane(SandboxContext &context)
    : m_context(context)
{ }

QStringList MaasDataPlane::schema()
{
    // A temporary key remembers its parent's id and workspace only: it outlives the parent.
    return {u"CREATE TABLE IF NOT EXISTS maas_tokens ("
            " token TEXT PRIMARY KEY, api_key_id INTEGER NOT NULL, account_id TEXT NOT NULL,"
            " workspace_id TEXT NOT NULL, expires_at INTEGER NOT NULL)"_s};
}

QString MaasDataPlane::randomValue(const QString &prefix)
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return prefix + QString::fromLatin1(bytes.toHex());
}

void MaasDataPlane::registerRoutes(ApiRouter &router)
{
    router.addRawRoute("POST", "/api/v1/tokens",
                       [this](const HttpRequest &request, const QString &requestId) {
                           return createToken(request, requestId);
                       });
    router.addRawRoute("GET", "/api/v1/models",
                       [this](const HttpRequest &request, const QString &requestId) {
                           return listModels(request, requestId, Style::Native);
                       });
    router.addRawRoute("GET", "/compatible-mode/v1/models",
                       [this](const HttpRequest &request, const QString &requestId) {
                           return listModels(request, requestId, Style::Compatible);
                       });
}

MaasDataPlane::Bearer MaasDataPlane::authenticate(const HttpRequest &request)
{
    Bearer bearer;
    const QByteArray header = request.header("authorization").trimmed();
    QByteArray value = header;
    if (header.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        value = header.mid(7).trimmed();
    else if (header.compare("Bearer", Qt::CaseInsensitive) == 0)
        value.clear();
    bearer.present = !value.isEmpty();
    if (!bearer.present || value.size() > 200)
        return bearer;
    const QString key = QString::fromLatin1(value);
    if (key.startsWith(u"sk-"_s)) {
        QSqlQuery row = m_context.store.run(
            u"SELECT k.api_key_id, k.workspace_id, "_s + MaasWorkspaces::blockedSql()
                + u" FROM maas_api_keys k JOIN maas_workspaces w ON w.workspace_id ="
                  u" k.workspace_id WHERE k.value = ?"_s,
            {key});
        bearer.valid = row.next() && row.value(2).toInt() == 0;
        if (bearer.valid) {
            bearer.apiKeyId = row.value(0).toLongLong();
            bearer.workspaceId = row.value(1).toString();
        }
    } else if (key.startsWith(u"st-"_s)) {
        QSqlQuery row = m_context.store.run(u"SELECT api_key_id, workspace_id FROM maas_tokens"
                                            u" WHERE token = ? AND expires_at > ?"_s,
                                            {key, m_context.clock.nowSeconds()});
        bearer.valid = row.next();
        bearer.temporary = true;
        if (bearer.valid) {
            bearer.apiKeyId = row.value(0).toLongLong();
            bearer.workspaceId = row.value(1).toString();
        }
    }
    return bearer;
}

HttpReply MaasDataPlane::unauthorized(Style style, bool present, const QString &requestId)
{
    if (style == Style::Native)
        return nativeError(401, u"InvalidApiKey"_s,
                           present ? u"Invalid API-key provided."_s : u"No API-key provided."_s,
                           requestId);
    // The OpenAI-compatible body (protocols.md §5) for a missing key as for a wrong one.
    const QJsonObject error {
        {u"message"_s,
         u"Incorrect API key provided. For details, see:"
         u" https://help.aliyun.com/zh/model-studio/error-code#apikey-error"_s},
        {u"type"_s, u"invalid_request_error"_s},
        {u"param"_s, QJsonValue::Null},
        {u"code"_s, u"invalid_api_key"_s}};
    return HttpReply::json(401, {{u"error"_s, error}, {u"request_id"_s, requestId}});
}

HttpReply MaasDataPlane::createToken(const HttpRequest &request, const QString &requestId)
{
    // Only a permanent key issues temporary keys; a temporary key cannot extend itself.
    const Bearer bearer = authenticate(request);
    if (!bearer.valid || bearer.temporary)
        return unauthorized(Style::Native, bearer.present, requestId);
    qint64 seconds = kDefaultTokenSeconds;
    if (request.hasQuery(u"expire_in_seconds"_s)) {
        static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
        const QString value = request.queryValue(u"expire_in_seconds"_s);
        seconds = digits.match(value).hasMatch() ? value.toLongLong() : 0;
        if (seconds < 1 || seconds > kMaxTokenSeconds)
            return nativeError(400, u"InvalidParameter"_s,
                               u"expire_in_seconds must be an integer from 1 to 1800."_s,
                               requestId);
    }
    const QString token = randomValue(u"st-"_s);
    const qint64 now = m_context.clock.nowSeconds();
    const qint64 expiresAt = now + seconds;
    m_context.store.transaction([&] {
        m_context.store.run(u"DELETE FROM maas_tokens WHERE expires_at <= ?"_s, {now});
        m_context.store.run(u"INSERT INTO maas_tokens (token, api_key_id, account_id, workspace_id,"
                            u" expires_at) SELECT ?, api_key_id, account_id, workspace_id, ?"
                            u" FROM maas_api_keys WHERE api_key_id = ?"_s,
                            {token, expiresAt, bearer.apiKeyId});
    });
    return HttpReply::json(200, {{u"token"_s, token}, {u"expires_at"_s, expiresAt}});
}

HttpReply MaasDataPlane::listModels(const HttpRequest &request, const QString &requestId,
                                    Style style)
{
    const Bearer bearer = authenticate(request);
    if (!bearer.valid)
        return unauthorized(style, bearer.present, requestId);
    QJsonArray items;
    for (const Model &model : models()) {
        if (style == Style::Native)
            items.append(QJsonObject {{u"model"_s, model.id},
                                      {u"name"_s, model.name},
                                      {u"description"_s, model.description}});
        else
            items.append(QJsonObject {{u"id"_s, model.id},
                                      {u"object"_s, u"model"_s},
                                      {u"created"_s, 1735689600},
                                      {u"owned_by"_s, u"system"_s}});
    }
    if (style == Style::Compatible)
        return HttpReply::json(200, {{u"object"_s, u"list"_s}, {u"data"_s, items}});
    const QJsonObject output {{u"models"_s, items},
                              {u"page_no"_s, 1},
                              {u"page_size"_s, items.size()},
                              {u"total"_s, items.size()}};
    return HttpReply::json(200, {{u"request_id"_s, requestId}, {u"output"_s, output}});
}
