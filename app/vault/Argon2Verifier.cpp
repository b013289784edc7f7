#include "Argon2Verifier.h"

#include <sodium.h>

namespace Argon2Verifier {

namespace {
bool ready()
{
    // Thread-safe and cheap after the first call; -1 only if no random source exists.
    return sodium_init() >= 0;
}
} // namespace

QByteArray make(const QByteArray &passphrase)
{
    if (!ready())
        return QByteArray();
    char out[crypto_pwhash_STRBYTES] = {};
    // INTERACTIVE (64 MiB, 2 passes) keeps a check well under a second on a laptop; the
    // growing delays after wrong attempts do the rest against guessing through the console.
    if (crypto_pwhash_str_alg(out, passphrase.constData(),
                              static_cast<unsigned long long>(passphrase.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return QByteArray();
    }
    return QByteArray(out);
}

bool matches(const QByteArray &verifier, const QByteArray &passphrase)
{
    if (!ready() || !isArgon2id(verifier) || verifier.size() >= qsizetype(crypto_pwhash_STRBYTES))
        return false;
    // crypto_pwhash_str_verify wants a NUL-terminated string; QByteArray guarantees one.
    return crypto_pwhash_str_verify(verifier.constData(), passphrase.constData(),
                                    static_cast<unsigned long long>(passphrase.size()))
        == 0;
}

bool isArgon2id(const QByteArray &verifier)
{
    return verifier.startsWith(crypto_pwhash_argon2id_STRPREFIX);
}

} // namespace Argon2Verifier
