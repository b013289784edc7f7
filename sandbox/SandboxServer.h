#pragma once

#include <QAbstractHttpServer>

class ApiRouter;
class FaultInjector;

// The HTTP(S) front of the sandbox: turns each parsed request into an HttpRequest, lets the
// router answer it, and writes the answer on the socket, or the fault a test asked for
// (FaultInjector: delay, error answer, reset, truncated body).
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    SandboxServer(ApiRouter &router, FaultInjector &faults, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiRouter &m_router;
    FaultInjector &m_faults;
};
