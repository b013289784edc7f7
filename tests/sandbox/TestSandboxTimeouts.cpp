#include "SandboxFixture.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// A slow client cannot hold a connection of the sandbox (issue #12, "The sandbox"): a request
// whose head or body trickles is refused with 408 after --request-timeout-ms, and a connection
// with no request is closed after --idle-timeout-ms. Raw sockets on loopback.
class TestSandboxTimeouts : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    static constexpr int kRequestTimeoutMs = 1500;
    static constexpr int kIdleTimeoutMs = 2000;

    std::unique_ptr<QTcpSocket> connectRaw()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(m_sandbox.http().host(),
                              static_cast<quint16>(m_sandbox.http().port()));
        if (!socket->waitForConnected(5000))
            return nullptr;
        return socket;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start({u"--request-timeout-ms"_s, QString::number(kRequestTimeoutMs),
                                  u"--idle-timeout-ms"_s, QString::number(kIdleTimeoutMs)}),
                 qPrintable(m_sandbox.errorString()));
    }

    void trickledBodyIsCutOffByTime_data()
    {
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("Content-Length body")
            << "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nfirst bytes"_ba;
        QTest::newRow("chunked body")
            << "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
               "400\r\nfirst bytes"_ba;
        QTest::newRow("head") << "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "_ba;
    }

    void trickledBodyIsCutOffByTime()
    {
        QFETCH(QByteArray, start);
        const auto socket = connectRaw();
        QVERIFY(socket);
        QElapsedTimer clock;
        clock.start();
        socket->write(start);
        QByteArray answer;
        // One more byte at every poll keeps the connection busy, never the request complete.
        const auto trickle = [&] {
            socket->write("x");
            answer += socket->readAll();
            return answer.contains("RequestTimeout");
        };
        QTRY_VERIFY_WITH_TIMEOUT(trickle(), kRequestTimeoutMs + 8000);
        QVERIFY(clock.elapsed() >= kRequestTimeoutMs - 100);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer.constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
    }

    void idleConnectionIsClosed()
    {
        const auto socket = connectRaw();
        QVERIFY(socket);
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState,
                                  kIdleTimeoutMs + 8000);
        QVERIFY(clock.elapsed() >= kIdleTimeoutMs - 100);
    }

    void keptAliveConnectionIsClosedWhenIdle()
    {
        const auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /_sandbox/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("nowSeconds"), 5000);
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState,
                                  kIdleTimeoutMs + 8000);
    }

    void requestsWithinTheTimeStillWork()
    {
        const HttpResult result = m_sandbox.net().send("GET", [this] {
            QUrl url = m_sandbox.http();
            url.setPath(u"/_sandbox/clock"_s);
            return url;
        }());
        QCOMPARE(result.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandboxTimeouts)
#include "TestSandboxTimeouts.moc"
