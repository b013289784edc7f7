// keydesk-console-startup: the console's startup for startup_ratio_vs_bare_qt (issue 4). It opens
// the sandbox's demo the way `keydesk --sandbox` does once its sandbox runs (app/main.cpp,
// openDemo): the translations, the single-instance guard, the same shared objects, the window
// icon and the TLS warm-up main() starts first, MainWindow on the demo profiles, the first
// profile selected. It prints the time from its launch to the end of the first paint of the key
// table with the listed keys in it (FirstPaint.h) and exits. The sandbox is already running
// (keydesk-startup-bench starts it first), so its startup is not counted.
//
// keydesk-console-startup DEMO_ACCOUNT_JSON CERTIFICATE_PEM
#include "ClipboardGuard.h"
#include "ConsoleTranslations.h"
#include "DemoProfiles.h"
#include "FirstPaint.h"
#include "Icons.h"
#include "KeyListPage.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "net/TlsWarmUp.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QTableView>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

int main(int argc, char *argv[])
{
    const double atMain = firstpaint::msSinceLaunch();
    QApplication app(argc, argv);
    // As app/main.cpp, so the same settings are read (keydesk-startup-bench points them at an
    // empty directory).
    QCoreApplication::setOrganizationName(u"KeyDesk"_s);
    QCoreApplication::setApplicationName(u"KeyDesk"_s);
    QApplication::setWindowIcon(appIcon());
    installConsoleTranslations(&app);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: keydesk-console-startup DEMO_ACCOUNT_JSON CERTIFICATE_PEM\n");
        return 2;
    }

    // main() asks for a running console first (none runs here: the settings are the bench's own).
    SingleInstance single(SingleInstance::settingsKey());
    if (single.start() != SingleInstance::Outcome::Listening) {
        std::fprintf(stderr, "keydesk-console-startup: another console answered, or no guard\n");
        return 1;
    }

    CredentialVault vault;
    ConsolePassphrase passphrase;
    ClipboardGuard clipboard;
    warmUpTls(); // where main() starts it, once its shared objects are made
    const DemoProfiles demo = DemoProfiles::fromFile(arguments.at(1), arguments.at(2));
    if (demo.error()) {
        std::fprintf(stderr, "keydesk-console-startup: %s\n", qPrintable(demo.error().message));
        return 1;
    }
    MainWindow window(demo.profiles(), {&vault, &passphrase, &clipboard}, nullptr);
    for (const Profile &profile : demo.profiles()) {
        QByteArray secret = demo.secret(profile.id);
        window.setSecret(profile.id, secret);
        wipeSecret(secret);
    }
    window.selectProfile(demo.profiles().first().id);
    KeyListPage *page = window.currentPage();
    if (!page) {
        std::fprintf(stderr, "keydesk-console-startup: no key list after selecting a profile\n");
        return 1;
    }
    QTableView *table = page->table();
    const firstpaint::Probe probe(table->viewport(), [page, table] {
        return page->state() == KeyListPage::State::Keys && table->model()->rowCount() > 0;
    });
    double listedAt = 0;
    QObject::connect(page, &KeyListPage::keysListed, page, [page, &listedAt](int count) {
        listedAt = firstpaint::msSinceLaunch();
        if (count == 0 || page->state() != KeyListPage::State::Keys) {
            std::fprintf(stderr, "keydesk-console-startup: the demo profile listed no keys\n");
            QCoreApplication::exit(1);
        }
    });
    window.show();
    const double shownAt = firstpaint::msSinceLaunch();
    const int code = QApplication::exec();
    // Where the time went, for docs/performance.md.
    std::fprintf(stderr, "    main() at %.1f ms, window shown at %.1f ms, keys listed at %.1f ms\n",
                 atMain, shownAt, listedAt);
    return code;
}
