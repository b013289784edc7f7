#pragma once

#include "ServiceApi.h"

// The DashScope data plane of Model Studio (protocols.md §5), with Bearer keys: temporary keys
// from POST /api/v1/tokens, and the two model lists that serve as cheap key checks.
class MaasDataPlane
{
public:
    static constexpr int kDefaultTokenSeconds = 60;
    static constexpr int kMaxTokenSeconds = 1800;

    explicit MaasDataPlane(SandboxContext &context);

    static QStringList schema();
    // A key or token value: prefix ("sk-", "st-") and 32 lower-case hex digits.
    static QString randomValue(const QString &prefix);

    void registerRoutes(ApiRouter &router);

private:
    enum class Style { Native, Compatible };
    struct Bearer
    {
        bool present = false; // a non-empty Bearer value was sent
        bool valid = false;
        bool temporary = false;
        qint64 apiKeyId = 0;
        QString workspaceId;
    };

    Bearer authenticate(const HttpRequest &request);
    HttpReply createToken(const HttpRequest &request, const QString &requestId);
    HttpReply listModels(const HttpRequest &request, const QString &requestId, Style style);
    static HttpReply unauthorized(Style style, bool present, const QString &requestId);

    SandboxContext &m_context;
};
