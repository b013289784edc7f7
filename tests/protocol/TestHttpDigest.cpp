#include "protocol/HttpDigest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk::protocol;

class TestHttpDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc2617Example()
    {
        const auto auth = DigestAuthorization::parse(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\","
            " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth,"
            " nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\","
            " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        QVERIFY(auth);
        QCOMPARE(auth->username, "Mufasa"_ba);
        QCOMPARE(auth->opaque, "5ccc069c403ebaf9f0171e9517f40e41"_ba);
        QCOMPARE(digestResponse(*auth, "GET", "Circle Of Life"), auth->response);
        QVERIFY(digestResponse(*auth, "GET", "Circle of Life") != auth->response);
        QVERIFY(digestResponse(*auth, "POST", "Circle Of Life") != auth->response);
    }

    void rfc7616Examples_data()
    {
        QTest::addColumn<QByteArray>("algorithm");
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("MD5") << "MD5"_ba
                             << "8ca523f5e9506fed4657c9700eebdbec"_ba;
        QTest::newRow("SHA-256")
            << "SHA-256"_ba
            << "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"_ba;
    }

    void rfc7616Examples()
    {
        QFETCH(QByteArray, algorithm);
        QFETCH(QByteArray, response);
        DigestAuthorization auth;
        auth.username = "Mufasa";
        auth.realm = "http-auth@example.org";
        auth.nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        auth.uri = "/dir/index.html";
        auth.algorithm = algorithm;
        auth.qop = "auth";
        auth.nc = "00000001";
        auth.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        QCOMPARE(digestResponse(auth, "GET", "Circle of Life"), response);
    }

    void unsupportedAlgorithmGivesNoResponse()
    {
        DigestAuthorization auth;
        auth.algorithm = "SHA-512-256";
        QVERIFY(digestResponse(auth, "GET", "x").isEmpty());
    }

    void challengeRoundTrips()
    {
        DigestChallenge challenge {"keydesk", "n0nce", "0paque", "MD5", "auth", false};
        const QByteArray header = challenge.toHeaderValue();
        QVERIFY(header.startsWith("Digest "));
        const auto params = parseAuthParameters(header.mid(7));
        QVERIFY(params);
        QCOMPARE(params->value("realm"), "keydesk"_ba);
        QCOMPARE(params->value("nonce"), "n0nce"_ba);
        QCOMPARE(params->value("qop"), "auth"_ba);
        QCOMPARE(params->value("algorithm"), "MD5"_ba);
    }

    void malformedHeadersAreRejected_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("basic") << "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="_ba;
        QTest::newRow("unterminated quote") << "Digest username=\"Mufasa"_ba;
        QTest::newRow("no response") << "Digest username=\"a\", nonce=\"b\", uri=\"/\""_ba;
        QTest::newRow("qop without cnonce")
            << "Digest username=\"a\", nonce=\"b\", uri=\"/\", response=\"c\", qop=auth"_ba;
        QTest::newRow("name without value") << "Digest username"_ba;
    }

    void malformedHeadersAreRejected()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!DigestAuthorization::parse(header));
    }
};

QTEST_GUILESS_MAIN(TestHttpDigest)
#include "TestHttpDigest.moc"
