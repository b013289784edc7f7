#include "ApiCall.h"
#include "FaultInjector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

// The hostile server's faults: endlessBody, repeatMarker, basicChallenge, hugePage.

bool FaultInjector::parseHostile(const QJsonObject &object, Rule &rule, QString &error)
{
    if (object.contains(u"announceLength"_s)) {
        if (!object.value(u"announceLength"_s).isBool()) {
            error = u"\"announceLength\" must be true or false"_s;
            return false;
        }
        rule.plan.announceLength = object.value(u"announceLength"_s).toBool();
    }
    if (object.contains(u"fresh"_s)) {
        if (!object.value(u"fresh"_s).isBool()) {
            error = u"\"fresh\" must be true or false"_s;
            return false;
        }
        rule.freshMarkers = object.value(u"fresh"_s).toBool();
    }
    if (object.contains(u"items"_s)) {
        const QJsonValue items = object.value(u"items"_s);
        const double number = items.toDouble();
        if (!items.isDouble() || number != std::floor(number) || number < 1 || number > 1'000'000) {
            error = u"\"items\" must be an integer from 1 to 1000000"_s;
            return false;
        }
        rule.items = static_cast<qint64>(number);
    }
    return true;
}

HttpReply FaultInjector::hostileAnswerOf(const Rule &rule, const HttpRequest &request)
{
    const QString requestId = newRequestId();
    HttpReply reply;
    if (rule.plan.kind == FaultKind::BasicChallenge) {
        // OceanBase's envelope; the challenge a man in the middle (or a downgraded gateway)
        // would send to have the secret itself.
        reply = HttpReply::json(
            401,
            {{u"success"_s, false},
             {u"errorCode"_s, u"UNAUTHORIZED"_s},
             {u"errorMessage"_s, u"Authentication is required: use HTTP Basic."_s},
             {u"requestId"_s, requestId}});
        reply.setHeader("WWW-Authenticate", "Basic realm=\"OceanBase Cloud OpenAPI\"");
    } else if (rule.plan.kind == FaultKind::RepeatMarker) {
        // An empty page in the shape the path or action asks for, never the last one.
        const QString marker = rule.freshMarkers ? u"sandbox-marker-%1"_s.arg(rule.fired)
                                                 : u"sandbox-repeated-marker"_s;
        QJsonObject page;
        if (request.path.startsWith("/maas/")) { // Model Studio: apiKeys or workspaces
            page = {{request.path.startsWith("/maas/workspaces") ? u"workspaces"_s : u"apiKeys"_s,
                     QJsonArray()},
                    {u"nextToken"_s, marker},
                    {u"maxResults"_s, 100},
                    {u"requestId"_s, requestId},
                    {u"success"_s, true}};
        } else { // RAM's ListUsers
            page = {{u"RequestId"_s, requestId},
                    {u"IsTruncated"_s, true},
                    {u"Marker"_s, marker},
                    {u"Users"_s, QJsonObject {{u"User"_s, QJsonArray()}}}};
        }
        reply = HttpReply::json(200, page);
    } else {
        // RAM's ListUsers shape, written directly: a QJsonArray of a million users is slow.
        QByteArray body = R"({"RequestId":")" + requestId.toLatin1()
            + R"(","IsTruncated":false,"Users":{"User":[)";
        body.reserve(body.size() + rule.items * 48);
        for (qint64 i = 1; i <= rule.items; ++i) {
            if (i > 1)
                body += ',';
            const QByteArray n = QByteArray::number(i).rightJustified(7, '0');
            body += R"({"UserName":"huge-)" + n + R"(","UserId":"29)" + n + R"("})";
        }
        body += "]}}";
        reply.status = 200;
        reply.body = std::move(body);
        reply.setHeader("Content-Type", "application/json");
    }
    reply.setHeader("x-acs-request-id", requestId.toLatin1());
    return reply;
}

namespace {

// Writes an endless body, a chunk at a time as the socket drains; a child of its socket, so it
// goes when the connection does.
class EndlessBody : public QObject
{
public:
    EndlessBody(QTcpSocket *socket, bool announceLength)
        : QObject(socket)
        , m_socket(socket)
    {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        head
            += announceLength ? "Content-Length: 1099511627776\r\n"_ba : "Connection: close\r\n"_ba;
        head += "\r\n";
        m_socket->write(head + R"({"RequestId":")" + newRequestId().toLatin1()
                        + R"(","IsTruncated":false,"Users":{"User":[)");
        QByteArray item = R"({"UserName":"endless"},)";
        while (m_chunk.size() < kChunk)
            m_chunk += item;
        connect(m_socket, &QTcpSocket::bytesWritten, this, &EndlessBody::pump);
        pump();
    }

private:
    static constexpr qsizetype kChunk = qsizetype(64) * 1024;
    static constexpr qint64 kAhead = qint64(256) * 1024;
    static constexpr qint64 kMaxBytes = qint64(64) << 30;

    void pump()
    {
        while (m_socket->state() == QAbstractSocket::ConnectedState
               && m_socket->bytesToWrite() < kAhead && m_written < kMaxBytes) {
            m_socket->write(m_chunk);
            m_written += m_chunk.size();
        }
    }

    QTcpSocket *m_socket;
    QByteArray m_chunk;
    qint64 m_written = 0;
};

} // namespace

void streamEndlessBody(QTcpSocket *socket, bool announceLength, int delayMs)
{
    if (delayMs <= 0) {
        new EndlessBody(socket, announceLength);
        return;
    }
    QTimer::singleShot(delayMs, socket,
                       [socket, announceLength] { new EndlessBody(socket, announceLength); });
}
