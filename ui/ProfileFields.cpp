#include "ProfileFields.h"

#include "net/EndpointPolicy.h"

#include <QFileInfo>
#include <QSslCertificate>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

struct KnownRegion
{
    const char16_t *id;
    const char *name;
    const char16_t *dashScope; // DashScope's base URL there (protocols.md §5)
};

// Singapore first, as the sandbox's default.
constexpr KnownRegion kRegions[] = {
    {u"ap-southeast-1", QT_TRANSLATE_NOOP("ProfileFields", "Singapore"),
     u"https://dashscope-intl.aliyuncs.com"},
    {u"us-east-1", QT_TRANSLATE_NOOP("ProfileFields", "US (Virginia)"),
     u"https://dashscope-us.aliyuncs.com"},
    {u"cn-beijing", QT_TRANSLATE_NOOP("ProfileFields", "China (Beijing)"),
     u"https://dashscope.aliyuncs.com"},
};

// A required identifier typed into a field: whenMissing when it is empty, whenNotPlain when it
// holds spaces or special characters (ProfileFields::isPlainToken), else no problem.
QString identifierProblem(const QString &text, const QString &whenMissing,
                          const QString &whenNotPlain)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return whenMissing;
    return ProfileFields::isPlainToken(trimmed) ? QString() : whenNotPlain;
}

} // namespace

ProfileFields ProfileFields::of(ServiceKind service)
{
    ProfileFields fields;
    const QString sameAsEndpoint = tr("Empty: the same as the endpoint");
    const QString sandboxEndpoint = tr("Required, e.g. https://127.0.0.1:8443");
    switch (service) {
    case ServiceKind::Ram:
        fields.hint = tr("RAM's OpenAPI has one endpoint for every region. Prefer the AccessKey "
                         "of a RAM user to the root account's.");
        fields.endpointPlaceholder = defaultEndpoint(service).toString();
        break;
    case ServiceKind::ModelStudio:
        fields.region = fields.dataEndpoint = fields.workspace = true;
        fields.hint = tr("The MaaS OpenAPI manages the keys; the data endpoint (DashScope, of the "
                         "key's region) tests them and issues temporary keys.");
        fields.endpointPlaceholder = defaultEndpoint(service).toString();
        fields.dataEndpointPlaceholder = sameAsEndpoint;
        break;
    case ServiceKind::DashVector:
        fields.dataEndpoint = true;
        fields.hint = tr("DashVector publishes no API to manage keys: the endpoint is a "
                         "keydesk-sandbox's. The data endpoint is your cluster's.");
        fields.endpointPlaceholder = sandboxEndpoint;
        fields.dataEndpointPlaceholder
            = tr("https://vrs-cn-….dashvector.cn-hangzhou.aliyuncs.com; empty: the endpoint");
        break;
    case ServiceKind::Tablestore:
        fields.dataEndpoint = fields.instance = fields.httpsDataPlane = true;
        fields.hint = tr("Tablestore publishes no API to manage keys: the endpoint is a "
                         "keydesk-sandbox's. API keys reach the instance over HTTPS only.");
        fields.endpointPlaceholder = sandboxEndpoint;
        fields.dataEndpointPlaceholder
            = tr("https://INSTANCE.cn-hangzhou.ots.aliyuncs.com; empty: the endpoint");
        break;
    case ServiceKind::OceanBase:
        fields.dataEndpoint = fields.orgAndProject = true;
        fields.hint = tr("OceanBase Cloud's OpenAPI. The global site is "
                         "https://g-api-cloud.oceanbase.com, the China site "
                         "https://api-cloud-cn.oceanbase.com. Its AccessKey signs with HTTP "
                         "Digest.");
        fields.endpointPlaceholder = defaultEndpoint(service).toString();
        fields.dataEndpointPlaceholder = sameAsEndpoint;
        break;
    }
    return fields;
}

QUrl ProfileFields::defaultEndpoint(ServiceKind service)
{
    switch (service) {
    case ServiceKind::Ram:
        return QUrl(u"https://ram.aliyuncs.com"_s); // the "central" endpoint (protocols.md §2)
    case ServiceKind::ModelStudio:
        return QUrl(u"https://maas.aliyuncs.com"_s); // the MaaS SDK's default (§5)
    case ServiceKind::OceanBase:
        return QUrl(u"https://api-cloud.oceanbase.com"_s); // the OpenAPI docs' host (§3)
    case ServiceKind::DashVector: // no public management API: a keydesk-sandbox's
    case ServiceKind::Tablestore:
        return {};
    }
    return {};
}

QUrl ProfileFields::defaultDataEndpoint(ServiceKind service, const QString &region)
{
    if (service != ServiceKind::ModelStudio)
        return {}; // a DashVector cluster's, a Tablestore instance's: the person's own
    for (const KnownRegion &known : kRegions) {
        if (region == QStringView(known.id))
            return QUrl(QString::fromUtf16(known.dashScope));
    }
    return {};
}

QList<ProfileFields::Region> ProfileFields::regions()
{
    QList<Region> regions;
    for (const KnownRegion &known : kRegions)
        regions.append({QString::fromUtf16(known.id), tr(known.name)});
    return regions;
}

QString ProfileFields::urlProblem(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
        || url.host().isEmpty())
        return tr("An address that starts with https:// (or http://), such as "
                  "https://ram.aliyuncs.com.");
    return {};
}

bool ProfileFields::isPlainToken(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c > u' ' && c < u'\x7f'; });
}

QString ProfileFields::caCertificateProblem(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable())
        return tr("There is no readable file at this path.");
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty())
        return tr("The file holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    return {};
}

QUrl ProfileFields::urlFrom(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QUrl() : QUrl(trimmed, QUrl::StrictMode);
}

QString ProfileFields::displayNameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("A name is required.");
    if (std::any_of(name.cbegin(), name.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return tr("No control characters (tabs, line breaks).");
    return {};
}

QString ProfileFields::endpointProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The endpoint is required: the address of the service's management API.");
    if (QString problem = urlProblem(text); !problem.isEmpty())
        return problem;
    return EndpointPolicy::plainHttpProblem(urlFrom(text));
}

QString ProfileFields::dataEndpointProblem(const QString &text, const QString &endpoint) const
{
    if (!dataEndpoint)
        return {};
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty()) {
        if (QString problem = urlProblem(trimmed); !problem.isEmpty())
            return problem;
        if (QString problem = EndpointPolicy::plainHttpProblem(urlFrom(trimmed));
            !problem.isEmpty())
            return problem;
    }
    // TablestoreService refuses to send an API key over plain HTTP (seed 000).
    const QUrl dataPlane = trimmed.isEmpty() ? urlFrom(endpoint) : urlFrom(text);
    if (httpsDataPlane && dataPlane.isValid() && dataPlane.scheme() == u"http"_s)
        return tr("Tablestore's API keys need HTTPS: give an https:// data endpoint.");
    return {};
}

QString ProfileFields::accessKeyIdProblem(const QString &id)
{
    return identifierProblem(id, tr("The AccessKey ID is required: it signs every call."),
                             tr("An AccessKey ID has no spaces or special characters."));
}

QString ProfileFields::secretProblem(const QString &secret, bool editing)
{
    const QString trimmed = secret.trimmed();
    if (trimmed.isEmpty())
        return editing ? QString() : tr("The AccessKey secret is required.");
    if (!isPlainToken(trimmed))
        return tr("An AccessKey secret has no spaces or special characters.");
    return {};
}

QString ProfileFields::workspaceIdProblem(const QString &id) const
{
    if (!workspace || isPlainToken(id.trimmed()))
        return {};
    return tr("A workspace ID has no spaces or special characters.");
}

QString ProfileFields::orgIdProblem(const QString &id) const
{
    if (!orgAndProject)
        return {};
    return identifierProblem(
        id, tr("The organization ID is required: OceanBase asks for it on every call."),
        tr("An ID has no spaces or special characters."));
}

QString ProfileFields::projectIdProblem(const QString &id) const
{
    if (!orgAndProject)
        return {};
    return identifierProblem(id,
                             tr("The project ID is required: OceanBase asks for it on every call."),
                             tr("An ID has no spaces or special characters."));
}

QString ProfileFields::instanceNameProblem(const QString &name) const
{
    if (!instance)
        return {};
    return identifierProblem(
        name, tr("The instance name is required: Tablestore's API keys belong to an instance."),
        tr("An instance name has no spaces or special characters."));
}

} // namespace keydesk
