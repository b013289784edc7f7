#pragma once

#include "ServiceApi.h"

// DashVector API-key management (RPC style, defined by the sandbox: docs/sandbox-api.md) and the /v1/collections data plane (protocols.md §4).
class DashVectorApi : public ServiceApi
{
public:
    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
};
