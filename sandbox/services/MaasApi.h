#pragma once

#include "ServiceApi.h"
#include "services/MaasDataPlane.h"
#include "services/MaasWorkspaces.h"

// Model Studio's MaaS 2026-03-18 API (ROA, V3-signed) and the DashScope data plane
// (protocols.md §5, seed 003): API keys here, workspaces in MaasWorkspaces, Bearer calls in
// MaasDataPlane. Each key has an owner (the root account or the RAM user that created it) and a
// workspace; the root account sees every key, a RAM user only its own.
class MaasApi : public ServiceApi
{
public:
    static constexpr int kMaxKeysPerWorkspace = 20;

    explicit MaasApi(SandboxContext &context);

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
    void provisionAccount(const QString &accountId, QJsonObject &details) override;
    void seedDemo(const QString &accountId, QJsonObject &demo) override;

private:
    HttpReply createApiKey(ApiCall &call);
    HttpReply listApiKeys(ApiCall &call);
    HttpReply getApiKey(ApiCall &call);
    HttpReply updateApiKey(ApiCall &call);
    HttpReply deleteApiKey(ApiCall &call);

    // Inserts a key (ownerUserName empty: the root account's); returns its apiKeyId.
    qint64 insertKey(const QString &accountId, const QString &workspaceId,
                     const QString &ownerUserName, const QString &description);
    // The key the path names, unmasked, if the caller may see it; else the not-found error.
    std::optional<ApiError> findVisibleKey(const ApiCall &call, QJsonObject &key);

    MaasWorkspaces m_workspaces;
    MaasDataPlane m_dataPlane;
};
