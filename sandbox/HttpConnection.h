#pragma once

#include "HttpExchange.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

// What a client may make the sandbox hold, and for how long (docs/sandbox-api.md, "Limits").
struct HttpLimits
{
    qsizetype maxHeadBytes = qsizetype {64} * 1024; // request line and headers
    qsizetype maxBodyBytes = qsizetype {1024} * 1024;
    qsizetype maxBufferedBytes = qsizetype {16} * 1024 * 1024; // every connection together
    int maxConnections = 64;
    int requestTimeoutMs = 30000; // from a request's first byte to its last
    int idleTimeoutMs = 60000; // a kept-alive connection with no request and no answer due
    int lingerMs = 2000; // after a refusal, input is read and dropped this long, then closed
};

// The request bytes every connection holds together, against HttpLimits::maxBufferedBytes.
struct BufferBudget
{
    qsizetype used = 0;
};

// One client connection: reads HTTP/1.1 requests off the socket within HttpLimits and hands
// each whole request to the handler. The head is read first, so a Content-Length over the body
// limit is refused before any of the body is kept; a chunked body is cut off at the limit; a
// request that does not arrive within the request timeout is refused with 408, and an idle
// connection is closed. After a refusal the input is dropped unread and the connection closed.
// A child of its socket.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // request.refusal is 0 for a request to serve, else the status to refuse it with (400,
    // 408, 413, 431, 503); close: the client asked to close the connection after the answer.
    using Handler = std::function<void(const HttpRequest &request, QTcpSocket *socket, bool close)>;

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits,
                   std::shared_ptr<BufferBudget> budget, Handler handler);
    ~HttpConnection() override;

private:
    enum class State { Head, Body, Chunked, Draining };
    enum class ChunkPart { Size, Data, DataEnd, Trailer };

    void readInput();
    bool step(); // false when more input is needed or the connection is done with
    bool readHead();
    bool parseHead(const QByteArray &head);
    bool readBody();
    bool readChunked();
    bool readChunkSize();
    void finish();
    void refuse(int status);
    void charge();
    void waitForNextRequest();
    void closeWhenAnswered();

    QTcpSocket *m_socket; // the parent
    HttpLimits m_limits;
    std::shared_ptr<BufferBudget> m_budget;
    Handler m_handler;
    QByteArray m_in;
    qsizetype m_charged = 0;
    State m_state = State::Head;
    HttpRequest m_request;
    bool m_close = false;
    qint64 m_contentLength = 0;
    ChunkPart m_chunkPart = ChunkPart::Size;
    qint64 m_chunkLeft = 0;
    QTimer m_requestTimer;
    QTimer m_idleTimer;
};
