#pragma once

#include "domain/ServiceKind.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace keydesk {

enum class KeyStatus { Active, Inactive, Expired, Revoked, Invalid };

QString keyStatusName(KeyStatus status); // "Active", … (translated for display)

// One key as a list shows it: never its value, only the masked form the service gives.
struct ApiKey
{
    QString id;
    ServiceKind service = ServiceKind::Ram;
    QString name; // name or description
    QString maskedValue;
    KeyStatus status = KeyStatus::Active;
    QDateTime created;
    QDateTime expires; // invalid: never
    QDateTime lastUsed; // invalid: never or unknown
    QString owner; // RAM user name, or empty for the root account
    QString workspaceId;
    QString permission; // OceanBase's action: read, write, all
};

// What a service lets an account do and how much of it is used, for "2 of 3 keys".
struct ServiceUsage
{
    int keyCount = -1; // -1: unknown
    int maxKeys = -1; // -1: no limit known
    int creationsLeftToday = -1;
    int dailyCreationLimit = -1;
    QDateTime creationCountResets;
};

struct KeyList
{
    QList<ApiKey> keys;
    ServiceUsage usage;
};

} // namespace keydesk
