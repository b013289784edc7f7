#include "net/Redaction.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretHeadersAreRedacted()
    {
        const keydesk::protocol::HttpHeaders headers {
            {"Authorization", "ACS3-HMAC-SHA256 Credential=LTAI,Signature=abc"},
            {"x-ots-apikey", "ots-secret"},
            {"DashVector-Auth-Token", "sk-secret"},
            {"x-acs-action", "ListAccessKeys"}};
        const auto redacted = keydesk::redactHeaders(headers);
        QCOMPARE(redacted.size(), 4);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(redacted.at(i).second, "<redacted>"_ba);
        QCOMPARE(redacted.at(3).second, "ListAccessKeys"_ba);
    }

    void queryValuesAreHiddenButHarmlessOnes()
    {
        const QUrl url(
            u"https://user:pass@ram.aliyuncs.com/?UserName=alice&pageSize=10&id=sk-123"_s);
        const QString text = keydesk::redactUrl(url);
        QVERIFY(!text.contains(u"alice"_s));
        QVERIFY(!text.contains(u"sk-123"_s));
        QVERIFY(!text.contains(u"pass"_s));
        QVERIFY(text.contains(u"pageSize=10"_s));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "TestRedaction.moc"
