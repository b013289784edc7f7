#pragma once

#include "protocol/Acs3Signature.h"

#include <QByteArray>
#include <QUrl>

namespace keydesk {

// Headers that carry a credential: their values never reach a log.
bool isSecretHeader(const QByteArray &name);
keydesk::protocol::HttpHeaders redactHeaders(const keydesk::protocol::HttpHeaders &headers);
// The URL with every query value replaced by "…" except a few known harmless names.
QString redactUrl(const QUrl &url);

} // namespace keydesk
