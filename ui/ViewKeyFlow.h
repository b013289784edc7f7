#pragma once

#include "KeyPageTools.h"
#include "domain/ApiKey.h"

#include <QObject>
#include <QPointer>

class PassphraseJob;
class QWidget;
class VaultJob;

namespace keydesk {

class KeyJob;
class KeyService;
class VerificationDialog;

// View from the key list (DESIGN.md §6): a fresh verification first, the service's 6-digit
// code where it verifies reveals, else the console passphrase; then the value (revealed by the
// service, or the copy kept in the keychain) in a ViewKeyDialog's viewing session. A console
// with no passphrase says so and offers none. Deletes itself once the verification dialog has
// closed.
class ViewKeyFlow : public QObject
{
    Q_OBJECT

public:
    ViewKeyFlow(KeyService *service, const KeyPageTools &tools, const ApiKey &key, QWidget *window);

    void start();

    // What a passphrase check says when none is set (none is offered from a View).
    static QString notSetReason();

private:
    void submitted();
    void passphraseChecked(PassphraseJob *job);
    void fetchValue(const QString &code);
    void revealed(KeyJob *job);
    void keptCopyRead(VaultJob *job);
    void showValue(QByteArray value);

    KeyService *m_service;
    KeyPageTools m_tools;
    ApiKey m_key;
    QWidget *m_window;
    QPointer<VerificationDialog> m_dialog;
    bool m_serviceVerifies = false;
};

} // namespace keydesk
