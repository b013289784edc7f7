#include "SecretServiceItems.h"

#include "VaultLog.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The Secret Service API (freedesktop.org), version 0.2.
const QString secretsService = u"org.freedesktop.secrets"_s;
const QString servicePath = u"/org/freedesktop/secrets"_s;
const QString serviceInterface = u"org.freedesktop.Secret.Service"_s;
const QString itemInterface = u"org.freedesktop.Secret.Item"_s;
const QString noPrompt = u"/"_s;
constexpr int busTimeoutMs = 10000;

using Attributes = QMap<QString, QString>;

QStringList pathsOf(const QList<QDBusObjectPath> &objects)
{
    QStringList paths;
    for (const QDBusObjectPath &object : objects)
        paths.append(object.path());
    return paths;
}
} // namespace

SecretServiceItems *SecretServiceItems::list(const QString &service)
{
    return new SecretServiceItems(Operation::List, service, {});
}

SecretServiceItems *SecretServiceItems::remove(const QString &service, const QStringList &keys)
{
    return new SecretServiceItems(Operation::Remove, service, keys);
}

SecretServiceItems::SecretServiceItems(Operation operation, const QString &service,
                                       const QStringList &keys)
    : m_operation(operation)
    , m_service(service)
    , m_wanted(keys)
{
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered);
}

QStringList SecretServiceItems::keys() const
{
    QStringList keys = m_keyOf.values();
    std::sort(keys.begin(), keys.end());
    return keys;
}

void SecretServiceItems::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcVault) << "items of" << m_service << m_operation;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    QString problem;
    Error error = Error::NoBackend;
    if (m_service.isEmpty()) {
        error = Error::Other;
        problem = tr("A keychain search needs a service.");
    } else if (!bus.isConnected()) {
        problem = tr("No keychain is available: no D-Bus session bus.");
    }
    if (!problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, error, problem] { finish(error, problem); }, Qt::QueuedConnection);
        return;
    }
    const Attributes attributes {{u"server"_s, m_service}};
    connect(
        call(servicePath, serviceInterface, u"SearchItems"_s, {QVariant::fromValue(attributes)}),
        &QDBusPendingCallWatcher::finished, this, &SecretServiceItems::searched);
}

QDBusPendingCallWatcher *SecretServiceItems::call(const QString &path, const QString &interface,
                                                  const QString &method,
                                                  const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(secretsService, path, interface, method);
    message.setArguments(arguments);
    // Never start a Secret Service just to look: one started now would have a locked keyring.
    message.setAutoStartService(false);
    ++m_pending;
    return new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(message, busTimeoutMs), this);
}

void SecretServiceItems::searched(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    --m_pending;
    const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
    if (reply.isError()) {
        failWith(reply.error().name(), reply.error().message());
        return;
    }
    const QStringList unlockedPaths = pathsOf(reply.argumentAt<0>());
    m_lockedPaths = pathsOf(reply.argumentAt<1>());
    const QStringList all = unlockedPaths + m_lockedPaths;
    if (all.isEmpty()) {
        removeFound();
        return;
    }
    // An item's attributes can be read while it is locked; its secret is never asked for.
    for (const QString &path : all) {
        connect(call(path, u"org.freedesktop.DBus.Properties"_s, u"Get"_s,
                     {itemInterface, u"Attributes"_s}),
                &QDBusPendingCallWatcher::finished, this,
                [this, path](QDBusPendingCallWatcher *done) { attributesRead(path, done); });
    }
}

void SecretServiceItems::attributesRead(const QString &path, QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    --m_pending;
    const QDBusPendingReply<QDBusVariant> reply = *watcher;
    if (reply.isError()) {
        failWith(reply.error().name(), reply.error().message());
    } else {
        const auto attributes = qdbus_cast<Attributes>(reply.value().variant());
        // SearchItems matched the server already; another program's item with the same
        // server but no user is not one of ours.
        if (attributes.value(u"server"_s) == m_service && attributes.contains(u"user"_s))
            m_keyOf.insert(path, attributes.value(u"user"_s));
    }
    if (m_pending == 0 && !m_failed)
        removeFound();
}

void SecretServiceItems::removeFound()
{
    if (m_operation == Operation::List) {
        finish(Error::NoError, QString());
        return;
    }
    QStringList unlockedTargets;
    QList<QDBusObjectPath> lockedTargets;
    for (auto item = m_keyOf.cbegin(); item != m_keyOf.cend(); ++item) {
        if (!m_wanted.isEmpty() && !m_wanted.contains(item.value()))
            continue;
        if (m_lockedPaths.contains(item.key()))
            lockedTargets.append(QDBusObjectPath(item.key()));
        else
            unlockedTargets.append(item.key());
    }
    if (lockedTargets.isEmpty()) {
        deleteItems(unlockedTargets);
        return;
    }
    m_lockedPaths = unlockedTargets; // from here: the unlocked ones to delete either way
    connect(call(servicePath, serviceInterface, u"Unlock"_s, {QVariant::fromValue(lockedTargets)}),
            &QDBusPendingCallWatcher::finished, this, &SecretServiceItems::unlocked);
    m_locked = int(lockedTargets.size());
}

// Unlocking that needs a prompt is not done here: the keychain's own unlock (QtKeychain's,
// the desktop's) asks the person; these items stay and are reported as locked.
void SecretServiceItems::unlocked(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    --m_pending;
    const QDBusPendingReply<QList<QDBusObjectPath>, QDBusObjectPath> reply = *watcher;
    QStringList targets = m_lockedPaths;
    if (!reply.isError()) {
        const QStringList nowUnlocked = pathsOf(reply.argumentAt<0>());
        targets += nowUnlocked;
        m_locked -= int(nowUnlocked.size());
    }
    deleteItems(targets);
}

void SecretServiceItems::deleteItems(const QStringList &paths)
{
    if (paths.isEmpty()) {
        itemDeleted(nullptr);
        return;
    }
    for (const QString &path : paths)
        connect(call(path, itemInterface, u"Delete"_s, {}), &QDBusPendingCallWatcher::finished,
                this, &SecretServiceItems::itemDeleted);
}

void SecretServiceItems::itemDeleted(QDBusPendingCallWatcher *watcher)
{
    if (watcher) {
        watcher->deleteLater();
        --m_pending;
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            if (reply.error().name().endsWith(u".IsLocked"_s))
                ++m_locked;
            else
                m_errorString = reply.error().message();
        } else if (reply.value().path() == noPrompt) {
            ++m_removed;
        } else {
            ++m_locked; // the Secret Service wants to ask first: left as it is
        }
    }
    if (m_pending > 0)
        return;
    qCDebug(lcVault) << "removed" << m_removed << "items of" << m_service << "locked" << m_locked;
    if (m_locked > 0)
        finish(Error::Locked,
               tr("%n item(s) of the keychain are locked and were not removed. Unlock the "
                  "keychain and try again.",
                  "", m_locked));
    else if (!m_errorString.isEmpty())
        finish(Error::Other, tr("The keychain did not remove every item: %1").arg(m_errorString));
    else
        finish(Error::NoError, QString());
}

void SecretServiceItems::failWith(const QString &busError, const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    const bool noService = busError == u"org.freedesktop.DBus.Error.ServiceUnknown"_s
        || busError == u"org.freedesktop.DBus.Error.NameHasNoOwner"_s;
    if (noService)
        finish(Error::NoBackend,
               tr("No keychain is available: no Secret Service (org.freedesktop.secrets) on "
                  "the D-Bus session bus."));
    else if (busError.endsWith(u".IsLocked"_s))
        finish(Error::Locked, tr("The keychain is locked. Unlock it and try again."));
    else
        finish(Error::Other, tr("The keychain could not be searched: %1").arg(message));
}

void SecretServiceItems::finish(Error error, const QString &errorString)
{
    m_error = error;
    m_errorString = errorString;
    Q_EMIT finished(this);
    deleteLater();
}
