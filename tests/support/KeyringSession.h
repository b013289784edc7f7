#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <cstdio>
#include <unistd.h>

// Tests that use the keychain run against a private Secret Service, never the person's own
// keyring: a test class calls KeyringSession::enter() from its static initMain(), which
// re-executes the test inside tests/support/with-keyring (a fresh D-Bus session with a fresh,
// unlocked gnome-keyring-daemon and a throwaway HOME) unless it already runs there. So
// `ctest` and running the test binary directly behave the same.
namespace KeyringSession {

inline bool isInside()
{
    return qEnvironmentVariable("KEYDESK_TEST_KEYRING") == QLatin1String("1")
        && qEnvironmentVariable("HOME") == qEnvironmentVariable("KEYDESK_TEST_KEYRING_HOME");
}

inline void enter()
{
    if (isInside())
        return;
    // initMain() runs before QCoreApplication exists: the arguments come from /proc.
    QFile commandLine(QStringLiteral("/proc/self/cmdline"));
    QList<QByteArray> arguments;
    if (commandLine.open(QIODevice::ReadOnly))
        arguments = commandLine.readAll().split('\0');
    if (!arguments.isEmpty() && arguments.last().isEmpty())
        arguments.removeLast();
    if (arguments.isEmpty()) {
        std::fputs("KeyringSession: cannot read this process's arguments\n", stderr);
        std::_Exit(2);
    }
    arguments[0] = QFile::symLinkTarget(QStringLiteral("/proc/self/exe")).toLocal8Bit();
    QByteArray wrapper = KEYDESK_SOURCE_DIR "/tests/support/with-keyring";
    QList<char *> argv {wrapper.data()};
    for (QByteArray &argument : arguments)
        argv.append(argument.data());
    argv.append(nullptr);
    ::execv(wrapper.constData(), argv.data());
    std::perror("KeyringSession: cannot run tests/support/with-keyring");
    std::_Exit(2);
}

} // namespace KeyringSession
