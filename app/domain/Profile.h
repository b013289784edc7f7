#pragma once

#include "domain/ServiceKind.h"

#include <QString>
#include <QUrl>

namespace keydesk {

// An account on one service and region: everything about it that is not secret, so it may be
// kept in QSettings. Its secret (the AccessKey secret; for OceanBase the SK) lives in the vault.
struct Profile
{
    QString id; // stable, also names the profile's keychain service
    ServiceKind service = ServiceKind::Ram;
    QString displayName;
    QString region;
    QUrl endpoint; // management API base, e.g. https://ram.aliyuncs.com
    QUrl dataEndpoint; // data plane base ("test this key"); empty: same as endpoint
    QString accessKeyId; // the AccessKey (or OceanBase AccessKey) that signs calls
    QString workspaceId; // Model Studio
    QString orgId; // OceanBase
    QString projectId; // OceanBase
    QString instanceName; // Tablestore
    QString caCertificatePath; // one extra trusted CA certificate (PEM), optional
    int timeoutMs = 15000;

    QUrl dataPlane() const { return dataEndpoint.isEmpty() ? endpoint : dataEndpoint; }
};

} // namespace keydesk
