#include "SandboxFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// RAM 2015-05-01 as the sandbox serves it (protocols.md §2, DESIGN.md §1).
class TestRamRules : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_version = u"2015-05-01"_s;

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, m_version, action, params);
    }

    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.code(), code);
        QCOMPARE(result.status, status);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
    }

    static protocol::AcsCredentials credentialsOf(const HttpResult &created)
    {
        const QJsonObject key = created.json[u"AccessKey"_s].toObject();
        return {key[u"AccessKeyId"_s].toString().toLatin1(),
                key[u"AccessKeySecret"_s].toString().toLatin1(),
                {}};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void createUserAnswersTheUser()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult result
            = ram(account.root, u"CreateUser"_s,
                  {{u"UserName"_s, u"carol"_s}, {u"DisplayName"_s, u"Carol"_s}});
        QCOMPARE(result.status, 200);
        const QJsonObject user = result.json[u"User"_s].toObject();
        QCOMPARE(user[u"UserName"_s].toString(), u"carol"_s);
        QCOMPARE(user[u"DisplayName"_s].toString(), u"Carol"_s);
        QVERIFY(!user[u"UserId"_s].toString().isEmpty());
        QVERIFY(user[u"CreateDate"_s].toString().endsWith(u'Z'));
        expectError(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"carol"_s}}), 409,
                    u"EntityAlreadyExists.User"_s);
    }

    void userNameIsValidated_data()
    {
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid chars")
            << u"bad name!"_s << u"InvalidParameter.UserName.InvalidChars"_s;
        QTest::newRow("unicode") << u"用户"_s << u"InvalidParameter.UserName.InvalidChars"_s;
        QTest::newRow("65 chars") << QString(65, u'a') << u"InvalidParameter.UserName.Length"_s;
        QTest::newRow("empty") << QString() << u"MissingParameter"_s;
    }

    void userNameIsValidated()
    {
        QFETCH(QString, userName);
        QFETCH(QString, code);
        const SandboxAccount account = m_sandbox.createAccount(false);
        protocol::QueryItems params;
        if (!userName.isEmpty())
            params.append({u"UserName"_s, userName});
        expectError(ram(account.root, u"CreateUser"_s, params), 400, code);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, QString(64, u'a')}}).status,
                 200);
    }

    void listUsersPages()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QStringList expected;
        for (int i = 0; i < 5; ++i) {
            const QString name = u"user-%1"_s.arg(i);
            QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, name}}).status, 200);
            expected.append(name);
        }
        QStringList seen;
        QString marker;
        int pages = 0;
        do {
            protocol::QueryItems params {{u"MaxItems"_s, u"2"_s}};
            if (!marker.isEmpty())
                params.append({u"Marker"_s, marker});
            const HttpResult page = ram(account.root, u"ListUsers"_s, params);
            QCOMPARE(page.status, 200);
            const QJsonArray users = page.json[u"Users"_s][u"User"_s].toArray();
            QVERIFY(users.size() <= 2);
            for (const QJsonValue user : users)
                seen.append(user[u"UserName"_s].toString());
            marker = page.json[u"IsTruncated"_s].toBool() ? page.json[u"Marker"_s].toString()
                                                          : QString();
            ++pages;
        } while (!marker.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, expected);
    }

    void listUsersRejectsBadPaging_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("MaxItems 0") << u"MaxItems"_s << u"0"_s << u"InvalidParameter.MaxItems"_s;
        QTest::newRow("MaxItems 1001")
            << u"MaxItems"_s << u"1001"_s << u"InvalidParameter.MaxItems"_s;
        QTest::newRow("MaxItems text")
            << u"MaxItems"_s << u"ten"_s << u"InvalidParameter.MaxItems"_s;
        QTest::newRow("Marker garbage") << u"Marker"_s << u"!!!"_s << u"InvalidParameter.Marker"_s;
    }

    void listUsersRejectsBadPaging()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, code);
        const SandboxAccount account = m_sandbox.createAccount(false);
        expectError(ram(account.root, u"ListUsers"_s, {{name, value}}), 400, code);
    }

    void secretIsReturnedOnlyAtCreation()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"dave"_s}}).status, 200);
        const HttpResult created
            = ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, u"dave"_s}});
        QCOMPARE(created.status, 200);
        const protocol::AcsCredentials key = credentialsOf(created);
        QCOMPARE(key.accessKeySecret.size(), 30);
        QCOMPARE(created.json[u"AccessKey"_s][u"Status"_s].toString(), u"Active"_s);
        const HttpResult listed
            = ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"dave"_s}});
        QCOMPARE(listed.status, 200);
        const QJsonArray keys = listed.json[u"AccessKeys"_s][u"AccessKey"_s].toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.at(0)[u"AccessKeyId"_s].toString().toLatin1(), key.accessKeyId);
        QVERIFY(!keys.at(0).toObject().contains(u"AccessKeySecret"_s));
        QVERIFY(!listed.body.contains(key.accessKeySecret));
        // The new key works at once.
        QCOMPARE(ram(key, u"ListAccessKeys"_s).status, 200);
    }

    void atMostTwoAccessKeysPerUser()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"erin"_s}}).status, 200);
        const protocol::QueryItems erin {{u"UserName"_s, u"erin"_s}};
        QCOMPARE(ram(account.root, u"CreateAccessKey"_s, erin).status, 200);
        const HttpResult second = ram(account.root, u"CreateAccessKey"_s, erin);
        QCOMPARE(second.status, 200);
        expectError(ram(account.root, u"CreateAccessKey"_s, erin), 409,
                    u"LimitExceeded.User.AccessKey"_s);
        // Deleting one makes room again.
        QCOMPARE(
            ram(account.root, u"DeleteAccessKey"_s,
                {{u"UserName"_s, u"erin"_s},
                 {u"UserAccessKeyId"_s, QString::fromLatin1(credentialsOf(second).accessKeyId)}})
                .status,
            200);
        QCOMPARE(ram(account.root, u"CreateAccessKey"_s, erin).status, 200);
    }

    void rootAccountHasTheSameLimit()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateAccessKey"_s).status, 200);
        expectError(ram(account.root, u"CreateAccessKey"_s), 409,
                    u"LimitExceeded.User.AccessKey"_s);
    }

    void updateAccessKeyChangesStatus()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const protocol::AcsCredentials frank = m_sandbox.createRamUser(account, u"frank"_s);
        const auto update = [&](const QString &status) {
            return ram(account.root, u"UpdateAccessKey"_s,
                       {{u"UserName"_s, u"frank"_s},
                        {u"UserAccessKeyId"_s, QString::fromLatin1(frank.accessKeyId)},
                        {u"Status"_s, status}});
        };
        QCOMPARE(update(u"Inactive"_s).status, 200);
        const HttpResult listed
            = ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"frank"_s}});
        QCOMPARE(listed.json[u"AccessKeys"_s][u"AccessKey"_s][0][u"Status"_s].toString(),
                 u"Inactive"_s);
        expectError(ram(frank, u"ListAccessKeys"_s), 400, u"InvalidAccessKeyId.Inactive"_s);
        QCOMPARE(update(u"Active"_s).status, 200);
        QCOMPARE(ram(frank, u"ListAccessKeys"_s).status, 200);
        expectError(update(u"Paused"_s), 400, u"InvalidParameter.Status"_s);
    }

    void updateOrDeleteUnknownKeyIsNotFound_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("update") << u"UpdateAccessKey"_s;
        QTest::newRow("delete") << u"DeleteAccessKey"_s;
        QTest::newRow("last used") << u"GetAccessKeyLastUsed"_s;
    }

    void updateOrDeleteUnknownKeyIsNotFound()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const SandboxAccount other = m_sandbox.createAccount(false);
        protocol::QueryItems params {{u"UserAccessKeyId"_s, u"LTAInosuchkey"_s},
                                     {u"Status"_s, u"Inactive"_s}};
        expectError(ram(account.root, action, params), 404, u"EntityNotExist.User.AccessKey"_s);
        // Another account's key is as unknown as a key that never existed.
        params[0].second = QString::fromLatin1(other.root.accessKeyId);
        expectError(ram(account.root, action, params), 404, u"EntityNotExist.User.AccessKey"_s);
        QCOMPARE(ram(other.root, u"ListAccessKeys"_s).status, 200);
    }

    void missingKeyIdIsMissingParameter()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        expectError(ram(account.root, u"DeleteAccessKey"_s), 400, u"MissingParameter"_s);
    }

    void deletedKeyIsRefusedAtOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const protocol::AcsCredentials gina = m_sandbox.createRamUser(account, u"gina"_s);
        QCOMPARE(ram(gina, u"ListAccessKeys"_s).status, 200);
        QCOMPARE(ram(account.root, u"DeleteAccessKey"_s,
                     {{u"UserName"_s, u"gina"_s},
                      {u"UserAccessKeyId"_s, QString::fromLatin1(gina.accessKeyId)}})
                     .status,
                 200);
        expectError(ram(gina, u"ListAccessKeys"_s), 404, u"InvalidAccessKeyId.NotFound"_s);
    }

    void deleteUserIsRefusedWhileItHasKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const protocol::AcsCredentials hank = m_sandbox.createRamUser(account, u"hank"_s);
        const protocol::QueryItems user {{u"UserName"_s, u"hank"_s}};
        expectError(ram(account.root, u"DeleteUser"_s, user), 409,
                    u"DeleteConflict.User.AccessKey"_s);
        QCOMPARE(ram(account.root, u"GetUser"_s, user).status, 200);
        QCOMPARE(ram(account.root, u"DeleteAccessKey"_s,
                     {{u"UserName"_s, u"hank"_s},
                      {u"UserAccessKeyId"_s, QString::fromLatin1(hank.accessKeyId)}})
                     .status,
                 200);
        QCOMPARE(ram(account.root, u"DeleteUser"_s, user).status, 200);
        expectError(ram(account.root, u"GetUser"_s, user), 404, u"EntityNotExist.User"_s);
        expectError(ram(account.root, u"DeleteUser"_s, user), 404, u"EntityNotExist.User"_s);
    }

    void keysForUnknownUserAreRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        expectError(ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, u"nobody"_s}}), 404,
                    u"EntityNotExist.User"_s);
        expectError(ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"nobody"_s}}), 404,
                    u"EntityNotExist.User"_s);
    }

    void accountsAreIsolated()
    {
        const SandboxAccount first = m_sandbox.createAccount(false);
        const SandboxAccount second = m_sandbox.createAccount(false);
        QCOMPARE(ram(first.root, u"CreateUser"_s, {{u"UserName"_s, u"ivy"_s}}).status, 200);
        expectError(ram(second.root, u"GetUser"_s, {{u"UserName"_s, u"ivy"_s}}), 404,
                    u"EntityNotExist.User"_s);
        const HttpResult users = ram(second.root, u"ListUsers"_s);
        QCOMPARE(users.json[u"Users"_s][u"User"_s].toArray().size(), 0);
    }

    void ramUserManagesOnlyItsOwnKeys()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const protocol::AcsCredentials jane = m_sandbox.createRamUser(account, u"jane"_s);
        m_sandbox.createRamUser(account, u"kim"_s);

        const HttpResult own = ram(jane, u"ListAccessKeys"_s);
        QCOMPARE(own.status, 200);
        QCOMPARE(
            own.json[u"AccessKeys"_s][u"AccessKey"_s][0][u"AccessKeyId"_s].toString().toLatin1(),
            jane.accessKeyId);
        const HttpResult created = ram(jane, u"CreateAccessKey"_s); // for the caller itself
        QCOMPARE(created.status, 200);
        QCOMPARE(ram(account.root, u"ListAccessKeys"_s, {{u"UserName"_s, u"jane"_s}})
                     .json[u"AccessKeys"_s][u"AccessKey"_s]
                     .toArray()
                     .size(),
                 2);

        expectError(ram(jane, u"ListAccessKeys"_s, {{u"UserName"_s, u"kim"_s}}), 403,
                    u"NoPermission"_s);
        expectError(ram(jane, u"CreateUser"_s, {{u"UserName"_s, u"mallory"_s}}), 403,
                    u"NoPermission"_s);
        expectError(ram(jane, u"ListUsers"_s), 403, u"NoPermission"_s);
        expectError(ram(jane, u"DeleteUser"_s, {{u"UserName"_s, u"kim"_s}}), 403,
                    u"NoPermission"_s);
    }

    void lastUsedIsEmptyUntilTheKeyIsUsed()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"leo"_s}}).status, 200);
        const HttpResult created
            = ram(account.root, u"CreateAccessKey"_s, {{u"UserName"_s, u"leo"_s}});
        const protocol::AcsCredentials leo = credentialsOf(created);
        const auto lastUsed = [&] {
            const HttpResult result
                = ram(account.root, u"GetAccessKeyLastUsed"_s,
                      {{u"UserName"_s, u"leo"_s},
                       {u"UserAccessKeyId"_s, QString::fromLatin1(leo.accessKeyId)}});
            return result.json[u"AccessKeyLastUsed"_s][u"LastUsedDate"_s].toString();
        };
        QCOMPARE(lastUsed(), QString());
        QCOMPARE(ram(leo, u"ListAccessKeys"_s).status, 200);
        QVERIFY(lastUsed().endsWith(u'Z'));
    }

    void policiesAreAttachedAndDetached()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"nora"_s}}).status, 200);
        const protocol::QueryItems policy {{u"UserName"_s, u"nora"_s},
                                           {u"PolicyType"_s, u"System"_s},
                                           {u"PolicyName"_s, u"AliyunOTSReadOnlyAccess"_s}};
        QCOMPARE(ram(account.root, u"AttachPolicyToUser"_s, policy).status, 200);
        expectError(ram(account.root, u"AttachPolicyToUser"_s, policy), 409,
                    u"EntityAlreadyExists.User.Policy"_s);
        const HttpResult listed
            = ram(account.root, u"ListPoliciesForUser"_s, {{u"UserName"_s, u"nora"_s}});
        QCOMPARE(listed.json[u"Policies"_s][u"Policy"_s][0][u"PolicyName"_s].toString(),
                 u"AliyunOTSReadOnlyAccess"_s);
        QCOMPARE(ram(account.root, u"DetachPolicyFromUser"_s, policy).status, 200);
        expectError(ram(account.root, u"DetachPolicyFromUser"_s, policy), 404,
                    u"EntityNotExist.User.Policy"_s);
        QCOMPARE(ram(account.root, u"ListPoliciesForUser"_s, {{u"UserName"_s, u"nora"_s}})
                     .json[u"Policies"_s][u"Policy"_s]
                     .toArray()
                     .size(),
                 0);
    }

    void policyCallsAreValidated_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown policy")
            << u"System"_s << u"NoSuchPolicy"_s << u"olga"_s << 404 << u"EntityNotExist.Policy"_s;
        QTest::newRow("custom policy") << u"Custom"_s << u"AliyunOTSFullAccess"_s << u"olga"_s
                                       << 404 << u"EntityNotExist.Policy"_s;
        QTest::newRow("bad type") << u"Managed"_s << u"AliyunOTSFullAccess"_s << u"olga"_s << 400
                                  << u"InvalidParameter.PolicyType"_s;
        QTest::newRow("unknown user") << u"System"_s << u"AliyunOTSFullAccess"_s << u"nobody"_s
                                      << 404 << u"EntityNotExist.User"_s;
        QTest::newRow("no name") << u"System"_s << QString() << u"olga"_s << 400
                                 << u"MissingParameter"_s;
    }

    void policyCallsAreValidated()
    {
        QFETCH(QString, type);
        QFETCH(QString, name);
        QFETCH(QString, user);
        QFETCH(int, status);
        QFETCH(QString, code);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"olga"_s}}).status, 200);
        protocol::QueryItems params {{u"UserName"_s, user}, {u"PolicyType"_s, type}};
        if (!name.isEmpty())
            params.append({u"PolicyName"_s, name});
        expectError(ram(account.root, u"AttachPolicyToUser"_s, params), status, code);
        const protocol::AcsCredentials olga = m_sandbox.createRamUser(account, u"olga2"_s);
        expectError(ram(olga, u"AttachPolicyToUser"_s,
                        {{u"UserName"_s, u"olga2"_s},
                         {u"PolicyType"_s, u"System"_s},
                         {u"PolicyName"_s, u"AdministratorAccess"_s}}),
                    403, u"NoPermission"_s);
    }

    void policiesOfAUserAreListed()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QCOMPARE(ram(account.root, u"CreateUser"_s, {{u"UserName"_s, u"mia"_s}}).status, 200);
        const HttpResult result
            = ram(account.root, u"ListPoliciesForUser"_s, {{u"UserName"_s, u"mia"_s}});
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json[u"Policies"_s][u"Policy"_s].toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRamRules)
#include "TestRamRules.moc"
