#pragma once

#include "ServiceApi.h"

// Model Studio's MaaS 2026-03-18 API (ROA, V3-signed) and the DashScope data plane (protocols.md §5).
class MaasApi : public ServiceApi
{
public:
    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
};
