#include "SecretBytes.h"

#include <sodium.h>

QByteArray detachedSecretCopy(QByteArrayView bytes)
{
    return QByteArray(bytes.data(), bytes.size());
}

void wipeSecret(QByteArray &bytes)
{
    // isMutable() is false for literals (QByteArrayLiteral, "..."_ba), which live in read-only
    // memory; data_ptr().data() does not detach, so shared copies are wiped too.
    if (bytes.data_ptr().isMutable() && !bytes.isEmpty())
        sodium_memzero(bytes.data_ptr().data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

void wipeSecret(QString &text)
{
    if (text.data_ptr().isMutable() && !text.isEmpty())
        sodium_memzero(text.data_ptr().data(), static_cast<size_t>(text.size()) * sizeof(char16_t));
    text.clear();
}
