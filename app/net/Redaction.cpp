#include "net/Redaction.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace keydesk {

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "x-ots-apikey" || lower == "dashvector-auth-token"
        || lower == "x-acs-security-token" || lower == "proxy-authorization" || lower == "cookie";
}

protocol::HttpHeaders redactHeaders(const protocol::HttpHeaders &headers)
{
    protocol::HttpHeaders out;
    for (const auto &[name, value] : headers)
        out.append(qMakePair(name, isSecretHeader(name) ? QByteArray("<redacted>") : value));
    return out;
}

QString redactUrl(const QUrl &url)
{
    // Parameter values may be key values (OceanBase ids are not, but a person's typo might be);
    // only names that never carry one are shown.
    static const QStringList harmless {u"Action"_s,           u"Version"_s,    u"pageNumber"_s,
                                       u"pageSize"_s,         u"maxResults"_s, u"MaxItems"_s,
                                       u"expire_in_seconds"_s};
    QUrl copy = url;
    QUrlQuery query(copy);
    QUrlQuery redacted;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        redacted.addQueryItem(name, harmless.contains(name) ? value : u"…"_s);
    copy.setQuery(redacted);
    copy.setUserInfo({});
    return copy.toString();
}

} // namespace keydesk
