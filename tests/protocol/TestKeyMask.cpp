#include "protocol/KeyMask.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk::protocol;

class TestKeyMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masks_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("masked");
        QTest::newRow("model studio") << u"sk-0123456789abcdef"_s << u"sk-****cdef"_s;
        QTest::newRow("oceanbase") << u"sk_xxxxxxxxxxxx1234"_s << u"sk_****1234"_s;
        QTest::newRow("temporary") << u"st-abcdefghijklmnop"_s << u"st-****mnop"_s;
        QTest::newRow("no prefix") << u"0123456789abcdefWXYZ"_s << u"****WXYZ"_s;
        QTest::newRow("digit before dash") << u"a1-0123456789abcd"_s << u"****abcd"_s;
        QTest::newRow("prefix too long") << u"abcdef-0123456789"_s << u"****6789"_s;
        QTest::newRow("short") << u"sk-abc"_s << u"****"_s;
        QTest::newRow("empty") << QString() << u"****"_s;
    }

    void masks()
    {
        QFETCH(QString, value);
        QFETCH(QString, masked);
        QCOMPARE(maskKey(value), masked);
    }

    void neverShowsMoreThanFourSecretCharacters()
    {
        const QString value = u"sk-SECRETSECRETSECRET9876"_s;
        const QString masked = maskKey(value);
        QVERIFY(!masked.contains(u"SECRET"_s));
        QCOMPARE(masked.size(), 3 + 4 + 4);
    }
};

QTEST_GUILESS_MAIN(TestKeyMask)
#include "TestKeyMask.moc"
