#pragma once

#include "domain/KeyError.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace keydesk {

// One challenge of a 401's WWW-Authenticate: its scheme (lower case) and parameters.
struct HttpChallenge
{
    QByteArray scheme;
    QByteArray parameters; // as sent: name=value, name="value", …
};

// Every challenge of an answer's WWW-Authenticate headers (Qt joins repeated headers with ", ").
QList<HttpChallenge> parseHttpChallenges(const QList<QPair<QByteArray, QByteArray>> &headers);

// The Authorization value that answers the challenges of a 401 for a call to url, or an empty
// value and why it is not answered (error). Only the schemes KeyDesk's services use are
// answered, and only where the secret stays protected: HTTP Digest (RFC 7616, SHA-256 preferred
// to MD5), and HTTP Basic, which hands over the secret itself, only over https://. Nothing is
// answered over plain http:// to a host off this machine (HttpClient refuses to send such a call
// in the first place).
QByteArray answerHttpChallenges(const QList<HttpChallenge> &challenges, const QUrl &url,
                                const QByteArray &method, const QString &user,
                                const QString &password, KeyError &error);

} // namespace keydesk
