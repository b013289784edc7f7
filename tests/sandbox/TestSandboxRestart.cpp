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

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, m_ram, action, params);
    }

    // Creates users and keys; returns every AccessKey id the account should have afterwards.
    QStringList populate(const SandboxAccount &account, const QString &prefix)
    {
        QStringList ids {QString::fromLatin1(account.root.accessKeyId)};
        for (int i = 0; i < 3; ++i) {
            const QString user = prefix + QString::number(i);
            ram(account.root, u"CreateUser"_s, {{u"UserName"_s, user}});
            for (int k = 0; k < 2; ++k) {
                const HttpResult created
                    = ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, user}});
                ids.append(created.json[u"AccessKey"_s][u"AccessKeyId"_s].toString());
            }
        }
        ids.sort();
        return ids;
    }

    QStringList accessKeyIds(const SandboxAccount &account)
    {
        QStringList ids;
        const auto collect = [&](const protocol::QueryItems &params) {
            const HttpResult listed = ram(account.root, u"ListAccessKeys"_s, params);
            for (const QJsonValue &key : listed.json[u"AccessKeys"_s][u"AccessKey"_s].toArray())
                ids.append(key[u"AccessKeyId"_s].toString());
        };
        collect({});
        const HttpResult users = ram(account.root, u"ListUsers"_s);
        for (const QJsonValue &user : users.json[u"Users"_s][u"User"_s].toArray())
            collect({{u"UserName"_s, user[u"UserName"_s].toString()}});
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void keysSurviveACleanRestart()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QStringList expected = populate(account, u"clean"_s);
        QCOMPARE(expected.size(), 7);
        QCOMPARE(accessKeyIds(account), expected);
        QVERIFY2(m_sandbox.restart(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(accessKeyIds(account), expected);
    }

    void keysSurviveKillNine()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QStringList expected = populate(account, u"crash"_s);
        m_sandbox.kill();
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(accessKeyIds(account), expected);
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
