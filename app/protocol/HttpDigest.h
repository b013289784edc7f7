#pragma once

#include <QByteArray>
#include <QMap>

#include <optional>

namespace keydesk::protocol {

// HTTP Digest access authentication (RFC 7616), as OceanBase Cloud's OpenAPI uses it with
// the AccessKey ID as user name and the secret as password (protocols.md §3).
struct DigestChallenge
{
    QByteArray realm;
    QByteArray nonce;
    QByteArray opaque;
    QByteArray algorithm = "MD5"; // MD5 or SHA-256
    QByteArray qop = "auth";
    bool stale = false;

    QByteArray toHeaderValue() const; // for WWW-Authenticate
};

struct DigestAuthorization
{
    QByteArray username;
    QByteArray realm;
    QByteArray nonce;
    QByteArray uri;
    QByteArray response;
    QByteArray algorithm; // empty means MD5
    QByteArray qop; // empty means the RFC 2069 form without cnonce and nc
    QByteArray nc;
    QByteArray cnonce;
    QByteArray opaque;

    static std::optional<DigestAuthorization> parse(const QByteArray &headerValue);
};

// The comma-separated name=value / name="value" list of an auth header, names lower case.
std::optional<QMap<QByteArray, QByteArray>> parseAuthParameters(const QByteArray &list);

// The expected "response" value; empty when the algorithm is not supported.
QByteArray digestResponse(const DigestAuthorization &authorization, const QByteArray &method,
                          const QByteArray &password);

} // namespace keydesk::protocol
