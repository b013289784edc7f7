#include "SandboxFixture.h"
#include "protocol/HttpDigest.h"
#include "protocol/KeyMask.h"

#include <QAuthenticator>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// OceanBase Cloud MaaS API keys in the sandbox (protocols.md §3, seed 002): HTTP Digest or
// Basic with an OceanBase AccessKey, org/project headers, the envelope, paging and the
// "test this key" data plane, over real HTTP on loopback.
class TestOceanBaseRules : public QObject
{
    Q_OBJECT

private:
    struct ObAccount
    {
        QByteArray accessKeyId;
        QByteArray secret;
        QByteArray orgId;
        QByteArray projectId;
    };
    using Challenge = QMap<QByteArray, QByteArray>;

    SandboxFixture m_sandbox;
    const QByteArray m_keysPath = "/api/v2/maas/apikeys";

    ObAccount newAccount()
    {
        const QJsonObject ob = m_sandbox.createAccount(false).details[u"oceanbase"_s].toObject();
        return {ob[u"accessKeyId"_s].toString().toLatin1(),
                ob[u"accessKeySecret"_s].toString().toLatin1(),
                ob[u"orgId"_s].toString().toLatin1(), ob[u"projectId"_s].toString().toLatin1()};
    }

    QUrl url(const QByteArray &pathAndQuery) const
    {
        return QUrl(m_sandbox.http().toString() + QString::fromLatin1(pathAndQuery));
    }

    static protocol::HttpHeaders scope(const ObAccount &account)
    {
        return {{"X-OB-Org-Id", account.orgId}, {"X-OB-Project-Id", account.projectId}};
    }

    static QByteArray basic(const QByteArray &user, const QByteArray &password)
    {
        return "Basic " + QByteArray(user + ':' + password).toBase64();
    }

    // A call with Basic credentials and the account's scope headers, plus any extra headers.
    HttpResult call(const ObAccount &account, const QByteArray &method,
                    const QByteArray &query = {}, const QByteArray &body = {},
                    const protocol::HttpHeaders &extra = {})
    {
        protocol::HttpHeaders headers = scope(account);
        headers.append(qMakePair("Authorization"_ba, basic(account.accessKeyId, account.secret)));
        headers.append(qMakePair("Content-Type"_ba, "application/json"_ba));
        headers.append(extra);
        return m_sandbox.net().send(method, url(m_keysPath + query), headers, body);
    }

    HttpResult createKey(const ObAccount &account, const QString &name,
                         const QString &action = u"read"_s)
    {
        const QJsonObject body {{u"name"_s, name}, {u"action"_s, action}};
        return call(account, "POST", {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QJsonArray listPage(const ObAccount &account, const QByteArray &query)
    {
        return call(account, "GET", query).json[u"data"_s][u"list"_s].toArray();
    }

    QStringList fill(const ObAccount &account, int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(createKey(account, u"key-%1"_s.arg(i)).json[u"data"_s][u"id"_s].toString());
        return ids;
    }

    // The first (MD5) Digest challenge; QNetworkReply joins repeated headers with ", ".
    static Challenge digestChallenge(const HttpResult &result)
    {
        QByteArray value = result.header("www-authenticate");
        if (!value.startsWith("Digest "))
            return {};
        value = value.mid(7);
        if (const qsizetype next = value.indexOf(", Digest "); next >= 0)
            value.truncate(next);
        return protocol::parseAuthParameters(value).value_or(Challenge());
    }

    Challenge freshChallenge(const ObAccount &account)
    {
        return digestChallenge(m_sandbox.net().send("GET", url(m_keysPath), scope(account)));
    }

    static QByteArray digestHeader(const QByteArray &user, const QByteArray &password,
                                   const Challenge &challenge, const QByteArray &method,
                                   const QByteArray &uri, int nc,
                                   const QByteArray &algorithm = "MD5")
    {
        protocol::DigestAuthorization auth;
        auth.username = user;
        auth.realm = challenge.value("realm");
        auth.nonce = challenge.value("nonce");
        auth.uri = uri;
        auth.algorithm = algorithm;
        auth.qop = "auth";
        auth.nc = QByteArray::number(nc, 16).rightJustified(8, '0');
        auth.cnonce = TestHttp::freshNonce();
        auth.opaque = challenge.value("opaque");
        auth.response = protocol::digestResponse(auth, method, password);
        return "Digest username=\"" + auth.username + "\", realm=\"" + auth.realm + "\", nonce=\""
            + auth.nonce + "\", uri=\"" + auth.uri + "\", algorithm=" + auth.algorithm
            + ", qop=auth, nc=" + auth.nc + ", cnonce=\"" + auth.cnonce + "\", response=\""
            + auth.response + "\", opaque=\"" + auth.opaque + '"';
    }

    HttpResult digestList(const ObAccount &account, const Challenge &challenge, int nc,
                          const QByteArray &password, const QByteArray &algorithm = "MD5")
    {
        protocol::HttpHeaders headers = scope(account);
        headers.append(qMakePair("Authorization"_ba,
                                 digestHeader(account.accessKeyId, password, challenge, "GET",
                                              m_keysPath, nc, algorithm)));
        return m_sandbox.net().send("GET", url(m_keysPath), headers);
    }

    HttpResult probe(const QByteArray &authorization)
    {
        protocol::HttpHeaders headers;
        if (!authorization.isEmpty())
            headers.append(qMakePair("Authorization"_ba, authorization));
        return m_sandbox.net().send("GET", url("/oceanbase/maas/v1/models"), headers);
    }

    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.json[u"errorCode"_s].toString(), code);
        QCOMPARE(result.status, status);
        QCOMPARE(result.json[u"success"_s], QJsonValue(false));
        QVERIFY(!result.json[u"errorMessage"_s].toString().isEmpty());
        QVERIFY(!result.json[u"requestId"_s].toString().isEmpty());
    }

    static void expectSuccess(const HttpResult &result)
    {
        QVERIFY2(result.status == 200, result.body.constData());
        QCOMPARE(result.json[u"success"_s], QJsonValue(true));
        QVERIFY(result.json[u"errorCode"_s].toString().isEmpty());
        QVERIFY(!result.json[u"requestId"_s].toString().isEmpty());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void provisioningGivesOrgProjectAndAccessKey()
    {
        const QJsonObject ob = m_sandbox.createAccount(false).details[u"oceanbase"_s].toObject();
        QCOMPARE(
            ob.keys(),
            (QStringList {u"accessKeyId"_s, u"accessKeySecret"_s, u"orgId"_s, u"projectId"_s}));
        QVERIFY(
            QRegularExpression(u"^org-[a-z0-9]{8}$"_s).match(ob[u"orgId"_s].toString()).hasMatch());
        QVERIFY(QRegularExpression(u"^proj-[a-z0-9]{8}$"_s)
                    .match(ob[u"projectId"_s].toString())
                    .hasMatch());
        QVERIFY(!ob[u"accessKeyId"_s].toString().isEmpty());
        QVERIFY(ob[u"accessKeySecret"_s].toString().size() >= 16);
    }

    void qtAuthenticatorCompletesDigestHandshake()
    {
        const ObAccount account = newAccount();
        QNetworkAccessManager network;
        int prompts = 0;
        connect(&network, &QNetworkAccessManager::authenticationRequired, this,
                [&](QNetworkReply *, QAuthenticator *authenticator) {
                    ++prompts;
                    authenticator->setUser(QString::fromLatin1(account.accessKeyId));
                    authenticator->setPassword(QString::fromLatin1(account.secret));
                });
        const auto send = [&](const QByteArray &method, const QByteArray &body) {
            QNetworkRequest request(url(m_keysPath));
            request.setRawHeader("X-OB-Org-Id", account.orgId);
            request.setRawHeader("X-OB-Project-Id", account.projectId);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            request.setTransferTimeout(30000);
            QNetworkReply *reply = network.sendCustomRequest(request, method, body);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            if (!reply->isFinished())
                loop.exec();
            reply->deleteLater();
            return qMakePair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                             QJsonDocument::fromJson(reply->readAll()).object());
        };
        const auto created = send("POST", R"({"name":"from-qt","action":"write"})"_ba);
        QCOMPARE(created.first, 200);
        QVERIFY(created.second[u"data"_s][u"apiKey"_s].toString().startsWith(u"sk_"_s));
        const auto listed = send("GET", {});
        QCOMPARE(listed.first, 200);
        QCOMPARE(listed.second[u"data"_s][u"totalCount"_s].toInt(), 1);
        QCOMPARE(prompts, 1);
    }

    void missingCredentialsGetDigestChallenge()
    {
        const ObAccount account = newAccount();
        const HttpResult result = m_sandbox.net().send("GET", url(m_keysPath), scope(account));
        expectError(result, 401, u"UNAUTHORIZED"_s);
        const QByteArray header = result.header("www-authenticate");
        QVERIFY2(header.contains("algorithm=SHA-256"), header.constData());
        const Challenge challenge = digestChallenge(result);
        QVERIFY(!challenge.value("realm").isEmpty());
        QCOMPARE(challenge.value("qop"), "auth"_ba);
        QVERIFY(!challenge.value("nonce").isEmpty());
        QVERIFY(!challenge.value("opaque").isEmpty());
        QCOMPARE(challenge.value("algorithm"), "MD5"_ba);
        QVERIFY(!challenge.contains("stale"));
    }

    void digestIsAccepted_data()
    {
        QTest::addColumn<QByteArray>("algorithm");
        QTest::newRow("MD5") << "MD5"_ba;
        QTest::newRow("SHA-256") << "SHA-256"_ba;
    }

    void digestIsAccepted()
    {
        QFETCH(QByteArray, algorithm);
        const ObAccount account = newAccount();
        expectSuccess(digestList(account, freshChallenge(account), 1, account.secret, algorithm));
    }

    void wrongCredentialsAreRefused_data()
    {
        QTest::addColumn<bool>("useDigest");
        QTest::addColumn<bool>("unknownKey");
        QTest::newRow("digest, wrong secret") << true << false;
        QTest::newRow("digest, unknown AccessKey") << true << true;
        QTest::newRow("basic, wrong secret") << false << false;
        QTest::newRow("basic, unknown AccessKey") << false << true;
    }

    void wrongCredentialsAreRefused()
    {
        QFETCH(bool, useDigest);
        QFETCH(bool, unknownKey);
        ObAccount account = newAccount();
        const QByteArray secret = unknownKey ? account.secret : account.secret + "x";
        if (unknownKey)
            account.accessKeyId = "NoSuchAccessKey000000000";
        HttpResult result;
        if (useDigest) {
            result = digestList(account, freshChallenge(account), 1, secret);
        } else {
            protocol::HttpHeaders headers = scope(account);
            headers.append(qMakePair("Authorization"_ba, basic(account.accessKeyId, secret)));
            result = m_sandbox.net().send("GET", url(m_keysPath), headers);
        }
        expectError(result, 401, u"AUTHENTICATION_FAILED"_s);
        QVERIFY(!digestChallenge(result).value("nonce").isEmpty());
    }

    void basicIsAccepted()
    {
        // The MaaS pages' example is `curl -u ak:sk` without --digest: Basic (seed 002).
        const ObAccount account = newAccount();
        expectSuccess(call(account, "GET"));
    }

    void forgedNonceIsRefused()
    {
        const ObAccount account = newAccount();
        Challenge challenge = freshChallenge(account);
        challenge["nonce"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        expectError(digestList(account, challenge, 1, account.secret), 401,
                    u"AUTHENTICATION_FAILED"_s);
    }

    void nonceCountMustIncrease()
    {
        const ObAccount account = newAccount();
        const Challenge challenge = freshChallenge(account);
        expectSuccess(digestList(account, challenge, 1, account.secret));
        expectError(digestList(account, challenge, 1, account.secret), 401,
                    u"NONCE_COUNT_REUSED"_s);
        expectSuccess(digestList(account, challenge, 2, account.secret));
    }

    void staleNonceIsAnsweredWithStaleTrue()
    {
        const ObAccount account = newAccount();
        const Challenge challenge = freshChallenge(account);
        m_sandbox.advanceClock(301);
        const HttpResult result = digestList(account, challenge, 1, account.secret);
        expectError(result, 401, u"NONCE_EXPIRED"_s);
        const Challenge renewed = digestChallenge(result);
        QCOMPARE(renewed.value("stale"), "true"_ba);
        expectSuccess(digestList(account, renewed, 1, account.secret));
    }

    void scopeHeadersAreRequired_data()
    {
        QTest::addColumn<bool>("withOrg");
        QTest::addColumn<bool>("withProject");
        QTest::newRow("no org") << false << true;
        QTest::newRow("no project") << true << false;
        QTest::newRow("neither") << false << false;
    }

    void scopeHeadersAreRequired()
    {
        QFETCH(bool, withOrg);
        QFETCH(bool, withProject);
        const ObAccount account = newAccount();
        protocol::HttpHeaders headers {
            {"Authorization", basic(account.accessKeyId, account.secret)}};
        if (withOrg)
            headers.append(qMakePair("X-OB-Org-Id"_ba, account.orgId));
        if (withProject)
            headers.append(qMakePair("X-OB-Project-Id"_ba, account.projectId));
        expectError(m_sandbox.net().send("GET", url(m_keysPath), headers), 400,
                    u"MISSING_HEADER"_s);
    }

    void scopeHeaderNamesIgnoreCase()
    {
        const ObAccount account = newAccount();
        const protocol::HttpHeaders headers {
            {"Authorization", basic(account.accessKeyId, account.secret)},
            {"x-ob-org-id", account.orgId},
            {"X-Ob-Project-Id", account.projectId}};
        expectSuccess(m_sandbox.net().send("GET", url(m_keysPath), headers));
    }

    void otherOrgOrProjectIsForbidden_data()
    {
        QTest::addColumn<bool>("otherOrg");
        QTest::addColumn<bool>("otherProject");
        QTest::newRow("other org") << true << false;
        QTest::newRow("other project") << false << true;
        QTest::newRow("both") << true << true;
    }

    void otherOrgOrProjectIsForbidden()
    {
        QFETCH(bool, otherOrg);
        QFETCH(bool, otherProject);
        ObAccount account = newAccount();
        const ObAccount other = newAccount();
        if (otherOrg)
            account.orgId = other.orgId;
        if (otherProject)
            account.projectId = other.projectId;
        expectError(call(account, "GET"), 403, u"PERMISSION_DENIED"_s);
    }

    void createListDeleteRoundTrip()
    {
        const ObAccount account = newAccount();
        const HttpResult created = createKey(account, u"my-api-key"_s, u"read"_s);
        expectSuccess(created);
        const QJsonObject data = created.json[u"data"_s].toObject();
        QVERIFY(data[u"apiKey"_s].toString().startsWith(u"sk_"_s));
        QCOMPARE(data[u"name"_s].toString(), u"my-api-key"_s);
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s)
                    .match(data[u"createdAt"_s].toString())
                    .hasMatch());
        const QString id = data[u"id"_s].toString();
        QVERIFY(!id.isEmpty());

        const HttpResult listed = call(account, "GET");
        expectSuccess(listed);
        QCOMPARE(listed.json[u"action"_s].toString(), u"ListAIServiceAPIKeys"_s);
        const QJsonArray list = listed.json[u"data"_s][u"list"_s].toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject item = list.at(0).toObject();
        QCOMPARE(item[u"id"_s].toString(), id);
        QCOMPARE(item[u"name"_s].toString(), u"my-api-key"_s);
        QCOMPARE(item[u"action"_s].toString(), u"read"_s);
        QCOMPARE(item[u"createdAt"_s].toString(), data[u"createdAt"_s].toString());
        QVERIFY(!item[u"updatedAt"_s].toString().isEmpty());
        QVERIFY(item.contains(u"expiresAt"_s));
        QVERIFY(item[u"expiresAt"_s].isNull());

        const HttpResult deleted = call(account, "DELETE", "?id=" + id.toLatin1());
        expectSuccess(deleted);
        QCOMPARE(deleted.json[u"action"_s].toString(), u"DeleteAIServiceAPIKey"_s);
        QCOMPARE(deleted.json[u"message"_s].toString(), u"success"_s);
        QCOMPARE(deleted.json[u"data"_s].toObject(), QJsonObject());
        QCOMPARE(deleted.json[u"error"_s].toObject(), QJsonObject());
        QCOMPARE(call(account, "GET").json[u"data"_s][u"totalCount"_s].toInt(), 0);
    }

    void listNeverContainsKeyValue()
    {
        const ObAccount account = newAccount();
        QStringList values;
        for (const QString &action : {u"read"_s, u"write"_s, u"all"_s})
            values.append(
                createKey(account, action, action).json[u"data"_s][u"apiKey"_s].toString());
        const HttpResult listed = call(account, "GET");
        expectSuccess(listed);
        QSet<QString> masked;
        for (const QJsonValue item : listed.json[u"data"_s][u"list"_s].toArray())
            masked.insert(item[u"maskedKey"_s].toString());
        for (const QString &value : values) {
            QVERIFY(!value.isEmpty());
            QVERIFY2(!listed.body.contains(value.toLatin1()), "the list leaked a key's value");
            QVERIFY(!listed.body.contains(value.right(20).toLatin1()));
            QVERIFY(masked.contains(protocol::maskKey(value)));
        }
    }

    void createValidatesNameAndAction_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("name missing") << R"({"action":"read"})"_ba;
        QTest::newRow("name null") << R"({"name":null,"action":"read"})"_ba;
        QTest::newRow("name empty") << R"({"name":"","action":"read"})"_ba;
        QTest::newRow("name blank") << R"({"name":"   ","action":"read"})"_ba;
        QTest::newRow("name number") << R"({"name":42,"action":"read"})"_ba;
        QTest::newRow("name too long")
            << QByteArray(R"({"name":")" + QByteArray(65, 'n') + R"(","action":"read"})");
        QTest::newRow("name control char") << R"({"name":"a\u0001b","action":"read"})"_ba;
        QTest::newRow("action missing") << R"({"name":"k"})"_ba;
        QTest::newRow("action empty") << R"({"name":"k","action":""})"_ba;
        QTest::newRow("action unknown") << R"({"name":"k","action":"admin"})"_ba;
        QTest::newRow("action upper case") << R"({"name":"k","action":"READ"})"_ba;
        QTest::newRow("action array") << R"({"name":"k","action":["read"]})"_ba;
    }

    void createValidatesNameAndAction()
    {
        QFETCH(QByteArray, body);
        const ObAccount account = newAccount();
        expectError(call(account, "POST", {}, body), 400, u"INVALID_PARAMETER"_s);
        QCOMPARE(call(account, "GET").json[u"data"_s][u"totalCount"_s].toInt(), 0);
    }

    void createAcceptsEveryDocumentedAction_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("read") << u"read"_s;
        QTest::newRow("write") << u"write"_s;
        QTest::newRow("all") << u"all"_s;
    }

    void createAcceptsEveryDocumentedAction()
    {
        QFETCH(QString, action);
        const ObAccount account = newAccount();
        expectSuccess(createKey(account, QString(64, u'n'), action));
        QCOMPARE(listPage(account, {}).at(0)[u"action"_s].toString(), action);
    }

    void malformedBodyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << "name=k&action=read"_ba;
        QTest::newRow("truncated") << R"({"name":"k","action":)"_ba;
        QTest::newRow("array") << R"([{"name":"k","action":"read"}])"_ba;
        QTest::newRow("string") << R"("read")"_ba;
        QTest::newRow("huge number") << R"({"name":1e999999,"action":"read"})"_ba;
    }

    void malformedBodyIsRefused()
    {
        QFETCH(QByteArray, body);
        const ObAccount account = newAccount();
        const HttpResult result = call(account, "POST", {}, body);
        QVERIFY2(result.json[u"errorCode"_s].toString() == u"INVALID_REQUEST_BODY"_s
                     || result.json[u"errorCode"_s].toString() == u"INVALID_PARAMETER"_s,
                 result.body.constData());
        QCOMPARE(result.status, 400);
        QCOMPARE(result.json[u"success"_s], QJsonValue(false));
    }

    void uidMustNotBeEmptyWhenSent()
    {
        const ObAccount account = newAccount();
        expectError(call(account, "GET", "?uid="), 400, u"INVALID_PARAMETER"_s);
        expectError(call(account, "POST", "?uid=", R"({"name":"k","action":"read"})"), 400,
                    u"INVALID_PARAMETER"_s);
        expectSuccess(call(account, "GET", "?uid=1234567890"));
        expectSuccess(call(account, "POST", "?uid=1234567890", R"({"name":"k","action":"read"})"));
    }

    void pagesOfTen()
    {
        const ObAccount account = newAccount();
        const QStringList ids = fill(account, 25);
        const HttpResult first = call(account, "GET");
        expectSuccess(first);
        const QJsonObject data = first.json[u"data"_s].toObject();
        QCOMPARE(data[u"totalCount"_s].toInt(), 25);
        QCOMPARE(data[u"pageNumber"_s].toInt(), 1);
        QCOMPARE(data[u"pageSize"_s].toInt(), 10);
        QSet<QString> seen;
        const QList<int> sizes {10, 10, 5};
        for (int page = 1; page <= 3; ++page) {
            const QJsonArray list
                = listPage(account, "?pageSize=10&pageNumber=" + QByteArray::number(page));
            QCOMPARE(list.size(), sizes.at(page - 1));
            for (const QJsonValue item : list)
                seen.insert(item[u"id"_s].toString());
        }
        QCOMPARE(seen, QSet<QString>(ids.cbegin(), ids.cend()));
    }

    void pageSizeOverHundredIsForcedToTwenty()
    {
        const ObAccount account = newAccount();
        fill(account, 25);
        const HttpResult result = call(account, "GET", "?pageSize=101");
        expectSuccess(result);
        QCOMPARE(result.json[u"data"_s][u"list"_s].toArray().size(), 20);
        QCOMPARE(result.json[u"data"_s][u"pageSize"_s].toInt(), 20);
        QCOMPARE(listPage(account, "?pageSize=100").size(), 25);
        QCOMPARE(listPage(account, "?pageSize=99999999999999999999999").size(), 20);
    }

    void pageBeyondEndIsEmpty_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("page 4 of 3") << "?pageSize=10&pageNumber=4"_ba;
        QTest::newRow("far page") << "?pageNumber=9223372036854775807"_ba;
        QTest::newRow("overflowing page") << "?pageNumber=99999999999999999999999"_ba;
    }

    void pageBeyondEndIsEmpty()
    {
        QFETCH(QByteArray, query);
        const ObAccount account = newAccount();
        fill(account, 25);
        const HttpResult result = call(account, "GET", query);
        expectSuccess(result);
        QCOMPARE(result.json[u"data"_s][u"list"_s].toArray().size(), 0);
        QCOMPARE(result.json[u"data"_s][u"totalCount"_s].toInt(), 25);
    }

    void badPageParametersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("pageNumber 0") << "?pageNumber=0"_ba;
        QTest::newRow("pageNumber negative") << "?pageNumber=-1"_ba;
        QTest::newRow("pageNumber text") << "?pageNumber=abc"_ba;
        QTest::newRow("pageNumber empty") << "?pageNumber="_ba;
        QTest::newRow("pageSize 0") << "?pageSize=0"_ba;
        QTest::newRow("pageSize fraction") << "?pageSize=1.5"_ba;
    }

    void badPageParametersAreRefused()
    {
        QFETCH(QByteArray, query);
        expectError(call(newAccount(), "GET", query), 400, u"INVALID_PARAMETER"_s);
    }

    void listActionIsEchoedOrRefused()
    {
        const ObAccount account = newAccount();
        const HttpResult echoed = call(account, "GET", "?Action=ListAIServiceAPIKeys");
        expectSuccess(echoed);
        QCOMPARE(echoed.json[u"action"_s].toString(), u"ListAIServiceAPIKeys"_s);
        expectError(call(account, "GET", "?Action=DeleteAIServiceAPIKey"), 400,
                    u"INVALID_PARAMETER"_s);
    }

    void deleteNeedsAKnownIdOfTheProject()
    {
        const ObAccount account = newAccount();
        const ObAccount other = newAccount();
        const QByteArray othersKey
            = createKey(other, u"theirs"_s).json[u"data"_s][u"id"_s].toString().toLatin1();
        expectError(call(account, "DELETE"), 400, u"INVALID_PARAMETER"_s);
        expectError(call(account, "DELETE", "?id="), 400, u"INVALID_PARAMETER"_s);
        expectError(call(account, "DELETE", "?id=ak-doesnotexist0000"), 404,
                    u"API_KEY_NOT_FOUND"_s);
        expectError(call(account, "DELETE", "?id=" + othersKey), 404, u"API_KEY_NOT_FOUND"_s);
        QCOMPARE(call(other, "GET").json[u"data"_s][u"totalCount"_s].toInt(), 1);
    }

    void keysArePerProject()
    {
        const ObAccount account = newAccount();
        const ObAccount other = newAccount();
        createKey(account, u"mine"_s);
        QCOMPARE(call(other, "GET").json[u"data"_s][u"totalCount"_s].toInt(), 0);
    }

    void projectHoldsAtMostFiftyKeys()
    {
        const ObAccount account = newAccount();
        fill(account, 50);
        expectError(createKey(account, u"one-too-many"_s), 409, u"API_KEY_LIMIT_EXCEEDED"_s);
        QCOMPARE(call(account, "GET").json[u"data"_s][u"totalCount"_s].toInt(), 50);
    }

    void dataPlaneAcceptsLiveKeyAndRefusesDeletedKey()
    {
        const ObAccount account = newAccount();
        const QJsonObject key = createKey(account, u"probe"_s).json[u"data"_s].toObject();
        const QByteArray bearer = "Bearer " + key[u"apiKey"_s].toString().toLatin1();
        const HttpResult live = probe(bearer);
        QCOMPARE(live.status, 200);
        QCOMPARE(live.json[u"object"_s].toString(), u"list"_s);
        QVERIFY(!live.json[u"data"_s].toArray().isEmpty());
        QVERIFY(!live.header("x-request-id").isEmpty());

        expectSuccess(call(account, "DELETE", "?id=" + key[u"id"_s].toString().toLatin1()));
        const HttpResult refused = probe(bearer);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.json[u"error"_s][u"code"_s].toString(), u"unauthorized"_s);
        QCOMPARE(refused.json[u"error"_s][u"message"_s].toString(), u"Invalid API key."_s);
    }

    void dataPlaneRefusesMissingOrBogusKey_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("bogus") << "Bearer sk_notakey"_ba;
        QTest::newRow("empty bearer") << "Bearer "_ba;
        QTest::newRow("basic") << "Basic YTpi"_ba;
    }

    void dataPlaneRefusesMissingOrBogusKey()
    {
        QFETCH(QByteArray, authorization);
        const HttpResult result = probe(authorization);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.json[u"error"_s][u"code"_s].toString(), u"unauthorized"_s);
    }

    void everyResponseHasRequestIdAndServer_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("auth"); // 0 none, 1 Basic, 2 wrong secret
        QTest::addColumn<int>("status");
        QTest::newRow("401 no credentials") << "GET"_ba << QByteArray() << QByteArray() << 0 << 401;
        QTest::newRow("401 wrong secret") << "GET"_ba << QByteArray() << QByteArray() << 2 << 401;
        QTest::newRow("200 list") << "GET"_ba << QByteArray() << QByteArray() << 1 << 200;
        QTest::newRow("200 create")
            << "POST"_ba << QByteArray() << R"({"name":"k","action":"read"})"_ba << 1 << 200;
        QTest::newRow("400 create") << "POST"_ba << QByteArray() << "{"_ba << 1 << 400;
        QTest::newRow("404 delete") << "DELETE"_ba
                                    << "?id=ak-none"_ba << QByteArray() << 1 << 404;
        QTest::newRow("405 put") << "PUT"_ba << QByteArray() << QByteArray() << 1 << 405;
    }

    void everyResponseHasRequestIdAndServer()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        QFETCH(int, auth);
        QFETCH(int, status);
        const ObAccount account = newAccount();
        protocol::HttpHeaders headers = scope(account);
        if (auth > 0)
            headers.append(
                qMakePair("Authorization"_ba,
                          basic(account.accessKeyId, auth == 1 ? account.secret : "wrong"_ba)));
        const HttpResult result
            = m_sandbox.net().send(method, url(m_keysPath + query), headers, body);
        QCOMPARE(result.status, status);
        QVERIFY(result.json[u"success"_s].isBool());
        QVERIFY(!result.json[u"requestId"_s].toString().isEmpty());
        QVERIFY(!result.json[u"server"_s].toString().isEmpty());
        QCOMPARE(result.json[u"success"_s].toBool(), status == 200);
        QCOMPARE(result.json.contains(u"errorCode"_s), status != 200);
    }

    void callersRequestIdIsEchoed()
    {
        const ObAccount account = newAccount();
        const HttpResult result = call(account, "GET", {}, {}, {{"X-Request-Id", "req-abc123"}});
        expectSuccess(result);
        QCOMPARE(result.json[u"requestId"_s].toString(), u"req-abc123"_s);
    }
};

QTEST_GUILESS_MAIN(TestOceanBaseRules)
#include "TestOceanBaseRules.moc"
