#include "net/HttpClient.h"

#include "Logging.h"
#include "net/Redaction.h"

#include <QAuthenticator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace keydesk {

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Credentials are answered per job, never cached by QNetworkAccessManager across jobs.
    connect(m_network, &QNetworkAccessManager::authenticationRequired, this,
            [](QNetworkReply *reply, QAuthenticator *authenticator) {
                auto *job = qobject_cast<HttpJob *>(reply->parent());
                if (!job || job->m_spec.user.isEmpty() || job->m_authAnswers > 0)
                    return; // leave it empty: the 401 comes back as the answer
                ++job->m_authAnswers;
                authenticator->setUser(job->m_spec.user);
                authenticator->setPassword(job->m_spec.password);
            });
}

HttpClient::~HttpClient() = default;

HttpJob *HttpClient::send(HttpRequestSpec spec)
{
    auto *job = new HttpJob(this, std::move(spec));
    job->startAttempt();
    return job;
}

HttpJob::HttpJob(HttpClient *client, HttpRequestSpec spec)
    : QObject(client)
    , m_client(client)
    , m_spec(std::move(spec))
    , m_timeout(new QTimer(this))
    , m_backoff(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_backoff->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    connect(m_backoff, &QTimer::timeout, this, &HttpJob::startAttempt);
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_ownNetwork)
        m_ownNetwork->deleteLater(); // after the replies, which are this job's children
}

QByteArray HttpJob::header(const QByteArray &name) const
{
    for (const auto &pair : m_headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

void HttpJob::startAttempt()
{
    if (m_cancelled)
        return;
    ++m_attempts;
    m_timedOut = false;
    m_authAnswers = 0;
    m_sslErrors.clear();

    QNetworkRequest request(m_spec.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_client->m_extraCa.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(m_client->m_extraCa);
        request.setSslConfiguration(config);
    }
    protocol::HttpHeaders headers = m_spec.headers;
    if (m_spec.sign)
        headers += m_spec.sign();
    for (const auto &[name, value] : std::as_const(headers))
        request.setRawHeader(name, value);

    qCDebug(lcNet).noquote() << "→" << m_spec.method << redactUrl(m_spec.url) << "attempt"
                             << m_attempts;
    // A job with credentials has a QNetworkAccessManager of its own: a shared one would answer
    // its challenge with credentials cached or kept on a connection by an earlier job (another
    // profile's AccessKey, or the right secret when this job has a wrong one). Its challenges
    // still reach the client's handler above.
    QNetworkAccessManager *network = m_client->m_network;
    if (!m_spec.user.isEmpty()) {
        if (!m_ownNetwork) {
            m_ownNetwork = new QNetworkAccessManager;
            connect(m_ownNetwork, &QNetworkAccessManager::authenticationRequired,
                    m_client->m_network, &QNetworkAccessManager::authenticationRequired);
        }
        network = m_ownNetwork;
    }
    m_reply = network->sendCustomRequest(request, m_spec.method, m_spec.body);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::attemptFinished);
    m_timeout->start(m_spec.timeoutMs);
}

static QString describeTlsErrors(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &error : errors) {
        QString line = error.errorString();
        const QSslCertificate certificate = error.certificate();
        if (!certificate.isNull()) {
            line += u"\n  subject: "_s
                + certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s)
                + u"\n  issuer: "_s
                + certificate.issuerInfo(QSslCertificate::CommonName).join(u", "_s)
                + u"\n  valid: "_s + certificate.effectiveDate().toString(Qt::ISODate) + u" to "_s
                + certificate.expiryDate().toString(Qt::ISODate) + u"\n  SHA-256: "_s
                + QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

void HttpJob::attemptFinished()
{
    m_timeout->stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    m_headers = reply->rawHeaderPairs();
    m_error = {};
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool truncated = m_status != 0 && reply->hasRawHeader("Content-Length")
        && reply->rawHeader("Content-Length").toLongLong() != m_body.size();
    if (m_cancelled) {
        m_error = KeyError::make(KeyError::Kind::Cancelled, tr("The request was cancelled."));
    } else if (m_timedOut) {
        m_status = 0;
        m_error = KeyError::make(KeyError::Kind::Timeout,
                                 tr("No answer within %1 s.").arg(m_spec.timeoutMs / 1000.0));
    } else if (!m_sslErrors.isEmpty()) {
        m_status = 0;
        m_error
            = KeyError::make(KeyError::Kind::Tls, tr("The server's certificate is not trusted."));
        m_error.details = describeTlsErrors(m_sslErrors);
    } else if (m_status == 0 || truncated) {
        m_status = 0;
        m_error = KeyError::make(KeyError::Kind::Network,
                                 truncated ? tr("The answer was cut off.") : reply->errorString());
    } else if (networkError != QNetworkReply::NoError && m_status == 0) {
        m_error = KeyError::make(KeyError::Kind::Network, reply->errorString());
    }
    qCDebug(lcNet).noquote() << "←" << m_spec.method << redactUrl(m_spec.url) << m_status
                             << (m_error ? kindName(m_error.kind) : QString());

    int delayMs = 0;
    if (!m_cancelled && shouldRetry(delayMs)) {
        qCInfo(lcNet).noquote() << "retrying" << m_spec.method << redactUrl(m_spec.url) << "in"
                                << delayMs << "ms";
        m_backoff->start(delayMs);
        return;
    }
    finish();
}

bool isThrottledAnswer(int status, const QByteArray &body)
{
    if (status == 429)
        return true;
    if (status < 400)
        return false;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString code = json.value(u"Code"_s).toString(json.value(u"code"_s).toString());
    return code.startsWith(u"Throttling"_s);
}

int HttpJob::serverDelayMs() const
{
    // Alibaba Cloud gives milliseconds in x-acs-retry-after; HTTP's Retry-After is seconds.
    bool ok = false;
    const qint64 acs = header("x-acs-retry-after").toLongLong(&ok);
    if (ok && acs >= 0)
        return static_cast<int>(qMin<qint64>(acs, m_client->m_policy.maxServerDelayMs + 1));
    const qint64 seconds = header("Retry-After").toLongLong(&ok);
    if (ok && seconds >= 0)
        return static_cast<int>(
            qMin<qint64>(seconds * 1000, m_client->m_policy.maxServerDelayMs + 1));
    return -1;
}

bool HttpJob::shouldRetry(int &delayMs) const
{
    const RetryPolicy &policy = m_client->m_policy;
    if (m_attempts >= policy.maxAttempts)
        return false;
    const bool throttled = isThrottledAnswer(m_status, m_body);
    const bool transient = m_error.kind == KeyError::Kind::Network
        || m_error.kind == KeyError::Kind::Timeout
        || (m_status >= 500 && m_status != 501 && m_status != 505);
    if (!throttled && !(transient && m_spec.idempotent))
        return false;
    const int fromServer = throttled ? serverDelayMs() : -1;
    if (fromServer > policy.maxServerDelayMs)
        return false; // not worth waiting for: the caller shows when to try again
    // Exponential backoff with full jitter between half and the whole step.
    const int step = qMin(policy.maxDelayMs, policy.baseDelayMs << qMin(m_attempts - 1, 16));
    const int backoff
        = step / 2 + static_cast<int>(QRandomGenerator::global()->bounded(step / 2 + 1));
    delayMs = qMax(fromServer, backoff);
    return true;
}

void HttpJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_backoff->stop();
    if (m_reply) {
        m_reply->abort(); // attemptFinished() reports the cancellation
        return;
    }
    m_error = KeyError::make(KeyError::Kind::Cancelled, tr("The request was cancelled."));
    QMetaObject::invokeMethod(this, &HttpJob::finish, Qt::QueuedConnection);
}

void HttpJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace keydesk
