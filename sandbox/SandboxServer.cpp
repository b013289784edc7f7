#include "SandboxServer.h"

#include "ApiRouter.h"
#include "ConnectionOutput.h"
#include "FaultInjector.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

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
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

namespace {

QByteArray wireBytes(const HttpReply &reply, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n" + reply.body;
    return out;
}

// The full head, announcing the full Content-Length, and only part of the body; an answer
// without a body is cut inside its head.
QByteArray truncatedBytes(const HttpReply &reply, qint64 bodyBytes)
{
    const QByteArray whole = wireBytes(reply, false);
    const qsizetype headSize = whole.size() - reply.body.size();
    if (reply.body.isEmpty())
        return whole.left(headSize / 2);
    const qsizetype keep = bodyBytes < 0
        ? reply.body.size() / 2
        : qMin(static_cast<qsizetype>(bodyBytes), reply.body.size() - 1);
    return whole.left(headSize + keep);
}

} // namespace

SandboxServer::SandboxServer(ApiRouter &router, FaultInjector &faults, const HttpLimits &limits,
                             QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_faults(faults)
    , m_limits(limits)
    , m_budget(std::make_shared<BufferBudget>())
{ }

void SandboxServer::bind(QTcpServer *server)
{
    server->setParent(this);
    // A QSslServer offers a connection once its TLS handshake is done.
    connect(server, &QTcpServer::pendingConnectionAvailable, this,
            [this, server] { accept(server); });
}

void SandboxServer::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        if (m_connections >= m_limits.maxConnections) {
            HttpReply busy;
            busy.status = 503;
            socket->write(wireBytes(busy, true));
            socket->disconnectFromHost();
            continue;
        }
        ++m_connections;
        connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
        new HttpConnection(socket, m_limits, m_budget,
                           [this](const HttpRequest &request, QTcpSocket *client, bool close) {
                               serve(request, client, close);
                           });
    }
}

void SandboxServer::serve(const HttpRequest &exchange, QTcpSocket *socket, bool close)
{
    ConnectionOutput *output = ConnectionOutput::of(socket);
    if (exchange.refusal != 0) {
        // The connection drops the rest of the input and closes itself after a while.
        output->push(wireBytes(m_router.dispatch(exchange), true), Ending::KeepOpen, 0);
        return;
    }
    const std::optional<FaultPlan> fault = m_faults.decide(exchange);
    if (!fault) {
        output->push(wireBytes(m_router.dispatch(exchange), close),
                     close ? Ending::Close : Ending::KeepOpen, 0);
        return;
    }
    // "after" faults: the request is handled (its state change is kept) before the fault.
    HttpReply reply;
    if (fault->handleFirst)
        reply = m_router.dispatch(exchange);
    if (fault->hasOwnAnswer())
        reply = fault->answer;
    switch (fault->kind) {
    case FaultKind::EndlessBody:
        streamEndlessBody(socket, fault->announceLength, fault->delayMs);
        break;
    case FaultKind::Reset:
        output->push({}, Ending::Reset, fault->delayMs);
        break;
    case FaultKind::Truncate:
        output->push(truncatedBytes(reply, fault->truncateBytes), Ending::Close, fault->delayMs);
        break;
    default:
        output->push(wireBytes(reply, close), close ? Ending::Close : Ending::KeepOpen,
                     fault->delayMs);
    }
}
