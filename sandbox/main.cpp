#include "DataDirectory.h"
#include "Sandbox.h"
#include "SandboxLog.h"
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace {

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

std::optional<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString hostText = text.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    ListenAddress address;
    if (hostText == u"localhost"_s)
        address.host = QHostAddress(QHostAddress::LocalHost);
    else if (!address.host.setAddress(hostText))
        return std::nullopt;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    address.port = static_cast<quint16>(port);
    return address;
}

QString urlFor(const char *scheme, const QTcpServer &server)
{
    QString host = server.serverAddress().toString();
    if (server.serverAddress().protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QString::fromLatin1(scheme) + u"://"_s + host + u':'
        + QString::number(server.serverPort());
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "keydesk-sandbox: %s\n", qPrintable(message));
    std::exit(2);
}

// A number of milliseconds from 100 to 3600000 for OPTION, or the default when it is not set.
int milliseconds(const QCommandLineParser &parser, const QCommandLineOption &option, int fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 100 || value > 3600000)
        fail(u"--%1 takes a number of milliseconds from 100 to 3600000"_s.arg(
            option.names().first()));
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    // The sandbox keeps time in UTC only. In UTC its local time has no daylight-saving gaps
    // (protocol::parseAcs3Date reads a date as local time first), and glibc does not open
    // /etc/localtime again on every conversion, which it does when TZ is unset: several
    // system calls for each signed request.
    qputenv("TZ", "UTC");
#ifdef Q_OS_UNIX
    // Everything the sandbox creates (the store, its WAL, demo-account.json) is its owner's only.
    ::umask(077);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"keydesk-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local server for the management APIs of RAM, Model Studio, DashVector, Tablestore"
        u" and OceanBase Cloud MaaS, for KeyDesk and its tests."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"Plain HTTP address (default 127.0.0.1:0)."_s,
                                    u"host:port"_s, u"127.0.0.1:0"_s);
    const QCommandLineOption dataDir(u"data-dir"_s, u"Directory for the state (required)."_s,
                                     u"dir"_s);
    const QCommandLineOption tlsListen(u"tls-listen"_s, u"HTTPS address."_s, u"host:port"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"PEM certificate for HTTPS."_s, u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key for HTTPS."_s, u"file"_s);
    const QCommandLineOption demo(
        u"demo"_s, u"Create the demo account once and write DIR/demo-account.json."_s);
    const QCommandLineOption admin(u"enable-admin"_s,
                                   u"Serve the /_sandbox/ test hooks (loopback only)."_s);
    const QCommandLineOption faultLatency(
        u"fault-latency-ms"_s,
        u"Hold every answer (not the /_sandbox/ hooks) this long, for timeout tests; the"
        u" admin hook /_sandbox/faults can replace it."_s,
        u"ms"_s);
    const QCommandLineOption requestTimeout(
        u"request-timeout-ms"_s,
        u"Refuse with 408 a request whose head and body take longer than this (default 30000)."_s,
        u"ms"_s);
    const QCommandLineOption idleTimeout(
        u"idle-timeout-ms"_s,
        u"Close a kept-alive connection idle for this long (default 60000)."_s, u"ms"_s);
    parser.addOptions({listen, dataDir, tlsListen, tlsCert, tlsKey, demo, admin, faultLatency,
                       requestTimeout, idleTimeout});
    parser.process(app);

    if (!parser.isSet(dataDir))
        fail(u"--data-dir is required"_s);
    const auto plainAddress = parseListen(parser.value(listen));
    if (!plainAddress)
        fail(u"--listen takes host:port, for example 127.0.0.1:8890"_s);

    Sandbox sandbox;
    const QString dir = QDir(parser.value(dataDir)).absolutePath();
    if (const QString error = sandbox.open({dir, parser.isSet(admin)}); !error.isEmpty())
        fail(u"cannot open the state in %1: %2"_s.arg(dir, error));

    if (parser.isSet(faultLatency)) {
        bool ok = false;
        const int delayMs = parser.value(faultLatency).toInt(&ok);
        const QJsonObject rule {{u"fault"_s, u"latency"_s}, {u"delayMs"_s, delayMs}};
        if (!ok || !sandbox.faults().setRules(QJsonArray {rule}).isEmpty())
            fail(u"--fault-latency-ms takes a number of milliseconds from 1 to 600000"_s);
    }

    HttpLimits limits;
    limits.requestTimeoutMs = milliseconds(parser, requestTimeout, limits.requestTimeoutMs);
    limits.idleTimeoutMs = milliseconds(parser, idleTimeout, limits.idleTimeoutMs);
    SandboxServer server(sandbox.router(), sandbox.faults(), limits);
    auto *plain = new QTcpServer(&server);
    if (!plain->listen(plainAddress->host, plainAddress->port))
        fail(u"cannot listen on %1: %2"_s.arg(parser.value(listen), plain->errorString()));
    server.bind(plain);

    QSslServer *secure = nullptr;
    if (parser.isSet(tlsListen)) {
        const auto tlsAddress = parseListen(parser.value(tlsListen));
        if (!tlsAddress)
            fail(u"--tls-listen takes host:port"_s);
        if (!parser.isSet(tlsCert) || !parser.isSet(tlsKey))
            fail(u"--tls-listen needs --tls-cert and --tls-key"_s);
        if (const QString error = DataDirectory::secureFileInside(dir, parser.value(tlsKey));
            !error.isEmpty())
            fail(error);
        QFile certFile(parser.value(tlsCert));
        QFile keyFile(parser.value(tlsKey));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            fail(u"cannot read the TLS certificate or key"_s);
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa);
        if (chain.isEmpty() || key.isNull())
            fail(u"the TLS certificate or key is not valid PEM"_s);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        secure = new QSslServer(&server);
        secure->setSslConfiguration(config);
        if (!secure->listen(tlsAddress->host, tlsAddress->port))
            fail(u"cannot listen on %1: %2"_s.arg(parser.value(tlsListen), secure->errorString()));
        server.bind(secure);
    }

    const QString httpUrl = urlFor("http", *plain);
    const QString httpsUrl = secure ? urlFor("https", *secure) : QString();
    if (parser.isSet(demo)) {
        QJsonObject endpoints {{u"http"_s, httpUrl}};
        if (secure)
            endpoints.insert(u"https"_s, httpsUrl);
        QJsonObject account;
        try {
            account = sandbox.ensureDemo(endpoints);
        } catch (const StoreError &error) {
            fail(u"cannot create the demo account: %1"_s.arg(QString::fromUtf8(error.what())));
        }
        QSaveFile file(QDir(dir).filePath(u"demo-account.json"_s));
        if (!file.open(QIODevice::WriteOnly)) {
            fail(u"cannot write demo-account.json"_s);
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(QJsonDocument(account).toJson());
        if (!file.commit())
            fail(u"cannot write demo-account.json"_s);
    }

    std::printf("listening on %s\n", qPrintable(httpUrl));
    if (secure)
        std::printf("listening on %s\n", qPrintable(httpsUrl));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
