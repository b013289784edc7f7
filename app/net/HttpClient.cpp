#include "net/HttpClient.h"

#include "Logging.h"
#include "net/EndpointPolicy.h"
#include "net/HttpAuth.h"
#include "net/OnceBody.h"
#include "net/Redaction.h"
#include "net/TlsReport.h"
#include "net/TlsWarmUp.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimerEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
constexpr qint64 kReadChunk = qint64(64) * 1024; // what Qt's buffer may hold past a reply's cap
} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_network(makeNetwork(this))
{
    warmUpTls(); // usually started by main() already; the first client's calls are often HTTPS
}

QNetworkAccessManager *HttpClient::makeNetwork(QObject *parent)
{
    // No handler for authenticationRequired: Qt's QAuthenticator never gets a secret, and a
    // challenge comes back as the 401 it is, for HttpJob to answer or refuse (HttpAuth.h).
    return new QNetworkAccessManager(parent);
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

bool HttpClient::carriesSecret(const HttpRequestSpec &spec)
{
    return spec.sign || !spec.user.isEmpty() || !spec.password.isEmpty()
        || std::any_of(spec.headers.cbegin(), spec.headers.cend(),
                       [](const auto &header) { return isSecretHeader(header.first); });
}

HttpJob *HttpClient::send(HttpRequestSpec spec)
{
    auto *job = new HttpJob(this, std::move(spec));
    // Refused before anything is signed, resolved or connected: a secret in clear text is
    // readable by anyone on the way.
    if (carriesSecret(job->m_spec) && !EndpointPolicy::maySendSecretsTo(job->m_spec.url)) {
        job->m_error = KeyError::make(KeyError::Kind::Insecure,
                                      EndpointPolicy::plainHttpProblem(job->m_spec.url));
        qCWarning(lcNet).noquote() << "refused: a secret to" << redactUrl(job->m_spec.url);
        QMetaObject::invokeMethod(job, &HttpJob::finish, Qt::QueuedConnection);
        return job;
    }
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
    wipeSecret(m_spec.password);
    wipeSecret(m_authorization); // Basic: the secret itself
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
    wipeSecret(m_authorization); // each attempt answers a challenge of its own
    sendRequest();
}

// One request of an attempt: the first, or the one that answers its challenge.
void HttpJob::sendRequest()
{
    m_timedOut = false;
    m_tooLarge = false;
    m_received = 0;
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
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);

    qCDebug(lcNet).noquote() << "→" << m_spec.method << redactUrl(m_spec.url) << "attempt"
                             << m_attempts;
    QNetworkAccessManager *network = trustedNetwork.network;
    // A call that carries a value in its headers or its answer has a connection of its own, closed
    // with the job, so no idle keep-alive connection keeps the value in its buffers.
    if (m_spec.ownConnection) {
        if (!m_ownNetwork)
            m_ownNetwork = HttpClient::makeNetwork(nullptr);
        network = m_ownNetwork;
    }
    if (m_spec.idempotent) {
        m_reply = network->sendCustomRequest(request, m_spec.method, m_spec.body);
    } else {
        auto *body = new OnceBody(m_spec.body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.body.size());
        m_reply = network->sendCustomRequest(request, m_spec.method, body);
        body->setParent(m_reply); // read until the reply is done
    }
    m_reply->setParent(this);
    // Past the cap replyGrew() cuts the answer off; Qt holds it and what it read at once.
    m_reply->setReadBufferSize(m_spec.maxReplyBytes + kReadChunk);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpJob::replyGrew);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpJob::replyGrew);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &HttpJob::replyGrew);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::attemptFinished);
    m_timeout.start(m_spec.timeoutMs, Qt::CoarseTimer, this);
}

QString HttpJob::maybeCarriedOut()
{
    return tr("The change may have been made: refresh before trying again.");
}

// The answer so far, as Qt holds it (nothing is read out before the end): past the cap, or
// announced past it, it is cut off.
void HttpJob::replyGrew()
{
    if (!m_reply || m_tooLarge)
        return;
    m_received = qMax(m_received, m_reply->bytesAvailable());
    bool announced = false;
    const qint64 length
        = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&announced);
    if (m_received > m_spec.maxReplyBytes || (announced && length > m_spec.maxReplyBytes)) {
        m_tooLarge = true;
        m_reply->abort(); // attemptFinished() reports it
    }
}

// A 401 to a call with credentials: true when its challenge is answered with a second request
// of the same attempt; false when it is not (m_error says why, when it is refused).
bool HttpJob::answerChallenge()
{
    if (m_status != 401 || m_spec.user.isEmpty() || !m_authorization.isEmpty())
        return false; // a challenge to the answer: the credentials were refused
    KeyError refused;
    m_authorization = answerHttpChallenges(parseHttpChallenges(m_headers), m_spec.url,
                                           m_spec.method, m_spec.user, m_spec.password, refused);
    if (m_authorization.isEmpty()) {
        m_error = refused;
        m_error.httpStatus = m_status;
        qCWarning(lcNet).noquote()
            << "challenge not answered:" << redactUrl(m_spec.url) << kindName(refused.kind);
        return false;
    }
    sendRequest();
    return true;
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
    m_body = reply->isOpen() && !m_tooLarge ? reply->readAll() : QByteArray();
    m_headers = reply->rawHeaderPairs();
    m_error = {};
    if (!m_cancelled && !m_timedOut && !m_tooLarge && answerChallenge())
        return;
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool truncated = m_status != 0 && reply->hasRawHeader("Content-Length")
        && reply->rawHeader("Content-Length").toLongLong() != m_body.size();
    if (m_cancelled) {
        m_error = KeyError::make(KeyError::Kind::Cancelled, tr("The request was cancelled."));
    } else if (m_error) {
        // A challenge refused (answerChallenge): the 401 stays the answer.
    } else if (m_tooLarge) {
        m_status = 0;
        m_error = KeyError::make(
            KeyError::Kind::TooLarge,
            tr("The answer is larger than %1, more than this call ever needs: it was cut off "
               "unread.")
                .arg(QLocale().formattedDataSize(m_spec.maxReplyBytes)));
        if (!m_spec.idempotent)
            m_error.message += u' ' + maybeCarriedOut();
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
