#pragma once

class ConsolePassphrase;
class CredentialVault;

namespace keydesk {

class ClipboardGuard;

// What every key page and its flows share for the console's whole run, owned by the window.
// vault and passphrase are null when no keychain is used (they stay usable read-only then).
struct KeyPageTools
{
    CredentialVault *vault = nullptr;
    ConsolePassphrase *passphrase = nullptr;
    ClipboardGuard *clipboard = nullptr;
};

} // namespace keydesk
