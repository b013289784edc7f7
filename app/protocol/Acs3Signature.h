#pragma once

#include "protocol/PercentEncoding.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <optional>

namespace keydesk::protocol {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

inline constexpr char kAcs3Algorithm[] = "ACS3-HMAC-SHA256";
// Lower-case hex SHA-256 of the empty payload (protocols.md §1.2).
inline constexpr char kEmptyPayloadSha256[]
    = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// What the signature of an Alibaba Cloud OpenAPI V3 request covers (protocols.md §1.2).
struct Acs3Request
{
    QByteArray method; // as sent, upper case
    QByteArray path; // as sent, already percent-encoded; "/" for RPC
    QueryItems query; // decoded names and values
    HttpHeaders headers; // as sent, any case
    QByteArray payloadHash; // lower-case hex SHA-256 of the body
};

// The parsed "Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".
struct Acs3Authorization
{
    QByteArray accessKeyId;
    QList<QByteArray> signedHeaders; // lower case, in the order given
    QByteArray signature; // lower-case hex

    QByteArray toHeaderValue() const;
    static std::optional<Acs3Authorization> parse(const QByteArray &headerValue);
};

QByteArray sha256Hex(const QByteArray &data);

// Names of the headers a signer signs: host, content-type and x-acs-*, lower case, sorted, unique.
QList<QByteArray> acs3SignableHeaderNames(const HttpHeaders &headers);
QByteArray acs3CanonicalUri(const QByteArray &path);
QByteArray acs3CanonicalHeaders(const HttpHeaders &headers, const QList<QByteArray> &names);
QByteArray acs3CanonicalRequest(const Acs3Request &request, const QList<QByteArray> &signedNames);
QByteArray acs3StringToSign(const QByteArray &canonicalRequest);
QByteArray acs3Signature(const QByteArray &stringToSign, const QByteArray &accessKeySecret);

// x-acs-date's form: yyyy-MM-ddTHH:mm:ssZ, UTC, no milliseconds.
QByteArray acs3Date(const QDateTime &time);
std::optional<QDateTime> parseAcs3Date(const QByteArray &value);

struct AcsCredentials
{
    QByteArray accessKeyId;
    QByteArray accessKeySecret;
    QByteArray securityToken; // STS only
};

// One request to sign, as the official SDK builds it (protocols.md §1.1).
struct Acs3SigningInput
{
    QByteArray method = "POST";
    QByteArray host; // the Host header exactly as it will be sent (with a port if not default)
    QByteArray path = "/";
    QueryItems query;
    QByteArray action;
    QByteArray version;
    QByteArray body;
    QByteArray contentType; // only with a body
    QDateTime date;
    QByteArray nonce;
};

// Every header the request must carry, Authorization included.
HttpHeaders acs3SignRequest(const AcsCredentials &credentials, const Acs3SigningInput &input);

} // namespace keydesk::protocol
