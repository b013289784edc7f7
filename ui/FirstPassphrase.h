#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class ConsolePassphrase;
class PassphraseJob;
class QWidget;

namespace keydesk {

// The console passphrase is set before the first secret enters the keychain (DESIGN.md §4):
// before a profile's secret or a kept copy is written, this asks whether one is set and, if
// not, opens a SetPassphraseDialog ("setPassphraseDialog", window-modal over parent). It
// reports once, then deletes itself: ready() (a passphrase is set, write now), declined() (the
// person cancelled: write nothing) or failed() (the keychain could not say: write nothing).
class FirstPassphrase : public QObject
{
    Q_OBJECT

public:
    // why: what is about to be kept, the first line of the dialog.
    FirstPassphrase(ConsolePassphrase *passphrase, const QString &why, QWidget *parent);

    void start();

Q_SIGNALS:
    void ready();
    void declined();
    void failed(const QString &reason);

private:
    void checked(PassphraseJob *job);
    void report(void (FirstPassphrase::*signal)());

    QPointer<ConsolePassphrase> m_passphrase;
    QString m_why;
    QWidget *m_parent;
};

} // namespace keydesk
