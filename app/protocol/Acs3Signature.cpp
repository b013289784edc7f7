#include "protocol/Acs3Signature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <algorithm>

namespace keydesk::protocol {

QByteArray Acs3Authorization::toHeaderValue() const
{
    return QByteArray(kAcs3Algorithm) + " Credential=" + accessKeyId
        + ",SignedHeaders=" + signedHeaders.join(';') + ",Signature=" + signature;
}

std::optional<Acs3Authorization> Acs3Authorization::parse(const QByteArray &headerValue)
{
    const QByteArray prefix = QByteArray(kAcs3Algorithm) + ' ';
    if (!headerValue.startsWith(prefix))
        return std::nullopt;
    Acs3Authorization auth;
    bool haveCredential = false;
    bool haveHeaders = false;
    bool haveSignature = false;
    for (const QByteArray &rawPart : headerValue.mid(prefix.size()).split(',')) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray key = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (key == "Credential") {
            auth.accessKeyId = value;
            haveCredential = !value.isEmpty();
        } else if (key == "SignedHeaders") {
            for (const QByteArray &name : value.split(';')) {
                if (name.isEmpty())
                    return std::nullopt;
                auth.signedHeaders.append(name.toLower());
            }
            haveHeaders = true;
        } else if (key == "Signature") {
            auth.signature = value;
            haveSignature = !value.isEmpty();
        } else {
            return std::nullopt;
        }
    }
    if (!haveCredential || !haveHeaders || !haveSignature)
        return std::nullopt;
    return auth;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

static bool isSignableHeader(const QByteArray &lowerName)
{
    return lowerName == "host" || lowerName == "content-type" || lowerName.startsWith("x-acs-");
}

QList<QByteArray> acs3SignableHeaderNames(const HttpHeaders &headers)
{
    QList<QByteArray> names;
    for (const auto &header : headers) {
        const QByteArray name = header.first.toLower();
        if (isSignableHeader(name) && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray acs3CanonicalUri(const QByteArray &path)
{
    QByteArray uri = path;
    uri.replace('+', "%20").replace('*', "%2A").replace("%7E", "~");
    return uri;
}

QByteArray acs3CanonicalHeaders(const HttpHeaders &headers, const QList<QByteArray> &names)
{
    QList<QByteArray> sortedNames = names;
    std::sort(sortedNames.begin(), sortedNames.end());
    sortedNames.erase(std::unique(sortedNames.begin(), sortedNames.end()), sortedNames.end());
    QByteArray out;
    for (const QByteArray &name : std::as_const(sortedNames)) {
        QList<QByteArray> values;
        for (const auto &header : headers) {
            if (header.first.toLower() == name)
                values.append(header.second.trimmed());
        }
        std::sort(values.begin(), values.end());
        out += name + ':' + values.join(',') + '\n';
    }
    return out;
}

QByteArray acs3CanonicalRequest(const Acs3Request &request, const QList<QByteArray> &signedNames)
{
    QList<QByteArray> names = signedNames;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return request.method + '\n' + acs3CanonicalUri(request.path) + '\n'
        + canonicalQueryString(request.query) + '\n' + acs3CanonicalHeaders(request.headers, names)
        + '\n' + names.join(';') + '\n' + request.payloadHash;
}

QByteArray acs3StringToSign(const QByteArray &canonicalRequest)
{
    return QByteArray(kAcs3Algorithm) + '\n' + sha256Hex(canonicalRequest);
}

QByteArray acs3Signature(const QByteArray &stringToSign, const QByteArray &accessKeySecret)
{
    return QMessageAuthenticationCode::hash(stringToSign, accessKeySecret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

QByteArray acs3Date(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + 'Z';
}

std::optional<QDateTime> parseAcs3Date(const QByteArray &value)
{
    // Exactly yyyy-MM-ddTHH:mm:ssZ: 20 characters, no milliseconds, no offset.
    if (value.size() != 20 || !value.endsWith('Z'))
        return std::nullopt;
    // Date and time read apart and joined in UTC: read as one local time first, a moment that
    // falls in a daylight-saving gap of the local zone would be invalid (and cost a lookup of
    // the zone on every call).
    const QDate date
        = QDate::fromString(QString::fromLatin1(value.left(10)), QStringLiteral("yyyy-MM-dd"));
    const QTime time
        = QTime::fromString(QString::fromLatin1(value.mid(10, 9)), QStringLiteral("'T'HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

HttpHeaders acs3SignRequest(const AcsCredentials &credentials, const Acs3SigningInput &input)
{
    const QByteArray payloadHash = sha256Hex(input.body);
    HttpHeaders headers {
        {"host", input.host},
        {"x-acs-action", input.action},
        {"x-acs-version", input.version},
        {"x-acs-date", acs3Date(input.date)},
        {"x-acs-signature-nonce", input.nonce},
        {"x-acs-content-sha256", payloadHash},
    };
    if (!input.contentType.isEmpty())
        headers.append({"content-type", input.contentType});
    if (!credentials.securityToken.isEmpty()) {
        headers.append({"x-acs-accesskey-id", credentials.accessKeyId});
        headers.append({"x-acs-security-token", credentials.securityToken});
    }
    const Acs3Request request {input.method, input.path, input.query, headers, payloadHash};
    const QList<QByteArray> names = acs3SignableHeaderNames(headers);
    const QByteArray signature = acs3Signature(
        acs3StringToSign(acs3CanonicalRequest(request, names)), credentials.accessKeySecret);
    headers.append({"Authorization",
                    Acs3Authorization {credentials.accessKeyId, names, signature}.toHeaderValue()});
    return headers;
}

} // namespace keydesk::protocol
