#pragma once

#include <QString>

namespace keydesk::protocol {

// "sk-0123456789abcdef" → "sk-****cdef": the vendor prefix (letters up to the first '-' or
// '_', at most 5 characters) and the last four characters survive; short values are all stars.
QString maskKey(const QString &value);

} // namespace keydesk::protocol
