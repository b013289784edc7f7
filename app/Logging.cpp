#include "Logging.h"

// Debug lines (one per request and answer) only when asked for, e.g.
// QT_LOGGING_RULES="keydesk.net.debug=true".
Q_LOGGING_CATEGORY(lcNet, "keydesk.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "keydesk.core", QtInfoMsg)
