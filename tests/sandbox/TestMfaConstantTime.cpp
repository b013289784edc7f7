#include "Sandbox.h"
#include "protocol/Base32.h"
#include "protocol/SecureCompare.h"
#include "protocol/Totp.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// The sandbox compares TOTP codes in constant time (issue #12, "The sandbox"): a code is
// checked through protocol::secureEquals against every step of the window, the right step
// included, without stopping at the first match. No timing is measured: this test is linked
// with --wrap on secureEquals (tests/CMakeLists.txt), so every call the real verifier makes
// goes through the recorder below, which then calls the real function.
namespace {

bool g_recording = false;
QList<QPair<QByteArray, QByteArray>> g_compared; // the arguments of each recorded call

qsizetype callsWith(const QString &code)
{
    const QByteArray bytes = code.toLatin1();
    return std::count_if(g_compared.cbegin(), g_compared.cend(), [&bytes](const auto &call) {
        return call.first == bytes || call.second == bytes;
    });
}

} // namespace

// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" bool __real__ZN7keydesk8protocol12secureEqualsE14QByteArrayViewS1_(QByteArrayView a,
                                                                              QByteArrayView b);
extern "C" bool __wrap__ZN7keydesk8protocol12secureEqualsE14QByteArrayViewS1_(QByteArrayView a,
                                                                              QByteArrayView b)
{
    if (g_recording)
        g_compared.append(qMakePair(a.toByteArray(), b.toByteArray()));
    return __real__ZN7keydesk8protocol12secureEqualsE14QByteArrayViewS1_(a, b);
}
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

class TestMfaConstantTime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Sandbox m_sandbox;
    QString m_accountId;
    QByteArray m_secret;

    std::optional<ApiError> verifyRecorded(const QString &code)
    {
        g_compared.clear();
        g_recording = true;
        auto result = m_sandbox.mfa().verify(m_accountId, code);
        g_recording = false;
        return result;
    }

    QString codeAt(int steps)
    {
        return protocol::totpCode(m_secret, m_sandbox.clock().nowSeconds() + qint64 {30} * steps);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_sandbox.open({m_dir.path(), false}), QString());
        const QJsonObject account = m_sandbox.createAccount(true);
        m_accountId = account[u"accountId"_s].toString();
        m_secret = protocol::base32Decode(account[u"mfaSecret"_s].toString().toLatin1())
                       .value_or(QByteArray());
        QVERIFY(!m_secret.isEmpty());
        // The wrap is in place: a direct call is recorded too.
        g_recording = true;
        QVERIFY(protocol::secureEquals("123456", "123456"));
        g_recording = false;
        QCOMPARE(g_compared.size(), 1);
    }

    void rightCodeIsComparedInConstantTimeWithEveryStep()
    {
        // The code of the next step: accepted, and never used before.
        const QString code = codeAt(1);
        QVERIFY(!verifyRecorded(code).has_value());
        // Every one of the three steps was compared with the code given, the matching one
        // included, and none was skipped after the match.
        QCOMPARE(callsWith(code), 3);
    }

    void wrongCodeIsComparedInConstantTimeWithEveryStep()
    {
        QString wrong = u"000000"_s;
        while (wrong == codeAt(-1) || wrong == codeAt(0) || wrong == codeAt(1))
            wrong = QString::number(wrong.toInt() + 1).rightJustified(6, u'0');
        const auto refused = verifyRecorded(wrong);
        QVERIFY(refused.has_value());
        QCOMPARE(refused->code, u"InvalidVerificationCode"_s);
        QCOMPARE(callsWith(wrong), 3);
    }
};

QTEST_GUILESS_MAIN(TestMfaConstantTime)
#include "TestMfaConstantTime.moc"
