#pragma once

#include <QString>

class CredentialVault;
class QMainWindow;

namespace keydesk {

// Removes every item of a removed profile's keychain service ("KeyDesk/<profileId>": its
// secret and every kept copy) through the Secret Service, and says how many on the window's
// status bar; items left (a locked keychain, an error) are said in a message box. Without a
// Secret Service on D-Bus (another keychain behind QtKeychain), the profile's secret is
// deleted through the vault as before. The work outlives neither the window nor the call.
void removeProfileItems(const QString &profileId, const QString &profileName,
                        CredentialVault *vault, QMainWindow *window);

} // namespace keydesk
