#include "net/HttpAuth.h"

#include "net/EndpointPolicy.h"
#include "protocol/HttpDigest.h"
#include "vault/SecretBytes.h"

#include <QCoreApplication>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// The context of this file's messages, as lupdate and the translator see it.
struct HttpAuthText
{
    Q_DECLARE_TR_FUNCTIONS(HttpAuth)
};

// The comma-separated items of a header value, commas inside quotes kept.
QList<QByteArray> splitItems(const QByteArray &value)
{
    QList<QByteArray> items;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (quoted && c == '\\' && i + 1 < value.size()) {
            current += c;
            current += value.at(++i);
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            items.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    items.append(current.trimmed());
    return items;
}

QByteArray quoted(const QByteArray &value)
{
    QByteArray out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QByteArray digestAnswer(const HttpChallenge &challenge, const QUrl &url, const QByteArray &method,
                        const QString &user, const QString &password)
{
    const auto parameters = protocol::parseAuthParameters(challenge.parameters);
    if (!parameters || parameters->value("nonce").isEmpty())
        return {};
    protocol::DigestAuthorization answer;
    answer.username = user.toUtf8();
    answer.realm = parameters->value("realm");
    answer.nonce = parameters->value("nonce");
    answer.opaque = parameters->value("opaque");
    answer.algorithm = parameters->value("algorithm", "MD5");
    QByteArray uri
        = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    answer.uri = uri.isEmpty() ? "/"_ba : uri;
    const QList<QByteArray> qops = parameters->value("qop").split(',');
    const bool auth = std::any_of(qops.cbegin(), qops.cend(),
                                  [](const QByteArray &qop) { return qop.trimmed() == "auth"; });
    if (!parameters->value("qop").isEmpty() && !auth)
        return {}; // auth-int only: not offered by the services
    if (auth) {
        answer.qop = "auth";
        answer.nc = "00000001"; // a fresh challenge for every call
        answer.cnonce = QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    }
    QByteArray secret = password.toUtf8();
    answer.response = protocol::digestResponse(answer, method, secret);
    wipeSecret(secret);
    if (answer.response.isEmpty())
        return {}; // an algorithm it does not know
    QByteArray header = "Digest username=" + quoted(answer.username) + ", realm="
        + quoted(answer.realm) + ", nonce=" + quoted(answer.nonce) + ", uri=" + quoted(answer.uri)
        + ", algorithm=" + answer.algorithm + ", response=" + quoted(answer.response);
    if (auth)
        header += ", qop=auth, nc=" + answer.nc + ", cnonce=" + quoted(answer.cnonce);
    if (!answer.opaque.isEmpty())
        header += ", opaque=" + quoted(answer.opaque);
    return header;
}

} // namespace

QList<HttpChallenge> parseHttpChallenges(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<HttpChallenge> challenges;
    for (const auto &[name, value] : headers) {
        if (name.compare("www-authenticate", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &line : value.split('\n')) {
            for (const QByteArray &item : splitItems(line)) {
                if (item.isEmpty())
                    continue;
                const qsizetype space = item.indexOf(' ');
                const qsizetype equals = item.indexOf('=');
                // "Scheme", "Scheme param=value" or "Scheme token68" start a challenge;
                // "param=value" continues the one before.
                if (equals < 0 || (space >= 0 && space < equals)) {
                    const QByteArray scheme = space < 0 ? item : item.left(space);
                    challenges.append(
                        {scheme.toLower(), space < 0 ? QByteArray() : item.mid(space + 1)});
                } else if (!challenges.isEmpty()) {
                    QByteArray &parameters = challenges.last().parameters;
                    parameters += (parameters.isEmpty() ? ""_ba : ", "_ba) + item;
                }
            }
        }
    }
    return challenges;
}

QByteArray answerHttpChallenges(const QList<HttpChallenge> &challenges, const QUrl &url,
                                const QByteArray &method, const QString &user,
                                const QString &password, KeyError &error)
{
    error = {};
    if (!EndpointPolicy::maySendSecretsTo(url)) {
        error = KeyError::make(KeyError::Kind::Insecure, EndpointPolicy::plainHttpProblem(url));
        return {};
    }
    // Digest first, the strongest algorithm the server offers and KeyDesk knows.
    for (const char *algorithm : {"SHA-256", "MD5"}) {
        for (const HttpChallenge &challenge : challenges) {
            if (challenge.scheme != "digest")
                continue;
            const auto parameters = protocol::parseAuthParameters(challenge.parameters);
            if (parameters
                && parameters->value("algorithm", "MD5").compare(algorithm, Qt::CaseInsensitive)
                    == 0) {
                if (QByteArray header = digestAnswer(challenge, url, method, user, password);
                    !header.isEmpty())
                    return header;
            }
        }
    }
    const bool basic = std::any_of(challenges.cbegin(), challenges.cend(),
                                   [](const HttpChallenge &c) { return c.scheme == "basic"; });
    if (basic && url.scheme().toLower() == u"https"_s) {
        QByteArray pair = user.toUtf8() + ':' + password.toUtf8();
        QByteArray header = "Basic " + pair.toBase64();
        wipeSecret(pair);
        return header;
    }
    QByteArrayList schemes;
    for (const HttpChallenge &challenge : challenges)
        schemes.append(challenge.scheme);
    if (basic) {
        error = KeyError::make(
            KeyError::Kind::Insecure,
            HttpAuthText::tr("The server asked for the secret in clear text (HTTP Basic) over "
                             "plain http://: KeyDesk did not send it. Use the service's https:// "
                             "address."));
    } else {
        error = KeyError::make(
            KeyError::Kind::Credentials,
            HttpAuthText::tr("The server asked for an authentication KeyDesk does not answer "
                             "(%1): the secret was not sent.")
                .arg(schemes.isEmpty() ? u"—"_s : QString::fromLatin1(schemes.join(", "))));
    }
    return {};
}

} // namespace keydesk
