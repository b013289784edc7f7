#include "SandboxFixture.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// The sandbox's HTTP(S) front: limits, malformed input, transport.
class TestSandboxHttp : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    SandboxAccount m_account;

    QUrl at(const QString &path, bool tls = false)
    {
        QUrl url = tls ? m_sandbox.https() : m_sandbox.http();
        url.setPath(path);
        return url;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_account = m_sandbox.createAccount(false);
    }

    void bodyOverOneMebibyteIs413_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("RPC") << u"/"_s;
        QTest::newRow("ROA") << u"/maas/apikeys"_s;
        QTest::newRow("raw route") << u"/_sandbox/accounts"_s;
        QTest::newRow("unknown path") << u"/anything"_s;
    }

    void bodyOverOneMebibyteIs413()
    {
        QFETCH(QString, path);
        const HttpResult result
            = m_sandbox.net().send("POST", at(path), {{"content-type", "application/octet-stream"}},
                                   QByteArray(1024 * 1024 + 1, 'x'));
        QCOMPARE(result.status, 413);
        QCOMPARE(result.code(), u"RequestEntityTooLarge"_s);
        QVERIFY(!result.header("x-acs-request-id").isEmpty());
    }

    void bodyOfExactlyOneMebibyteIsRead()
    {
        SignOptions options;
        options.body = QByteArray(qsizetype {1024} * 1024, 'x');
        options.contentType = "application/octet-stream";
        const HttpResult result = m_sandbox.net().rpc(
            m_sandbox.http(), m_account.root, u"2015-05-01"_s, u"ListAccessKeys"_s, {}, options);
        QCOMPARE(result.status, 200);
    }

    void malformedFormBodyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("bad escape") << "UserName=%ZZ"_ba;
        QTest::newRow("truncated escape") << "UserName=abc%4"_ba;
        QTest::newRow("invalid UTF-8") << "UserName=%FF%FE"_ba;
        QTest::newRow("empty name") << "=value"_ba;
    }

    void malformedFormBodyIsRefused()
    {
        QFETCH(QByteArray, body);
        SignOptions options;
        options.body = body;
        options.contentType = "application/x-www-form-urlencoded";
        const HttpResult result = m_sandbox.net().rpc(
            m_sandbox.http(), m_account.root, u"2015-05-01"_s, u"CreateUser"_s, {}, options);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.code(), u"InvalidParameter.Body"_s);
        // Nothing was created from the half-read form.
        QCOMPARE(m_sandbox.net()
                     .rpc(m_sandbox.http(), m_account.root, u"2015-05-01"_s, u"ListUsers"_s)
                     .json[u"Users"_s][u"User"_s]
                     .toArray()
                     .size(),
                 0);
    }

    void httpsServesTheSameApis()
    {
        const HttpResult result = m_sandbox.net().rpc(m_sandbox.https(), m_account.root,
                                                      u"2015-05-01"_s, u"ListAccessKeys"_s);
        QCOMPARE(result.error, QNetworkReply::NoError);
        QCOMPARE(result.status, 200);
    }

    void untrustedCertificateIsATlsError()
    {
        TestHttp untrusting;
        const HttpResult result = untrusting.send("GET", at(u"/_sandbox/clock"_s, true));
        QCOMPARE(result.status, 0);
        QCOMPARE(result.error, QNetworkReply::SslHandshakeFailedError);
    }

    void wrongMethodOnAKnownPathIs405()
    {
        const HttpResult result = m_sandbox.net().send("DELETE", at(u"/_sandbox/clock"_s));
        QCOMPARE(result.status, 405);
        QCOMPARE(result.code(), u"MethodNotAllowed"_s);
    }

    void unknownPathIs404()
    {
        const HttpResult result = m_sandbox.net().send("GET", at(u"/v9/nothing/here"_s));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.code(), u"InvalidApi.NotFound"_s);
    }

    void adminHooksRefuseMalformedJson()
    {
        const HttpResult result = m_sandbox.net().send(
            "POST", at(u"/_sandbox/clock"_s), {{"content-type", "application/json"}}, "{not json");
        QCOMPARE(result.status, 400);
        const HttpResult negative = m_sandbox.net().send("POST", at(u"/_sandbox/clock"_s),
                                                         {{"content-type", "application/json"}},
                                                         R"({"advanceSeconds": -5})");
        QCOMPARE(negative.status, 400);
    }

    void garbageOnTheSocketDoesNotHurtTheServer()
    {
        QTcpSocket socket;
        socket.connectToHost(m_sandbox.http().host(),
                             static_cast<quint16>(m_sandbox.http().port()));
        QVERIFY(socket.waitForConnected(5000));
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.write("\x16\x03\x01 this is not HTTP at all\r\n\r\n");
        QVERIFY(closed.wait(10000));
        const HttpResult result = m_sandbox.net().rpc(m_sandbox.http(), m_account.root,
                                                      u"2015-05-01"_s, u"ListAccessKeys"_s);
        QCOMPARE(result.status, 200);
    }

    void connectionCloseIsHonoured()
    {
        QTcpSocket socket;
        socket.connectToHost(m_sandbox.http().host(),
                             static_cast<quint16>(m_sandbox.http().port()));
        QVERIFY(socket.waitForConnected(5000));
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.write(
            "GET /_sandbox/clock HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QVERIFY(closed.wait(10000));
        const QByteArray answer = socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(m_sandbox.http().host(),
                             static_cast<quint16>(m_sandbox.http().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray request = "GET /_sandbox/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        socket.write(request + request);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).count("HTTP/1.1 200 OK") == 2, 10000);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "TestSandboxHttp.moc"
