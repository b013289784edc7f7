#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of a script of the interop npm project (KEYDESK_INTEROP_DIR, installed by the
// interop_npm_ci setup test) with `node` from PATH.
struct NodeScriptRun
{
    bool finished = false; // false: node did not start or did not end in time
    int exitCode = -1;
    QByteArray output; // stdout
    QByteArray errors; // stderr
    QString problem; // why it did not finish

    QString describe() const
    {
        return QStringLiteral("exit code %1%2\n--- stdout\n%3--- stderr\n%4")
            .arg(QString::number(exitCode),
                 problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + u')',
                 QString::fromUtf8(output), QString::fromUtf8(errors));
    }
};

// Secrets travel in the environment, never on the command line (DESIGN.md §4). Proxy settings
// are dropped: the sandbox is on loopback.
inline NodeScriptRun runNodeScript(const QString &script, const QStringList &arguments,
                                   const QProcessEnvironment &variables, int timeoutMs = 120000)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QStringLiteral("ALIBABA_CLOUD_"))
            || name.compare(QStringLiteral("http_proxy"), Qt::CaseInsensitive) == 0
            || name.compare(QStringLiteral("https_proxy"), Qt::CaseInsensitive) == 0
            || name.compare(QStringLiteral("all_proxy"), Qt::CaseInsensitive) == 0)
            environment.remove(name);
    }
    environment.insert(variables);

    QProcess node;
    node.setProcessEnvironment(environment);
    node.setWorkingDirectory(QStringLiteral(KEYDESK_INTEROP_DIR));
    node.start(QStringLiteral("node"),
               QStringList {QStringLiteral(KEYDESK_INTEROP_DIR "/") + script} + arguments);

    NodeScriptRun run;
    if (!node.waitForStarted(30000)) {
        run.problem
            = QStringLiteral("node did not start (is Node.js on PATH?): ") + node.errorString();
        return run;
    }
    node.closeWriteChannel();
    if (!node.waitForFinished(timeoutMs)) {
        run.problem = QStringLiteral("node did not finish: ") + node.errorString();
        node.kill();
        node.waitForFinished(5000);
    } else {
        run.finished = node.exitStatus() == QProcess::NormalExit;
        if (!run.finished)
            run.problem = QStringLiteral("node crashed");
    }
    run.exitCode = node.exitCode();
    run.output = node.readAllStandardOutput();
    run.errors = node.readAllStandardError();
    return run;
}
