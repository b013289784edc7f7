#include "ConsoleLock.h"

#include "ConsoleSettings.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEvent>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QString kLogind = u"org.freedesktop.login1"_s;

bool isInput(QEvent::Type type)
{
    // The range MouseButtonPress … KeyRelease holds the button, move and key events.
    return (type >= QEvent::MouseButtonPress && type <= QEvent::KeyRelease)
        || (type >= QEvent::HoverEnter && type <= QEvent::HoverMove) || type == QEvent::Wheel
        || type == QEvent::TouchBegin || type == QEvent::TouchUpdate;
}

} // namespace

ConsoleLock::ConsoleLock(QObject *parent)
    : QObject(parent)
    , m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    // Precise: a coarse timer may fire 5 % early or late, and its remainingTime() is as rough.
    m_idle->setTimerType(Qt::PreciseTimer);
    m_idle->setInterval(ConsoleSettings::lockIdleMinutes() * 60 * 1000);
    connect(m_idle, &QTimer::timeout, this, [this] { lockNow(u"idle"_s); });
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    m_idle->start();
    watchBuses();
}

ConsoleLock::~ConsoleLock()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void ConsoleLock::watchBuses()
{
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        for (const QString &name : {u"org.freedesktop.ScreenSaver"_s, u"org.gnome.ScreenSaver"_s})
            session.connect(name, {}, name, u"ActiveChanged"_s, this,
                            SLOT(screenSaverChanged(bool)));
    }
    QDBusConnection system = QDBusConnection::systemBus();
    if (!system.isConnected())
        return;
    const QString sessionId = qEnvironmentVariable("XDG_SESSION_ID");
    if (!sessionId.isEmpty())
        m_sessionPath = logindSessionPath(sessionId);
    system.connect(kLogind, m_sessionPath, u"org.freedesktop.login1.Session"_s, u"Lock"_s, this,
                   SLOT(sessionLocked()));
    system.connect(kLogind, u"/org/freedesktop/login1"_s, u"org.freedesktop.login1.Manager"_s,
                   u"PrepareForSleep"_s, this, SLOT(preparingForSleep(bool)));
}

QString ConsoleLock::logindSessionPath(const QString &sessionId)
{
    QString path = u"/org/freedesktop/login1/session/"_s;
    if (sessionId.isEmpty())
        return path + u'_';
    const QByteArray bytes = sessionId.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        // A digit is kept only after the first character, as systemd's bus_label_escape().
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9'))
            path += QLatin1Char(bytes[i]);
        else
            path += u'_' + QString::number(c, 16).rightJustified(2, u'0');
    }
    return path;
}

void ConsoleLock::setIdleMs(int ms)
{
    m_idle->setInterval(qMax(1, ms));
    if (m_active)
        m_idle->start();
}

int ConsoleLock::idleMs() const
{
    return m_idle->interval();
}

int ConsoleLock::idleRemainingMs() const
{
    return m_idle->remainingTime();
}

void ConsoleLock::setActive(bool active)
{
    m_active = active;
    if (active)
        m_idle->start();
    else
        m_idle->stop();
}

void ConsoleLock::lockNow(const QString &reason)
{
    if (m_active)
        Q_EMIT lockRequested(reason);
}

bool ConsoleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (m_active && isInput(event->type()))
        m_idle->start();
    return QObject::eventFilter(watched, event);
}

void ConsoleLock::screenSaverChanged(bool active)
{
    if (active)
        lockNow(u"screen"_s);
}

void ConsoleLock::sessionLocked()
{
    lockNow(u"screen"_s);
}

void ConsoleLock::preparingForSleep(bool sleeping)
{
    if (sleeping)
        lockNow(u"sleep"_s);
}

} // namespace keydesk
