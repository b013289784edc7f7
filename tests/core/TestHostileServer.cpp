#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/AcsRequest.h"
#include "net/EndpointPolicy.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

Q_DECLARE_METATYPE(keydesk::KeyError::Kind)

namespace {

// What a finished HttpJob held, copied out before the job deletes itself.
struct Answer
{
    bool finished = false;
    int status = 0;
    QByteArray body;
    KeyError error;
    int attempts = 0;
    qint64 received = 0;
};

Answer await(HttpJob *job, int timeoutMs = 20000)
{
    Answer answer;
    QObject::connect(job, &HttpJob::finished, job, [&answer](HttpJob *done) {
        answer.finished = true;
        answer.status = done->status();
        answer.body = done->body();
        answer.error = done->transportError();
        answer.attempts = done->attempts();
        answer.received = done->bytesReceived();
    });
    if (!QTest::qWaitFor([&answer] { return answer.finished; }, timeoutMs))
        qWarning("The request did not finish within %d ms.", timeoutMs);
    return answer;
}

} // namespace

// The HttpClient against a hostile or broken server (the sandbox's endlessBody and
// basicChallenge faults, docs/sandbox-api.md): a reply past its cap is cut off while it
// downloads, a challenge is answered only in the scheme and over the transport that keep the
// secret, and a secret never goes to a plain http:// host off this machine.
class TestHostileServer : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    const QString m_ram = u"2015-05-01"_s;

    QUrl at(const QString &path, bool tls = false)
    {
        QUrl url = tls ? m_sandbox.https() : m_sandbox.http();
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

    // How many requests reached the first rule (the sandbox counts what it received).
    int matched()
    {
        const QJsonArray rules = m_sandbox.net()
                                     .send("GET", at(u"/_sandbox/faults"_s))
                                     .json.value(u"rules"_s)
                                     .toArray();
        return rules.isEmpty() ? -1 : rules.first().toObject().value(u"matched"_s).toInt();
    }

    HttpRequestSpec listUsers(const SandboxAccount &account, const QUrl &endpoint)
    {
        const Profile profile = sandboxProfile(ServiceKind::Ram, endpoint,
                                               QString::fromLatin1(account.root.accessKeyId));
        return acsRpcRequest(profile, account.root.accessKeySecret, m_ram, u"ListUsers"_s, {},
                             true);
    }

    HttpRequestSpec oceanBaseList(const QJsonObject &ob, bool tls)
    {
        HttpRequestSpec spec;
        spec.url = at(u"/api/v2/maas/apikeys"_s, tls);
        spec.idempotent = true;
        spec.user = ob.value(u"accessKeyId"_s).toString();
        spec.password = ob.value(u"accessKeySecret"_s).toString();
        spec.headers
            = {qMakePair("X-OB-Org-Id"_ba, ob.value(u"orgId"_s).toString().toUtf8()),
               qMakePair("X-OB-Project-Id"_ba, ob.value(u"projectId"_s).toString().toUtf8())};
        return spec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void cleanup() { QVERIFY(setFaults({})); }

    // An endless body (or one that announces a terabyte) ends in TooLarge as soon as it passes
    // the cap, with no more than the cap and one chunk held, and is never asked for again.
    // (The announced one first: a second endless body right after one cut off with
    // "Connection: close" was seen to stall on this client until its timeout.)
    void anEndlessBodyIsCutOffAtTheCap_data()
    {
        QTest::addColumn<bool>("announceLength");
        QTest::newRow("Content-Length of 1 TiB") << true;
        QTest::newRow("no Content-Length") << false;
    }

    void anEndlessBodyIsCutOffAtTheCap()
    {
        QFETCH(bool, announceLength);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({QJsonObject {{u"match"_s, QJsonObject {{u"action"_s, u"ListUsers"_s}}},
                                        {u"fault"_s, u"endlessBody"_s},
                                        {u"announceLength"_s, announceLength}}}));
        HttpRequestSpec spec = listUsers(account, m_sandbox.http());
        constexpr qint64 cap = qint64(256) * 1024;
        // What Qt hands over at once: what its socket read from the kernel (a few MiB on
        // loopback), however long the body.
        constexpr qint64 chunk = qint64(8) << 20;
        spec.maxReplyBytes = cap;
        spec.timeoutMs = 4000;
        QElapsedTimer timer;
        timer.start();
        // A client of its own, whose connections close with it at the end of the row: the
        // sandbox writes an endless body for as long as the connection stays open, and that
        // stream would compete with the next row's calls for the machine's cores.
        HttpClient client;
        const Answer answer = await(client.send(std::move(spec)));
        QVERIFY(answer.finished);
        QCOMPARE(answer.error.kind, KeyError::Kind::TooLarge);
        QCOMPARE(answer.status, 0);
        QVERIFY(answer.body.isEmpty());
        QVERIFY(!answer.error.message.isEmpty());
        QCOMPARE(answer.attempts, 1);
        QCOMPARE(matched(), 1); // never retried
        QVERIFY2(answer.received <= cap + chunk, qPrintable(QString::number(answer.received)));
        if (announceLength)
            QVERIFY(answer.received <= chunk); // refused on its headers
        else
            QVERIFY(answer.received > cap);
        QVERIFY2(timer.elapsed() < 4000, "cut off by the cap, not by the timeout");
    }

    // The same listing without the fault fits its cap and is read whole.
    void anAnswerWithinTheCapIsRead()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        HttpRequestSpec spec = listUsers(account, m_sandbox.http());
        spec.maxReplyBytes = 4096;
        const Answer answer = await(m_client.send(std::move(spec)));
        QCOMPARE(answer.error.kind, KeyError::Kind::None);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.contains("Users"));
    }

    // A Basic challenge over plain http is refused: no second request carries the secret.
    // Over https it is answered (the sandbox's OceanBase takes Basic too).
    void aBasicChallengeIsAnsweredOnlyOverHttps_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void aBasicChallengeIsAnsweredOnlyOverHttps()
    {
        QFETCH(bool, tls);
        const QJsonObject ob
            = m_sandbox.createAccount(false).details.value(u"oceanbase"_s).toObject();
        QVERIFY(setFaults(
            {QJsonObject {{u"match"_s, QJsonObject {{u"pathPrefix"_s, u"/api/v2/maas/apikeys"_s}}},
                          {u"fault"_s, u"basicChallenge"_s},
                          {u"count"_s, 1}}}));
        const Answer answer = await(m_client.send(oceanBaseList(ob, tls)));
        QVERIFY(answer.finished);
        if (tls) {
            QCOMPARE(answer.error.kind, KeyError::Kind::None);
            QCOMPARE(answer.status, 200);
            QCOMPARE(matched(), 2); // the challenge, then its answer
        } else {
            QCOMPARE(answer.error.kind, KeyError::Kind::Insecure);
            QCOMPARE(answer.status, 401);
            QVERIFY(answer.error.message.contains(u"Basic"_s));
            QCOMPARE(matched(), 1); // the secret was never sent
        }
    }

    // Digest is still answered over loopback http (the sandbox's own challenge).
    void aDigestChallengeIsAnsweredOverLoopbackHttp()
    {
        const QJsonObject ob
            = m_sandbox.createAccount(false).details.value(u"oceanbase"_s).toObject();
        const Answer answer = await(m_client.send(oceanBaseList(ob, false)));
        QCOMPARE(answer.error.kind, KeyError::Kind::None);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.attempts, 1);
    }

    // A call that carries a secret (a signature, credentials, a secret header) to plain http
    // off this machine fails at once, unsigned and unsent: 10.255.255.1 would only time out.
    void aSecretToAPlainHttpHostIsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("carrier");
        QTest::newRow("signed") << u"signed"_s;
        QTest::newRow("credentials") << u"credentials"_s;
        QTest::newRow("authorization header") << u"authorization"_s;
        QTest::newRow("DashVector token") << u"dashvector-auth-token"_s;
    }

    void aSecretToAPlainHttpHostIsRefusedBeforeSending()
    {
        QFETCH(QString, carrier);
        // Besides the unroutable address, one of this machine's own that is not loopback, with
        // a listener that counts connections: none may come.
        QTcpServer listener;
        QUrl ownAddress;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()
                && listener.listen(address)) {
                ownAddress
                    = QUrl(u"http://%1:%2/"_s.arg(address.toString()).arg(listener.serverPort()));
                break;
            }
        }
        QList<QUrl> targets {QUrl(u"http://10.255.255.1/"_s)};
        if (ownAddress.isValid())
            targets.append(ownAddress);
        else
            qInfo("No non-loopback IPv4 address here: only the unroutable one is tried.");
        for (const QUrl &target : std::as_const(targets)) {
            int signatures = 0;
            HttpRequestSpec spec;
            spec.url = target;
            spec.timeoutMs = 5000;
            if (carrier == u"signed"_s) {
                spec.sign = [&signatures] {
                    ++signatures;
                    return protocol::HttpHeaders {};
                };
            } else if (carrier == u"credentials"_s) {
                spec.user = u"ob-access-key"_s;
                spec.password = u"ob-secret"_s;
            } else {
                spec.headers = {qMakePair(carrier.toLatin1(), "sk-secret"_ba)};
            }
            QElapsedTimer timer;
            timer.start();
            const Answer answer = await(m_client.send(std::move(spec)));
            QVERIFY(answer.finished);
            QCOMPARE(answer.error.kind, KeyError::Kind::Insecure);
            QVERIFY(answer.error.message.contains(u"https://"_s));
            QCOMPARE(answer.attempts, 0);
            QCOMPARE(signatures, 0);
            QVERIFY2(timer.elapsed() < 1000, "refused before any connection");
        }
        QTest::qWait(100); // a connection, had one been opened, would be pending by now
        QVERIFY(!listener.hasPendingConnections());
    }

    // The same call to loopback goes out; a call without a secret may go anywhere.
    void loopbackAndHttpsMayCarrySecrets_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("127.0.0.1") << u"http://127.0.0.1:8080/"_s << true;
        QTest::newRow("127.9.8.7") << u"http://127.9.8.7/"_s << true;
        QTest::newRow("localhost") << u"http://localhost:1/"_s << true;
        QTest::newRow("LocalHost.") << u"http://LocalHost./"_s << true;
        QTest::newRow("::1") << u"http://[::1]:8080/"_s << true;
        QTest::newRow("https") << u"https://ram.aliyuncs.com/"_s << true;
        QTest::newRow("10.0.0.1") << u"http://10.0.0.1/"_s << false;
        QTest::newRow("a name") << u"http://ram.aliyuncs.com/"_s << false;
        QTest::newRow("localhost as a subdomain") << u"http://localhost.example.com/"_s << false;
        QTest::newRow("127.0.0.1 as a subdomain") << u"http://127.0.0.1.nip.io/"_s << false;
        QTest::newRow("::ffff:10.0.0.1") << u"http://[::ffff:10.0.0.1]/"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1/"_s << false;
    }

    void loopbackAndHttpsMayCarrySecrets()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(EndpointPolicy::maySendSecretsTo(QUrl(url)), allowed);
        QCOMPARE(EndpointPolicy::plainHttpProblem(QUrl(url)).isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestHostileServer)
#include "TestHostileServer.moc"
