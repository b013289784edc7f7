#include "protocol/SecureCompare.h"

#include <QTest>

using namespace keydesk::protocol;

class TestSecureCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compares_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abc123") << QByteArray("abc123") << true;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("last byte") << QByteArray("abc123") << QByteArray("abc124") << false;
        QTest::newRow("first byte") << QByteArray("abc123") << QByteArray("bbc123") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abc123") << false;
        QTest::newRow("empty and not") << QByteArray() << QByteArray("a") << false;
        QTest::newRow("high bit") << QByteArray("\x80") << QByteArray("\x00", 1) << false;
    }

    void compares()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(secureEquals(a, b), equal);
        QCOMPARE(secureEquals(b, a), equal);
    }
};

QTEST_GUILESS_MAIN(TestSecureCompare)
#include "TestSecureCompare.moc"
