#pragma once

#include <QByteArray>
#include <QObject>

class QTimer;

namespace keydesk {

// Copies a secret to the clipboard marked for clipboard managers and clears it after a delay
// and on exit, unless the clipboard changed since. It keeps only a SHA-256 of the value, so the
// secret lives in the clipboard alone. The marks, as KeePassXC's Clipboard sets them:
// everywhere "x-kde-passwordManagerHint: secret" (Klipper and other Linux managers); on
// Windows the formats ExcludeClipboardContentFromMonitorProcessing, CanIncludeInClipboardHistory
// and CanUploadToCloudClipboard (a DWORD 0); on macOS org.nspasteboard.ConcealedType, through a
// pasteboard converter of ours (Qt 6.5's QUtiMimeConverter). Only the Linux path runs here.
class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override; // clears what it put there, if still there

    void setClearAfterMs(int ms); // default: ConsoleSettings::clipboardSeconds()
    int clearAfterMs() const;

    void copySecret(const QByteArray &value); // UTF-8 text + the hint; starts the timer
    void clearIfOurs(); // clears now if the clipboard still holds our secret
    bool holdsSecret() const; // the clipboard still holds what we put there

Q_SIGNALS:
    void copied();
    void cleared(); // by the timer, clearIfOurs(), or because someone else replaced it

private:
    void clipboardChanged();
    void forget();

    QTimer *m_timer;
    QByteArray m_salt;
    QByteArray m_hash; // salted SHA-256 of the value we put there; empty: nothing of ours
    int m_clearAfterMs = 30000;
    bool m_writing = false; // our own setMimeData()/clear() is changing the clipboard
};

} // namespace keydesk
