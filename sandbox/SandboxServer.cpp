#include "SandboxServer.h"

#include "ApiRouter.h"

#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

static QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

static QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

SandboxServer::SandboxServer(ApiRouter &router, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
{ }

static void writeReply(QTcpSocket *socket, const HttpReply &reply, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n" + reply.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest exchange;
    exchange.method = methodName(request.method());
    const QUrl url = request.url();
    exchange.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (exchange.path.isEmpty())
        exchange.path = "/";
    exchange.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    exchange.query
        = QUrlQuery(QString::fromLatin1(exchange.rawQuery)).queryItems(QUrl::FullyDecoded);
    exchange.headers = request.headers();
    exchange.body = request.body();
    exchange.tls = qobject_cast<QSslSocket *>(socket) != nullptr;
    exchange.peer = request.remoteAddress();

    const HttpReply reply = m_router.dispatch(exchange);
    writeReply(socket, reply, request.value("connection").toLower() == "close");
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    HttpReply reply;
    reply.status = 404;
    writeReply(socket, reply, true);
}
