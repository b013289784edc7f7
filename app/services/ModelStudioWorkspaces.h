#pragma once

#include "domain/KeyError.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

class QJsonValue;

namespace keydesk {

class HttpJob;

// One Model Studio workspace, as ListWorkspaces gives it (protocols.md §5).
struct ModelStudioWorkspace
{
    QString id;
    QString name;
    QString region;
    QString regionName;
    QString serviceSite;
    QString apiHost;
    QDateTime created;
    bool isDefault = false; // a sandbox addition; false when the service does not say
};

// A workspace item of ListWorkspaces; false when it has no id.
bool readWorkspace(const QJsonValue &value, ModelStudioWorkspace &workspace);

// The workspaces an account (or RAM user) may use, in KeyJob's shape: reports once through
// finished(), then deletes itself.
class WorkspaceListJob : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceListJob(QObject *parent = nullptr);

    const KeyError &error() const { return m_error; }
    const QList<ModelStudioWorkspace> &workspaces() const { return m_workspaces; }
    void cancel();

Q_SIGNALS:
    void finished(keydesk::WorkspaceListJob *job);

private:
    friend class ModelStudioService;
    void track(HttpJob *job);
    void finish();

    KeyError m_error;
    QList<ModelStudioWorkspace> m_workspaces;
    QPointer<HttpJob> m_request;
    bool m_finished = false;
};

} // namespace keydesk
