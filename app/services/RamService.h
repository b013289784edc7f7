#pragma once

#include "net/HttpClient.h"
#include "services/KeyService.h"

#include <QHash>

#include <functional>

namespace keydesk {

class AccessKeyInventory;

// RAM AccessKey pairs (RAM 2015-05-01, RPC style, protocols.md §2; seed 004).
// - A pair's secret is answered only when it is created (KeyJob::secret() of createKey());
//   nothing reads it again, and no list holds it.
// - Keys belong to the root account (ApiKey::owner empty) or to a RAM user (owner: the user
//   name). UpdateAccessKey and DeleteAccessKey must name the owner, so the service remembers
//   each key's owner from the last listKeys() or createKey(); a key it has not seen is taken to
//   be the caller's own.
// - testKey(value): a secret alone cannot sign a request, so for RAM the value is
//   "AccessKeyId:AccessKeySecret" (testValue() builds it). The pair signs ListAccessKeys for
//   its own keys, the cheapest read every AccessKey may make.
// - At most 2 AccessKeys per owner: a third is KeyError::LimitReached.
class RamService : public KeyService
{
    Q_OBJECT

public:
    // Whom the profile's AccessKey belongs to, known after listKeys(). Only the root account
    // (or, on Alibaba Cloud, a RAM administrator) may list the users; its keys have every
    // right in the account, so the UI warns and recommends a RAM user's key (seed 004).
    enum class Caller { Unknown, RootAccount, RamUser };

    static constexpr int kMaxKeysPerOwner = 2;

    RamService(Profile profile, QByteArray secret, HttpClient *client, QObject *parent = nullptr);
    ~RamService() override;

    ServiceCapabilities capabilities() const override;
    // Every AccessKey the profile's AccessKey can see: the caller's own and, when it may list
    // the users, each RAM user's (ListUsers, then ListAccessKeys per user, several at once).
    // A RAM user's profile lists only its own keys (owner empty: the name is not known).
    KeyJob *listKeys() override;
    // request.owner: the RAM user to create the pair for; empty: the caller.
    KeyJob *createKey(const CreateKeyRequest &request) override;
    KeyJob *setKeyEnabled(const QString &keyId, bool enabled) override;
    // RAM asks for no verification: the code is ignored.
    KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) override;
    KeyJob *testKey(const QByteArray &value) override;
    // value: the AccessKey's secret, or already "AccessKeyId:AccessKeySecret".
    KeyJob *testKeyOf(const ApiKey &key, const QByteArray &value) override;

    Caller caller() const { return m_caller; }

    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); } // listKeys(); default 8
    void setListPageSize(int size) { m_pageSize = qBound(1, size, 1000); } // ListUsers MaxItems

    // The credential report of the account: every AccessKey with its last use (a new job, not
    // started; see AccessKeyInventory.h).
    AccessKeyInventory *inventory(QObject *parent = nullptr) const;

    // The value testKey() takes for a pair.
    static QByteArray testValue(const QString &accessKeyId, const QByteArray &secret);

private:
    friend class RamKeyLister;
    // Fills the job from a successful answer; the job finishes after it.
    using SuccessHandler = std::function<void(KeyJob *job, const QJsonObject &answer)>;

    KeyJob *send(HttpRequestSpec spec, SuccessHandler onSuccess);
    KeyJob *send(const QString &action, const protocol::QueryItems &params,
                 SuccessHandler onSuccess);
    void answered(KeyJob *job, HttpJob *request, const SuccessHandler &onSuccess);
    protocol::QueryItems keyParams(const QString &keyId) const;
    void listed(Caller caller, const QList<ApiKey> &keys);
    void created(KeyJob *job, const QJsonObject &answer, const QString &owner);

    Caller m_caller = Caller::Unknown;
    QHash<QString, QString> m_owners; // AccessKeyId → RAM user name ("" for the caller)
    int m_maxInFlight = 8;
    int m_pageSize = 1000;
};

} // namespace keydesk
