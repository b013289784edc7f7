#include "services/DashVectorApi.h"

using namespace Qt::StringLiterals;

QStringList DashVectorApi::schema() const
{
    return {};
}

void DashVectorApi::registerRoutes(ApiRouter &router)
{
    Q_UNUSED(router)
}
