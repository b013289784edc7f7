#include "DemoSandbox.h"

#include "protocol/Base32.h"
#include "services/ServiceFactory.h"
#include "vault/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace keydesk;

DemoSandbox::DemoSandbox() = default;

DemoSandbox::~DemoSandbox()
{
    wipeSecret(m_account.root.accessKeySecret);
    wipeSecret(m_account.mfaSecret);
}

QList<ServiceKind> DemoSandbox::services()
{
    return {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
            ServiceKind::Tablestore, ServiceKind::OceanBase};
}

bool DemoSandbox::start()
{
    m_demo.reset();
    m_sandbox = std::make_unique<SandboxFixture>(); // a fresh directory, a fresh account
    if (!m_sandbox->start({u"--demo"_s})) {
        m_error = m_sandbox->errorString();
        return false;
    }
    const QDir dir(m_sandbox->dataDir());
    const QString accountPath = dir.filePath(u"demo-account.json"_s);
    m_demo = std::make_unique<DemoProfiles>(
        DemoProfiles::fromFile(accountPath, dir.filePath(u"tls/sandbox-cert.pem"_s)));
    if (m_demo->error()) {
        m_error = m_demo->error().message;
        return false;
    }

    // DemoProfiles leaves the MFA device out (the console has no use for it); tests need it.
    QFile file(accountPath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return false;
    }
    QByteArray json = file.readAll();
    const QJsonObject details = QJsonDocument::fromJson(json).object();
    wipeSecret(json);
    wipeSecret(m_account.root.accessKeySecret);
    wipeSecret(m_account.mfaSecret);
    m_account = {};
    m_account.accountId = details.value(u"accountId"_s).toString();
    const QJsonObject root = details.value(u"root"_s).toObject();
    m_account.root.accessKeyId = root.value(u"accessKeyId"_s).toString().toLatin1();
    m_account.root.accessKeySecret = root.value(u"accessKeySecret"_s).toString().toLatin1();
    m_account.mfaSecret
        = protocol::base32Decode(details.value(u"mfaSecret"_s).toString().toLatin1())
              .value_or(QByteArray());
    if (m_account.mfaSecret.isEmpty()) {
        m_error = u"the demo account has no MFA device"_s;
        return false;
    }
    m_error.clear();
    return true;
}

Profile DemoSandbox::profile(ServiceKind service) const
{
    for (const Profile &profile : m_demo->profiles()) {
        if (profile.service == service)
            return profile;
    }
    return {};
}

QByteArray DemoSandbox::secret(ServiceKind service) const
{
    return m_demo->secret(DemoProfiles::profileId(service));
}

std::unique_ptr<KeyService> DemoSandbox::service(ServiceKind service)
{
    QByteArray profileSecret = secret(service);
    std::unique_ptr<KeyService> adapter
        = makeKeyService(profile(service), profileSecret, &m_client);
    wipeSecret(profileSecret);
    return adapter;
}

QString DemoSandbox::totp(int stepsAhead)
{
    return m_sandbox->totp(m_account, stepsAhead);
}

QString DemoSandbox::wrongCode()
{
    const QSet<QString> accepted {totp(-1), totp(), totp(1), totp(2)};
    for (int digit = 0;; ++digit) {
        QString code(6, QChar(u'0' + digit % 10));
        if (!accepted.contains(code))
            return code;
    }
}
