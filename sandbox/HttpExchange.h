#pragma once

#include "protocol/Acs3Signature.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// One HTTP request as the sandbox's handlers see it, detached from the socket so that a
// response can also be written later (latency faults).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the request-target as sent: path and query
    QByteArray path; // percent-encoded, as sent
    QByteArray rawQuery; // as sent
    keydesk::protocol::QueryItems query; // decoded
    keydesk::protocol::HttpHeaders headers; // names as sent
    QByteArray body;
    bool tls = false;
    QHostAddress peer;
    // 0 for a request to serve; else the status the HTTP front refused it with before it was
    // read whole (400 malformed, 408 too slow, 413 body too large, 431 head too large, 503 the
    // sandbox holds too many request bytes). Answered in the service's error envelope.
    int refusal = 0;

    // First value of a header, compared without case; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QString queryValue(const QString &name) const;
    bool hasQuery(const QString &name) const;
};

struct HttpReply
{
    int status = 200;
    keydesk::protocol::HttpHeaders headers;
    QByteArray body;

    static HttpReply json(int status, const QJsonObject &object);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

// A fresh request id in Alibaba Cloud's form (upper-case UUID).
QString newRequestId();
