#include "protocol/RpcSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace keydesk::protocol {

QByteArray rpcStringToSign(const QByteArray &method, const QueryItems &parameters)
{
    QueryItems signedParameters;
    for (const auto &item : parameters) {
        if (item.first != QLatin1String("Signature"))
            signedParameters.append(item);
    }
    const QString canonical = QString::fromUtf8(canonicalQueryString(signedParameters));
    return method + '&' + percentEncode(QStringLiteral("/")) + '&' + percentEncode(canonical);
}

QByteArray rpcSignature(const QByteArray &stringToSign, const QByteArray &accessKeySecret)
{
    return QMessageAuthenticationCode::hash(stringToSign, accessKeySecret + '&',
                                            QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace keydesk::protocol
