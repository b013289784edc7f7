#pragma once

#include "ApiError.h"
#include "Clock.h"
#include "HttpExchange.h"
#include "Store.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <variant>

// The OceanBase AccessKey an OpenAPI call was authenticated with, and the org it belongs to.
struct OceanBaseCaller
{
    QString accessKeyId;
    QString orgId;
};

// Why a call was not authenticated; stale: the digest was right but its nonce had expired.
struct OceanBaseAuthRefusal
{
    ApiError error;
    bool stale = false;
};

using OceanBaseAuthOutcome = std::variant<OceanBaseCaller, OceanBaseAuthRefusal>;

// HTTP Digest (RFC 7616, qop=auth, MD5 or SHA-256) with the AccessKey ID as user name and the
// secret as password, as OceanBase Cloud's OpenAPI documents it; preemptive Basic is accepted
// too because the MaaS pages' example is `curl -u` without --digest (protocols.md §3).
// Nonces carry their issue time and an HMAC under a key kept in the store, so they survive a
// restart; each (nonce, nc) pair is accepted once, tracked in memory.
class OceanBaseAuth
{
public:
    static constexpr qint64 kNonceLifetimeSeconds = 300;
    static inline const QByteArray kRealm = QByteArrayLiteral("OceanBase Cloud OpenAPI");

    OceanBaseAuth(Store &store, Clock &clock);

    OceanBaseAuthOutcome authenticate(const HttpRequest &request);
    // The WWW-Authenticate values of a 401 answer: MD5 first (what Qt and curl pick), then
    // SHA-256. Each carries a fresh nonce.
    QList<QByteArray> challenges(bool stale);

private:
    OceanBaseAuthOutcome basic(const QByteArray &credentials);
    OceanBaseAuthOutcome digest(const HttpRequest &request, const QByteArray &header);
    std::optional<QString> secretOf(const QString &accessKeyId, QString &orgId);

    QByteArray key();
    QByteArray opaque();
    QByteArray newNonce();
    // The nonce's issue time in seconds, or nullopt when this server did not issue it.
    std::optional<qint64> nonceIssued(const QByteArray &nonce);
    void forgetExpiredNonces();

    Store &m_store;
    Clock &m_clock;
    QByteArray m_key;
    QHash<QByteArray, quint64> m_lastNonceCount;
};
