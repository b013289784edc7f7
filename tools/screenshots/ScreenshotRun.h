#pragma once

#include "ClipboardGuard.h"
#include "KeyListPage.h"
#include "domain/Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace keydesk {

class DemoProfiles;
class MainWindow;

// Takes the screenshots of docs/screenshots/: the real MainWindow on a keydesk-sandbox started
// with --demo (what `keydesk --sandbox` opens), each page and dialog opened the way a person
// opens it where that needs no code or passphrase, and saved as <name>.png. Shots run in order,
// each waiting with the event loop running until what it shows is there (a list answered, a
// dialog open), never longer than a deadline. Unlike the console's flows this blocks: it is a
// tool that takes pictures one after another.
class ScreenshotRun
{
    Q_DECLARE_TR_FUNCTIONS(ScreenshotRun)

public:
    struct Setup
    {
        QString outputDir;
        bool check = false; // read each PNG back and fail on one that shows nothing
        QString demoAccountPath;
        QString certificatePath;
        QUrl adminUrl; // the sandbox's plain-HTTP port, where its admin hooks answer
        QSize windowSize {1200, 720};
    };

    // One picture: its file name (without .png) and how it is taken.
    struct Shot
    {
        QString name;
        std::function<bool(ScreenshotRun &, const QString &name)> take;
    };

    explicit ScreenshotRun(Setup setup);
    ~ScreenshotRun();

    // Every shot, in order; false at the first that fails, with error() saying why.
    bool run();
    QString error() const { return m_error; }
    QStringList saved() const { return m_saved; }

    // The list of shots: a new page or dialog is one more entry here.
    static QList<Shot> shots();

private:
    bool open();
    // One shot each, saved as name.png.
    bool mainWindow(ServiceKind service, const QString &name);
    bool createKey(ServiceKind service, const QString &name, const QString &keyName);
    bool createdKey(const QString &name);
    bool verification(ServiceKind service, const QString &name);
    bool viewKey(const QString &name);
    bool deleteKey(const QString &name);
    bool keyTest(const QString &name);
    bool pageState(const QString &name, KeyListPage::State state);
    bool addProfile(const QString &name);
    bool inventory(const QString &name);

    KeyListPage *showPage(ServiceKind service);
    bool selectKey(KeyListPage *page, const QString &keyId = {});
    template<typename Dialog>
    Dialog *triggerDialog(KeyListPage *page, const QString &action, const QString &objectName);
    bool closeDialog(QWidget *dialog);
    bool waitUntil(const std::function<bool()> &ready, const QString &what, int timeoutMs = 30000);
    bool save(QWidget *widget, const QString &name);
    bool fail(const QString &why);
    bool addStateProfiles();

    Setup m_setup;
    ClipboardGuard m_clipboard;
    std::unique_ptr<DemoProfiles> m_demo;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MainWindow> m_stateWindow; // the error and empty states
    QString m_error;
    QStringList m_saved;
};

} // namespace keydesk
