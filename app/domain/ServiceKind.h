#pragma once

#include <QString>

namespace keydesk {

enum class ServiceKind { Ram, ModelStudio, DashVector, Tablestore, OceanBase };

QString serviceId(ServiceKind kind); // stable, for settings: "ram", "modelstudio", …
QString serviceDisplayName(ServiceKind kind);
bool serviceFromId(const QString &id, ServiceKind &kind);

} // namespace keydesk
