#pragma once

#include "domain/Profile.h"

#include <QUrl>

class SandboxFixture;
namespace keydesk {
class HttpClient;
}

// What the adapter tests share to point the console's own code at a SandboxFixture.

// A profile named "test" of service on endpoint, signing with accessKeyId, with a 5 s timeout;
// a test adds the ids its service needs (workspace, org and project, instance).
keydesk::Profile sandboxProfile(keydesk::ServiceKind service, const QUrl &endpoint,
                                const QString &accessKeyId);

// Makes client trust the sandbox's self-signed certificate; false when it cannot be read.
bool trustSandbox(keydesk::HttpClient &client, const SandboxFixture &sandbox);

// A loopback URL nobody listens on: a request sent there fails with a network error, so an
// error of another kind proves the adapter answered without sending anything.
QUrl closedPort();
