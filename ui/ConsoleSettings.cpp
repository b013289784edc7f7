#include "ConsoleSettings.h"

#include "ConsoleTranslations.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace keydesk::ConsoleSettings {

namespace {

int read(const QString &key, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = QSettings().value(key).toInt(&ok);
    return ok ? qBound(minimum, value, maximum) : fallback;
}

} // namespace

int viewingSeconds()
{
    return read(u"security/viewingSeconds"_s, defaultViewingSeconds, minimumViewingSeconds,
                maximumViewingSeconds);
}

void setViewingSeconds(int seconds)
{
    QSettings().setValue(u"security/viewingSeconds"_s,
                         qBound(minimumViewingSeconds, seconds, maximumViewingSeconds));
}

int clipboardSeconds()
{
    return read(u"security/clipboardSeconds"_s, defaultClipboardSeconds, minimumClipboardSeconds,
                maximumClipboardSeconds);
}

void setClipboardSeconds(int seconds)
{
    QSettings().setValue(u"security/clipboardSeconds"_s,
                         qBound(minimumClipboardSeconds, seconds, maximumClipboardSeconds));
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
