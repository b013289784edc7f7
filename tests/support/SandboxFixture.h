#pragma once

#include "SandboxLauncher.h"
#include "TestHttp.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

struct SandboxAccount
{
    QJsonObject details; // what POST /_sandbox/accounts answered
    QString accountId;
    keydesk::protocol::AcsCredentials root;
    QByteArray mfaSecret; // raw bytes, empty without an MFA device
};

// A real keydesk-sandbox on loopback (HTTP and HTTPS, admin hooks on) in a fresh directory,
// started through the console's own SandboxLauncher.
class SandboxFixture
{
public:
    SandboxFixture();
    ~SandboxFixture();

    bool start(const QStringList &extraArguments = {});
    bool restart(); // a clean stop and a start on the same data
    void kill(); // SIGKILL, as a crash would
    QString errorString() const { return m_error; }

    QUrl http() const { return m_launcher->httpUrl(); }
    QUrl https() const { return m_launcher->httpsUrl(); }
    QString dataDir() const { return m_dir.path(); }
    TestHttp &net() { return m_http; }

    SandboxAccount createAccount(bool withMfa = true);
    // Creates a RAM user with one AccessKey in the account, through the RAM API.
    keydesk::protocol::AcsCredentials createRamUser(const SandboxAccount &account,
                                                    const QString &userName);

    qint64 serverNowSeconds();
    void advanceClock(qint64 seconds);
    // The account's current TOTP code by the sandbox's clock, stepsAhead periods later.
    QString totp(const SandboxAccount &account, int stepsAhead = 0);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxLauncher> m_launcher;
    QStringList m_extraArguments;
    TestHttp m_http;
    QString m_error;
};
