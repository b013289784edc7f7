#pragma once

#include "domain/ApiKey.h"
#include "domain/KeyError.h"
#include "domain/Profile.h"
#include "protocol/PercentEncoding.h"
#include "vault/LockedSecret.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <deque>
#include <functional>

namespace keydesk {

class HttpClient;
class HttpJob;
class PageGuard;

inline QString ramVersion()
{
    return QStringLiteral("2015-05-01");
}

// Signed RAM reads with at most N in flight. Listing an account's keys takes one call per RAM
// user and the inventory one more per key: thousands for a large account, so the calls are
// queued here instead of all being handed to QNetworkAccessManager at once.
class RamCallQueue : public QObject
{
    Q_OBJECT

public:
    // Runs once per call with its error (Kind::None on success) and the answer's JSON.
    using Handler = std::function<void(const KeyError &error, const QJsonObject &answer)>;

    RamCallQueue(const Profile &profile, const QByteArray &secret, HttpClient *client,
                 QObject *parent = nullptr);
    ~RamCallQueue() override; // cancels what is in flight, wipes its copy of the secret

    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }
    int maxInFlight() const { return m_maxInFlight; }

    // Queues an idempotent read; urgent calls go before the queued ones.
    void enqueue(const QString &action, protocol::QueryItems params, Handler handler,
                 bool urgent = false);
    // Drops the queued calls and cancels those in flight; their handlers never run.
    void cancelAll();
    bool isIdle() const { return m_queue.empty() && m_inFlight.isEmpty(); }

Q_SIGNALS:
    void sent(keydesk::HttpJob *job); // so a KeyJob can track it for cancel()

private:
    struct Call
    {
        QString action;
        protocol::QueryItems params;
        Handler handler;
    };

    void pump();
    void callFinished(keydesk::HttpJob *job);

    Profile m_profile;
    LockedSecret m_secret;
    // Null once the client is gone: its jobs, those in m_inFlight too, went with it.
    QPointer<HttpClient> m_client;
    int m_maxInFlight = 8;
    std::deque<Call> m_queue;
    QHash<HttpJob *, Handler> m_inFlight;
};

// RAM answers as values (protocols.md §2). Each returns false when the answer lacks the
// documented shape; the caller then reports ramBadAnswer().
bool parseRamAccessKey(const QJsonObject &item, const QString &owner, ApiKey &key);
bool parseRamAccessKeys(const QJsonObject &answer, const QString &owner, QList<ApiKey> &keys);
bool parseRamUserPage(const QJsonObject &answer, QStringList &users, QString &nextMarker);
bool parseRamLastUsed(const QJsonObject &answer, QDateTime &lastUsed); // invalid: never used
KeyError ramBadAnswer(const QString &action, const QJsonObject &answer);
// After a ListUsers page of `users` users whose next marker is `marker`: the error that stops
// the listing (PageGuard), with the answer's request id, or none.
KeyError ramPagingStop(PageGuard &pages, qsizetype users, const QString &marker,
                       const QJsonObject &answer);

} // namespace keydesk
