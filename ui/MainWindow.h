#pragma once

#include "KeyPageTools.h"
#include "domain/Profile.h"
#include "net/HttpClient.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>

class PassphraseJob;
class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace keydesk {

class AccessKeyInventoryPage;
class ConsoleLock;
class KeyListPage;
class LockedPage;
class ProfileDialog;
class ProfileSaveJob;
class ProfileSidebar;
class RamService;
class ProfileStore;

// The console's window: the profiles on the left, the selected profile's keys on the right. It
// only composes: each page owns its profile's adapter, made when the profile is first shown.
// Profile secrets come from the caller (the keychain, or the sandbox's demo in memory) and are
// wiped once the page's adapter holds its own copy. Profiles are added and edited through the
// ProfileDialog; ProfileSaveJob puts them in the store and their secret in the keychain.
// ConsoleLock says when to lock (screen lock, idle, Ctrl+L); locking ends every viewing session,
// clears a secret copied to the clipboard, drops the pages (their adapters wipe the profile
// secrets) and shows the LockedPage; unlocking asks for the console passphrase and reads the
// secrets again (MainWindowLock.cpp).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // store: where profiles are added, changed and forgotten; null for profiles that are not
    // stored (the sandbox's demo), which live in the window only, secrets included.
    MainWindow(const QList<Profile> &profiles, const KeyPageTools &tools, ProfileStore *store,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSecret(const QString &profileId, const QByteArray &secret);
    void setSecretMissing(const QString &profileId, const QString &reason);

    HttpClient *httpClient() { return &m_client; }
    ProfileSidebar *sidebar() const { return m_sidebar; }
    KeyListPage *currentPage() const; // null while no profile's keys are shown
    KeyListPage *pageFor(const QString &profileId) const { return m_pages.value(profileId); }
    // The profile's AccessKey report, once asked for (RAM profiles only); else null.
    AccessKeyInventoryPage *inventoryPageFor(const QString &profileId) const
    {
        return m_inventoryPages.value(profileId);
    }
    void selectProfile(const QString &profileId);
    // A second `keydesk` start asked for this window: un-minimized, raised, focused.
    void bringToFront();

    // The sandbox's demo: profiles whose secrets are in its account file, never in the
    // keychain; unlocking reads them from there again.
    void setDemoAccount(const QString &demoAccountPath, const QString &certificatePath);
    ConsoleLock *consoleLock() const { return m_lock; }
    LockedPage *lockedPage() const { return m_lockedPage; }
    bool isLocked() const { return m_locked; }
    void lock(const QString &reason);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void makeMenu();
    void showProfile(const QString &profileId);
    void showInventory(const QString &profileId, RamService *service);
    void removeProfile(const QString &profileId);
    void showAddProfile();
    void showEditProfile(const QString &profileId);
    void openProfileDialog(ProfileDialog *dialog);
    void saveProfile(ProfileDialog *dialog);
    void writeProfile(ProfileDialog *dialog);
    void profileSaved(ProfileSaveJob *job, const QPointer<ProfileDialog> &dialog);
    void putProfile(const Profile &saved, bool added, const QByteArray &newSecret);
    void updateMissingNote();
    const Profile *profile(const QString &profileId) const;
    // MainWindowLock.cpp
    void makeLock(QMenu *console);
    void unlockRequested();
    void unlockChecked(PassphraseJob *job);
    void finishUnlock();
    void readSecretsAgain();

    QList<Profile> m_profiles;
    KeyPageTools m_tools;
    ProfileStore *m_store;
    HttpClient m_client;
    QHash<QString, QByteArray> m_secrets; // until the profile's page is made
    // Without a store, a profile's secret is nowhere else: kept so that an edit can rebuild
    // the profile's page. Wiped with the window.
    QHash<QString, QByteArray> m_sessionSecrets;
    QHash<QString, QString> m_missing; // profile id → why it has no secret
    QHash<QString, KeyListPage *> m_pages;
    QHash<QString, AccessKeyInventoryPage *> m_inventoryPages; // RAM profiles' reports
    ProfileSidebar *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QSplitter *m_splitter;
    QStackedWidget *m_screens; // the splitter, or the locked page over the whole window
    LockedPage *m_lockedPage;
    ConsoleLock *m_lock;
    QAction *m_settingsAction = nullptr;
    QAction *m_lockAction = nullptr;
    QString m_demoAccountPath;
    QString m_demoCertificatePath;
    bool m_locked = false;
};

} // namespace keydesk
