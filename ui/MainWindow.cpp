#include "MainWindow.h"

#include "KeyListPage.h"
#include "ProfileSidebar.h"
#include "ProfileStore.h"
#include "services/ServiceFactory.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

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
    setCentralWidget(m_splitter);
    statusBar()->setObjectName(u"status"_s);

    m_sidebar->setProfiles(profiles);
    connect(m_sidebar, &ProfileSidebar::profileSelected, this, &MainWindow::showProfile);
    connect(m_sidebar, &ProfileSidebar::removalConfirmed, this, &MainWindow::removeProfile);
    connect(m_sidebar, &ProfileSidebar::addRequested, this, &MainWindow::showAddProfile);

    const QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1100, 650);
    m_splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray());
}

MainWindow::~MainWindow()
{
    for (QByteArray &secret : m_secrets)
        wipeSecret(secret);
}

void MainWindow::setSecret(const QString &profileId, const QByteArray &secret)
{
    m_secrets.insert(profileId, detachedSecretCopy(secret));
    m_missing.remove(profileId);
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
    m_pages.insert(profileId, page);
    m_stack->addWidget(page);
    m_stack->setCurrentWidget(page);
}

void MainWindow::removeProfile(const QString &profileId)
{
    if (m_store) {
        if (const ProfileStore::Error error = m_store->remove(profileId)) {
            QMessageBox::warning(this, tr("Profile not removed"), error.message);
            return;
        }
        if (m_tools.vault)
            m_tools.vault->deleteSecret(profileId, CredentialVault::accessKeySecretKey())->start();
    }
    m_sidebar->removeProfile(profileId);
    delete m_pages.take(profileId);
    if (auto secret = m_secrets.find(profileId); secret != m_secrets.end()) {
        wipeSecret(*secret);
        m_secrets.erase(secret);
    }
    m_missing.remove(profileId);
    m_profiles.removeIf([&](const Profile &kept) { return kept.id == profileId; });
    updateMissingNote();
    if (!currentPage())
        m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::showAddProfile()
{
    // TODO(issue 4): a profile dialog (service, endpoint, region, ids, secret to the keychain).
    auto *box = new QMessageBox(QMessageBox::Information, tr("Add profile"),
                                tr("Adding a profile from the window is coming soon. Until then, "
                                   "`keydesk --sandbox` sets up one profile per service."),
                                QMessageBox::Ok, this);
    box->setObjectName(u"addProfileComing"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
