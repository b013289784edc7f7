#include "MainWindow.h"

#include "AccessKeyInventoryPage.h"
#include "ConsoleLock.h"
#include "ConsoleSettings.h"
#include "KeyListPage.h"
#include "LockedPage.h"
#include "PlainText.h"
#include "ProfileDialog.h"
#include "ProfileItemsRemoval.h"
#include "ProfileSaveGate.h"
#include "ProfileSaveJob.h"
#include "ProfileSecretReader.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "SettingsDialog.h"
#include "services/RamService.h"
#include "services/ServiceFactory.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include <utility>

using namespace Qt::StringLiterals;

namespace keydesk {

MainWindow::MainWindow(const QList<Profile> &profiles, const KeyPageTools &tools,
                       ProfileStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles)
    , m_tools(tools)
    , m_store(store)
    , m_sidebar(new ProfileSidebar(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_splitter(new QSplitter(this))
    , m_screens(new QStackedWidget(this))
    , m_lockedPage(new LockedPage(m_screens))
    , m_lock(new ConsoleLock(this))
{
    setWindowTitle(tr("KeyDesk"));
    setAccessibleName(windowTitle());
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAccessibleName(tr("No profile selected"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(profiles.isEmpty()
                               ? tr("No profiles yet. Add one, or run `keydesk --sandbox` to try "
                                    "every service on a local sandbox.")
                               : tr("Select a profile to see its keys."));
    m_stack->addWidget(m_placeholder);
    m_splitter->setObjectName(u"splitter"_s);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_screens->addWidget(m_splitter);
    m_screens->addWidget(m_lockedPage);
    setCentralWidget(m_screens);
    statusBar()->setObjectName(u"status"_s);
    makeMenu();

    m_sidebar->setProfiles(profiles);
    connect(m_sidebar, &ProfileSidebar::profileSelected, this, &MainWindow::showProfile);
    connect(m_sidebar, &ProfileSidebar::removalConfirmed, this, &MainWindow::removeProfile);
    connect(m_sidebar, &ProfileSidebar::addRequested, this, &MainWindow::showAddProfile);
    connect(m_sidebar, &ProfileSidebar::editRequested, this, &MainWindow::showEditProfile);

    const QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1100, 650);
    if (!m_splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray())) {
        // The keys get the room: the sidebar as wide as its names need, within reason.
        const int sidebar = qBound(200, m_sidebar->sizeHint().width(), 280);
        m_splitter->setSizes({sidebar, qMax(1, width() - sidebar)});
    }
}

MainWindow::~MainWindow()
{
    // The pages before m_client, a member that goes before the child widgets: their adapters'
    // jobs are waiting on its requests.
    qDeleteAll(std::exchange(m_inventoryPages, {}));
    qDeleteAll(std::exchange(m_pages, {}));
    for (QByteArray &secret : m_secrets)
        wipeSecret(secret);
    for (QByteArray &secret : m_sessionSecrets)
        wipeSecret(secret);
}

void MainWindow::makeMenu()
{
    QMenu *console = menuBar()->addMenu(tr("&Console"));
    console->setObjectName(u"consoleMenu"_s);
    QAction *settings = console->addAction(tr("&Settings…"));
    settings->setObjectName(u"settings"_s);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(m_tools.clipboard, this, m_tools.passphrase);
        dialog->setObjectName(u"settingsDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, m_lock,
                [this] { m_lock->setIdleMs(ConsoleSettings::lockIdleMinutes() * 60 * 1000); });
        dialog->open();
    });
    m_settingsAction = settings;
    makeLock(console);
    console->addSeparator();
    QAction *quit = console->addAction(tr("&Quit"));
    quit->setObjectName(u"quit"_s);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setSecret(const QString &profileId, const QByteArray &secret)
{
    if (m_locked)
        return; // read again on unlocking
    if (auto kept = m_secrets.find(profileId); kept != m_secrets.end())
        wipeSecret(*kept);
    m_secrets.insert(profileId, detachedSecretCopy(secret));
    if (!m_store) {
        if (auto kept = m_sessionSecrets.find(profileId); kept != m_sessionSecrets.end())
            wipeSecret(*kept);
        m_sessionSecrets.insert(profileId, detachedSecretCopy(secret));
    }
    if (m_missing.remove(profileId))
        m_sidebar->setProfileNote(profileId, {});
    updateMissingNote();
    if (m_sidebar->currentProfileId() == profileId)
        showProfile(profileId);
}

void MainWindow::setSecretMissing(const QString &profileId, const QString &reason)
{
    m_missing.insert(profileId, reason);
    m_sidebar->setProfileNote(profileId, tr("no secret"));
    updateMissingNote();
    if (m_sidebar->currentProfileId() == profileId)
        showProfile(profileId);
}

KeyListPage *MainWindow::currentPage() const
{
    return qobject_cast<KeyListPage *>(m_stack->currentWidget());
}

void MainWindow::selectProfile(const QString &profileId)
{
    m_sidebar->selectProfile(profileId);
}

void MainWindow::bringToFront()
{
    // Un-minimized as it was before (maximized stays maximized), unlike showNormal().
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/splitter"_s, m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showProfile(const QString &profileId)
{
    if (KeyListPage *page = m_pages.value(profileId)) {
        m_stack->setCurrentWidget(page);
        return;
    }
    const Profile *shown = profile(profileId);
    auto secret = m_secrets.find(profileId);
    if (!shown || secret == m_secrets.end()) {
        m_placeholder->setText(
            m_missing.contains(profileId)
                ? tr("The profile “%1” has no secret: %2.\nAdd it again with its AccessKey "
                     "secret to manage its keys.")
                      .arg(shown ? shown->displayName : profileId, m_missing.value(profileId))
                : tr("Reading the profile's secret from the keychain…"));
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    std::unique_ptr<KeyService> service = makeKeyService(*shown, *secret, &m_client);
    wipeSecret(*secret); // the adapter holds its own copy
    m_secrets.erase(secret);
    auto *page = new KeyListPage(std::move(service), m_tools, m_stack);
    page->setObjectName(u"keyListPage-"_s + profileId);
    connect(page, &KeyListPage::inventoryRequested, this,
            [this, profileId](RamService *ram) { showInventory(profileId, ram); });
    m_pages.insert(profileId, page);
    m_stack->addWidget(page);
    m_stack->setCurrentWidget(page);
}

// The report has a page of its own next to the key list; asking again shows the same page,
// with its last report.
void MainWindow::showInventory(const QString &profileId, RamService *service)
{
    AccessKeyInventoryPage *page = m_inventoryPages.value(profileId);
    if (!page) {
        page = new AccessKeyInventoryPage(service, m_stack);
        page->setObjectName(u"inventoryPage-"_s + profileId);
        connect(page, &AccessKeyInventoryPage::backRequested, this,
                [this, profileId] { showProfile(profileId); });
        m_inventoryPages.insert(profileId, page);
        m_stack->addWidget(page);
    }
    m_stack->setCurrentWidget(page);
}

void MainWindow::removeProfile(const QString &profileId)
{
    if (m_store) {
        if (const ProfileStore::Error error = m_store->remove(profileId)) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Profile not removed"),
                                        error.message, QMessageBox::Ok, this);
            showPlain(box); // the settings file's or the system's words
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        // Every item of its keychain service: the secret and every kept copy, counted.
        if (m_tools.vault) {
            const Profile *removed = profile(profileId);
            removeProfileItems(profileId, removed ? removed->displayName : profileId, m_tools.vault,
                               this);
        }
    }
    m_sidebar->removeProfile(profileId);
    delete m_inventoryPages.take(profileId); // it uses the key page's adapter
    delete m_pages.take(profileId);
    for (QHash<QString, QByteArray> *secrets : {&m_secrets, &m_sessionSecrets}) {
        if (auto secret = secrets->find(profileId); secret != secrets->end()) {
            wipeSecret(*secret);
            secrets->erase(secret);
        }
    }
    m_missing.remove(profileId);
    m_profiles.removeIf([&](const Profile &kept) { return kept.id == profileId; });
    updateMissingNote();
    if (!currentPage())
        m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::showAddProfile()
{
    openProfileDialog(new ProfileDialog(this));
}

void MainWindow::showEditProfile(const QString &profileId)
{
    if (const Profile *edited = profile(profileId))
        openProfileDialog(new ProfileDialog(*edited, this));
}

void MainWindow::openProfileDialog(ProfileDialog *dialog)
{
    dialog->setObjectName(u"profileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSessionOnly(!m_store);
    connect(dialog, &ProfileDialog::submitted, this, [this, dialog] { saveProfile(dialog); });
    dialog->open();
}

void MainWindow::saveProfile(ProfileDialog *dialog)
{
    // The console passphrase first, where a secret enters the keychain or would go elsewhere.
    auto *gate = new ProfileSaveGate(m_tools.passphrase, m_store && m_tools.vault, dialog);
    connect(gate, &ProfileSaveGate::cleared, this, [this, dialog] { writeProfile(dialog); });
    gate->start();
}

void MainWindow::writeProfile(ProfileDialog *dialog)
{
    const Profile edited = dialog->profile();
    QByteArray secret = dialog->takeSecret();
    auto *job = new ProfileSaveJob(m_store, m_tools.vault, this);
    connect(job, &ProfileSaveJob::finished, this,
            [this, dialog = QPointer<ProfileDialog>(dialog)](ProfileSaveJob *done) {
                profileSaved(done, dialog);
            });
    const Profile *previous = dialog->isEditing() ? profile(edited.id) : nullptr;
    if (previous)
        job->update(*previous, edited, secret);
    else
        job->add(edited, secret);
    wipeSecret(secret);
}

void MainWindow::profileSaved(ProfileSaveJob *job, const QPointer<ProfileDialog> &dialog)
{
    if (job->failed()) {
        if (dialog) {
            dialog->showSaveError(job->errorString());
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Profile not saved"),
                                    job->errorString(), QMessageBox::Ok, this);
        box->setObjectName(u"profileNotSaved"_s);
        showPlain(box);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (dialog)
        dialog->saved();
    QByteArray secret = job->takeSecret();
    putProfile(job->profile(), job->isNew(), secret);
    wipeSecret(secret);
}

void MainWindow::putProfile(const Profile &saved, bool added, const QByteArray &newSecret)
{
    if (added) {
        m_profiles.append(saved);
    } else {
        for (Profile &kept : m_profiles) {
            if (kept.id == saved.id)
                kept = saved;
        }
    }
    m_sidebar->putProfile(saved);
    // The page's adapter was made with the old settings: the next showProfile() makes anew.
    const bool hadPage = m_pages.contains(saved.id);
    delete m_inventoryPages.take(saved.id);
    delete m_pages.take(saved.id);
    if (!newSecret.isEmpty()) {
        setSecret(saved.id, newSecret);
    } else if (const auto kept = m_sessionSecrets.constFind(saved.id);
               kept != m_sessionSecrets.cend()) {
        m_secrets.insert(saved.id, detachedSecretCopy(*kept));
    } else if (hadPage) {
        // The old page's adapter had the only copy: read the stored secret again.
        auto *reader = new ProfileSecretReader(m_tools.vault, this);
        connect(reader, &ProfileSecretReader::secretRead, this, &MainWindow::setSecret);
        connect(reader, &ProfileSecretReader::secretMissing, this, &MainWindow::setSecretMissing);
        connect(reader, &ProfileSecretReader::finished, reader, &QObject::deleteLater);
        reader->start({saved});
    }
    if (m_sidebar->currentProfileId() == saved.id)
        showProfile(saved.id);
    else
        selectProfile(saved.id); // shows it through profileSelected
}

void MainWindow::updateMissingNote()
{
    QStringList names;
    for (auto missing = m_missing.cbegin(); missing != m_missing.cend(); ++missing) {
        const Profile *lacking = profile(missing.key());
        names.append(lacking ? lacking->displayName : missing.key());
    }
    names.sort();
    if (names.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(
            tr("%n profile(s) lack their secret in the keychain: %1", nullptr, int(names.size()))
                .arg(names.join(u", "_s)));
}

const Profile *MainWindow::profile(const QString &profileId) const
{
    for (const Profile &candidate : m_profiles) {
        if (candidate.id == profileId)
            return &candidate;
    }
    return nullptr;
}

} // namespace keydesk
