#include "domain/KeyError.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace keydesk {

KeyError::Kind KeyError::kindForServiceCode(const QString &code, int httpStatus,
                                            const QString &message)
{
    // Order matters: the most specific codes first.
    if (code == u"MissingParameter"_s && message.contains(u"VerificationCode"_s))
        return Kind::VerificationNeeded;
    if (code == u"VerificationLocked"_s)
        return Kind::VerificationLocked;
    if (code == u"InvalidVerificationCode"_s || code == u"VerificationCodeUsed"_s
        || code == u"InvalidParameter.VerificationCode"_s)
        return Kind::VerificationWrong;
    if (code.startsWith(u"InvalidAccessKeyId"_s) || code == u"SignatureDoesNotMatch"_s
        || code == u"IncompleteSignature"_s || code == u"AUTHENTICATION_FAILED"_s
        || code == u"UNAUTHORIZED"_s || code == u"InvalidApiKey"_s || code == u"invalid_api_key"_s
        || code == u"OTSAuthFailed"_s || code == u"NONCE_EXPIRED"_s
        || code == u"NONCE_COUNT_REUSED"_s)
        return Kind::Credentials;
    if (code.startsWith(u"InvalidTimeStamp"_s))
        return Kind::Clock;
    if (code.startsWith(u"Throttling"_s) || httpStatus == 429)
        return Kind::Throttled;
    if (code.contains(u"LimitExceeded"_s) || code == u"API_KEY_LIMIT_EXCEEDED"_s)
        return Kind::LimitReached;
    if (code == u"NoPermission"_s || code == u"Forbidden.RAM"_s || code.startsWith(u"Forbidden"_s)
        || code == u"PERMISSION_DENIED"_s || code == u"OTSNoPermissionAccess"_s
        || code == u"MfaDevice.NotBound"_s)
        return Kind::NotPermitted;
    if (code.startsWith(u"EntityNotExist"_s) || code.endsWith(u"NotFound"_s)
        || code == u"API_KEY_NOT_FOUND"_s)
        return Kind::NotFound;
    if (code == u"MissingParameter"_s || code.startsWith(u"InvalidParameter"_s)
        || code == u"INVALID_PARAMETER"_s || code == u"INVALID_REQUEST_BODY"_s
        || code == u"OTSParameterInvalid"_s || code.startsWith(u"EntityAlreadyExists"_s)
        || code.startsWith(u"DeleteConflict"_s))
        return Kind::InvalidInput;
    if (httpStatus == 401)
        return Kind::Credentials;
    if (httpStatus == 403)
        return Kind::NotPermitted;
    if (httpStatus == 404)
        return Kind::NotFound;
    if (httpStatus >= 500)
        return Kind::Server;
    if (httpStatus >= 400)
        return Kind::InvalidInput;
    return Kind::BadResponse;
}

KeyError KeyError::fromService(int httpStatus, const QString &code, const QString &message,
                               const QString &requestId)
{
    KeyError error;
    error.kind = kindForServiceCode(code, httpStatus, message);
    error.serviceCode = code;
    error.message = message;
    error.requestId = requestId;
    error.httpStatus = httpStatus;
    return error;
}

KeyError KeyError::make(Kind kind, const QString &message)
{
    KeyError error;
    error.kind = kind;
    error.message = message;
    return error;
}

QString KeyError::summary() const
{
    QString text = serviceCode.isEmpty() ? kindName(kind) : serviceCode;
    if (!message.isEmpty())
        text += u": "_s + message;
    if (!requestId.isEmpty())
        text = QCoreApplication::translate("KeyError", "%1 (request id %2)").arg(text, requestId);
    return text;
}

QString kindName(KeyError::Kind kind)
{
    switch (kind) {
    case KeyError::Kind::None:
        return u"None"_s;
    case KeyError::Kind::LimitReached:
        return u"LimitReached"_s;
    case KeyError::Kind::NotPermitted:
        return u"NotPermitted"_s;
    case KeyError::Kind::NotFound:
        return u"NotFound"_s;
    case KeyError::Kind::VerificationNeeded:
        return u"VerificationNeeded"_s;
    case KeyError::Kind::VerificationWrong:
        return u"VerificationWrong"_s;
    case KeyError::Kind::VerificationLocked:
        return u"VerificationLocked"_s;
    case KeyError::Kind::Credentials:
        return u"Credentials"_s;
    case KeyError::Kind::Clock:
        return u"Clock"_s;
    case KeyError::Kind::Throttled:
        return u"Throttled"_s;
    case KeyError::Kind::Network:
        return u"Network"_s;
    case KeyError::Kind::Timeout:
        return u"Timeout"_s;
    case KeyError::Kind::Tls:
        return u"Tls"_s;
    case KeyError::Kind::Server:
        return u"Server"_s;
    case KeyError::Kind::InvalidInput:
        return u"InvalidInput"_s;
    case KeyError::Kind::BadResponse:
        return u"BadResponse"_s;
    case KeyError::Kind::Cancelled:
        return u"Cancelled"_s;
    case KeyError::Kind::TooLarge:
        return u"TooLarge"_s;
    case KeyError::Kind::Insecure:
        return u"Insecure"_s;
    }
    return {};
}

} // namespace keydesk
