#include "services/OceanBaseApi.h"

using namespace Qt::StringLiterals;

QStringList OceanBaseApi::schema() const
{
    return {};
}

void OceanBaseApi::registerRoutes(ApiRouter &router)
{
    Q_UNUSED(router)
}
