#pragma once

#include "LaunchClock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QObject>
#include <QWidget>

#include <cstdio>
#include <functional>
#include <unistd.h>

// keydesk-bare-window and keydesk-console-startup (keydesk-startup-bench, issue 4) time the same
// moment the same way: from the process's launch to the end of the first paint of a widget once
// ready() holds. The paint is over when a call queued from its paint event runs: the window's
// whole update (every widget's paint, then the flush to the platform window) is one event, so
// the queued call runs after it.
namespace firstpaint {

// Milliseconds since the process was launched: since KEYDESK_BENCH_LAUNCHED_NS (LaunchClock.h),
// read by the parent just before it started this process, so fork, exec, loading the libraries
// and everything before main() count. Without it, since the start time in /proc/self/stat, in
// clock ticks (10 ms here) since boot.
inline double msSinceLaunch()
{
    bool ok = false;
    const qint64 launched = qgetenv(launchclock::kLaunchedVariable).toLongLong(&ok);
    if (ok)
        return double(launchclock::nowNs() - launched) / 1e6;
    std::FILE *stat = std::fopen("/proc/self/stat", "r");
    if (!stat)
        return -1;
    char buffer[1024] = {};
    const std::size_t size = std::fread(buffer, 1, sizeof buffer - 1, stat);
    std::fclose(stat);
    // Field 22 (starttime) counts from the ')' that ends field 2, the command's name.
    const QByteArray text(buffer, qsizetype(size));
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble();
    timespec boot {};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double nowMs = double(boot.tv_sec) * 1e3 + double(boot.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

// Prints "first_paint_ms: N" on stdout and quits the application once the watched widget has
// painted with ready() true.
class Probe : public QObject
{
public:
    Probe(QWidget *widget, std::function<bool()> ready)
        : m_widget(widget)
        , m_ready(std::move(ready))
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint && !m_done && m_ready()) {
            m_done = true;
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::printf("first_paint_ms: %.1f\n", msSinceLaunch());
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_widget;
    std::function<bool()> m_ready;
    bool m_done = false;
};

} // namespace firstpaint
