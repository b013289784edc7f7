#pragma once

#include "ServiceApi.h"

// DashVector API keys (seed 001). No public management API exists, so the sandbox defines one
// in Alibaba RPC style (docs/sandbox-api.md); the data plane is the vendor's own
// GET /v1/collections with a dashvector-auth-token header (protocols.md §4).
class DashVectorApi : public ServiceApi
{
public:
    static constexpr int kMaxApiKeys = 3;
    static constexpr int kDailyCreationLimit = 10;
    static inline const QString kVersion = QStringLiteral("2026-11-01");

    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
    void provisionAccount(const QString &accountId, QJsonObject &details) override;
    void seedDemo(const QString &accountId, QJsonObject &demo) override;

private:
    struct ApiKeyRecord
    {
        QString apiKeyId;
        QString value;
        QString description;
        QDateTime created;
    };

    HttpReply createApiKey(ApiCall &call);
    HttpReply listApiKeys(ApiCall &call);
    HttpReply describeApiKey(ApiCall &call);
    HttpReply deleteApiKey(ApiCall &call);
    HttpReply listCollections(const HttpRequest &request, const QString &requestId);

    QList<ApiKeyRecord> apiKeys(const QString &accountId);
    std::optional<ApiKeyRecord> apiKey(const QString &accountId, const QString &apiKeyId);
    int creationsOn(const QString &accountId, const QDateTime &day);
    ApiKeyRecord insertApiKey(const QString &accountId, const QString &description,
                              const QDateTime &now);
    // The key a Describe or Delete names, once its verification code is accepted.
    std::optional<ApiError> verifiedKey(const ApiCall &call, ApiKeyRecord &key);
};
