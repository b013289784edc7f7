#pragma once

#include <QString>

// The sandbox's data directory holds the demo's secrets (the store, demo-account.json, the TLS
// key): it is made readable by its owner only, also when it existed before with wider modes.
namespace DataDirectory {

// Creates DIR if needed, then sets it to 0700 and every file of the sandbox in it (the store and
// its journals, demo-account.json, tls/ and its key) to 0600. The store file is created 0600 if
// it does not exist yet, so that SQLite, which gives its journals the store's mode, never makes
// a wider one. Returns an error text or empty.
QString secure(const QString &dir);

// Sets PATH to 0600 when it lies inside DIR (a TLS key given on the command line); a file
// elsewhere is the user's and is left alone. Returns an error text or empty.
QString secureFileInside(const QString &dir, const QString &path);

} // namespace DataDirectory
