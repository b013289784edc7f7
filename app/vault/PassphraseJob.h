#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

class ConsolePassphrase;
class VaultJob;

// One operation on the console passphrase, in QtKeychain's shape: ConsolePassphrase creates
// it, the caller connects finished() and calls start(). Argon2id runs on a worker thread
// (QtConcurrent), so the calling thread, the GUI's, never waits for it. Reports exactly once,
// always from the event loop, then deletes itself unless setAutoDelete(false).
class PassphraseJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation { CheckIsSet, SetInitial, Verify, Change };
    Q_ENUM(Operation)

    enum class Error {
        NoError,
        NotSet, // no passphrase has been set yet: setInitial() first
        AlreadySet, // setInitial() while one exists: change() it with the old one
        EmptyPassphrase,
        WrongPassphrase, // counted; retryAfter() is the delay now in force
        TooSoon, // refused unchecked during a delay; retryAfter() is the time left
        Busy, // another passphrase check or change is running
        NoBackend, // the keychain's errors, as VaultJob::Error
        Locked,
        Other,
    };
    Q_ENUM(Error)

    ~PassphraseJob() override;

    void start();

    Operation operation() const { return m_operation; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    bool isSet() const { return m_isSet; } // CheckIsSet: whether a passphrase exists
    std::chrono::milliseconds retryAfter() const { return m_retryAfter; }
    int failedAttempts() const { return m_failedAttempts; } // consecutive, after this job

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(PassphraseJob *job);

private:
    friend class ConsolePassphrase;

    struct Argon2Outcome
    {
        bool matched = false; // Verify, Change: the passphrase matched the stored verifier
        QByteArray newVerifier; // SetInitial, Change: the verifier to store
    };

    PassphraseJob(ConsolePassphrase *owner, Operation operation, QByteArrayView passphrase,
                  QByteArrayView newPassphrase);

    void attemptsRead(VaultJob *job);
    void readVerifier();
    void verifierRead(VaultJob *job);
    void writeAttempts(int failures, const std::function<void(VaultJob *)> &then);
    void runArgon2(const QByteArray &verifier);
    void argon2Finished();
    void writeVerifier(const QByteArray &verifier);
    void verifierWritten(VaultJob *job);
    void wrongPassphrase();
    void finishWithVaultError(const VaultJob *job);
    void finishLater(Error error, const QString &errorString);
    void finish(Error error, const QString &errorString);

    QPointer<ConsolePassphrase> m_owner;
    Operation m_operation;
    QByteArray m_passphrase; // own copies, wiped; handed to the worker when it starts
    QByteArray m_newPassphrase;
    QFutureWatcher<Argon2Outcome> *m_argon2 = nullptr;
    Error m_error = Error::NoError;
    QString m_errorString;
    bool m_isSet = false;
    std::chrono::milliseconds m_retryAfter {0};
    int m_failedAttempts = 0;
    bool m_claimed = false;
    bool m_started = false;
    bool m_autoDelete = true;
};
