#include "PassphraseJob.h"

#include "Argon2Verifier.h"
#include "ConsolePassphrase.h"
#include "SecretBytes.h"
#include "VaultJob.h"
#include "VaultLog.h"

#include <QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace std::chrono;

PassphraseJob::PassphraseJob(ConsolePassphrase *owner, Operation operation,
                             QByteArrayView passphrase, QByteArrayView newPassphrase)
    : m_owner(owner)
    , m_operation(operation)
    , m_passphrase(detachedSecretCopy(passphrase))
    , m_newPassphrase(detachedSecretCopy(newPassphrase))
{ }

PassphraseJob::~PassphraseJob()
{
    wipeSecret(m_passphrase);
    wipeSecret(m_newPassphrase);
    if (m_claimed && m_owner)
        m_owner->release(this);
}

void PassphraseJob::start()
{
    if (m_started) {
        qCWarning(lcVault) << "a passphrase job was started twice:" << m_operation;
        return;
    }
    m_started = true;
    qCDebug(lcVault) << "passphrase:" << m_operation;
    if (!m_owner) {
        finishLater(Error::Other, tr("The console passphrase is no longer available."));
        return;
    }
    const bool checks = m_operation == Operation::Verify || m_operation == Operation::Change;
    if (m_operation != Operation::CheckIsSet
        && (m_passphrase.isEmpty()
            || (m_operation == Operation::Change && m_newPassphrase.isEmpty()))) {
        finishLater(Error::EmptyPassphrase, tr("The passphrase must not be empty."));
        return;
    }
    if (checks && !m_owner->isRestored()) {
        // The count of an earlier run first: a restart does not clear the delay it earned.
        auto *read = new VaultJob(VaultJob::Operation::Read, ConsolePassphrase::serviceName(),
                                  ConsolePassphrase::attemptsKeyName());
        connect(read, &VaultJob::finished, this, &PassphraseJob::attemptsRead);
        read->start();
        return;
    }
    readVerifier();
}

void PassphraseJob::attemptsRead(VaultJob *job)
{
    if (job->error() != VaultJob::Error::NoError && job->error() != VaultJob::Error::NotFound) {
        finishWithVaultError(job);
        return;
    }
    if (!m_owner) {
        finish(Error::Other, tr("The console passphrase is no longer available."));
        return;
    }
    m_owner->restore(job->takeSecret());
    readVerifier();
}

void PassphraseJob::readVerifier()
{
    if (m_operation != Operation::CheckIsSet) {
        // Refused before anything is read or hashed: a wait costs the caller nothing.
        const milliseconds wait = m_owner->retryAfter();
        if (m_operation != Operation::SetInitial && wait > milliseconds(0)) {
            m_retryAfter = wait;
            finishLater(Error::TooSoon,
                        tr("Too many wrong passphrases: wait %n second(s) before trying again.",
                           nullptr, int(ceil<seconds>(wait).count())));
            return;
        }
        if (!m_owner->claim(this)) {
            finishLater(Error::Busy,
                        tr("Another passphrase check is running; wait for it to finish."));
            return;
        }
        m_claimed = true;
    }
    auto *read = new VaultJob(VaultJob::Operation::Read, ConsolePassphrase::serviceName(),
                              ConsolePassphrase::keyName());
    connect(read, &VaultJob::finished, this, &PassphraseJob::verifierRead);
    read->start();
}

void PassphraseJob::verifierRead(VaultJob *job)
{
    const bool found = job->error() == VaultJob::Error::NoError;
    if (!found && job->error() != VaultJob::Error::NotFound) {
        finishWithVaultError(job);
        return;
    }
    switch (m_operation) {
    case Operation::CheckIsSet:
        m_isSet = found;
        finish(Error::NoError, QString());
        return;
    case Operation::SetInitial:
        if (found)
            finish(Error::AlreadySet,
                   tr("A console passphrase is already set; change it with the current one."));
        else
            runArgon2(QByteArray());
        return;
    case Operation::Verify:
    case Operation::Change:
        break;
    }
    if (!found) {
        finish(Error::NotSet, tr("No console passphrase has been set yet."));
        return;
    }
    const QByteArray verifier = job->takeSecret();
    if (!Argon2Verifier::isArgon2id(verifier)) {
        finish(Error::Other,
               tr("The console passphrase stored in the keychain is not an Argon2id verifier."));
        return;
    }
    // Counted as wrong before it is checked, and cleared if it was right: a console killed
    // while Argon2id runs has still paid for the guess.
    writeAttempts(m_owner->failedAttempts() + 1, [this, verifier](VaultJob *written) {
        if (written->error() != VaultJob::Error::NoError)
            finishWithVaultError(written);
        else
            runArgon2(verifier);
    });
}

void PassphraseJob::writeAttempts(int failures, const std::function<void(VaultJob *)> &then)
{
    auto *write = new VaultJob(VaultJob::Operation::Write, ConsolePassphrase::serviceName(),
                               ConsolePassphrase::attemptsKeyName());
    write->setSecret(ConsolePassphrase::attemptsRecord(failures));
    connect(write, &VaultJob::finished, this, then);
    write->start();
}

void PassphraseJob::runArgon2(const QByteArray &verifier)
{
    // The worker takes the passphrases (this job keeps no copy) and wipes them when done, so
    // nothing is left behind if this job is deleted while Argon2id runs.
    auto work = [operation = m_operation, verifier, passphrase = std::exchange(m_passphrase, {}),
                 newPassphrase = std::exchange(m_newPassphrase, {})]() mutable {
        Argon2Outcome outcome;
        if (operation == Operation::SetInitial) {
            outcome.newVerifier = Argon2Verifier::make(passphrase);
        } else {
            outcome.matched = Argon2Verifier::matches(verifier, passphrase);
            if (outcome.matched && operation == Operation::Change)
                outcome.newVerifier = Argon2Verifier::make(newPassphrase);
        }
        wipeSecret(passphrase);
        wipeSecret(newPassphrase);
        return outcome;
    };
    m_argon2 = new QFutureWatcher<Argon2Outcome>(this);
    connect(m_argon2, &QFutureWatcherBase::finished, this, &PassphraseJob::argon2Finished);
    m_argon2->setFuture(QtConcurrent::run(std::move(work)));
}

void PassphraseJob::argon2Finished()
{
    const Argon2Outcome outcome = m_argon2->result();
    m_argon2->deleteLater();
    m_argon2 = nullptr;
    if (!m_owner) {
        finish(Error::Other, tr("The console passphrase is no longer available."));
        return;
    }
    if (m_operation != Operation::SetInitial) {
        if (!outcome.matched) {
            wrongPassphrase();
            return;
        }
        m_owner->recordSuccess();
    }
    if (m_operation != Operation::Verify && outcome.newVerifier.isEmpty()) {
        finish(Error::Other, tr("Argon2id could not get the memory it needs."));
        return;
    }
    // The count is cleared (or, for a new passphrase, started) in the keychain too; failing
    // to clear it only leaves an extra failure counted there.
    writeAttempts(0, [this, verifier = outcome.newVerifier](VaultJob *) {
        if (m_operation == Operation::Verify)
            finish(Error::NoError, QString());
        else
            writeVerifier(verifier);
    });
}

void PassphraseJob::wrongPassphrase()
{
    m_owner->recordFailure();
    m_retryAfter = m_owner->retryAfter();
    const int wait = int(ceil<seconds>(m_retryAfter).count());
    finish(Error::WrongPassphrase,
           wait > 0 ? tr("The passphrase is wrong. Wait %n second(s) before trying again.", nullptr,
                         wait)
                    : tr("The passphrase is wrong."));
}

void PassphraseJob::writeVerifier(const QByteArray &verifier)
{
    auto *write = new VaultJob(VaultJob::Operation::Write, ConsolePassphrase::serviceName(),
                               ConsolePassphrase::keyName());
    write->setSecret(verifier);
    connect(write, &VaultJob::finished, this, &PassphraseJob::verifierWritten);
    write->start();
}

void PassphraseJob::verifierWritten(VaultJob *job)
{
    if (job->error() != VaultJob::Error::NoError) {
        finishWithVaultError(job);
        return;
    }
    qCInfo(lcVault) << "console passphrase"
                    << (m_operation == Operation::Change ? "changed" : "set");
    if (m_owner && m_operation == Operation::SetInitial) {
        m_owner->recordSuccess(); // a new passphrase starts with no failures
        m_owner->markRestored();
    }
    finish(Error::NoError, QString());
}

void PassphraseJob::finishWithVaultError(const VaultJob *job)
{
    switch (job->error()) {
    case VaultJob::Error::NoBackend:
        finish(Error::NoBackend, job->errorString());
        return;
    case VaultJob::Error::Locked:
        finish(Error::Locked, job->errorString());
        return;
    case VaultJob::Error::NoError:
    case VaultJob::Error::NotFound:
    case VaultJob::Error::Other:
        break;
    }
    finish(Error::Other, job->errorString());
}

void PassphraseJob::finishLater(Error error, const QString &errorString)
{
    QMetaObject::invokeMethod(
        this, [this, error, errorString] { finish(error, errorString); }, Qt::QueuedConnection);
}

void PassphraseJob::finish(Error error, const QString &errorString)
{
    m_error = error;
    m_errorString = errorString;
    if (m_owner) {
        m_failedAttempts = m_owner->failedAttempts();
        if (m_claimed)
            m_owner->release(this);
    }
    m_claimed = false;
    if (error != Error::NoError)
        qCInfo(lcVault).noquote() << "passphrase" << m_operation << "failed:" << error
                                  << errorString;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}
