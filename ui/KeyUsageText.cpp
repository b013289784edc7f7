#include "KeyUsageText.h"

#include "services/KeyService.h"

#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace keydesk {

KeyUsageText KeyUsageText::describe(const ServiceUsage &usage,
                                    const ServiceCapabilities &capabilities)
{
    KeyUsageText text;
    QStringList parts;
    if (usage.keyCount >= 0 && usage.maxKeys > 0) {
        parts.append(
            capabilities.hasWorkspaces
                ? tr("%1 of %2 keys in this workspace").arg(usage.keyCount).arg(usage.maxKeys)
                : tr("%1 of %2 keys").arg(usage.keyCount).arg(usage.maxKeys));
        if (usage.keyCount >= usage.maxKeys)
            text.blockedReason = tr("The limit of %1 keys is reached: delete a key to create "
                                    "another.")
                                     .arg(usage.maxKeys);
    } else if (usage.keyCount >= 0) {
        parts.append(tr("%n key(s)", nullptr, usage.keyCount));
    }
    if (usage.creationsLeftToday >= 0 && usage.dailyCreationLimit > 0) {
        parts.append(tr("%1 of %2 creations left today")
                         .arg(usage.creationsLeftToday)
                         .arg(usage.dailyCreationLimit));
        if (usage.creationsLeftToday == 0 && text.blockedReason.isEmpty()) {
            text.blockedReason = usage.creationCountResets.isValid()
                ? tr("No creations left today: the count starts again at %1.")
                      .arg(QLocale().toString(usage.creationCountResets.toLocalTime(),
                                              QLocale::ShortFormat))
                : tr("No creations left today.");
        }
    }
    text.line = parts.join(u" · "_s);
    return text;
}

} // namespace keydesk
