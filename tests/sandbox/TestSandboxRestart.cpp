#include "SandboxFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// State survives a clean restart and a kill -9: every write is one committed transaction.
class TestSandboxRestart : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_ram = u"2015-05-01"_s;
    const QString m_dashVector = u"2026-11-01"_s;
    const QString m_tablestore = u"2026-11-20"_s;
    const QString m_maas = u"2026-03-18"_s;

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, m_ram, action, params);
    }

    // Creates keys on every service; returns every key id the account should have afterwards,
    // as "service:id".
    QStringList populate(const SandboxAccount &account, const QString &prefix)
    {
        QStringList ids {u"ram:"_s + QString::fromLatin1(account.root.accessKeyId)};
        for (int i = 0; i < 3; ++i) {
            const QString user = prefix + QString::number(i);
            ram(account.root, u"CreateUser"_s, {{u"UserName"_s, user}});
            for (int k = 0; k < 2; ++k) {
                const HttpResult created
                    = ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, user}});
                ids.append(u"ram:"_s + created.json[u"AccessKey"_s][u"AccessKeyId"_s].toString());
            }
        }
        for (int i = 0; i < 2; ++i) {
            const HttpResult dashvector = m_sandbox.net().rpc(m_sandbox.http(), account.root,
                                                              m_dashVector, u"CreateApiKey"_s);
            ids.append(u"dashvector:"_s + dashvector.json[u"ApiKey"_s][u"ApiKeyId"_s].toString());
            const QString expires
                = QString::fromLatin1(protocol::acs3Date(m_sandbox.net().now().addDays(30)));
            const HttpResult tablestore
                = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_tablestore,
                                      u"CreateApiKey"_s, {{u"ExpirationTime"_s, expires}});
            ids.append(u"tablestore:"_s + tablestore.json[u"ApiKey"_s][u"ApiKeyId"_s].toString());
            const HttpResult maas
                = m_sandbox.net().roa(m_sandbox.http(), account.root, m_maas, u"CreateApiKey"_s,
                                      "POST", "/maas/apikeys", {{u"description"_s, prefix}});
            ids.append(u"maas:"_s
                       + QString::number(maas.json[u"apiKey"_s][u"apiKeyId"_s].toInteger()));
            const HttpResult oceanbase
                = m_sandbox.net().send("POST", oceanBaseUrl(), oceanBaseHeaders(account),
                                       R"({"name":"restart","action":"read"})");
            ids.append(u"oceanbase:"_s + oceanbase.json[u"data"_s][u"id"_s].toString());
        }
        ids.sort();
        return ids;
    }

    QUrl oceanBaseUrl() const
    {
        QUrl url = m_sandbox.http();
        url.setPath(u"/api/v2/maas/apikeys"_s);
        return url;
    }

    static protocol::HttpHeaders oceanBaseHeaders(const SandboxAccount &account)
    {
        const QJsonObject ob = account.details[u"oceanbase"_s].toObject();
        const QByteArray basic
            = (ob[u"accessKeyId"_s].toString() + u':' + ob[u"accessKeySecret"_s].toString())
                  .toUtf8()
                  .toBase64();
        return {{"Authorization", "Basic " + basic},
                {"X-OB-Org-Id", ob[u"orgId"_s].toString().toLatin1()},
                {"X-OB-Project-Id", ob[u"projectId"_s].toString().toLatin1()},
                {"Content-Type", "application/json"}};
    }

    // Every key id of every service the account has, as populate() names them.
    QStringList inventory(const SandboxAccount &account)
    {
        QStringList ids;
        const auto collect = [&](const protocol::QueryItems &params) {
            const HttpResult listed = ram(account.root, u"ListAccessKeys"_s, params);
            for (const QJsonValue key : listed.json[u"AccessKeys"_s][u"AccessKey"_s].toArray())
                ids.append(u"ram:"_s + key[u"AccessKeyId"_s].toString());
        };
        collect({});
        const HttpResult users = ram(account.root, u"ListUsers"_s);
        for (const QJsonValue user : users.json[u"Users"_s][u"User"_s].toArray()) {
            // Tablestore's dedicated users have no AccessKeys of their own.
            collect({{u"UserName"_s, user[u"UserName"_s].toString()}});
        }
        const HttpResult dashvector
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_dashVector, u"ListApiKeys"_s);
        for (const QJsonValue key : dashvector.json[u"ApiKeys"_s][u"ApiKey"_s].toArray())
            ids.append(u"dashvector:"_s + key[u"ApiKeyId"_s].toString());
        const HttpResult tablestore
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_tablestore, u"ListApiKeys"_s);
        for (const QJsonValue key : tablestore.json[u"ApiKeys"_s].toArray())
            ids.append(u"tablestore:"_s + key[u"ApiKeyId"_s].toString());
        const HttpResult maas = m_sandbox.net().roa(m_sandbox.http(), account.root, m_maas,
                                                    u"ListApiKeys"_s, "GET", "/maas/apikeys");
        for (const QJsonValue key : maas.json[u"apiKeys"_s].toArray())
            ids.append(u"maas:"_s + QString::number(key[u"apiKeyId"_s].toInteger()));
        const HttpResult oceanbase
            = m_sandbox.net().send("GET", oceanBaseUrl(), oceanBaseHeaders(account));
        for (const QJsonValue key : oceanbase.json[u"data"_s][u"list"_s].toArray())
            ids.append(u"oceanbase:"_s + key[u"id"_s].toString());
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void keysSurviveACleanRestart()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QStringList expected = populate(account, u"clean"_s);
        QCOMPARE(expected.size(), 7 + 4 * 2);
        QVERIFY(!expected.contains(u"maas:0"_s));
        QCOMPARE(inventory(account), expected);
        QVERIFY2(m_sandbox.restart(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(inventory(account), expected);
    }

    void keysSurviveKillNine()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QStringList expected = populate(account, u"crash"_s);
        QCOMPARE(inventory(account), expected);
        m_sandbox.kill();
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(inventory(account), expected);
    }

    void lastWriteBeforeKillNineIsKept()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const protocol::AcsCredentials user = m_sandbox.createRamUser(account, u"last"_s);
        QCOMPARE(ram(account.root, u"UpdateAccessKey"_s,
                     {{u"UserName"_s, u"last"_s},
                      {u"UserAccessKeyId"_s, QString::fromLatin1(user.accessKeyId)},
                      {u"Status"_s, u"Inactive"_s}})
                     .status,
                 200);
        m_sandbox.kill();
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        const HttpResult listed
            = ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"last"_s}});
        QCOMPARE(listed.json[u"AccessKeys"_s][u"AccessKey"_s][0][u"Status"_s].toString(),
                 u"Inactive"_s);
    }

    void usedNoncesSurviveARestart()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        SignOptions options;
        options.nonce = TestHttp::freshNonce();
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"ListAccessKeys"_s, {}, options)
                     .status,
                 200);
        QVERIFY2(m_sandbox.restart(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"ListAccessKeys"_s, {}, options)
                     .code(),
                 u"SignatureNonceUsed"_s);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRestart)
#include "TestSandboxRestart.moc"
