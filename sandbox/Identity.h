#pragma once

#include "Clock.h"
#include "Store.h"

#include <QDateTime>
#include <QString>

#include <optional>

// Who signed a request: the root account itself, or one of its RAM users.
struct Principal
{
    QString accountId;
    QString userName; // empty for the root account
    QString accessKeyId;

    bool isRoot() const { return userName.isEmpty(); }
};

struct AccessKeyRecord
{
    QString accessKeyId;
    QString secret;
    QString accountId;
    QString userName; // empty: the root account's own key
    QString status; // Active or Inactive
    QDateTime created;
    QDateTime lastUsed; // invalid: never used
};

struct NewAccount
{
    QString accountId;
    QString rootAccessKeyId;
    QString rootAccessKeySecret;
    QByteArray mfaSecret; // raw bytes; empty without an MFA device
};

// Accounts, RAM users and AccessKey pairs: what the RAM API manages and what every signed
// call is checked against.
class Identity
{
public:
    Identity(Store &store, Clock &clock);

    static QStringList schema();

    NewAccount createAccount(bool withMfa);
    bool accountExists(const QString &accountId);
    QByteArray mfaSecret(const QString &accountId);

    std::optional<AccessKeyRecord> accessKey(const QString &accessKeyId);
    QList<AccessKeyRecord> accessKeys(const QString &accountId, const QString &userName);
    AccessKeyRecord createAccessKey(const QString &accountId, const QString &userName);
    void touchAccessKey(const QString &accessKeyId);

    bool userExists(const QString &accountId, const QString &userName);
    // Creates the user (display name optional); returns its new UserId.
    QString createUser(const QString &accountId, const QString &userName,
                       const QString &displayName, const QString &comments);

    void deleteUser(const QString &accountId, const QString &userName);
    void attachPolicy(const QString &accountId, const QString &userName, const QString &policy);
    // Returns false when the user did not have the policy.
    bool detachPolicy(const QString &accountId, const QString &userName, const QString &policy);
    QStringList policies(const QString &accountId, const QString &userName);

    static QString randomDigits(int count);
    static QString randomAlphanumeric(int count);
    static QString isoDate(const QDateTime &time);

private:
    Store &m_store;
    Clock &m_clock;
};
