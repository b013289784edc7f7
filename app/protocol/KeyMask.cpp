#include "protocol/KeyMask.h"

namespace keydesk::protocol {

QString maskKey(const QString &value)
{
    static const QString stars = QStringLiteral("****");
    if (value.size() < 12)
        return stars;
    QString prefix;
    for (qsizetype i = 0; i < value.size() && i < 5; ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('-') || c == QLatin1Char('_')) {
            prefix = value.left(i + 1);
            break;
        }
        if (!c.isLetter())
            break;
    }
    return prefix + stars + value.right(4);
}

} // namespace keydesk::protocol
