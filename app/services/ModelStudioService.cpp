#include "services/ModelStudioService.h"

#include "net/AcsRequest.h"
#include "net/HttpClient.h"
#include "protocol/KeyMask.h"
#include "services/PageGuard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kVersion = u"2026-03-18"_s;
constexpr int kPageSize = 100; // the most MaaS lists give at once
constexpr int kMaxDescriptionLength = 200;

// Every MaaS answer is one envelope whose httpStatusCode is the HTTP status (protocols.md §5);
// a 2xx that still says success false is a failure all the same.
KeyError maasAnswer(const HttpJob &reply, QJsonObject &json)
{
    KeyError error = acsAnswer(reply, json);
    if (error || json.value(u"success"_s).toBool(true))
        return error;
    return KeyError::fromService(
        json.value(u"httpStatusCode"_s).toInt(reply.status()), json.value(u"code"_s).toString(),
        json.value(u"message"_s).toString(), json.value(u"requestId"_s).toString());
}

// A listing's error with the page's status and request id.
KeyError pagingError(const HttpJob &reply, const KeyError &stop)
{
    KeyError error = badAcsResponse(reply, stop.message);
    error.kind = stop.kind;
    return error;
}

// DashScope puts its request id in request_id (protocols.md §5).
KeyError dataPlaneAnswer(const HttpJob &reply, QJsonObject &json)
{
    KeyError error = acsAnswer(reply, json);
    const QString requestId = json.value(u"request_id"_s).toString();
    if (error && !requestId.isEmpty())
        error.requestId = requestId;
    return error;
}

bool isAllDigits(const QString &text)
{
    return !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

// apiKeyId is an integer (protocols.md §5); checked before it becomes part of a path.
bool isKeyId(const QString &id)
{
    static const QRegularExpression digits(u"^[0-9]{1,18}$"_s);
    return digits.match(id).hasMatch() && id.toLongLong() > 0;
}

QString masked(const QString &value)
{
    return value.contains(u'*') ? value : protocol::maskKey(value);
}

// A key object of a MaaS answer; false when it has no usable id.
bool readKey(const QJsonValue &value, ApiKey &key, QString *fullValue = nullptr)
{
    const QJsonObject object = value.toObject();
    const QJsonValue idValue = object.value(u"apiKeyId"_s);
    const qint64 id = idValue.isString() ? idValue.toString().toLongLong() : idValue.toInteger(0);
    if (id <= 0)
        return false;
    key = ApiKey();
    key.id = QString::number(id);
    key.service = ServiceKind::ModelStudio;
    key.name = object.value(u"description"_s).toString();
    const QString apiKeyValue = object.value(u"apiKeyValue"_s).toString();
    key.maskedValue = masked(apiKeyValue);
    if (fullValue)
        *fullValue = apiKeyValue;
    key.workspaceId = object.value(u"workspaceId"_s).toString();
    if (const qint64 created = object.value(u"gmtCreate"_s).toInteger(0); created > 0)
        key.created = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC); // epoch milliseconds
    // The root account's keys name the account id as creator; a RAM user's name its user.
    const QString creator = object.value(u"creator"_s).toString();
    key.owner = isAllDigits(creator) ? QString() : creator;
    // A key whose RAM user was deleted or left the workspace is refused by the data plane.
    const QJsonValue blocked = object.value(u"isBlocked"_s);
    key.status = blocked.toInteger(0) != 0 || blocked.toBool(false) ? KeyStatus::Invalid
                                                                    : KeyStatus::Active;
    return true;
}

KeyError invalidKeyId()
{
    return KeyError::make(KeyError::Kind::InvalidInput,
                          ModelStudioService::tr("A Model Studio key id is a positive number."));
}

} // namespace

ModelStudioService::ModelStudioService(Profile profile, QByteArray secret, HttpClient *client,
                                       QObject *parent)
    : KeyService(std::move(profile), std::move(secret), client, parent)
{ }

ModelStudioService::~ModelStudioService() = default;

ServiceCapabilities ModelStudioService::capabilities() const
{
    ServiceCapabilities capabilities;
    capabilities.listsMaskedValues = true;
    capabilities.valueReadableAgain = true; // GetApiKey returns the value
    capabilities.hasWorkspaces = true;
    capabilities.hasOwners = true;
    capabilities.hasTemporaryKeys = true;
    capabilities.maxNameLength = kMaxDescriptionLength;
    return capabilities;
}

HttpRequestSpec ModelStudioService::maasRequest(const QString &action, const QByteArray &method,
                                                const QString &path,
                                                const protocol::QueryItems &query,
                                                bool idempotent) const
{
    return acsRoaRequest(profile(), profileSecret(), kVersion, action, method, path, query,
                         idempotent);
}

HttpRequestSpec ModelStudioService::dataPlaneRequest(const QByteArray &method, const QString &path,
                                                     const QByteArray &value) const
{
    HttpRequestSpec spec;
    spec.method = method;
    spec.url = profile().dataPlane();
    spec.url.setPath(path);
    spec.timeoutMs = profile().timeoutMs;
    spec.headers.append(qMakePair("accept"_ba, "application/json"_ba));
    spec.headers.append(qMakePair("authorization"_ba, "Bearer "_ba + value));
    return spec;
}

KeyJob *ModelStudioService::listKeys()
{
    auto *job = new KeyJob(this);
    requestKeysPage(job, {}, std::make_shared<PageGuard>(kPageSize));
    return job;
}

void ModelStudioService::requestKeysPage(KeyJob *job, const QString &nextToken, const Pages &pages)
{
    protocol::QueryItems query {qMakePair(u"maxResults"_s, QString::number(kPageSize))};
    if (!nextToken.isEmpty())
        query.append(qMakePair(u"nextToken"_s, nextToken));
    if (!profile().workspaceId.isEmpty())
        query.append(qMakePair(u"workspaceId"_s, profile().workspaceId));
    HttpRequestSpec spec = maasRequest(u"ListApiKeys"_s, "GET", u"/maas/apikeys"_s, query, true);
    spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes;
    sendFor(job, std::move(spec),
            [this, job, pages](const HttpJob &reply) { readKeysPage(job, reply, pages); });
}

void ModelStudioService::readKeysPage(KeyJob *job, const HttpJob &reply, const Pages &pages)
{
    QJsonObject json;
    if (const KeyError error = maasAnswer(reply, json))
        return job->fail(error);
    const QJsonValue items = json.value(u"apiKeys"_s);
    if (!items.isArray() && !items.isUndefined() && !items.isNull())
        return job->fail(badAcsResponse(reply, tr("The key list is not a list.")));
    if (const KeyError stop = pages->acceptItems(items.toArray().size()))
        return job->fail(pagingError(reply, stop));
    KeyList list = job->list();
    for (const QJsonValue item : items.toArray()) {
        ApiKey key;
        if (!readKey(item, key))
            return job->fail(badAcsResponse(reply, tr("A listed key has no id.")));
        list.keys.append(key);
    }
    const QString nextToken = json.value(u"nextToken"_s).toString();
    if (const KeyError stop = pages->acceptNext(nextToken))
        return job->fail(pagingError(reply, stop));
    if (!nextToken.isEmpty()) {
        job->setList(list);
        Q_EMIT job->progress(pages->pages(), 0);
        return requestKeysPage(job, nextToken, pages);
    }
    // The limit is per workspace, so a count means something only for one workspace; for a
    // RAM user, who sees only its own keys, it is a lower bound (seed 003).
    list.usage.maxKeys = kMaxKeysPerWorkspace;
    if (!profile().workspaceId.isEmpty())
        list.usage.keyCount = static_cast<int>(list.keys.size());
    job->setList(list);
    job->finish();
}

KeyJob *ModelStudioService::createKey(const CreateKeyRequest &request)
{
    auto *job = new KeyJob(this);
    if (request.name.size() > kMaxDescriptionLength) {
        job->finishLater(KeyError::make(
            KeyError::Kind::InvalidInput,
            tr("A description has at most %1 characters.").arg(kMaxDescriptionLength)));
        return job;
    }
    protocol::QueryItems query {qMakePair(u"description"_s, request.name)};
    const QString workspaceId
        = request.workspaceId.isEmpty() ? profile().workspaceId : request.workspaceId;
    if (!workspaceId.isEmpty()) // without one the key goes to the default workspace
        query.append(qMakePair(u"workspaceId"_s, workspaceId));
    // Never retried: a repeated create would make a second key.
    sendFor(job, maasRequest(u"CreateApiKey"_s, "POST", u"/maas/apikeys"_s, query, false),
            [job](const HttpJob &reply) { readOneKey(job, reply); });
    return job;
}

void ModelStudioService::readOneKey(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    if (const KeyError error = maasAnswer(reply, json))
        return job->fail(error);
    finishWithValue(job, reply, json.value(u"apiKey"_s), &readKey);
}

KeyJob *ModelStudioService::revealKey(const QString &keyId, const QString &)
{
    auto *job = new KeyJob(this);
    if (!isKeyId(keyId)) {
        job->finishLater(invalidKeyId());
        return job;
    }
    sendFor(job, maasRequest(u"GetApiKey"_s, "GET", u"/maas/apikeys/"_s + keyId, {}, true),
            [job](const HttpJob &reply) { readOneKey(job, reply); });
    return job;
}

KeyJob *ModelStudioService::deleteKey(const QString &keyId, const QString &)
{
    auto *job = new KeyJob(this);
    if (!isKeyId(keyId)) {
        job->finishLater(invalidKeyId());
        return job;
    }
    sendFor(job, maasRequest(u"DeleteApiKey"_s, "DELETE", u"/maas/apikeys/"_s + keyId, {}, false),
            [job](const HttpJob &reply) { readEnvelopeOnly(job, reply); });
    return job;
}

void ModelStudioService::readEnvelopeOnly(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    job->setError(maasAnswer(reply, json));
    job->finish();
}

// A value goes into a header as it is: anything but visible ASCII is not a key.
static bool isHeaderSafe(const QByteArray &value)
{
    return std::all_of(value.cbegin(), value.cend(), [](char c) { return c > ' ' && c < 127; });
}

KeyJob *ModelStudioService::testKey(const QByteArray &value)
{
    auto *job = new KeyJob(this);
    if (!isHeaderSafe(value)) {
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput,
                                        tr("A key is letters, digits and dashes only.")));
        return job;
    }
    // The cheapest call that proves a key works: the model list (protocols.md §5).
    HttpRequestSpec spec = dataPlaneRequest("GET", u"/api/v1/models"_s, value);
    spec.idempotent = true;
    sendFor(job, std::move(spec), [job](const HttpJob &reply) { readDataPlane(job, reply); });
    return job;
}

void ModelStudioService::readDataPlane(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    job->setError(dataPlaneAnswer(reply, json));
    job->finish();
}

KeyJob *ModelStudioService::createTemporaryKey(const QByteArray &parentValue, int seconds)
{
    auto *job = new KeyJob(this);
    if (seconds < 1 || seconds > kMaxTemporaryKeySeconds) {
        job->finishLater(KeyError::make(
            KeyError::Kind::InvalidInput,
            tr("A temporary key lasts from 1 to %1 seconds.").arg(kMaxTemporaryKeySeconds)));
        return job;
    }
    if (!isHeaderSafe(parentValue)) {
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput,
                                        tr("A key is letters, digits and dashes only.")));
        return job;
    }
    HttpRequestSpec spec = dataPlaneRequest("POST", u"/api/v1/tokens"_s, parentValue);
    spec.url.setQuery(u"expire_in_seconds="_s + QString::number(seconds));
    sendFor(job, std::move(spec), [job](const HttpJob &reply) { readTemporaryKey(job, reply); });
    return job;
}

void ModelStudioService::readTemporaryKey(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    if (const KeyError error = dataPlaneAnswer(reply, json))
        return job->fail(error);
    QString token = json.value(u"token"_s).toString();
    const qint64 expiresAt = json.value(u"expires_at"_s).toInteger(0); // Unix seconds
    if (token.isEmpty() || expiresAt <= 0)
        return job->fail(badAcsResponse(reply, tr("The answer has no temporary key.")));
    ApiKey key;
    key.service = ServiceKind::ModelStudio;
    key.maskedValue = protocol::maskKey(token);
    key.expires = QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC);
    job->setKey(key);
    job->setSecret(token.toUtf8(), key.expires);
    token.fill(u'\0');
    job->finish();
}

WorkspaceListJob *ModelStudioService::listWorkspaces()
{
    auto *job = new WorkspaceListJob(this);
    requestWorkspacesPage(job, {}, std::make_shared<PageGuard>(kPageSize));
    return job;
}

void ModelStudioService::requestWorkspacesPage(WorkspaceListJob *job, const QString &nextToken,
                                               const Pages &pages)
{
    protocol::QueryItems query {qMakePair(u"maxResults"_s, QString::number(kPageSize))};
    if (!nextToken.isEmpty())
        query.append(qMakePair(u"nextToken"_s, nextToken));
    HttpRequestSpec spec
        = maasRequest(u"ListWorkspaces"_s, "GET", u"/maas/workspaces"_s, query, true);
    spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes;
    job->track(sendGuarded(job, std::move(spec), [this, job, pages](const HttpJob &reply) {
        readWorkspacesPage(job, reply, pages);
    }));
}

void ModelStudioService::readWorkspacesPage(WorkspaceListJob *job, const HttpJob &reply,
                                            const Pages &pages)
{
    QJsonObject json;
    job->m_error = maasAnswer(reply, json);
    const QJsonValue items = json.value(u"workspaces"_s);
    if (!job->m_error && !items.isArray() && !items.isUndefined() && !items.isNull())
        job->m_error = badAcsResponse(reply, tr("The workspace list is not a list."));
    if (!job->m_error) {
        if (const KeyError stop = pages->acceptItems(items.toArray().size()))
            job->m_error = pagingError(reply, stop);
    }
    if (job->m_error)
        return job->finish();
    for (const QJsonValue item : items.toArray()) {
        ModelStudioWorkspace workspace;
        if (!readWorkspace(item, workspace)) {
            job->m_error = badAcsResponse(reply, tr("A listed workspace has no id."));
            return job->finish();
        }
        job->m_workspaces.append(workspace);
    }
    const QString nextToken = json.value(u"nextToken"_s).toString();
    if (const KeyError stop = pages->acceptNext(nextToken))
        job->m_error = pagingError(reply, stop);
    if (nextToken.isEmpty() || job->m_error)
        return job->finish();
    requestWorkspacesPage(job, nextToken, pages);
}

} // namespace keydesk
