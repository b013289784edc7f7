#include "NodeBench.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

NodeBench::NodeBench(const QString &nodeDir, const QUrl &endpoint, const QByteArray &accessKeyId,
                     const QByteArray &secret, QObject *parent)
    : QObject(parent)
    , m_nodeDir(nodeDir)
    , m_endpoint(endpoint)
    , m_accessKeyId(accessKeyId)
    , m_secret(secret)
{ }

NodeBench::~NodeBench()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_secret.fill('\0');
}

void NodeBench::start(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The sandbox is on loopback: no proxy, and no credentials but the ones given here.
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"ALIBABA_CLOUD_"_s)
            || name.compare(u"http_proxy"_s, Qt::CaseInsensitive) == 0
            || name.compare(u"https_proxy"_s, Qt::CaseInsensitive) == 0
            || name.compare(u"all_proxy"_s, Qt::CaseInsensitive) == 0)
            environment.remove(name);
    }
    environment.insert(u"KEYDESK_SANDBOX_URL"_s, m_endpoint.toString());
    environment.insert(u"KEYDESK_ACCESS_KEY_ID"_s, QString::fromLatin1(m_accessKeyId));
    environment.insert(u"KEYDESK_ACCESS_KEY_SECRET"_s, QString::fromLatin1(m_secret));
    if (!m_caPath.isEmpty())
        environment.insert(u"KEYDESK_SANDBOX_CA"_s, m_caPath);

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setWorkingDirectory(m_nodeDir);
    // The script's progress goes straight to our stderr; its stdout is the result.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::finished, this, &NodeBench::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_error = u"node did not start (is Node.js on PATH?): "_s + m_process->errorString();
        Q_EMIT finished();
    });
    m_process->start(u"node"_s,
                     QStringList {QDir(m_nodeDir).filePath(u"ram-bench.cjs"_s)} + arguments);
}

void NodeBench::processFinished(int exitCode, QProcess::ExitStatus status)
{
    const QList<QByteArray> lines = m_process->readAllStandardOutput().trimmed().split('\n');
    const QJsonDocument document = QJsonDocument::fromJson(lines.last());
    if (status != QProcess::NormalExit || exitCode != 0)
        m_error = u"node ram-bench.cjs failed (exit code %1): %2"_s.arg(exitCode).arg(
            QString::fromUtf8(lines.last()));
    else if (!document.isObject())
        m_error = u"node ram-bench.cjs printed no result"_s;
    else
        m_result = document.object();
    Q_EMIT finished();
}
