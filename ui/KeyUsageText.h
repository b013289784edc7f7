#pragma once

#include "domain/ApiKey.h"

#include <QCoreApplication>
#include <QString>

namespace keydesk {

struct ServiceCapabilities;

// The service's limits as the key list shows them ("2 of 3 keys", "7 of 10 creations left
// today"), and why no key can be created now when a limit is reached.
class KeyUsageText
{
    Q_DECLARE_TR_FUNCTIONS(KeyUsageText)

public:
    static KeyUsageText describe(const ServiceUsage &usage,
                                 const ServiceCapabilities &capabilities);

    QString line; // empty: the service tells nothing about its limits
    QString blockedReason; // empty: a key may be created
};

} // namespace keydesk
