#include "SandboxFixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The sandbox's fault injection (docs/sandbox-api.md, fault injection): what a client sees for each
// fault, which requests a rule applies to, and that the admin hook refuses malformed rules.
class TestSandboxFaults : public QObject
{
    Q_OBJECT

private:
    // What a raw client read on one connection until the server closed it (or 10 s passed).
    struct RawAnswer
    {
        QByteArray head;
        QByteArray body;
        qint64 contentLength = -1;
        bool closedByServer = false;
    };

    SandboxFixture m_sandbox;
    const QString m_ram = u"2015-05-01"_s;

    QUrl at(const QString &path, bool tls = false)
    {
        QUrl url = tls ? m_sandbox.https() : m_sandbox.http();
        url.setPath(path);
        return url;
    }

    HttpResult postFaults(const QByteArray &body)
    {
        return m_sandbox.net().send("POST", at(u"/_sandbox/faults"_s),
                                    {{"content-type", "application/json"}}, body);
    }

    bool setFaults(const QJsonArray &rules)
    {
        const HttpResult result = postFaults(
            QJsonDocument(QJsonObject {{u"rules"_s, rules}}).toJson(QJsonDocument::Compact));
        return result.status == 200;
    }

    QJsonArray faultState()
    {
        return m_sandbox.net()
            .send("GET", at(u"/_sandbox/faults"_s))
            .json.value(u"rules"_s)
            .toArray();
    }

    HttpResult listKeys(const SandboxAccount &account, bool tls = false)
    {
        return m_sandbox.net().rpc(tls ? m_sandbox.https() : m_sandbox.http(), account.root, m_ram,
                                   u"ListAccessKeys"_s);
    }

    HttpResult ram(const SandboxAccount &account, const QString &action,
                   const keydesk::protocol::QueryItems &params = {},
                   const SignOptions &options = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), account.root, m_ram, action, params, options);
    }

    // An unsigned GET on its own connection (asking the server to close it), read to the end.
    RawAnswer rawGet(const QByteArray &path)
    {
        QTcpSocket socket;
        socket.connectToHost(m_sandbox.http().host(),
                             static_cast<quint16>(m_sandbox.http().port()));
        RawAnswer answer;
        if (!socket.waitForConnected(5000))
            return answer;
        socket.write("GET " + path + " HTTP/1.1\r\nHost: " + TestHttp::hostOf(m_sandbox.http())
                     + "\r\nConnection: close\r\n\r\n");
        QByteArray bytes;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000 && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(static_cast<int>(10000 - timer.elapsed()));
            bytes += socket.readAll();
        }
        bytes += socket.readAll();
        answer.closedByServer = socket.state() != QAbstractSocket::ConnectedState;
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        answer.head = end < 0 ? bytes : bytes.left(end);
        answer.body = end < 0 ? QByteArray() : bytes.mid(end + 4);
        for (const QByteArray &line : answer.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                answer.contentLength = line.mid(15).trimmed().toLongLong();
        }
        return answer;
    }

    QJsonObject rule(const QString &fault, QJsonObject fields = {})
    {
        fields.insert(u"fault"_s, fault);
        return fields;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void cleanup()
    {
        QCOMPARE(m_sandbox.net().send("DELETE", at(u"/_sandbox/faults"_s)).status, 200);
    }

    void statusFaultAnswersWithThePopError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("500") << 500 << QString() << u"InternalError"_s;
        QTest::newRow("503") << 503 << QString() << u"ServiceUnavailable"_s;
        QTest::newRow("502 with a code") << 502 << u"BadGateway"_s << u"BadGateway"_s;
    }

    void statusFaultAnswersWithThePopError()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, expectedCode);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QJsonObject fields {{u"status"_s, status}};
        if (!code.isEmpty())
            fields.insert(u"code"_s, code);
        QVERIFY(setFaults({rule(u"status"_s, fields)}));
        const HttpResult result = listKeys(account);
        QCOMPARE(result.status, status);
        QCOMPARE(result.code(), expectedCode);
        QVERIFY(!result.json.value(u"Message"_s).toString().isEmpty());
        QCOMPARE(result.header("x-acs-request-id"),
                 result.json.value(u"RequestId"_s).toString().toLatin1());
        QVERIFY(!result.header("x-acs-request-id").isEmpty());
    }

    void statusFaultSendsAGivenBodyAsIs()
    {
        const QJsonObject body {{u"code"_s, -2034}, {u"message"_s, u"ExceedRateLimit"_s}};
        QVERIFY(setFaults({rule(
            u"status"_s, {{u"status"_s, 503}, {u"body"_s, body}, {u"retryAfterSeconds"_s, 2}})}));
        const HttpResult result = m_sandbox.net().send("GET", at(u"/v1/collections"_s));
        QCOMPARE(result.status, 503);
        QCOMPARE(result.json, body);
        QCOMPARE(result.header("Retry-After"), "2"_ba);
        QVERIFY(!result.header("x-acs-request-id").isEmpty());
    }

    void throttleIs429WithRetryAfterInSeconds()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"throttle"_s, {{u"retryAfterSeconds"_s, 7}})}));
        const HttpResult result = listKeys(account);
        QCOMPARE(result.status, 429);
        QCOMPARE(result.header("Retry-After"), "7"_ba);
        QCOMPARE(result.code(), u"Throttling"_s);
        QVERIFY(result.header("x-acs-retry-after").isEmpty());
    }

    void acsThrottleIsThrottlingUserWithRetryAfterInMilliseconds_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("default status") << 0;
        QTest::newRow("503") << 503;
    }

    void acsThrottleIsThrottlingUserWithRetryAfterInMilliseconds()
    {
        QFETCH(int, status);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QJsonObject fields {{u"retryAfterMs"_s, 1500}};
        if (status != 0)
            fields.insert(u"status"_s, status);
        QVERIFY(setFaults({rule(u"acsThrottle"_s, fields)}));
        const HttpResult result = listKeys(account);
        // protocols.md §1.7: the gateway's throttling is HTTP 400 and keyed on Code.
        QCOMPARE(result.status, status != 0 ? status : 400);
        QCOMPARE(result.code(), u"Throttling.User"_s);
        QCOMPARE(result.header("x-acs-retry-after"), "1500"_ba);
        QVERIFY(result.header("Retry-After").isEmpty());
    }

    void resetClosesTheConnectionWithoutAnAnswer_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("HTTP") << false;
        QTest::newRow("HTTPS") << true;
    }

    void resetClosesTheConnectionWithoutAnAnswer()
    {
        QFETCH(bool, tls);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"reset"_s)}));
        const HttpResult result = listKeys(account, tls);
        QCOMPARE(result.status, 0);
        QVERIFY2(result.error == QNetworkReply::RemoteHostClosedError,
                 qPrintable(result.errorString));

        const RawAnswer raw = rawGet("/");
        QVERIFY(raw.closedByServer);
        QVERIFY(raw.head.isEmpty());
    }

    void truncateSendsPartOfTheBodyAndCloses()
    {
        QVERIFY(setFaults({rule(u"truncate"_s, {{u"when"_s, u"after"_s}})}));
        const RawAnswer raw = rawGet("/nothing/here");
        QVERIFY(raw.closedByServer);
        QVERIFY(raw.head.startsWith("HTTP/1.1 404"));
        QVERIFY(raw.contentLength > 0);
        QCOMPARE(raw.body.size(), raw.contentLength / 2);
    }

    void truncatedAnswerIsAnErrorForTheClient()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const qsizetype full = listKeys(account).body.size();
        QVERIFY(setFaults({rule(u"truncate"_s, {{u"when"_s, u"after"_s}})}));
        const HttpResult result = listKeys(account);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(result.body.size(), full / 2);
    }

    void truncateKeepsTheGivenNumberOfBytes()
    {
        QVERIFY(setFaults({rule(u"truncate"_s, {{u"bytes"_s, 5}})}));
        const RawAnswer raw = rawGet("/nothing/here");
        QVERIFY(raw.closedByServer);
        // Before handling, what is cut is the gateway's 503.
        QVERIFY(raw.head.startsWith("HTTP/1.1 503"));
        QVERIFY(raw.contentLength > 5);
        QCOMPARE(raw.body.size(), 5);
    }

    void latencyHoldsTheAnswer()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"latency"_s, {{u"delayMs"_s, 300}})}));
        QElapsedTimer timer;
        timer.start();
        const HttpResult result = listKeys(account);
        QVERIFY(timer.elapsed() >= 300);
        QCOMPARE(result.status, 200);
        QCOMPARE(faultState().at(0)[u"fired"_s].toInteger(), 1);
    }

    void otherConnectionsAreServedDuringADelay()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(
            u"latency"_s,
            {{u"match"_s, QJsonObject {{u"pathPrefix"_s, u"/slow"_s}}}, {u"delayMs"_s, 1000}})}));
        QTcpSocket slow;
        slow.connectToHost(m_sandbox.http().host(), static_cast<quint16>(m_sandbox.http().port()));
        QVERIFY(slow.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        qint64 slowAnsweredAt = -1;
        connect(&slow, &QTcpSocket::readyRead, this, [&] {
            if (slowAnsweredAt < 0)
                slowAnsweredAt = timer.elapsed();
        });
        slow.write("GET /slow HTTP/1.1\r\nHost: " + TestHttp::hostOf(m_sandbox.http())
                   + "\r\n\r\n");
        QVERIFY(slow.waitForBytesWritten(5000));

        const HttpResult fast = listKeys(account);
        const qint64 fastAnsweredAt = timer.elapsed();
        QCOMPARE(fast.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(slowAnsweredAt >= 0, 10000);
        QVERIFY2(fastAnsweredAt < slowAnsweredAt,
                 qPrintable(u"fast %1 ms, slow %2 ms"_s.arg(fastAnsweredAt).arg(slowAnsweredAt)));
        QVERIFY(slowAnsweredAt >= 1000);
        QVERIFY(slow.readAll().startsWith("HTTP/1.1 404"));
    }

    void clientLeavingDuringADelayIsDroppedSilently()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(
            u"latency"_s,
            {{u"match"_s, QJsonObject {{u"pathPrefix"_s, u"/slow"_s}}}, {u"delayMs"_s, 300}})}));
        {
            QTcpSocket gone;
            gone.connectToHost(m_sandbox.http().host(),
                               static_cast<quint16>(m_sandbox.http().port()));
            QVERIFY(gone.waitForConnected(5000));
            gone.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(gone.waitForBytesWritten(5000));
            QTRY_COMPARE(faultState().at(0)[u"fired"_s].toInteger(), 1);
            gone.abort();
        }
        // A second held answer comes after the first one's delay has run out on the gone
        // client; the sandbox still answers both this one and the next request.
        QCOMPARE(m_sandbox.net().send("GET", at(u"/slow"_s)).status, 404);
        QCOMPARE(faultState().at(0)[u"fired"_s].toInteger(), 2);
        QCOMPARE(listKeys(account).status, 200);
    }

    void anyFaultCanBeDelayed()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"status"_s, {{u"status"_s, 503}, {u"delayMs"_s, 300}})}));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(listKeys(account).status, 503);
        QVERIFY(timer.elapsed() >= 300);
    }

    void answersKeepTheirOrderOnOneConnection()
    {
        QVERIFY(setFaults({rule(
            u"latency"_s,
            {{u"match"_s, QJsonObject {{u"pathPrefix"_s, u"/slow"_s}}}, {u"delayMs"_s, 300}})}));
        QTcpSocket socket;
        socket.connectToHost(m_sandbox.http().host(),
                             static_cast<quint16>(m_sandbox.http().port()));
        QVERIFY(socket.waitForConnected(5000));
        // Pipelined: the held answer to the first request must still come first.
        socket.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /_sandbox/clock HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray bytes;
        while (socket.waitForReadyRead(10000))
            bytes += socket.readAll();
        bytes += socket.readAll();
        QVERIFY(bytes.startsWith("HTTP/1.1 404"));
        const qsizetype second = bytes.indexOf("HTTP/1.1 200");
        QVERIFY2(second > 0, bytes.constData());
    }

    void countLimitsHowOftenARuleFires()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"status"_s, {{u"status"_s, 503}, {u"count"_s, 2}})}));
        QList<int> statuses;
        for (int i = 0; i < 4; ++i)
            statuses.append(listKeys(account).status);
        QCOMPARE(statuses, (QList<int> {503, 503, 200, 200}));
        const QJsonObject state = faultState().at(0).toObject();
        QCOMPARE(state[u"matched"_s].toInteger(), 4);
        QCOMPARE(state[u"fired"_s].toInteger(), 2);
    }

    // Raw connections, because QNetworkAccessManager itself sends a request again once when
    // the connection closes before any answer (Qt 6.4), which hides a single reset.
    void countIsExactForResets()
    {
        QVERIFY(setFaults({rule(u"reset"_s, {{u"count"_s, 2}})}));
        QVERIFY(rawGet("/nothing").head.isEmpty());
        QVERIFY(rawGet("/nothing").head.isEmpty());
        QVERIFY(rawGet("/nothing").head.startsWith("HTTP/1.1 404"));
        QCOMPARE(faultState().at(0)[u"fired"_s].toInteger(), 2);
    }

    void everyNthMatchingRequestFires()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"status"_s, {{u"status"_s, 500}, {u"every"_s, 3}})}));
        QList<int> statuses;
        for (int i = 0; i < 7; ++i)
            statuses.append(listKeys(account).status);
        QCOMPARE(statuses, (QList<int> {200, 200, 500, 200, 200, 500, 200}));
        QCOMPARE(faultState().at(0)[u"fired"_s].toInteger(), 2);
    }

    void seededProbabilityRepeatsItself()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QJsonObject seeded
            = rule(u"status"_s, {{u"status"_s, 503}, {u"probability"_s, 0.5}, {u"seed"_s, 42}});
        QList<int> runs[2];
        for (QList<int> &run : runs) {
            QVERIFY(setFaults({seeded}));
            for (int i = 0; i < 20; ++i)
                run.append(listKeys(account).status);
        }
        QCOMPARE(runs[0], runs[1]);
        QVERIFY(runs[0].count(503) > 0);
        QVERIFY(runs[0].count(200) > 0);
    }

    void ruleMatchesByAction_data()
    {
        QTest::addColumn<bool>("v1");
        QTest::newRow("ACS3 (x-acs-action)") << false;
        QTest::newRow("V1 (Action parameter)") << true;
    }

    void ruleMatchesByAction()
    {
        QFETCH(bool, v1);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(
            u"status"_s,
            {{u"match"_s, QJsonObject {{u"action"_s, u"ListUsers"_s}}}, {u"status"_s, 503}})}));
        SignOptions options;
        options.v1 = v1;
        QCOMPARE(ram(account, u"ListAccessKeys"_s, {}, options).status, 200);
        QCOMPARE(ram(account, u"ListUsers"_s, {}, options).status, 503);
        const QJsonObject state = faultState().at(0).toObject();
        QCOMPARE(state[u"matched"_s].toInteger(), 1);
    }

    void ruleMatchesByPathPrefixAndMethod()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const QJsonObject match {{u"pathPrefix"_s, u"/nothing/"_s}, {u"method"_s, u"get"_s}};
        QVERIFY(setFaults({rule(u"status"_s, {{u"match"_s, match}, {u"status"_s, 500}})}));
        QCOMPARE(listKeys(account).status, 200);
        QCOMPARE(m_sandbox.net().send("GET", at(u"/nothing/here"_s)).status, 500);
        QCOMPARE(m_sandbox.net().send("POST", at(u"/nothing/here"_s)).status, 404);
        QCOMPARE(m_sandbox.net().send("GET", at(u"/nothing"_s)).status, 404);
    }

    void firstRuleThatFiresDecides()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"status"_s, {{u"status"_s, 500}, {u"count"_s, 1}}),
                           rule(u"status"_s, {{u"status"_s, 503}})}));
        QCOMPARE(listKeys(account).status, 500);
        QCOMPARE(listKeys(account).status, 503);
        const QJsonArray state = faultState();
        QCOMPARE(state.at(0)[u"fired"_s].toInteger(), 1);
        // The second rule never saw the request the first one answered.
        QCOMPARE(state.at(1)[u"matched"_s].toInteger(), 1);
    }

    void whenDecidesWhetherTheRequestIsHandled_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("when");
        QTest::addColumn<bool>("userCreated");
        for (const QString &fault : {u"reset"_s, u"truncate"_s, u"status"_s, u"acsThrottle"_s}) {
            QTest::addRow("%s before", qPrintable(fault)) << fault << u"before"_s << false;
            QTest::addRow("%s after", qPrintable(fault)) << fault << u"after"_s << true;
        }
    }

    void whenDecidesWhetherTheRequestIsHandled()
    {
        QFETCH(QString, fault);
        QFETCH(QString, when);
        QFETCH(bool, userCreated);
        const SandboxAccount account = m_sandbox.createAccount(false);
        // No count: QNetworkAccessManager's own second try after a reset meets the fault too.
        QJsonObject fields {{u"match"_s, QJsonObject {{u"action"_s, u"CreateUser"_s}}},
                            {u"when"_s, when}};
        if (fault == u"status"_s)
            fields.insert(u"status"_s, 503);
        QVERIFY(setFaults({rule(fault, fields)}));
        const HttpResult created = ram(account, u"CreateUser"_s, {{u"UserName"_s, u"carol"_s}});
        QVERIFY2(created.error != QNetworkReply::NoError, created.body.constData());
        QVERIFY(faultState().at(0)[u"fired"_s].toInteger() >= 1);
        const HttpResult user = ram(account, u"GetUser"_s, {{u"UserName"_s, u"carol"_s}});
        QCOMPARE(user.status, userCreated ? 200 : 404);
    }

    void clearingRulesRestoresService_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("DELETE") << "DELETE"_ba;
        QTest::newRow("POST an empty list") << "POST"_ba;
    }

    void clearingRulesRestoresService()
    {
        QFETCH(QByteArray, method);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({rule(u"reset"_s)}));
        QCOMPARE(listKeys(account).status, 0);
        const HttpResult cleared = method == "DELETE"
            ? m_sandbox.net().send("DELETE", at(u"/_sandbox/faults"_s))
            : postFaults(R"({"rules": []})"_ba);
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.json.value(u"rules"_s).toArray().size(), 0);
        QCOMPARE(listKeys(account).status, 200);
    }

    void adminPathsAreNeverFaulted_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("every path") << u"/"_s;
        QTest::newRow("the admin paths") << u"/_sandbox/"_s;
    }

    void adminPathsAreNeverFaulted()
    {
        QFETCH(QString, prefix);
        QVERIFY(
            setFaults({rule(u"reset"_s, {{u"match"_s, QJsonObject {{u"pathPrefix"_s, prefix}}}})}));
        QCOMPARE(m_sandbox.net().send("GET", at(u"/_sandbox/clock"_s)).status, 200);
        QCOMPARE(m_sandbox.createAccount(false).details.isEmpty(), false);
        QCOMPARE(faultState().at(0)[u"matched"_s].toInteger(), 0);
    }

    void malformedRulesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << "{rules:"_ba << u"JSON object"_s;
        QTest::newRow("no rules") << "{}"_ba << u"\"rules\" must be an array"_s;
        QTest::newRow("rules not an array") << R"({"rules": {}})"_ba << u"must be an array"_s;
        QTest::newRow("rule not an object") << R"({"rules": [1]})"_ba << u"rules[0]: must be"_s;
        QTest::newRow("no fault") << R"({"rules": [{}]})"_ba << u"\"fault\" must be one of"_s;
        QTest::newRow("unknown fault")
            << R"({"rules": [{"fault": "slow"}]})"_ba << u"\"fault\" must be one of"_s;
        QTest::newRow("second rule bad")
            << R"({"rules": [{"fault": "reset"}, {"fault": "status"}]})"_ba
            << u"rules[1]: a status fault needs \"status\""_s;
        QTest::newRow("latency without delay")
            << R"({"rules": [{"fault": "latency"}]})"_ba << u"needs \"delayMs\""_s;
        QTest::newRow("negative delay") << R"({"rules": [{"fault": "latency", "delayMs": -1}]})"_ba
                                        << u"\"delayMs\" must be an integer from 1 to 600000"_s;
        QTest::newRow("huge delay")
            << R"({"rules": [{"fault": "reset", "delayMs": 1e300}]})"_ba << u"\"delayMs\""_s;
        QTest::newRow("fractional delay")
            << R"({"rules": [{"fault": "latency", "delayMs": 1.5}]})"_ba << u"\"delayMs\""_s;
        QTest::newRow("delay as text")
            << R"({"rules": [{"fault": "latency", "delayMs": "300"}]})"_ba << u"\"delayMs\""_s;
        QTest::newRow("status 200") << R"({"rules": [{"fault": "status", "status": 200}]})"_ba
                                    << u"\"status\" must be an integer from 400 to 599"_s;
        QTest::newRow("misspelt field") << R"({"rules": [{"fault": "latency", "delayMS": 300}]})"_ba
                                        << u"\"delayMS\" is not a field of a \"latency\" fault"_s;
        QTest::newRow("field of another fault")
            << R"({"rules": [{"fault": "throttle", "retryAfterMs": 300}]})"_ba
            << u"\"retryAfterMs\" is not a field of a \"throttle\" fault"_s;
        QTest::newRow("when on latency")
            << R"({"rules": [{"fault": "latency", "delayMs": 1, "when": "after"}]})"_ba
            << u"\"when\" is not a field"_s;
        QTest::newRow("bad when") << R"({"rules": [{"fault": "reset", "when": "later"}]})"_ba
                                  << u"\"when\" must be \"before\" or \"after\""_s;
        QTest::newRow("match not an object")
            << R"({"rules": [{"fault": "reset", "match": "/"}]})"_ba
            << u"\"match\" must be an object"_s;
        QTest::newRow("unknown match key")
            << R"({"rules": [{"fault": "reset", "match": {"host": "x"}}]})"_ba << u"not \"host\""_s;
        QTest::newRow("relative path prefix")
            << R"({"rules": [{"fault": "reset", "match": {"pathPrefix": "maas"}}]})"_ba
            << u"must start with /"_s;
        QTest::newRow("count 0") << R"({"rules": [{"fault": "reset", "count": 0}]})"_ba
                                 << u"\"count\" must be an integer"_s;
        QTest::newRow("every 0") << R"({"rules": [{"fault": "reset", "every": 0}]})"_ba
                                 << u"\"every\" must be an integer"_s;
        QTest::newRow("probability 2") << R"({"rules": [{"fault": "reset", "probability": 2}]})"_ba
                                       << u"\"probability\" must be a number from 0 to 1"_s;
        QTest::newRow("body not an object")
            << R"({"rules": [{"fault": "status", "status": 500, "body": "x"}]})"_ba
            << u"\"body\" must be a JSON object"_s;
        QTest::newRow("body and code")
            << R"({"rules": [{"fault": "status", "status": 500, "body": {}, "code": "X"}]})"_ba
            << u"excludes \"code\""_s;
    }

    void malformedRulesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const QJsonObject kept
            = rule(u"status"_s,
                   {{u"match"_s, QJsonObject {{u"pathPrefix"_s, u"/kept"_s}}}, {u"status"_s, 500}});
        QVERIFY(setFaults({kept}));
        const HttpResult result = postFaults(body);
        QCOMPARE(result.status, 400);
        const QString error = result.json.value(u"error"_s).toString();
        QVERIFY2(error.contains(message), qPrintable(error));
        const QJsonArray state = faultState();
        QCOMPARE(state.size(), 1);
        QCOMPARE(state.at(0)[u"match"_s], kept[u"match"_s]);
    }

    void stateCanBePostedBack()
    {
        QVERIFY(setFaults({rule(u"status"_s, {{u"status"_s, 500}, {u"count"_s, 3}})}));
        QCOMPARE(m_sandbox.net().send("GET", at(u"/x"_s)).status, 500);
        const QJsonArray state = faultState();
        QCOMPARE(state.at(0)[u"fired"_s].toInteger(), 1);
        QVERIFY(setFaults(state));
        // Posting rules starts their counters again.
        QCOMPARE(faultState().at(0)[u"fired"_s].toInteger(), 0);
        QCOMPARE(faultState().at(0)[u"count"_s].toInteger(), 3);
    }

    void commandLineLatencyHoldsEveryAnswer()
    {
        SandboxFixture slow;
        QVERIFY2(slow.start({u"--fault-latency-ms"_s, u"300"_s}), qPrintable(slow.errorString()));
        const SandboxAccount account = slow.createAccount(false);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(slow.net().rpc(slow.http(), account.root, m_ram, u"ListAccessKeys"_s).status, 200);
        QVERIFY(timer.elapsed() >= 300);
    }

    void commandLineLatencyRefusesABadValue_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << u"0"_s;
        QTest::newRow("text") << u"slow"_s;
        QTest::newRow("too long") << u"600001"_s;
    }

    void commandLineLatencyRefusesABadValue()
    {
        QFETCH(QString, value);
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(KEYDESK_SANDBOX_PROGRAM),
                      {u"--data-dir"_s, dir.path(), u"--fault-latency-ms"_s, value});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--fault-latency-ms"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "TestSandboxFaults.moc"
