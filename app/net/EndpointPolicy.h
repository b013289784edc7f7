#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace keydesk {

// Where a secret may travel: over https://, or over plain http:// only to this machine (the
// sandbox and the tests). A host name is never resolved to decide: only "localhost" and the
// loopback addresses (127.0.0.0/8, ::1) count, so a name a DNS server points at 127.0.0.1 does
// not.
struct EndpointPolicy
{
    Q_DECLARE_TR_FUNCTIONS(EndpointPolicy)

public:
    static bool isLoopbackHost(const QString &host);
    // True when url is https://, or http:// to a loopback host.
    static bool maySendSecretsTo(const QUrl &url);
    // Why a secret may not be sent to url, for the person; empty when it may.
    static QString plainHttpProblem(const QUrl &url);
};

} // namespace keydesk
