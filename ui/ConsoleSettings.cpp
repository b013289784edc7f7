#include "ConsoleSettings.h"

#include "ConsoleTranslations.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace keydesk::ConsoleSettings {

namespace {

// A number of seconds (or minutes) kept under key, bounded when read and when written.
struct Seconds
{
    QString key;
    int fallback;
    int minimum;
    int maximum;

    int read() const
    {
        bool ok = false;
        const int value = QSettings().value(key).toInt(&ok);
        return ok ? qBound(minimum, value, maximum) : fallback;
    }
    void write(int seconds) const { QSettings().setValue(key, qBound(minimum, seconds, maximum)); }
};

const Seconds viewing {u"security/viewingSeconds"_s, defaultViewingSeconds, minimumViewingSeconds,
                       maximumViewingSeconds};
const Seconds clipboard {u"security/clipboardSeconds"_s, defaultClipboardSeconds,
                         minimumClipboardSeconds, maximumClipboardSeconds};
const Seconds lockIdle {u"security/lockIdleMinutes"_s, defaultLockIdleMinutes,
                        minimumLockIdleMinutes, maximumLockIdleMinutes};

} // namespace

int viewingSeconds()
{
    return viewing.read();
}

void setViewingSeconds(int seconds)
{
    viewing.write(seconds);
}

int clipboardSeconds()
{
    return clipboard.read();
}

void setClipboardSeconds(int seconds)
{
    clipboard.write(seconds);
}

int lockIdleMinutes()
{
    return lockIdle.read();
}

void setLockIdleMinutes(int minutes)
{
    lockIdle.write(minutes);
}

QString language()
{
    const QString value = QSettings().value(u"console/language"_s).toString();
    return consoleLanguages().contains(value) ? value : QString();
}

void setLanguage(const QString &language)
{
    QSettings().setValue(u"console/language"_s,
                         consoleLanguages().contains(language) ? language : QString());
}

} // namespace keydesk::ConsoleSettings
