#include "ClipboardGuard.h"
#include "ConsoleTranslations.h"
#include "DemoProfiles.h"
#include "Icons.h"
#include "MainWindow.h"
#include "ProcessHardening.h"
#include "ProfileSecretReader.h"
#include "ProfileStore.h"
#include "QuitSignals.h"
#include "SandboxLauncher.h"
#include "SingleInstance.h"
#include "net/TlsWarmUp.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

static void say(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

// Whether a QGuiApplication can start: on Linux without a display server (and without a
// platform asked for by name) it would abort, and `keydesk --sandbox` must still serve the
// sandbox on a headless machine.
static bool displayAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

// What the window shares for the whole run; declared before the window, so it outlives it.
struct Console
{
    CredentialVault vault;
    ConsolePassphrase passphrase;
    ClipboardGuard clipboard;
    std::unique_ptr<ProfileStore> store;
    std::unique_ptr<MainWindow> window;

    KeyPageTools tools() { return {&vault, &passphrase, &clipboard}; }
};

// The demo's profiles with their secrets in memory only: they are sandbox credentials, never
// written to the keychain or to disk.
static void openDemo(Console &console, const SandboxLauncher &launcher)
{
    const DemoProfiles demo = DemoProfiles::fromLauncher(launcher);
    if (demo.error()) {
        std::fprintf(stderr, "keydesk: %s\n", qPrintable(demo.error().message));
        QCoreApplication::exit(1);
        return;
    }
    console.window = std::make_unique<MainWindow>(demo.profiles(), console.tools(), nullptr);
    console.window->setDemoAccount(launcher.demoAccountPath(), launcher.certificatePath());
    for (const Profile &profile : demo.profiles()) {
        QByteArray secret = demo.secret(profile.id);
        console.window->setSecret(profile.id, secret);
        wipeSecret(secret);
    }
    console.window->selectProfile(demo.profiles().first().id);
    console.window->show();
}

static void openStored(Console &console)
{
    console.store = std::make_unique<ProfileStore>();
    const ProfileStore::Loaded loaded = console.store->load();
    if (loaded.error)
        std::fprintf(stderr, "keydesk: %s\n", qPrintable(loaded.error.message));
    for (const ProfileStore::SkippedEntry &skipped : loaded.skipped)
        std::fprintf(stderr, "keydesk: profile %s skipped: %s\n", qPrintable(skipped.id),
                     qPrintable(skipped.reason));
    console.window
        = std::make_unique<MainWindow>(loaded.profiles, console.tools(), console.store.get());
    auto *reader = new ProfileSecretReader(&console.vault, console.window.get());
    QObject::connect(reader, &ProfileSecretReader::secretRead, console.window.get(),
                     &MainWindow::setSecret);
    QObject::connect(reader, &ProfileSecretReader::secretMissing, console.window.get(),
                     &MainWindow::setSecretMissing);
    reader->start(loaded.profiles);
    if (!loaded.profiles.isEmpty())
        console.window->selectProfile(loaded.profiles.first().id);
    console.window->show();
}

int main(int argc, char *argv[])
{
    // Before anything else, above all before a secret is read (ProcessHardening.h).
    if (!hardenProcess())
        std::fputs("keydesk: the process could not be fully protected from memory dumps and "
                   "debuggers.\n",
                   stderr);
    const bool gui = displayAvailable();
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYDESK_VERSION));
    if (gui) {
        QApplication::setWindowIcon(appIcon());
        // Wayland shells match the window to the installed desktop file and its icon by this name.
        QGuiApplication::setDesktopFileName(u"io.keydesk.KeyDesk"_s);
    }
    installConsoleTranslations(app.get());

    // Ctrl+C or a service manager's SIGTERM ends the console as closing its window does.
    const QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::received, app.get(), [] {
        if (qobject_cast<QApplication *>(QCoreApplication::instance()))
            QApplication::closeAllWindows();
        QCoreApplication::quit();
    });

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "One console for the API keys of five cloud services."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        u"sandbox"_s,
        QCoreApplication::translate("main", "Start a local keydesk-sandbox with demo data."));
    parser.addOption(sandboxOption);
    parser.process(*app);

    // One window per user and settings location: a second start raises the first one's
    // window and ends. Headless, `keydesk --sandbox` has no window to raise and is not guarded.
    std::unique_ptr<SingleInstance> single;
    if (gui) {
        single = std::make_unique<SingleInstance>(SingleInstance::settingsKey());
        switch (single->start()) {
        case SingleInstance::Outcome::OtherActivated:
            say(QCoreApplication::translate(
                "main", "KeyDesk is already running; its window was brought to the front."));
            return 0;
        case SingleInstance::Outcome::Unguarded:
            std::fprintf(stderr, "keydesk: %s\n", qPrintable(single->errorString()));
            break;
        case SingleInstance::Outcome::Listening:
            break;
        }
    }

    if (!gui) {
        say(QCoreApplication::translate(
            "main",
            "No display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so "
            "the console window cannot open."));
    }
    // Only with a display: the clipboard and the window need a QGuiApplication.
    const std::unique_ptr<Console> console = gui ? std::make_unique<Console>() : nullptr;
    // The window's first key list goes out over HTTPS: its TLS backend loads on a pool thread
    // meanwhile, here while the window is built or the sandbox starts (after parser.process(),
    // which exits for --help and --version).
    if (console) {
        warmUpTls();
        // With --sandbox the window comes once the sandbox has started; until then it opens in
        // front anyway, so an earlier request needs nothing more.
        QObject::connect(single.get(), &SingleInstance::activationRequested, app.get(), [&console] {
            if (console->window)
                console->window->bringToFront();
        });
    }
    if (!parser.isSet(sandboxOption)) {
        if (!console)
            return 1;
        openStored(*console);
        return QCoreApplication::exec();
    }

    SandboxLauncher::Options options;
    options.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                          .filePath(u"keydesk/sandbox"_s);
    SandboxLauncher launcher(options);
    QObject::connect(&launcher, &SandboxLauncher::started, app.get(), [&] {
        say(QCoreApplication::translate("main", "KeyDesk sandbox is running (stop it with Ctrl+C).")
            + u"\n  HTTP:  "_s + launcher.httpUrl().toString() + u"\n  HTTPS: "_s
            + launcher.httpsUrl().toString() + u"\n  "_s
            + QCoreApplication::translate("main", "its certificate: %1")
                  .arg(launcher.certificatePath())
            + u"\n  "_s
            + QCoreApplication::translate("main", "demo account (credentials, MFA secret): %1")
                  .arg(launcher.demoAccountPath()));
        if (console)
            openDemo(*console, launcher);
    });
    QObject::connect(&launcher, &SandboxLauncher::failed, app.get(), [](const QString &reason) {
        std::fprintf(stderr, "keydesk: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&launcher, &SandboxLauncher::exited, app.get(),
                     [](int code) { QCoreApplication::exit(code == 0 ? 0 : 1); });
    launcher.start();
    const int code = QCoreApplication::exec();
    if (console)
        console->window.reset(); // before the sandbox it talks to
    return code;
}
