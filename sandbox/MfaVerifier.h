#pragma once

#include "ApiError.h"
#include "Clock.h"
#include "Identity.h"
#include "Store.h"

#include <optional>

// Checks the 6-digit code of an account's MFA device (RFC 6238, ±1 step), compared in
// constant time (protocol::secureEquals). A code is accepted
// once; 5 wrong codes in a row lock verification for 15 minutes (DESIGN.md §6).
class MfaVerifier
{
public:
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kLockSeconds = qint64 {15} * 60;

    MfaVerifier(Store &store, Clock &clock, Identity &identity);

    static QStringList schema();

    // nullopt when the code is accepted; otherwise the error to answer with.
    std::optional<ApiError> verify(const QString &accountId, const QString &code,
                                   const QString &parameterName
                                   = QStringLiteral("VerificationCode"));

private:
    // The step in current ± 1 whose code is CODE (the earliest), or -1.
    static qint64 matchingCounter(const QByteArray &secret, const QString &code, qint64 current);

    Store &m_store;
    Clock &m_clock;
    Identity &m_identity;
};
