#pragma once

#include "ServiceApi.h"
#include "services/TablestoreDataPlane.h"

#include <optional>

// Tablestore API keys for Knowledge Store and Memory Store (seed 000): one instance per
// account, and the key management actions. No public management API exists, so the sandbox
// defines one in the Alibaba RPC style (docs/sandbox-api.md); the endpoints the keys
// are used on are TablestoreDataPlane's.
class TablestoreApi : public ServiceApi
{
public:
    static inline const QString kVersion = QStringLiteral("2026-11-20");

    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
    void provisionAccount(const QString &accountId, QJsonObject &details) override;
    void seedDemo(const QString &accountId, QJsonObject &demo) override;

private:
    // A key just created: its value is in memory only until CreateApiKey has answered.
    struct NewApiKey
    {
        QString apiKeyId;
        QString value;
    };

    HttpReply createApiKey(ApiCall &call);
    HttpReply listApiKeys(ApiCall &call);
    HttpReply describeApiKey(ApiCall &call);
    HttpReply revokeApiKey(ApiCall &call);

    NewApiKey insertApiKey(const QString &accountId, const QDateTime &expiration,
                           const QString &description);
    std::optional<QJsonObject> apiKeyJson(const QString &accountId, const QString &apiKeyId);

    TablestoreDataPlane m_dataPlane {m_context};
};
