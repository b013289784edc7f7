#pragma once

#include "domain/ServiceKind.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace keydesk {

// What a profile of each service holds besides its name, endpoint and AccessKey, as the
// adapters read it (app/services/*Service.cpp); the vendors' endpoints (protocols.md); and the
// checks of single fields. Plain values and functions, so ProfileForm only lays them out.
struct ProfileFields
{
    Q_DECLARE_TR_FUNCTIONS(ProfileFields)

public:
    struct Region
    {
        QString id; // "ap-southeast-1"
        QString name; // "Singapore"
    };

    bool region = false;
    bool dataEndpoint = false;
    bool workspace = false;
    bool orgAndProject = false;
    bool instance = false;
    bool httpsDataPlane = false; // the data plane refuses plain HTTP
    QString hint; // the service's endpoints, for the person
    QString endpointPlaceholder;
    QString dataEndpointPlaceholder;

    static ProfileFields of(ServiceKind service);
    // The vendor's endpoints, empty where the vendor publishes none.
    static QUrl defaultEndpoint(ServiceKind service);
    static QUrl defaultDataEndpoint(ServiceKind service, const QString &region);
    static QList<Region> regions(); // Model Studio's (DESIGN.md §1)

    // Why text is not an http(s) address with a host; empty when it is one.
    static QString urlProblem(const QString &text);
    // An id or a name as an API carries it: printable ASCII, no spaces.
    static bool isPlainToken(const QString &text);
    // Why path is not a readable PEM certificate; empty when it is one.
    static QString caCertificateProblem(const QString &path);
    // The typed text as a URL; empty text is an empty URL.
    static QUrl urlFrom(const QString &text);

    // Why a field's typed text will not do; empty when it will, or when the service does not
    // use the field.
    static QString displayNameProblem(const QString &name);
    static QString endpointProblem(const QString &text);
    QString dataEndpointProblem(const QString &text, const QString &endpoint) const;
    static QString accessKeyIdProblem(const QString &id);
    static QString secretProblem(const QString &secret, bool editing); // editing: may be empty
    QString workspaceIdProblem(const QString &id) const;
    QString orgIdProblem(const QString &id) const;
    QString projectIdProblem(const QString &id) const;
    QString instanceNameProblem(const QString &name) const;
};

} // namespace keydesk
