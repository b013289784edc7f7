#pragma once

#include "ApiError.h"
#include "HttpExchange.h"
#include "Identity.h"

#include <QDateTime>
#include <QMap>
#include <QString>

// One authenticated call of an Alibaba Cloud OpenAPI action (RPC or ROA style).
struct ApiCall
{
    const HttpRequest &http;
    QString requestId;
    QString product;
    QString action;
    QString version;
    Principal principal;
    QMap<QString, QString> params; // query and form parameters, signature parameters removed
    QMap<QString, QString> pathParams; // ROA path segments such as {apiKeyId}
    QDateTime now;

    QString param(const QString &name) const { return params.value(name); }
    bool has(const QString &name) const { return params.contains(name); }

    // The POP (RPC) envelope: the body with "RequestId" added.
    HttpReply ok(QJsonObject body = {}) const;
    HttpReply fail(const ApiError &error) const;
};

// The POP error body every Alibaba Cloud gateway answers with (protocols.md §1.7).
HttpReply popError(const ApiError &error, const QString &requestId, const QByteArray &host,
                   const QString &product);
