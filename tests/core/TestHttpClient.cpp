#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/AcsRequest.h"
#include "net/HttpClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

namespace {

// What a finished HttpJob held, copied out before the job deletes itself.
struct Answer
{
    int finishedCount = 0;
    int status = 0;
    QByteArray body;
    KeyError error;
    int attempts = 0;
    qint64 retryAfterMs = -1;
};

} // namespace

// The console's HttpClient against a sandbox that delays, fails, throttles, resets and cuts
// its answers (docs/sandbox-api.md, fault injection): what is retried and what never is,
// timeouts, cancellation, and TLS errors with the certificate's details.
class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_ram = u"2015-05-01"_s;

    QUrl at(const QString &path)
    {
        QUrl url = m_sandbox.http();
        url.setPath(path);
        return url;
    }

    bool setFaults(const QJsonArray &rules)
    {
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"rules"_s, rules}}).toJson(QJsonDocument::Compact);
        return m_sandbox.net()
                   .send("POST", at(u"/_sandbox/faults"_s), {{"content-type", "application/json"}},
                         body)
                   .status
            == 200;
    }

    // How many times the first rule fired (the sandbox counts what it did, not what the
    // client saw).
    int fired()
    {
        const QJsonArray rules = m_sandbox.net()
                                     .send("GET", at(u"/_sandbox/faults"_s))
                                     .json.value(u"rules"_s)
                                     .toArray();
        return rules.isEmpty() ? -1 : rules.first().toObject().value(u"fired"_s).toInt();
    }

    static QJsonObject rule(const QString &action, const QString &fault,
                            const QJsonObject &fields = {})
    {
        QJsonObject rule = fields;
        rule.insert(u"match"_s, QJsonObject {{u"action"_s, action}});
        rule.insert(u"fault"_s, fault);
        return rule;
    }

    static HttpClient *quickClient(QObject *parent, int maxAttempts = 4)
    {
        auto *client = new HttpClient(parent);
        RetryPolicy policy;
        policy.maxAttempts = maxAttempts;
        policy.baseDelayMs = 20;
        policy.maxDelayMs = 100;
        client->setRetryPolicy(policy);
        return client;
    }

    HttpRequestSpec ramCall(const SandboxAccount &account, const QString &action,
                            const protocol::QueryItems &params, bool idempotent,
                            const QUrl &endpoint = {})
    {
        const Profile profile
            = sandboxProfile(ServiceKind::Ram, endpoint.isEmpty() ? m_sandbox.http() : endpoint,
                             QString::fromLatin1(account.root.accessKeyId));
        return acsRpcRequest(profile, account.root.accessKeySecret, m_ram, action, params,
                             idempotent);
    }

    static Answer await(HttpJob *job, int timeoutMs = 20000)
    {
        Answer answer;
        QObject::connect(job, &HttpJob::finished, job, [&answer](HttpJob *done) {
            ++answer.finishedCount;
            answer.status = done->status();
            answer.body = done->body();
            answer.error = done->transportError();
            answer.attempts = done->attempts();
            answer.retryAfterMs = done->retryAfterMs();
        });
        if (!QTest::qWaitFor([&answer] { return answer.finishedCount > 0; }, timeoutMs))
            qWarning("The request did not finish within %d ms.", timeoutMs);
        return answer;
    }

    // The caller's AccessKey ids, read past the client under test.
    QStringList keyIds(const SandboxAccount &account)
    {
        const HttpResult listed
            = m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, u"ListAccessKeys"_s);
        QStringList ids;
        const QJsonArray keys
            = listed.json.value(u"AccessKeys"_s).toObject().value(u"AccessKey"_s).toArray();
        for (const QJsonValue key : keys)
            ids.append(key.toObject().value(u"AccessKeyId"_s).toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void cleanup() { QVERIFY(setFaults({})); }

    void aReadIsRetriedAfterServerErrors()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults(
            {rule(u"ListAccessKeys"_s, u"status"_s, {{u"status"_s, 503}, {u"count"_s, 2}})}));
        QObject owner;
        const Answer answer
            = await(quickClient(&owner)->send(ramCall(account, u"ListAccessKeys"_s, {}, true)));
        QCOMPARE(answer.error.kind, KeyError::Kind::None);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.attempts, 3);
        QCOMPARE(fired(), 2);
        QVERIFY(answer.body.contains(account.root.accessKeyId));
    }

    void aReadGivesUpAfterTheLastAttempt()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, u"status"_s, {{u"status"_s, 500}})}));
        QObject owner;
        const Answer answer
            = await(quickClient(&owner, 3)->send(ramCall(account, u"ListAccessKeys"_s, {}, true)));
        // The last answer is the caller's to read: a 500 with the gateway's error body.
        QCOMPARE(answer.status, 500);
        QCOMPARE(answer.attempts, 3);
        QCOMPARE(fired(), 3);
        QVERIFY(answer.body.contains("InternalError"));
    }

    void aReadIsRetriedAfterResetsAndCutAnswers_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("connection reset") << u"reset"_s;
        QTest::newRow("truncated body") << u"truncate"_s;
    }

    void aReadIsRetriedAfterResetsAndCutAnswers()
    {
        QFETCH(QString, fault);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, fault, {{u"count"_s, 2}})}));
        QObject owner;
        const Answer answer
            = await(quickClient(&owner)->send(ramCall(account, u"ListAccessKeys"_s, {}, true)));
        QCOMPARE(answer.error.kind, KeyError::Kind::None);
        QCOMPARE(answer.status, 200);
        QCOMPARE(fired(), 2);
        // A reset before any answer byte may be resent by Qt itself within one attempt.
        QVERIFY(answer.attempts >= 2 || fault == u"reset"_s);
        QVERIFY(answer.body.contains(account.root.accessKeyId));
    }

    // A create is not retried after a 5xx, a reset, a cut answer or a timeout: it may have
    // been carried out, and a second key's secret would never be seen. Exactly one key is made.
    void aCreateIsNeverRetried_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::addColumn<KeyError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("503 after carrying it out")
            << QJsonObject {{u"fault"_s, u"status"_s}, {u"status"_s, 503}, {u"when"_s, u"after"_s}}
            << KeyError::Kind::None << 503;
        QTest::newRow("reset after carrying it out")
            << QJsonObject {{u"fault"_s, u"reset"_s}, {u"when"_s, u"after"_s}}
            << KeyError::Kind::Network << 0;
        QTest::newRow("answer cut after carrying it out")
            << QJsonObject {{u"fault"_s, u"truncate"_s}, {u"when"_s, u"after"_s}}
            << KeyError::Kind::Network << 0;
        QTest::newRow("answer later than the timeout")
            << QJsonObject {{u"fault"_s, u"latency"_s}, {u"delayMs"_s, 3000}}
            << KeyError::Kind::Timeout << 0;
    }

    void aCreateIsNeverRetried()
    {
        QFETCH(QJsonObject, fault);
        QFETCH(KeyError::Kind, kind);
        QFETCH(int, status);
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QStringList before = keyIds(account);
        QCOMPARE(before.size(), 1);
        fault.insert(u"match"_s, QJsonObject {{u"action"_s, u"CreateAccessKey"_s}});
        QVERIFY(setFaults({fault}));

        QObject owner;
        HttpRequestSpec spec = ramCall(account, u"CreateAccessKey"_s, {}, false);
        spec.timeoutMs = 500;
        const Answer answer = await(quickClient(&owner)->send(spec));
        QCOMPARE(answer.error.kind, kind);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.attempts, 1);
        if (kind != KeyError::Kind::None) // says what the person should do next
            QVERIFY2(answer.error.message.contains(u"refresh"_s), qPrintable(answer.error.message));
        // The sandbox saw one request: neither the client nor Qt underneath sent it again.
        QCOMPARE(fired(), 1);
        QTRY_COMPARE(keyIds(account).size(), 2); // the latency answer lands after the timeout
    }

    // The same over HTTP Digest (OceanBase): the body is sent again to answer the challenge,
    // but not after the connection drops on the authenticated copy.
    void aDigestCreateIsSentOnceAfterItsChallenge()
    {
        const QJsonObject ob
            = m_sandbox.createAccount(false).details.value(u"oceanbase"_s).toObject();
        auto obCall = [&ob, this](const QByteArray &method, const QByteArray &body) {
            HttpRequestSpec spec;
            spec.method = method;
            spec.url = at(u"/api/v2/maas/apikeys"_s);
            spec.body = body;
            spec.idempotent = body.isEmpty();
            spec.user = ob.value(u"accessKeyId"_s).toString();
            spec.password = ob.value(u"accessKeySecret"_s).toString();
            spec.headers
                = {qMakePair("X-OB-Org-Id"_ba, ob.value(u"orgId"_s).toString().toUtf8()),
                   qMakePair("X-OB-Project-Id"_ba, ob.value(u"projectId"_s).toString().toUtf8()),
                   qMakePair("content-type"_ba, "application/json"_ba)};
            return spec;
        };
        // The second POST is the one with credentials (the first is refused with 401).
        QVERIFY(setFaults({QJsonObject {
            {u"match"_s,
             QJsonObject {{u"pathPrefix"_s, u"/api/v2/maas/apikeys"_s}, {u"method"_s, u"POST"_s}}},
            {u"fault"_s, u"reset"_s},
            {u"when"_s, u"after"_s},
            {u"every"_s, 2},
            {u"count"_s, 1}}}));
        QObject owner;
        HttpClient *client = quickClient(&owner);
        const Answer created
            = await(client->send(obCall("POST", R"({"name":"once-only","action":"read"})"_ba)));
        QCOMPARE(created.error.kind, KeyError::Kind::Network);
        QCOMPARE(created.attempts, 1);
        QCOMPARE(fired(), 1);

        const Answer listed = await(client->send(obCall("GET", {})));
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.body.count("once-only"), 1);

        // Without the fault the challenge is answered and the body sent again: one more key.
        QVERIFY(setFaults({}));
        const Answer second
            = await(client->send(obCall("POST", R"({"name":"second","action":"read"})"_ba)));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.error.kind, KeyError::Kind::None);
    }

    // Throttling says the call was not carried out, so even a create is sent again, after
    // the time the server asked for.
    void aThrottledCreateIsRetriedAfterTheServersDelay_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::addColumn<int>("waitMs");
        QTest::newRow("429 with Retry-After: 1")
            << QJsonObject {{u"fault"_s, u"throttle"_s}, {u"retryAfterSeconds"_s, 1}} << 1000;
        QTest::newRow("Throttling.User with x-acs-retry-after: 400")
            << QJsonObject {{u"fault"_s, u"acsThrottle"_s}, {u"retryAfterMs"_s, 400}} << 400;
    }

    void aThrottledCreateIsRetriedAfterTheServersDelay()
    {
        QFETCH(QJsonObject, fault);
        QFETCH(int, waitMs);
        const SandboxAccount account = m_sandbox.createAccount(false);
        fault.insert(u"match"_s, QJsonObject {{u"action"_s, u"CreateAccessKey"_s}});
        fault.insert(u"count"_s, 1);
        QVERIFY(setFaults({fault}));

        QObject owner;
        QElapsedTimer timer;
        timer.start();
        const Answer answer
            = await(quickClient(&owner)->send(ramCall(account, u"CreateAccessKey"_s, {}, false)));
        QCOMPARE(answer.error.kind, KeyError::Kind::None);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.attempts, 2);
        QVERIFY2(timer.elapsed() >= waitMs, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(keyIds(account).size(), 2);
    }

    // A wait longer than the policy's limit is not waited for: the caller gets the throttling
    // at once, with when to try again.
    void aLongThrottleIsReportedWithItsTime()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults(
            {rule(u"ListAccessKeys"_s, u"throttle"_s, {{u"retryAfterSeconds"_s, 3600}})}));
        QObject owner;
        HttpClient *client = quickClient(&owner);
        const Answer answer = await(client->send(ramCall(account, u"ListAccessKeys"_s, {}, true)));
        QCOMPARE(answer.status, 429);
        QCOMPARE(answer.attempts, 1);
        QCOMPARE(answer.retryAfterMs, 3600 * 1000);
        QCOMPARE(fired(), 1);

        // Read as the adapters read it: Throttled, until an hour from now.
        QVERIFY(setFaults(
            {rule(u"ListAccessKeys"_s, u"acsThrottle"_s, {{u"retryAfterMs"_s, 120000}})}));
        KeyError error;
        HttpJob *job = client->send(ramCall(account, u"ListAccessKeys"_s, {}, true));
        bool done = false;
        connect(job, &HttpJob::finished, job, [&](HttpJob *finished) {
            QJsonObject json;
            error = acsAnswer(*finished, json);
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(error.kind, KeyError::Kind::Throttled);
        QCOMPARE(error.serviceCode, u"Throttling.User"_s);
        const qint64 inMs = QDateTime::currentDateTimeUtc().msecsTo(error.until);
        QVERIFY2(inMs > 100000 && inMs <= 120000, qPrintable(QString::number(inMs)));
    }

    void aSlowReadTimesOutOnEveryAttempt()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, u"latency"_s, {{u"delayMs"_s, 5000}})}));
        QObject owner;
        HttpRequestSpec spec = ramCall(account, u"ListAccessKeys"_s, {}, true);
        spec.timeoutMs = 300;
        const Answer answer = await(quickClient(&owner, 2)->send(spec));
        QCOMPARE(answer.error.kind, KeyError::Kind::Timeout);
        QCOMPARE(answer.status, 0);
        QCOMPARE(answer.attempts, 2);
        QCOMPARE(fired(), 2);
        QVERIFY(!answer.error.message.contains(u"refresh"_s)); // a read changed nothing
    }

    void cancelStopsARequestInFlight()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, u"latency"_s, {{u"delayMs"_s, 10000}})}));
        QObject owner;
        HttpJob *job = quickClient(&owner)->send(ramCall(account, u"ListAccessKeys"_s, {}, true));
        int finishedCount = 0;
        KeyError error;
        connect(job, &HttpJob::finished, job, [&](HttpJob *done) {
            ++finishedCount;
            error = done->transportError();
        });
        QTRY_COMPARE(fired(), 1); // the sandbox holds the answer
        QElapsedTimer timer;
        timer.start();
        job->cancel();
        QTRY_COMPARE(finishedCount, 1);
        QCOMPARE(error.kind, KeyError::Kind::Cancelled);
        QVERIFY(timer.elapsed() < 5000); // not the 10 s the answer would have taken
        QTest::qWait(0);
        QCOMPARE(finishedCount, 1); // once
    }

    // Closing the console with calls in flight deletes the client under them: every reply is
    // aborted quietly, over plain HTTP and over HTTPS with a profile's CA, and nothing reports.
    void deletingTheClientWithCallsInFlight()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, u"latency"_s, {{u"delayMs"_s, 10000}})}));
        auto *client = new HttpClient;
        HttpRequestSpec withCa = ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https());
        withCa.caCertificatePath = QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
        int finishedCount = 0;
        for (HttpJob *job :
             {client->send(ramCall(account, u"ListAccessKeys"_s, {}, true)), client->send(withCa),
              client->send(ramCall(account, u"ListAccessKeys"_s, {}, true))}) {
            connect(job, &HttpJob::finished, this, [&] { ++finishedCount; });
        }
        QTRY_COMPARE(fired(), 3); // all three wait for their answers
        delete client;
        QTest::qWait(0);
        QCOMPARE(finishedCount, 0);
    }

    void cancelStopsTheWaitBetweenAttempts()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"ListAccessKeys"_s, u"status"_s, {{u"status"_s, 503}})}));
        QObject owner;
        auto *client = new HttpClient(&owner);
        RetryPolicy slow;
        slow.baseDelayMs = 60000;
        slow.maxDelayMs = 60000;
        client->setRetryPolicy(slow);
        HttpJob *job = client->send(ramCall(account, u"ListAccessKeys"_s, {}, true));
        int finishedCount = 0;
        KeyError error;
        connect(job, &HttpJob::finished, job, [&](HttpJob *done) {
            ++finishedCount;
            error = done->transportError();
        });
        QTRY_COMPARE(fired(), 1);
        QTest::qWait(0); // the 503 is read; the job waits 30-60 s before its next attempt
        job->cancel();
        QTRY_COMPARE(finishedCount, 1);
        QCOMPARE(error.kind, KeyError::Kind::Cancelled);
        QCOMPARE(fired(), 1);
    }

    void anUntrustedCertificateIsReportedWithItsDetails()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QList<QSslCertificate> sandboxCertificate = QSslCertificate::fromPath(
            QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s));
        QCOMPARE(sandboxCertificate.size(), 1);
        QObject owner;
        HttpClient *client = quickClient(&owner);
        const Answer refused = await(
            client->send(ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https())));
        QCOMPARE(refused.error.kind, KeyError::Kind::Tls);
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.attempts, 1); // a certificate does not get better by asking again
        const QString fingerprint = QString::fromLatin1(
            sandboxCertificate.first().digest(QCryptographicHash::Sha256).toHex(':'));
        QVERIFY2(refused.error.details.contains(fingerprint), qPrintable(refused.error.details));
        QVERIFY(refused.error.details.contains(u"subject: "_s));
        QVERIFY(refused.error.details.contains(u"valid: "_s));

        // Trusted as the profile's own CA, the same call goes through...
        HttpRequestSpec withCa = ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https());
        withCa.caCertificatePath = QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
        const Answer trusted = await(client->send(withCa));
        QCOMPARE(trusted.error.kind, KeyError::Kind::None);
        QCOMPARE(trusted.status, 200);
        // ...and a call of a profile without it still is refused: it does not ride on the
        // connection the first one verified.
        const Answer again = await(
            client->send(ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https())));
        QCOMPARE(again.error.kind, KeyError::Kind::Tls);

        // Trusted by the whole client (the demo's sandbox), it goes through too.
        client->setExtraCaCertificates(sandboxCertificate);
        const Answer clientWide = await(
            client->send(ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https())));
        QCOMPARE(clientWide.status, 200);
    }

    // With every keydesk category on, the log of a create and a Digest call (with a retry)
    // holds neither the secrets that signed them nor the one that came back.
    void nothingSecretIsLogged()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QJsonObject ob = account.details.value(u"oceanbase"_s).toObject();
        QVERIFY(setFaults(
            {rule(u"CreateAccessKey"_s, u"status"_s, {{u"status"_s, 429}, {u"count"_s, 1}})}));
        static QStringList messages;
        messages.clear();
        QLoggingCategory::setFilterRules(u"keydesk.*=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &context, const QString &message) {
                messages.append(QString::fromLatin1(context.category) + u' ' + message);
            });
        QObject owner;
        HttpClient *client = quickClient(&owner);
        const Answer created = await(client->send(
            ramCall(account, u"CreateAccessKey"_s, {{u"Secret"_s, u"query-value-1"_s}}, false)));
        HttpRequestSpec digest;
        digest.url = at(u"/api/v2/maas/apikeys"_s);
        digest.idempotent = true;
        digest.user = ob.value(u"accessKeyId"_s).toString();
        digest.password = ob.value(u"accessKeySecret"_s).toString();
        digest.headers
            = {qMakePair("X-OB-Org-Id"_ba, ob.value(u"orgId"_s).toString().toUtf8()),
               qMakePair("X-OB-Project-Id"_ba, ob.value(u"projectId"_s).toString().toUtf8())};
        const Answer listed = await(client->send(digest));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QCOMPARE(created.status, 200);
        QCOMPARE(created.attempts, 2);
        QCOMPARE(listed.status, 200);
        const QString createdSecret = QJsonDocument::fromJson(created.body)
                                          .object()
                                          .value(u"AccessKey"_s)
                                          .toObject()
                                          .value(u"AccessKeySecret"_s)
                                          .toString();
        QVERIFY(createdSecret.size() >= 20);
        QVERIFY(messages.size() >= 6); // three requests and a retry were logged
        const QString log = messages.join(u'\n');
        QVERIFY(log.contains(u"keydesk.net"_s));
        for (const QString &secret :
             {QString::fromLatin1(account.root.accessKeySecret), createdSecret,
              ob.value(u"accessKeySecret"_s).toString(), u"query-value-1"_s}) {
            QVERIFY2(!log.contains(secret), qPrintable(u"a secret is in the log:\n"_s + log));
        }
        QVERIFY(!log.contains(u"ACS3-HMAC-SHA256"_s)); // no Authorization header
    }

    void anUnreadableProfileCaIsATlsError()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QTemporaryDir dir;
        QFile notPem(dir.filePath(u"ca.pem"_s));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        QObject owner;
        HttpClient *client = quickClient(&owner);
        for (const QString &path : {notPem.fileName(), dir.filePath(u"missing.pem"_s)}) {
            HttpRequestSpec spec
                = ramCall(account, u"ListAccessKeys"_s, {}, true, m_sandbox.https());
            spec.caCertificatePath = path;
            const Answer answer = await(client->send(spec));
            QCOMPARE(answer.error.kind, KeyError::Kind::Tls);
            QVERIFY2(answer.error.message.contains(path), qPrintable(answer.error.message));
            QCOMPARE(answer.finishedCount, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "TestHttpClient.moc"
