// What TestTranslationFiles' sync check runs lupdate over: it reads this file, nothing compiles it.
#include <QCoreApplication>

QString kept()
{
    return QCoreApplication::translate("Fixture", "Kept");
}

QString added()
{
    return QCoreApplication::translate("Fixture", "Added since");
}
