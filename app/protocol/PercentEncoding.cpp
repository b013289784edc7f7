#include "protocol/PercentEncoding.h"

#include <QUrl>

#include <algorithm>

namespace keydesk::protocol {

QByteArray percentEncode(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

QByteArray canonicalQueryString(QueryItems items)
{
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        const QByteArray ka = a.first.toUtf8();
        const QByteArray kb = b.first.toUtf8();
        return ka != kb ? ka < kb : a.second.toUtf8() < b.second.toUtf8();
    });
    QByteArray out;
    for (const auto &[key, value] : std::as_const(items)) {
        if (!out.isEmpty())
            out += '&';
        out += percentEncode(key) + '=' + percentEncode(value);
    }
    return out;
}

} // namespace keydesk::protocol
