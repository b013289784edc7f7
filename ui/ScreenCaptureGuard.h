#pragma once

#include <QObject>

class QWidget;

// Keeps a window that shows a key's value out of screenshots, screen recordings and screen
// sharing, where the platform offers it: Windows 10 2004 and later
// (SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE): the window is left out of every capture),
// macOS (NSWindow.sharingType = NSWindowSharingNone: other applications' captures show no
// content). Linux has no such means: any X11 client may read the whole screen, and on Wayland
// what a screencast shows is the compositor's choice, so there it does nothing.
// A child of the window; applies itself each time the window is shown, when the native window
// exists.
class ScreenCaptureGuard : public QObject
{
    Q_OBJECT

public:
    // The one line a dialog that shows a value calls in its constructor.
    static void protect(QWidget *window);
    // Whether this platform can exclude a window from capture at all.
    static bool isSupported();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ScreenCaptureGuard(QWidget *window);
    static bool apply(QWidget *window);
};
