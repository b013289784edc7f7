#pragma once

#include "ServiceApi.h"

#include <optional>

// Model Studio workspaces (seed 003): every account has a default one and at most ten in all;
// RAM users belong to the default workspace from the start and to other workspaces once added.
// ListWorkspaces follows MaaS 2026-03-18; creating workspaces and managing members are
// sandbox-defined actions in the same ROA style (docs/sandbox-api.md).
class MaasWorkspaces
{
public:
    static constexpr int kMaxPerAccount = 10;

    struct Workspace
    {
        qint64 seq = 0;
        QString id;
        QString name;
        QString region;
        bool isDefault = false;
        qint64 createdMs = 0;
    };

    explicit MaasWorkspaces(SandboxContext &context);

    static QStringList schema();
    // SQL over maas_api_keys k joined with maas_workspaces w: 1 when the key's owning RAM user
    // was deleted or removed from the key's workspace, which makes the key invalid (seed 003).
    static QString blockedSql();

    void registerRoutes(ApiRouter &router);

    QString create(const QString &accountId, const QString &name, const QString &region,
                   bool isDefault);
    std::optional<Workspace> find(const QString &accountId, const QString &workspaceId);
    // The RAM user's UserId, empty when no such user exists (keys remember it, so a deleted
    // and re-created user of the same name does not revive the old user's keys).
    QString userId(const QString &accountId, const QString &userName);
    bool isMember(const Workspace &workspace, const QString &userId);
    void setMember(const QString &workspaceId, const QString &userId, bool member);

private:
    HttpReply listWorkspaces(ApiCall &call);
    HttpReply createWorkspace(ApiCall &call);
    HttpReply listMembers(ApiCall &call);
    HttpReply addMember(ApiCall &call);
    HttpReply removeMember(ApiCall &call);

    // The workspace of the path, for the root account's member actions.
    std::optional<ApiError> pathWorkspace(const ApiCall &call, Workspace &workspace);
    static QJsonObject workspaceJson(const Workspace &workspace, const ApiCall &call);

    SandboxContext &m_context;
};
