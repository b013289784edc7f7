#include "net/AcsRequest.h"

#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace keydesk {

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    const int defaultPort = url.scheme() == u"https"_s ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

static QByteArray encodeQuery(const protocol::QueryItems &items)
{
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += protocol::percentEncode(key) + '=' + protocol::percentEncode(value);
    }
    return out;
}

static HttpRequestSpec signedSpec(const Profile &profile, const QByteArray &secret,
                                  const QString &version, const QString &action,
                                  const QByteArray &method, const QString &path,
                                  const protocol::QueryItems &query, bool idempotent)
{
    HttpRequestSpec spec;
    spec.method = method;
    spec.url = profile.endpoint;
    spec.url.setPath(path, QUrl::StrictMode);
    spec.url.setQuery(QString::fromLatin1(encodeQuery(query)), QUrl::StrictMode);
    spec.idempotent = idempotent;
    spec.timeoutMs = profile.timeoutMs;
    spec.caCertificatePath = profile.caCertificatePath;
    spec.headers.append(qMakePair(QByteArray("accept"), QByteArray("application/json")));
    // The signing key lives in a buffer of its own, zeroed when the request's last copy goes
    // (the service wipes its own copy when it goes).
    const std::shared_ptr<protocol::AcsCredentials> credentials(
        new protocol::AcsCredentials {
            profile.accessKeyId.toLatin1(), detachedSecretCopy(secret), {}},
        [](protocol::AcsCredentials *doomed) {
            wipeSecret(doomed->accessKeySecret);
            delete doomed;
        });
    const QByteArray host = hostHeader(profile.endpoint);
    const QByteArray encodedPath = spec.url.path(QUrl::FullyEncoded).toLatin1();
    spec.sign = [=] {
        protocol::Acs3SigningInput input;
        input.method = method;
        input.host = host;
        input.path = encodedPath;
        input.query = query;
        input.action = action.toLatin1();
        input.version = version.toLatin1();
        input.date = QDateTime::currentDateTimeUtc();
        input.nonce = QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        return protocol::acs3SignRequest(*credentials, input);
    };
    return spec;
}

HttpRequestSpec acsRpcRequest(const Profile &profile, const QByteArray &accessKeySecret,
                              const QString &version, const QString &action,
                              const protocol::QueryItems &params, bool idempotent)
{
    return signedSpec(profile, accessKeySecret, version, action, "POST", u"/"_s, params,
                      idempotent);
}

HttpRequestSpec acsRoaRequest(const Profile &profile, const QByteArray &accessKeySecret,
                              const QString &version, const QString &action,
                              const QByteArray &method, const QString &path,
                              const protocol::QueryItems &query, bool idempotent)
{
    return signedSpec(profile, accessKeySecret, version, action, method, path, query, idempotent);
}

KeyError badAcsResponse(const HttpJob &job, const QString &message)
{
    KeyError error = KeyError::make(KeyError::Kind::BadResponse, message);
    error.httpStatus = job.status();
    error.requestId = QString::fromLatin1(job.header("x-acs-request-id"));
    return error;
}

KeyError acsAnswer(const HttpJob &job, QJsonObject &json)
{
    if (job.transportError())
        return job.transportError();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(job.body(), &parseError);
    json = document.object();
    const QString requestId
        = json.value(u"RequestId"_s)
              .toString(json.value(u"requestId"_s)
                            .toString(QString::fromLatin1(job.header("x-acs-request-id"))));
    if (job.status() >= 200 && job.status() < 300) {
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            KeyError error = KeyError::make(KeyError::Kind::BadResponse,
                                            QObject::tr("The answer is not a JSON object."));
            error.httpStatus = job.status();
            error.requestId = requestId;
            return error;
        }
        return {};
    }
    const QString code = json.value(u"Code"_s).toString(json.value(u"code"_s).toString());
    const QString message = json.value(u"Message"_s).toString(json.value(u"message"_s).toString());
    KeyError error = KeyError::fromService(job.status(), code, message, requestId);
    if (json.contains(u"AttemptsLeft"_s))
        error.attemptsLeft = json.value(u"AttemptsLeft"_s).toInt();
    if (json.contains(u"LockedUntil"_s))
        error.until = QDateTime::fromString(json.value(u"LockedUntil"_s).toString(), Qt::ISODate);
    if (error.kind == KeyError::Kind::Throttled && job.retryAfterMs() >= 0)
        error.until = QDateTime::currentDateTimeUtc().addMSecs(job.retryAfterMs());
    return error;
}

} // namespace keydesk
