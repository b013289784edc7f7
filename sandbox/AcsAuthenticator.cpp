#include "AcsAuthenticator.h"

#include "protocol/RpcSignature.h"
#include "protocol/SecureCompare.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

static constexpr qint64 kMaxClockSkewSeconds = qint64 {15} * 60;

static ApiError incompleteSignature(const QString &detail)
{
    return {400,
            u"IncompleteSignature"_s,
            u"The request signature does not conform to Aliyun standards. "_s + detail,
            {}};
}

static ApiError signatureMismatch(const QByteArray &stringToSign)
{
    return {400,
            u"SignatureDoesNotMatch"_s,
            u"Specified signature is not matched with our calculation. server string to sign is:"_s
                + QString::fromUtf8(stringToSign),
            {}};
}

AcsAuthenticator::AcsAuthenticator(Store &store, Clock &clock, Identity &identity)
    : m_store(store)
    , m_clock(clock)
    , m_identity(identity)
{ }

QStringList AcsAuthenticator::schema()
{
    return {u"CREATE TABLE IF NOT EXISTS signature_nonces ("
            " access_key_id TEXT NOT NULL, nonce TEXT NOT NULL, seen INTEGER NOT NULL,"
            " PRIMARY KEY (access_key_id, nonce))"_s};
}

std::optional<ApiError> AcsAuthenticator::checkAccessKey(const QString &accessKeyId,
                                                         std::optional<AccessKeyRecord> &record)
{
    record = m_identity.accessKey(accessKeyId);
    if (!record)
        return ApiError {
            404, u"InvalidAccessKeyId.NotFound"_s, u"Specified access key is not found."_s, {}};
    if (record->status != u"Active"_s)
        return ApiError {
            400, u"InvalidAccessKeyId.Inactive"_s, u"Specified access key is disabled."_s, {}};
    return std::nullopt;
}

std::optional<ApiError> AcsAuthenticator::checkTime(const QDateTime &signedAt)
{
    if (qAbs(signedAt.secsTo(m_clock.now())) > kMaxClockSkewSeconds)
        return ApiError {400,
                         u"InvalidTimeStamp.Expired"_s,
                         u"Specified time stamp or date value is expired."_s,
                         {}};
    return std::nullopt;
}

std::optional<ApiError> AcsAuthenticator::useNonce(const QString &accessKeyId, const QString &nonce)
{
    const qint64 now = m_clock.nowSeconds();
    if (++m_noncesSincePurge >= 1000) {
        m_noncesSincePurge = 0;
        // A nonce older than twice the clock window can no longer come with a valid date.
        m_store.run(u"DELETE FROM signature_nonces WHERE seen < ?"_s,
                    {now - 2 * kMaxClockSkewSeconds});
    }
    QSqlQuery inserted = m_store.run(u"INSERT OR IGNORE INTO signature_nonces (access_key_id,"
                                     u" nonce, seen) VALUES (?, ?, ?)"_s,
                                     {accessKeyId, nonce, now});
    if (inserted.numRowsAffected() == 0)
        return ApiError {
            400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s, {}};
    return std::nullopt;
}

AuthOutcome AcsAuthenticator::authenticateV3(const HttpRequest &request)
{
    const auto auth = protocol::Acs3Authorization::parse(request.header("authorization"));
    if (!auth)
        return incompleteSignature(u"The Authorization header is malformed."_s);

    static const QList<QByteArray> required {
        "host",       "x-acs-action",          "x-acs-content-sha256",
        "x-acs-date", "x-acs-signature-nonce", "x-acs-version"};
    for (const QByteArray &name : required) {
        if (!request.hasHeader(name))
            return incompleteSignature(u"The header %1 is missing."_s.arg(QLatin1String(name)));
        if (!auth->signedHeaders.contains(name))
            return incompleteSignature(u"The header %1 must be signed."_s.arg(QLatin1String(name)));
    }
    for (const auto &header : request.headers) {
        const QByteArray name = header.first.toLower();
        if (name.startsWith("x-acs-") && !auth->signedHeaders.contains(name))
            return incompleteSignature(u"The header %1 must be signed."_s.arg(QLatin1String(name)));
    }
    for (const QByteArray &name : auth->signedHeaders) {
        if (!request.hasHeader(name))
            return incompleteSignature(
                u"The signed header %1 is not in the request."_s.arg(QLatin1String(name)));
    }

    std::optional<AccessKeyRecord> key;
    if (auto error = checkAccessKey(QString::fromLatin1(auth->accessKeyId), key))
        return *error;

    const QByteArray payloadHash = protocol::sha256Hex(request.body);
    const protocol::Acs3Request canonical {request.method, request.path, request.query,
                                           request.headers, request.header("x-acs-content-sha256")};
    const QByteArray stringToSign = protocol::acs3StringToSign(
        protocol::acs3CanonicalRequest(canonical, auth->signedHeaders));
    const QByteArray expected = protocol::acs3Signature(stringToSign, key->secret.toUtf8());
    if (!protocol::secureEquals(expected, auth->signature))
        return signatureMismatch(stringToSign);
    if (request.header("x-acs-content-sha256") != payloadHash)
        return ApiError {400,
                         u"SignatureDoesNotMatch"_s,
                         u"The x-acs-content-sha256 header does not match the request body."_s,
                         {}};

    const auto signedAt = protocol::parseAcs3Date(request.header("x-acs-date"));
    if (!signedAt)
        return ApiError {400,
                         u"InvalidTimeStamp.Format"_s,
                         u"Specified time stamp or date value is not well formatted."_s,
                         {}};
    if (auto error = checkTime(*signedAt))
        return *error;
    if (auto error
        = useNonce(key->accessKeyId, QString::fromUtf8(request.header("x-acs-signature-nonce"))))
        return *error;
    return Principal {key->accountId, key->userName, key->accessKeyId};
}

static QString parameter(const protocol::QueryItems &parameters, const QString &name)
{
    for (const auto &item : parameters) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

AuthOutcome AcsAuthenticator::authenticateV1(const HttpRequest &request,
                                             const protocol::QueryItems &parameters)
{
    for (const QString &name : {u"AccessKeyId"_s, u"Signature"_s, u"SignatureMethod"_s,
                                u"SignatureVersion"_s, u"SignatureNonce"_s, u"Timestamp"_s}) {
        if (parameter(parameters, name).isEmpty())
            return ApiError::missingParameter(name);
    }
    if (parameter(parameters, u"SignatureMethod"_s) != u"HMAC-SHA1"_s)
        return ApiError {400,
                         u"InvalidParameter.SignatureMethod"_s,
                         u"The specified parameter \"SignatureMethod\" is not valid: only HMAC-SHA1"
                         u" is supported with SignatureVersion 1.0."_s,
                         {}};
    if (parameter(parameters, u"SignatureVersion"_s) != u"1.0"_s)
        return ApiError {400,
                         u"InvalidParameter.SignatureVersion"_s,
                         u"The specified parameter \"SignatureVersion\" is not valid."_s,
                         {}};

    std::optional<AccessKeyRecord> key;
    if (auto error = checkAccessKey(parameter(parameters, u"AccessKeyId"_s), key))
        return *error;

    const QByteArray stringToSign = protocol::rpcStringToSign(request.method, parameters);
    const QByteArray expected = protocol::rpcSignature(stringToSign, key->secret.toUtf8());
    if (!protocol::secureEquals(expected, parameter(parameters, u"Signature"_s).toLatin1()))
        return signatureMismatch(stringToSign);

    // The SDK sends yyyy-MM-ddTHH:mm:ssZ; a form with milliseconds is accepted as well.
    QByteArray timestamp = parameter(parameters, u"Timestamp"_s).toLatin1();
    if (timestamp.size() == 24 && timestamp.at(19) == '.')
        timestamp = timestamp.left(19) + 'Z';
    const auto signedAt = protocol::parseAcs3Date(timestamp);
    if (!signedAt)
        return ApiError {400,
                         u"InvalidTimeStamp.Format"_s,
                         u"Specified time stamp or date value is not well formatted."_s,
                         {}};
    if (auto error = checkTime(*signedAt))
        return *error;
    if (auto error = useNonce(key->accessKeyId, parameter(parameters, u"SignatureNonce"_s)))
        return *error;
    return Principal {key->accountId, key->userName, key->accessKeyId};
}
