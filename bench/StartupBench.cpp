// keydesk-startup-bench: startup_ratio_vs_bare_qt (issue 4). Starts one keydesk-sandbox with its
// demo data first, then launches keydesk-console-startup and keydesk-bare-window in turn, each
// round alternating which goes first, with the same environment and platform. Each prints the
// time from its launch to its first paint (FirstPaint.h); the figures are the medians. Figures
// go to stdout as "name: value unit", each launch to stderr (docs/performance.md, "Startup").
#include "LaunchClock.h"
#include "SandboxLauncher.h"
#include "StepLoop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kLaunchTimeoutMs = 60000;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// Launches program, stamping the moment just before; its "first_paint_ms: N", or nothing.
std::optional<double> launch(const QString &program, const QStringList &arguments,
                             QProcessEnvironment environment)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    StepLoop loop;
    QObject::connect(&process, &QProcess::finished, [&loop] { loop.finish(); });
    QObject::connect(&process, &QProcess::errorOccurred, [&loop, &process](QProcess::ProcessError) {
        loop.fail(process.errorString());
    });
    environment.insert(QString::fromLatin1(launchclock::kLaunchedVariable),
                       QString::number(launchclock::nowNs()));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!loop.run(kLaunchTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        std::fprintf(stderr, "%s: no first paint within %d s\n", qPrintable(program),
                     kLaunchTimeoutMs / 1000);
        return std::nullopt;
    }
    const QByteArray output = process.readAllStandardOutput();
    const qsizetype at = output.indexOf("first_paint_ms: ");
    if (loop.failed() || process.exitCode() != 0 || at < 0) {
        std::fprintf(stderr, "%s failed (exit code %d) %s\n", qPrintable(program),
                     process.exitCode(), qPrintable(loop.error()));
        return std::nullopt;
    }
    const QByteArray figure = output.mid(at + 16);
    return figure.left(figure.indexOf('\n')).trimmed().toDouble();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the console's startup to its listed keys against a bare Qt window (issue 4)."_s);
    parser.addHelpOption();
    const QCommandLineOption roundsOption(u"rounds"_s, u"Launches of each program (7)."_s, u"n"_s,
                                          u"7"_s);
    parser.addOption(roundsOption);
    parser.process(app);
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    const QString bin = QCoreApplication::applicationDirPath();

    QTemporaryDir data;
    QTemporaryDir config; // neither program reads or writes the person's own settings
    SandboxLauncher::Options options;
    options.dataDir = data.path();
    SandboxLauncher sandbox(options);
    StepLoop started;
    QObject::connect(&sandbox, &SandboxLauncher::started, [&started] { started.finish(); });
    QObject::connect(&sandbox, &SandboxLauncher::failed,
                     [&started](const QString &reason) { started.fail(reason); });
    sandbox.start();
    if (!started.run(kLaunchTimeoutMs) || started.failed()) {
        std::fprintf(stderr, "keydesk-startup-bench: the sandbox did not start: %s\n",
                     qPrintable(started.error()));
        return 1;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(u"QT_QPA_PLATFORM"_s))
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, config.path());
    const QString bare = QDir(bin).filePath(u"keydesk-bare-window"_s);
    const QString console = QDir(bin).filePath(u"keydesk-console-startup"_s);
    const QStringList consoleArguments {sandbox.demoAccountPath(), sandbox.certificatePath()};
    std::fprintf(stderr, "platform %s, %d rounds after one untimed launch of each\n",
                 qPrintable(environment.value(u"QT_QPA_PLATFORM"_s)), rounds);

    QList<double> bareTimes;
    QList<double> consoleTimes;
    for (int round = -1; round < rounds; ++round) {
        const bool consoleFirst = round % 2 == 0;
        for (int turn = 0; turn < 2; ++turn) {
            const bool isConsole = (turn == 0) == consoleFirst;
            const std::optional<double> ms = isConsole
                ? launch(console, consoleArguments, environment)
                : launch(bare, {}, environment);
            if (!ms)
                return 1;
            std::fprintf(stderr, "  %s %s: %.1f ms\n", round < 0 ? "untimed" : "round",
                         isConsole ? "console" : "bare window", *ms);
            if (round >= 0)
                (isConsole ? consoleTimes : bareTimes) << *ms;
        }
    }
    const double bareMs = median(bareTimes);
    const double consoleMs = median(consoleTimes);
    std::printf("startup_ms_bare_qt: %.1f ms\n", bareMs);
    std::printf("startup_ms_console: %.1f ms\n", consoleMs);
    std::printf("startup_ratio_vs_bare_qt: %.2f ratio\n", consoleMs / bareMs);
    return 0;
}
