#pragma once

#include "domain/ApiKey.h"
#include "domain/KeyError.h"
#include "domain/Profile.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QObject>

#include <memory>

namespace keydesk {

class HttpClient;
class PageGuard;
class RamCallQueue;

enum class AccessKeyFlag {
    Old = 0x1, // created more than staleDays ago
    Unused = 0x2, // last used more than staleDays ago, or never used and Old
    Inactive = 0x4, // disabled
};
using AccessKeyFlags = QFlags<AccessKeyFlag>;

// One line of the credential report. Never holds a secret.
struct AccessKeyRow
{
    QString user; // the RAM user; empty: the root account
    QString accessKeyId;
    KeyStatus status = KeyStatus::Active;
    QDateTime created;
    QDateTime lastUsed; // invalid: never used
    AccessKeyFlags flags;
};

// The credential report of an Alibaba Cloud account: every AccessKey of the root account and
// of each RAM user, with its status, age and last use, flagging the ones that are old, unused
// or inactive. ListUsers (paged), ListAccessKeys per user and GetAccessKeyLastUsed per key
// (protocols.md §2), many calls in flight at once. The profile's AccessKey must be allowed to
// list the users (the root account): a RAM user's key gets KeyError::NotPermitted.
//
// A job in QtKeychain's shape: start() it, it reports progress() and then finished() once,
// and deletes itself after (unless setAutoDelete(false)).
class AccessKeyInventory : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultStaleDays = 90;

    AccessKeyInventory(const Profile &profile, const QByteArray &secret, HttpClient *client,
                       QObject *parent = nullptr);
    ~AccessKeyInventory() override;

    // Settings, before start().
    void setMaxInFlight(int count); // default 16
    void setPageSize(int size) { m_pageSize = qBound(1, size, 1000); } // ListUsers MaxItems
    void setStaleDays(int days) { m_staleDays = qMax(1, days); }
    // The time ages are measured from; default: the system clock when start() runs. Tests
    // give the sandbox's clock.
    void setNow(const QDateTime &now) { m_now = now; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    // Stops issuing calls and cancels those in flight; finished() then comes once, with
    // KeyError::Cancelled and the rows completed so far.
    void cancel();

    const KeyError &error() const { return m_error; }
    // After finished(): root account first, then the users in ListUsers' order, each user's
    // keys in ListAccessKeys' order.
    const QList<AccessKeyRow> &rows() const { return m_rows; }
    QDateTime now() const { return m_now; }

    static AccessKeyFlags flagsFor(const AccessKeyRow &row, const QDateTime &now,
                                   int staleDays = kDefaultStaleDays);

Q_SIGNALS:
    // Calls answered and calls known so far: total grows as users and keys are found, and
    // equals done when the report is complete.
    void progress(int done, int total);
    void finished(keydesk::AccessKeyInventory *inventory);

private:
    enum class RowState : quint8 { Pending, Done, Dropped };
    struct Entry
    {
        AccessKeyRow row;
        int userOrder = 0; // 0: the root account, then the users in ListUsers' order
        RowState state = RowState::Pending;
    };

    void requestUsers(const QString &marker);
    void requestKeys(int userOrder, const QString &user);
    void usersAnswered(const KeyError &error, const QJsonObject &answer);
    void keysAnswered(int userOrder, const QString &user, const KeyError &error,
                      const QJsonObject &answer);
    void lastUsedAnswered(qsizetype entry, const KeyError &error, const QJsonObject &answer);
    void answered();
    void fail(const KeyError &error);
    void finish(const KeyError &error);
    void emitFinished();

    RamCallQueue *m_queue;
    std::unique_ptr<PageGuard> m_userPages; // made by start(), with the page size then set
    QList<Entry> m_entries;
    QList<AccessKeyRow> m_rows;
    KeyError m_error;
    QDateTime m_now;
    int m_pageSize = 1000;
    int m_staleDays = kDefaultStaleDays;
    int m_users = 0;
    int m_outstanding = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace keydesk

Q_DECLARE_OPERATORS_FOR_FLAGS(keydesk::AccessKeyFlags)
