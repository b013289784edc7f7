#include "MfaVerifier.h"

#include "protocol/SecureCompare.h"
#include "protocol/Totp.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

MfaVerifier::MfaVerifier(Store &store, Clock &clock, Identity &identity)
    : m_store(store)
    , m_clock(clock)
    , m_identity(identity)
{ }

QStringList MfaVerifier::schema()
{
    return {u"CREATE TABLE IF NOT EXISTS mfa_state ("
            " account_id TEXT PRIMARY KEY REFERENCES accounts(account_id),"
            " failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0,"
            " last_counter INTEGER NOT NULL DEFAULT -1)"_s};
}

qint64 MfaVerifier::matchingCounter(const QByteArray &secret, const QString &code, qint64 current)
{
    // Every step of the window is computed and compared in constant time, and none ends the
    // loop early, so the time taken says nothing about which digits or which step were right.
    const QByteArray given = code.toLatin1();
    qint64 matched = -1;
    for (qint64 counter = current + 1; counter >= current - 1; --counter) {
        const QByteArray expected = protocol::totpCodeForCounter(secret, counter).toLatin1();
        const bool same = protocol::secureEquals(expected, given);
        matched = same ? counter : matched; // the earliest step that matches
    }
    return matched;
}

std::optional<ApiError> MfaVerifier::verify(const QString &accountId, const QString &code,
                                            const QString &parameterName)
{
    if (code.isEmpty())
        return ApiError::missingParameter(parameterName);
    if (code.size() != 6
        || !std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return ApiError {400,
                         u"InvalidParameter."_s + parameterName,
                         u"The verification code must be 6 digits."_s,
                         {}};
    const QByteArray secret = m_identity.mfaSecret(accountId);
    if (secret.isEmpty())
        return ApiError {403,
                         u"MfaDevice.NotBound"_s,
                         u"The account has no MFA device to verify the code with."_s,
                         {}};

    std::optional<ApiError> result;
    m_store.transaction([&] {
        m_store.run(u"INSERT OR IGNORE INTO mfa_state (account_id) VALUES (?)"_s, {accountId});
        QSqlQuery state = m_store.run(
            u"SELECT failures, locked_until, last_counter FROM mfa_state WHERE account_id = ?"_s,
            {accountId});
        state.next();
        int failures = state.value(0).toInt();
        const qint64 lockedUntil = state.value(1).toLongLong();
        const qint64 lastCounter = state.value(2).toLongLong();
        const qint64 now = m_clock.nowSeconds();

        if (lockedUntil > now) {
            const QString until = Identity::isoDate(QDateTime::fromSecsSinceEpoch(lockedUntil));
            result = ApiError {
                403,
                u"VerificationLocked"_s,
                u"Too many wrong verification codes. Verification is locked until %1."_s.arg(until),
                {{u"LockedUntil"_s, until}}};
            return;
        }
        if (lockedUntil != 0) // the lock has run out: start counting afresh
            failures = 0;

        const qint64 matched = matchingCounter(secret, code, protocol::totpCounter(now));
        if (matched >= 0) {
            if (matched <= lastCounter) {
                result = ApiError {
                    400,
                    u"VerificationCodeUsed"_s,
                    u"This verification code was used already. Wait for the next code."_s,
                    {}};
                return;
            }
            m_store.run(u"UPDATE mfa_state SET failures = 0, locked_until = 0, last_counter = ?"
                        u" WHERE account_id = ?"_s,
                        {matched, accountId});
            return;
        }

        ++failures;
        const int left = kMaxFailures - failures;
        if (left <= 0) {
            const qint64 until = now + kLockSeconds;
            m_store.run(
                u"UPDATE mfa_state SET failures = ?, locked_until = ? WHERE account_id = ?"_s,
                {failures, until, accountId});
            const QString untilText = Identity::isoDate(QDateTime::fromSecsSinceEpoch(until));
            result = ApiError {
                403,
                u"VerificationLocked"_s,
                u"Too many wrong verification codes. Verification is locked until %1."_s.arg(
                    untilText),
                {{u"LockedUntil"_s, untilText}}};
            return;
        }
        m_store.run(u"UPDATE mfa_state SET failures = ?, locked_until = 0 WHERE account_id = ?"_s,
                    {failures, accountId});
        result = ApiError {400,
                           u"InvalidVerificationCode"_s,
                           u"The verification code is wrong. %1 attempt(s) left."_s.arg(left),
                           {{u"AttemptsLeft"_s, left}}};
    });
    return result;
}
