#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Secrets travel as QByteArray. These two helpers keep the number of copies known and let the
// vault overwrite them when they are no longer needed (DESIGN.md §4).

// A copy with a buffer of its own, so wiping it later never changes the caller's value.
QByteArray detachedSecretCopy(QByteArrayView bytes);

// Overwrites the bytes with zeros in place (every QByteArray sharing the buffer sees zeros),
// then empties the array. Read-only literal data is left alone.
void wipeSecret(QByteArray &bytes);

// The same for text (an HTTP Digest password).
void wipeSecret(QString &text);
