#include "domain/KeyError.h"

#include <QTest>

using namespace Qt::StringLiterals;
using keydesk::KeyError;

Q_DECLARE_METATYPE(KeyError::Kind)

// Every vendor's error codes map to the kind the console acts on.
class TestKeyError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindForServiceCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<KeyError::Kind>("kind");
        using Kind = KeyError::Kind;
        QTest::newRow("RAM limit")
            << u"LimitExceeded.User.AccessKey"_s << 409 << QString() << Kind::LimitReached;
        QTest::newRow("MaaS limit")
            << u"LimitExceeded.ApiKey"_s << 409 << QString() << Kind::LimitReached;
        QTest::newRow("DashVector daily")
            << u"ApiKey.DailyCreationLimitExceeded"_s << 409 << QString() << Kind::LimitReached;
        QTest::newRow("OceanBase limit")
            << u"API_KEY_LIMIT_EXCEEDED"_s << 409 << QString() << Kind::LimitReached;
        QTest::newRow("RAM user") << u"Forbidden.RAM"_s << 403 << QString() << Kind::NotPermitted;
        QTest::newRow("no permission")
            << u"NoPermission"_s << 403 << QString() << Kind::NotPermitted;
        QTest::newRow("not found")
            << u"EntityNotExist.User.AccessKey"_s << 404 << QString() << Kind::NotFound;
        QTest::newRow("needs code")
            << u"MissingParameter"_s << 400 << u"The input parameter \"VerificationCode\" …"_s
            << Kind::VerificationNeeded;
        QTest::newRow("other missing")
            << u"MissingParameter"_s << 400 << u"The input parameter \"UserName\" …"_s
            << Kind::InvalidInput;
        QTest::newRow("wrong code")
            << u"InvalidVerificationCode"_s << 400 << QString() << Kind::VerificationWrong;
        QTest::newRow("used code")
            << u"VerificationCodeUsed"_s << 400 << QString() << Kind::VerificationWrong;
        QTest::newRow("locked") << u"VerificationLocked"_s << 403 << QString()
                                << Kind::VerificationLocked;
        QTest::newRow("signature")
            << u"SignatureDoesNotMatch"_s << 400 << QString() << Kind::Credentials;
        QTest::newRow("unknown AK")
            << u"InvalidAccessKeyId.NotFound"_s << 404 << QString() << Kind::Credentials;
        QTest::newRow("inactive AK")
            << u"InvalidAccessKeyId.Inactive"_s << 400 << QString() << Kind::Credentials;
        QTest::newRow("clock") << u"InvalidTimeStamp.Expired"_s << 400 << QString() << Kind::Clock;
        QTest::newRow("throttled") << u"Throttling.User"_s << 400 << QString() << Kind::Throttled;
        QTest::newRow("429") << QString() << 429 << QString() << Kind::Throttled;
        QTest::newRow("bad key") << u"InvalidApiKey"_s << 401 << QString() << Kind::Credentials;
        QTest::newRow("OTS") << u"OTSAuthFailed"_s << 403 << QString() << Kind::Credentials;
        QTest::newRow("500") << u"InternalError"_s << 500 << QString() << Kind::Server;
        QTest::newRow("unknown 401") << u"Whatever"_s << 401 << QString() << Kind::Credentials;
        QTest::newRow("unknown 400") << u"Whatever"_s << 400 << QString() << Kind::InvalidInput;
    }

    void kindForServiceCode()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(KeyError::Kind, kind);
        QCOMPARE(KeyError::kindForServiceCode(code, status, message), kind);
    }

    void summaryQuotesCodeMessageAndRequestId()
    {
        const KeyError error = KeyError::fromService(409, u"LimitExceeded.User.AccessKey"_s,
                                                     u"The maximum is 2."_s, u"ABC-123"_s);
        QVERIFY(error);
        QCOMPARE(error.summary(),
                 u"LimitExceeded.User.AccessKey: The maximum is 2. (request id ABC-123)"_s);
        QVERIFY(!KeyError());
    }
};

QTEST_GUILESS_MAIN(TestKeyError)
#include "TestKeyError.moc"
