#include "SandboxFixture.h"
#include "protocol/Totp.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// Service-side verification codes (DESIGN.md §6): TOTP of the account's MFA device, ±1 step,
// each code accepted once, 5 wrong codes lock verification for 15 minutes. Exercised through
// DashVector's DescribeApiKey, over real HTTP on loopback.
class TestMfaVerification : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    const QString m_version = u"2026-11-01"_s;

    // A fresh account (state never leaks between functions) and the id of its one key.
    struct Subject
    {
        SandboxAccount account;
        QString apiKeyId;
    };

    Subject makeSubject(bool withMfa = true)
    {
        Subject subject {m_sandbox.createAccount(withMfa), {}};
        const HttpResult created = m_sandbox.net().rpc(m_sandbox.http(), subject.account.root,
                                                       m_version, u"CreateApiKey"_s);
        subject.apiKeyId = created.json[u"ApiKey"_s][u"ApiKeyId"_s].toString();
        return subject;
    }

    HttpResult describe(const Subject &subject, const QString &code)
    {
        return m_sandbox.net().rpc(
            m_sandbox.http(), subject.account.root, m_version, u"DescribeApiKey"_s,
            {{u"ApiKeyId"_s, subject.apiKeyId}, {u"VerificationCode"_s, code}});
    }

    // Moves the sandbox's clock to the start of the next 30-second step, so a code computed
    // now stays in the same step for the ~28 s that the next requests take at most.
    void alignToStepStart() { m_sandbox.advanceClock(30 - m_sandbox.serverNowSeconds() % 30); }

    // A 6-digit code that matches no step within three of now.
    QString wrongCode(const Subject &subject)
    {
        const qint64 now = m_sandbox.serverNowSeconds();
        QStringList near;
        for (int step = -3; step <= 3; ++step)
            near.append(protocol::totpCode(subject.account.mfaSecret, now + 30LL * step));
        for (int candidate = 0;; ++candidate) {
            QString code = u"%1"_s.arg(candidate, 6, 10, QChar(u'0'));
            if (!near.contains(code))
                return code;
        }
    }

    static void expectError(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.code(), code);
        QCOMPARE(result.status, status);
        QVERIFY(!result.json.value(u"RequestId"_s).toString().isEmpty());
        QVERIFY(!result.json.value(u"Message"_s).toString().isEmpty());
    }

    // Sends four wrong codes, then the fifth that locks; checks each answer.
    void lockVerification(const Subject &subject)
    {
        for (int left = 4; left >= 1; --left) {
            const HttpResult wrong = describe(subject, wrongCode(subject));
            expectError(wrong, 400, u"InvalidVerificationCode"_s);
            QCOMPARE(wrong.json[u"AttemptsLeft"_s].toInt(), left);
        }
        expectError(describe(subject, wrongCode(subject)), 403, u"VerificationLocked"_s);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString())); }

    void currentCodeIsAccepted()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        // The ±1 window keeps the current code valid even if the step rolls over in transit.
        const HttpResult result = describe(subject, m_sandbox.totp(subject.account));
        QCOMPARE(result.status, 200);
        QVERIFY(result.json[u"ApiKey"_s][u"ApiKeyValue"_s].toString().startsWith(u"sk-"_s));
    }

    void oneStepAwayIsAcceptedTwoStepsAwayIsNot_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one behind") << -1 << true;
        QTest::newRow("one ahead") << 1 << true;
        // A rollover in transit could only move this further out of the window.
        QTest::newRow("two behind") << -2 << false;
        // Safe because the clock was aligned to a step's start just before.
        QTest::newRow("two ahead") << 2 << false;
    }

    void oneStepAwayIsAcceptedTwoStepsAwayIsNot()
    {
        QFETCH(int, steps);
        QFETCH(bool, accepted);
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        alignToStepStart();
        const HttpResult result = describe(subject, m_sandbox.totp(subject.account, steps));
        if (accepted) {
            QCOMPARE(result.status, 200);
        } else {
            expectError(result, 400, u"InvalidVerificationCode"_s);
            QCOMPARE(result.json[u"AttemptsLeft"_s].toInt(), 4);
        }
    }

    void aCodeIsAcceptedOnlyOnce()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        alignToStepStart();
        const QString code = m_sandbox.totp(subject.account);
        QCOMPARE(describe(subject, code).status, 200);
        const HttpResult again = describe(subject, code);
        expectError(again, 400, u"VerificationCodeUsed"_s);
        // An older code still inside the window is spent too: it predates the one used.
        expectError(describe(subject, m_sandbox.totp(subject.account, -1)), 400,
                    u"VerificationCodeUsed"_s);
        // Reuse is not a wrong code: the next step's code is accepted.
        QCOMPARE(describe(subject, m_sandbox.totp(subject.account, 1)).status, 200);
    }

    void wrongCodesCountDownAttemptsLeft()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        for (int left = 4; left >= 1; --left) {
            const HttpResult wrong = describe(subject, wrongCode(subject));
            expectError(wrong, 400, u"InvalidVerificationCode"_s);
            QCOMPARE(wrong.json[u"AttemptsLeft"_s].toInt(), left);
            QVERIFY(wrong.json[u"Message"_s].toString().contains(QString::number(left)));
            QVERIFY(!wrong.json.contains(u"ApiKey"_s));
        }
    }

    void fifthWrongCodeLocksVerification()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(describe(subject, wrongCode(subject)).code(), u"InvalidVerificationCode"_s);
        const qint64 before = m_sandbox.serverNowSeconds();
        const HttpResult locked = describe(subject, wrongCode(subject));
        expectError(locked, 403, u"VerificationLocked"_s);
        const QDateTime until
            = QDateTime::fromString(locked.json[u"LockedUntil"_s].toString(), Qt::ISODate);
        QVERIFY(until.isValid());
        QVERIFY(until.toSecsSinceEpoch() >= before + 15LL * 60);
        QVERIFY(until.toSecsSinceEpoch() <= before + 15LL * 60 + 5);
    }

    void whileLockedEvenTheRightCodeIsRefused()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        lockVerification(subject);
        if (QTest::currentTestFailed())
            return;
        const HttpResult result = describe(subject, m_sandbox.totp(subject.account));
        expectError(result, 403, u"VerificationLocked"_s);
        QVERIFY(!result.json[u"LockedUntil"_s].toString().isEmpty());
        QVERIFY(!result.json.contains(u"ApiKey"_s));
    }

    void verificationWorksAgainAfterFifteenMinutes()
    {
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        lockVerification(subject);
        if (QTest::currentTestFailed())
            return;
        m_sandbox.advanceClock(14LL * 60);
        expectError(describe(subject, m_sandbox.totp(subject.account)), 403,
                    u"VerificationLocked"_s);
        m_sandbox.advanceClock(60);
        QCOMPARE(describe(subject, m_sandbox.totp(subject.account)).status, 200);
        // The count of wrong codes starts afresh after the lock.
        const HttpResult wrong = describe(subject, wrongCode(subject));
        expectError(wrong, 400, u"InvalidVerificationCode"_s);
        QCOMPARE(wrong.json[u"AttemptsLeft"_s].toInt(), 4);
    }

    void malformedCodesAreInvalidParameter_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("five digits") << u"12345"_s;
        QTest::newRow("seven digits") << u"1234567"_s;
        QTest::newRow("letters") << u"12a4b6"_s;
        QTest::newRow("spaces") << u"123 45"_s;
        QTest::newRow("non-ASCII digits") << u"١٢٣٤٥٦"_s;
    }

    void malformedCodesAreInvalidParameter()
    {
        QFETCH(QString, code);
        const Subject subject = makeSubject();
        QVERIFY(!subject.apiKeyId.isEmpty());
        expectError(describe(subject, code), 400, u"InvalidParameter.VerificationCode"_s);
        // A malformed code is not a wrong guess: all five attempts remain.
        const HttpResult wrong = describe(subject, wrongCode(subject));
        QCOMPARE(wrong.json[u"AttemptsLeft"_s].toInt(), 4);
    }

    void accountWithoutMfaDeviceIsNotBound()
    {
        const Subject subject = makeSubject(false);
        QVERIFY(!subject.apiKeyId.isEmpty());
        QVERIFY(subject.account.mfaSecret.isEmpty());
        expectError(describe(subject, u"123456"_s), 403, u"MfaDevice.NotBound"_s);
    }
};

QTEST_GUILESS_MAIN(TestMfaVerification)
#include "TestMfaVerification.moc"
