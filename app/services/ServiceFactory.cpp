#include "services/ServiceFactory.h"

#include "services/DashVectorService.h"
#include "services/ModelStudioService.h"
#include "services/OceanBaseService.h"
#include "services/RamService.h"
#include "services/TablestoreService.h"
#include "vault/SecretBytes.h"

namespace keydesk {

std::unique_ptr<KeyService> makeKeyService(const Profile &profile, const QByteArray &secret,
                                           HttpClient *client, QObject *parent)
{
    // A buffer of the adapter's own: the caller may wipe its copy (wipeSecret zeroes every
    // sharer), and the adapter zeroes this one when it goes.
    QByteArray own = detachedSecretCopy(secret);
    switch (profile.service) {
    case ServiceKind::Ram:
        return std::make_unique<RamService>(profile, std::move(own), client, parent);
    case ServiceKind::ModelStudio:
        return std::make_unique<ModelStudioService>(profile, std::move(own), client, parent);
    case ServiceKind::DashVector:
        return std::make_unique<DashVectorService>(profile, std::move(own), client, parent);
    case ServiceKind::Tablestore:
        return std::make_unique<TablestoreService>(profile, std::move(own), client, parent);
    case ServiceKind::OceanBase:
        return std::make_unique<OceanBaseService>(profile, std::move(own), client, parent);
    }
    wipeSecret(own);
    return nullptr;
}

} // namespace keydesk
