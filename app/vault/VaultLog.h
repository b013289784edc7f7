#pragma once

#include <QLoggingCategory>

// keydesk.vault: keychain operations and passphrase checks. Names of services and keys may be
// logged; secret values, passphrases and verifiers never are.
Q_DECLARE_LOGGING_CATEGORY(lcVault)
