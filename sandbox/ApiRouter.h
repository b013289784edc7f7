#pragma once

#include "AcsAuthenticator.h"
#include "ApiCall.h"
#include "Clock.h"
#include "HttpExchange.h"

#include <QHash>
#include <QList>

#include <functional>

using ApiHandler = std::function<HttpReply(ApiCall &)>;
using RawHandler = std::function<HttpReply(const HttpRequest &, const QString &requestId)>;

// Finds the handler of a request: raw routes (data planes, OceanBase, admin) by method and
// path; ROA routes (MaaS) by method and path pattern after the V3 signature is checked; RPC
// actions on "/" by version and action after a V3 or V1 signature is checked.
class ApiRouter
{
public:
    static constexpr qsizetype kMaxBodyBytes = qsizetype {1024} * 1024;

    ApiRouter(AcsAuthenticator &authenticator, Identity &identity, Clock &clock);

    void addRpcAction(const QString &product, const QString &version, const QString &action,
                      ApiHandler handler);
    // pattern: "/maas/apikeys/{apiKeyId}"; a {name} segment matches one path segment.
    void addRoaRoute(const QString &product, const QString &version, const QString &action,
                     const QByteArray &method, const QString &pattern, ApiHandler handler);
    void addRawRoute(const QByteArray &method, const QByteArray &path, const RawHandler &handler);

    HttpReply dispatch(const HttpRequest &request);

private:
    struct RoaRoute
    {
        QString product;
        QString version;
        QString action;
        QByteArray method;
        QStringList segments;
        ApiHandler handler;
    };
    struct RpcAction
    {
        QString product;
        ApiHandler handler;
    };

    HttpReply dispatchRpc(const HttpRequest &request, const QString &requestId);
    HttpReply dispatchRoa(const HttpRequest &request, const QString &requestId,
                          const QList<const RoaRoute *> &candidates);
    HttpReply invoke(ApiCall &call, const ApiHandler &handler);

    AcsAuthenticator &m_authenticator;
    Identity &m_identity;
    Clock &m_clock;
    QHash<QString, QHash<QString, RpcAction>> m_rpc; // version → action → handler
    QList<RoaRoute> m_roa;
    QHash<QByteArray, QHash<QByteArray, RawHandler>> m_raw; // path → method → handler
};
