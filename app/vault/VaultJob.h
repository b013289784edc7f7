#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

namespace QKeychain {
class Job;
}
class SecretServiceDiagnosis;

// One keychain operation on one secret (read, write or delete), in QtKeychain's shape: create
// it (CredentialVault does), connect finished(), call start(). It reports exactly once, always
// from the event loop, then deletes itself unless setAutoDelete(false).
//
// There is no insecure fallback (DESIGN.md §4): when no Secret Service answers, every job
// fails with NoBackend and nothing is written anywhere. Values are stored as binary data
// (QtKeychain's "base64" type), so any byte sequence survives; copies the job holds are zeroed
// when it is done with them.
class VaultJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Delete };
    Q_ENUM(Operation)

    enum class Error {
        NoError,
        NoBackend, // no D-Bus session bus, or no Secret Service on it
        Locked, // the keychain is locked, or it refused access
        NotFound, // Read only: nothing is stored under this service and key
        Other, // anything else, including an empty service, key or value
    };
    Q_ENUM(Error)

    VaultJob(Operation operation, const QString &service, const QString &key,
             QObject *parent = nullptr);
    ~VaultJob() override;

    // Write only: the value to store. The job keeps its own copy and wipes it when done.
    void setSecret(QByteArrayView secret);

    void start();

    Operation operation() const { return m_operation; }
    QString service() const { return m_service; }
    QString key() const { return m_key; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    // Read only: hands the value over; the job keeps no copy. The caller wipes it
    // (wipeSecret()) when done. Empty before the job succeeded.
    QByteArray takeSecret();

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(VaultJob *job);

private:
    void keychainFinished(QKeychain::Job *job);
    void diagnose(Error fallback, const QString &keychainMessage);
    void diagnosed();
    void finish(Error error, const QString &errorString);
    QString describe(Error error, const QString &detail) const;

    Operation m_operation;
    QString m_service;
    QString m_key;
    QByteArray m_secret;
    Error m_error = Error::NoError;
    QString m_errorString;
    Error m_fallbackError = Error::Other;
    QString m_keychainMessage;
    SecretServiceDiagnosis *m_diagnosis = nullptr;
    QPointer<QKeychain::Job> m_keychainJob; // set while QtKeychain works on this job
    bool m_started = false;
    bool m_autoDelete = true;
};
