#pragma once

#include "DemoProfiles.h"
#include "SandboxFixture.h"
#include "net/HttpClient.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace keydesk {
class KeyService;
}

// A keydesk-sandbox started with --demo, seen through the profiles `keydesk --sandbox` makes of
// it (DemoProfiles): one profile per service on the HTTPS endpoint, its secret, an adapter for
// it, and the demo account's MFA device for the services that ask for a code. start() again
// gives a fresh sandbox in a fresh directory, so a test may use up limits without its
// neighbours noticing.
class DemoSandbox
{
public:
    DemoSandbox();
    ~DemoSandbox();
    DemoSandbox(const DemoSandbox &) = delete;
    DemoSandbox &operator=(const DemoSandbox &) = delete;

    // The five services, in the order the console lists them.
    static QList<keydesk::ServiceKind> services();

    bool start(); // stops the sandbox running, if any; false: errorString() says why
    QString errorString() const { return m_error; }

    SandboxFixture &sandbox() { return *m_sandbox; }
    const keydesk::DemoProfiles &demo() const { return *m_demo; }
    keydesk::Profile profile(keydesk::ServiceKind service) const;
    QByteArray secret(keydesk::ServiceKind service) const; // a buffer of the caller's, to wipe
    // The service's adapter on the demo profile, through this fixture's HttpClient.
    std::unique_ptr<keydesk::KeyService> service(keydesk::ServiceKind service);
    keydesk::HttpClient &client() { return m_client; }

    // The demo account: id, root AccessKey and MFA device (docs/sandbox-api.md "--demo").
    const SandboxAccount &account() const { return m_account; }
    QString totp(int stepsAhead = 0); // the MFA device's code by the sandbox's clock
    QString wrongCode(); // six digits the sandbox accepts at no step around now

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<keydesk::DemoProfiles> m_demo;
    keydesk::HttpClient m_client;
    SandboxAccount m_account;
    QString m_error;
};
