#pragma once

#include "vault/PassphraseJob.h"
#include "vault/VaultJob.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

// Runs one vault or passphrase job to its end and keeps what it reported. Jobs report from
// the event loop, so the test waits on the finished() signal; the job is not auto-deleted so
// that its results can be read afterwards.
struct JobResult
{
    bool finished = false;
    int signalCount = 0;
    VaultJob::Error vaultError = VaultJob::Error::Other;
    PassphraseJob::Error passphraseError = PassphraseJob::Error::Other;
    QString errorString;
    QByteArray secret;
    PassphraseJob *passphraseJob = nullptr; // valid until the result goes away
    std::shared_ptr<QObject> owner;
};

inline JobResult runJob(VaultJob *job, int timeoutMs = 20000)
{
    JobResult result;
    result.owner.reset(job);
    job->setAutoDelete(false);
    QSignalSpy spy(job, &VaultJob::finished);
    job->start();
    result.finished = !spy.isEmpty() || spy.wait(timeoutMs);
    result.signalCount = int(spy.count());
    result.vaultError = job->error();
    result.errorString = job->errorString();
    result.secret = job->takeSecret();
    return result;
}

inline JobResult runJob(PassphraseJob *job, int timeoutMs = 20000)
{
    JobResult result;
    result.owner.reset(job);
    job->setAutoDelete(false);
    QSignalSpy spy(job, &PassphraseJob::finished);
    job->start();
    result.finished = !spy.isEmpty() || spy.wait(timeoutMs);
    result.signalCount = int(spy.count());
    result.passphraseError = job->error();
    result.errorString = job->errorString();
    result.passphraseJob = job;
    return result;
}

// secret-tool (libsecret-tools) looks at the keychain from outside KeyDesk's process.
struct ToolOutput
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ToolOutput secretTool(const QStringList &arguments)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), arguments);
    ToolOutput output;
    if (!tool.waitForFinished(20000) || tool.exitStatus() != QProcess::NormalExit)
        return output;
    output.exitCode = tool.exitCode();
    output.out = tool.readAllStandardOutput();
    output.err = tool.readAllStandardError();
    return output;
}
