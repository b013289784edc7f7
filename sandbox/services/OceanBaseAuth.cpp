#include "services/OceanBaseAuth.h"

#include "protocol/HttpDigest.h"
#include "protocol/SecureCompare.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QtEndian>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

static constexpr qsizetype kStampBytes = 8;
static constexpr qsizetype kSaltBytes = 8;
static constexpr qsizetype kMacBytes = 16;
static constexpr qsizetype kMaxTrackedNonces = 10000;

static OceanBaseAuthRefusal refusal(const QString &code, const QString &message, bool stale = false)
{
    return {ApiError {401, code, message, {}}, stale};
}

static OceanBaseAuthRefusal badCredentials()
{
    return refusal(u"AUTHENTICATION_FAILED"_s, u"The AccessKey ID or secret is not valid."_s);
}

static OceanBaseAuthRefusal badDigest(const QString &why)
{
    return refusal(u"AUTHENTICATION_FAILED"_s,
                   u"The Digest authorization does not answer this server's challenge: "_s + why);
}

static QByteArray randomBytes(qsizetype count)
{
    QByteArray out(count, '\0');
    for (char &c : out)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return out;
}

OceanBaseAuth::OceanBaseAuth(Store &store, Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

QByteArray OceanBaseAuth::key()
{
    if (m_key.isEmpty()) {
        const QString metaKey = u"oceanbase.nonceKey"_s;
        m_key = QByteArray::fromHex(m_store.meta(metaKey).toLatin1());
        if (m_key.size() != 32) {
            m_key = randomBytes(32);
            m_store.setMeta(metaKey, QString::fromLatin1(m_key.toHex()));
        }
    }
    return m_key;
}

QByteArray OceanBaseAuth::opaque()
{
    return QMessageAuthenticationCode::hash("opaque", key(), QCryptographicHash::Sha256)
        .toHex()
        .left(32);
}

QByteArray OceanBaseAuth::newNonce()
{
    QByteArray stamp(kStampBytes, '\0');
    qToBigEndian<qint64>(m_clock.nowSeconds(), stamp.data());
    const QByteArray payload = stamp + randomBytes(kSaltBytes);
    const QByteArray mac
        = QMessageAuthenticationCode::hash(payload, key(), QCryptographicHash::Sha256)
              .left(kMacBytes);
    return QByteArray(payload + mac)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<qint64> OceanBaseAuth::nonceIssued(const QByteArray &nonce)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        nonce, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kStampBytes + kSaltBytes + kMacBytes)
        return std::nullopt;
    const QByteArray &raw = decoded.decoded;
    const QByteArray payload = raw.left(kStampBytes + kSaltBytes);
    const QByteArray mac
        = QMessageAuthenticationCode::hash(payload, key(), QCryptographicHash::Sha256)
              .left(kMacBytes);
    if (!keydesk::protocol::secureEquals(mac, raw.mid(kStampBytes + kSaltBytes)))
        return std::nullopt;
    return qFromBigEndian<qint64>(payload.constData());
}

void OceanBaseAuth::forgetExpiredNonces()
{
    if (m_lastNonceCount.size() < kMaxTrackedNonces)
        return;
    const qint64 now = m_clock.nowSeconds();
    for (auto it = m_lastNonceCount.begin(); it != m_lastNonceCount.end();) {
        const auto issued = nonceIssued(it.key());
        if (!issued || now - *issued > kNonceLifetimeSeconds)
            it = m_lastNonceCount.erase(it);
        else
            ++it;
    }
}

QList<QByteArray> OceanBaseAuth::challenges(bool stale)
{
    QList<QByteArray> out;
    for (const QByteArray &algorithm : {"MD5"_ba, "SHA-256"_ba}) {
        protocol::DigestChallenge challenge;
        challenge.realm = kRealm;
        challenge.nonce = newNonce();
        challenge.opaque = opaque();
        challenge.algorithm = algorithm;
        challenge.stale = stale;
        out.append(challenge.toHeaderValue());
    }
    return out;
}

std::optional<QString> OceanBaseAuth::secretOf(const QString &accessKeyId, QString &orgId)
{
    QSqlQuery row = m_store.run(u"SELECT secret, org_id FROM oceanbase_access_keys"
                                u" WHERE access_key_id = ?"_s,
                                {accessKeyId});
    if (!row.next())
        return std::nullopt;
    orgId = row.value(1).toString();
    return row.value(0).toString();
}

OceanBaseAuthOutcome OceanBaseAuth::authenticate(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization").trimmed();
    if (header.isEmpty())
        return refusal(u"UNAUTHORIZED"_s,
                       u"Authentication is required: use HTTP Digest (or Basic) with your"
                       u" AccessKey ID as user name and your AccessKey secret as password."_s);
    const QByteArray scheme = header.left(header.indexOf(' ')).toLower();
    if (scheme == "basic")
        return basic(header.mid(6).trimmed());
    if (scheme == "digest")
        return digest(request, header);
    return refusal(u"UNAUTHORIZED"_s,
                   u"The authorization scheme is not supported: use Digest or Basic."_s);
}

OceanBaseAuthOutcome OceanBaseAuth::basic(const QByteArray &credentials)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        credentials, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &pair = decoded.decoded;
    if (!decoded || !pair.contains(':'))
        return badCredentials();
    const qsizetype colon = pair.indexOf(':');
    OceanBaseCaller caller;
    caller.accessKeyId = QString::fromUtf8(pair.left(colon));
    const auto secret = secretOf(caller.accessKeyId, caller.orgId);
    if (!secret || !keydesk::protocol::secureEquals(secret->toUtf8(), pair.mid(colon + 1)))
        return badCredentials();
    return caller;
}

OceanBaseAuthOutcome OceanBaseAuth::digest(const HttpRequest &request, const QByteArray &header)
{
    const auto authorization = protocol::DigestAuthorization::parse(header);
    if (!authorization)
        return badDigest(u"the header is malformed or lacks username, nonce, uri or response."_s);
    if (authorization->realm != kRealm)
        return badDigest(u"the realm is not the one challenged."_s);
    if (!authorization->opaque.isEmpty() && authorization->opaque != opaque())
        return badDigest(u"the opaque value is not the one challenged."_s);
    const QByteArray algorithm = authorization->algorithm.toUpper();
    if (!algorithm.isEmpty() && algorithm != "MD5" && algorithm != "SHA-256")
        return badDigest(u"the algorithm must be MD5 or SHA-256."_s);
    if (authorization->qop != "auth")
        return badDigest(u"qop must be auth."_s);
    bool ncValid = false;
    const quint64 nonceCount = authorization->nc.toULongLong(&ncValid, 16);
    if (!ncValid || authorization->nc.size() != 8 || nonceCount == 0)
        return badDigest(u"nc must be 8 hexadecimal digits, from 00000001."_s);
    const auto issued = nonceIssued(authorization->nonce);
    if (!issued)
        return badDigest(u"the nonce was not issued by this server."_s);
    // The response covers the uri directive only: it must be the request-target itself, path
    // and query, or a captured answer could be replayed on another query (another key's id).
    if (authorization->uri != request.target)
        return badDigest(u"the uri is not the request's path and query."_s);

    OceanBaseCaller caller;
    caller.accessKeyId = QString::fromUtf8(authorization->username);
    const auto secret = secretOf(caller.accessKeyId, caller.orgId);
    if (!secret
        || !keydesk::protocol::secureEquals(
            protocol::digestResponse(*authorization, request.method, secret->toUtf8()),
            authorization->response.toLower()))
        return badCredentials();
    // Only a right answer learns that its nonce is stale (RFC 7616 §3.3), so that the client
    // repeats it with the new nonce without asking for the password again.
    if (m_clock.nowSeconds() - *issued > kNonceLifetimeSeconds)
        return refusal(u"NONCE_EXPIRED"_s,
                       u"The nonce has expired: repeat the request with the new nonce."_s, true);
    forgetExpiredNonces();
    quint64 &last = m_lastNonceCount[authorization->nonce];
    if (nonceCount <= last)
        return refusal(u"NONCE_COUNT_REUSED"_s,
                       u"This nonce count was already used with this nonce: nc must increase"
                       u" with every request."_s);
    last = nonceCount;
    return caller;
}
