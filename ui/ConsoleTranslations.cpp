#include "ConsoleTranslations.h"

#include "ConsoleSettings.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// The object name of the translators installed here, so that a second call replaces them.
const QString kTranslatorName = u"keydeskTranslator"_s;

// The console's language for one entry of QLocale::uiLanguages() ("en-GB", "zh-Hans-CN"), or
// empty when it speaks none of it. Traditional Chinese (zh-TW, zh-Hant) is not Simplified.
QString consoleLanguageFor(const QString &uiLanguage)
{
    const QLocale locale(uiLanguage);
    if (locale.language() == QLocale::English)
        return u"en"_s;
    if (locale.language() == QLocale::Chinese && locale.script() == QLocale::SimplifiedHanScript)
        return u"zh_CN"_s;
    return {};
}

void removeInstalled(QCoreApplication *app)
{
    for (QTranslator *translator : app->findChildren<QTranslator *>(kTranslatorName)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool install(QCoreApplication *app, const QString &file)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(kTranslatorName);
    if (!translator->load(u":/i18n/"_s + file)) {
        qWarning("keydesk: the translation %s is missing from the build", qPrintable(file));
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace

QStringList consoleLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

QString chooseConsoleLanguage(const QString &setting, const QStringList &uiLanguages)
{
    if (consoleLanguages().contains(setting))
        return setting;
    for (const QString &uiLanguage : uiLanguages) {
        QString language = consoleLanguageFor(uiLanguage);
        if (!language.isEmpty())
            return language;
    }
    return u"en"_s;
}

bool installTranslations(QCoreApplication *app, const QString &language)
{
    removeInstalled(app);
    // The last installed is asked first: the language's own, then Qt's, then English plurals.
    bool complete = install(app, u"keydesk_en.qm"_s);
    if (language != u"en"_s) {
        complete = install(app, u"qtbase_%1.qm"_s.arg(language)) && complete;
        complete = install(app, u"keydesk_%1.qm"_s.arg(language)) && complete;
    }
    const QLocale wanted(language);
    if (QLocale().language() != wanted.language() || QLocale().script() != wanted.script())
        QLocale::setDefault(wanted);
    return complete;
}

QString installConsoleTranslations(QCoreApplication *app)
{
    QString language
        = chooseConsoleLanguage(ConsoleSettings::language(), QLocale::system().uiLanguages());
    installTranslations(app, language);
    return language;
}

} // namespace keydesk
