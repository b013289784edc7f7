#include "services/KeyService.h"

#include "net/AcsRequest.h"
#include "net/HttpClient.h"
#include "vault/SecretBytes.h"

#include <QJsonValue>

namespace keydesk {

KeyJob::KeyJob(QObject *parent)
    : QObject(parent)
{ }

KeyJob::~KeyJob()
{
    m_secret.fill('\0');
}

void KeyJob::setSecret(const QByteArray &secret, const QDateTime &expires)
{
    m_secret.fill('\0');
    m_secret = secret;
    m_secretExpires = expires;
}

void KeyJob::track(HttpJob *job)
{
    m_requests.append(job);
}

void KeyJob::cancel()
{
    if (m_finished)
        return;
    for (const QPointer<HttpJob> &request : std::as_const(m_requests)) {
        if (request)
            request->cancel();
    }
}

void KeyJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    deleteLater();
}

void KeyJob::fail(const KeyError &error)
{
    m_error = error;
    finish();
}

void KeyJob::finishLater(const KeyError &error)
{
    m_error = error;
    QMetaObject::invokeMethod(this, &KeyJob::finish, Qt::QueuedConnection);
}

KeyService::KeyService(Profile profile, QByteArray secret, HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_profileSecret(secret)
    , m_client(client)
{
    // Moved in, this was the only copy; shared, it is the caller's (a test's account, the
    // window's), which must stay as it is.
    if (secret.isDetached())
        wipeSecret(secret);
}

KeyService::~KeyService() = default; // m_profileSecret wipes itself

KeyJob *KeyService::unsupported(const QString &what)
{
    auto *job = new KeyJob(this);
    job->finishLater(
        KeyError::make(KeyError::Kind::NotPermitted,
                       tr("%1 does not support %2.").arg(serviceDisplayName(kind()), what)));
    return job;
}

void KeyService::sendFor(KeyJob *job, HttpRequestSpec spec, ReplyReader reader)
{
    job->track(sendGuarded(job, std::move(spec), std::move(reader)));
}

HttpJob *KeyService::send(HttpRequestSpec spec) const
{
    spec.caCertificatePath = profile().caCertificatePath;
    // Listings are signed, repeatable reads and keep their connections. A call that changes
    // something (create: the value comes back) or is not signed with the profile's secret (a
    // test sends the value itself) gets a connection of its own, closed and freed after it.
    spec.ownConnection = spec.ownConnection || !spec.idempotent || !spec.sign;
    return m_client->send(std::move(spec));
}

HttpJob *KeyService::sendGuarded(QObject *job, HttpRequestSpec spec, ReplyReader reader)
{
    HttpJob *reply = send(std::move(spec));
    QPointer<QObject> guard(job);
    connect(reply, &HttpJob::finished, this, [guard, reader = std::move(reader)](HttpJob *done) {
        if (guard)
            reader(*done);
    });
    return reply;
}

void KeyService::finishWithValue(KeyJob *job, const HttpJob &reply, const QJsonValue &item,
                                 KeyItemReader readItem)
{
    ApiKey key;
    QString value;
    if (!readItem(item, key, &value))
        return job->fail(badAcsResponse(reply, tr("The answer has no key.")));
    if (value.isEmpty() || value.contains(u'*'))
        return job->fail(badAcsResponse(reply, tr("The answer does not hold the key's value.")));
    job->setKey(key);
    job->setSecret(value.toUtf8());
    value.fill(u'\0');
    job->finish();
}

KeyJob *KeyService::revealKey(const QString &, const QString &)
{
    return unsupported(tr("showing a key's value again"));
}

KeyJob *KeyService::setKeyEnabled(const QString &, bool)
{
    return unsupported(tr("disabling keys"));
}

KeyJob *KeyService::testKeyOf(const ApiKey &, const QByteArray &value)
{
    return testKey(value);
}

KeyJob *KeyService::createTemporaryKey(const QByteArray &, int)
{
    return unsupported(tr("temporary keys"));
}

} // namespace keydesk
