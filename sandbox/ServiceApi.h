#pragma once

#include "ApiRouter.h"
#include "Clock.h"
#include "Identity.h"
#include "MfaVerifier.h"
#include "Store.h"

#include <QJsonObject>
#include <QStringList>

// What every service's API shares: the store, the clock, accounts and MFA.
struct SandboxContext
{
    Store &store;
    Clock &clock;
    Identity &identity;
    MfaVerifier &mfa;
};

// One cloud service's management API (and data plane) inside the sandbox.
class ServiceApi
{
public:
    explicit ServiceApi(SandboxContext &context)
        : m_context(context)
    { }
    virtual ~ServiceApi() = default;
    ServiceApi(const ServiceApi &) = delete;
    ServiceApi &operator=(const ServiceApi &) = delete;

    virtual QStringList schema() const = 0;
    virtual void registerRoutes(ApiRouter &router) = 0;
    // Called inside the transaction that creates an account (default workspace, instance…);
    // adds to details what a client of that account needs to know (ids, endpoints' names).
    virtual void provisionAccount(const QString &accountId, QJsonObject &details)
    {
        Q_UNUSED(accountId)
        Q_UNUSED(details)
    }
    // Adds demo data for a demo account and what demo-account.json should say about it.
    virtual void seedDemo(const QString &accountId, QJsonObject &demo)
    {
        Q_UNUSED(accountId)
        Q_UNUSED(demo)
    }

protected:
    SandboxContext &m_context;
};
