#include "protocol/HttpDigest.h"

#include <QCryptographicHash>

namespace keydesk::protocol {

QByteArray DigestChallenge::toHeaderValue() const
{
    QByteArray value = "Digest realm=\"" + realm + "\", qop=\"" + qop + "\", nonce=\"" + nonce
        + "\", opaque=\"" + opaque + "\", algorithm=" + algorithm;
    if (stale)
        value += ", stale=true";
    return value;
}

std::optional<QMap<QByteArray, QByteArray>> parseAuthParameters(const QByteArray &list)
{
    QMap<QByteArray, QByteArray> out;
    qsizetype i = 0;
    const qsizetype n = list.size();
    while (i < n) {
        while (i < n && (list.at(i) == ' ' || list.at(i) == ',' || list.at(i) == '\t'))
            ++i;
        if (i >= n)
            break;
        const qsizetype nameStart = i;
        while (i < n && list.at(i) != '=' && list.at(i) != ',')
            ++i;
        if (i >= n || list.at(i) != '=')
            return std::nullopt;
        const QByteArray name = list.mid(nameStart, i - nameStart).trimmed().toLower();
        if (name.isEmpty())
            return std::nullopt;
        ++i; // '='
        QByteArray value;
        if (i < n && list.at(i) == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = list.at(i++);
                if (c == '\\' && i < n) {
                    value += list.at(i++);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return std::nullopt;
        } else {
            const qsizetype valueStart = i;
            while (i < n && list.at(i) != ',')
                ++i;
            value = list.mid(valueStart, i - valueStart).trimmed();
        }
        out.insert(name, value);
    }
    return out;
}

std::optional<DigestAuthorization> DigestAuthorization::parse(const QByteArray &headerValue)
{
    const QByteArray scheme = "digest ";
    if (!headerValue.toLower().startsWith(scheme))
        return std::nullopt;
    const auto params = parseAuthParameters(headerValue.mid(scheme.size()));
    if (!params)
        return std::nullopt;
    DigestAuthorization auth;
    auth.username = params->value("username");
    auth.realm = params->value("realm");
    auth.nonce = params->value("nonce");
    auth.uri = params->value("uri");
    auth.response = params->value("response");
    auth.algorithm = params->value("algorithm");
    auth.qop = params->value("qop");
    auth.nc = params->value("nc");
    auth.cnonce = params->value("cnonce");
    auth.opaque = params->value("opaque");
    if (auth.username.isEmpty() || auth.nonce.isEmpty() || auth.uri.isEmpty()
        || auth.response.isEmpty())
        return std::nullopt;
    if (!auth.qop.isEmpty() && (auth.nc.isEmpty() || auth.cnonce.isEmpty()))
        return std::nullopt;
    return auth;
}

QByteArray digestResponse(const DigestAuthorization &authorization, const QByteArray &method,
                          const QByteArray &password)
{
    const QByteArray algorithm = authorization.algorithm.toUpper();
    QCryptographicHash::Algorithm hash;
    bool session = false;
    if (algorithm.isEmpty() || algorithm == "MD5" || algorithm == "MD5-SESS") {
        hash = QCryptographicHash::Md5;
        session = algorithm == "MD5-SESS";
    } else if (algorithm == "SHA-256" || algorithm == "SHA-256-SESS") {
        hash = QCryptographicHash::Sha256;
        session = algorithm == "SHA-256-SESS";
    } else {
        return {};
    }
    const auto h = [hash](const QByteArray &data) {
        return QCryptographicHash::hash(data, hash).toHex();
    };
    QByteArray ha1 = h(authorization.username + ':' + authorization.realm + ':' + password);
    if (session)
        ha1 = h(ha1 + ':' + authorization.nonce + ':' + authorization.cnonce);
    const QByteArray ha2 = h(method + ':' + authorization.uri);
    if (authorization.qop.isEmpty())
        return h(ha1 + ':' + authorization.nonce + ':' + ha2);
    return h(ha1 + ':' + authorization.nonce + ':' + authorization.nc + ':' + authorization.cnonce
             + ':' + authorization.qop + ':' + ha2);
}

} // namespace keydesk::protocol
