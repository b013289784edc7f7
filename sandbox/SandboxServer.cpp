#include "SandboxServer.h"

#include "ApiRouter.h"
#include "FaultInjector.h"

#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <deque>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

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

enum class Ending { KeepOpen, Close, Reset };

// The answers of one connection, written in the order of its requests even when one is held
// back by a fault's delay. A child of its socket: when the client goes away during a delay, the
// socket is deleted and the pending answers (and their timers) with it.
class ConnectionOutput : public QObject
{
    Q_OBJECT

public:
    static ConnectionOutput *of(QTcpSocket *socket)
    {
        auto *output = socket->findChild<ConnectionOutput *>(QString(), Qt::FindDirectChildrenOnly);
        return output ? output : new ConnectionOutput(socket);
    }

    void push(QByteArray bytes, Ending ending, int delayMs)
    {
        const quint64 id = ++m_lastId;
        m_entries.push_back({id, std::move(bytes), ending, delayMs <= 0});
        if (delayMs <= 0) {
            flush();
            return;
        }
        QTimer::singleShot(delayMs, this, [this, id] {
            for (Entry &entry : m_entries) {
                if (entry.id == id)
                    entry.ready = true;
            }
            flush();
        });
    }

private:
    struct Entry
    {
        quint64 id;
        QByteArray bytes;
        Ending ending;
        bool ready;
    };

    explicit ConnectionOutput(QTcpSocket *socket)
        : QObject(socket)
        , m_socket(socket)
    { }

    void flush()
    {
        while (!m_entries.empty() && m_entries.front().ready) {
            const Entry entry = std::move(m_entries.front());
            m_entries.pop_front();
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                m_entries.clear(); // the client left: drop silently
                return;
            }
            if (entry.ending == Ending::Reset) {
                reset();
                return;
            }
            m_socket->write(entry.bytes);
            if (entry.ending == Ending::Close) {
                m_entries.clear();
                m_socket->disconnectFromHost();
                return;
            }
        }
    }

    // A TCP RST instead of an orderly close, as a crashed server or a middlebox gives.
    void reset()
    {
        m_entries.clear();
#ifdef Q_OS_UNIX
        const linger hard {1, 0};
        ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                     sizeof hard);
#endif
        m_socket->abort();
    }

    QTcpSocket *m_socket; // the parent
    std::deque<Entry> m_entries;
    quint64 m_lastId = 0;
};

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

HttpRequest exchangeOf(const QHttpServerRequest &request, QTcpSocket *socket)
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
    return exchange;
}

} // namespace

SandboxServer::SandboxServer(ApiRouter &router, FaultInjector &faults, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_faults(faults)
{ }

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpRequest exchange = exchangeOf(request, socket);
    const bool close = request.value("connection").toLower() == "close";
    ConnectionOutput *output = ConnectionOutput::of(socket);
    const std::optional<FaultPlan> fault = m_faults.decide(exchange);
    if (!fault) {
        output->push(wireBytes(m_router.dispatch(exchange), close),
                     close ? Ending::Close : Ending::KeepOpen, 0);
        return true;
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
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    HttpReply reply;
    reply.status = 404;
    ConnectionOutput::of(socket)->push(wireBytes(reply, true), Ending::Close, 0);
}

#include "SandboxServer.moc"
