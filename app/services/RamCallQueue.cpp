#include "services/RamCallQueue.h"

#include "net/AcsRequest.h"
#include "net/HttpClient.h"
#include "services/PageGuard.h"
#include "vault/SecretBytes.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace keydesk {

RamCallQueue::RamCallQueue(const Profile &profile, const QByteArray &secret, HttpClient *client,
                           QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secret(secret) // locked, of its own: may outlive the service that made it
    , m_client(client)
{ }

RamCallQueue::~RamCallQueue()
{
    cancelAll(); // m_secret wipes itself
}

void RamCallQueue::enqueue(const QString &action, protocol::QueryItems params, Handler handler,
                           bool urgent)
{
    Call call {action, std::move(params), std::move(handler)};
    if (urgent)
        m_queue.push_front(std::move(call));
    else
        m_queue.push_back(std::move(call));
    pump();
}

void RamCallQueue::cancelAll()
{
    m_queue.clear();
    const QHash<HttpJob *, Handler> inFlight = std::exchange(m_inFlight, {});
    if (!m_client)
        return;
    for (auto it = inFlight.keyBegin(); it != inFlight.keyEnd(); ++it) {
        (*it)->disconnect(this);
        (*it)->cancel();
    }
}

void RamCallQueue::pump()
{
    while (m_client && m_inFlight.size() < m_maxInFlight && !m_queue.empty()) {
        Call call = std::move(m_queue.front());
        m_queue.pop_front();
        HttpRequestSpec spec = acsRpcRequest(m_profile, m_secret.bytes(), ramVersion(), call.action,
                                             call.params, true);
        spec.maxReplyBytes = HttpRequestSpec::kListingReplyBytes; // listings and their details
        HttpJob *job = m_client->send(std::move(spec));
        m_inFlight.emplace(job, std::move(call.handler));
        connect(job, &HttpJob::finished, this, &RamCallQueue::callFinished);
        Q_EMIT sent(job);
    }
}

void RamCallQueue::callFinished(HttpJob *job)
{
    const Handler handler = m_inFlight.take(job);
    if (!handler)
        return;
    QJsonObject answer;
    const KeyError error = acsAnswer(*job, answer);
    // The handler may end the operation that owns this queue, and with it the queue.
    const QPointer<RamCallQueue> self(this);
    handler(error, answer);
    if (self)
        pump();
}

// A list of one may come as an object instead of an array (XML converted to JSON); both are
// read. Missing: an empty list only when the container itself is there.
static bool listItems(const QJsonObject &answer, const QString &container, const QString &item,
                      QJsonArray &items)
{
    const QJsonValue outer = answer.value(container);
    if (!outer.isObject())
        return false;
    const QJsonValue inner = outer.toObject().value(item);
    if (inner.isArray())
        items = inner.toArray();
    else if (inner.isObject())
        items = QJsonArray {inner};
    else if (inner.isUndefined() || inner.isNull())
        items = {};
    else
        return false;
    return true;
}

static bool parseDate(const QJsonValue &value, QDateTime &date)
{
    if (!value.isString())
        return false;
    date = QDateTime::fromString(value.toString(), Qt::ISODate);
    return date.isValid();
}

bool parseRamAccessKey(const QJsonObject &item, const QString &owner, ApiKey &key)
{
    key = {};
    key.service = ServiceKind::Ram;
    key.owner = owner;
    key.id = item.value(u"AccessKeyId"_s).toString();
    if (key.id.isEmpty() || !parseDate(item.value(u"CreateDate"_s), key.created))
        return false;
    const QString status = item.value(u"Status"_s).toString();
    if (status == u"Active"_s)
        key.status = KeyStatus::Active;
    else if (status == u"Inactive"_s)
        key.status = KeyStatus::Inactive;
    else
        return false;
    return true;
}

bool parseRamAccessKeys(const QJsonObject &answer, const QString &owner, QList<ApiKey> &keys)
{
    QJsonArray items;
    // A RAM user has at most two AccessKeys: a list of more than a hundred is no RAM answer.
    constexpr qsizetype maxKeys = 100;
    if (!listItems(answer, u"AccessKeys"_s, u"AccessKey"_s, items) || items.size() > maxKeys)
        return false;
    keys.reserve(keys.size() + items.size());
    for (const auto &item : std::as_const(items)) {
        ApiKey key;
        if (!parseRamAccessKey(item.toObject(), owner, key))
            return false;
        keys.append(std::move(key));
    }
    return true;
}

bool parseRamUserPage(const QJsonObject &answer, QStringList &users, QString &nextMarker)
{
    QJsonArray items;
    if (!listItems(answer, u"Users"_s, u"User"_s, items))
        return false;
    users.reserve(users.size() + items.size());
    for (const auto &item : std::as_const(items)) {
        const QString name = item.toObject().value(u"UserName"_s).toString();
        if (name.isEmpty())
            return false;
        users.append(name);
    }
    nextMarker.clear();
    if (answer.value(u"IsTruncated"_s).toBool()) {
        nextMarker = answer.value(u"Marker"_s).toString();
        if (nextMarker.isEmpty())
            return false; // truncated without a way on: paging would never end
    }
    return true;
}

bool parseRamLastUsed(const QJsonObject &answer, QDateTime &lastUsed)
{
    lastUsed = {};
    const QJsonValue outer = answer.value(u"AccessKeyLastUsed"_s);
    if (!outer.isObject())
        return false;
    const QJsonValue date = outer.toObject().value(u"LastUsedDate"_s);
    if (date.isUndefined() || date.isNull() || date.toString().isEmpty())
        return true; // never used
    return parseDate(date, lastUsed);
}

KeyError ramBadAnswer(const QString &action, const QJsonObject &answer)
{
    KeyError error
        = KeyError::make(KeyError::Kind::BadResponse,
                         QObject::tr("RAM answered %1 in an unexpected form.").arg(action));
    error.requestId = answer.value(u"RequestId"_s).toString();
    return error;
}

KeyError ramPagingStop(PageGuard &pages, qsizetype users, const QString &marker,
                       const QJsonObject &answer)
{
    KeyError stop = pages.acceptItems(users);
    if (!stop)
        stop = pages.acceptNext(marker);
    if (stop)
        stop.requestId = answer.value(u"RequestId"_s).toString();
    return stop;
}

} // namespace keydesk
