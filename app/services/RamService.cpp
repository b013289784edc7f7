#include "services/RamService.h"

#include "net/AcsRequest.h"
#include "services/AccessKeyInventory.h"
#include "services/PageGuard.h"
#include "services/RamCallQueue.h"
#include "vault/SecretBytes.h"

using namespace Qt::StringLiterals;

namespace keydesk {

// One listKeys(): the caller's own keys and, page by page, each RAM user's, with at most N
// calls in flight. A child of its KeyJob, so it goes when the job does.
class RamKeyLister : public QObject
{
public:
    RamKeyLister(RamService *service, KeyJob *job)
        : QObject(job)
        , m_service(service)
        , m_job(job)
        , m_queue(new RamCallQueue(service->profile(), service->profileSecret(), service->client(),
                                   this))
        , m_userPages(service->m_pageSize)
    {
        m_queue->setMaxInFlight(service->m_maxInFlight);
        connect(m_queue, &RamCallQueue::sent, job, &KeyJob::track);
    }

    void start()
    {
        // Slot 0: the caller's own keys (ListAccessKeys without UserName).
        m_keys.append(QList<ApiKey>());
        listKeysOf(0, {});
        requestUsers({});
    }

private:
    void requestUsers(const QString &marker)
    {
        protocol::QueryItems params {
            qMakePair(u"MaxItems"_s, QString::number(m_service->m_pageSize))};
        if (!marker.isEmpty())
            params.append(qMakePair(u"Marker"_s, marker));
        ++m_outstanding;
        // Urgent: the next page feeds the queue, so it goes before the users already queued.
        m_queue->enqueue(
            u"ListUsers"_s, std::move(params),
            [this](const KeyError &error, const QJsonObject &answer) {
                usersAnswered(error, answer);
            },
            true);
    }

    void listKeysOf(qsizetype slot, const QString &user)
    {
        protocol::QueryItems params;
        if (!user.isEmpty())
            params.append(qMakePair(u"UserName"_s, user));
        ++m_outstanding;
        ++m_total;
        m_queue->enqueue(u"ListAccessKeys"_s, std::move(params),
                         [this, slot](const KeyError &error, const QJsonObject &answer) {
                             keysAnswered(slot, error, answer);
                         });
    }

    void usersAnswered(const KeyError &error, const QJsonObject &answer)
    {
        --m_outstanding;
        if (error.kind == KeyError::Kind::NotPermitted) {
            m_ramUser = true; // a RAM user's key: its own keys are all it may list
        } else if (error) {
            fail(error);
            return;
        } else {
            QStringList users;
            QString marker;
            if (!parseRamUserPage(answer, users, marker)) {
                fail(ramBadAnswer(u"ListUsers"_s, answer));
                return;
            }
            if (const KeyError stop = ramPagingStop(m_userPages, users.size(), marker, answer)) {
                fail(stop);
                return;
            }
            for (const QString &user : std::as_const(users)) {
                m_users.append(user);
                m_keys.append(QList<ApiKey>());
                listKeysOf(m_keys.size() - 1, user);
            }
            if (!marker.isEmpty())
                requestUsers(marker);
        }
        finishIfDone();
    }

    void keysAnswered(qsizetype slot, const KeyError &error, const QJsonObject &answer)
    {
        --m_outstanding;
        ++m_done;
        // A user deleted while the list was being made has no keys left to show.
        if (error && !(error.kind == KeyError::Kind::NotFound && slot > 0)) {
            fail(error);
            return;
        }
        if (!error) {
            const QString owner = slot == 0 ? QString() : m_users.at(slot - 1);
            if (!parseRamAccessKeys(answer, owner, m_keys[slot])) {
                fail(ramBadAnswer(u"ListAccessKeys"_s, answer));
                return;
            }
        }
        Q_EMIT m_job->progress(m_done, m_total);
        finishIfDone();
    }

    void finishIfDone()
    {
        if (m_outstanding > 0)
            return;
        KeyList list;
        for (const QList<ApiKey> &keys : std::as_const(m_keys))
            list.keys += keys;
        list.usage.keyCount = static_cast<int>(list.keys.size());
        if (m_ramUser) // one owner: its limit is the list's
            list.usage.maxKeys = RamService::kMaxKeysPerOwner;
        m_service->listed(m_ramUser ? RamService::Caller::RamUser : RamService::Caller::RootAccount,
                          list.keys);
        m_job->setList(list);
        m_job->finish();
    }

    void fail(const KeyError &error)
    {
        m_queue->cancelAll();
        m_job->setError(error);
        m_job->finish();
    }

    RamService *m_service;
    KeyJob *m_job;
    RamCallQueue *m_queue;
    PageGuard m_userPages;
    QList<QList<ApiKey>> m_keys; // per slot: 0 the caller, then each user in ListUsers' order
    QStringList m_users; // slot i's user is m_users[i - 1]
    int m_outstanding = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_ramUser = false;
};

RamService::RamService(Profile profile, QByteArray secret, HttpClient *client, QObject *parent)
    : KeyService(std::move(profile), std::move(secret), client, parent)
{ }

RamService::~RamService() = default;

ServiceCapabilities RamService::capabilities() const
{
    ServiceCapabilities capabilities;
    capabilities.canDisable = true;
    capabilities.hasOwners = true;
    capabilities.ownerChosenOnCreate = true; // AccessKeys have no name
    return capabilities;
}

KeyJob *RamService::listKeys()
{
    auto *job = new KeyJob(this);
    (new RamKeyLister(this, job))->start();
    return job;
}

void RamService::listed(Caller caller, const QList<ApiKey> &keys)
{
    m_caller = caller;
    m_owners.clear();
    for (const ApiKey &key : keys)
        m_owners.insert(key.id, key.owner);
}

KeyJob *RamService::createKey(const CreateKeyRequest &request)
{
    protocol::QueryItems params;
    if (!request.owner.isEmpty())
        params.append(qMakePair(u"UserName"_s, request.owner));
    const QString owner = request.owner;
    return send(
        u"CreateAccessKey"_s, params,
        [this, owner](KeyJob *job, const QJsonObject &answer) { created(job, answer, owner); });
}

void RamService::created(KeyJob *job, const QJsonObject &answer, const QString &owner)
{
    const QJsonObject item = answer.value(u"AccessKey"_s).toObject();
    QString secret = item.value(u"AccessKeySecret"_s).toString();
    ApiKey key;
    if (!parseRamAccessKey(item, owner, key) || secret.isEmpty()) {
        job->setError(ramBadAnswer(u"CreateAccessKey"_s, answer));
        return;
    }
    m_owners.insert(key.id, owner);
    job->setKey(key);
    job->setSecret(secret.toUtf8());
    secret.fill(u'\0');
}

protocol::QueryItems RamService::keyParams(const QString &keyId) const
{
    protocol::QueryItems params {qMakePair(u"UserAccessKeyId"_s, keyId)};
    const QString owner = m_owners.value(keyId);
    if (!owner.isEmpty())
        params.append(qMakePair(u"UserName"_s, owner));
    return params;
}

KeyJob *RamService::setKeyEnabled(const QString &keyId, bool enabled)
{
    protocol::QueryItems params = keyParams(keyId);
    params.append(qMakePair(u"Status"_s, enabled ? u"Active"_s : u"Inactive"_s));
    ApiKey key;
    key.id = keyId;
    key.owner = m_owners.value(keyId);
    key.status = enabled ? KeyStatus::Active : KeyStatus::Inactive;
    return send(u"UpdateAccessKey"_s, params,
                [key](KeyJob *job, const QJsonObject &) { job->setKey(key); });
}

KeyJob *RamService::deleteKey(const QString &keyId, const QString &)
{
    return send(u"DeleteAccessKey"_s, keyParams(keyId),
                [this, keyId](KeyJob *, const QJsonObject &) { m_owners.remove(keyId); });
}

static bool isAccessKeyId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

KeyJob *RamService::testKey(const QByteArray &value)
{
    const qsizetype colon = value.indexOf(':');
    if (colon <= 0 || colon == value.size() - 1 || !isAccessKeyId(value.left(colon))) {
        auto *job = new KeyJob(this);
        job->finishLater(
            KeyError::make(KeyError::Kind::InvalidInput,
                           tr("A RAM AccessKey is tested as \"AccessKeyId:AccessKeySecret\".")));
        return job;
    }
    Profile pair = profile();
    pair.accessKeyId = QString::fromLatin1(value.left(colon));
    QByteArray secret = value.mid(colon + 1);
    HttpRequestSpec spec = acsRpcRequest(pair, secret, ramVersion(), u"ListAccessKeys"_s, {}, true);
    secret.fill('\0');
    return send(std::move(spec), {});
}

KeyJob *RamService::testKeyOf(const ApiKey &key, const QByteArray &value)
{
    if (value.contains(':'))
        return testKey(value); // a secret has no colon: this is a pasted pair
    QByteArray pair = testValue(key.id, value);
    KeyJob *job = testKey(pair);
    wipeSecret(pair);
    return job;
}

KeyJob *RamService::send(const QString &action, const protocol::QueryItems &params,
                         SuccessHandler onSuccess)
{
    // Writes: never retried, so a create that reached the server is not made twice.
    return send(acsRpcRequest(profile(), profileSecret(), ramVersion(), action, params, false),
                std::move(onSuccess));
}

KeyJob *RamService::send(HttpRequestSpec spec, SuccessHandler onSuccess)
{
    auto *job = new KeyJob(this);
    HttpJob *request = KeyService::send(std::move(spec));
    job->track(request);
    connect(request, &HttpJob::finished, job,
            [this, job, onSuccess = std::move(onSuccess)](HttpJob *answer) {
                answered(job, answer, onSuccess);
            });
    return job;
}

void RamService::answered(KeyJob *job, HttpJob *request, const SuccessHandler &onSuccess)
{
    QJsonObject answer;
    const KeyError error = acsAnswer(*request, answer);
    if (error)
        job->setError(error);
    else if (onSuccess)
        onSuccess(job, answer);
    job->finish();
}

AccessKeyInventory *RamService::inventory(QObject *parent) const
{
    return new AccessKeyInventory(profile(), profileSecret(), client(), parent);
}

QByteArray RamService::testValue(const QString &accessKeyId, const QByteArray &secret)
{
    return accessKeyId.toLatin1() + ':' + secret;
}

} // namespace keydesk
