#include "services/MaasWorkspaces.h"

#include "services/MaasEnvelope.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Region
{
    QString id;
    QString name;
    QString site;
};

// The three regions DESIGN.md §1 names; the first is where default workspaces live.
const QList<Region> &regions()
{
    static const QList<Region> all {{u"ap-southeast-1"_s, u"Singapore"_s, u"international"_s},
                                    {u"us-east-1"_s, u"US (Virginia)"_s, u"international"_s},
                                    {u"cn-beijing"_s, u"China (Beijing)"_s, u"mainland"_s}};
    return all;
}

ApiError noPermission()
{
    return {403,
            u"NoPermission"_s,
            u"You are not authorized to do this action. Only the Alibaba Cloud account manages"
            u" workspaces and their members."_s,
            {}};
}

ApiError workspaceNotFound()
{
    return {404, u"EntityNotExist.Workspace"_s, u"The workspace does not exist."_s, {}};
}

const QString kColumns = u"seq, workspace_id, name, region, is_default, created_ms"_s;

MaasWorkspaces::Workspace workspaceFromRow(const QSqlQuery &row)
{
    return {row.value(0).toLongLong(), row.value(1).toString(),   row.value(2).toString(),
            row.value(3).toString(),   row.value(4).toInt() != 0, row.value(5).toLongLong()};
}

// Membership of the user whose UserId is the SQL expression userId in workspace w: an explicit
// row wins; without one, RAM users belong to the default workspace.
QString memberSql(const QString &userId)
{
    return u"COALESCE((SELECT m.member FROM maas_members m WHERE m.workspace_id = w.workspace_id"
           u" AND m.user_id = %1), w.is_default)"_s.arg(userId);
}

} // namespace

MaasWorkspaces::MaasWorkspaces(SandboxContext &context)
    : m_context(context)
{ }

QStringList MaasWorkspaces::schema()
{
    return {
        u"CREATE TABLE IF NOT EXISTS maas_workspaces ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT, workspace_id TEXT NOT NULL UNIQUE,"
        " account_id TEXT NOT NULL REFERENCES accounts(account_id), name TEXT NOT NULL,"
        " region TEXT NOT NULL, is_default INTEGER NOT NULL, created_ms INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS maas_workspaces_account ON maas_workspaces (account_id)"_s,
        u"CREATE TABLE IF NOT EXISTS maas_members ("
        " workspace_id TEXT NOT NULL, user_id TEXT NOT NULL, member INTEGER NOT NULL,"
        " PRIMARY KEY (workspace_id, user_id))"_s,
    };
}

QString MaasWorkspaces::blockedSql()
{
    return u"(k.owner_user <> '' AND (NOT EXISTS (SELECT 1 FROM ram_users u"
           u" WHERE u.account_id = k.account_id AND u.user_name = k.owner_user"
           u" AND u.user_id = k.owner_user_id) OR COALESCE((SELECT m.member FROM maas_members m"
           u" WHERE m.workspace_id = k.workspace_id AND m.user_id = k.owner_user_id),"
           u" w.is_default) = 0))"_s;
}

void MaasWorkspaces::registerRoutes(ApiRouter &router)
{
    const auto add = [&](const QString &action, const QByteArray &method, const QString &pattern,
                         HttpReply (MaasWorkspaces::*handler)(ApiCall &)) {
        router.addRoaRoute(maas::kProduct, maas::kVersion, action, method, pattern,
                           [this, handler](ApiCall &call) { return (this->*handler)(call); });
    };
    add(u"ListWorkspaces"_s, "GET", u"/maas/workspaces"_s, &MaasWorkspaces::listWorkspaces);
    add(u"CreateWorkspace"_s, "POST", u"/maas/workspaces"_s, &MaasWorkspaces::createWorkspace);
    add(u"ListWorkspaceMembers"_s, "GET", u"/maas/workspaces/{workspaceId}/members"_s,
        &MaasWorkspaces::listMembers);
    add(u"AddWorkspaceMember"_s, "POST", u"/maas/workspaces/{workspaceId}/members"_s,
        &MaasWorkspaces::addMember);
    add(u"RemoveWorkspaceMember"_s, "DELETE",
        u"/maas/workspaces/{workspaceId}/members/{userName}"_s, &MaasWorkspaces::removeMember);
}

QString MaasWorkspaces::create(const QString &accountId, const QString &name, const QString &region,
                               bool isDefault)
{
    QString id = u"llm-"_s + Identity::randomAlphanumeric(16).toLower();
    m_context.store.run(u"INSERT INTO maas_workspaces (workspace_id, account_id, name, region,"
                        u" is_default, created_ms) VALUES (?, ?, ?, ?, ?, ?)"_s,
                        {id, accountId, name, region, isDefault ? 1 : 0,
                         m_context.clock.now().toMSecsSinceEpoch()});
    return id;
}

std::optional<MaasWorkspaces::Workspace> MaasWorkspaces::find(const QString &accountId,
                                                              const QString &workspaceId)
{
    QSqlQuery row = m_context.store.run(u"SELECT "_s + kColumns
                                            + u" FROM maas_workspaces WHERE account_id = ? AND"
                                              u" workspace_id = ?"_s,
                                        {accountId, workspaceId});
    if (!row.next())
        return std::nullopt;
    return workspaceFromRow(row);
}

QString MaasWorkspaces::userId(const QString &accountId, const QString &userName)
{
    QSqlQuery row = m_context.store.run(
        u"SELECT user_id FROM ram_users WHERE account_id = ? AND user_name = ?"_s,
        {accountId, userName});
    return row.next() ? row.value(0).toString() : QString();
}

bool MaasWorkspaces::isMember(const Workspace &workspace, const QString &userId)
{
    QSqlQuery row = m_context.store.run(u"SELECT "_s + memberSql(u"?"_s)
                                            + u" FROM maas_workspaces w WHERE w.workspace_id = ?"_s,
                                        {userId, workspace.id});
    return row.next() && row.value(0).toInt() != 0;
}

void MaasWorkspaces::setMember(const QString &workspaceId, const QString &userId, bool member)
{
    m_context.store.run(u"INSERT INTO maas_members (workspace_id, user_id, member) VALUES (?, ?, ?)"
                        u" ON CONFLICT (workspace_id, user_id) DO UPDATE SET member ="
                        u" excluded.member"_s,
                        {workspaceId, userId, member ? 1 : 0});
}

QJsonObject MaasWorkspaces::workspaceJson(const Workspace &workspace, const ApiCall &call)
{
    Region region {workspace.region, workspace.region, {}};
    for (const Region &known : regions()) {
        if (known.id == workspace.region)
            region = known;
    }
    // The sandbox serves the data plane on the listener that was called: apiHost names it.
    return {{u"apiHost"_s, QString::fromLatin1(call.http.header("host"))},
            {u"gmtCreate"_s, workspace.createdMs},
            {u"region"_s, region.id},
            {u"regionName"_s, region.name},
            {u"serviceSite"_s, region.site},
            {u"workspaceId"_s, workspace.id},
            {u"workspaceName"_s, workspace.name},
            {u"isDefault"_s, workspace.isDefault}};
}

HttpReply MaasWorkspaces::listWorkspaces(ApiCall &call)
{
    maas::Page page;
    if (auto error = maas::readPage(call, 'w', page))
        return maas::fail(call, *error);
    QString where = u" FROM maas_workspaces w WHERE w.account_id = ?"_s;
    QVariantList bindings {call.principal.accountId};
    if (!call.principal.isRoot()) {
        where += u" AND "_s + memberSql(u"?"_s) + u" = 1"_s;
        bindings.append(userId(call.principal.accountId, call.principal.userName));
    }
    if (const QString name = call.param(u"workspaceName"_s); !name.isEmpty()) {
        where += u" AND instr(lower(w.name), lower(?)) > 0"_s;
        bindings.append(name);
    }
    QSqlQuery count = m_context.store.run(u"SELECT COUNT(*)"_s + where, bindings);
    const qint64 total = count.next() ? count.value(0).toLongLong() : 0;
    bindings << page.after << page.maxResults + 1;
    QSqlQuery rows = m_context.store.run(
        u"SELECT "_s + kColumns + where + u" AND w.seq > ? ORDER BY w.seq LIMIT ?"_s, bindings);
    QJsonArray items;
    qint64 last = 0;
    bool more = false;
    while (rows.next()) {
        if (items.size() == page.maxResults) {
            more = true;
            break;
        }
        const Workspace workspace = workspaceFromRow(rows);
        items.append(workspaceJson(workspace, call));
        last = workspace.seq;
    }
    return maas::ok(call,
                    {{u"workspaces"_s, items},
                     {u"maxResults"_s, page.maxResults},
                     {u"nextToken"_s, more ? maas::pageToken('w', last) : QString()},
                     {u"totalCount"_s, total}});
}

HttpReply MaasWorkspaces::createWorkspace(ApiCall &call)
{
    if (!call.principal.isRoot())
        return maas::fail(call, noPermission());
    const QString name = call.param(u"workspaceName"_s).trimmed();
    if (name.isEmpty())
        return maas::fail(call, ApiError::missingParameter(u"workspaceName"_s));
    if (name.size() > 64)
        return maas::fail(
            call,
            ApiError::invalidParameter(u"workspaceName"_s, u"It must be 1 to 64 characters."_s));
    QString region = call.has(u"region"_s) ? call.param(u"region"_s) : regions().first().id;
    if (std::none_of(regions().cbegin(), regions().cend(),
                     [&](const Region &known) { return known.id == region; }))
        return maas::fail(
            call,
            ApiError::invalidParameter(u"region"_s,
                                       u"It must be ap-southeast-1, us-east-1 or cn-beijing."_s));
    std::optional<ApiError> error;
    std::optional<Workspace> created;
    m_context.store.transaction([&] {
        const QString &account = call.principal.accountId;
        QSqlQuery existing = m_context.store.run(
            u"SELECT COUNT(*), SUM(lower(name) = lower(?)) FROM maas_workspaces"
            u" WHERE account_id = ?"_s,
            {name, account});
        existing.next();
        if (existing.value(1).toInt() > 0) {
            error = ApiError {409,
                              u"EntityAlreadyExists.Workspace"_s,
                              u"A workspace with this name already exists."_s,
                              {}};
        } else if (existing.value(0).toInt() >= kMaxPerAccount) {
            error = ApiError {409,
                              u"LimitExceeded.Workspace"_s,
                              u"An account can have at most 10 workspaces, the default workspace"
                              u" included."_s,
                              {}};
        } else {
            created = find(account, create(account, name, region, false));
        }
    });
    if (error)
        return maas::fail(call, *error);
    return maas::ok(call, {{u"workspace"_s, workspaceJson(*created, call)}});
}

std::optional<ApiError> MaasWorkspaces::pathWorkspace(const ApiCall &call, Workspace &workspace)
{
    if (!call.principal.isRoot())
        return noPermission();
    const auto found = find(call.principal.accountId, call.pathParams.value(u"workspaceId"_s));
    if (!found)
        return workspaceNotFound();
    workspace = *found;
    return std::nullopt;
}

HttpReply MaasWorkspaces::listMembers(ApiCall &call)
{
    Workspace workspace;
    if (auto error = pathWorkspace(call, workspace))
        return maas::fail(call, *error);
    QSqlQuery rows = m_context.store.run(
        u"SELECT u.user_name, u.user_id FROM ram_users u JOIN maas_workspaces w"
        u" ON w.account_id = u.account_id WHERE w.workspace_id = ? AND "_s
            + memberSql(u"u.user_id"_s) + u" = 1 ORDER BY u.user_name"_s,
        {workspace.id});
    QJsonArray members;
    while (rows.next())
        members.append(QJsonObject {{u"userName"_s, rows.value(0).toString()},
                                    {u"userId"_s, rows.value(1).toString()}});
    return maas::ok(call,
                    {{u"workspaceId"_s, workspace.id},
                     {u"members"_s, members},
                     {u"totalCount"_s, members.size()}});
}

HttpReply MaasWorkspaces::addMember(ApiCall &call)
{
    Workspace workspace;
    if (auto error = pathWorkspace(call, workspace))
        return maas::fail(call, *error);
    const QString userName = call.param(u"userName"_s);
    if (userName.isEmpty())
        return maas::fail(call, ApiError::missingParameter(u"userName"_s));
    QString id;
    m_context.store.transaction([&] {
        id = userId(call.principal.accountId, userName);
        if (!id.isEmpty())
            setMember(workspace.id, id, true);
    });
    if (id.isEmpty())
        return maas::fail(call, {404, u"EntityNotExist.User"_s, u"The user does not exist."_s, {}});
    return maas::ok(call,
                    {{u"workspaceId"_s, workspace.id},
                     {u"member"_s, QJsonObject {{u"userName"_s, userName}, {u"userId"_s, id}}}});
}

HttpReply MaasWorkspaces::removeMember(ApiCall &call)
{
    Workspace workspace;
    if (auto error = pathWorkspace(call, workspace))
        return maas::fail(call, *error);
    const QString userName = call.pathParams.value(u"userName"_s);
    bool removed = false;
    m_context.store.transaction([&] {
        const QString id = userId(call.principal.accountId, userName);
        if (!id.isEmpty() && isMember(workspace, id)) {
            setMember(workspace.id, id, false);
            removed = true;
        }
    });
    if (!removed)
        return maas::fail(call,
                          {404,
                           u"EntityNotExist.WorkspaceMember"_s,
                           u"The user is not a member of this workspace."_s,
                           {}});
    return maas::ok(call, {{u"workspaceId"_s, workspace.id}});
}
