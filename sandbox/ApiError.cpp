#include "ApiError.h"

using namespace Qt::StringLiterals;

ApiError ApiError::missingParameter(const QString &name)
{
    return {
        400,
        u"MissingParameter"_s,
        u"The input parameter \"%1\" that is mandatory for processing this request is not supplied."_s
            .arg(name),
        {}};
}

ApiError ApiError::invalidParameter(const QString &name, const QString &why)
{
    QString message = u"The specified parameter \"%1\" is not valid."_s.arg(name);
    if (!why.isEmpty())
        message += u' ' + why;
    return {400, u"InvalidParameter."_s + name, message, {}};
}

ApiError ApiError::internal()
{
    return {500,
            u"InternalError"_s,
            u"The request processing has failed due to some unknown error, exception or failure."_s,
            {}};
}
