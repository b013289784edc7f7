#pragma once

#include "VaultJob.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QDBusPendingCallWatcher;

// The items of one keychain service ("KeyDesk/<profileId>"), straight from the Secret Service
// over D-Bus, since QtKeychain cannot enumerate: SearchItems with the attribute `server` = the
// service (QtKeychain's libsecret schema), then each item's `user` attribute (the key). list()
// reports the keys; remove() deletes every item, or only those of the given keys, and says how
// many it deleted. Locked items are unlocked if the Secret Service can do so without a prompt;
// otherwise they stay, are counted in lockedCount(), and the job fails with Locked. No value
// is ever read. Like VaultJob: connect finished(), call start(); it reports once, from the
// event loop, then deletes itself.
class SecretServiceItems : public QObject
{
    Q_OBJECT

public:
    enum class Operation { List, Remove };
    Q_ENUM(Operation)
    using Error = VaultJob::Error; // NoError, NoBackend, Locked or Other

    static SecretServiceItems *list(const QString &service);
    // keys empty: every item of the service.
    static SecretServiceItems *remove(const QString &service, const QStringList &keys = {});

    void start();

    Operation operation() const { return m_operation; }
    QString service() const { return m_service; }
    QStringList keys() const; // the keys of the service's items found, sorted
    int removedCount() const { return m_removed; }
    int lockedCount() const { return m_locked; } // Remove: items left because locked
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void finished(SecretServiceItems *job);

private:
    SecretServiceItems(Operation operation, const QString &service, const QStringList &keys);

    QDBusPendingCallWatcher *call(const QString &path, const QString &interface,
                                  const QString &method, const QVariantList &arguments);
    void searched(QDBusPendingCallWatcher *watcher);
    void attributesRead(const QString &path, QDBusPendingCallWatcher *watcher);
    void removeFound();
    void unlocked(QDBusPendingCallWatcher *watcher);
    void deleteItems(const QStringList &paths);
    void itemDeleted(QDBusPendingCallWatcher *watcher);
    void finish(Error error, const QString &errorString);
    void failWith(const QString &busError, const QString &message);

    Operation m_operation;
    QString m_service;
    QStringList m_wanted; // Remove: only these keys; empty: all
    QHash<QString, QString> m_keyOf; // item path → its key
    QStringList m_lockedPaths;
    int m_pending = 0;
    int m_removed = 0;
    int m_locked = 0;
    bool m_started = false;
    bool m_failed = false;
    Error m_error = Error::NoError;
    QString m_errorString;
};
