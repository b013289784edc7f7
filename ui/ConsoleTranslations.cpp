#include "ConsoleTranslations.h"

#include <QCoreApplication>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace keydesk {

bool installConsoleTranslations(QCoreApplication *app)
{
    auto *english = new QTranslator(app);
    if (!english->load(u":/i18n/keydesk_en.qm"_s)) {
        delete english;
        return false;
    }
    return QCoreApplication::installTranslator(english);
}

} // namespace keydesk
