#include "services/AccessKeyInventory.h"

#include "services/PageGuard.h"
#include "services/RamCallQueue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

AccessKeyInventory::AccessKeyInventory(const Profile &profile, const QByteArray &secret,
                                       HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_queue(new RamCallQueue(profile, secret, client, this))
{
    m_queue->setMaxInFlight(16);
}

AccessKeyInventory::~AccessKeyInventory() = default; // the queue cancels what is in flight

void AccessKeyInventory::setMaxInFlight(int count)
{
    m_queue->setMaxInFlight(count);
}

AccessKeyFlags AccessKeyInventory::flagsFor(const AccessKeyRow &row, const QDateTime &now,
                                            int staleDays)
{
    const qint64 limit = qint64(staleDays) * 24 * 3600;
    const bool old = row.created.isValid() && row.created.secsTo(now) > limit;
    AccessKeyFlags flags;
    if (old)
        flags |= AccessKeyFlag::Old;
    if (row.lastUsed.isValid() ? row.lastUsed.secsTo(now) > limit : old)
        flags |= AccessKeyFlag::Unused;
    if (row.status != KeyStatus::Active)
        flags |= AccessKeyFlag::Inactive;
    return flags;
}

void AccessKeyInventory::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_userPages = std::make_unique<PageGuard>(m_pageSize);
    if (!m_now.isValid())
        m_now = QDateTime::currentDateTimeUtc();
    requestKeys(0, {}); // the caller's own: the root account's keys
    requestUsers({});
}

void AccessKeyInventory::cancel()
{
    fail(KeyError::make(KeyError::Kind::Cancelled, tr("The inventory was cancelled.")));
}

void AccessKeyInventory::requestUsers(const QString &marker)
{
    protocol::QueryItems params {qMakePair(u"MaxItems"_s, QString::number(m_pageSize))};
    if (!marker.isEmpty())
        params.append(qMakePair(u"Marker"_s, marker));
    ++m_outstanding;
    ++m_total;
    // Urgent: the next page is what feeds the queue.
    m_queue->enqueue(
        u"ListUsers"_s, std::move(params),
        [this](const KeyError &error, const QJsonObject &answer) { usersAnswered(error, answer); },
        true);
}

void AccessKeyInventory::requestKeys(int userOrder, const QString &user)
{
    protocol::QueryItems params;
    if (!user.isEmpty())
        params.append(qMakePair(u"UserName"_s, user));
    ++m_outstanding;
    ++m_total;
    m_queue->enqueue(u"ListAccessKeys"_s, std::move(params),
                     [this, userOrder, user](const KeyError &error, const QJsonObject &answer) {
                         keysAnswered(userOrder, user, error, answer);
                     });
}

void AccessKeyInventory::usersAnswered(const KeyError &error, const QJsonObject &answer)
{
    --m_outstanding;
    if (error) {
        fail(error);
        return;
    }
    QStringList users;
    QString marker;
    if (!parseRamUserPage(answer, users, marker)) {
        fail(ramBadAnswer(u"ListUsers"_s, answer));
        return;
    }
    if (const KeyError stop = ramPagingStop(*m_userPages, users.size(), marker, answer)) {
        fail(stop);
        return;
    }
    for (const QString &user : std::as_const(users))
        requestKeys(++m_users, user);
    if (!marker.isEmpty())
        requestUsers(marker);
    answered();
}

void AccessKeyInventory::keysAnswered(int userOrder, const QString &user, const KeyError &error,
                                      const QJsonObject &answer)
{
    --m_outstanding;
    QList<ApiKey> keys;
    // A user deleted while the report is made has no keys left to report.
    if (error && !(error.kind == KeyError::Kind::NotFound && userOrder > 0)) {
        fail(error);
        return;
    }
    if (!error && !parseRamAccessKeys(answer, user, keys)) {
        fail(ramBadAnswer(u"ListAccessKeys"_s, answer));
        return;
    }
    for (const ApiKey &key : std::as_const(keys)) {
        const qsizetype index = m_entries.size();
        m_entries.append({{user, key.id, key.status, key.created, {}, {}}, userOrder});
        protocol::QueryItems params {qMakePair(u"UserAccessKeyId"_s, key.id)};
        if (!user.isEmpty())
            params.append(qMakePair(u"UserName"_s, user));
        ++m_outstanding;
        ++m_total;
        // Urgent: rows complete early, so a cancelled report still has whole rows.
        m_queue->enqueue(
            u"GetAccessKeyLastUsed"_s, std::move(params),
            [this, index](const KeyError &lastUsedError, const QJsonObject &lastUsedAnswer) {
                lastUsedAnswered(index, lastUsedError, lastUsedAnswer);
            },
            true);
    }
    answered();
}

void AccessKeyInventory::lastUsedAnswered(qsizetype index, const KeyError &error,
                                          const QJsonObject &answer)
{
    --m_outstanding;
    Entry &entry = m_entries[index];
    if (error.kind == KeyError::Kind::NotFound) {
        entry.state = RowState::Dropped; // deleted while the report was made
    } else if (error) {
        fail(error);
        return;
    } else if (!parseRamLastUsed(answer, entry.row.lastUsed)) {
        fail(ramBadAnswer(u"GetAccessKeyLastUsed"_s, answer));
        return;
    } else {
        entry.row.flags = flagsFor(entry.row, m_now, m_staleDays);
        entry.state = RowState::Done;
    }
    answered();
}

void AccessKeyInventory::answered()
{
    ++m_done;
    Q_EMIT progress(m_done, m_total);
    if (m_outstanding == 0)
        finish({});
}

void AccessKeyInventory::fail(const KeyError &error)
{
    if (m_finished)
        return;
    m_queue->cancelAll();
    finish(error);
}

void AccessKeyInventory::finish(const KeyError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    // Answers come in any order; a user's keys were added together, in the service's order.
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.userOrder < b.userOrder; });
    m_rows.reserve(m_entries.size());
    for (Entry &entry : m_entries) {
        if (entry.state == RowState::Done)
            m_rows.append(std::move(entry.row));
    }
    m_entries.clear();
    QMetaObject::invokeMethod(this, &AccessKeyInventory::emitFinished, Qt::QueuedConnection);
}

void AccessKeyInventory::emitFinished()
{
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace keydesk
