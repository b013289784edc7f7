#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace keydesk {

// Says when the console should lock (lockRequested()), from three sources:
// - the desktop's screen lock over D-Bus: org.freedesktop.ScreenSaver and org.gnome.ScreenSaver
//   ActiveChanged(true) on the session bus (from the owners of those names); logind's Lock on
//   this login session's object and PrepareForSleep(true) on its manager, on the system bus
//   (from org.freedesktop.login1). A bus that is not there is skipped quietly.
// - no input to the application for idleMs() (an application event filter, as KeePassXC's
//   InactivityTimer): keys, mouse buttons and moves, hovering and the wheel restart the clock.
// - lockNow(), which the window's Lock action (Ctrl+L) calls.
// It only tells; the window locks and calls setActive(false) while it is locked, which stops the
// idle clock, and setActive(true) once unlocked.
class ConsoleLock : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleLock(QObject *parent = nullptr);
    ~ConsoleLock() override;

    void setIdleMs(int ms); // restarts the clock
    int idleMs() const;
    int idleRemainingMs() const; // -1 while inactive
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // The logind session whose Lock is followed: from XDG_SESSION_ID; empty (any session's Lock
    // from logind) when the console runs outside a login session.
    QString sessionPath() const { return m_sessionPath; }

    // logind's object path of a session id, as sd_bus_path_encode(): every byte other than a
    // letter (or a digit after the first) as _xx, "2" as …/session/_32.
    static QString logindSessionPath(const QString &sessionId);

public Q_SLOTS:
    void lockNow(const QString &reason);

Q_SIGNALS:
    // reason: what locked it ("screen", "sleep", "idle", "shortcut"), for the log and tests.
    void lockRequested(const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private Q_SLOTS:
    void screenSaverChanged(bool active);
    void sessionLocked();
    void preparingForSleep(bool sleeping);

private:
    void watchBuses();

    QTimer *m_idle;
    QString m_sessionPath;
    bool m_active = true;
};

} // namespace keydesk
