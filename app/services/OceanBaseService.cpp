#include "services/OceanBaseService.h"

#include "net/HttpClient.h"
#include "protocol/KeyMask.h"
#include "protocol/PercentEncoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kApiPath = u"api/v2/maas/apikeys"_s;
const QString kModelsPath = u"oceanbase/maas/v1/models"_s;
const QStringList kPermissions {u"read"_s, u"write"_s, u"all"_s};
constexpr int kMaxNameLength = 64;
constexpr int kMaxPages = 1000; // a server that never stops paging is not followed forever

QUrl withPath(QUrl url, const QString &path, const QByteArray &query = {})
{
    QString base = url.path();
    if (!base.endsWith(u'/'))
        base += u'/';
    url.setPath(base + path);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QString requestIdOf(const HttpJob &reply, const QJsonObject &json)
{
    QString id = json.value(u"requestId"_s).toString();
    if (id.isEmpty())
        id = QString::fromLatin1(reply.header("x-request-id"));
    if (id.isEmpty())
        id = QString::fromLatin1(reply.header("x-acs-request-id"));
    return id;
}

KeyError badResponse(const HttpJob &reply, const QString &requestId, const QString &message)
{
    KeyError error = KeyError::make(KeyError::Kind::BadResponse, message);
    error.httpStatus = reply.status();
    error.requestId = requestId;
    return error;
}

// Reads the envelope (docs/sandbox-api.md, OceanBase; protocols.md §3): data on success, else
// the error from errorCode/errorMessage, or from {error: {code, message}} as the data plane
// and some gateways answer.
KeyError readEnvelope(const HttpJob &reply, QJsonObject &data)
{
    if (reply.transportError())
        return reply.transportError();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(reply.body(), &parseError);
    const QJsonObject json = document.object();
    const QString requestId = requestIdOf(reply, json);
    const bool ok = reply.status() >= 200 && reply.status() < 300;
    if (ok && !document.isObject())
        return badResponse(reply, requestId, OceanBaseService::tr("The answer is not JSON."));
    if (ok && json.value(u"success"_s).toBool()) {
        const QJsonValue value = json.value(u"data"_s);
        if (!value.isObject() && !value.isNull() && !value.isUndefined())
            return badResponse(reply, requestId,
                               OceanBaseService::tr("The answer's data is not an object."));
        data = value.toObject();
        return {};
    }
    const QJsonObject nested = json.value(u"error"_s).toObject();
    const QString code = json.value(u"errorCode"_s).toString(nested.value(u"code"_s).toString());
    const QString message
        = json.value(u"errorMessage"_s)
              .toString(json.value(u"message"_s).toString(nested.value(u"message"_s).toString()));
    return KeyError::fromService(reply.status(), code, message, requestId);
}

// One item of the list (or the create answer); false when it has no id.
bool readKey(const QJsonObject &object, ApiKey &key)
{
    key = ApiKey();
    key.id = object.value(u"id"_s).toString();
    if (key.id.isEmpty())
        return false;
    key.service = ServiceKind::OceanBase;
    key.name = object.value(u"name"_s).toString();
    key.permission = object.value(u"action"_s).toString();
    key.maskedValue = object.value(u"maskedKey"_s).toString();
    key.created
        = QDateTime::fromString(object.value(u"createdAt"_s).toString(), Qt::ISODate).toUTC();
    // expiresAt is null: OceanBase's keys do not expire, but a date is honoured if one comes.
    key.expires
        = QDateTime::fromString(object.value(u"expiresAt"_s).toString(), Qt::ISODate).toUTC();
    key.status = key.expires.isValid() && key.expires <= QDateTime::currentDateTimeUtc()
        ? KeyStatus::Expired
        : KeyStatus::Active;
    return true;
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

KeyError invalid(const QString &message)
{
    return KeyError::make(KeyError::Kind::InvalidInput, message);
}

} // namespace

OceanBaseService::OceanBaseService(Profile profile, QByteArray secret, HttpClient *client,
                                   QObject *parent)
    : KeyService(std::move(profile), std::move(secret), client, parent)
{ }

OceanBaseService::~OceanBaseService() = default;

ServiceCapabilities OceanBaseService::capabilities() const
{
    ServiceCapabilities capabilities;
    capabilities.listsMaskedValues = true;
    capabilities.valueReadableAgain = false;
    capabilities.permissions = kPermissions;
    capabilities.maxNameLength = kMaxNameLength;
    capabilities.nameRequired = true;
    return capabilities;
}

void OceanBaseService::setPageSize(int pageSize)
{
    m_pageSize = qBound(1, pageSize, 100);
}

// The organization and project go in headers on every call; the service refuses a call
// without them (400 MISSING_HEADER), so an incomplete profile is caught before any request.
KeyError OceanBaseService::checkProfile() const
{
    if (profile().accessKeyId.trimmed().isEmpty())
        return invalid(tr("The profile has no OceanBase AccessKey ID."));
    if (profile().orgId.trimmed().isEmpty())
        return invalid(tr("The profile has no OceanBase organization ID (X-OB-Org-Id)."));
    if (profile().projectId.trimmed().isEmpty())
        return invalid(tr("The profile has no OceanBase project ID (X-OB-Project-Id)."));
    return {};
}

HttpRequestSpec OceanBaseService::apiRequest(const QByteArray &method, const QByteArray &query,
                                             const QByteArray &body, bool idempotent) const
{
    HttpRequestSpec spec;
    spec.method = method;
    spec.url = withPath(profile().endpoint, kApiPath, query);
    spec.body = body;
    spec.idempotent = idempotent;
    spec.timeoutMs = profile().timeoutMs;
    spec.user = profile().accessKeyId;
    spec.password = QString::fromUtf8(profileSecret());
    spec.headers = {qMakePair("accept"_ba, "application/json"_ba),
                    qMakePair("X-OB-Org-Id"_ba, profile().orgId.trimmed().toUtf8()),
                    qMakePair("X-OB-Project-Id"_ba, profile().projectId.trimmed().toUtf8())};
    if (!body.isEmpty())
        spec.headers.append(qMakePair("content-type"_ba, "application/json"_ba));
    return spec;
}

void OceanBaseService::send(KeyJob *job, HttpRequestSpec spec, Reader reader)
{
    HttpJob *reply = KeyService::send(std::move(spec));
    job->track(reply);
    connect(reply, &HttpJob::finished, job,
            [job, reader = std::move(reader)](HttpJob *done) { answered(job, *done, reader); });
}

void OceanBaseService::answered(KeyJob *job, const HttpJob &reply, const Reader &reader)
{
    QJsonObject data;
    const KeyError error = readEnvelope(reply, data);
    if (error)
        job->setError(error);
    else if (reader)
        reader(job, data);
    if (job->error() && job->error().requestId.isEmpty()) {
        KeyError withContext = job->error();
        withContext.requestId = requestIdOf(reply, {});
        withContext.httpStatus = reply.status();
        job->setError(withContext);
    }
    job->finish();
}

KeyJob *OceanBaseService::listKeys()
{
    auto *job = new KeyJob(this);
    if (const KeyError error = checkProfile())
        job->finishLater(error);
    else
        requestPage(job, 1);
    return job;
}

void OceanBaseService::requestPage(KeyJob *job, int pageNumber)
{
    const QByteArray query = "pageNumber=" + QByteArray::number(pageNumber)
        + "&pageSize=" + QByteArray::number(m_pageSize);
    HttpRequestSpec spec = apiRequest("GET", query, {}, true);
    spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes;
    HttpJob *reply = KeyService::send(std::move(spec));
    job->track(reply);
    connect(reply, &HttpJob::finished, job,
            [this, job, pageNumber](HttpJob *done) { pageAnswered(job, *done, pageNumber); });
}

void OceanBaseService::pageAnswered(KeyJob *job, const HttpJob &reply, int pageNumber)
{
    QJsonObject data;
    KeyError error = readEnvelope(reply, data);
    const QJsonValue items = data.value(u"list"_s);
    if (!error && !items.isArray())
        error = badResponse(reply, requestIdOf(reply, {}), tr("The list of API keys is missing."));
    KeyList list = job->list();
    QSet<QString> seen;
    for (const ApiKey &key : std::as_const(list.keys))
        seen.insert(key.id);
    const QJsonArray page = items.toArray();
    // A page of more than was asked for is refused before it is read (PageGuard's rule).
    if (!error && page.size() > m_pageSize) {
        error = badResponse(reply, requestIdOf(reply, {}),
                            tr("A page of the list holds %1 items, more than the %2 asked for: "
                               "the answer was refused.")
                                .arg(page.size())
                                .arg(m_pageSize));
        error.kind = KeyError::Kind::TooLarge;
    }
    const qsizetype before = list.keys.size();
    for (qsizetype i = 0; !error && i < page.size(); ++i) {
        ApiKey key;
        if (!readKey(page.at(i).toObject(), key))
            error = badResponse(reply, requestIdOf(reply, {}),
                                tr("An API key in the list has no id."));
        else if (!seen.contains(key.id)) // keys made while paging shift later pages
            list.keys.append(key);
        seen.insert(key.id);
    }
    if (error) {
        job->setError(error);
        job->finish();
        return;
    }
    // A page with nothing new is the same page again: the server ignores pageNumber.
    if (!page.isEmpty() && list.keys.size() == before) {
        job->setError(badResponse(reply, requestIdOf(reply, {}),
                                  tr("The server sent the same page of the list again: the list "
                                     "would never end, so it was stopped.")));
        job->finish();
        return;
    }
    // The server's numbers bounded, so the arithmetic below cannot overflow.
    const qint64 total = qBound(qint64(-1), data.value(u"totalCount"_s).toInteger(-1),
                                qint64(std::numeric_limits<int>::max()));
    const qint64 servedPageSize
        = qBound(qint64(1), data.value(u"pageSize"_s).toInteger(m_pageSize), qint64(100));
    const qint64 count = qMax<qint64>(total, list.keys.size());
    list.usage.keyCount = static_cast<int>(qMin<qint64>(count, std::numeric_limits<int>::max()));
    job->setList(list);
    Q_EMIT job->progress(static_cast<int>(list.keys.size()), list.usage.keyCount);
    const bool more = !page.isEmpty() && pageNumber < kMaxPages
        && (total >= 0 ? pageNumber * servedPageSize < total : page.size() >= servedPageSize);
    if (more)
        requestPage(job, pageNumber + 1);
    else
        job->finish();
}

KeyJob *OceanBaseService::createKey(const CreateKeyRequest &request)
{
    auto *job = new KeyJob(this);
    // The service's own rules for name and action, checked here so a mistake costs no request.
    KeyError error = checkProfile();
    const QString name = request.name.trimmed();
    if (!error && name.isEmpty())
        error = invalid(tr("An OceanBase API key needs a name."));
    else if (!error && request.name.size() > kMaxNameLength)
        error = invalid(tr("The name is longer than %1 characters.").arg(kMaxNameLength));
    else if (!error && hasControlCharacter(request.name))
        error = invalid(tr("The name may not contain control characters."));
    else if (!error && !kPermissions.contains(request.permission))
        error = invalid(tr("Choose the key's permission: read, write or all."));
    if (error) {
        job->finishLater(error);
        return job;
    }
    const QByteArray body
        = QJsonDocument(QJsonObject {{u"name"_s, request.name}, {u"action"_s, request.permission}})
              .toJson(QJsonDocument::Compact);
    const QString permission = request.permission;
    send(job, apiRequest("POST", {}, body, false),
         [permission](KeyJob *created, const QJsonObject &data) {
             readCreated(created, data, permission);
         });
    return job;
}

void OceanBaseService::readCreated(KeyJob *job, const QJsonObject &data, const QString &permission)
{
    ApiKey key;
    const QString value = data.value(u"apiKey"_s).toString();
    if (!readKey(data, key) || value.isEmpty()) {
        job->setError(KeyError::make(KeyError::Kind::BadResponse,
                                     tr("The new API key came back without its id or value.")));
        return;
    }
    if (key.permission.isEmpty())
        key.permission = permission;
    if (key.maskedValue.isEmpty())
        key.maskedValue = protocol::maskKey(value);
    job->setKey(key);
    job->setSecret(value.toUtf8());
}

KeyJob *OceanBaseService::deleteKey(const QString &keyId, const QString &)
{
    auto *job = new KeyJob(this);
    KeyError error = checkProfile();
    if (!error && keyId.isEmpty())
        error = invalid(tr("No API key was named."));
    if (error) {
        job->finishLater(error);
        return job;
    }
    send(job, apiRequest("DELETE", "id=" + protocol::percentEncode(keyId), {}, false), {});
    return job;
}

KeyJob *OceanBaseService::testKey(const QByteArray &value)
{
    auto *job = new KeyJob(this);
    if (value.isEmpty()) {
        job->finishLater(invalid(tr("No API key to test.")));
        return job;
    }
    HttpRequestSpec spec;
    spec.url = withPath(profile().dataPlane(), kModelsPath);
    spec.idempotent = true;
    spec.timeoutMs = profile().timeoutMs;
    spec.headers = {qMakePair("accept"_ba, "application/json"_ba),
                    qMakePair("authorization"_ba, "Bearer "_ba + value)};
    HttpJob *reply = KeyService::send(std::move(spec));
    job->track(reply);
    connect(reply, &HttpJob::finished, job, [job](HttpJob *done) { probeAnswered(job, *done); });
    return job;
}

// The data plane is OpenAI-style: a model list on success, {error: {code, message}} otherwise.
void OceanBaseService::probeAnswered(KeyJob *job, const HttpJob &reply)
{
    if (reply.transportError()) {
        job->setError(reply.transportError());
    } else if (reply.status() >= 200 && reply.status() < 300) {
        const QJsonObject json = QJsonDocument::fromJson(reply.body()).object();
        if (!json.value(u"data"_s).isArray())
            job->setError(badResponse(reply, requestIdOf(reply, {}),
                                      tr("The data plane's answer is not a model list.")));
    } else {
        QJsonObject unused;
        job->setError(readEnvelope(reply, unused));
    }
    job->finish();
}

} // namespace keydesk
