#pragma once

#include "domain/KeyError.h"
#include "domain/Profile.h"
#include "net/HttpClient.h"
#include "protocol/PercentEncoding.h"

#include <QJsonObject>

namespace keydesk {

// Alibaba Cloud OpenAPI calls signed with ACS3-HMAC-SHA256 (protocols.md §1.1-1.4): every
// attempt is signed afresh, with a new date and nonce.
HttpRequestSpec acsRpcRequest(const Profile &profile, const QByteArray &accessKeySecret,
                              const QString &version, const QString &action,
                              const protocol::QueryItems &params, bool idempotent);
HttpRequestSpec acsRoaRequest(const Profile &profile, const QByteArray &accessKeySecret,
                              const QString &version, const QString &action,
                              const QByteArray &method, const QString &path,
                              const protocol::QueryItems &query, bool idempotent);

// The Host header for a URL: the host, with the port when it is not the scheme's default.
QByteArray hostHeader(const QUrl &url);

// Reads an answer: nullopt and the JSON object when it is a 2xx JSON object; otherwise the
// error, from a POP body ({Code, Message, RequestId}) or a camelCase one ({code, message,
// requestId}), or the transport error.
KeyError acsAnswer(const HttpJob &job, QJsonObject &json);

// A 2xx answer whose content is not what the API documents, with the call's status and id.
KeyError badAcsResponse(const HttpJob &job, const QString &message);

} // namespace keydesk
