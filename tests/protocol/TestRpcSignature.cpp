#include "protocol/RpcSignature.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk::protocol;

// Vectors from protocols.md §1.8.
class TestRpcSignature : public QObject
{
    Q_OBJECT

private:
    static QueryItems ecsParameters()
    {
        return {{u"AccessKeyId"_s, u"testid"_s},
                {u"Action"_s, u"DescribeDedicatedHosts"_s},
                {u"Format"_s, u"JSON"_s},
                {u"RegionId"_s, u"cn-beijing"_s},
                {u"SignatureMethod"_s, u"HMAC-SHA1"_s},
                {u"SignatureNonce"_s, u"edb2b34af0af9a6d14deaf7c1a5315eb"_s},
                {u"SignatureVersion"_s, u"1.0"_s},
                {u"Timestamp"_s, u"2023-03-13T08:34:30Z"_s},
                {u"Version"_s, u"2014-05-26"_s}};
    }

private Q_SLOTS:
    void officialEcsVector_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("GET") << "GET"_ba
                             << "9NaGiOspFP5UPcwX8Iwt2YJXXuk="_ba;
        QTest::newRow("POST") << "POST"_ba
                              << "ZvQ9xGiFnquSJRvj+WE6kdSpTwU="_ba;
    }

    void officialEcsVector()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, signature);
        QCOMPARE(rpcSignature(rpcStringToSign(method, ecsParameters()), "testsecret"), signature);
    }

    void officialImsCreateUserVector()
    {
        // In the order the document lists them: the signer sorts.
        const QueryItems parameters {
            {u"Action"_s, u"CreateUser"_s},
            {u"UserPrincipalName"_s, u"test@example.onaliyun.com"_s},
            {u"DisplayName"_s, u"test"_s},
            {u"SignatureVersion"_s, u"1.0"_s},
            {u"Format"_s, u"JSON"_s},
            {u"Timestamp"_s, u"2021-01-15T06:02:28Z"_s},
            {u"AccessKeyId"_s, u"testid"_s},
            {u"SignatureMethod"_s, u"HMAC-SHA1"_s},
            {u"Version"_s, u"2019-08-15"_s},
            {u"SignatureNonce"_s, u"3f6b4e80-56f7-11eb-a256-a9f756ea7e85"_s}};
        const QByteArray stringToSign = rpcStringToSign("GET", parameters);
        QCOMPARE(
            stringToSign,
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateUser%26DisplayName%3Dtest%26"
            "Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3f6b4e80-56f7-11eb-"
            "a256-a9f756ea7e85%26SignatureVersion%3D1.0%26Timestamp%3D2021-01-15T06%253A02%253A"
            "28Z%26UserPrincipalName%3Dtest%2540example.onaliyun.com%26Version%3D2019-08-15"_ba);
        QCOMPARE(rpcSignature(stringToSign, "testsecret"), "02heLegtw4+BFamznl1Ltj+vJ4A="_ba);
    }

    void sdkUnitTestVector()
    {
        QCOMPARE(rpcSignature(rpcStringToSign("", {{u"test"_s, u"ok"_s}}), "accessKeySecret"),
                 "jHx/oHoHNrbVfhncHEvPdHXZwHU="_ba);
    }

    void ramListAccessKeysVector()
    {
        const QueryItems parameters {{u"AccessKeyId"_s, u"YourAccessKeyId"_s},
                                     {u"Action"_s, u"ListAccessKeys"_s},
                                     {u"Format"_s, u"json"_s},
                                     {u"SignatureMethod"_s, u"HMAC-SHA1"_s},
                                     {u"SignatureNonce"_s, u"3156853299f313e23d1673dc12e1703d"_s},
                                     {u"SignatureVersion"_s, u"1.0"_s},
                                     {u"Timestamp"_s, u"2023-10-26T10:22:32Z"_s},
                                     {u"UserName"_s, u"alice"_s},
                                     {u"Version"_s, u"2015-05-01"_s}};
        QCOMPARE(rpcSignature(rpcStringToSign("POST", parameters), "YourAccessKeySecret"),
                 "iFZqL0ckG9gvQx/GXqWhsQcNbE4="_ba);
    }

    void signatureParameterIsNotSigned()
    {
        QueryItems parameters = ecsParameters();
        const QByteArray without = rpcStringToSign("GET", parameters);
        parameters.append({u"Signature"_s, u"anything"_s});
        QCOMPARE(rpcStringToSign("GET", parameters), without);
    }
};

QTEST_GUILESS_MAIN(TestRpcSignature)
#include "TestRpcSignature.moc"
