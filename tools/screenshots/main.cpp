#include "ConsoleTranslations.h"
#include "SandboxLauncher.h"
#include "ScreenshotRun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFont>
#include <QFontDatabase>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

constexpr int kSandboxStartMs = 60000; // its first start makes a certificate and the demo data

// Chinese characters, which DejaVu Sans lacks, come from this font (fonts-wqy-microhei).
const QString kChineseFont = u"WenQuanYi Micro Hei"_s;

// The same pixels on every machine, whatever its desktop theme: Fusion's own light palette,
// DejaVu Sans (fonts-dejavu-core) and for Chinese WenQuanYi Micro Hei at a size in pixels, no
// scaling for the screen's DPI.
void useFixedLook(QApplication &app)
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QFont font(u"DejaVu Sans"_s);
    font.setFamilies({u"DejaVu Sans"_s, kChineseFont});
    font.setPixelSize(13);
    QApplication::setFont(font);
    app.setAttribute(Qt::AA_DontUseNativeDialogs);
}

bool startSandbox(SandboxLauncher &launcher, QString &error)
{
    QEventLoop loop;
    bool started = false;
    QObject::connect(&launcher, &SandboxLauncher::started, &loop, [&] {
        started = true;
        loop.quit();
    });
    QObject::connect(&launcher, &SandboxLauncher::failed, &loop, [&](const QString &reason) {
        error = reason;
        loop.quit();
    });
    QTimer::singleShot(kSandboxStartMs, &loop, [&] {
        error = u"the sandbox did not start within %1 s"_s.arg(kSandboxStartMs / 1000);
        loop.quit();
    });
    launcher.start();
    loop.exec();
    return started;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_ENABLE_HIGHDPI_SCALING", "0");
    QApplication app(argc, argv);
    // Not the console's own settings: window geometry and column widths start from defaults
    // and nothing of this run is remembered (the settings live in the run's temporary folder).
    QCoreApplication::setOrganizationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationName(u"KeyDesk Screenshots"_s);
    useFixedLook(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Saves a PNG of each page and dialog of the console, on a keydesk-sandbox with demo "
        "data, into a folder (scripts/screenshots: docs/screenshots)."_s);
    parser.addHelpOption();
    const QCommandLineOption outputOption(u"output"_s, u"Where the PNG files go."_s, u"dir"_s);
    const QCommandLineOption checkOption(
        u"check"_s, u"Read each PNG back and fail if one shows nothing (for the tests)."_s);
    const QCommandLineOption languageOption(u"language"_s,
                                            u"The console's language: en (the default) or zh_CN."_s,
                                            u"language"_s, u"en"_s);
    parser.addOption(outputOption);
    parser.addOption(checkOption);
    parser.addOption(languageOption);
    parser.process(app);
    if (!parser.isSet(outputOption)) {
        std::fprintf(stderr, "keydesk-screenshots: --output DIR is required\n");
        return 2;
    }
    // Not ConsoleSettings' language nor the system's: the one asked for.
    const QString language = parser.value(languageOption);
    if (!consoleLanguages().contains(language)) {
        std::fprintf(stderr, "keydesk-screenshots: no language %s (%s)\n", qPrintable(language),
                     qPrintable(consoleLanguages().join(u", "_s)));
        return 2;
    }
    if (!installTranslations(&app, language)) {
        std::fprintf(stderr, "keydesk-screenshots: the build lacks the %s translations\n",
                     qPrintable(language));
        return 1;
    }
    if (language == u"zh_CN"_s
        && !QFontDatabase::families(QFontDatabase::SimplifiedChinese).contains(kChineseFont)) {
        std::fprintf(stderr, "keydesk-screenshots: no %s font for Chinese (fonts-wqy-microhei)\n",
                     qPrintable(kChineseFont));
        return 1;
    }

    const QTemporaryDir work;
    if (!work.isValid()) {
        std::fprintf(stderr, "keydesk-screenshots: no temporary folder: %s\n",
                     qPrintable(work.errorString()));
        return 1;
    }
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.filePath(u"settings"_s));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, work.filePath(u"settings"_s));

    SandboxLauncher::Options options;
    options.dataDir = work.filePath(u"sandbox"_s);
    options.enableAdmin = true; // a second account, with no keys, for the empty state
    SandboxLauncher launcher(options);
    QString error;
    if (!startSandbox(launcher, error)) {
        std::fprintf(stderr, "keydesk-screenshots: %s\n", qPrintable(error));
        return 1;
    }

    ScreenshotRun::Setup setup;
    setup.outputDir = QDir(parser.value(outputOption)).absolutePath();
    setup.check = parser.isSet(checkOption);
    setup.demoAccountPath = launcher.demoAccountPath();
    setup.certificatePath = launcher.certificatePath();
    setup.adminUrl = launcher.httpUrl();
    ScreenshotRun run(setup);
    const bool done = run.run();
    for (const QString &path : run.saved())
        std::printf("%s\n", qPrintable(QDir::current().relativeFilePath(path)));
    if (!done) {
        std::fprintf(stderr, "keydesk-screenshots: %s\n", qPrintable(run.error()));
        return 1;
    }
    return 0;
}
