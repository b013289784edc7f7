#pragma once

#include "KeyPageTools.h"
#include "domain/Profile.h"
#include "net/HttpClient.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMainWindow>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace keydesk {

class KeyListPage;
class ProfileSidebar;
class ProfileStore;

// The console's window: the profiles on the left, the selected profile's keys on the right. It
// only composes: each page owns its profile's adapter, made when the profile is first shown.
// Profile secrets come from the caller (the keychain, or the sandbox's demo in memory) and are
// wiped once the page's adapter holds its own copy.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // store: where removed profiles are forgotten; null for profiles that are not stored
    // (the sandbox's demo), which are only taken out of the window.
    MainWindow(const QList<Profile> &profiles, const KeyPageTools &tools, ProfileStore *store,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSecret(const QString &profileId, const QByteArray &secret);
    void setSecretMissing(const QString &profileId, const QString &reason);

    HttpClient *httpClient() { return &m_client; }
    ProfileSidebar *sidebar() const { return m_sidebar; }
    KeyListPage *currentPage() const; // null while no profile's keys are shown
    KeyListPage *pageFor(const QString &profileId) const { return m_pages.value(profileId); }
    void selectProfile(const QString &profileId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showProfile(const QString &profileId);
    void removeProfile(const QString &profileId);
    void showAddProfile();
    void updateMissingNote();
    const Profile *profile(const QString &profileId) const;

    QList<Profile> m_profiles;
    KeyPageTools m_tools;
    ProfileStore *m_store;
    HttpClient m_client;
    QHash<QString, QByteArray> m_secrets; // until the profile's page is made
    QHash<QString, QString> m_missing; // profile id → why it has no secret
    QHash<QString, KeyListPage *> m_pages;
    ProfileSidebar *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QSplitter *m_splitter;
};

} // namespace keydesk
