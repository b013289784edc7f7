#include "services/MaasApi.h"

using namespace Qt::StringLiterals;

QStringList MaasApi::schema() const
{
    return {};
}

void MaasApi::registerRoutes(ApiRouter &router)
{
    Q_UNUSED(router)
}
