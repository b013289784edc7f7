#include "HttpExchange.h"

#include <QUuid>

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpRequest::queryValue(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

bool HttpRequest::hasQuery(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return true;
    }
    return false;
}

HttpReply HttpReply::json(int status, const QJsonObject &object)
{
    HttpReply reply;
    reply.status = status;
    reply.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=utf-8")));
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

void HttpReply::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append(qMakePair(name, value));
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}
