#pragma once

#include "services/KeyService.h"

#include <functional>

class QJsonObject;

namespace keydesk {

struct HttpRequestSpec;

// OceanBase Cloud's MaaS API keys through its published OpenAPI (POST/GET/DELETE
// /api/v2/maas/apikeys, protocols.md §3, seed 002): HTTP Digest with the OceanBase AccessKey
// (answered by QAuthenticator in HttpClient), the organization and project in headers on every
// call, and the {success, data, errorCode, errorMessage, requestId} envelope. A key's value is
// shown once; each key has a permission (its "action"). "Test this key" lists the models of the
// OpenAI-compatible data plane with the key as a Bearer token.
class OceanBaseService : public KeyService
{
    Q_OBJECT

public:
    OceanBaseService(Profile profile, QByteArray secret, HttpClient *client,
                     QObject *parent = nullptr);
    ~OceanBaseService() override;

    ServiceCapabilities capabilities() const override;
    KeyJob *listKeys() override;
    KeyJob *createKey(const CreateKeyRequest &request) override;
    KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *testKey(const QByteArray &value) override;

    // Keys asked for per list page: 100, the service's largest (it answers 20 above that).
    // Smaller pages only make more requests; tests use them to cross page boundaries.
    void setPageSize(int pageSize);
    int pageSize() const { return m_pageSize; }

private:
    using Reader = std::function<void(KeyJob *, const QJsonObject &)>;
    KeyError checkProfile() const;
    HttpRequestSpec apiRequest(const QByteArray &method, const QByteArray &query,
                               const QByteArray &body, bool idempotent) const;
    void send(KeyJob *job, HttpRequestSpec spec, Reader reader);
    void requestPage(KeyJob *job, int pageNumber);
    void pageAnswered(KeyJob *job, const HttpJob &reply, int pageNumber);
    static void answered(KeyJob *job, const HttpJob &reply, const Reader &reader);
    static void readCreated(KeyJob *job, const QJsonObject &data, const QString &permission);
    static void probeAnswered(KeyJob *job, const HttpJob &reply);

    int m_pageSize = 100;
};

} // namespace keydesk
