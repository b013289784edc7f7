#pragma once

#include "ServiceApi.h"

// Tablestore API-key management (RPC style, defined by the sandbox: docs/sandbox-api.md) and the Knowledge Store / Memory Store data plane over HTTPS (protocols.md §6).
class TablestoreApi : public ServiceApi
{
public:
    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
};
