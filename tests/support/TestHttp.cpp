#include "TestHttp.h"

#include "protocol/RpcSignature.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QString HttpResult::code() const
{
    if (json.contains(u"Code"_s))
        return json.value(u"Code"_s).toString();
    const QJsonValue code = json.value(u"code"_s);
    return code.isString() ? code.toString() : QString::number(code.toInt());
}

TestHttp::TestHttp() = default;

QByteArray TestHttp::hostOf(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    const int defaultPort = url.scheme() == u"https"_s ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray TestHttp::freshNonce()
{
    return QUuid::createUuid().toString(QUuid::Id128).toLatin1();
}

QByteArray TestHttp::encodeQuery(const protocol::QueryItems &items)
{
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += protocol::percentEncode(key) + '=' + protocol::percentEncode(value);
    }
    return out;
}

HttpResult TestHttp::send(const QByteArray &method, const QUrl &url,
                          const protocol::HttpHeaders &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(30000);
    if (!m_trusted.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(m_trusted);
        request.setSslConfiguration(config);
    }
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    result.errorString = reply->errorString();
    delete reply;
    return result;
}

HttpResult TestHttp::rpc(const QUrl &base, const protocol::AcsCredentials &credentials,
                         const QString &version, const QString &action,
                         const protocol::QueryItems &params, const SignOptions &options)
{
    const QDateTime date = options.date.isValid() ? options.date : now();
    const QByteArray nonce = options.nonce.isEmpty() ? freshNonce() : options.nonce;
    QUrl url = base;
    url.setPath(u"/"_s);
    protocol::HttpHeaders headers;
    protocol::QueryItems query = params;
    if (options.v1) {
        query.append({u"AccessKeyId"_s, QString::fromLatin1(credentials.accessKeyId)});
        query.append({u"Action"_s, action});
        query.append({u"Format"_s, u"json"_s});
        query.append({u"SignatureMethod"_s, u"HMAC-SHA1"_s});
        query.append({u"SignatureNonce"_s, QString::fromLatin1(nonce)});
        query.append({u"SignatureVersion"_s, u"1.0"_s});
        query.append({u"Timestamp"_s, QString::fromLatin1(protocol::acs3Date(date))});
        query.append({u"Version"_s, version});
        const QByteArray signature = protocol::rpcSignature(
            protocol::rpcStringToSign(options.method, query), credentials.accessKeySecret);
        query.append({u"Signature"_s, QString::fromLatin1(signature)});
        headers.append({"host", hostOf(base)});
        if (!options.contentType.isEmpty())
            headers.append({"content-type", options.contentType});
    } else {
        protocol::Acs3SigningInput input;
        input.method = options.method;
        input.host = hostOf(base);
        input.path = "/";
        input.query = query;
        input.action = action.toLatin1();
        input.version = version.toLatin1();
        input.body = options.body;
        input.contentType = options.contentType;
        input.date = date;
        input.nonce = nonce;
        headers = protocol::acs3SignRequest(credentials, input);
    }
    url.setQuery(QString::fromLatin1(encodeQuery(query)), QUrl::StrictMode);
    return send(options.method, url, headers, options.body);
}

HttpResult TestHttp::roa(const QUrl &base, const protocol::AcsCredentials &credentials,
                         const QString &version, const QString &action, const QByteArray &method,
                         const QByteArray &path, const protocol::QueryItems &query,
                         const QByteArray &body, const QByteArray &contentType)
{
    protocol::Acs3SigningInput input;
    input.method = method;
    input.host = hostOf(base);
    input.path = path;
    input.query = query;
    input.action = action.toLatin1();
    input.version = version.toLatin1();
    input.body = body;
    input.contentType = contentType;
    input.date = now();
    input.nonce = freshNonce();
    QUrl url = base;
    url.setPath(QString::fromLatin1(path), QUrl::StrictMode);
    url.setQuery(QString::fromLatin1(encodeQuery(query)), QUrl::StrictMode);
    return send(method, url, protocol::acs3SignRequest(credentials, input), body);
}
