#include "services/OceanBaseEnvelope.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString oceanBaseRequestId(const HttpRequest &request, const QString &generated)
{
    static const QRegularExpression sane(u"^[A-Za-z0-9._:-]{1,128}$"_s);
    for (const QByteArray &name : {"x-request-id"_ba, "requestid"_ba}) {
        QString given = QString::fromLatin1(request.header(name)).trimmed();
        if (sane.match(given).hasMatch())
            return given;
    }
    return generated;
}

// "server" is the address that answered; the Host the client used stands for it.
static QString serverOf(const HttpRequest &request)
{
    const QString host = QString::fromLatin1(request.header("host"));
    return host.isEmpty() ? u"keydesk-sandbox"_s : host;
}

HttpReply oceanBaseSuccess(const OceanBaseCall &call, const QJsonValue &data)
{
    return HttpReply::json(200,
                           {{u"success"_s, true},
                            {u"data"_s, data},
                            {u"action"_s, call.action},
                            {u"message"_s, u"success"_s},
                            {u"error"_s, QJsonObject {}},
                            {u"requestId"_s, call.requestId},
                            {u"server"_s, serverOf(call.http)}});
}

HttpReply oceanBaseFailure(const OceanBaseCall &call, const ApiError &error,
                           const QList<QByteArray> &challenges)
{
    QJsonObject body {
        {u"success"_s, false},
        {u"data"_s, QJsonValue::Null},
        {u"errorCode"_s, error.code},
        {u"errorMessage"_s, error.message},
        {u"message"_s, error.message},
        {u"error"_s, QJsonObject {{u"code"_s, error.code}, {u"message"_s, error.message}}},
        {u"requestId"_s, call.requestId},
        {u"server"_s, serverOf(call.http)}};
    if (!call.action.isEmpty())
        body.insert(u"action"_s, call.action);
    HttpReply reply = HttpReply::json(error.status, body);
    for (const QByteArray &challenge : challenges)
        reply.headers.append(qMakePair("WWW-Authenticate"_ba, challenge));
    return reply;
}
