#include "SandboxFixture.h"
#include "protocol/KeyMask.h"
#include "protocol/Totp.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// DashVector API keys (seed 001, DESIGN.md §1): the sandbox-defined management API and the
// /v1/collections data plane (protocols.md §4), over real HTTP on loopback.
class TestDashVectorRules : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_version = u"2026-11-01"_s;

    HttpResult call(const protocol::AcsCredentials &credentials, const QString &action,
                    const protocol::QueryItems &params = {}, const SignOptions &options = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, m_version, action, params,
                                   options);
    }

    // The ApiKey object CreateApiKey answered; empty when it refused.
    QJsonObject createKey(const SandboxAccount &account, const QString &description = {})
    {
        protocol::QueryItems params;
        if (!description.isEmpty())
            params.append(qMakePair(u"Description"_s, description));
        const HttpResult result = call(account.root, u"CreateApiKey"_s, params);
        return result.status == 200 ? result.json[u"ApiKey"_s].toObject() : QJsonObject();
    }

    // A code the server has not seen: each verification moves the clock one TOTP step on, so
    // the new code's step is always later than the last one accepted.
    QString freshCode(const SandboxAccount &account)
    {
        m_sandbox.advanceClock(30);
        return m_sandbox.totp(account);
    }

    // A 6-digit code that is none of the codes within two steps of now.
    QString wrongCode(const SandboxAccount &account)
    {
        const qint64 now = m_sandbox.serverNowSeconds();
        QStringList near;
        for (int step = -2; step <= 2; ++step)
            near.append(protocol::totpCode(account.mfaSecret, now + 30LL * step));
        for (int candidate = 0;; ++candidate) {
            QString code = u"%1"_s.arg(candidate, 6, 10, QChar(u'0'));
            if (!near.contains(code))
                return code;
        }
    }

    HttpResult describe(const SandboxAccount &account, const QString &id, const QString &code)
    {
        return call(account.root, u"DescribeApiKey"_s,
                    {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, code}});
    }

    HttpResult remove(const SandboxAccount &account, const QString &id, const QString &code)
    {
        return call(account.root, u"DeleteApiKey"_s,
                    {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, code}});
    }

    HttpResult collections(const QString &token)
    {
        QUrl url = m_sandbox.http();
        url.setPath(u"/v1/collections"_s);
        protocol::HttpHeaders headers;
        if (!token.isNull())
            headers.append(qMakePair("dashvector-auth-token"_ba, token.toUtf8()));
        return m_sandbox.net().send("GET", url, headers);
    }

    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.code(), code);
        QCOMPARE(result.status, status);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
        QVERIFY(!result.json.value(u"Message"_s).toString().isEmpty());
    }

    static void expectKeyRefused(const HttpResult &result)
    {
        QCOMPARE(result.status, 401);
        QCOMPARE(result.json.value(u"code"_s).toInt(), -49995);
        QVERIFY(!result.json.value(u"message"_s).toString().isEmpty());
        QVERIFY(!result.json.value(u"request_id"_s).toString().isEmpty());
        QVERIFY(!result.json.contains(u"output"_s));
    }

    // Day-limit tests move the clock several minutes; start them well clear of 00:00 UTC.
    void stayClearOfMidnight()
    {
        const qint64 toMidnight = 86400 - m_sandbox.serverNowSeconds() % 86400;
        if (toMidnight < 3600)
            m_sandbox.advanceClock(toMidnight + 60);
    }

    // Creates keys (deleting the oldest when three exist) until ten creations were made today;
    // returns the ids of the keys that remain.
    QStringList useUpTodaysCreations(const SandboxAccount &account)
    {
        QStringList alive;
        for (int created = 0; created < 10; ++created) {
            if (alive.size() == 3) {
                if (remove(account, alive.takeFirst(), freshCode(account)).status != 200)
                    return {};
            }
            const QJsonObject key = createKey(account);
            if (key.isEmpty())
                return {};
            alive.append(key[u"ApiKeyId"_s].toString());
        }
        return alive;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void createListDescribeDeleteRoundTrip()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QJsonObject key = createKey(account, u"search backend"_s);
        const QString id = key[u"ApiKeyId"_s].toString();
        const QString value = key[u"ApiKeyValue"_s].toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(value.startsWith(u"sk-"_s));
        QVERIFY(value.size() > 20);
        QCOMPARE(key[u"Description"_s].toString(), u"search backend"_s);
        QCOMPARE(key[u"Status"_s].toString(), u"Active"_s);
        QVERIFY(key[u"CreateTime"_s].toString().endsWith(u'Z'));

        const HttpResult listed = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(listed.status, 200);
        const QJsonArray keys = listed.json[u"ApiKeys"_s][u"ApiKey"_s].toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.at(0)[u"ApiKeyId"_s].toString(), id);

        const HttpResult described = describe(account, id, freshCode(account));
        QCOMPARE(described.status, 200);
        QCOMPARE(described.json[u"ApiKey"_s][u"ApiKeyValue"_s].toString(), value);
        QCOMPARE(described.json[u"ApiKey"_s][u"Description"_s].toString(), u"search backend"_s);

        QCOMPARE(remove(account, id, freshCode(account)).status, 200);
        const HttpResult after = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(after.json[u"ApiKeys"_s][u"ApiKey"_s].toArray().size(), 0);
        QCOMPARE(after.json[u"ApiKeyCount"_s].toInt(), 0);
    }

    void listShowsMaskedValuesAndLimits()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString first = createKey(account)[u"ApiKeyValue"_s].toString();
        const QString second = createKey(account)[u"ApiKeyValue"_s].toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty());

        const HttpResult listed = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(listed.status, 200);
        QVERIFY(!listed.body.contains(first.toUtf8()));
        QVERIFY(!listed.body.contains(second.toUtf8()));
        QStringList masked;
        for (const QJsonValue key : listed.json[u"ApiKeys"_s][u"ApiKey"_s].toArray())
            masked.append(key[u"ApiKeyValue"_s].toString());
        QCOMPARE(masked, (QStringList {protocol::maskKey(first), protocol::maskKey(second)}));
        QVERIFY(masked.at(0).startsWith(u"sk-****"_s));
        QCOMPARE(listed.json[u"MaxApiKeys"_s].toInt(), 3);
        QCOMPARE(listed.json[u"ApiKeyCount"_s].toInt(), 2);
        QCOMPARE(listed.json[u"DailyCreationLimit"_s].toInt(), 10);
        QCOMPARE(listed.json[u"CreationsToday"_s].toInt(), 2);
        QCOMPARE(listed.json[u"CreationsLeftToday"_s].toInt(), 8);
        QVERIFY(listed.json[u"CreationCountResetTime"_s].toString().endsWith(u"T00:00:00Z"_s));
    }

    void describeNeedsAValidCodeAndReturnsTheFullValue()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QJsonObject key = createKey(account);
        const QString id = key[u"ApiKeyId"_s].toString();
        QVERIFY(!id.isEmpty());
        expectError(call(account.root, u"DescribeApiKey"_s, {{u"ApiKeyId"_s, id}}), 400,
                    u"MissingParameter"_s);
        const HttpResult wrong = describe(account, id, wrongCode(account));
        expectError(wrong, 400, u"InvalidVerificationCode"_s);
        QVERIFY(!wrong.body.contains(key[u"ApiKeyValue"_s].toString().toUtf8()));
        const HttpResult right = describe(account, id, freshCode(account));
        QCOMPARE(right.status, 200);
        QCOMPARE(right.json[u"ApiKey"_s][u"ApiKeyValue"_s].toString(),
                 key[u"ApiKeyValue"_s].toString());
    }

    void ramUserIsRefusedOnEveryAction_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("CreateApiKey") << u"CreateApiKey"_s;
        QTest::newRow("ListApiKeys") << u"ListApiKeys"_s;
        QTest::newRow("DescribeApiKey") << u"DescribeApiKey"_s;
        QTest::newRow("DeleteApiKey") << u"DeleteApiKey"_s;
    }

    void ramUserIsRefusedOnEveryAction()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount();
        const QString id = createKey(account)[u"ApiKeyId"_s].toString();
        QVERIFY(!id.isEmpty());
        const protocol::AcsCredentials alice = m_sandbox.createRamUser(account, u"alice"_s);
        QVERIFY(!alice.accessKeyId.isEmpty());
        // Otherwise valid parameters: being a RAM user is the only thing wrong.
        const HttpResult result = call(
            alice, action, {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, freshCode(account)}});
        expectError(result, 403, u"Forbidden.RAM"_s);
        QVERIFY(result.json[u"Message"_s].toString().contains(u"Alibaba Cloud account"_s));
        const HttpResult listed = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(listed.json[u"ApiKeyCount"_s].toInt(), 1);
    }

    void fourthKeyIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!createKey(account).isEmpty());
        const HttpResult fourth = call(account.root, u"CreateApiKey"_s);
        expectError(fourth, 409, u"ApiKey.LimitExceeded"_s);
        QVERIFY(fourth.json[u"Message"_s].toString().contains(u"Delete one"_s));
        QCOMPARE(call(account.root, u"ListApiKeys"_s).json[u"ApiKeyCount"_s].toInt(), 3);
    }

    void eleventhCreationInADayIsRefusedEvenAfterDeletions()
    {
        stayClearOfMidnight();
        const SandboxAccount account = m_sandbox.createAccount();
        QStringList alive = useUpTodaysCreations(account);
        QCOMPARE(alive.size(), 3);
        QCOMPARE(remove(account, alive.takeFirst(), freshCode(account)).status, 200);

        const HttpResult eleventh = call(account.root, u"CreateApiKey"_s);
        expectError(eleventh, 409, u"ApiKey.DailyCreationLimitExceeded"_s);
        QCOMPARE(eleventh.json[u"DailyCreationLimit"_s].toInt(), 10);
        const HttpResult listed = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(listed.json[u"ApiKeyCount"_s].toInt(), 2);
        QCOMPARE(listed.json[u"CreationsLeftToday"_s].toInt(), 0);
    }

    void nextUtcDayAllowsCreationsAgain()
    {
        stayClearOfMidnight();
        const SandboxAccount account = m_sandbox.createAccount();
        QStringList alive = useUpTodaysCreations(account);
        QCOMPARE(alive.size(), 3);
        QCOMPARE(remove(account, alive.takeFirst(), freshCode(account)).status, 200);
        expectError(call(account.root, u"CreateApiKey"_s), 409,
                    u"ApiKey.DailyCreationLimitExceeded"_s);

        const qint64 now = m_sandbox.serverNowSeconds();
        m_sandbox.advanceClock(86400 - now % 86400 + 5); // 00:00:05 UTC the next day
        QVERIFY(!createKey(account).isEmpty());
        const HttpResult listed = call(account.root, u"ListApiKeys"_s);
        QCOMPARE(listed.json[u"CreationsToday"_s].toInt(), 1);
        QCOMPARE(listed.json[u"CreationsLeftToday"_s].toInt(), 9);
    }

    void dataPlaneWorksWithALiveKey()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString value = createKey(account)[u"ApiKeyValue"_s].toString();
        QVERIFY(!value.isEmpty());
        const HttpResult result = collections(value);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json[u"code"_s].toInt(-1), 0);
        QCOMPARE(result.json[u"message"_s].toString(), u"success"_s);
        QVERIFY(!result.json[u"request_id"_s].toString().isEmpty());
        const QJsonArray provisioned = account.details[u"dashvector"_s][u"collections"_s].toArray();
        QVERIFY(!provisioned.isEmpty());
        QJsonArray output = result.json[u"output"_s].toArray();
        QCOMPARE(output.size(), provisioned.size());
        for (const QJsonValue name : provisioned)
            QVERIFY(output.contains(name));
    }

    void dataPlaneRefusesMissingOrUnknownKeys_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("no header") << QString();
        QTest::newRow("empty") << u""_s;
        QTest::newRow("unknown") << u"sk-doesnotexist00000000000000000000"_s;
    }

    void dataPlaneRefusesMissingOrUnknownKeys()
    {
        QFETCH(QString, token);
        expectKeyRefused(collections(token));
    }

    void deletedKeyIsRefusedByTheDataPlaneAtOnce()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QJsonObject key = createKey(account);
        const QString value = key[u"ApiKeyValue"_s].toString();
        QCOMPARE(collections(value).status, 200);
        QCOMPARE(remove(account, key[u"ApiKeyId"_s].toString(), freshCode(account)).status, 200);
        expectKeyRefused(collections(value));
    }

    void deleteWithoutAValidCodeIsRefusedAndTheKeyStillWorks_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("no code") << QString() << 400 << u"MissingParameter"_s;
        QTest::newRow("wrong code") << u"wrong"_s << 400 << u"InvalidVerificationCode"_s;
        QTest::newRow("not 6 digits")
            << u"12345"_s << 400 << u"InvalidParameter.VerificationCode"_s;
    }

    void deleteWithoutAValidCodeIsRefusedAndTheKeyStillWorks()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, error);
        const SandboxAccount account = m_sandbox.createAccount();
        const QJsonObject key = createKey(account);
        const QString id = key[u"ApiKeyId"_s].toString();
        protocol::QueryItems params {{u"ApiKeyId"_s, id}};
        if (!code.isNull())
            params.append(
                qMakePair(u"VerificationCode"_s, code == u"wrong"_s ? wrongCode(account) : code));
        expectError(call(account.root, u"DeleteApiKey"_s, params), status, error);
        QCOMPARE(collections(key[u"ApiKeyValue"_s].toString()).status, 200);
        QCOMPARE(call(account.root, u"ListApiKeys"_s).json[u"ApiKeyCount"_s].toInt(), 1);
    }

    void unknownApiKeyIdIsNotFound_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("DescribeApiKey") << u"DescribeApiKey"_s;
        QTest::newRow("DeleteApiKey") << u"DeleteApiKey"_s;
    }

    void unknownApiKeyIdIsNotFound()
    {
        QFETCH(QString, action);
        const SandboxAccount account = m_sandbox.createAccount();
        const SandboxAccount other = m_sandbox.createAccount();
        const QString othersKey = createKey(other)[u"ApiKeyId"_s].toString();
        QVERIFY(!othersKey.isEmpty());
        for (const QString &id : {u"dvk-doesnotexist0000"_s, othersKey})
            expectError(call(account.root, action,
                             {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, freshCode(account)}}),
                        404, u"ApiKey.NotFound"_s);
        QCOMPARE(call(other.root, u"ListApiKeys"_s).json[u"ApiKeyCount"_s].toInt(), 1);
    }

    void missingParametersAreMissingParameter_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("withId");
        QTest::addColumn<QString>("missing");
        QTest::newRow("Describe ApiKeyId") << u"DescribeApiKey"_s << false << u"ApiKeyId"_s;
        QTest::newRow("Describe code") << u"DescribeApiKey"_s << true << u"VerificationCode"_s;
        QTest::newRow("Delete ApiKeyId") << u"DeleteApiKey"_s << false << u"ApiKeyId"_s;
        QTest::newRow("Delete code") << u"DeleteApiKey"_s << true << u"VerificationCode"_s;
    }

    void missingParametersAreMissingParameter()
    {
        QFETCH(QString, action);
        QFETCH(bool, withId);
        QFETCH(QString, missing);
        const SandboxAccount account = m_sandbox.createAccount();
        const QString id = createKey(account)[u"ApiKeyId"_s].toString();
        const protocol::QueryItems params = withId
            ? protocol::QueryItems {{u"ApiKeyId"_s, id}}
            : protocol::QueryItems {{u"VerificationCode"_s, freshCode(account)}};
        const HttpResult result = call(account.root, action, params);
        expectError(result, 400, u"MissingParameter"_s);
        QVERIFY(result.json[u"Message"_s].toString().contains(missing));
    }

    void overlongDescriptionIsInvalid()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        expectError(call(account.root, u"CreateApiKey"_s, {{u"Description"_s, QString(129, u'd')}}),
                    400, u"InvalidParameter.Description"_s);
        QCOMPARE(call(account.root, u"ListApiKeys"_s).json[u"CreationsToday"_s].toInt(), 0);
    }

    void v1SignedCallsWork()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        SignOptions v1;
        v1.v1 = true;
        const HttpResult created
            = call(account.root, u"CreateApiKey"_s, {{u"Description"_s, u"v1 key"_s}}, v1);
        QCOMPARE(created.status, 200);
        const QString id = created.json[u"ApiKey"_s][u"ApiKeyId"_s].toString();
        const HttpResult listed = call(account.root, u"ListApiKeys"_s, {}, v1);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json[u"ApiKeyCount"_s].toInt(), 1);
        const HttpResult described
            = call(account.root, u"DescribeApiKey"_s,
                   {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, freshCode(account)}}, v1);
        QCOMPARE(described.status, 200);
        QCOMPARE(described.json[u"ApiKey"_s][u"ApiKeyValue"_s].toString(),
                 created.json[u"ApiKey"_s][u"ApiKeyValue"_s].toString());
        QCOMPARE(call(account.root, u"DeleteApiKey"_s,
                      {{u"ApiKeyId"_s, id}, {u"VerificationCode"_s, freshCode(account)}}, v1)
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestDashVectorRules)
#include "TestDashVectorRules.moc"
