#pragma once

#include "ServiceApi.h"
#include "services/OceanBaseAuth.h"
#include "services/OceanBaseEnvelope.h"

// OceanBase Cloud MaaS API keys: /api/v2/maas/apikeys with HTTP Digest (protocols.md §3). An
// OceanBase org, project and AccessKey pair are made for every sandbox account; keys belong
// to a project. A "test this key" data plane answers GET /oceanbase/maas/v1/models.
class OceanBaseApi : public ServiceApi
{
public:
    static constexpr int kMaxKeysPerProject = 50;
    static constexpr int kMaxNameLength = 64;
    static constexpr int kDefaultPageSize = 10;
    static constexpr int kMaxPageSize = 100;
    static constexpr int kOversizePageSize = 20;

    explicit OceanBaseApi(SandboxContext &context);

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
    void provisionAccount(const QString &accountId, QJsonObject &details) override;
    void seedDemo(const QString &accountId, QJsonObject &demo) override;

private:
    using Handler = HttpReply (OceanBaseApi::*)(OceanBaseCall &);

    // Authenticates, checks the common headers and parameters, runs the handler and wraps
    // every answer in OceanBase's envelope.
    HttpReply serve(const HttpRequest &request, const QString &routerRequestId,
                    const QString &action, Handler handler);
    std::optional<ApiError> checkScope(OceanBaseCall &call);

    HttpReply createKey(OceanBaseCall &call);
    HttpReply listKeys(OceanBaseCall &call);
    HttpReply deleteKey(OceanBaseCall &call);
    HttpReply listModels(const HttpRequest &request);

    struct NewKey
    {
        QString id;
        QString value;
        QDateTime created;
    };
    NewKey insertKey(const QString &projectId, const QString &name, const QString &action);

    HttpReply fail(const OceanBaseCall &call, const ApiError &error, bool stale = false);

    OceanBaseAuth m_auth;
};
