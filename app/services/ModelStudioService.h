#pragma once

#include "protocol/PercentEncoding.h"
#include "services/KeyService.h"
#include "services/ModelStudioWorkspaces.h"

#include <memory>

namespace keydesk {

struct HttpRequestSpec;
class PageGuard;

// Model Studio's permanent API keys through the MaaS 2026-03-18 OpenAPI (ROA, ACS3-signed),
// temporary keys and "test this key" through the DashScope data plane (protocols.md §5).
class ModelStudioService : public KeyService
{
    Q_OBJECT

public:
    static constexpr int kMaxKeysPerWorkspace = 20;
    static constexpr int kMaxTemporaryKeySeconds = 1800;

    ModelStudioService(Profile profile, QByteArray secret, HttpClient *client,
                       QObject *parent = nullptr);
    ~ModelStudioService() override;

    ServiceCapabilities capabilities() const override;
    KeyJob *listKeys() override;
    KeyJob *createKey(const CreateKeyRequest &request) override;
    // Model Studio has no verification of its own: the console checks the person locally.
    KeyJob *revealKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *testKey(const QByteArray &value) override;

    WorkspaceListJob *listWorkspaces();
    // A temporary key (st-…) issued by a permanent one, valid for 1–1800 s; the job's
    // secret() holds it and secretExpires() when it ends. It cannot be revoked.
    KeyJob *createTemporaryKey(const QByteArray &parentValue, int seconds) override;

private:
    HttpRequestSpec maasRequest(const QString &action, const QByteArray &method,
                                const QString &path, const protocol::QueryItems &query,
                                bool idempotent) const;
    HttpRequestSpec dataPlaneRequest(const QByteArray &method, const QString &path,
                                     const QByteArray &value) const;

    // One guard per listing: the tokens seen, the pages and items so far.
    using Pages = std::shared_ptr<PageGuard>;
    void requestKeysPage(KeyJob *job, const QString &nextToken, const Pages &pages);
    void readKeysPage(KeyJob *job, const HttpJob &reply, const Pages &pages);
    static void readOneKey(KeyJob *job, const HttpJob &reply);
    void requestWorkspacesPage(WorkspaceListJob *job, const QString &nextToken, const Pages &pages);
    void readWorkspacesPage(WorkspaceListJob *job, const HttpJob &reply, const Pages &pages);
    static void readTemporaryKey(KeyJob *job, const HttpJob &reply);
    static void readEnvelopeOnly(KeyJob *job, const HttpJob &reply);
    static void readDataPlane(KeyJob *job, const HttpJob &reply);
};

} // namespace keydesk
