#include "SecretServiceDiagnosis.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

using namespace Qt::StringLiterals;

namespace {
// The Secret Service API (freedesktop.org), version 0.2.
const QString secretsService = u"org.freedesktop.secrets"_s;
const QString defaultCollectionPath = u"/org/freedesktop/secrets/aliases/default"_s;
constexpr int busTimeoutMs = 5000;
} // namespace

SecretServiceDiagnosis::SecretServiceDiagnosis(QObject *parent)
    : QObject(parent)
{ }

void SecretServiceDiagnosis::start()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString reason = bus.lastError().message();
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this, reason] { finish(State::NoSessionBus, reason); }, Qt::QueuedConnection);
        return;
    }
    QDBusMessage hasOwner
        = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                         u"org.freedesktop.DBus"_s, u"NameHasOwner"_s);
    hasOwner << secretsService;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(hasOwner, busTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            &SecretServiceDiagnosis::ownerChecked);
}

void SecretServiceDiagnosis::ownerChecked(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<bool> reply = *watcher;
    if (reply.isError()) {
        finish(State::NoSecretService, reply.error().message());
        return;
    }
    if (!reply.value()) {
        finish(State::NoSecretService, QString());
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        secretsService, defaultCollectionPath, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
    auto *next = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(get, busTimeoutMs), this);
    connect(next, &QDBusPendingCallWatcher::finished, this, &SecretServiceDiagnosis::lockChecked);
}

void SecretServiceDiagnosis::lockChecked(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<QDBusVariant> reply = *watcher;
    // No default collection at all is not a lock: leave the keychain's own message.
    if (!reply.isError() && reply.value().variant().toBool())
        finish(State::Locked, QString());
    else
        finish(State::Available, QString());
}

void SecretServiceDiagnosis::finish(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    Q_EMIT finished();
}
