#pragma once

#include "protocol/Acs3Signature.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QUrl>

// What came back from one request, read to the end.
struct HttpResult
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QJsonObject json; // empty unless the body is a JSON object
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    QByteArray header(const QByteArray &name) const;
    QString code() const; // "Code" of a POP error body, else "code"
};

// Options for a signed Alibaba Cloud call made by a test; defaults produce a valid request.
struct SignOptions
{
    bool v1 = false; // HMAC-SHA1 RPC signature instead of ACS3
    QDateTime date; // invalid: now
    QByteArray nonce; // empty: fresh
    QByteArray method = "POST";
    QByteArray body;
    QByteArray contentType;
};

// Blocking HTTP for tests, over a real QNetworkAccessManager (tests may wait in an event loop;
// the console may not). The sandbox's certificate is trusted as an extra CA.
class TestHttp
{
public:
    TestHttp();

    void trust(const QSslCertificate &certificate) { m_trusted = {certificate}; }
    // Signs with the sandbox's clock when a test has moved it forward.
    void setClockOffset(qint64 seconds) { m_clockOffset = seconds; }
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset); }

    HttpResult send(const QByteArray &method, const QUrl &url,
                    const keydesk::protocol::HttpHeaders &headers = {},
                    const QByteArray &body = {});

    // An RPC action on "/" of base (RAM, DashVector, Tablestore key management).
    HttpResult rpc(const QUrl &base, const keydesk::protocol::AcsCredentials &credentials,
                   const QString &version, const QString &action,
                   const keydesk::protocol::QueryItems &params = {},
                   const SignOptions &options = {});

    // A ROA action (MaaS): path and query signed with ACS3.
    HttpResult roa(const QUrl &base, const keydesk::protocol::AcsCredentials &credentials,
                   const QString &version, const QString &action, const QByteArray &method,
                   const QByteArray &path, const keydesk::protocol::QueryItems &query = {},
                   const QByteArray &body = {}, const QByteArray &contentType = {});

    static QByteArray hostOf(const QUrl &url);
    static QByteArray freshNonce();
    static QByteArray encodeQuery(const keydesk::protocol::QueryItems &items);

private:
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_trusted;
    qint64 m_clockOffset = 0;
};
