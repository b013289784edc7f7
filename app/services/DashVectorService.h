#pragma once

#include "protocol/PercentEncoding.h"
#include "services/KeyService.h"

namespace keydesk {

struct HttpRequestSpec;

// DashVector's API keys through the sandbox-defined RPC API (DashVector 2026-11-01, ACS3-signed;
// DashVector itself manages keys in its console only, protocols.md §4), and "test this key"
// through the collections data plane. Only the root account manages keys; viewing and deleting
// a key need the account's MFA code, checked for shape here before anything is sent.
class DashVectorService : public KeyService
{
    Q_OBJECT

public:
    DashVectorService(Profile profile, QByteArray secret, HttpClient *client,
                      QObject *parent = nullptr);
    ~DashVectorService() override;

    ServiceCapabilities capabilities() const override;
    KeyJob *listKeys() override;
    KeyJob *createKey(const CreateKeyRequest &request) override;
    KeyJob *revealKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *testKey(const QByteArray &value) override;

private:
    HttpRequestSpec rpcRequest(const QString &action, const protocol::QueryItems &params,
                               bool idempotent) const;
    KeyJob *verifiedCall(const QString &action, const QString &keyId, const QString &code,
                         void (*reader)(KeyJob *, const HttpJob &));

    static void readList(KeyJob *job, const HttpJob &reply);
    static void readOneKey(KeyJob *job, const HttpJob &reply);
    static void readEmpty(KeyJob *job, const HttpJob &reply);
    static void readCollections(KeyJob *job, const HttpJob &reply);
};

} // namespace keydesk
