#pragma once

#include <QByteArrayView>

namespace keydesk::protocol {

// Compares two secrets (signatures, digests) in time that depends only on their length, so a
// caller cannot learn how many leading bytes were right.
bool secureEquals(QByteArrayView a, QByteArrayView b);

} // namespace keydesk::protocol
