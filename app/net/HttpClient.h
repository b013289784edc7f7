#pragma once

#include "domain/KeyError.h"
#include "protocol/Acs3Signature.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace keydesk {

struct HttpRequestSpec
{
    // Reply size caps: an answer (or its Content-Length) past the call's cap is cut off while it
    // downloads and reported as KeyError::TooLarge, never retried.
    static constexpr qint64 kObjectReplyBytes = qint64(1) << 20; // one object, one status
    static constexpr qint64 kListingReplyBytes = qint64(8) << 20; // one page of a listing

    QByteArray method = "GET";
    QUrl url;
    protocol::HttpHeaders headers;
    QByteArray body;
    // Only idempotent calls are retried after a network error, a timeout or a 5xx; any call is
    // retried when the server says it throttled it (it was not carried out). A call that is not
    // idempotent is sent exactly once per attempt: Qt's own silent resend after a dropped
    // connection is refused for it (OnceBody.h).
    bool idempotent = false;
    int timeoutMs = 15000;
    // Runs before every attempt and returns the headers that sign it, so each attempt has a
    // fresh date and nonce.
    std::function<protocol::HttpHeaders()> sign;
    // HTTP Digest (or, over https:// only, Basic) credentials, answered by HttpJob itself when
    // a 401 challenges them (HttpAuth.h); never handed to Qt's QAuthenticator.
    QString user;
    QString password;
    qint64 maxReplyBytes = kObjectReplyBytes;
    // One more trusted CA certificate (PEM), the profile's; the call fails with a TLS error
    // when it cannot be read.
    QString caCertificatePath;
    // A key's value travels in this call (in its headers or its answer): it goes over a
    // network of its own, deleted with the job, so that no idle keep-alive connection keeps
    // the plaintext in its buffers.
    bool ownConnection = false;
};

struct RetryPolicy
{
    int maxAttempts = 4;
    int baseDelayMs = 250;
    int maxDelayMs = 8000;
    int maxServerDelayMs = 30000; // a longer Retry-After is not waited for
};

class HttpJob;

// All HTTP of the console: one QNetworkAccessManager per client, one client per thread.
// Verifies TLS (with optional extra CA certificates), times out every attempt, retries with
// exponential backoff and jitter as HttpRequestSpec says, and logs without secrets. A call that
// carries a secret (a signer, credentials or a secret header) goes only to https:// or to a
// loopback host (EndpointPolicy): otherwise it fails with KeyError::Insecure, nothing sent.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    // CA certificates trusted for every call, besides the system's and each call's own.
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates)
    {
        m_extraCa = certificates;
    }

    // Starts the request; the job reports once through finished() and deletes itself after.
    HttpJob *send(HttpRequestSpec spec);
    // True when spec carries a secret: a signer, credentials or a secret header (Redaction.h).
    static bool carriesSecret(const HttpRequestSpec &spec);

    QNetworkAccessManager *network() const { return m_network; }

private:
    friend class HttpJob;
    // The network for calls that trust these CAs besides the system's. Qt keeps connections
    // per host and port only, and a connection keeps the TLS settings of the call that opened
    // it: a network for each set of trusted CAs stops a call from using a connection verified
    // with a CA its profile does not trust (or failing on one verified without its own).
    struct TrustedNetwork
    {
        QNetworkAccessManager *network = nullptr;
        QSslConfiguration tls; // the defaults and the CAs, made once
    };
    const TrustedNetwork &networkTrusting(const QList<QSslCertificate> &certificates);
    static QNetworkAccessManager *makeNetwork(QObject *parent);

    QNetworkAccessManager *m_network;
    QHash<QByteArray, TrustedNetwork> m_networksByTrust;
    RetryPolicy m_policy;
    QList<QSslCertificate> m_extraCa;
};

// One request and its retries.
class HttpJob : public QObject
{
    Q_OBJECT

public:
    ~HttpJob() override;

    int status() const { return m_status; } // 0: no HTTP answer
    const QByteArray &body() const { return m_body; }
    QByteArray header(const QByteArray &name) const;
    // Network, timeout, TLS or cancellation; Kind::None when an HTTP answer came.
    const KeyError &transportError() const { return m_error; }
    int attempts() const { return m_attempts; }
    // The most answer bytes held at once by the last attempt (the cap and at most what Qt read at
    // once).
    qint64 bytesReceived() const { return m_received; }
    const HttpRequestSpec &request() const { return m_spec; }
    // How long the server asked the caller to wait (x-acs-retry-after in ms, else Retry-After in
    // seconds), or -1 when it did not say.
    qint64 retryAfterMs() const;

    void cancel();

Q_SIGNALS:
    void finished(keydesk::HttpJob *job);

private:
    friend class HttpClient;
    HttpJob(HttpClient *client, HttpRequestSpec spec);

    void timerEvent(QTimerEvent *event) override;
    void startAttempt();
    void sendRequest();
    void replyGrew();
    bool answerChallenge();
    void attemptFinished();
    bool shouldRetry(int &delayMs) const;
    void finish();
    static QString maybeCarriedOut();

    HttpClient *m_client;
    HttpRequestSpec m_spec;
    QPointer<QNetworkReply> m_reply;
    QBasicTimer m_timeout;
    QBasicTimer m_backoff;
    int m_attempts = 0;
    QNetworkAccessManager *m_ownNetwork = nullptr; // HttpRequestSpec::ownConnection
    QByteArray m_authorization; // this attempt's answer to its challenge, once challenged
    qint64 m_received = 0;
    bool m_tooLarge = false;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_finished = false;
    int m_status = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<QSslError> m_sslErrors;
    KeyError m_error;
};

// True when an answer says the caller was throttled: HTTP 429, or an Alibaba Cloud error code
// starting with "Throttling" (protocols.md §1.7).
bool isThrottledAnswer(int status, const QByteArray &body);

} // namespace keydesk
