#pragma once

#include "HttpConnection.h"

#include <QObject>

#include <memory>

class ApiRouter;
class FaultInjector;
class QTcpServer;
class QTcpSocket;

// The HTTP(S) front of the sandbox: accepts connections within HttpLimits, reads each request
// through an HttpConnection, lets the router answer it, and writes the answer on the socket,
// or the fault a test asked for (FaultInjector: delay, error answer, reset, truncated body).
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(ApiRouter &router, FaultInjector &faults, const HttpLimits &limits = {},
                  QObject *parent = nullptr);

    // Serves the connections of a listening server (a QTcpServer or a QSslServer), which
    // becomes a child of this object.
    void bind(QTcpServer *server);

private:
    void accept(QTcpServer *server);
    void serve(const HttpRequest &request, QTcpSocket *socket, bool close);

    ApiRouter &m_router;
    FaultInjector &m_faults;
    HttpLimits m_limits;
    std::shared_ptr<BufferBudget> m_budget;
    int m_connections = 0;
};
