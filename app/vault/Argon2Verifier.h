#pragma once

#include <QByteArray>

// The console passphrase is kept only as an Argon2id verifier string (libsodium's
// crypto_pwhash_str, "$argon2id$v=19$m=...,t=...,p=...$salt$hash"), never as the passphrase.
// Both functions take a good part of a second and 64 MiB: call them off the GUI thread.
namespace Argon2Verifier {

// A new verifier with a random salt (OPSLIMIT/MEMLIMIT_INTERACTIVE); empty if libsodium could
// not allocate the memory it needs.
QByteArray make(const QByteArray &passphrase);

// Whether the passphrase matches the verifier. A malformed verifier matches nothing.
bool matches(const QByteArray &verifier, const QByteArray &passphrase);

// Whether the bytes look like an Argon2id verifier ("$argon2id$...").
bool isArgon2id(const QByteArray &verifier);

} // namespace Argon2Verifier
