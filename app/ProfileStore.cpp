#include "ProfileStore.h"

#include "net/EndpointPolicy.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kGroup = u"profiles"_s;
const QString kService = u"service"_s;
const QString kDisplayName = u"displayName"_s;
const QString kRegion = u"region"_s;
const QString kEndpoint = u"endpoint"_s;
const QString kDataEndpoint = u"dataEndpoint"_s;
const QString kAccessKeyId = u"accessKeyId"_s;
const QString kWorkspaceId = u"workspaceId"_s;
const QString kOrgId = u"orgId"_s;
const QString kProjectId = u"projectId"_s;
const QString kInstanceName = u"instanceName"_s;
const QString kCaCertificatePath = u"caCertificatePath"_s;
const QString kTimeoutMs = u"timeoutMs"_s;

constexpr int kMinTimeoutMs = 1000;
constexpr int kMaxTimeoutMs = 600000;

// The context of this file's messages, as lupdate and the translator see it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
};

QString entryKey(const QString &id, const QString &field)
{
    return kGroup + u'/' + id + u'/' + field;
}

QString checkUrl(const QUrl &url, const QString &field)
{
    if (!url.isValid())
        return Text::tr("%1 is not a URL.").arg(field);
    if (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
        return Text::tr("%1 must start with https:// or http://.").arg(field);
    if (url.host().isEmpty())
        return Text::tr("%1 has no host.").arg(field);
    // Every call to a profile's endpoints carries its secret, a signature or a key value.
    if (const QString problem = EndpointPolicy::plainHttpProblem(url); !problem.isEmpty())
        return Text::tr("%1: %2").arg(field, problem);
    return {};
}

// Reads one entry field by field; the first thing wrong becomes the reason it is skipped.
class EntryReader
{
public:
    EntryReader(const QSettings &settings, QString id)
        : m_settings(settings)
        , m_id(std::move(id))
    { }

    QString text(const QString &field)
    {
        const QVariant value = m_settings.value(entryKey(m_id, field));
        if (!value.isValid())
            return {};
        // An INI value with an unquoted comma reads back as a list: a hand edit, not ours.
        if (value.metaType().id() != QMetaType::QString) {
            fail(Text::tr("%1 is not a single text value.").arg(field));
            return {};
        }
        return value.toString();
    }

    QUrl url(const QString &field)
    {
        const QString value = text(field);
        return value.isEmpty() ? QUrl() : QUrl(value, QUrl::StrictMode);
    }

    int number(const QString &field, int fallback)
    {
        const QString value = text(field);
        if (value.isEmpty())
            return fallback;
        bool ok = false;
        const int number = value.trimmed().toInt(&ok);
        if (!ok) {
            fail(Text::tr("%1 is not a whole number.").arg(field));
            return fallback;
        }
        return number;
    }

    void fail(const QString &reason)
    {
        if (m_reason.isEmpty())
            m_reason = reason;
    }

    const QString &reason() const { return m_reason; }

private:
    const QSettings &m_settings;
    QString m_id;
    QString m_reason;
};

// The profile under id, or the reason it cannot be read.
std::optional<Profile> readEntry(const QSettings &settings, const QString &id, QString &reason)
{
    if (!ProfileStore::isValidId(id)) {
        reason = Text::tr("The id may hold only letters, digits, '.', '_' and '-' (at most 64).");
        return std::nullopt;
    }
    EntryReader reader(settings, id);
    Profile profile;
    profile.id = id;
    const QString service = reader.text(kService);
    if (service.isEmpty())
        reader.fail(Text::tr("service is missing."));
    else if (!serviceFromId(service, profile.service))
        reader.fail(Text::tr("service \"%1\" is not a service KeyDesk knows.").arg(service));
    profile.displayName = reader.text(kDisplayName);
    profile.region = reader.text(kRegion);
    profile.endpoint = reader.url(kEndpoint);
    profile.dataEndpoint = reader.url(kDataEndpoint);
    profile.accessKeyId = reader.text(kAccessKeyId);
    profile.workspaceId = reader.text(kWorkspaceId);
    profile.orgId = reader.text(kOrgId);
    profile.projectId = reader.text(kProjectId);
    profile.instanceName = reader.text(kInstanceName);
    profile.caCertificatePath = reader.text(kCaCertificatePath);
    profile.timeoutMs = reader.number(kTimeoutMs, profile.timeoutMs);
    if (reader.reason().isEmpty())
        reader.fail(ProfileStore::validate(profile));
    reason = reader.reason();
    if (!reason.isEmpty())
        return std::nullopt;
    return profile;
}

bool lessForList(const Profile &a, const Profile &b)
{
    if (a.service != b.service)
        return static_cast<int>(a.service) < static_cast<int>(b.service);
    if (const int byName = a.displayName.localeAwareCompare(b.displayName); byName != 0)
        return byName < 0;
    return a.id < b.id;
}

} // namespace

ProfileStore::ProfileStore()
    : m_owned(std::make_unique<QSettings>(u"KeyDesk"_s, u"KeyDesk"_s))
    , m_settings(m_owned.get())
{ }

ProfileStore::ProfileStore(const QString &iniFilePath)
    : m_owned(std::make_unique<QSettings>(iniFilePath, QSettings::IniFormat))
    , m_settings(m_owned.get())
{ }

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{ }

ProfileStore::~ProfileStore() = default;

ProfileStore::Loaded ProfileStore::load() const
{
    Loaded loaded;
    m_settings->sync(); // picks up edits made since, by hand or by another console
    if (m_settings->status() != QSettings::NoError) {
        loaded.error
            = {Error::Kind::Storage,
               Text::tr("The settings file %1 cannot be read.").arg(m_settings->fileName())};
        return loaded;
    }
    m_settings->beginGroup(kGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &id : ids) {
        QString reason;
        if (std::optional<Profile> profile = readEntry(*m_settings, id, reason))
            loaded.profiles.append(std::move(*profile));
        else
            loaded.skipped.append({id, reason});
    }
    std::sort(loaded.profiles.begin(), loaded.profiles.end(), lessForList);
    return loaded;
}

std::optional<Profile> ProfileStore::find(const QString &id) const
{
    if (!contains(id))
        return std::nullopt;
    QString reason;
    return readEntry(*m_settings, id, reason);
}

ProfileStore::Error ProfileStore::add(Profile &profile)
{
    if (profile.id.isEmpty())
        profile.id = newId();
    if (const QString problem = validate(profile); !problem.isEmpty())
        return {Error::Kind::Invalid, problem};
    if (contains(profile.id))
        return {Error::Kind::AlreadyExists,
                Text::tr("A profile with the id %1 exists.").arg(profile.id)};
    return write(profile);
}

ProfileStore::Error ProfileStore::update(const Profile &profile)
{
    if (const QString problem = validate(profile); !problem.isEmpty())
        return {Error::Kind::Invalid, problem};
    if (!contains(profile.id))
        return {Error::Kind::NotFound,
                Text::tr("There is no profile with the id %1.").arg(profile.id)};
    return write(profile);
}

ProfileStore::Error ProfileStore::remove(const QString &id)
{
    if (!isValidId(id) || !contains(id))
        return {Error::Kind::NotFound, Text::tr("There is no profile with the id %1.").arg(id)};
    m_settings->remove(kGroup + u'/' + id);
    return sync();
}

QString ProfileStore::validate(const Profile &profile)
{
    if (!isValidId(profile.id))
        return Text::tr("The id may hold only letters, digits, '.', '_' and '-' (at most 64).");
    if (profile.displayName.trimmed().isEmpty())
        return Text::tr("displayName is missing.");
    if (profile.endpoint.isEmpty())
        return Text::tr("endpoint is missing.");
    if (QString problem = checkUrl(profile.endpoint, kEndpoint); !problem.isEmpty())
        return problem;
    if (!profile.dataEndpoint.isEmpty()) {
        if (QString problem = checkUrl(profile.dataEndpoint, kDataEndpoint); !problem.isEmpty())
            return problem;
    }
    if (profile.accessKeyId.trimmed().isEmpty())
        return Text::tr("accessKeyId is missing.");
    if (profile.service == ServiceKind::Tablestore && profile.instanceName.trimmed().isEmpty())
        return Text::tr("instanceName is missing: a Tablestore profile needs its instance.");
    if (profile.service == ServiceKind::OceanBase
        && (profile.orgId.trimmed().isEmpty() || profile.projectId.trimmed().isEmpty()))
        return Text::tr("orgId and projectId are needed: OceanBase asks for both on every call.");
    if (profile.timeoutMs < kMinTimeoutMs || profile.timeoutMs > kMaxTimeoutMs)
        return Text::tr("timeoutMs must be between %1 and %2.")
            .arg(kMinTimeoutMs)
            .arg(kMaxTimeoutMs);
    return {};
}

QString ProfileStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool ProfileStore::isValidId(const QString &id)
{
    // The id is a settings group and part of the keychain service "KeyDesk/<id>".
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'_' || c == u'-';
    });
}

bool ProfileStore::contains(const QString &id) const
{
    m_settings->beginGroup(kGroup);
    const bool found = m_settings->childGroups().contains(id);
    m_settings->endGroup();
    return found;
}

ProfileStore::Error ProfileStore::write(const Profile &profile)
{
    // Rewritten whole, so a field cleared or a key added by hand does not linger.
    m_settings->remove(kGroup + u'/' + profile.id);
    const auto put = [this, &profile](const QString &field, const QString &value) {
        if (!value.isEmpty())
            m_settings->setValue(entryKey(profile.id, field), value);
    };
    put(kService, serviceId(profile.service));
    put(kDisplayName, profile.displayName);
    put(kRegion, profile.region);
    put(kEndpoint, profile.endpoint.toString());
    put(kDataEndpoint, profile.dataEndpoint.toString());
    put(kAccessKeyId, profile.accessKeyId);
    put(kWorkspaceId, profile.workspaceId);
    put(kOrgId, profile.orgId);
    put(kProjectId, profile.projectId);
    put(kInstanceName, profile.instanceName);
    put(kCaCertificatePath, profile.caCertificatePath);
    put(kTimeoutMs, QString::number(profile.timeoutMs));
    return sync();
}

ProfileStore::Error ProfileStore::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return {Error::Kind::Storage,
                Text::tr("The settings file %1 cannot be written.").arg(m_settings->fileName())};
    return {};
}

} // namespace keydesk
