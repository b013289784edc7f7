#include "protocol/Totp.h"

#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace keydesk::protocol {

qint64 totpCounter(qint64 unixSeconds, const TotpParameters &parameters)
{
    return unixSeconds / parameters.periodSeconds;
}

QString totpCodeForCounter(const QByteArray &secret, qint64 counter,
                           const TotpParameters &parameters)
{
    QByteArray message(8, '\0');
    qToBigEndian(static_cast<quint64>(counter), message.data());
    const QByteArray hmac
        = QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha1);
    // RFC 4226 §5.3 dynamic truncation.
    const int offset = hmac.at(hmac.size() - 1) & 0x0f;
    const quint32 binary = (static_cast<quint32>(hmac.at(offset) & 0x7f) << 24)
        | (static_cast<quint32>(static_cast<quint8>(hmac.at(offset + 1))) << 16)
        | (static_cast<quint32>(static_cast<quint8>(hmac.at(offset + 2))) << 8)
        | static_cast<quint32>(static_cast<quint8>(hmac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < parameters.digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, parameters.digits, 10, QLatin1Char('0'));
}

QString totpCode(const QByteArray &secret, qint64 unixSeconds, const TotpParameters &parameters)
{
    return totpCodeForCounter(secret, totpCounter(unixSeconds, parameters), parameters);
}

} // namespace keydesk::protocol
