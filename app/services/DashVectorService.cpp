#include "services/DashVectorService.h"

#include "net/AcsRequest.h"
#include "net/HttpClient.h"
#include "protocol/KeyMask.h"
#include "vault/SecretBytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kVersion = u"2026-11-01"_s;
constexpr int kMaxDescriptionLength = 128;

KeyError rpcAnswer(const HttpJob &reply, QJsonObject &json)
{
    KeyError error = acsAnswer(reply, json);
    // The day's creations are used up: the service says when the count starts again.
    if (error.kind == KeyError::Kind::LimitReached && json.contains(u"CreationCountResetTime"_s))
        error.until = QDateTime::fromString(json.value(u"CreationCountResetTime"_s).toString(),
                                            Qt::ISODate);
    return error;
}

int count(const QJsonObject &json, const QString &name)
{
    const qint64 value = json.value(name).toInteger(-1);
    return value >= 0 && value <= std::numeric_limits<int>::max() ? static_cast<int>(value) : -1;
}

// An ApiKey object (docs/sandbox-api.md, DashVector); false when it has no id.
bool readKey(const QJsonValue &value, ApiKey &key, QString *fullValue = nullptr)
{
    const QJsonObject object = value.toObject();
    const QString id = object.value(u"ApiKeyId"_s).toString();
    if (id.isEmpty())
        return false;
    key = ApiKey();
    key.id = id;
    key.service = ServiceKind::DashVector;
    key.name = object.value(u"Description"_s).toString();
    const QString apiKeyValue = object.value(u"ApiKeyValue"_s).toString();
    key.maskedValue = apiKeyValue.contains(u'*') ? apiKeyValue : protocol::maskKey(apiKeyValue);
    if (fullValue)
        *fullValue = apiKeyValue;
    key.created
        = QDateTime::fromString(object.value(u"CreateTime"_s).toString(), Qt::ISODate).toUTC();
    const QString status = object.value(u"Status"_s).toString();
    if (status.isEmpty() || status == u"Active"_s)
        key.status = KeyStatus::Active;
    else if (status == u"Inactive"_s)
        key.status = KeyStatus::Inactive;
    else
        key.status = KeyStatus::Invalid;
    return true;
}

// The MFA code's shape is checked here, so a missing or mistyped code costs no request and
// never counts toward the service's lock (5 wrong codes lock verification for 15 minutes).
KeyError checkCode(const QString &code)
{
    static const QRegularExpression sixDigits(u"^[0-9]{6}$"_s);
    if (code.isEmpty())
        return KeyError::make(
            KeyError::Kind::VerificationNeeded,
            DashVectorService::tr("Enter the 6-digit code of the account's MFA device."));
    if (!sixDigits.match(code).hasMatch())
        return KeyError::make(KeyError::Kind::VerificationWrong,
                              DashVectorService::tr("A verification code is 6 digits."));
    return {};
}

} // namespace

DashVectorService::DashVectorService(Profile profile, QByteArray secret, HttpClient *client,
                                     QObject *parent)
    : KeyService(std::move(profile), std::move(secret), client, parent)
{ }

DashVectorService::~DashVectorService() = default;

ServiceCapabilities DashVectorService::capabilities() const
{
    ServiceCapabilities capabilities;
    capabilities.listsMaskedValues = true;
    capabilities.valueReadableAgain = true;
    capabilities.revealNeedsVerification = true;
    capabilities.deleteNeedsVerification = true;
    capabilities.rootAccountOnly = true;
    capabilities.maxNameLength = kMaxDescriptionLength;
    return capabilities;
}

HttpRequestSpec DashVectorService::rpcRequest(const QString &action,
                                              const protocol::QueryItems &params,
                                              bool idempotent) const
{
    return acsRpcRequest(profile(), profileSecret(), kVersion, action, params, idempotent);
}

KeyJob *DashVectorService::listKeys()
{
    auto *job = new KeyJob(this);
    HttpRequestSpec spec = rpcRequest(u"ListApiKeys"_s, {}, true);
    spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes;
    sendFor(job, std::move(spec), [job](const HttpJob &reply) { readList(job, reply); });
    return job;
}

void DashVectorService::readList(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    if (const KeyError error = rpcAnswer(reply, json))
        return job->fail(error);
    // RPC lists nest their items: ApiKeys.ApiKey[] (as RAM's AccessKeys.AccessKey[]).
    QJsonValue items = json.value(u"ApiKeys"_s);
    if (items.isObject())
        items = items.toObject().value(u"ApiKey"_s);
    if (!items.isArray() && !items.isUndefined() && !items.isNull())
        return job->fail(badAcsResponse(reply, tr("The key list is not a list.")));
    KeyList list;
    for (const QJsonValue item : items.toArray()) {
        ApiKey key;
        if (!readKey(item, key))
            return job->fail(badAcsResponse(reply, tr("A listed key has no id.")));
        list.keys.append(key);
    }
    list.usage.maxKeys = count(json, u"MaxApiKeys"_s);
    list.usage.keyCount = count(json, u"ApiKeyCount"_s);
    if (list.usage.keyCount < 0)
        list.usage.keyCount = static_cast<int>(list.keys.size());
    list.usage.dailyCreationLimit = count(json, u"DailyCreationLimit"_s);
    list.usage.creationsLeftToday = count(json, u"CreationsLeftToday"_s);
    list.usage.creationCountResets
        = QDateTime::fromString(json.value(u"CreationCountResetTime"_s).toString(), Qt::ISODate);
    job->setList(list);
    job->finish();
}

KeyJob *DashVectorService::createKey(const CreateKeyRequest &request)
{
    auto *job = new KeyJob(this);
    if (request.name.size() > kMaxDescriptionLength) {
        job->finishLater(KeyError::make(
            KeyError::Kind::InvalidInput,
            tr("A description has at most %1 characters.").arg(kMaxDescriptionLength)));
        return job;
    }
    protocol::QueryItems params;
    if (!request.name.isEmpty())
        params.append(qMakePair(u"Description"_s, request.name));
    // Never retried: a repeated create would make a second key and spend a daily creation.
    sendFor(job, rpcRequest(u"CreateApiKey"_s, params, false),
            [job](const HttpJob &reply) { readOneKey(job, reply); });
    return job;
}

void DashVectorService::readOneKey(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    if (const KeyError error = rpcAnswer(reply, json))
        return job->fail(error);
    finishWithValue(job, reply, json.value(u"ApiKey"_s), &readKey);
}

KeyJob *DashVectorService::revealKey(const QString &keyId, const QString &verificationCode)
{
    return verifiedCall(u"DescribeApiKey"_s, keyId, verificationCode, &readOneKey);
}

KeyJob *DashVectorService::deleteKey(const QString &keyId, const QString &verificationCode)
{
    return verifiedCall(u"DeleteApiKey"_s, keyId, verificationCode, &readEmpty);
}

KeyJob *DashVectorService::verifiedCall(const QString &action, const QString &keyId,
                                        const QString &code,
                                        void (*reader)(KeyJob *, const HttpJob &))
{
    auto *job = new KeyJob(this);
    if (keyId.isEmpty()) {
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput, tr("Choose the key first.")));
        return job;
    }
    const QString digits = QString(code).remove(u' ');
    if (const KeyError error = checkCode(digits)) {
        job->finishLater(error);
        return job;
    }
    // Not retried even for DescribeApiKey: each code is good once, so a repeat would only
    // come back as VerificationCodeUsed.
    sendFor(job,
            rpcRequest(action,
                       {qMakePair(u"ApiKeyId"_s, keyId), qMakePair(u"VerificationCode"_s, digits)},
                       false),
            [job, reader](const HttpJob &reply) { reader(job, reply); });
    return job;
}

void DashVectorService::readEmpty(KeyJob *job, const HttpJob &reply)
{
    QJsonObject json;
    job->setError(rpcAnswer(reply, json));
    job->finish();
}

KeyJob *DashVectorService::testKey(const QByteArray &value)
{
    auto *job = new KeyJob(this);
    if (!std::all_of(value.cbegin(), value.cend(), [](char c) { return c > ' ' && c < 127; })) {
        job->finishLater(KeyError::make(KeyError::Kind::InvalidInput,
                                        tr("A key is letters, digits and dashes only.")));
        return job;
    }
    HttpRequestSpec spec;
    spec.url = profile().dataPlane();
    spec.url.setPath(u"/v1/collections"_s);
    spec.idempotent = true;
    spec.timeoutMs = profile().timeoutMs;
    spec.headers.append(qMakePair("accept"_ba, "application/json"_ba));
    // Its own copy: the caller may wipe the value as soon as this returns.
    spec.headers.append(qMakePair("dashvector-auth-token"_ba, detachedSecretCopy(value)));
    sendFor(job, std::move(spec), [job](const HttpJob &reply) { readCollections(job, reply); });
    return job;
}

void DashVectorService::readCollections(KeyJob *job, const HttpJob &reply)
{
    if (reply.transportError())
        return job->fail(reply.transportError());
    const QJsonObject json = QJsonDocument::fromJson(reply.body()).object();
    const QJsonValue codeValue = json.value(u"code"_s);
    const int status = reply.status();
    const bool success = status >= 200 && status < 300;
    if (success && codeValue.isDouble() && codeValue.toInteger(-1) == 0)
        return job->finish();
    const QString code
        = codeValue.isDouble() ? QString::number(codeValue.toInteger()) : codeValue.toString();
    KeyError error = KeyError::fromService(
        status, code, json.value(u"message"_s).toString(),
        json.value(u"request_id"_s)
            .toString(QString::fromLatin1(reply.header("x-acs-request-id"))));
    // DashVector has no code of its own for a refused key (protocols.md §4): HTTP 401/403 or
    // any non-zero code on this call means the key was rejected.
    if (status == 401 || status == 403 || (success && codeValue.isDouble()))
        error.kind = KeyError::Kind::Credentials;
    else if (success)
        error = badAcsResponse(reply, tr("The answer has no result code."));
    job->fail(error);
}

} // namespace keydesk
