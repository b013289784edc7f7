#include "HttpConnection.h"

#include "ConnectionOutput.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

static constexpr qint64 kReadChunkBytes = qint64 {64} * 1024;
static constexpr qsizetype kMaxChunkLineBytes = 1024;

static QByteArray knownMethod(const QByteArray &method)
{
    static const QList<QByteArray> known {"GET",  "PUT",     "DELETE", "POST",
                                          "HEAD", "OPTIONS", "PATCH"};
    return known.contains(method) ? method : QByteArray("UNKNOWN");
}

static bool isDigits(const QByteArray &text, bool hex)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [hex](char c) {
        return (c >= '0' && c <= '9')
            || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    });
}

static QByteArray withoutCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits,
                               std::shared_ptr<BufferBudget> budget, Handler handler)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_budget(std::move(budget))
    , m_handler(std::move(handler))
{
    // The socket reads at most this much off the kernel before it is read here, so a client
    // sending faster than the sandbox reads is held back by TCP, not by the sandbox's memory.
    socket->setReadBufferSize(kReadChunkBytes);
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] { refuse(408); });
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!ConnectionOutput::of(m_socket)->isIdle())
            m_idleTimer.start(); // an answer is still held back by a fault's delay
        else
            m_socket->disconnectFromHost();
    });
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::readInput);
    m_idleTimer.start();
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    m_budget->used -= m_charged;
}

void HttpConnection::charge()
{
    const qsizetype held = m_in.size() + m_request.body.size();
    m_budget->used += held - m_charged;
    m_charged = held;
}

void HttpConnection::readInput()
{
    if (m_state == State::Draining) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    const qint64 available = qMin(m_socket->bytesAvailable(), kReadChunkBytes);
    if (available <= 0)
        return;
    if (m_budget->used + available > m_limits.maxBufferedBytes) {
        refuse(503);
        return;
    }
    m_idleTimer.stop();
    m_in += m_socket->read(available);
    charge();
    while (step()) { }
    // What did not fit in this read is read on the next round of the event loop.
    if (m_state != State::Draining && m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readInput, Qt::QueuedConnection);
}

bool HttpConnection::step()
{
    switch (m_state) {
    case State::Head:
        return readHead();
    case State::Body:
        return readBody();
    case State::Chunked:
        return readChunked();
    case State::Draining:
        return false;
    }
    return false;
}

bool HttpConnection::readHead()
{
    // Blank lines before a request line are ignored (RFC 9112 §2.2).
    qsizetype start = 0;
    while (start < m_in.size() && (m_in.at(start) == '\r' || m_in.at(start) == '\n'))
        ++start;
    m_in.remove(0, start);
    charge();
    if (m_in.isEmpty()) {
        waitForNextRequest();
        return false;
    }
    if (!m_requestTimer.isActive())
        m_requestTimer.start();
    qsizetype end = m_in.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    if (const qsizetype bare = m_in.indexOf("\n\n"); bare >= 0 && (end < 0 || bare < end)) {
        end = bare;
        separator = 2;
    }
    if (end < 0 ? m_in.size() > m_limits.maxHeadBytes : end > m_limits.maxHeadBytes) {
        refuse(431);
        return false;
    }
    if (end < 0)
        return false;
    const QByteArray head = m_in.left(end);
    m_in.remove(0, end + separator);
    charge();
    return parseHead(head);
}

bool HttpConnection::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    QList<QByteArray> parts = withoutCr(lines.first()).split(' ');
    parts.removeAll(QByteArray());
    m_request = HttpRequest();
    m_request.tls = qobject_cast<QSslSocket *>(m_socket) != nullptr;
    m_request.peer = m_socket->peerAddress();
    if (parts.size() != 3 || (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0")) {
        refuse(400);
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = withoutCr(lines.at(i));
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon);
        // No folded lines, no space in a name (RFC 9112 §5).
        if (colon <= 0 || name.contains(' ') || name.contains('\t') || line.startsWith(' ')
            || line.startsWith('\t')) {
            refuse(400);
            return false;
        }
        m_request.headers.append(qMakePair(name, line.mid(colon + 1).trimmed()));
    }
    m_request.method = knownMethod(parts.at(0));
    m_request.target = parts.at(1);
    const QUrl url = QUrl::fromEncoded(m_request.target);
    m_request.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (m_request.path.isEmpty())
        m_request.path = "/";
    m_request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    m_request.query
        = QUrlQuery(QString::fromLatin1(m_request.rawQuery)).queryItems(QUrl::FullyDecoded);

    const QByteArray connection = m_request.header("connection").toLower();
    m_close = connection.contains("close")
        || (parts.at(2) == "HTTP/1.0" && !connection.contains("keep-alive"));
    const QByteArray coding = m_request.header("transfer-encoding").toLower().trimmed();
    QList<QByteArray> lengths;
    for (const auto &[headerName, value] : std::as_const(m_request.headers)) {
        if (headerName.compare("content-length", Qt::CaseInsensitive) == 0)
            lengths.append(value);
    }
    if (!coding.isEmpty()) {
        // Both framings at once is how requests are smuggled (RFC 9112 §6.3): refused.
        if (!lengths.isEmpty() || !coding.endsWith("chunked")) {
            refuse(400);
            return false;
        }
        m_state = State::Chunked;
        m_chunkPart = ChunkPart::Size;
    } else if (!lengths.isEmpty()) {
        if (!isDigits(lengths.first(), false) || lengths.count(lengths.first()) != lengths.size()) {
            refuse(400);
            return false;
        }
        // More than 18 digits would not fit in a qint64 and is over any limit anyway.
        const QByteArray digits = lengths.first();
        if (digits.size() > 18 || digits.toLongLong() > m_limits.maxBodyBytes) {
            refuse(413);
            return false;
        }
        m_contentLength = digits.toLongLong();
        m_state = m_contentLength > 0 ? State::Body : State::Head;
    }
    if (m_state == State::Head) {
        finish();
        return m_state != State::Draining;
    }
    if (m_request.header("expect").toLower() == "100-continue")
        ConnectionOutput::of(m_socket)->push("HTTP/1.1 100 Continue\r\n\r\n", Ending::KeepOpen, 0);
    return true;
}

bool HttpConnection::readBody()
{
    if (m_in.size() < m_contentLength)
        return false;
    m_request.body = m_in.left(m_contentLength);
    m_in.remove(0, m_contentLength);
    charge();
    finish();
    return m_state != State::Draining;
}

bool HttpConnection::readChunkSize()
{
    const qsizetype newline = m_in.indexOf('\n');
    if (newline < 0) {
        if (m_in.size() > kMaxChunkLineBytes)
            refuse(400);
        return false;
    }
    QByteArray line = m_in.left(newline);
    m_in.remove(0, newline + 1);
    if (const qsizetype extension = line.indexOf(';'); extension >= 0)
        line.truncate(extension);
    line = line.trimmed();
    if (!isDigits(line, true)) {
        refuse(400);
        return false;
    }
    // 15 hexadecimal digits fit in a qint64; more is over any limit.
    const qint64 size
        = line.size() > 15 ? std::numeric_limits<qint64>::max() : line.toLongLong(nullptr, 16);
    if (size > m_limits.maxBodyBytes - m_request.body.size()) {
        refuse(413);
        return false;
    }
    m_chunkLeft = size;
    m_chunkPart = size == 0 ? ChunkPart::Trailer : ChunkPart::Data;
    return true;
}

bool HttpConnection::readChunked()
{
    switch (m_chunkPart) {
    case ChunkPart::Size:
        return readChunkSize();
    case ChunkPart::Data: {
        if (m_in.isEmpty())
            return false;
        const qsizetype take = static_cast<qsizetype>(qMin<qint64>(m_chunkLeft, m_in.size()));
        m_request.body.append(QByteArrayView(m_in).first(take));
        m_in.remove(0, take);
        charge();
        m_chunkLeft -= take;
        if (m_chunkLeft == 0)
            m_chunkPart = ChunkPart::DataEnd;
        return true;
    }
    case ChunkPart::DataEnd:
    case ChunkPart::Trailer: {
        const qsizetype newline = m_in.indexOf('\n');
        if (newline < 0) {
            if (m_in.size() > m_limits.maxHeadBytes)
                refuse(431);
            return false;
        }
        const bool empty = m_in.left(newline).trimmed().isEmpty();
        m_in.remove(0, newline + 1);
        charge();
        if (m_chunkPart == ChunkPart::DataEnd) {
            if (!empty) {
                refuse(400);
                return false;
            }
            m_chunkPart = ChunkPart::Size;
            return true;
        }
        if (!empty)
            return true; // a trailer field: read and ignored
        finish();
        return m_state != State::Draining;
    }
    }
    return false;
}

void HttpConnection::finish()
{
    m_requestTimer.stop();
    const HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    charge();
    // After an answer that closes the connection, nothing more is read from it.
    m_state = m_close ? State::Draining : State::Head;
    m_handler(request, m_socket, m_close);
}

void HttpConnection::refuse(int status)
{
    m_requestTimer.stop();
    m_idleTimer.stop();
    HttpRequest request = std::move(m_request); // what was read of it: the host, for the envelope
    request.body.clear();
    request.refusal = status;
    m_request = HttpRequest();
    m_in = QByteArray();
    charge();
    m_state = State::Draining;
    m_socket->skip(m_socket->bytesAvailable());
    m_handler(request, m_socket, true);
    // The client may still be sending what was refused: closing with unread input would reset
    // the connection and could destroy the answer before the client reads it. Input is dropped
    // for a while instead; a client that reads "Connection: close" leaves first.
    QTimer::singleShot(m_limits.lingerMs, this, &HttpConnection::closeWhenAnswered);
}

void HttpConnection::closeWhenAnswered()
{
    if (!ConnectionOutput::of(m_socket)->isIdle()) {
        QTimer::singleShot(m_limits.lingerMs, this, &HttpConnection::closeWhenAnswered);
        return;
    }
    m_socket->disconnectFromHost();
}

void HttpConnection::waitForNextRequest()
{
    m_requestTimer.stop();
    if (!m_idleTimer.isActive())
        m_idleTimer.start();
}
