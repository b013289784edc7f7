#pragma once

#include <QByteArray>
#include <QString>

namespace keydesk::protocol {

// RFC 6238 TOTP with HMAC-SHA1, as authenticator apps compute it.
struct TotpParameters
{
    int digits = 6;
    int periodSeconds = 30;
};

qint64 totpCounter(qint64 unixSeconds, const TotpParameters &parameters = {});
QString totpCodeForCounter(const QByteArray &secret, qint64 counter,
                           const TotpParameters &parameters = {});
QString totpCode(const QByteArray &secret, qint64 unixSeconds,
                 const TotpParameters &parameters = {});

} // namespace keydesk::protocol
