#pragma once

#include "AcsAuthenticator.h"
#include "ApiRouter.h"
#include "Clock.h"
#include "FaultInjector.h"
#include "Identity.h"
#include "MfaVerifier.h"
#include "ServiceApi.h"
#include "Store.h"

#include <QJsonObject>

#include <memory>
#include <vector>

struct SandboxOptions
{
    QString dataDir;
    bool enableAdmin = false;
};

// The whole sandbox minus its sockets: state, authentication and the five services' APIs.
class Sandbox
{
public:
    Sandbox();
    ~Sandbox();

    // Opens the store and creates every table; returns an error text or empty.
    QString open(const SandboxOptions &options);

    ApiRouter &router() { return m_router; }
    Clock &clock() { return m_clock; }
    FaultInjector &faults() { return m_faults; }
    MfaVerifier &mfa() { return m_mfa; }

    // A new account (root AccessKey, optional MFA device) provisioned on every service, as
    // {"accountId", "root": {…}, "mfaSecret" (base32), and each service's details}.
    QJsonObject createAccount(bool withMfa);
    // Creates the demo account once; returns what demo-account.json holds.
    QJsonObject ensureDemo(const QJsonObject &endpoints);

private:
    void registerAdminRoutes();

    Store m_store;
    Clock m_clock;
    Identity m_identity;
    AcsAuthenticator m_authenticator;
    MfaVerifier m_mfa;
    SandboxContext m_context;
    ApiRouter m_router;
    std::vector<std::unique_ptr<ServiceApi>> m_services;
    FaultInjector m_faults;
};
