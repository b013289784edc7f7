#pragma once

#include "ServiceApi.h"

// OceanBase Cloud MaaS API keys: /api/v2/maas/apikeys with HTTP Digest (protocols.md §3).
class OceanBaseApi : public ServiceApi
{
public:
    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
};
