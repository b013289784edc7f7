#include "net/EndpointPolicy.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace keydesk {

bool EndpointPolicy::isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == u"localhost"_s)
        return true;
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

bool EndpointPolicy::maySendSecretsTo(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return true;
    return scheme == u"http"_s && isLoopbackHost(url.host());
}

QString EndpointPolicy::plainHttpProblem(const QUrl &url)
{
    if (maySendSecretsTo(url))
        return {};
    return tr("%1 is not an https:// address: the secret and the key values would cross the "
              "network in clear text. Plain http:// is only for this machine (localhost, "
              "127.0.0.1, ::1).")
        .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemovePath));
}

} // namespace keydesk
