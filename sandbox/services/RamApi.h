#pragma once

#include "ServiceApi.h"

// RAM 2015-05-01, RPC style (protocols.md §2): users and their AccessKey pairs, at most two a
// user, the secret returned only by CreateAccessKey.
class RamApi : public ServiceApi
{
public:
    static constexpr int kMaxAccessKeysPerUser = 2;
    static inline const QString kVersion = QStringLiteral("2015-05-01");

    using ServiceApi::ServiceApi;

    QStringList schema() const override;
    void registerRoutes(ApiRouter &router) override;
    void seedDemo(const QString &accountId, QJsonObject &demo) override;

private:
    HttpReply createUser(ApiCall &call);
    HttpReply getUser(ApiCall &call);
    HttpReply listUsers(ApiCall &call);
    HttpReply deleteUser(ApiCall &call);
    HttpReply listPoliciesForUser(ApiCall &call);
    HttpReply attachPolicyToUser(ApiCall &call);
    HttpReply detachPolicyFromUser(ApiCall &call);
    // Validates PolicyType, PolicyName and UserName of Attach/DetachPolicyToUser.
    std::optional<ApiError> checkPolicyCall(const ApiCall &call);
    HttpReply createAccessKey(ApiCall &call);
    HttpReply listAccessKeys(ApiCall &call);
    HttpReply updateAccessKey(ApiCall &call);
    HttpReply deleteAccessKey(ApiCall &call);
    HttpReply getAccessKeyLastUsed(ApiCall &call);

    // The user an AccessKey action is about: UserName, or the caller itself when omitted.
    std::optional<ApiError> resolveKeyOwner(const ApiCall &call, QString &userName);
    std::optional<ApiError> findUserKey(const ApiCall &call, const QString &userName,
                                        AccessKeyRecord &key);
};
