#include "ScreenCaptureGuard.h"

#include <QEvent>
#include <QWidget>

#if defined(Q_OS_WIN)
#include <windows.h>
#ifndef WDA_EXCLUDEFROMCAPTURE
#define WDA_EXCLUDEFROMCAPTURE 0x00000011 // winuser.h of SDK 10.0.19041 and later
#endif
#elif defined(Q_OS_MACOS)
#include <objc/message.h>
#include <objc/runtime.h>
#endif

void ScreenCaptureGuard::protect(QWidget *window)
{
    if (isSupported())
        new ScreenCaptureGuard(window);
}

bool ScreenCaptureGuard::isSupported()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return true;
#else
    return false; // Linux: see the header
#endif
}

ScreenCaptureGuard::ScreenCaptureGuard(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool ScreenCaptureGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && watched == parent())
        apply(static_cast<QWidget *>(watched));
    return false;
}

bool ScreenCaptureGuard::apply([[maybe_unused]] QWidget *window)
{
#if defined(Q_OS_WIN)
    // Shown, the window is top-level and has its HWND.
    const auto hwnd = reinterpret_cast<HWND>(window->window()->winId());
    return SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE) != 0;
#elif defined(Q_OS_MACOS)
    // winId() is the window's NSView; its NSWindow exists once it is shown. Through the
    // Objective-C runtime, so that this stays a C++ file: [[view window] setSharingType:0].
    const auto view = reinterpret_cast<id>(window->window()->winId());
    const auto send = reinterpret_cast<id (*)(id, SEL)>(objc_msgSend);
    const id nsWindow = view ? send(view, sel_registerName("window")) : nullptr;
    if (!nsWindow)
        return false;
    const auto setSharingType = reinterpret_cast<void (*)(id, SEL, unsigned long)>(objc_msgSend);
    setSharingType(nsWindow, sel_registerName("setSharingType:"), 0UL); // NSWindowSharingNone
    return true;
#else
    return false;
#endif
}
