#include "SandboxLauncher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

static void say(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "One console for the API keys of five cloud services."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        u"sandbox"_s,
        QCoreApplication::translate("main", "Start a local keydesk-sandbox with demo data."));
    parser.addOption(sandboxOption);
    parser.process(app);

    if (!parser.isSet(sandboxOption)) {
        say(QCoreApplication::translate(
            "main",
            "The console window is not built yet. Run `keydesk --sandbox` to start the"
            " local sandbox with demo data."));
        return 0;
    }

    SandboxLauncher::Options options;
    options.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                          .filePath(u"keydesk/sandbox"_s);
    SandboxLauncher launcher(options);
    QObject::connect(&launcher, &SandboxLauncher::started, &app, [&] {
        say(QCoreApplication::translate("main", "KeyDesk sandbox is running (stop it with Ctrl+C).")
            + u"\n  HTTP:  "_s + launcher.httpUrl().toString() + u"\n  HTTPS: "_s
            + launcher.httpsUrl().toString() + u"\n  its certificate: "_s
            + launcher.certificatePath() + u"\n  demo account (credentials, MFA secret): "_s
            + launcher.demoAccountPath());
    });
    QObject::connect(&launcher, &SandboxLauncher::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "keydesk: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&launcher, &SandboxLauncher::exited, &app,
                     [](int code) { QCoreApplication::exit(code == 0 ? 0 : 1); });
    launcher.start();
    return QCoreApplication::exec();
}
