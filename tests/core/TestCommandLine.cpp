#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

// The `keydesk` executable as a person runs it: --version and --help with and without a display,
// and one console per user and settings location (a second start raises the first one's window
// and ends). Each case has its own XDG directories, so a console the developer has open, or
// another test, is never the one answering.
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    // An environment of its own under home: config, data, cache and runtime directories.
    // prefix: of the config and data directories, for a second set of settings under home.
    static QProcessEnvironment isolated(const QTemporaryDir &home, bool display,
                                        const QString &prefix = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(prefix + u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(prefix + u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, home.path()); // QTemporaryDir: mode 0700
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        if (display)
            environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return environment;
    }

    static Run run(const QProcessEnvironment &environment, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KEYDESK_CONSOLE_PROGRAM), arguments);
        if (!process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished();
            return {-1, u"did not finish: "_s + QString::fromLocal8Bit(process.readAll())};
        }
        if (process.exitStatus() != QProcess::NormalExit)
            return {-1, u"crashed"_s};
        return {process.exitCode(),
                QString::fromLocal8Bit(process.readAllStandardOutput())
                    + QString::fromLocal8Bit(process.readAllStandardError())};
    }

    // A console running until the end of the test (then stopped as Ctrl+C would).
    static std::unique_ptr<QProcess> startConsole(const QProcessEnvironment &environment,
                                                  const QStringList &arguments,
                                                  const QByteArray &ready)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(KEYDESK_CONSOLE_PROGRAM), arguments);
        QByteArray output;
        if (!QTest::qWaitFor(
                [&] {
                    output += process->readAllStandardOutput();
                    return output.contains(ready) || process->state() == QProcess::NotRunning;
                },
                30000)
            || !output.contains(ready)) {
            qWarning("keydesk did not get ready: %s", output.constData());
            return nullptr;
        }
        return process;
    }

    static bool stop(QProcess &process)
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        return process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }

    static constexpr QLatin1StringView kRaised {"brought to the front"};

private Q_SLOTS:
    void versionIsPrinted_data()
    {
        QTest::addColumn<bool>("display");
        QTest::newRow("display") << true;
        QTest::newRow("no display") << false;
    }

    void versionIsPrinted()
    {
        QFETCH(bool, display);
        const QTemporaryDir home;
        const Run version = run(isolated(home, display), {u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.output.trimmed(), u"KeyDesk "_s + QStringLiteral(KEYDESK_VERSION));
    }

    void helpListsTheOptions_data() { versionIsPrinted_data(); }

    void helpListsTheOptions()
    {
        QFETCH(bool, display);
        const QTemporaryDir home;
        const Run help = run(isolated(home, display), {u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &option : {u"--sandbox"_s, u"--version"_s, u"--help"_s})
            QVERIFY2(help.output.contains(option), qPrintable(help.output));
    }

    void unknownOptionFails()
    {
        const QTemporaryDir home;
        const Run wrong = run(isolated(home, true), {u"--no-such-option"_s});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.output.contains(u"no-such-option"_s), qPrintable(wrong.output));
    }

    // The first console is still starting its sandbox or already shows the demo; either way a
    // second start with the same settings ends at once, and the first keeps running.
    void secondStartRaisesTheFirst()
    {
        const QTemporaryDir home;
        const QProcessEnvironment environment = isolated(home, true);
        const auto first = startConsole(environment, {u"--sandbox"_s}, "demo account"_ba);
        QVERIFY(first);
        const Run second = run(environment, {});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.output.contains(kRaised), qPrintable(second.output));
        QVERIFY2(!second.output.contains(u"No display"_s), qPrintable(second.output));
        const Run third = run(environment, {u"--sandbox"_s});
        QCOMPARE(third.exitCode, 0);
        QVERIFY2(third.output.contains(kRaised), qPrintable(third.output));
        QCOMPARE(first->state(), QProcess::Running);
        QVERIFY(stop(*first));
    }

    // Other settings are another console: it does not ask the first one, and becomes the one
    // that a start with its own settings raises.
    void otherSettingsAreAnotherConsole()
    {
        const QTemporaryDir home;
        const auto first = startConsole(isolated(home, true), {u"--sandbox"_s}, "demo account"_ba);
        QVERIFY(first);
        // Its sandbox has data of its own too, so that the two sandboxes do not share state.
        const QProcessEnvironment other = isolated(home, true, u"other-"_s);
        const auto second = startConsole(other, {u"--sandbox"_s}, "demo account"_ba);
        QVERIFY(second);
        const Run asking = run(other, {});
        QCOMPARE(asking.exitCode, 0);
        QVERIFY2(asking.output.contains(kRaised), qPrintable(asking.output));
        QCOMPARE(second->state(), QProcess::Running);
        QCOMPARE(first->state(), QProcess::Running);
        QVERIFY(stop(*second));
        QVERIFY(stop(*first));
    }

    // Without a display `keydesk --sandbox` only serves the sandbox: no window to raise, so no
    // guard either, and a second headless start runs a sandbox of its own.
    void headlessSandboxIsNotGuarded()
    {
        const QTemporaryDir home;
        const auto first = startConsole(isolated(home, false), {u"--sandbox"_s}, "demo account"_ba);
        QVERIFY(first);
        // The same settings; only the sandbox's data is its own, so that the two do not share it.
        QProcessEnvironment environment = isolated(home, false);
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"other-data"_s));
        const auto second = startConsole(environment, {u"--sandbox"_s}, "demo account"_ba);
        QVERIFY(second);
        QVERIFY(stop(*second));
        QVERIFY(stop(*first));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
