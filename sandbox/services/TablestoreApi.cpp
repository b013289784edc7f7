#include "services/TablestoreApi.h"

using namespace Qt::StringLiterals;

QStringList TablestoreApi::schema() const
{
    return {};
}

void TablestoreApi::registerRoutes(ApiRouter &router)
{
    Q_UNUSED(router)
}
