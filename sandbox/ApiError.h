#pragma once

#include <QJsonObject>
#include <QString>

// An error in a vendor's own words: HTTP status, code and message, plus any extra fields the
// vendor adds to its error body (e.g. AttemptsLeft).
struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    QJsonObject extra;

    static ApiError missingParameter(const QString &name);
    static ApiError invalidParameter(const QString &name, const QString &why = {});
    static ApiError internal();
};
