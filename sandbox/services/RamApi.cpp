#include "services/RamApi.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

static const QString kProduct = u"Ram"_s;

static ApiError noPermission()
{
    return {403,
            u"NoPermission"_s,
            u"You are not authorized to do this action. You should be authorized by RAM."_s,
            {}};
}

static ApiError userNotFound()
{
    return {404, u"EntityNotExist.User"_s, u"The user does not exist."_s, {}};
}

static std::optional<ApiError> validateUserName(const QString &name)
{
    if (name.isEmpty())
        return ApiError::missingParameter(u"UserName"_s);
    if (name.size() > 64)
        return ApiError {400,
                         u"InvalidParameter.UserName.Length"_s,
                         u"The parameter - \"UserName\" beyond the length limit."_s,
                         {}};
    static const QRegularExpression allowed(u"^[A-Za-z0-9._-]+$"_s);
    if (!allowed.match(name).hasMatch())
        return ApiError {400,
                         u"InvalidParameter.UserName.InvalidChars"_s,
                         u"The parameter - \"UserName\" contains invalid chars."_s,
                         {}};
    return std::nullopt;
}

QStringList RamApi::schema() const
{
    return {}; // users and keys live in Identity's tables
}

void RamApi::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QString &action, HttpReply (RamApi::*method)(ApiCall &)) {
        router.addRpcAction(kProduct, kVersion, action,
                            [this, method](ApiCall &call) { return (this->*method)(call); });
    };
    add(u"CreateUser"_s, &RamApi::createUser);
    add(u"GetUser"_s, &RamApi::getUser);
    add(u"ListUsers"_s, &RamApi::listUsers);
    add(u"DeleteUser"_s, &RamApi::deleteUser);
    add(u"ListPoliciesForUser"_s, &RamApi::listPoliciesForUser);
    add(u"AttachPolicyToUser"_s, &RamApi::attachPolicyToUser);
    add(u"DetachPolicyFromUser"_s, &RamApi::detachPolicyFromUser);
    add(u"CreateAccessKey"_s, &RamApi::createAccessKey);
    add(u"ListAccessKeys"_s, &RamApi::listAccessKeys);
    add(u"UpdateAccessKey"_s, &RamApi::updateAccessKey);
    add(u"DeleteAccessKey"_s, &RamApi::deleteAccessKey);
    add(u"GetAccessKeyLastUsed"_s, &RamApi::getAccessKeyLastUsed);
}

static QJsonObject userJson(const QSqlQuery &row)
{
    return {{u"UserName"_s, row.value(0).toString()},
            {u"UserId"_s, row.value(1).toString()},
            {u"DisplayName"_s, row.value(2).toString()},
            {u"Comments"_s, row.value(3).toString()},
            {u"CreateDate"_s,
             Identity::isoDate(QDateTime::fromSecsSinceEpoch(row.value(4).toLongLong()))},
            {u"UpdateDate"_s,
             Identity::isoDate(QDateTime::fromSecsSinceEpoch(row.value(5).toLongLong()))}};
}

static const QString kUserColumns
    = u"user_name, user_id, display_name, comments, created, updated"_s;

HttpReply RamApi::createUser(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    const QString userName = call.param(u"UserName"_s);
    if (auto error = validateUserName(userName))
        return call.fail(*error);
    const QString displayName = call.param(u"DisplayName"_s);
    if (displayName.size() > 128)
        return call.fail({400,
                          u"InvalidParameter.DisplayName.Length"_s,
                          u"The parameter - \"DisplayName\" beyond the length limit."_s,
                          {}});
    QJsonObject user;
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        if (m_context.identity.userExists(call.principal.accountId, userName)) {
            error
                = ApiError {409, u"EntityAlreadyExists.User"_s, u"The user already exists."_s, {}};
            return;
        }
        m_context.identity.createUser(call.principal.accountId, userName, displayName,
                                      call.param(u"Comments"_s));
        QSqlQuery row = m_context.store.run(u"SELECT "_s + kUserColumns
                                                + u" FROM ram_users WHERE account_id = ? AND"
                                                  u" user_name = ?"_s,
                                            {call.principal.accountId, userName});
        row.next();
        user = userJson(row);
    });
    if (error)
        return call.fail(*error);
    return call.ok({{u"User"_s, user}});
}

HttpReply RamApi::getUser(ApiCall &call)
{
    const QString userName = call.param(u"UserName"_s);
    if (auto error = validateUserName(userName))
        return call.fail(*error);
    if (!call.principal.isRoot() && call.principal.userName != userName)
        return call.fail(noPermission());
    QSqlQuery row = m_context.store.run(
        u"SELECT "_s + kUserColumns + u" FROM ram_users WHERE account_id = ? AND user_name = ?"_s,
        {call.principal.accountId, userName});
    if (!row.next())
        return call.fail(userNotFound());
    return call.ok({{u"User"_s, userJson(row)}});
}

HttpReply RamApi::listUsers(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    int maxItems = 100;
    if (call.has(u"MaxItems"_s)) {
        bool ok = false;
        maxItems = call.param(u"MaxItems"_s).toInt(&ok);
        if (!ok || maxItems < 1 || maxItems > 1000)
            return call.fail(
                ApiError::invalidParameter(u"MaxItems"_s, u"It must be from 1 to 1000."_s));
    }
    // The marker is the last user name of the previous page, in base64url.
    QString after;
    if (const QString marker = call.param(u"Marker"_s); !marker.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            marker.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return call.fail(ApiError::invalidParameter(u"Marker"_s));
        after = QString::fromUtf8(*decoded);
    }
    QSqlQuery rows = m_context.store.run(u"SELECT "_s + kUserColumns
                                             + u" FROM ram_users WHERE account_id = ? AND"
                                               u" user_name > ? ORDER BY user_name LIMIT ?"_s,
                                         {call.principal.accountId, after, maxItems + 1});
    QJsonArray users;
    QString last;
    bool truncated = false;
    while (rows.next()) {
        if (users.size() == maxItems) {
            truncated = true;
            break;
        }
        users.append(userJson(rows));
        last = rows.value(0).toString();
    }
    QJsonObject body {{u"IsTruncated"_s, truncated},
                      {u"Users"_s, QJsonObject {{u"User"_s, users}}}};
    if (truncated)
        body.insert(u"Marker"_s,
                    QString::fromLatin1(last.toUtf8().toBase64(QByteArray::Base64UrlEncoding)));
    return call.ok(body);
}

HttpReply RamApi::deleteUser(ApiCall &call)
{
    if (!call.principal.isRoot())
        return call.fail(noPermission());
    const QString userName = call.param(u"UserName"_s);
    if (auto error = validateUserName(userName))
        return call.fail(*error);
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        if (!m_context.identity.userExists(call.principal.accountId, userName)) {
            error = userNotFound();
            return;
        }
        if (!m_context.identity.accessKeys(call.principal.accountId, userName).isEmpty()) {
            error = ApiError {409,
                              u"DeleteConflict.User.AccessKey"_s,
                              u"The user has access keys. Delete them before deleting the user."_s,
                              {}};
            return;
        }
        m_context.identity.deleteUser(call.principal.accountId, userName);
    });
    if (error)
        return call.fail(*error);
    return call.ok();
}

HttpReply RamApi::listPoliciesForUser(ApiCall &call)
{
    const QString userName = call.param(u"UserName"_s);
    if (auto error = validateUserName(userName))
        return call.fail(*error);
    if (!call.principal.isRoot() && call.principal.userName != userName)
        return call.fail(noPermission());
    if (!m_context.identity.userExists(call.principal.accountId, userName))
        return call.fail(userNotFound());
    QJsonArray policies;
    for (const QString &name : m_context.identity.policies(call.principal.accountId, userName))
        policies.append(QJsonObject {{u"PolicyName"_s, name}, {u"PolicyType"_s, u"System"_s}});
    return call.ok({{u"Policies"_s, QJsonObject {{u"Policy"_s, policies}}}});
}

// The system policies the sandbox knows; an account has no custom policies.
static const QStringList kSystemPolicies {
    u"AdministratorAccess"_s,        u"AliyunRAMFullAccess"_s,
    u"AliyunOTSFullAccess"_s,        u"AliyunOTSReadOnlyAccess"_s,
    u"AliyunDashvectorFullAccess"_s, u"AliyunDashvectorReadOnlyAccess"_s,
    u"AliyunBailianFullAccess"_s,    u"AliyunBailianReadOnlyAccess"_s};

std::optional<ApiError> RamApi::checkPolicyCall(const ApiCall &call)
{
    if (!call.principal.isRoot())
        return noPermission();
    for (const QString &name : {u"PolicyType"_s, u"PolicyName"_s}) {
        if (call.param(name).isEmpty())
            return ApiError::missingParameter(name);
    }
    const QString userName = call.param(u"UserName"_s);
    if (auto error = validateUserName(userName))
        return error;
    const QString type = call.param(u"PolicyType"_s);
    if (type != u"System"_s && type != u"Custom"_s)
        return ApiError::invalidParameter(u"PolicyType"_s, u"It must be System or Custom."_s);
    if (type != u"System"_s || !kSystemPolicies.contains(call.param(u"PolicyName"_s)))
        return ApiError {404, u"EntityNotExist.Policy"_s, u"The policy does not exist."_s, {}};
    if (!m_context.identity.userExists(call.principal.accountId, userName))
        return userNotFound();
    return std::nullopt;
}

HttpReply RamApi::attachPolicyToUser(ApiCall &call)
{
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        if ((error = checkPolicyCall(call)))
            return;
        const QString userName = call.param(u"UserName"_s);
        const QString policy = call.param(u"PolicyName"_s);
        if (m_context.identity.policies(call.principal.accountId, userName).contains(policy)) {
            error = ApiError {409,
                              u"EntityAlreadyExists.User.Policy"_s,
                              u"The policy is already attached to the user."_s,
                              {}};
            return;
        }
        m_context.identity.attachPolicy(call.principal.accountId, userName, policy);
    });
    return error ? call.fail(*error) : call.ok();
}

HttpReply RamApi::detachPolicyFromUser(ApiCall &call)
{
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        if ((error = checkPolicyCall(call)))
            return;
        if (!m_context.identity.detachPolicy(call.principal.accountId, call.param(u"UserName"_s),
                                             call.param(u"PolicyName"_s)))
            error = ApiError {404,
                              u"EntityNotExist.User.Policy"_s,
                              u"The policy is not attached to the user."_s,
                              {}};
    });
    return error ? call.fail(*error) : call.ok();
}

std::optional<ApiError> RamApi::resolveKeyOwner(const ApiCall &call, QString &userName)
{
    userName = call.param(u"UserName"_s);
    if (call.has(u"UserName"_s)) {
        if (auto error = validateUserName(userName))
            return error;
        if (!call.principal.isRoot() && userName != call.principal.userName)
            return noPermission();
        if (!m_context.identity.userExists(call.principal.accountId, userName))
            return userNotFound();
        return std::nullopt;
    }
    userName = call.principal.userName; // omitted: the caller itself
    return std::nullopt;
}

static QJsonObject accessKeyJson(const AccessKeyRecord &key)
{
    return {{u"AccessKeyId"_s, key.accessKeyId},
            {u"Status"_s, key.status},
            {u"CreateDate"_s, Identity::isoDate(key.created)}};
}

HttpReply RamApi::createAccessKey(ApiCall &call)
{
    QString userName;
    if (auto error = resolveKeyOwner(call, userName))
        return call.fail(*error);
    std::optional<ApiError> error;
    AccessKeyRecord key;
    m_context.store.transaction([&] {
        if (m_context.identity.accessKeys(call.principal.accountId, userName).size()
            >= kMaxAccessKeysPerUser) {
            error = ApiError {409,
                              u"LimitExceeded.User.AccessKey"_s,
                              u"The access key count of the user access keys beyond the current"
                              u" limits. The maximum number of AKs allowed is 2."_s,
                              {}};
            return;
        }
        key = m_context.identity.createAccessKey(call.principal.accountId, userName);
    });
    if (error)
        return call.fail(*error);
    QJsonObject body = accessKeyJson(key);
    body.insert(u"AccessKeySecret"_s, key.secret);
    return call.ok({{u"AccessKey"_s, body}});
}

HttpReply RamApi::listAccessKeys(ApiCall &call)
{
    QString userName;
    if (auto error = resolveKeyOwner(call, userName))
        return call.fail(*error);
    QJsonArray keys;
    for (const AccessKeyRecord &key :
         m_context.identity.accessKeys(call.principal.accountId, userName))
        keys.append(accessKeyJson(key));
    return call.ok({{u"AccessKeys"_s, QJsonObject {{u"AccessKey"_s, keys}}}});
}

std::optional<ApiError> RamApi::findUserKey(const ApiCall &call, const QString &userName,
                                            AccessKeyRecord &key)
{
    const QString id = call.param(u"UserAccessKeyId"_s);
    if (id.isEmpty())
        return ApiError::missingParameter(u"UserAccessKeyId"_s);
    const auto found = m_context.identity.accessKey(id);
    if (!found || found->accountId != call.principal.accountId || found->userName != userName)
        return ApiError {
            404, u"EntityNotExist.User.AccessKey"_s, u"The user access key does not exist."_s, {}};
    key = *found;
    return std::nullopt;
}

HttpReply RamApi::updateAccessKey(ApiCall &call)
{
    QString userName;
    if (auto error = resolveKeyOwner(call, userName))
        return call.fail(*error);
    const QString status = call.param(u"Status"_s);
    if (status.isEmpty())
        return call.fail(ApiError::missingParameter(u"Status"_s));
    if (status != u"Active"_s && status != u"Inactive"_s)
        return call.fail(
            ApiError::invalidParameter(u"Status"_s, u"It must be Active or Inactive."_s));
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        AccessKeyRecord key;
        if ((error = findUserKey(call, userName, key)))
            return;
        m_context.store.run(u"UPDATE access_keys SET status = ? WHERE access_key_id = ?"_s,
                            {status, key.accessKeyId});
    });
    if (error)
        return call.fail(*error);
    return call.ok();
}

HttpReply RamApi::deleteAccessKey(ApiCall &call)
{
    QString userName;
    if (auto error = resolveKeyOwner(call, userName))
        return call.fail(*error);
    std::optional<ApiError> error;
    m_context.store.transaction([&] {
        AccessKeyRecord key;
        if ((error = findUserKey(call, userName, key)))
            return;
        m_context.store.run(u"DELETE FROM access_keys WHERE access_key_id = ?"_s,
                            {key.accessKeyId});
    });
    if (error)
        return call.fail(*error);
    return call.ok();
}

HttpReply RamApi::getAccessKeyLastUsed(ApiCall &call)
{
    QString userName;
    if (auto error = resolveKeyOwner(call, userName))
        return call.fail(*error);
    AccessKeyRecord key;
    if (auto error = findUserKey(call, userName, key))
        return call.fail(*error);
    const QString lastUsed = key.lastUsed.isValid() ? Identity::isoDate(key.lastUsed) : QString();
    return call.ok({{u"AccessKeyLastUsed"_s, QJsonObject {{u"LastUsedDate"_s, lastUsed}}}});
}

void RamApi::seedDemo(const QString &accountId, QJsonObject &demo)
{
    QJsonArray users;
    const QList<QPair<QString, QString>> demoUsers {{u"alice"_s, u"Alice (developer)"_s},
                                                    {u"bob"_s, u"Bob (CI robot)"_s}};
    for (const auto &[name, display] : demoUsers) {
        m_context.identity.createUser(accountId, name, display, u"KeyDesk demo user"_s);
        const AccessKeyRecord key = m_context.identity.createAccessKey(accountId, name);
        users.append(QJsonObject {{u"userName"_s, name},
                                  {u"accessKeyId"_s, key.accessKeyId},
                                  {u"accessKeySecret"_s, key.secret}});
    }
    demo.insert(u"ramUsers"_s, users);
}
