#include "services/MaasEnvelope.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace maas {

HttpReply ok(const ApiCall &call, QJsonObject body)
{
    body.insert(u"requestId"_s, call.requestId);
    body.insert(u"success"_s, true);
    body.insert(u"code"_s, u"Success"_s);
    body.insert(u"message"_s, u"success"_s);
    body.insert(u"httpStatusCode"_s, 200);
    return HttpReply::json(200, body);
}

HttpReply fail(const ApiCall &call, const ApiError &error)
{
    QJsonObject body = error.extra;
    body.insert(u"requestId"_s, call.requestId);
    body.insert(u"success"_s, false);
    body.insert(u"code"_s, error.code);
    body.insert(u"message"_s, error.message);
    body.insert(u"httpStatusCode"_s, error.status);
    return HttpReply::json(error.status, body);
}

std::optional<ApiError> readPage(const ApiCall &call, char kind, Page &page)
{
    static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
    if (call.has(u"maxResults"_s)) {
        const QString value = call.param(u"maxResults"_s);
        if (!digits.match(value).hasMatch() || value.toInt() < 1 || value.toInt() > 100)
            return ApiError::invalidParameter(u"maxResults"_s,
                                              u"It must be an integer from 1 to 100."_s);
        page.maxResults = value.toInt();
    }
    page.after = 0;
    if (const QString token = call.param(u"nextToken"_s); !token.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            token.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray text = decoded ? *decoded : QByteArray();
        bool valid = text.size() > 2 && text.size() < 22 && text.at(0) == kind && text.at(1) == ':';
        if (valid)
            page.after = text.mid(2).toLongLong(&valid);
        if (!valid || page.after < 1)
            return ApiError::invalidParameter(
                u"nextToken"_s, u"Pass the nextToken of the previous page unchanged."_s);
    }
    return std::nullopt;
}

QString pageToken(char kind, qint64 last)
{
    const QByteArray text = QByteArray(1, kind) + ':' + QByteArray::number(last);
    return QString::fromLatin1(
        text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace maas
