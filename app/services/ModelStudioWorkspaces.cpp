#include "services/ModelStudioWorkspaces.h"

#include "net/HttpClient.h"

#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace keydesk {

bool readWorkspace(const QJsonValue &value, ModelStudioWorkspace &workspace)
{
    const QJsonObject object = value.toObject();
    workspace = ModelStudioWorkspace();
    workspace.id = object.value(u"workspaceId"_s).toString();
    if (workspace.id.isEmpty())
        return false;
    workspace.name = object.value(u"workspaceName"_s).toString();
    workspace.region = object.value(u"region"_s).toString();
    workspace.regionName = object.value(u"regionName"_s).toString();
    workspace.serviceSite = object.value(u"serviceSite"_s).toString();
    workspace.apiHost = object.value(u"apiHost"_s).toString();
    workspace.isDefault = object.value(u"isDefault"_s).toBool(false);
    if (const qint64 created = object.value(u"gmtCreate"_s).toInteger(0); created > 0)
        workspace.created = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC); // milliseconds
    return true;
}

WorkspaceListJob::WorkspaceListJob(QObject *parent)
    : QObject(parent)
{ }

void WorkspaceListJob::cancel()
{
    if (!m_finished && m_request)
        m_request->cancel();
}

void WorkspaceListJob::track(HttpJob *job)
{
    m_request = job;
}

void WorkspaceListJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace keydesk
