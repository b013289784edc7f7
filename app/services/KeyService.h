#pragma once

#include "domain/ApiKey.h"
#include "domain/KeyError.h"
#include "domain/Profile.h"
#include "vault/LockedSecret.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QJsonValue;

namespace keydesk {

class HttpClient;
class HttpJob;
struct HttpRequestSpec;

// What a service can do, so the UI asks instead of testing which service it is.
struct ServiceCapabilities
{
    bool valueReadableAgain = false; // the service shows a key's value again (after verification)
    bool revealNeedsVerification = false; // the service asks for the MFA code to reveal
    bool deleteNeedsVerification = false; // … and to delete
    bool canDisable = false; // keys can be made Inactive and Active again
    bool deleteIsRevoke = false; // deleting only revokes; the key stays listed
    bool hasExpiry = false;
    bool expiryRequired = false;
    bool hasWorkspaces = false;
    bool listsMaskedValues = false; // the list shows each key's value masked ("sk-…a1b2")
    bool hasOwners = false; // keys belong to the root account or a RAM user
    bool ownerChosenOnCreate = false; // CreateKeyRequest::owner says whose key it is (RAM)
    int maxNameLength = 0; // of a key's name or description; 0: keys have none
    bool nameRequired = false;
    bool hasTemporaryKeys = false;
    bool rootAccountOnly = false; // RAM users may not manage keys at all
    QStringList permissions; // choices for a key's permission, empty: none
};

struct CreateKeyRequest
{
    QString name; // name or description
    QDateTime expires; // where the service has expiry
    QString permission; // one of capabilities().permissions
    QString owner; // RAM: the user to create the AccessKey for; empty: the caller
    QString workspaceId; // Model Studio; empty: the profile's
};

// One operation of a KeyService, in QtKeychain's shape: it starts when made, reports once
// through finished(), then deletes itself. A value it holds is wiped when it goes.
class KeyJob : public QObject
{
    Q_OBJECT

public:
    explicit KeyJob(QObject *parent = nullptr);
    ~KeyJob() override;

    const KeyError &error() const { return m_error; }
    const KeyList &list() const { return m_list; } // listKeys
    const ApiKey &key() const { return m_key; } // createKey, revealKey
    // The key's value (createKey, revealKey, temporary keys); empty otherwise.
    const QByteArray &secret() const { return m_secret; }
    QDateTime secretExpires() const { return m_secretExpires; } // temporary keys

    void cancel();

    // For the adapters.
    void setError(const KeyError &error) { m_error = error; }
    void setList(const KeyList &list) { m_list = list; }
    void setKey(const ApiKey &key) { m_key = key; }
    void setSecret(const QByteArray &secret, const QDateTime &expires = {});
    void track(HttpJob *job); // cancel() cancels it
    void finish(); // emits finished() once, then deleteLater()
    void finishLater(const KeyError &error); // for errors found before any request
    void fail(const KeyError &error); // setError() and finish()

Q_SIGNALS:
    void finished(keydesk::KeyJob *job);
    void progress(int done, int total);

private:
    KeyError m_error;
    KeyList m_list;
    ApiKey m_key;
    QByteArray m_secret;
    QDateTime m_secretExpires;
    QList<QPointer<HttpJob>> m_requests;
    bool m_finished = false;
};

// One service's keys for one profile. Each service has one adapter (app/services/).
class KeyService : public QObject
{
    Q_OBJECT

public:
    // secret: the profile's AccessKey secret (OceanBase: the SK), kept by this adapter in
    // locked memory of its own (LockedSecret) and wiped when it goes; a secret moved in is
    // wiped at once.
    KeyService(Profile profile, QByteArray secret, HttpClient *client, QObject *parent = nullptr);
    ~KeyService() override;

    const Profile &profile() const { return m_profile; }
    // The profile's secret wiped from memory (a locked console): calls fail until
    // replaceSecret() gives it again.
    void clearSecret() { m_profileSecret.clear(); }
    void replaceSecret(QByteArrayView secret) { m_profileSecret = LockedSecret(secret); }
    bool hasSecret() const { return !m_profileSecret.isEmpty(); }
    bool secretIsLocked() const { return m_profileSecret.isLocked(); } // in mlock'ed memory
    ServiceKind kind() const { return m_profile.service; }

    virtual ServiceCapabilities capabilities() const = 0;
    virtual KeyJob *listKeys() = 0;
    virtual KeyJob *createKey(const CreateKeyRequest &request) = 0;
    // The value again; verificationCode where capabilities().revealNeedsVerification.
    virtual KeyJob *revealKey(const QString &keyId, const QString &verificationCode);
    virtual KeyJob *setKeyEnabled(const QString &keyId, bool enabled);
    virtual KeyJob *deleteKey(const QString &keyId, const QString &verificationCode) = 0;
    // Calls the data plane with the value, the cheapest call that proves it works.
    virtual KeyJob *testKey(const QByteArray &value) = 0;
    // testKey() for a listed key and its value alone (a kept copy, a pasted value): the
    // adapter adds what its data plane needs besides (RAM: the AccessKey ID).
    virtual KeyJob *testKeyOf(const ApiKey &key, const QByteArray &value);
    // A short-lived key issued by a permanent one's value, where
    // capabilities().hasTemporaryKeys: the job's secret() and secretExpires().
    virtual KeyJob *createTemporaryKey(const QByteArray &parentValue, int seconds);

protected:
    KeyJob *unsupported(const QString &what);
    HttpClient *client() const { return m_client; }
    // The locked bytes without a copy (LockedSecret::bytes()): for the call at hand only.
    QByteArray profileSecret() const { return m_profileSecret.bytes(); }
    // Sends a call of this profile: with the profile's own trusted CA certificate.
    HttpJob *send(HttpRequestSpec spec) const;

    using ReplyReader = std::function<void(const HttpJob &reply)>;
    // Sends spec for job, which tracks it (job->cancel() cancels it); reader gets the answer
    // unless job has gone by then.
    void sendFor(KeyJob *job, HttpRequestSpec spec, ReplyReader reader);
    // The same for an adapter's other kind of job, which tracks the request returned.
    HttpJob *sendGuarded(QObject *job, HttpRequestSpec spec, ReplyReader reader);

    // The adapter's reader of one key object of its API: false when the item has no key.
    using KeyItemReader = bool (*)(const QJsonValue &item, ApiKey &key, QString *fullValue);
    // Finishes job with the key in item, an ACS answer's key object, and its full value
    // (create, reveal); an item without a key or without the whole value is a bad answer.
    static void finishWithValue(KeyJob *job, const HttpJob &reply, const QJsonValue &item,
                                KeyItemReader readItem);

private:
    Profile m_profile;
    LockedSecret m_profileSecret;
    HttpClient *m_client;
};

} // namespace keydesk
