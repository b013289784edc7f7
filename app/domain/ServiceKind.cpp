#include "domain/ServiceKind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace keydesk {

QString serviceId(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Ram:
        return u"ram"_s;
    case ServiceKind::ModelStudio:
        return u"modelstudio"_s;
    case ServiceKind::DashVector:
        return u"dashvector"_s;
    case ServiceKind::Tablestore:
        return u"tablestore"_s;
    case ServiceKind::OceanBase:
        return u"oceanbase"_s;
    }
    return {};
}

QString serviceDisplayName(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Ram:
        return QCoreApplication::translate("ServiceKind", "RAM AccessKeys");
    case ServiceKind::ModelStudio:
        return QCoreApplication::translate("ServiceKind", "Model Studio");
    case ServiceKind::DashVector:
        return QCoreApplication::translate("ServiceKind", "DashVector");
    case ServiceKind::Tablestore:
        return QCoreApplication::translate("ServiceKind", "Tablestore");
    case ServiceKind::OceanBase:
        return QCoreApplication::translate("ServiceKind", "OceanBase Cloud MaaS");
    }
    return {};
}

bool serviceFromId(const QString &id, ServiceKind &kind)
{
    for (const ServiceKind candidate :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase}) {
        if (serviceId(candidate) == id) {
            kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace keydesk
