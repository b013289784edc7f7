#include "RevealSession.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using keydesk::RevealSession;

namespace {

bool allZero(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c == '\0'; });
}

} // namespace

// A viewing session's clock and the wiping of its value. `alias` shares the session's buffer
// (QByteArray is implicitly shared), so it shows what is left in the session's memory.
class TestRevealSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsItsOwnCopy()
    {
        QByteArray value = "sk-0123456789abcdef0123456789abcdef"_ba;
        value.detach();
        RevealSession session(value, 60);
        QCOMPARE(session.value(), value);
        QVERIFY(session.value().constData() != value.constData());
        QCOMPARE(session.remainingSeconds(), 60);
        QCOMPARE(session.lengthSeconds(), 60);
        QVERIFY(session.isActive());
        QCOMPARE(RevealSession::defaultSeconds, 60);
    }

    void countdownReachesZeroAndWipes()
    {
        RevealSession session("sk-secret-value"_ba, 2);
        const QByteArray alias = session.value();
        QSignalSpy remaining(&session, &RevealSession::remainingChanged);
        QSignalSpy ended(&session, &RevealSession::ended);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        QCOMPARE(remaining.size(), 2);
        QCOMPARE(remaining.at(0).at(0).toInt(), 1);
        QCOMPARE(remaining.at(1).at(0).toInt(), 0);
        QCOMPARE(session.remainingSeconds(), 0);
        QVERIFY(!session.isActive());
        QVERIFY(session.value().isEmpty());
        QCOMPARE(alias.size(), 15);
        QVERIFY(allZero(alias));
    }

    void endWipesAtOnceAndOnce()
    {
        RevealSession session("sk-secret-value"_ba, 60);
        const QByteArray alias = session.value();
        QSignalSpy ended(&session, &RevealSession::ended);
        session.end();
        session.end();
        QCOMPARE(ended.size(), 1);
        QVERIFY(allZero(alias));
        QVERIFY(session.value().isEmpty());
        QVERIFY(!session.isActive());
        // The clock stopped with it.
        QSignalSpy remaining(&session, &RevealSession::remainingChanged);
        QVERIFY(!remaining.wait(1500));
    }

    void destructionWipes()
    {
        auto session = std::make_unique<RevealSession>("sk-secret-value"_ba, 60);
        const QByteArray alias = session->value();
        QVERIFY(!allZero(alias));
        session.reset();
        QVERIFY(allZero(alias));
    }

    void lengthIsAtLeastOneSecond()
    {
        RevealSession session("v"_ba, 0);
        QCOMPARE(session.lengthSeconds(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 3000);
    }
};

QTEST_GUILESS_MAIN(TestRevealSession)
#include "TestRevealSession.moc"
