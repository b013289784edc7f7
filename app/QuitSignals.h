#pragma once

#include <QObject>

class QSocketNotifier;

namespace keydesk {

// Turns SIGINT (Ctrl+C), SIGTERM and SIGHUP into a signal of the event loop, so that the
// console ends like a closed window: the sandbox it started is stopped, the clipboard cleared of
// what it put there, the window's settings saved. The handler only writes a byte to a pipe (the
// one thing a signal handler may do safely); everything else runs in the event loop. One
// instance at a time; the default handlers come back when it is destroyed.
class QuitSignals : public QObject
{
    Q_OBJECT

public:
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signal);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace keydesk
