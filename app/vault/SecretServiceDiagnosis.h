#pragma once

#include <QObject>
#include <QString>

class QDBusPendingCallWatcher;

// Finds out why a keychain operation failed. QtKeychain's libsecret backend reports a missing
// session bus or Secret Service only as OtherError, and a read in a locked collection as
// EntryNotFound; the session bus itself can tell which it was. Asks it asynchronously, then
// reports once through finished().
class SecretServiceDiagnosis : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Available, // the Secret Service answers and its default collection is unlocked
        NoSessionBus,
        NoSecretService,
        Locked, // the default collection (where QtKeychain stores items) is locked
    };
    Q_ENUM(State)

    explicit SecretServiceDiagnosis(QObject *parent = nullptr);

    void start();
    State state() const { return m_state; }
    QString detail() const { return m_detail; } // for errorString(): what the bus said

Q_SIGNALS:
    void finished();

private:
    void ownerChecked(QDBusPendingCallWatcher *watcher);
    void lockChecked(QDBusPendingCallWatcher *watcher);
    void finish(State state, const QString &detail);

    State m_state = State::Available;
    QString m_detail;
};
