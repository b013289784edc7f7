#include "protocol/Base32.h"
#include "protocol/Totp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk::protocol;

class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 6238 Appendix B, SHA-1 rows (8 digits), and the same codes cut to 6 digits.
    void rfc6238Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << u"94287082"_s;
        QTest::newRow("1111111109") << qint64(1111111109) << u"07081804"_s;
        QTest::newRow("1111111111") << qint64(1111111111) << u"14050471"_s;
        QTest::newRow("1234567890") << qint64(1234567890) << u"89005924"_s;
        QTest::newRow("2000000000") << qint64(2000000000) << u"69279037"_s;
        QTest::newRow("20000000000") << qint64(20000000000) << u"65353130"_s;
    }

    void rfc6238Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        const QByteArray secret = "12345678901234567890";
        QCOMPARE(totpCode(secret, time, {8, 30}), code);
        QCOMPARE(totpCode(secret, time), code.right(6));
    }

    void codesChangeEveryPeriod()
    {
        const QByteArray secret = "12345678901234567890";
        QCOMPARE(totpCounter(59), 1);
        QCOMPARE(totpCounter(60), 2);
        QCOMPARE(totpCode(secret, 30), totpCode(secret, 59));
        QVERIFY(totpCode(secret, 59) != totpCode(secret, 60));
    }

    // RFC 4648 §10, without padding as authenticator apps show secrets.
    void base32Vectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << "f"_ba
                           << "MY"_ba;
        QTest::newRow("fo") << "fo"_ba
                            << "MZXQ"_ba;
        QTest::newRow("foo") << "foo"_ba
                             << "MZXW6"_ba;
        QTest::newRow("foob") << "foob"_ba
                              << "MZXW6YQ"_ba;
        QTest::newRow("fooba") << "fooba"_ba
                               << "MZXW6YTB"_ba;
        QTest::newRow("foobar") << "foobar"_ba
                                << "MZXW6YTBOI"_ba;
    }

    void base32Vectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(base32Encode(plain), encoded);
        QCOMPARE(base32Decode(encoded), plain);
        QCOMPARE(base32Decode(encoded.toLower()), plain);
    }

    void base32AcceptsPaddingAndSpaces()
    {
        QCOMPARE(base32Decode("MZXW 6YTB OI======"), "foobar"_ba);
    }

    void base32RejectsOtherCharacters()
    {
        QVERIFY(!base32Decode("MZXW1"));
        QVERIFY(!base32Decode("MZ!W"));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
