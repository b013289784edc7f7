#include "ApiRouter.h"

#include "SandboxLog.h"

#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

ApiRouter::ApiRouter(AcsAuthenticator &authenticator, Identity &identity, Clock &clock)
    : m_authenticator(authenticator)
    , m_identity(identity)
    , m_clock(clock)
{ }

void ApiRouter::addRpcAction(const QString &product, const QString &version, const QString &action,
                             ApiHandler handler)
{
    m_rpc[version].insert(action, RpcAction {product, std::move(handler)});
}

void ApiRouter::addRoaRoute(const QString &product, const QString &version, const QString &action,
                            const QByteArray &method, const QString &pattern, ApiHandler handler)
{
    m_roa.append(RoaRoute {product, version, action, method,
                           pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler)});
}

void ApiRouter::addRawRoute(const QByteArray &method, const QByteArray &path,
                            const RawHandler &handler)
{
    m_raw[path].insert(method, handler);
}

static ApiError apiNotFound()
{
    return {404,
            u"InvalidApi.NotFound"_s,
            u"Specified api is not found, please check your url and method."_s,
            {}};
}

// Why the HTTP front refused a request before reading it whole (HttpRequest::refusal).
static ApiError transportError(int status)
{
    switch (status) {
    case 408:
        return {408, u"RequestTimeout"_s, u"The request did not arrive in time."_s, {}};
    case 413:
        return {413, u"RequestEntityTooLarge"_s, u"The request body is larger than 1 MiB."_s, {}};
    case 431:
        return {431,
                u"RequestHeaderFieldsTooLarge"_s,
                u"The request line and headers are larger than 64 KiB."_s,
                {}};
    case 503:
        return {503,
                u"ServiceUnavailable"_s,
                u"The sandbox holds too many unfinished requests; retry later."_s,
                {}};
    default:
        return {400, u"InvalidRequest"_s, u"The request is not valid HTTP/1.1."_s, {}};
    }
}

HttpReply ApiRouter::dispatch(const HttpRequest &request)
{
    const QString requestId = newRequestId();
    const QByteArray host = request.header("host");
    HttpReply reply;
    try {
        if (request.refusal != 0) {
            reply = popError(transportError(request.refusal), requestId, host, {});
        } else if (request.body.size() > kMaxBodyBytes) {
            reply = popError(
                {413, u"RequestEntityTooLarge"_s, u"The request body is larger than 1 MiB."_s, {}},
                requestId, host, {});
        } else if (const auto raw = m_raw.constFind(request.path); raw != m_raw.cend()) {
            const auto handler = raw->constFind(request.method);
            reply = handler != raw->cend()
                ? (*handler)(request, requestId)
                : popError({405,
                            u"MethodNotAllowed"_s,
                            u"The method %1 is not allowed for this path."_s.arg(
                                QString::fromLatin1(request.method)),
                            {}},
                           requestId, host, {});
        } else if (request.path == "/") {
            reply = dispatchRpc(request, requestId);
        } else {
            const QStringList segments
                = QString::fromUtf8(request.path).split(u'/', Qt::SkipEmptyParts);
            QList<const RoaRoute *> candidates;
            for (const RoaRoute &route : std::as_const(m_roa)) {
                if (route.segments.size() != segments.size())
                    continue;
                bool match = true;
                for (qsizetype i = 0; i < segments.size() && match; ++i) {
                    const QString &want = route.segments.at(i);
                    match = want.startsWith(u'{') || want == segments.at(i);
                }
                if (match)
                    candidates.append(&route);
            }
            reply = candidates.isEmpty() ? popError(apiNotFound(), requestId, host, {})
                                         : dispatchRoa(request, requestId, candidates);
        }
    } catch (const StoreError &error) {
        qCCritical(lcSandbox) << "store failure:" << error.what();
        reply = popError(ApiError::internal(), requestId, host, {});
    }
    reply.setHeader("x-acs-request-id", requestId.toLatin1());
    return reply;
}

// Form bodies are signed with V1 and carried with V3; a body that is not a valid form is
// refused rather than half-read.
static std::optional<protocol::QueryItems> formParameters(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return protocol::QueryItems {};
    const QByteArray &body = request.body;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) == '%') {
            if (i + 2 >= body.size() || !isxdigit(static_cast<unsigned char>(body.at(i + 1)))
                || !isxdigit(static_cast<unsigned char>(body.at(i + 2))))
                return std::nullopt;
        }
    }
    protocol::QueryItems items;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decodedName
            = decoder(QByteArray::fromPercentEncoding(QByteArray(name).replace('+', ' ')));
        const QString decodedValue
            = decoder(QByteArray::fromPercentEncoding(QByteArray(value).replace('+', ' ')));
        if (decoder.hasError() || decodedName.isEmpty())
            return std::nullopt;
        items.append({decodedName, decodedValue});
    }
    return items;
}

HttpReply ApiRouter::dispatchRpc(const HttpRequest &request, const QString &requestId)
{
    const QByteArray host = request.header("host");
    const auto form = formParameters(request);
    if (!form)
        return popError(
            {400,
             u"InvalidParameter.Body"_s,
             u"The request body is not a valid application/x-www-form-urlencoded form."_s,
             {}},
            requestId, host, {});
    protocol::QueryItems all = request.query;
    all.append(*form);

    const bool v3 = request.hasHeader("authorization");
    QString action;
    QString version;
    if (v3) {
        action = QString::fromUtf8(request.header("x-acs-action"));
        version = QString::fromUtf8(request.header("x-acs-version"));
    } else {
        for (const auto &item : std::as_const(all)) {
            if (item.first == u"Action"_s)
                action = item.second;
            else if (item.first == u"Version"_s)
                version = item.second;
        }
    }
    if (action.isEmpty())
        return popError(ApiError::missingParameter(v3 ? u"x-acs-action"_s : u"Action"_s), requestId,
                        host, {});
    if (version.isEmpty())
        return popError(ApiError::missingParameter(v3 ? u"x-acs-version"_s : u"Version"_s),
                        requestId, host, {});
    const auto product = m_rpc.constFind(version);
    if (product == m_rpc.cend() || !product->contains(action))
        return popError(apiNotFound(), requestId, host, {});
    const RpcAction &target = *product->constFind(action);

    const AuthOutcome outcome = v3 ? m_authenticator.authenticateV3(request)
                                   : m_authenticator.authenticateV1(request, all);
    if (const auto *error = std::get_if<ApiError>(&outcome))
        return popError(*error, requestId, host, target.product);

    static const QStringList protocolParameters {
        u"AccessKeyId"_s,     u"Action"_s,         u"Format"_s,        u"Signature"_s,
        u"SignatureMethod"_s, u"SignatureNonce"_s, u"SignatureType"_s, u"SignatureVersion"_s,
        u"Timestamp"_s,       u"Version"_s,        u"SecurityToken"_s};
    ApiCall call {request, requestId, target.product, action, version, std::get<Principal>(outcome),
                  {},      {},        m_clock.now()};
    for (const auto &item : std::as_const(all)) {
        if (v3 || !protocolParameters.contains(item.first))
            call.params.insert(item.first, item.second);
    }
    return invoke(call, target.handler);
}

HttpReply ApiRouter::dispatchRoa(const HttpRequest &request, const QString &requestId,
                                 const QList<const RoaRoute *> &candidates)
{
    const QByteArray host = request.header("host");
    const RoaRoute *route = nullptr;
    const QString action = QString::fromUtf8(request.header("x-acs-action"));
    for (const RoaRoute *candidate : candidates) {
        if (candidate->method == request.method
            && (action.isEmpty() || candidate->action == action)) {
            route = candidate;
            break;
        }
    }
    if (!route)
        return popError(apiNotFound(), requestId, host, candidates.first()->product);
    if (!request.hasHeader("authorization"))
        return popError({400,
                         u"IncompleteSignature"_s,
                         u"The request signature does not conform to Aliyun standards. "
                         u"The Authorization header is missing."_s,
                         {}},
                        requestId, host, route->product);
    if (QString::fromUtf8(request.header("x-acs-version")) != route->version
        && request.hasHeader("x-acs-version"))
        return popError(apiNotFound(), requestId, host, route->product);

    const AuthOutcome outcome = m_authenticator.authenticateV3(request);
    if (const auto *error = std::get_if<ApiError>(&outcome))
        return popError(*error, requestId, host, route->product);

    ApiCall call {request,
                  requestId,
                  route->product,
                  route->action,
                  route->version,
                  std::get<Principal>(outcome),
                  {},
                  {},
                  m_clock.now()};
    for (const auto &item : request.query)
        call.params.insert(item.first, item.second);
    const QStringList segments = QString::fromUtf8(request.path).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route->segments.at(i);
        if (want.startsWith(u'{'))
            call.pathParams.insert(want.mid(1, want.size() - 2),
                                   QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
    }
    return invoke(call, route->handler);
}

HttpReply ApiRouter::invoke(ApiCall &call, const ApiHandler &handler)
{
    m_identity.touchAccessKey(call.principal.accessKeyId);
    return handler(call);
}
