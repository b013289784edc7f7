#pragma once

#include <QByteArray>

#include <optional>

namespace keydesk::protocol {

// RFC 4648 base32, the form authenticator apps take secrets in: upper case, no padding.
QByteArray base32Encode(const QByteArray &data);
// Accepts either case, spaces and '=' padding; nullopt for any other character.
std::optional<QByteArray> base32Decode(const QByteArray &text);

} // namespace keydesk::protocol
