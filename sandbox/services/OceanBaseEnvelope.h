#pragma once

#include "ApiError.h"
#include "HttpExchange.h"
#include "services/OceanBaseAuth.h"

#include <QJsonValue>
#include <QList>

// One OceanBase OpenAPI call: the request, the id its answer carries, the MaaS action name,
// and, once checked, the caller and the project of X-OB-Project-Id.
struct OceanBaseCall
{
    const HttpRequest &http;
    QString requestId;
    QString action;
    OceanBaseCaller caller;
    QString projectId;
};

// The caller's own request id (header X-Request-Id or requestId) when it is sane, else
// generated.
QString oceanBaseRequestId(const HttpRequest &request, const QString &generated);

// OceanBase Cloud OpenAPI's envelope {success, data, requestId, server, errorCode,
// errorMessage}, with the "action", "message" and "error" fields the MaaS pages show
// (protocols.md §3).
HttpReply oceanBaseSuccess(const OceanBaseCall &call, const QJsonValue &data);
// challenges: WWW-Authenticate values for a 401.
HttpReply oceanBaseFailure(const OceanBaseCall &call, const ApiError &error,
                           const QList<QByteArray> &challenges = {});
