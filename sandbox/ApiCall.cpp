#include "ApiCall.h"

#include <QUrl>

using namespace Qt::StringLiterals;

HttpReply ApiCall::ok(QJsonObject body) const
{
    body.insert(u"RequestId"_s, requestId);
    return HttpReply::json(200, body);
}

HttpReply ApiCall::fail(const ApiError &error) const
{
    return popError(error, requestId, http.header("host"), product);
}

HttpReply popError(const ApiError &error, const QString &requestId, const QByteArray &host,
                   const QString &product)
{
    QJsonObject body = error.extra;
    body.insert(u"RequestId"_s, requestId);
    body.insert(u"HostId"_s, QString::fromLatin1(host));
    body.insert(u"Code"_s, error.code);
    body.insert(u"Message"_s, error.message);
    QString recommend = u"https://api.aliyun.com/troubleshoot?q="_s
        + QString::fromLatin1(QUrl::toPercentEncoding(error.code));
    if (!product.isEmpty())
        recommend += u"&product="_s + product;
    body.insert(u"Recommend"_s, recommend);
    return HttpReply::json(error.status, body);
}
