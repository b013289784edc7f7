#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace keydesk {

// One console per person and settings location. The first start listens on a local socket in
// the user's runtime directory, named after a hash of a key (the settings file's path); a later
// start with the same key asks it to bring its window to the front and exits. Tests with XDG
// directories of their own get names of their own, so they and a developer's running console
// never see each other. start() runs before the event loop and may block for a few seconds.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Listening, // this start is the instance: later starts arrive as activationRequested()
        OtherActivated, // another instance answered: it brings its window to the front
        Unguarded, // no socket could be made (errorString()): run without the guard
    };

    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The console's key: where its QSettings live, which differs per user and XDG_CONFIG_HOME.
    static QString settingsKey();

    QString socketPath() const { return m_path; }
    // How long a start waits for the running instance's answer before taking its place.
    void setAnswerTimeout(int milliseconds) { m_answerTimeout = milliseconds; }

    Outcome start();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void activationRequested();

private:
    bool askRunning() const;
    bool listen();
    void acceptConnections();
    void readRequest(QLocalSocket *socket);

    QString m_path;
    QString m_error;
    int m_answerTimeout = 3000;
    QLocalServer *m_server = nullptr;
};

} // namespace keydesk
