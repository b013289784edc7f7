#pragma once

#include "ServiceApi.h"

#include <optional>

// The Tablestore endpoints an API key is sent to (protocols.md §6): POST /<Action> with
// x-ots-apikey and x-ots-instancename, HTTPS only, errors as {"code","message"} with the
// request id in x-ots-requestid. Serves the Knowledge Store / Memory Store list and create
// actions; every other Tablestore action only gets its refusal.
class TablestoreDataPlane
{
public:
    // The policy attached to a key's dedicated RAM user, whose rights the key inherits.
    static inline const QString kPolicy = QStringLiteral("AliyunOTSFullAccess");
    static inline const QString kKnowledgeBase = QStringLiteral("knowledgeBase");
    static inline const QString kMemoryStore = QStringLiteral("memoryStore");

    explicit TablestoreDataPlane(SandboxContext &context)
        : m_context(context)
    { }

    static QStringList schema();
    // How an API key's value is stored and looked up: its SHA-256, in hex.
    static QString valueHash(const QByteArray &value);

    void registerRoutes(ApiRouter &router);
    // Adds a knowledge base or memory store (kind) to an instance; for demo data.
    void addCollection(const QString &instanceName, const QString &kind, const QString &name,
                       const QString &description);

private:
    HttpReply serve(const QByteArray &action, bool agentStorage, const HttpRequest &request,
                    const QString &requestId);
    std::optional<ApiError> authenticate(const HttpRequest &request);
    HttpReply runAction(const QByteArray &action, const QString &instanceName,
                        const QJsonObject &body, const QString &requestId);
    std::optional<ApiError> createCollection(const QString &kind, const QString &nameField,
                                             const QString &instanceName, const QJsonObject &body,
                                             QString &name);
    std::optional<ApiError> listCollections(const QString &kind, const QString &nameField,
                                            const QString &instanceName, const QJsonObject &body,
                                            QJsonObject &page);

    SandboxContext &m_context;
};
