#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// One run of bench/node/ram-bench.cjs, the official Node SDK's side of the benchmark. The
// AccessKey reaches node through its environment, never its command line (DESIGN.md §4).
class NodeBench : public QObject
{
    Q_OBJECT

public:
    NodeBench(const QString &nodeDir, const QUrl &endpoint, const QByteArray &accessKeyId,
              const QByteArray &secret, QObject *parent = nullptr);
    ~NodeBench() override;

    void setCaCertificatePath(const QString &path) { m_caPath = path; }

    // Starts `node ram-bench.cjs ARGUMENTS`; finished() comes once, then result() holds the
    // JSON object of the script's last line, or error() why there is none.
    void start(const QStringList &arguments);

    QJsonObject result() const { return m_result; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void processFinished(int exitCode, QProcess::ExitStatus status);

    QString m_nodeDir;
    QUrl m_endpoint;
    QByteArray m_accessKeyId;
    QByteArray m_secret;
    QString m_caPath;
    QProcess *m_process = nullptr;
    QJsonObject m_result;
    QString m_error;
};
