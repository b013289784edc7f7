#include "SandboxFixture.h"
#include "protocol/RpcSignature.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// How the sandbox's gateway checks Alibaba Cloud signatures (protocols.md §1.2-1.8), over
// real HTTP on loopback.
class TestSandboxAuth : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    SandboxAccount m_account;
    const QString m_ram = u"2015-05-01"_s;

    HttpResult listKeys(const protocol::AcsCredentials &credentials,
                        const SignOptions &options = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, m_ram, u"ListAccessKeys"_s, {},
                                   options);
    }

    // A valid ACS3 ListAccessKeys request, for tests that then break one part of it.
    protocol::Acs3SigningInput listKeysInput()
    {
        protocol::Acs3SigningInput input;
        input.host = TestHttp::hostOf(m_sandbox.http());
        input.action = "ListAccessKeys";
        input.version = m_ram.toLatin1();
        input.date = m_sandbox.net().now();
        input.nonce = TestHttp::freshNonce();
        return input;
    }

    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.code(), code);
        QCOMPARE(result.status, status);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
        QVERIFY(!result.json.value(u"Message"_s).toString().isEmpty());
        QVERIFY(result.json.value(u"Recommend"_s).toString().contains(code));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_account = m_sandbox.createAccount();
        QVERIFY(!m_account.root.accessKeyId.isEmpty());
    }

    void acs3SignatureIsAccepted()
    {
        const HttpResult result = listKeys(m_account.root);
        QCOMPARE(result.status, 200);
        const QJsonArray keys = result.json[u"AccessKeys"_s][u"AccessKey"_s].toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.at(0)[u"AccessKeyId"_s].toString().toLatin1(), m_account.root.accessKeyId);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
    }

    void v1SignatureIsAcceptedWithGetAndPost_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("POST") << "POST"_ba;
        QTest::newRow("GET") << "GET"_ba;
    }

    void v1SignatureIsAcceptedWithGetAndPost()
    {
        QFETCH(QByteArray, method);
        SignOptions options;
        options.v1 = true;
        options.method = method;
        const HttpResult result = listKeys(m_account.root, options);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json[u"AccessKeys"_s][u"AccessKey"_s].toArray().size(), 1);
    }

    void v1FormBodyParametersAreSigned()
    {
        // The SDK's V1 path may carry parameters in a form body; they are part of the signature.
        const QDateTime now = m_sandbox.net().now();
        protocol::QueryItems params {
            {u"AccessKeyId"_s, QString::fromLatin1(m_account.root.accessKeyId)},
            {u"Action"_s, u"CreateUser"_s},
            {u"Format"_s, u"json"_s},
            {u"SignatureMethod"_s, u"HMAC-SHA1"_s},
            {u"SignatureNonce"_s, QString::fromLatin1(TestHttp::freshNonce())},
            {u"SignatureVersion"_s, u"1.0"_s},
            {u"Timestamp"_s, QString::fromLatin1(protocol::acs3Date(now))},
            {u"Version"_s, m_ram},
            {u"UserName"_s, u"form-user"_s}};
        const QByteArray signature = protocol::rpcSignature(
            protocol::rpcStringToSign("POST", params), m_account.root.accessKeySecret);
        params.append({u"Signature"_s, QString::fromLatin1(signature)});
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        const HttpResult result = m_sandbox.net().send(
            "POST", url, {{"content-type", "application/x-www-form-urlencoded"}},
            TestHttp::encodeQuery(params));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json[u"User"_s][u"UserName"_s].toString(), u"form-user"_s);
    }

    void wrongSecretIsSignatureDoesNotMatch_data()
    {
        QTest::addColumn<bool>("v1");
        QTest::newRow("ACS3") << false;
        QTest::newRow("V1") << true;
    }

    void wrongSecretIsSignatureDoesNotMatch()
    {
        QFETCH(bool, v1);
        protocol::AcsCredentials wrong = m_account.root;
        wrong.accessKeySecret += 'x';
        SignOptions options;
        options.v1 = v1;
        const HttpResult result = listKeys(wrong, options);
        expectError(result, 400, u"SignatureDoesNotMatch"_s);
        // Like the real gateway, the message shows the string the server signed.
        QVERIFY(result.json[u"Message"_s].toString().contains(v1 ? u"POST&%2F&"_s
                                                                 : u"ACS3-HMAC-SHA256\n"_s));
    }

    void tamperedQueryIsSignatureDoesNotMatch()
    {
        protocol::Acs3SigningInput input = listKeysInput();
        input.query = {{u"UserName"_s, u"alice"_s}};
        const auto headers = protocol::acs3SignRequest(m_account.root, input);
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        url.setQuery(u"UserName=mallory"_s);
        expectError(m_sandbox.net().send("POST", url, headers), 400, u"SignatureDoesNotMatch"_s);
    }

    void tamperedBodyIsRefused()
    {
        protocol::Acs3SigningInput input = listKeysInput();
        input.body = "a=1";
        input.contentType = "text/plain";
        const auto headers = protocol::acs3SignRequest(m_account.root, input);
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        expectError(m_sandbox.net().send("POST", url, headers, "a=2"), 400,
                    u"SignatureDoesNotMatch"_s);
    }

    void clockSkewOverFifteenMinutesIsExpired_data()
    {
        QTest::addColumn<qint64>("skew");
        QTest::addColumn<bool>("v1");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("16 min behind") << qint64(-16 * 60) << false << false;
        QTest::newRow("16 min ahead") << qint64(16 * 60) << false << false;
        QTest::newRow("14 min behind") << qint64(-14 * 60) << false << true;
        QTest::newRow("V1 16 min behind") << qint64(-16 * 60) << true << false;
    }

    void clockSkewOverFifteenMinutesIsExpired()
    {
        QFETCH(qint64, skew);
        QFETCH(bool, v1);
        QFETCH(bool, accepted);
        SignOptions options;
        options.v1 = v1;
        options.date = m_sandbox.net().now().addSecs(skew);
        const HttpResult result = listKeys(m_account.root, options);
        if (accepted)
            QCOMPARE(result.status, 200);
        else
            expectError(result, 400, u"InvalidTimeStamp.Expired"_s);
    }

    void reusedNonceIsRefused()
    {
        SignOptions options;
        options.nonce = TestHttp::freshNonce();
        QCOMPARE(listKeys(m_account.root, options).status, 200);
        expectError(listKeys(m_account.root, options), 400, u"SignatureNonceUsed"_s);
        options.v1 = true;
        expectError(listKeys(m_account.root, options), 400, u"SignatureNonceUsed"_s);
    }

    void unknownActionOrVersionIsNotFound_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("action");
        QTest::newRow("action") << m_ram << u"ListEverything"_s;
        QTest::newRow("version") << u"1999-01-01"_s << u"ListAccessKeys"_s;
    }

    void unknownActionOrVersionIsNotFound()
    {
        QFETCH(QString, version);
        QFETCH(QString, action);
        expectError(m_sandbox.net().rpc(m_sandbox.http(), m_account.root, version, action), 404,
                    u"InvalidApi.NotFound"_s);
    }

    void unknownAccessKeyIsNotFound()
    {
        const protocol::AcsCredentials stranger {"LTAIdoesnotexist000000", "whatever", {}};
        expectError(listKeys(stranger), 404, u"InvalidAccessKeyId.NotFound"_s);
        SignOptions options;
        options.v1 = true;
        expectError(listKeys(stranger, options), 404, u"InvalidAccessKeyId.NotFound"_s);
    }

    void inactiveAccessKeyIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const HttpResult created
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, u"CreateAccessKey"_s);
        QCOMPARE(created.status, 200);
        const QJsonObject key = created.json[u"AccessKey"_s].toObject();
        const protocol::AcsCredentials second {key[u"AccessKeyId"_s].toString().toLatin1(),
                                               key[u"AccessKeySecret"_s].toString().toLatin1(),
                                               {}};
        QCOMPARE(listKeys(second).status, 200);
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), account.root, m_ram, u"UpdateAccessKey"_s,
                          {{u"UserAccessKeyId"_s, QString::fromLatin1(second.accessKeyId)},
                           {u"Status"_s, u"Inactive"_s}})
                     .status,
                 200);
        expectError(listKeys(second), 400, u"InvalidAccessKeyId.Inactive"_s);
    }

    void malformedAuthorizationIsIncompleteSignature_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("garbage") << "ACS3-HMAC-SHA256 nonsense"_ba;
        QTest::newRow("unknown algorithm")
            << "HMAC-MD5 Credential=a,SignedHeaders=host,Signature=b"_ba;
        QTest::newRow("required header unsigned")
            << "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b"_ba;
    }

    void malformedAuthorizationIsIncompleteSignature()
    {
        QFETCH(QByteArray, authorization);
        protocol::Acs3SigningInput input = listKeysInput();
        auto headers = protocol::acs3SignRequest(m_account.root, input);
        for (auto &header : headers) {
            if (header.first == "Authorization")
                header.second = authorization;
        }
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        expectError(m_sandbox.net().send("POST", url, headers), 400, u"IncompleteSignature"_s);
    }

    void unsignedAcsHeaderIsIncompleteSignature()
    {
        protocol::Acs3SigningInput input = listKeysInput();
        auto headers = protocol::acs3SignRequest(m_account.root, input);
        headers.append(qMakePair("x-acs-extra"_ba, "smuggled"_ba));
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        expectError(m_sandbox.net().send("POST", url, headers), 400, u"IncompleteSignature"_s);
    }

    void malformedDateIsInvalidTimeStampFormat()
    {
        // A V1 Timestamp is inside the signature, so a badly formed one is signed faithfully.
        const QDateTime now = m_sandbox.net().now();
        protocol::QueryItems params {
            {u"AccessKeyId"_s, QString::fromLatin1(m_account.root.accessKeyId)},
            {u"Action"_s, u"ListAccessKeys"_s},
            {u"SignatureMethod"_s, u"HMAC-SHA1"_s},
            {u"SignatureNonce"_s, QString::fromLatin1(TestHttp::freshNonce())},
            {u"SignatureVersion"_s, u"1.0"_s},
            {u"Timestamp"_s, now.toString(u"yyyy/MM/dd HH:mm:ss"_s)},
            {u"Version"_s, m_ram}};
        params.append(
            {u"Signature"_s,
             QString::fromLatin1(protocol::rpcSignature(protocol::rpcStringToSign("POST", params),
                                                        m_account.root.accessKeySecret))});
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        url.setQuery(QString::fromLatin1(TestHttp::encodeQuery(params)));
        expectError(m_sandbox.net().send("POST", url), 400, u"InvalidTimeStamp.Format"_s);
    }

    void missingV1ParameterIsMissingParameter()
    {
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        url.setQuery(u"Action=ListAccessKeys&Version=2015-05-01&AccessKeyId=x&Signature=y"_s);
        const HttpResult result = m_sandbox.net().send("POST", url);
        expectError(result, 400, u"MissingParameter"_s);
        QVERIFY(result.json[u"Message"_s].toString().contains(u"SignatureMethod"_s));
    }

    void noSignatureAtAllIsRefused()
    {
        QUrl url = m_sandbox.http();
        url.setPath(u"/"_s);
        url.setQuery(u"Action=ListAccessKeys&Version=2015-05-01"_s);
        const HttpResult result = m_sandbox.net().send("POST", url);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.code(), u"MissingParameter"_s);
    }

    void everyAnswerCarriesARequestId()
    {
        QUrl url = m_sandbox.http();
        url.setPath(u"/no/such/path"_s);
        const HttpResult result = m_sandbox.net().send("GET", url);
        QCOMPARE(result.status, 404);
        QVERIFY(!result.header("x-acs-request-id").isEmpty());
        QCOMPARE(result.json[u"RequestId"_s].toString().toLatin1(),
                 result.header("x-acs-request-id"));
    }

    void lastUsedDateFollowsEverySignedCall()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto lastUsed = [&] {
            return m_sandbox.net()
                .rpc(m_sandbox.http(), account.root, m_ram, u"GetAccessKeyLastUsed"_s,
                     {{u"UserAccessKeyId"_s, QString::fromLatin1(account.root.accessKeyId)}})
                .json[u"AccessKeyLastUsed"_s][u"LastUsedDate"_s]
                .toString();
        };
        const QString first = lastUsed();
        QVERIFY(!first.isEmpty());
        m_sandbox.advanceClock(120);
        QCOMPARE(listKeys(account.root).status, 200);
        const QString second = lastUsed();
        QVERIFY2(second > first, qPrintable(first + u" then "_s + second));
    }
};

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "TestSandboxAuth.moc"
