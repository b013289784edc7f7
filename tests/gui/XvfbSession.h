#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

// Tests that need the X11 selection (PRIMARY), which the offscreen platform does not have: a
// test class calls XvfbSession::enter() from its static initMain(), which re-executes the test
// under `xvfb-run -a` on the xcb platform unless it already runs there, so `ctest` and running
// the binary directly behave the same, and the person's own display is never used.
namespace XvfbSession {

inline void enter()
{
    if (qEnvironmentVariable("KEYDESK_TEST_XVFB") == QLatin1String("1"))
        return;
    QFile commandLine(QStringLiteral("/proc/self/cmdline"));
    QList<QByteArray> arguments;
    if (commandLine.open(QIODevice::ReadOnly))
        arguments = commandLine.readAll().split('\0');
    if (!arguments.isEmpty() && arguments.last().isEmpty())
        arguments.removeLast();
    if (arguments.isEmpty()) {
        std::fputs("XvfbSession: cannot read this process's arguments\n", stderr);
        std::_Exit(2);
    }
    arguments[0] = QFile::symLinkTarget(QStringLiteral("/proc/self/exe")).toLocal8Bit();
    ::setenv("KEYDESK_TEST_XVFB", "1", 1);
    ::setenv("QT_QPA_PLATFORM", "xcb", 1);
    QByteArray wrapper = "xvfb-run";
    QByteArray automatic = "-a";
    QByteArray serverOption = "-s";
    QByteArray screen = "-screen 0 1024x768x24";
    QList<char *> argv {wrapper.data(), automatic.data(), serverOption.data(), screen.data()};
    for (QByteArray &argument : arguments)
        argv.append(argument.data());
    argv.append(nullptr);
    ::execvp(wrapper.constData(), argv.data());
    std::perror("XvfbSession: cannot run xvfb-run (scripts/install-deps installs xvfb)");
    std::_Exit(2);
}

} // namespace XvfbSession
