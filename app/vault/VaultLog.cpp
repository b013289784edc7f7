#include "VaultLog.h"

// Debug lines (each operation, with service and key names) are opt-in:
// QT_LOGGING_RULES="keydesk.vault.debug=true".
Q_LOGGING_CATEGORY(lcVault, "keydesk.vault", QtInfoMsg)
