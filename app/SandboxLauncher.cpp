#include "SandboxLauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

SandboxLauncher::SandboxLauncher(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.program.isEmpty())
        m_options.program = defaultProgram();
}

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::defaultProgram()
{
    QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(u"keydesk-sandbox"_s);
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString onPath = QStandardPaths::findExecutable(u"keydesk-sandbox"_s);
    return onPath.isEmpty() ? beside : onPath;
}

QString SandboxLauncher::certificatePath() const
{
    return QDir(m_options.dataDir).filePath(u"tls/sandbox-cert.pem"_s);
}

QString SandboxLauncher::demoAccountPath() const
{
    return QDir(m_options.dataDir).filePath(u"demo-account.json"_s);
}

bool SandboxLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void SandboxLauncher::start()
{
    if (!QDir().mkpath(m_options.dataDir)) {
        Q_EMIT failed(tr("Cannot create the sandbox's data directory %1.").arg(m_options.dataDir));
        return;
    }
    if (m_options.tls && !QFileInfo::exists(certificatePath()))
        makeCertificate();
    else
        launch();
}

void SandboxLauncher::makeCertificate()
{
    const QString tlsDir = QFileInfo(certificatePath()).absolutePath();
    QDir().mkpath(tlsDir);
    m_openssl = new QProcess(this);
    m_openssl->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_openssl, &QProcess::finished, this, [this, tlsDir](int code, QProcess::ExitStatus) {
        const QByteArray output = m_openssl->readAll();
        m_openssl->deleteLater();
        m_openssl = nullptr;
        if (code != 0) {
            QFile::remove(certificatePath());
            Q_EMIT failed(tr("openssl could not make the sandbox's certificate: %1")
                              .arg(QString::fromLocal8Bit(output).trimmed()));
            return;
        }
        QFile::setPermissions(QDir(tlsDir).filePath(u"sandbox-key.pem"_s),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        launch();
    });
    connect(m_openssl, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("openssl is needed to make the sandbox's certificate and was not"
                             " found."));
    });
    // A self-signed certificate for loopback only; clients trust it explicitly as an extra CA.
    m_openssl->start(u"openssl"_s,
                     {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                      u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"825"_s,
                      u"-subj"_s, u"/CN=KeyDesk sandbox"_s, u"-addext"_s,
                      u"subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost"_s, u"-keyout"_s,
                      QDir(tlsDir).filePath(u"sandbox-key.pem"_s), u"-out"_s, certificatePath()});
}

void SandboxLauncher::launch()
{
    QStringList arguments {u"--data-dir"_s, m_options.dataDir, u"--listen"_s, u"127.0.0.1:0"_s};
    if (m_options.tls) {
        arguments
            << u"--tls-listen"_s << u"127.0.0.1:0"_s << u"--tls-cert"_s << certificatePath()
            << u"--tls-key"_s
            << QDir(QFileInfo(certificatePath()).absolutePath()).filePath(u"sandbox-key.pem"_s);
    }
    if (m_options.demo)
        arguments << u"--demo"_s;
    if (m_options.enableAdmin)
        arguments << u"--enable-admin"_s;
    arguments << m_options.extraArguments;

    m_output.clear();
    m_errors.clear();
    m_started = false;
    m_process = new QProcess(this);
#ifdef Q_OS_LINUX
    // The sandbox must not outlive the console or the test that started it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { m_errors += m_process->readAllStandardError(); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(
                tr("Cannot start %1: %2").arg(m_options.program, m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_started)
            Q_EMIT failed(tr("The sandbox stopped before it listened: %1")
                              .arg(QString::fromLocal8Bit(m_errors).trimmed()));
        Q_EMIT exited(code);
    });
    m_process->start(m_options.program, arguments);
}

void SandboxLauncher::readOutput()
{
    m_output += m_process->readAllStandardOutput();
    while (!m_started) {
        const qsizetype newline = m_output.indexOf('\n');
        if (newline < 0)
            return;
        const QByteArray line = m_output.left(newline).trimmed();
        m_output.remove(0, newline + 1);
        static const QByteArray prefix = "listening on ";
        if (!line.startsWith(prefix))
            continue;
        const QUrl url(QString::fromUtf8(line.mid(prefix.size())));
        if (url.scheme() == u"https"_s)
            m_httpsUrl = url;
        else
            m_httpUrl = url;
        if (m_httpUrl.isValid() && (!m_options.tls || m_httpsUrl.isValid())) {
            m_started = true;
            Q_EMIT started();
        }
    }
}

void SandboxLauncher::stop()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    delete m_process;
    m_process = nullptr;
}

void SandboxLauncher::kill()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(5000);
    delete m_process;
    m_process = nullptr;
}
