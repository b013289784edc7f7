#include "net/HttpClient.h"

#include "Logging.h"
#include "net/Redaction.h"
#include "net/TlsWarmUp.h"
#include "vault/SecretBytes.h"

#include <QAuthenticator>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimerEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

// The body of a call that must not be carried out twice. When a connection drops before the
// first byte of the answer, Qt sends the request again by itself, whatever its method
// (QHttpNetworkConnectionChannel's reconnect attempts): a create could be carried out twice,
// and the second key's secret, shown once, never seen. Qt can only send again what it can
// rewind, so this body rewinds only to answer an authentication challenge (HTTP Digest sends
// each call twice), while every copy sent so far was one the server refused with it; any
// other resend fails with QNetworkReply::ContentReSendError, reported as a network error.
// (Qt 6.4 emits requestSent() only for a body with bytes: an empty body is never rewound
// without a challenge, but may be once after it.)
class OnceBody final : public QIODevice
{
public:
    OnceBody(QByteArray body, const HttpJob *job)
        : m_body(std::move(body))
        , m_job(job)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    void copySent() { ++m_copiesSent; } // QNetworkReply::requestSent

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_body.size(); }
    qint64 bytesAvailable() const override { return m_body.size() - m_read; }
    bool atEnd() const override { return m_read >= m_body.size(); }

    bool reset() override
    {
        if (m_job->m_authAnswers == 0 || m_copiesSent > m_job->m_authAnswers)
            return false;
        m_read = 0;
        return true;
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, m_body.size() - m_read);
        std::copy_n(m_body.constData() + m_read, count, data);
        m_read += count;
        return count;
    }
    qint64 writeData(const char * /*data*/, qint64 /*size*/) override { return -1; }

private:
    const QByteArray m_body;
    const HttpJob *m_job;
    qint64 m_read = 0;
    int m_copiesSent = 0;
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_network(makeNetwork(this))
{
    warmUpTls(); // usually started by main() already; the first client's calls are often HTTPS
}

// Credentials are answered per job and attempt, once: a second challenge means they were
// refused, and the 401 comes back as the answer.
void HttpJob::answerChallenge(QAuthenticator *authenticator)
{
    if (m_spec.user.isEmpty() || m_authAnswers > 0)
        return;
    ++m_authAnswers;
    authenticator->setUser(m_spec.user);
    authenticator->setPassword(m_spec.password);
}

QNetworkAccessManager *HttpClient::makeNetwork(QObject *parent)
{
    auto *network = new QNetworkAccessManager(parent);
    connect(network, &QNetworkAccessManager::authenticationRequired, network,
            [](QNetworkReply *reply, QAuthenticator *authenticator) {
                if (auto *job = qobject_cast<HttpJob *>(reply->parent()))
                    job->answerChallenge(authenticator);
            });
    return network;
}

const HttpClient::TrustedNetwork &
HttpClient::networkTrusting(const QList<QSslCertificate> &certificates)
{
    QByteArrayList digests;
    for (const QSslCertificate &certificate : certificates)
        digests.append(certificate.digest(QCryptographicHash::Sha256));
    std::sort(digests.begin(), digests.end());
    TrustedNetwork &trusted = m_networksByTrust[digests.join()];
    if (!trusted.network) {
        trusted.network = certificates.isEmpty() ? m_network : makeNetwork(this);
        trusted.tls = QSslConfiguration::defaultConfiguration();
        trusted.tls.addCaCertificates(certificates);
    }
    return trusted;
}

HttpClient::~HttpClient()
{
    // The jobs before the network managers (children made first, so deleted first): a job
    // aborts its reply, and the reply tells its manager, which must still be there.
    qDeleteAll(findChildren<HttpJob *>(Qt::FindDirectChildrenOnly));
}

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
{ }

// Two QBasicTimers rather than two QTimers: a job per call, thousands a second for an
// inventory, and a QTimer is an object and a connection more for each.
void HttpJob::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timeout.timerId()) {
        m_timeout.stop();
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    } else if (event->timerId() == m_backoff.timerId()) {
        m_backoff.stop();
        startAttempt();
    } else {
        QObject::timerEvent(event);
    }
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_ownNetwork)
        m_ownNetwork->deleteLater(); // after the replies, which are this job's children
    // Zeroes the buffer QAuthenticator and that network's credential cache share with it.
    wipeSecret(m_spec.password);
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

    QList<QSslCertificate> trusted = m_client->m_extraCa;
    if (!m_spec.caCertificatePath.isEmpty()) {
        const QList<QSslCertificate> own = QSslCertificate::fromPath(m_spec.caCertificatePath);
        if (own.size() != 1) {
            m_error = KeyError::make(
                KeyError::Kind::Tls,
                tr("The profile's CA certificate %1 cannot be read: it must be one certificate "
                   "in PEM format.")
                    .arg(m_spec.caCertificatePath));
            QMetaObject::invokeMethod(this, &HttpJob::finish, Qt::QueuedConnection);
            return;
        }
        trusted += own;
    }
    const HttpClient::TrustedNetwork &trustedNetwork = m_client->networkTrusting(trusted);
    QNetworkRequest request(m_spec.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!trusted.isEmpty())
        request.setSslConfiguration(trustedNetwork.tls);
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
    QNetworkAccessManager *network = trustedNetwork.network;
    if (!m_spec.user.isEmpty() || m_spec.ownConnection) {
        if (!m_ownNetwork)
            m_ownNetwork = HttpClient::makeNetwork(nullptr);
        network = m_ownNetwork;
    }
    if (m_spec.idempotent) {
        m_reply = network->sendCustomRequest(request, m_spec.method, m_spec.body);
    } else {
        auto *body = new OnceBody(m_spec.body, this);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.body.size());
        m_reply = network->sendCustomRequest(request, m_spec.method, body);
        body->setParent(m_reply); // read until the reply is done
        connect(m_reply, &QNetworkReply::requestSent, body, &OnceBody::copySent);
    }
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::attemptFinished);
    m_timeout.start(m_spec.timeoutMs, Qt::CoarseTimer, this);
}

QString HttpJob::maybeCarriedOut()
{
    return tr("The change may have been made: refresh before trying again.");
}

static QString describeTlsErrors(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &error : errors) {
        QString line = error.errorString();
        const QSslCertificate certificate = error.certificate();
        if (!certificate.isNull()) {
            line += u"\n  "_s
                + HttpJob::tr("subject: %1")
                      .arg(certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s))
                + u"\n  "_s
                + HttpJob::tr("issuer: %1")
                      .arg(certificate.issuerInfo(QSslCertificate::CommonName).join(u", "_s))
                + u"\n  "_s
                + HttpJob::tr("valid: %1 to %2")
                      .arg(certificate.effectiveDate().toString(Qt::ISODate),
                           certificate.expiryDate().toString(Qt::ISODate))
                + u"\n  "_s
                + HttpJob::tr("SHA-256: %1")
                      .arg(QString::fromLatin1(
                          certificate.digest(QCryptographicHash::Sha256).toHex(':')));
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

void HttpJob::attemptFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->isOpen() ? reply->readAll() : QByteArray();
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
        if (!m_spec.idempotent)
            m_error.message += u' ' + maybeCarriedOut();
    } else if (!m_sslErrors.isEmpty()) {
        m_status = 0;
        m_error
            = KeyError::make(KeyError::Kind::Tls, tr("The server's certificate is not trusted."));
        m_error.details = describeTlsErrors(m_sslErrors);
    } else if (m_status == 0 || truncated) {
        m_status = 0;
        m_error = KeyError::make(KeyError::Kind::Network,
                                 truncated ? tr("The answer was cut off.") : reply->errorString());
        if (!m_spec.idempotent)
            m_error.message = (truncated ? tr("The answer was cut off.")
                                         : tr("The connection was lost before the answer."))
                + u' ' + maybeCarriedOut();
    } else if (networkError != QNetworkReply::NoError && m_status == 0) {
        m_error = KeyError::make(KeyError::Kind::Network, reply->errorString());
    }
    qCDebug(lcNet).noquote() << "←" << m_spec.method << redactUrl(m_spec.url) << m_status
                             << (m_error ? kindName(m_error.kind) : QString());

    int delayMs = 0;
    if (!m_cancelled && shouldRetry(delayMs)) {
        qCInfo(lcNet).noquote() << "retrying" << m_spec.method << redactUrl(m_spec.url) << "in"
                                << delayMs << "ms";
        m_backoff.start(delayMs, Qt::PreciseTimer, this); // never sooner than Retry-After
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

qint64 HttpJob::retryAfterMs() const
{
    // Alibaba Cloud gives milliseconds in x-acs-retry-after; HTTP's Retry-After is seconds.
    constexpr qint64 dayMs = qint64(24) * 3600 * 1000;
    bool ok = false;
    const qint64 acs = header("x-acs-retry-after").toLongLong(&ok);
    if (ok && acs >= 0)
        return qMin(acs, dayMs);
    const qint64 seconds = header("Retry-After").toLongLong(&ok);
    if (ok && seconds >= 0)
        return qMin(seconds, dayMs / 1000) * 1000;
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
    const qint64 fromServer = throttled ? retryAfterMs() : -1;
    if (fromServer > policy.maxServerDelayMs)
        return false; // not worth waiting for: the caller shows when to try again
    // Exponential backoff with full jitter between half and the whole step.
    const int step = qMin(policy.maxDelayMs, policy.baseDelayMs << qMin(m_attempts - 1, 16));
    const int backoff
        = step / 2 + static_cast<int>(QRandomGenerator::global()->bounded(step / 2 + 1));
    delayMs = qMax(static_cast<int>(fromServer), backoff);
    return true;
}

void HttpJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_backoff.stop();
    if (m_reply) {
        // Queued, after what its thread has reported (a TLS failure reaches every reply of the
        // connection; aborted first, that came as a second error). attemptFinished() reports.
        QMetaObject::invokeMethod(m_reply, &QNetworkReply::abort, Qt::QueuedConnection);
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
