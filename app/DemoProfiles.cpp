#include "DemoProfiles.h"

#include "SandboxLauncher.h"
#include "vault/SecretBytes.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// Reads the fields of demo-account.json; the first one missing is the file's error.
class DemoReader
{
public:
    explicit DemoReader(QJsonObject root)
        : m_root(std::move(root))
    { }

    QString text(const QString &object, const QString &field)
    {
        const QJsonValue value
            = object.isEmpty() ? m_root.value(field) : m_root.value(object).toObject().value(field);
        if (!value.isString() || value.toString().isEmpty()) {
            if (m_missing.isEmpty())
                m_missing = object.isEmpty() ? field : object + u'.' + field;
            return {};
        }
        return value.toString();
    }

    const QString &missing() const { return m_missing; }

private:
    QJsonObject m_root;
    QString m_missing;
};

} // namespace

DemoProfiles DemoProfiles::fromLauncher(const SandboxLauncher &launcher)
{
    return fromFile(launcher.demoAccountPath(), launcher.certificatePath());
}

DemoProfiles DemoProfiles::fromFile(const QString &demoAccountPath, const QString &certificatePath)
{
    DemoProfiles demo;
    QFile file(demoAccountPath);
    if (!file.open(QIODevice::ReadOnly)) {
        demo.m_error = {Error::Kind::Missing,
                        tr("The sandbox's demo account %1 cannot be read: %2. Start the sandbox "
                           "with --demo.")
                            .arg(demoAccountPath, file.errorString())};
        return demo;
    }
    if (!QFileInfo::exists(certificatePath)) {
        demo.m_error = {Error::Kind::Missing,
                        tr("The sandbox's certificate %1 is missing.").arg(certificatePath)};
        return demo;
    }
    QByteArray json = file.readAll();
    demo.read(json, certificatePath);
    wipeSecret(json); // it holds every demo secret
    return demo;
}

DemoProfiles::~DemoProfiles()
{
    for (QByteArray &secret : m_secrets)
        wipeSecret(secret);
}

const QList<Profile> &DemoProfiles::profiles() const
{
    return m_profiles;
}

QByteArray DemoProfiles::secret(const QString &profileId) const
{
    return detachedSecretCopy(m_secrets.value(profileId));
}

QString DemoProfiles::profileId(ServiceKind service)
{
    return u"sandbox-"_s + serviceId(service);
}

void DemoProfiles::read(const QByteArray &json, const QString &certificatePath)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        m_error = {Error::Kind::Malformed,
                   tr("The sandbox's demo account is not a JSON object: %1.")
                       .arg(parseError.errorString())};
        return;
    }
    DemoReader reader(document.object());
    const QUrl https(reader.text(u"endpoints"_s, u"https"_s), QUrl::StrictMode);
    const QString rootId = reader.text(u"root"_s, u"accessKeyId"_s);
    const QString rootSecret = reader.text(u"root"_s, u"accessKeySecret"_s);
    const QString workspaceId = reader.text(u"modelStudio"_s, u"defaultWorkspaceId"_s);
    const QString region = reader.text(u"modelStudio"_s, u"region"_s);
    const QString instanceName = reader.text(u"tablestore"_s, u"instanceName"_s);
    const QString obId = reader.text(u"oceanbase"_s, u"accessKeyId"_s);
    const QString obSecret = reader.text(u"oceanbase"_s, u"accessKeySecret"_s);
    const QString orgId = reader.text(u"oceanbase"_s, u"orgId"_s);
    const QString projectId = reader.text(u"oceanbase"_s, u"projectId"_s);
    if (!reader.missing().isEmpty() || !https.isValid() || https.scheme() != u"https"_s) {
        m_error = {Error::Kind::Malformed,
                   reader.missing().isEmpty()
                       ? tr("The sandbox's demo account has no HTTPS endpoint.")
                       : tr("The sandbox's demo account has no %1.").arg(reader.missing())};
        return;
    }

    const auto make = [&](ServiceKind service, const QString &accessKeyId) {
        Profile profile;
        profile.id = profileId(service);
        profile.service = service;
        profile.displayName = tr("%1 (sandbox)").arg(serviceDisplayName(service));
        profile.endpoint = https;
        profile.accessKeyId = accessKeyId;
        profile.caCertificatePath = certificatePath;
        return profile;
    };
    const auto keep = [this](const Profile &profile, const QString &secret) {
        m_secrets.insert(profile.id, secret.toUtf8());
        m_profiles.append(profile);
    };
    // Every Alibaba Cloud service signs with the root AccessKey: DashVector lets only the root
    // account manage keys, and the RAM page itself warns that the pair is the root's.
    keep(make(ServiceKind::Ram, rootId), rootSecret);
    Profile studio = make(ServiceKind::ModelStudio, rootId);
    studio.workspaceId = workspaceId;
    studio.region = region;
    keep(studio, rootSecret);
    keep(make(ServiceKind::DashVector, rootId), rootSecret);
    Profile tablestore = make(ServiceKind::Tablestore, rootId);
    tablestore.instanceName = instanceName;
    keep(tablestore, rootSecret);
    Profile oceanBase = make(ServiceKind::OceanBase, obId);
    oceanBase.orgId = orgId;
    oceanBase.projectId = projectId;
    keep(oceanBase, obSecret);
}

} // namespace keydesk
