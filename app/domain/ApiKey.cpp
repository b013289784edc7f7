#include "domain/ApiKey.h"

#include <QCoreApplication>

namespace keydesk {

QString keyStatusName(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return QCoreApplication::translate("KeyStatus", "Active");
    case KeyStatus::Inactive:
        return QCoreApplication::translate("KeyStatus", "Inactive");
    case KeyStatus::Expired:
        return QCoreApplication::translate("KeyStatus", "Expired");
    case KeyStatus::Revoked:
        return QCoreApplication::translate("KeyStatus", "Revoked");
    case KeyStatus::Invalid:
        return QCoreApplication::translate("KeyStatus", "Invalid");
    }
    return {};
}

} // namespace keydesk
