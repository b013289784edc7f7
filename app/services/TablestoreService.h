#pragma once

#include "protocol/PercentEncoding.h"
#include "services/KeyService.h"

class QJsonObject;

namespace keydesk {

// Tablestore's API keys (Knowledge Store and Memory Store) through the sandbox-defined RPC API
// (Tablestore 2026-11-20, ACS3-signed; Tablestore manages keys in its console only, seed 000,
// protocols.md §6). A key's value is shown once, it must expire, and deleting only revokes it.
// Each key has its own RAM user (its owner here). "Test this key" calls ListKnowledgeBase on the
// data plane, which takes API keys over HTTPS only.
class TablestoreService : public KeyService
{
    Q_OBJECT

public:
    TablestoreService(Profile profile, QByteArray secret, HttpClient *client,
                      QObject *parent = nullptr);
    ~TablestoreService() override;

    ServiceCapabilities capabilities() const override;
    KeyJob *listKeys() override;
    KeyJob *createKey(const CreateKeyRequest &request) override;
    KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *testKey(const QByteArray &value) override;

private:
    using Reader = void (*)(KeyJob *, const QJsonObject &);
    KeyJob *manage(const QString &action, const protocol::QueryItems &params, bool idempotent,
                   Reader reader);
    void manageAnswered(KeyJob *job, const HttpJob &reply, Reader reader);
    static void readList(KeyJob *job, const QJsonObject &json);
    static void readCreated(KeyJob *job, const QJsonObject &json);
    static void readRevoked(KeyJob *job, const QJsonObject &json);
    static void probeAnswered(KeyJob *job, const HttpJob &reply);
};

} // namespace keydesk
