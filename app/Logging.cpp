#include "Logging.h"

Q_LOGGING_CATEGORY(lcNet, "keydesk.net")
Q_LOGGING_CATEGORY(lcCore, "keydesk.core")
