#pragma once

#include "protocol/PercentEncoding.h"

#include <QByteArray>

namespace keydesk::protocol {

// The older RPC signature, HMAC-SHA1 with SignatureVersion 1.0 (protocols.md §1.8).
// The parameters are every query and form parameter except Signature, decoded.
QByteArray rpcStringToSign(const QByteArray &method, const QueryItems &parameters);
QByteArray rpcSignature(const QByteArray &stringToSign, const QByteArray &accessKeySecret);

} // namespace keydesk::protocol
