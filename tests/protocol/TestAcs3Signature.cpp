#include "protocol/Acs3Signature.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace keydesk::protocol;

// Vectors from protocols.md §1.5 and §1.6, reproduced byte for byte.
class TestAcs3Signature : public QObject
{
    Q_OBJECT

private:
    static Acs3SigningInput documentedInput()
    {
        Acs3SigningInput input;
        input.method = "POST";
        input.date = QDateTime(QDate(2023, 10, 26), QTime(10, 22, 32), QTimeZone::utc());
        input.nonce = "3156853299f313e23d1673dc12e1703d";
        return input;
    }

    static QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }

private Q_SLOTS:
    void officialEcsRunInstancesExample()
    {
        Acs3SigningInput input = documentedInput();
        input.host = "ecs.cn-shanghai.aliyuncs.com";
        input.query = {{u"ImageId"_s, u"win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"_s},
                       {u"RegionId"_s, u"cn-shanghai"_s}};
        input.action = "RunInstances";
        input.version = "2014-05-26";
        const AcsCredentials credentials {"YourAccessKeyId", "YourAccessKeySecret", {}};

        const HttpHeaders headers = acs3SignRequest(credentials, input);
        const QList<QByteArray> names = acs3SignableHeaderNames(headers);
        const QByteArray canonical
            = acs3CanonicalRequest({"POST", "/", input.query, headers, kEmptyPayloadSha256}, names);
        QCOMPARE(
            canonical,
            "POST\n/\n"
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
            "host:ecs.cn-shanghai.aliyuncs.com\n"
            "x-acs-action:RunInstances\n"
            "x-acs-content-sha256:"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
            "x-acs-date:2023-10-26T10:22:32Z\n"
            "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
            "x-acs-version:2014-05-26\n"
            "\n"
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-"
            "version\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba);
        QCOMPARE(sha256Hex(canonical),
                 "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"_ba);
        QCOMPARE(
            acs3StringToSign(canonical),
            "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"_ba);
        QCOMPARE(headerValue(headers, "Authorization"),
                 "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                 "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                 "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"_ba);
    }

    void sdkUnitTestVectorWithTodaysEmptyValueRule()
    {
        const HttpHeaders headers {{"x-acs-test", "http"}, {"x-acs-TEST", "https"}};
        const QueryItems query {{u"test"_s, u"ok"_s}, {u"empty"_s, QString()}};
        const QList<QByteArray> names = acs3SignableHeaderNames(headers);
        QCOMPARE(names, QList<QByteArray> {"x-acs-test"});
        QCOMPARE(acs3CanonicalHeaders(headers, names), "x-acs-test:http,https\n"_ba);
        QCOMPARE(canonicalQueryString(query), "empty=&test=ok"_ba);
        const QByteArray canonical = acs3CanonicalRequest(
            {"GET", "", query, headers,
             "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23"},
            names);
        QCOMPARE(acs3Signature(acs3StringToSign(canonical), "secret"),
                 "910e59dd385879346de704a06c96613f8157aa7124e6d1c4f2bdffa1e5588187"_ba);
    }

    void ramListAccessKeys_data()
    {
        QTest::addColumn<QByteArray>("accessKeyId");
        QTest::addColumn<QByteArray>("securityToken");
        QTest::addColumn<QByteArray>("signedHeaders");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("long-term key")
            << "YourAccessKeyId"_ba << QByteArray()
            << "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
               "x-acs-version"_ba
            << "a97c23224ddd47568eac73e10c16982556cccd1ed68d27f7fb27d06aeab93546"_ba;
        QTest::newRow("STS")
            << "STS.TestId"_ba
            << "TestToken"_ba
            << "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;"
               "x-acs-security-token;x-acs-signature-nonce;x-acs-version"_ba
            << "5c0410dbf6ee0e3fc72ee8fae1ebc143eed8618a24a3ffa8e9b27bf77921fcd4"_ba;
    }

    void ramListAccessKeys()
    {
        QFETCH(QByteArray, accessKeyId);
        QFETCH(QByteArray, securityToken);
        QFETCH(QByteArray, signedHeaders);
        QFETCH(QByteArray, signature);
        Acs3SigningInput input = documentedInput();
        input.host = "ram.aliyuncs.com";
        input.query = {{u"UserName"_s, u"alice"_s}};
        input.action = "ListAccessKeys";
        input.version = "2015-05-01";
        const HttpHeaders headers
            = acs3SignRequest({accessKeyId, "YourAccessKeySecret", securityToken}, input);
        if (securityToken.isEmpty()) {
            const QByteArray canonical
                = acs3CanonicalRequest({"POST", "/", input.query, headers, kEmptyPayloadSha256},
                                       acs3SignableHeaderNames(headers));
            QCOMPARE(sha256Hex(canonical),
                     "9639e1a7b42ad260215615e28fb166e8081447e025732211e4a1fdb1aaff9698"_ba);
        }
        const auto auth = Acs3Authorization::parse(headerValue(headers, "authorization"));
        QVERIFY(auth);
        QCOMPARE(auth->accessKeyId, accessKeyId);
        QCOMPARE(auth->signedHeaders.join(';'), signedHeaders);
        QCOMPARE(auth->signature, signature);
    }

    void percentEncodingFollowsRfc3986()
    {
        const QueryItems query {
            {u"a"_s, u"x y"_s}, {u"b"_s, u"*~/!'()"_s}, {u"c"_s, u"中"_s}, {u"e"_s, QString()}};
        QCOMPARE(canonicalQueryString(query), "a=x%20y&b=%2A~%2F%21%27%28%29&c=%E4%B8%AD&e="_ba);
    }

    void canonicalUriEscapesLikeTheSdk()
    {
        QCOMPARE(acs3CanonicalUri("/maas/apikeys/a+b*c%7Ed"), "/maas/apikeys/a%20b%2Ac~d"_ba);
    }

    void parseRejectsMalformedAuthorization_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other algorithm")
            << "ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=b"_ba;
        QTest::newRow("no credential") << "ACS3-HMAC-SHA256 SignedHeaders=host,Signature=b"_ba;
        QTest::newRow("no signature") << "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host"_ba;
        QTest::newRow("unknown part")
            << "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b,X=1"_ba;
        QTest::newRow("empty header name")
            << "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host;;x,Signature=b"_ba;
        QTest::newRow("garbage") << "ACS3-HMAC-SHA256 ,,,="_ba;
    }

    void parseRejectsMalformedAuthorization()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!Acs3Authorization::parse(header));
    }

    void dateFormatIsStrict()
    {
        QVERIFY(parseAcs3Date("2023-10-26T10:22:32Z"));
        QCOMPARE(acs3Date(*parseAcs3Date("2023-10-26T10:22:32Z")), "2023-10-26T10:22:32Z"_ba);
        QVERIFY(!parseAcs3Date("2023-10-26 10:22:32Z"));
        QVERIFY(!parseAcs3Date("2023-10-26T10:22:32+08:00"));
        QVERIFY(!parseAcs3Date("2023-13-26T10:22:32Z"));
        QVERIFY(!parseAcs3Date(""));
        QVERIFY(!parseAcs3Date("2023-10-26T25:22:32Z"));
        QVERIFY(!parseAcs3Date("2023-10-26x10:22:32Z"));
    }

    // A UTC date is a UTC date wherever the machine is: 02:30 on the last Sunday of March
    // does not exist in Berlin's local time, but it does in UTC.
    void dateIsReadInUtcWhateverTheLocalZone()
    {
        const bool hadZone = qEnvironmentVariableIsSet("TZ");
        const QByteArray previous = qgetenv("TZ");
        qputenv("TZ", "Europe/Berlin");
        tzset();
        const std::optional<QDateTime> date = parseAcs3Date("2026-03-29T02:30:00Z");
        if (hadZone)
            qputenv("TZ", previous);
        else
            qunsetenv("TZ");
        tzset();
        QVERIFY(date);
        QCOMPARE(date->toSecsSinceEpoch(), 1774751400);
        QCOMPARE(acs3Date(*date), "2026-03-29T02:30:00Z"_ba);
    }
};

QTEST_GUILESS_MAIN(TestAcs3Signature)
#include "TestAcs3Signature.moc"
