#include "SandboxProfiles.h"

#include "SandboxFixture.h"
#include "net/HttpClient.h"

#include <QDir>
#include <QSslCertificate>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace keydesk;

Profile sandboxProfile(ServiceKind service, const QUrl &endpoint, const QString &accessKeyId)
{
    Profile profile;
    profile.id = u"test"_s;
    profile.service = service;
    profile.endpoint = endpoint;
    profile.accessKeyId = accessKeyId;
    profile.timeoutMs = 5000;
    return profile;
}

bool trustSandbox(HttpClient &client, const SandboxFixture &sandbox)
{
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromPath(QDir(sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s));
    if (certificates.size() != 1)
        return false;
    client.setExtraCaCertificates(certificates);
    return true;
}

QUrl closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    QUrl url(u"http://127.0.0.1"_s);
    url.setPort(server.serverPort());
    server.close();
    return url;
}
