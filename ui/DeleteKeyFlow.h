#pragma once

#include "KeyPageTools.h"
#include "domain/ApiKey.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace keydesk {

class DeleteKeyDialog;
class KeyJob;
class KeyService;

// Delete (or "Disable instead") from the key list: the DeleteKeyDialog runs nothing, so this
// flow runs the person's choice with the service and reports back into the dialog. A deleted
// key's kept copy leaves the keychain too. Deletes itself after finished().
class DeleteKeyFlow : public QObject
{
    Q_OBJECT

public:
    DeleteKeyFlow(KeyService *service, const KeyPageTools &tools, const ApiKey &key,
                  QWidget *window);

    void start();

Q_SIGNALS:
    void finished(bool changed);

private:
    void submitted();
    void answered(KeyJob *job);

    KeyService *m_service;
    KeyPageTools m_tools;
    ApiKey m_key;
    QWidget *m_window;
    QPointer<DeleteKeyDialog> m_dialog;
    bool m_changed = false;
};

} // namespace keydesk
