#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// Starts a keydesk-sandbox child process on loopback, with a self-signed certificate for its
// HTTPS port made on first use, and reports where it listens. `keydesk --sandbox` and every
// test start their sandbox through this one class. The child dies with this object.
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString program; // empty: keydesk-sandbox next to this executable, else on PATH
        QString dataDir;
        bool demo = true;
        bool tls = true;
        bool enableAdmin = false;
        QStringList extraArguments;
    };

    explicit SandboxLauncher(Options options, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    void start();
    void stop(); // SIGTERM, then waits for the child
    void kill(); // SIGKILL: a crash, as far as the sandbox can tell

    bool isRunning() const;
    QUrl httpUrl() const { return m_httpUrl; }
    QUrl httpsUrl() const { return m_httpsUrl; }
    QString certificatePath() const; // the sandbox's self-signed certificate (PEM)
    QString demoAccountPath() const;
    QString dataDir() const { return m_options.dataDir; }

    static QString defaultProgram();

Q_SIGNALS:
    void started();
    void failed(const QString &reason);
    void exited(int exitCode);

private:
    void makeCertificate();
    void launch();
    void readOutput();

    Options m_options;
    QProcess *m_openssl = nullptr;
    QProcess *m_process = nullptr;
    QByteArray m_output;
    QByteArray m_errors;
    QUrl m_httpUrl;
    QUrl m_httpsUrl;
    bool m_started = false;
};
