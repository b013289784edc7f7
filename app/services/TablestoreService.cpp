#include "services/TablestoreService.h"

#include "net/AcsRequest.h"
#include "net/HttpClient.h"
#include "vault/SecretBytes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kVersion = u"2026-11-20"_s;
constexpr int kMaxDescriptionLength = 256;

KeyError badResponse(const QString &message)
{
    return KeyError::make(KeyError::Kind::BadResponse, message);
}

bool readStatus(const QString &text, KeyStatus &status)
{
    if (text == u"Active"_s)
        status = KeyStatus::Active;
    else if (text == u"Expired"_s)
        status = KeyStatus::Expired;
    else if (text == u"Revoked"_s)
        status = KeyStatus::Revoked;
    else
        return false;
    return true;
}

QDateTime readTime(const QJsonObject &object, const QString &name)
{
    return QDateTime::fromString(object.value(name).toString(), Qt::ISODate).toUTC();
}

// An ApiKey object (docs/sandbox-api.md, Tablestore); false when it lacks an id or a status
// we know, since a key we cannot place would mislead more than a clear error.
bool readKey(const QJsonValue &value, ApiKey &key)
{
    const QJsonObject object = value.toObject();
    key = ApiKey();
    key.id = object.value(u"ApiKeyId"_s).toString();
    if (key.id.isEmpty() || !readStatus(object.value(u"Status"_s).toString(), key.status))
        return false;
    key.service = ServiceKind::Tablestore;
    key.name = object.value(u"Description"_s).toString();
    key.created = readTime(object, u"CreateTime"_s);
    key.expires = readTime(object, u"ExpirationTime"_s);
    key.owner = object.value(u"RamUserName"_s).toString();
    return true;
}

// The sandbox and the service take whole seconds in UTC, "yyyy-MM-ddTHH:mm:ssZ".
QString expirationText(const QDateTime &expires)
{
    QDateTime utc = expires.toUTC();
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return utc.toString(Qt::ISODate);
}

} // namespace

TablestoreService::TablestoreService(Profile profile, QByteArray secret, HttpClient *client,
                                     QObject *parent)
    : KeyService(std::move(profile), std::move(secret), client, parent)
{ }

TablestoreService::~TablestoreService() = default;

ServiceCapabilities TablestoreService::capabilities() const
{
    ServiceCapabilities capabilities;
    capabilities.valueReadableAgain = false;
    capabilities.deleteIsRevoke = true;
    capabilities.hasExpiry = true;
    capabilities.expiryRequired = true;
    capabilities.maxNameLength = kMaxDescriptionLength;
    // Only the root account may manage keys: each key makes a RAM user with full Tablestore rights.
    capabilities.rootAccountOnly = true;
    return capabilities;
}

KeyJob *TablestoreService::manage(const QString &action, const protocol::QueryItems &params,
                                  bool idempotent, Reader reader)
{
    auto *job = new KeyJob(this);
    HttpRequestSpec spec
        = acsRpcRequest(profile(), profileSecret(), kVersion, action, params, idempotent);
    if (action == u"ListApiKeys"_s)
        spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes;
    HttpJob *reply = KeyService::send(std::move(spec));
    job->track(reply);
    connect(reply, &HttpJob::finished, job,
            [this, job, reader](HttpJob *done) { manageAnswered(job, *done, reader); });
    return job;
}

void TablestoreService::manageAnswered(KeyJob *job, const HttpJob &reply, Reader reader)
{
    QJsonObject json;
    const KeyError error = acsAnswer(reply, json);
    if (error) {
        job->setError(error);
    } else {
        reader(job, json);
        if (job->error()) {
            KeyError withContext = job->error();
            withContext.httpStatus = reply.status();
            withContext.requestId = json.value(u"RequestId"_s).toString();
            job->setError(withContext);
        }
    }
    job->finish();
}

KeyJob *TablestoreService::listKeys()
{
    return manage(u"ListApiKeys"_s, {}, true, &TablestoreService::readList);
}

void TablestoreService::readList(KeyJob *job, const QJsonObject &json)
{
    const QJsonValue keys = json.value(u"ApiKeys"_s);
    if (!keys.isArray()) {
        job->setError(badResponse(tr("The list of API keys has no ApiKeys array.")));
        return;
    }
    KeyList list;
    for (const QJsonValue value : keys.toArray()) {
        ApiKey key;
        if (!readKey(value, key)) {
            job->setError(badResponse(tr("An API key in the list has no id or no known status.")));
            return;
        }
        list.keys.append(key);
    }
    // Revoked and expired keys stay listed, so only the active ones count as "in use".
    list.usage.keyCount = static_cast<int>(
        std::count_if(list.keys.cbegin(), list.keys.cend(),
                      [](const ApiKey &key) { return key.status == KeyStatus::Active; }));
    job->setList(list);
}

KeyJob *TablestoreService::createKey(const CreateKeyRequest &request)
{
    // Checked here so a key that could never work costs no request (the service refuses it too).
    QString problem;
    if (!request.expires.isValid())
        problem = tr("A Tablestore API key needs an expiration time.");
    else if (request.expires.toUTC() <= QDateTime::currentDateTimeUtc())
        problem = tr("The expiration time %1 is not in the future.")
                      .arg(expirationText(request.expires));
    else if (request.name.size() > kMaxDescriptionLength)
        problem = tr("The description is longer than %1 characters.").arg(kMaxDescriptionLength);
    if (!problem.isEmpty()) {
        auto *job = new KeyJob(this);
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput, problem));
        return job;
    }
    protocol::QueryItems params {qMakePair(u"ExpirationTime"_s, expirationText(request.expires))};
    if (!request.name.isEmpty())
        params.append(qMakePair(u"Description"_s, request.name));
    return manage(u"CreateApiKey"_s, params, false, &TablestoreService::readCreated);
}

void TablestoreService::readCreated(KeyJob *job, const QJsonObject &json)
{
    const QJsonValue object = json.value(u"ApiKey"_s);
    const QString value = object.toObject().value(u"ApiKeyValue"_s).toString();
    ApiKey key;
    if (!readKey(object, key) || value.isEmpty()) {
        job->setError(badResponse(tr("The new API key came back without its id or value.")));
        return;
    }
    job->setKey(key);
    job->setSecret(value.toUtf8());
}

KeyJob *TablestoreService::deleteKey(const QString &keyId, const QString &)
{
    if (keyId.isEmpty()) {
        auto *job = new KeyJob(this);
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput, tr("No API key was named.")));
        return job;
    }
    return manage(u"RevokeApiKey"_s, {qMakePair(u"ApiKeyId"_s, keyId)}, false,
                  &TablestoreService::readRevoked);
}

void TablestoreService::readRevoked(KeyJob *job, const QJsonObject &json)
{
    ApiKey key;
    if (!readKey(json.value(u"ApiKey"_s), key)) {
        job->setError(badResponse(tr("The revoked API key came back without its id or status.")));
        return;
    }
    job->setKey(key);
}

KeyJob *TablestoreService::testKey(const QByteArray &value)
{
    auto *job = new KeyJob(this);
    QUrl url = profile().dataPlane();
    // The data plane refuses API keys over plain HTTP, but only after the key has crossed the
    // network in clear: refuse here instead, so the key never leaves the machine unencrypted.
    if (url.scheme() != u"https"_s) {
        job->finishLater(KeyError::make(
            KeyError::Kind::InvalidInput,
            tr("API keys need HTTPS: the data plane %1 is not an https:// address, so the key "
               "was not sent.")
                .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
        return job;
    }
    if (value.isEmpty() || profile().instanceName.isEmpty()) {
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput,
                                        value.isEmpty()
                                            ? tr("No API key to test.")
                                            : tr("The profile names no Tablestore instance.")));
        return job;
    }
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + u"ListKnowledgeBase"_s);
    url.setQuery(QString());

    HttpRequestSpec spec;
    spec.method = "POST";
    spec.url = url;
    spec.body = "{}";
    spec.idempotent = true; // a listing: safe to repeat
    spec.timeoutMs = profile().timeoutMs;
    spec.headers
        = {qMakePair("x-ots-apikey"_ba, detachedSecretCopy(value)), // the caller may wipe its own
           qMakePair("x-ots-instancename"_ba, profile().instanceName.toUtf8()),
           qMakePair("content-type"_ba, "application/json"_ba)};
    HttpJob *reply = KeyService::send(std::move(spec));
    job->track(reply);
    connect(reply, &HttpJob::finished, job, [job](HttpJob *done) { probeAnswered(job, *done); });
    return job;
}

void TablestoreService::probeAnswered(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    KeyError error = acsAnswer(reply, json); // the data plane's errors are {code, message}
    // Tablestore gives the request id in its own header (protocols.md §6).
    const QByteArray requestId = reply.header("x-ots-requestid");
    if (error && !requestId.isEmpty())
        error.requestId = QString::fromLatin1(requestId);
    job->setError(error);
    job->finish();
}

} // namespace keydesk
