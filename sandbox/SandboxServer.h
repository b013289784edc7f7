#pragma once

#include <QAbstractHttpServer>

class ApiRouter;

// The HTTP(S) front of the sandbox: turns each parsed request into an HttpRequest, lets the
// router answer it, and writes the answer on the socket.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(ApiRouter &router, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiRouter &m_router;
};
