#pragma once

#include "ApiError.h"
#include "Clock.h"
#include "HttpExchange.h"
#include "Identity.h"
#include "Store.h"

#include <variant>

using AuthOutcome = std::variant<Principal, ApiError>;

// Checks Alibaba Cloud OpenAPI signatures exactly as the gateway does: ACS3-HMAC-SHA256
// (protocols.md §1.2-1.4) and the older HMAC-SHA1 RPC signature (§1.8), the 15-minute clock
// window, one use per nonce, and the AccessKey's status.
class AcsAuthenticator
{
public:
    AcsAuthenticator(Store &store, Clock &clock, Identity &identity);

    static QStringList schema();

    AuthOutcome authenticateV3(const HttpRequest &request);
    // parameters: query and form parameters together, as the V1 signature covers them
    AuthOutcome authenticateV1(const HttpRequest &request,
                               const keydesk::protocol::QueryItems &parameters);

private:
    std::optional<ApiError> checkAccessKey(const QString &accessKeyId,
                                           std::optional<AccessKeyRecord> &record);
    std::optional<ApiError> checkTime(const QDateTime &signedAt);
    std::optional<ApiError> useNonce(const QString &accessKeyId, const QString &nonce);

    Store &m_store;
    Clock &m_clock;
    Identity &m_identity;
    int m_noncesSincePurge = 0;
};
