#include "NodeScript.h"
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// Alibaba Cloud's official RAM client (@alicloud/ram20150501 on @alicloud/openapi-core) against a
// real keydesk-sandbox: ram-flow.cjs runs each scenario with the SDK and prints one line per
// check; here each scenario is one test, on a fresh account.
class TestNodeSdkInterop : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_ram = u"2015-05-01"_s;

    NodeScriptRun runScenario(const QString &scenario, const SandboxAccount &account)
    {
        QProcessEnvironment variables;
        variables.insert(u"KEYDESK_SANDBOX_URL"_s, m_sandbox.http().toString());
        variables.insert(u"KEYDESK_ACCESS_KEY_ID"_s, QString::fromLatin1(account.root.accessKeyId));
        variables.insert(u"KEYDESK_ACCESS_KEY_SECRET"_s,
                         QString::fromLatin1(account.root.accessKeySecret));
        return runNodeScript(u"ram-flow.cjs"_s, {scenario}, variables);
    }

    // The scenario passed as a whole, and each named check passed on its own line.
    static void expectPassed(const NodeScriptRun &run, const QString &scenario,
                             const QStringList &checks, const SandboxAccount &account)
    {
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        const QString output = QString::fromUtf8(run.output);
        const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
        for (const QString &check : checks) {
            const QString line = u"PASS "_s + scenario + u' ' + check;
            QVERIFY2(lines.contains(line),
                     qPrintable(u"missing \""_s + line + u"\" in\n"_s + output));
        }
        QVERIFY2(!output.contains(u"FAIL"_s), qPrintable(output));
        QVERIFY2(lines.last().startsWith(u"DONE "_s + scenario + u' ')
                     && lines.last().endsWith(u" passed, 0 failed"_s),
                 qPrintable(output));
        QVERIFY2(!run.output.contains(account.root.accessKeySecret)
                     && !run.errors.contains(account.root.accessKeySecret),
                 "the script printed the AccessKey secret");
    }

    // What the SDK did is really in this sandbox: the flow's user is gone and the root key was
    // used by signed calls.
    void expectCleanAccount(const SandboxAccount &account)
    {
        const HttpResult users
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, u"ListUsers"_s);
        QCOMPARE(users.status, 200);
        QCOMPARE(users.json[u"Users"_s][u"User"_s].toArray().size(), 0);
        const HttpResult lastUsed = m_sandbox.net().rpc(
            m_sandbox.http(), account.root, m_ram, u"GetAccessKeyLastUsed"_s,
            {{u"UserAccessKeyId"_s, QString::fromLatin1(account.root.accessKeyId)}});
        QCOMPARE(lastUsed.status, 200);
        QVERIFY(!lastUsed.json[u"AccessKeyLastUsed"_s][u"LastUsedDate"_s].toString().isEmpty());
    }

    static QStringList flowChecks()
    {
        return {u"CreateUser"_s,
                u"ListUsers"_s,
                u"CreateAccessKey first"_s,
                u"CreateAccessKey second"_s,
                u"ListAccessKeys"_s,
                u"CreateAccessKey third LimitExceeded.User.AccessKey"_s,
                u"new key authenticates (GetUser as the RAM user)"_s,
                u"GetAccessKeyLastUsed"_s,
                u"UpdateAccessKey Inactive"_s,
                u"ListAccessKeys shows Inactive"_s,
                u"disabled key refused InvalidAccessKeyId.Inactive"_s,
                u"DeleteUser with keys DeleteConflict.User.AccessKey"_s,
                u"DeleteAccessKey first"_s,
                u"DeleteAccessKey second"_s,
                u"ListAccessKeys empty"_s,
                u"DeleteUser"_s,
                u"GetUser after delete EntityNotExist.User"_s};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    // The SDK's default signature, ACS3-HMAC-SHA256 (protocols.md §1.8 "Which one...").
    void accessKeyFlowWithDefaultV3Signature()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(!account.root.accessKeyId.isEmpty());
        expectPassed(runScenario(u"v3"_s, account), u"v3"_s, flowChecks(), account);
        if (!QTest::currentTestFailed())
            expectCleanAccount(account);
    }

    // signatureAlgorithm 'v2' in the client Config: the older RPC signature, HMAC-SHA1 (§1.8).
    void accessKeyFlowWithV2Signature()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(!account.root.accessKeyId.isEmpty());
        expectPassed(runScenario(u"v2"_s, account), u"v2"_s, flowChecks(), account);
        if (!QTest::currentTestFailed())
            expectCleanAccount(account);
    }

    void wrongSecretGetsSignatureDoesNotMatch()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(!account.root.accessKeyId.isEmpty());
        expectPassed(runScenario(u"wrong-secret"_s, account), u"wrong-secret"_s,
                     {u"v3 SignatureDoesNotMatch"_s, u"v2 SignatureDoesNotMatch"_s}, account);
    }

    // The script can fail, and says why with the SDK's error: code, status and request id.
    void failedCallsAreReportedWithTheSdkError()
    {
        SandboxAccount account = m_sandbox.createAccount(false);
        account.root.accessKeySecret = "not-the-secret-of-this-key";
        const NodeScriptRun run = runScenario(u"v3"_s, account);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 1);
        static const QRegularExpression failure(
            u"^FAIL v3 CreateUser: name=ClientError code=SignatureDoesNotMatch status=400"
            u" requestId=[0-9A-F-]{36} message=.+$"_s,
            QRegularExpression::MultilineOption);
        QVERIFY2(failure.match(QString::fromUtf8(run.output)).hasMatch(),
                 qPrintable(run.describe()));
    }

    void unknownScenarioFails()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const NodeScriptRun run = runScenario(u"no-such-scenario"_s, account);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        QVERIFY(run.exitCode != 0);
        QVERIFY(run.output.startsWith("FAIL no-such-scenario"));
    }
};

QTEST_GUILESS_MAIN(TestNodeSdkInterop)
#include "TestNodeSdkInterop.moc"
