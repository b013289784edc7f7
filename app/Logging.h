#pragma once

#include <QLoggingCategory>

// One category per layer (STYLE.md); nothing logged through them may hold a secret.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcCore)
