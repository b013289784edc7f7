#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace keydesk {

// The languages the console speaks, as QLocale names: "en" (its source language) and "zh_CN".
QStringList consoleLanguages();

// The console's language for a setting (ConsoleSettings::language(): empty to follow the system)
// and the system's languages (QLocale::system().uiLanguages(), most wanted first): the setting
// when it names one of consoleLanguages(), else the first system language the console speaks
// (any English; Chinese in Simplified characters: zh, zh-CN, zh-SG, zh-Hans-…), else English.
QString chooseConsoleLanguage(const QString &setting, const QStringList &uiLanguages);

// Installs language's translations on app, replacing those installed before: the English plural
// forms (":/i18n/keydesk_en.qm", below every other language too), then the language's own
// (":/i18n/keydesk_<language>.qm") and Qt's (":/i18n/qtbase_<language>.qm", for the standard
// buttons and dialogs), and makes it QLocale's default so dates and numbers follow, unless the
// default already speaks it (en_GB keeps its dates). False when a file is missing: they are
// embedded, so a broken build.
bool installTranslations(QCoreApplication *app, const QString &language);

// The console's language at start: chooseConsoleLanguage() for the setting and the system,
// installed with installTranslations(). Returns the language chosen.
QString installConsoleTranslations(QCoreApplication *app);

} // namespace keydesk
