#include "SandboxFixture.h"

#include "protocol/Base32.h"
#include "protocol/Totp.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

SandboxFixture::SandboxFixture() = default;

SandboxFixture::~SandboxFixture() = default;

bool SandboxFixture::start(const QStringList &extraArguments)
{
    m_extraArguments = extraArguments;
    SandboxLauncher::Options options;
    options.program = QStringLiteral(KEYDESK_SANDBOX_PROGRAM);
    options.dataDir = m_dir.path();
    options.demo = false;
    options.tls = true;
    options.enableAdmin = true;
    options.extraArguments = extraArguments;
    m_launcher = std::make_unique<SandboxLauncher>(options);

    QEventLoop loop;
    bool ok = false;
    QObject::connect(m_launcher.get(), &SandboxLauncher::started, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(m_launcher.get(), &SandboxLauncher::failed, &loop, [&](const QString &reason) {
        m_error = reason;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, [&] {
        m_error = u"the sandbox did not start within 30 s"_s;
        loop.quit();
    });
    m_launcher->start();
    loop.exec();
    if (ok) {
        QFile cert(m_launcher->certificatePath());
        if (cert.open(QIODevice::ReadOnly))
            m_http.trust(QSslCertificate(cert.readAll()));
    }
    return ok;
}

bool SandboxFixture::restart()
{
    m_launcher->stop();
    return start(m_extraArguments);
}

void SandboxFixture::kill()
{
    m_launcher->kill();
}

SandboxAccount SandboxFixture::createAccount(bool withMfa)
{
    QUrl url = http();
    url.setPath(u"/_sandbox/accounts"_s);
    const HttpResult result = m_http.send(
        "POST", url, {{"content-type", "application/json"}},
        QJsonDocument(QJsonObject {{u"mfa"_s, withMfa}}).toJson(QJsonDocument::Compact));
    SandboxAccount account;
    account.details = result.json;
    account.accountId = result.json.value(u"accountId"_s).toString();
    const QJsonObject root = result.json.value(u"root"_s).toObject();
    account.root.accessKeyId = root.value(u"accessKeyId"_s).toString().toLatin1();
    account.root.accessKeySecret = root.value(u"accessKeySecret"_s).toString().toLatin1();
    account.mfaSecret
        = protocol::base32Decode(result.json.value(u"mfaSecret"_s).toString().toLatin1())
              .value_or(QByteArray());
    return account;
}

protocol::AcsCredentials SandboxFixture::createRamUser(const SandboxAccount &account,
                                                       const QString &userName)
{
    const auto version = u"2015-05-01"_s;
    m_http.rpc(http(), account.root, version, u"CreateUser"_s, {{u"UserName"_s, userName}});
    const HttpResult key = m_http.rpc(http(), account.root, version, u"CreateAccessKey"_s,
                                      {{u"UserName"_s, userName}});
    const QJsonObject ak = key.json.value(u"AccessKey"_s).toObject();
    return {ak.value(u"AccessKeyId"_s).toString().toLatin1(),
            ak.value(u"AccessKeySecret"_s).toString().toLatin1(),
            {}};
}

qint64 SandboxFixture::serverNowSeconds()
{
    QUrl url = http();
    url.setPath(u"/_sandbox/clock"_s);
    return m_http.send("GET", url).json.value(u"nowSeconds"_s).toInteger();
}

void SandboxFixture::advanceClock(qint64 seconds)
{
    QUrl url = http();
    url.setPath(u"/_sandbox/clock"_s);
    const HttpResult result = m_http.send(
        "POST", url, {{"content-type", "application/json"}},
        QJsonDocument(QJsonObject {{u"advanceSeconds"_s, seconds}}).toJson(QJsonDocument::Compact));
    m_http.setClockOffset(result.json.value(u"offsetSeconds"_s).toInteger());
}

QString SandboxFixture::totp(const SandboxAccount &account, int stepsAhead)
{
    return protocol::totpCode(account.mfaSecret, serverNowSeconds() + 30LL * stepsAhead);
}
