#pragma once

class QCoreApplication;

namespace keydesk {

// Installs the console's translations on app. Today: the English plural forms ("1 key",
// "2 keys") of source strings written "%n key(s)", from translations/keydesk_en.ts. Returns
// whether they were found (they are embedded, so false means a broken build).
bool installConsoleTranslations(QCoreApplication *app);

} // namespace keydesk
