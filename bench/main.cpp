#include "BenchRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct IntOption
{
    QCommandLineOption option;
    int *target;
    int minimum;
};

} // namespace

int main(int argc, char *argv[])
{
    // The console's per-request debug lines would be part of what is timed: off, unless
    // QT_LOGGING_RULES (which takes precedence) says otherwise.
    QLoggingCategory::setFilterRules(u"keydesk.*.debug=false"_s);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"keydesk-bench"_s);

    BenchOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the console's RAM client against the official Node SDK on one keydesk-sandbox"
        u" and prints the figures as \"name: value unit\" (bench/README.md)."_s);
    parser.addHelpOption();
    const QCommandLineOption nodeDir(u"node-dir"_s,
                                     u"The npm project bench/node, installed (npm ci)."_s, u"dir"_s,
                                     QStringLiteral(KEYDESK_BENCH_NODE_DIR));
    const QCommandLineOption sandbox(
        u"sandbox"_s, u"The keydesk-sandbox program (default: beside this one)."_s, u"file"_s);
    const auto number = [](const QString &name, const QString &help, int *target, int minimum) {
        return IntOption {QCommandLineOption(name, help + u" (default %1)."_s.arg(*target), u"n"_s),
                          target, minimum};
    };
    const QList<IntOption> numbers {
        number(u"users"_s, u"RAM users to seed"_s, &options.users, 1),
        number(u"keys-per-user"_s, u"AccessKeys per RAM user (at most 2)"_s, &options.keysPerUser,
               0),
        number(u"calls"_s, u"Timed ListAccessKeys calls per client and round"_s, &options.calls, 1),
        number(u"warmup"_s, u"Untimed calls before each timed run"_s, &options.warmupCalls, 2),
        number(u"in-flight"_s, u"Calls in flight for both clients"_s, &options.inFlight, 1),
        number(u"inventory-in-flight"_s,
               u"The console inventory's calls in flight, 0 for its default"_s,
               &options.inventoryInFlight, 0),
        number(u"page-size"_s, u"ListUsers MaxItems in both inventories"_s, &options.pageSize, 1),
        number(u"rounds"_s, u"Runs of each measurement; the figure is their median"_s,
               &options.rounds, 1),
    };
    const QCommandLineOption schemes(
        u"schemes"_s, u"What both clients use, in turn (default https,http)."_s, u"list"_s);
    parser.addOption(schemes);
    parser.addOption(nodeDir);
    parser.addOption(sandbox);
    for (const IntOption &entry : numbers)
        parser.addOption(entry.option);
    parser.process(app);

    for (const IntOption &entry : numbers) {
        if (!parser.isSet(entry.option))
            continue;
        bool ok = false;
        const int value = parser.value(entry.option).toInt(&ok);
        if (!ok || value < entry.minimum) {
            std::fprintf(stderr, "keydesk-bench: --%s takes a number >= %d\n",
                         qPrintable(entry.option.names().constFirst()), entry.minimum);
            return 2;
        }
        *entry.target = value;
    }
    if (options.keysPerUser > 2) {
        std::fprintf(stderr, "keydesk-bench: RAM allows at most 2 AccessKeys per user\n");
        return 2;
    }
    options.nodeDir = QDir(parser.value(nodeDir)).absolutePath();
    options.sandboxProgram = parser.value(sandbox);
    if (parser.isSet(schemes)) {
        options.schemes = parser.value(schemes).split(u',', Qt::SkipEmptyParts);
        for (const QString &scheme : std::as_const(options.schemes)) {
            if (scheme != u"http"_s && scheme != u"https"_s) {
                std::fprintf(stderr, "keydesk-bench: --schemes takes http, https or both\n");
                return 2;
            }
        }
    }

    BenchRun bench(options);
    return bench.run();
}
