#include "Identity.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Identity::Identity(Store &store, Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

QStringList Identity::schema()
{
    return {
        u"CREATE TABLE IF NOT EXISTS accounts ("
        " account_id TEXT PRIMARY KEY, mfa_secret BLOB, created INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS ram_users ("
        " account_id TEXT NOT NULL REFERENCES accounts(account_id),"
        " user_name TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL DEFAULT '',"
        " comments TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, updated INTEGER NOT NULL,"
        " PRIMARY KEY (account_id, user_name))"_s,
        u"CREATE TABLE IF NOT EXISTS access_keys ("
        " access_key_id TEXT PRIMARY KEY, secret TEXT NOT NULL,"
        " account_id TEXT NOT NULL REFERENCES accounts(account_id),"
        " user_name TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, created INTEGER NOT NULL,"
        " last_used INTEGER)"_s,
        u"CREATE TABLE IF NOT EXISTS ram_user_policies ("
        " account_id TEXT NOT NULL, user_name TEXT NOT NULL, policy_name TEXT NOT NULL,"
        " attached INTEGER NOT NULL, PRIMARY KEY (account_id, user_name, policy_name),"
        " FOREIGN KEY (account_id, user_name) REFERENCES ram_users(account_id, user_name)"
        " ON DELETE CASCADE)"_s,
        u"CREATE INDEX IF NOT EXISTS access_keys_owner ON access_keys (account_id, user_name)"_s,
    };
}

QString Identity::randomDigits(int count)
{
    QString out;
    out.reserve(count);
    auto *random = QRandomGenerator::system();
    out += QChar(u'1' + random->bounded(9)); // no leading zero
    for (int i = 1; i < count; ++i)
        out += QChar(u'0' + random->bounded(10));
    return out;
}

QString Identity::randomAlphanumeric(int count)
{
    static const QString alphabet
        = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    QString out;
    out.reserve(count);
    auto *random = QRandomGenerator::system();
    for (int i = 0; i < count; ++i)
        out += alphabet.at(random->bounded(alphabet.size()));
    return out;
}

QString Identity::isoDate(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'Z';
}

NewAccount Identity::createAccount(bool withMfa)
{
    NewAccount account;
    account.accountId = randomDigits(16);
    if (withMfa) {
        account.mfaSecret.resize(20);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(account.mfaSecret.data()),
                                              5);
    }
    m_store.transaction([&] {
        m_store.run(u"INSERT INTO accounts (account_id, mfa_secret, created) VALUES (?, ?, ?)"_s,
                    {account.accountId, withMfa ? QVariant(account.mfaSecret) : QVariant(),
                     m_clock.nowSeconds()});
        const AccessKeyRecord key = createAccessKey(account.accountId, {});
        account.rootAccessKeyId = key.accessKeyId;
        account.rootAccessKeySecret = key.secret;
    });
    return account;
}

bool Identity::accountExists(const QString &accountId)
{
    return m_store.run(u"SELECT 1 FROM accounts WHERE account_id = ?"_s, {accountId}).next();
}

QByteArray Identity::mfaSecret(const QString &accountId)
{
    QSqlQuery query
        = m_store.run(u"SELECT mfa_secret FROM accounts WHERE account_id = ?"_s, {accountId});
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

static AccessKeyRecord accessKeyFromRow(const QSqlQuery &query)
{
    AccessKeyRecord record;
    record.accessKeyId = query.value(0).toString();
    record.secret = query.value(1).toString();
    record.accountId = query.value(2).toString();
    record.userName = query.value(3).toString();
    record.status = query.value(4).toString();
    record.created = QDateTime::fromSecsSinceEpoch(query.value(5).toLongLong(), QTimeZone::utc());
    if (!query.value(6).isNull())
        record.lastUsed
            = QDateTime::fromSecsSinceEpoch(query.value(6).toLongLong(), QTimeZone::utc());
    return record;
}

static const QString kAccessKeyColumns
    = u"access_key_id, secret, account_id, user_name, status, created, last_used"_s;

std::optional<AccessKeyRecord> Identity::accessKey(const QString &accessKeyId)
{
    QSqlQuery query = m_store.run(u"SELECT "_s + kAccessKeyColumns
                                      + u" FROM access_keys WHERE access_key_id = ?"_s,
                                  {accessKeyId});
    if (!query.next())
        return std::nullopt;
    return accessKeyFromRow(query);
}

QList<AccessKeyRecord> Identity::accessKeys(const QString &accountId, const QString &userName)
{
    QSqlQuery query = m_store.run(u"SELECT "_s + kAccessKeyColumns
                                      + u" FROM access_keys WHERE account_id = ? AND user_name = ?"
                                        u" ORDER BY created, access_key_id"_s,
                                  {accountId, userName});
    QList<AccessKeyRecord> keys;
    while (query.next())
        keys.append(accessKeyFromRow(query));
    return keys;
}

AccessKeyRecord Identity::createAccessKey(const QString &accountId, const QString &userName)
{
    AccessKeyRecord record;
    record.accessKeyId = u"LTAI"_s + randomAlphanumeric(20);
    record.secret = randomAlphanumeric(30);
    record.accountId = accountId;
    record.userName = userName;
    record.status = u"Active"_s;
    record.created = m_clock.now();
    m_store.run(u"INSERT INTO access_keys (access_key_id, secret, account_id, user_name, status,"
                u" created) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {record.accessKeyId, record.secret, accountId, userName, record.status,
                 record.created.toSecsSinceEpoch()});
    return record;
}

void Identity::touchAccessKey(const QString &accessKeyId)
{
    m_store.run(u"UPDATE access_keys SET last_used = ? WHERE access_key_id = ?"_s,
                {m_clock.nowSeconds(), accessKeyId});
}

bool Identity::userExists(const QString &accountId, const QString &userName)
{
    return m_store
        .run(u"SELECT 1 FROM ram_users WHERE account_id = ? AND user_name = ?"_s,
             {accountId, userName})
        .next();
}

QString Identity::createUser(const QString &accountId, const QString &userName,
                             const QString &displayName, const QString &comments)
{
    QString userId = randomDigits(16);
    const qint64 now = m_clock.nowSeconds();
    m_store.run(u"INSERT INTO ram_users (account_id, user_name, user_id, display_name, comments,"
                u" created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                {accountId, userName, userId, displayName.isEmpty() ? userName : displayName,
                 comments, now, now});
    return userId;
}

void Identity::deleteUser(const QString &accountId, const QString &userName)
{
    m_store.run(u"DELETE FROM ram_users WHERE account_id = ? AND user_name = ?"_s,
                {accountId, userName});
}

void Identity::attachPolicy(const QString &accountId, const QString &userName,
                            const QString &policy)
{
    m_store.run(u"INSERT OR IGNORE INTO ram_user_policies (account_id, user_name, policy_name,"
                u" attached) VALUES (?, ?, ?, ?)"_s,
                {accountId, userName, policy, m_clock.nowSeconds()});
}

bool Identity::detachPolicy(const QString &accountId, const QString &userName,
                            const QString &policy)
{
    return m_store
               .run(u"DELETE FROM ram_user_policies WHERE account_id = ? AND user_name = ?"
                    u" AND policy_name = ?"_s,
                    {accountId, userName, policy})
               .numRowsAffected()
        > 0;
}

QStringList Identity::policies(const QString &accountId, const QString &userName)
{
    QSqlQuery query = m_store.run(u"SELECT policy_name FROM ram_user_policies WHERE account_id = ?"
                                  u" AND user_name = ? ORDER BY policy_name"_s,
                                  {accountId, userName});
    QStringList out;
    while (query.next())
        out.append(query.value(0).toString());
    return out;
}
